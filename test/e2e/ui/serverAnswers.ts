/**
 * What the language server itself answers for a workspace file, asked over LSP outside VS Code (the protocol tests'
 * client): the workbench checks compare what VS Code renders with this, so that a wording change in the server
 * (a message, a quick-fix title) changes both sides. The findings themselves (rule, severity, place) are pinned by
 * the checks, so this answer is never taken on trust.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Command, Diagnostic, Hover, MarkupContent, Position } from 'vscode-languageserver';
import type { AgentStatus } from '../../../server/src/features/agentReadiness';
import { AGENT_STATUS_REQUEST } from '../../../server/src/lsp/requests';
import { applyEdits } from '../../helpers/documentText';
import { ClientDocument, LspClient } from '../../protocol/lspClient';

/** Quick fixes as VS Code's Ctrl+. menu lists them: every kind but source actions, which live under Source Action…. */
export interface QuickFix {
  title: string;
  isPreferred: boolean;
  /** The rule ids of the diagnostics it fixes. */
  codes: string[];
  /** The file's text after the fix. */
  result: string;
}

export function codeOf(diagnostic: Diagnostic): string {
  return String(diagnostic.code);
}

function containsPosition(diagnostic: Diagnostic, at: Position): boolean {
  const { start, end } = diagnostic.range;
  const after = at.line > start.line || (at.line === start.line && at.character >= start.character);
  const before = at.line < end.line || (at.line === end.line && at.character <= end.character);
  return after && before;
}

function isCodeAction(item: CodeAction | Command): item is CodeAction {
  return typeof (item as Command).command !== 'string';
}

export class ServerAnswers {
  private readonly documents = new Map<string, { document: ClientDocument; diagnostics: Diagnostic[] }>();

  private constructor(
    private readonly client: LspClient,
    private readonly workspace: string,
  ) {}

  /** Starts the bundled server on the workspace folder, as VS Code starts it (default settings, its display language). */
  static async start(workspace: string, locale?: string): Promise<ServerAnswers> {
    return new ServerAnswers(await LspClient.start({ documentChanges: false, workspaceFolder: workspace, locale }), workspace);
  }

  dispose(): void {
    this.client.dispose();
  }

  private async opened(relative: string): Promise<{ document: ClientDocument; diagnostics: Diagnostic[] }> {
    let entry = this.documents.get(relative);
    if (!entry) {
      const file = path.join(this.workspace, relative);
      const document = new ClientDocument(this.client, pathToFileURL(file).href, readFileSync(file, 'utf8'));
      entry = { document, diagnostics: (await document.open()).diagnostics };
      this.documents.set(relative, entry);
    }
    return entry;
  }

  /** The diagnostics the server publishes for the file as it is on disk. */
  async diagnostics(relative: string): Promise<Diagnostic[]> {
    return (await this.opened(relative)).diagnostics;
  }

  /** What the status bar item shows for the file (`pydeploy/agentStatus`, the request the extension sends), or undefined when none. */
  async statusBarText(relative: string): Promise<string | undefined> {
    const { document } = await this.opened(relative);
    const status = await this.client.request<AgentStatus | null>(AGENT_STATUS_REQUEST, { textDocument: { uri: document.uri } });
    return status ? `${status.ready ? '$(check)' : '$(warning)'} ${status.text}` : undefined;
  }

  /** The hover's markdown (or plain text) at a position, '' when there is none. */
  async hover(relative: string, at: Position): Promise<string> {
    const { document } = await this.opened(relative);
    const hover: Hover | null = await this.client.hover(document.uri, at);
    if (!hover) return '';
    const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
    return contents.map((content) => (typeof content === 'string' ? content : (content as MarkupContent).value)).join('\n\n');
  }

  /**
   * The quick fixes for a cursor at `at` (no selection), as VS Code asks when Ctrl+. is pressed there: the range is
   * the cursor and the context holds the diagnostics under it.
   */
  async quickFixes(relative: string, at: Position): Promise<QuickFix[]> {
    const { document, diagnostics } = await this.opened(relative);
    const under = diagnostics.filter((diagnostic) => containsPosition(diagnostic, at));
    const answer = await this.client.codeActions(document.uri, { start: at, end: at }, { diagnostics: under, triggerKind: 1 });
    return (answer ?? [])
      .filter(isCodeAction)
      .filter((action) => !(action.kind ?? '').startsWith('source'))
      .map((action) => ({
        title: action.title,
        isPreferred: action.isPreferred === true,
        codes: (action.diagnostics ?? []).map(codeOf),
        result: withEdits(document.text, document.uri, action),
      }));
  }
}

function withEdits(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri] ?? [];
  if (action.edit?.documentChanges) throw new Error(`"${action.title}": documentChanges although the client declared none`);
  // The tests' own edit application (from the LSP specification, not the server's code).
  return applyEdits(text, edits);
}

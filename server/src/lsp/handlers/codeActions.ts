import { CodeAction, CodeActionKind, CodeActionParams, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import type { FileEdits } from '../../features/changes';
import { FIX_ALL_KIND, PydeployCodeAction, fixAll, fixAllQuickFix, quickFixes } from '../../features/codeActions';
import type { TextEdit } from '../../text/edits';
import { checkCodeActionParams, inside } from '../params';
import type { ServerState } from '../serverState';
import { filePathOf } from '../uris';

/** `textDocument/codeAction`: the fixes of the findings in the range (and those the client names), and "fix all". */
export async function codeActions(state: ServerState, params: CodeActionParams): Promise<CodeAction[]> {
  checkCodeActionParams(params);
  const { document, analysis } = (await state.analysisFor(params.textDocument.uri)) ?? {};
  if (!document || !analysis) return [];
  const wants = (kind: string) => !params.context.only || params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const seen = new Set<string>();
    for (const requested of [params.range, ...params.context.diagnostics.map((diagnostic) => diagnostic.range)]) {
      const at = { start: inside(document, requested.start), end: inside(document, requested.end) };
      for (const action of quickFixes(analysis, at, state.locale)) {
        const key = `${action.title}@${JSON.stringify(action.diagnostics[0]?.range)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        actions.push(toLspAction(state, document, action));
      }
    }
    // Beside a finding's own fixes, as ESLint offers it: not on every line of the file.
    const all = actions.length > 0 ? fixAllQuickFix(analysis, state.locale) : undefined;
    if (all) actions.push(toLspAction(state, document, all));
  }
  if (wants(FIX_ALL_KIND)) {
    const all = fixAll(analysis, state.locale);
    if (all) actions.push(toLspAction(state, document, all));
  }
  return actions;
}

function toLspAction(state: ServerState, document: TextDocument, action: PydeployCodeAction): CodeAction {
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : action.kind,
    isPreferred: action.isPreferred || undefined,
    diagnostics: action.diagnostics.map((diagnostic) => state.lspDiagnostic(diagnostic, document.uri)),
    edit: workspaceEdit(state, document, action.edits, action.otherEdits),
  };
}

/**
 * The edit of a fix: the document's own edits, and those of other files (the agent's config) when the fix reaches
 * there. Another file open in the editor is versioned like the document; one that is not is edited on disk (null).
 */
function workspaceEdit(state: ServerState, document: TextDocument, edits: TextEdit[], others: FileEdits[] = []): WorkspaceEdit {
  const targets = [
    ...(edits.length > 0 || others.length === 0 ? [{ uri: document.uri, version: document.version as number | null, edits }] : []),
    ...others.map((other) => {
      const open = state.documents.all().find((candidate) => filePathOf(candidate.uri) === other.path);
      return { uri: open?.uri ?? pathToFileURL(other.path).href, version: open ? open.version : null, edits: other.edits };
    }),
  ];
  return state.versionedEdits
    ? { documentChanges: targets.map((target) => TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(target.uri, target.version), target.edits)) }
    : { changes: Object.fromEntries(targets.map((target) => [target.uri, target.edits])) };
}

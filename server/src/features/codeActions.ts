import { Range, comparePositions, rangesTouch } from '../text/lineIndex';
import { TextEdit, applyTextEdits } from '../text/edits';
import type { AnalyzedDocument } from '../model/document';
import { NO_WORKSPACE, WorkspaceView } from '../model/workspace';
import { Analysis, AnalysisSettings, RuleFinding, analyze, readDocument } from './analysis';
import { Change, FileEdits, changesToFileEdits } from './changes';
import { parseAgentIni } from '../parse/agentIni';
import { AgentConfig } from '../model/agentConfig';
import { PydeployDiagnostic, toDiagnostic } from './diagnostics';
import type { Fix } from '../rules/types';

export const FIX_ALL_KIND = 'source.fixAll.pydeploy';

export interface PydeployCodeAction {
  title: string;
  kind: 'quickfix' | typeof FIX_ALL_KIND;
  isPreferred: boolean;
  /** The diagnostics this action resolves. */
  diagnostics: PydeployDiagnostic[];
  edits: TextEdit[];
  /** Edits to other files of the workspace (the agent's config), when the fix reaches there. */
  otherEdits: FileEdits[];
}

/**
 * Reads another file a fix edits, as the document of its kind: the file a cross-file fix names is the agent's
 * config, which is read as one even when neither its name nor a section says so yet.
 */
function otherDocument(workspace: WorkspaceView, path: string): AnalyzedDocument | undefined {
  const text = workspace.readFile(path);
  if (text === undefined) return undefined;
  return readDocument(path, text, {}, NO_WORKSPACE) ?? { kind: 'agent-ini', path, text, agent: new AgentConfig(parseAgentIni(text)) };
}

/** The edits of a set of changes: this document's, and those of the other files it names. */
function resolveChanges(analysis: Analysis, changes: readonly Change[]): { edits: TextEdit[]; otherEdits: FileEdits[] } {
  const [own, ...others] = changesToFileEdits(analysis.document, changes, (path) => otherDocument(analysis.workspace, path));
  return { edits: own.edits, otherEdits: others.filter((other) => other.edits.length > 0) };
}

function fixesOf(document: AnalyzedDocument, found: RuleFinding) {
  return found.rule.fixes(document, found.finding);
}

/**
 * The quick fixes for the findings that touch a range (the cursor, or a diagnostic the editor sent back): the
 * rule's own fixes, then "Disable RULE for this line", which is never preferred and so never part of "fix all".
 */
export function quickFixes(analysis: Analysis, at: Range): PydeployCodeAction[] {
  // A file too large to read is not edited: a disable comment in it would not even be read.
  if (analysis.document.kind === 'too-large') return [];
  const actions: PydeployCodeAction[] = [];
  analysis.findings.forEach((found) => {
    if (!rangesTouch(found.finding.range, at)) return;
    const fixes = [...fixesOf(analysis.document, found), disableForLine(found)];
    for (const fix of fixes) {
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        isPreferred: fix.isPreferred,
        diagnostics: [toDiagnostic(found)],
        ...resolveChanges(analysis, fix.changes),
      });
    }
  });
  return actions;
}

function disableForLine({ rule, finding }: RuleFinding): Fix {
  return {
    title: `Disable ${rule.id} for this line`,
    isPreferred: false,
    changes: [{ kind: 'disable-next-line', line: finding.range.start.line, rule: rule.id }],
  };
}

/** Every preferred fix of the file as one action, its changes merged so that added lines land together. */
export function fixAll(analysis: Analysis): PydeployCodeAction | undefined {
  const changes: Change[] = [];
  const resolved: PydeployDiagnostic[] = [];
  analysis.findings.forEach((found) => {
    const preferred = fixesOf(analysis.document, found).filter((fix) => fix.isPreferred);
    if (preferred.length === 0) return;
    changes.push(...preferred[0].changes);
    resolved.push(toDiagnostic(found));
  });
  if (changes.length === 0) return undefined;
  return {
    title: 'Fix all agent settings',
    kind: FIX_ALL_KIND,
    isPreferred: false,
    diagnostics: resolved.sort((a, b) => comparePositions(a.range.start, b.range.start)),
    ...resolveChanges(analysis, changes),
  };
}

/** The text after every preferred fix, as `pydeploy check --fix` writes it; the same text when nothing applies. */
export function fixAllText(path: string, text: string, settings: AnalysisSettings = {}, workspace: WorkspaceView = NO_WORKSPACE): string {
  return fixAllFiles(path, text, settings, workspace).get(path) ?? text;
}

/**
 * Every file's new text after the preferred fixes of one file: that file's (always present), and the other files
 * its fixes edit (the agent's config), read from the workspace.
 */
export function fixAllFiles(path: string, text: string, settings: AnalysisSettings = {}, workspace: WorkspaceView = NO_WORKSPACE): Map<string, string> {
  const result = new Map<string, string>([[path, text]]);
  const analysis = analyze(path, text, settings, workspace);
  const action = analysis && fixAll(analysis);
  if (!action) return result;
  result.set(path, applyTextEdits(text, action.edits));
  for (const other of action.otherEdits) {
    const otherText = workspace.readFile(other.path);
    if (otherText !== undefined) result.set(other.path, applyTextEdits(otherText, other.edits));
  }
  return result;
}

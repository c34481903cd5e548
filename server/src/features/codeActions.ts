import { Range, comparePositions, rangesTouch } from '../text/lineIndex';
import { TextEdit, applyTextEdits, composeTextEdits } from '../text/edits';
import type { AnalyzedDocument } from '../model/document';
import { NO_WORKSPACE, WorkspaceView, readingThrough } from '../model/workspace';
import { Analysis, AnalysisSettings, RuleFinding, analyze, readDocument } from './analysis';
import { FileEdits, changesToFileEdits } from './changes';
import type { Change } from '../rules/change';
import { parseAgentIni } from '../parse/agentIni';
import { AgentConfig } from '../model/agentConfig';
import { PydeployDiagnostic, toDiagnostic } from './diagnostics';
import type { Fix } from '../rules/types';
import { suppressionsOf } from '../model/suppressions';
import type { Locale } from '../l10n/locale';
import { message, renderText } from '../l10n/message';

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
  return found.rule.fixes(found.reading ?? document, found.finding);
}

/**
 * The quick fixes for the findings that touch a range (the cursor, or a diagnostic the editor sent back): the
 * rule's own fixes, then "Disable RULE for this line", which is never preferred and so never part of "fix all" (and not
 * offered on a suppression comment itself, which no comment above can silence).
 */
export function quickFixes(analysis: Analysis, at: Range, locale: Locale = 'en'): PydeployCodeAction[] {
  // A file too large to read is not edited: a disable comment in it would not even be read.
  if (analysis.document.kind === 'too-large') return [];
  const actions: PydeployCodeAction[] = [];
  // Suppression comments stack: one added above such a comment would silence the line below them all, not this one.
  const commentLines = new Set(suppressionsOf(analysis.document).directives.map((directive) => directive.line));
  analysis.findings.forEach((found) => {
    if (!rangesTouch(found.finding.range, at)) return;
    const disable = commentLines.has(found.finding.range.start.line) ? [] : [disableForLine(found)];
    const fixes = [...fixesOf(analysis.document, found), ...disable];
    for (const fix of fixes) {
      actions.push({
        title: renderText(fix.title, locale),
        kind: 'quickfix',
        isPreferred: fix.isPreferred,
        diagnostics: [toDiagnostic(found, locale)],
        ...resolveChanges(analysis, fix.changes),
      });
    }
  });
  return actions;
}

function disableForLine({ rule, finding }: RuleFinding): Fix {
  return {
    title: message('fix.disable-for-line', { rule: rule.id }),
    isPreferred: false,
    changes: [{ kind: 'disable-next-line', line: finding.range.start.line, rule: rule.id }],
  };
}

/** Every preferred fix of the file's findings as one action, its changes merged so that added lines land together. */
function fixAllOnce(analysis: Analysis, locale: Locale): PydeployCodeAction | undefined {
  const changes: Change[] = [];
  const resolved: PydeployDiagnostic[] = [];
  analysis.findings.forEach((found) => {
    const preferred = fixesOf(analysis.document, found).filter((fix) => fix.isPreferred);
    if (preferred.length === 0) return;
    changes.push(...preferred[0].changes);
    resolved.push(toDiagnostic(found, locale));
  });
  if (changes.length === 0) return undefined;
  return {
    title: renderText(message('fix.all-agent-settings'), locale),
    kind: FIX_ALL_KIND,
    isPreferred: false,
    diagnostics: resolved.sort((a, b) => comparePositions(a.range.start, b.range.start)),
    ...resolveChanges(analysis, changes),
  };
}

/**
 * Fix all as a quick fix, offered beside a finding's own fixes in the Ctrl+. menu, when the file has more than one
 * finding fix all would fix (for one, the finding's own fix is the same edit). Never preferred, so that a
 * "fix the preferred one" shortcut never rewrites the whole file.
 */
export function fixAllQuickFix(analysis: Analysis, locale: Locale = 'en'): PydeployCodeAction | undefined {
  const fixable = analysis.findings.filter((found) => fixesOf(analysis.document, found).some((fix) => fix.isPreferred));
  if (fixable.length < 2) return undefined;
  const all = fixAll(analysis, locale);
  // Named the way ESLint's is, where its users look for it in the Ctrl+. menu.
  return all && { ...all, title: renderText(message('fix.all-in-file'), locale), kind: 'quickfix', isPreferred: false };
}

/** Fix-all passes at most: a fix can uncover another (a renamed key's inline comment), which a later pass fixes. */
const MAX_FIX_PASSES = 5;

/** The workspace with some files' texts replaced: what the next fix-all pass sees after the previous one. */
function withTexts(workspace: WorkspaceView, texts: ReadonlyMap<string, string>): WorkspaceView {
  // NO_WORKSPACE stays itself: the analysis tells a text checked on its own by that identity.
  if (workspace === NO_WORKSPACE) return workspace;
  return readingThrough(workspace, (path) => (texts.has(path) ? texts.get(path) : workspace.readFile(path)));
}

/** One pass of fix all: the analysis it fixed and its action. */
export interface FixAllPass {
  analysis: Analysis;
  action: PydeployCodeAction;
}

/**
 * The passes of fix all: the preferred fixes, then those of what they made of the files, until nothing changes (at
 * most MAX_FIX_PASSES), since a fix can uncover another. Each pass's edits refer to the texts the one before left.
 */
export function fixAllPasses(analysis: Analysis, locale: Locale = 'en'): FixAllPass[] {
  const { path, text } = analysis.document;
  const texts = new Map<string, string>();
  const passes: FixAllPass[] = [];
  let current: Analysis | undefined = analysis;
  while (current && passes.length < MAX_FIX_PASSES) {
    const action = fixAllOnce(current, locale);
    if (!action) break;
    let changed = false;
    for (const { path: file, edits } of [{ path, edits: action.edits }, ...action.otherEdits]) {
      const before = texts.get(file) ?? (file === path ? text : analysis.workspace.readFile(file));
      if (before === undefined) continue;
      const after = applyTextEdits(before, edits);
      if (after !== before) (texts.set(file, after), (changed = true));
    }
    if (!changed) break;
    passes.push({ analysis: current, action });
    current = analyze(path, texts.get(path) ?? text, analysis.settings, withTexts(analysis.workspace, texts));
  }
  return passes;
}

/**
 * Every preferred fix of the file as one action, settled: the edits of all fix-all passes composed into one set, so
 * that fix all (in the editor or `--fix`) applied a second time changes nothing.
 */
export function fixAll(analysis: Analysis, locale: Locale = 'en'): PydeployCodeAction | undefined {
  const passes = fixAllPasses(analysis, locale);
  if (passes.length === 0) return undefined;
  const { path, text } = analysis.document;
  const editsOf = new Map<string, TextEdit[]>();
  // Each other file read once, not once per pass: in the editor that is a read from disk.
  const originals = new Map<string, string | undefined>([[path, text]]);
  const originalOf = (file: string) => (originals.has(file) ? originals.get(file) : originals.set(file, analysis.workspace.readFile(file)).get(file));
  for (const { action } of passes) {
    for (const { path: file, edits } of [{ path, edits: action.edits }, ...action.otherEdits]) {
      const before = editsOf.get(file);
      const original = originalOf(file);
      if (original !== undefined) editsOf.set(file, before ? composeTextEdits(original, before, edits) : edits);
    }
  }
  return {
    ...passes[0].action,
    edits: editsOf.get(path) ?? [],
    otherEdits: [...editsOf].filter(([file, edits]) => file !== path && edits.length > 0).map(([file, edits]) => ({ path: file, edits })),
  };
}

/** The text after every preferred fix, as `pydeploy check --fix` writes it; the same text when nothing applies. */
export function fixAllText(path: string, text: string, settings: AnalysisSettings = {}, workspace: WorkspaceView = NO_WORKSPACE): string {
  return fixAllFiles(path, text, settings, workspace).get(path) ?? text;
}

/**
 * Every file's new text after fix all of one file: that file's (always present), and the other files its fixes
 * edit (the agent's config), read from the workspace.
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

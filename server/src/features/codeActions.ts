import { Range, comparePositions, rangesTouch } from '../text/lineIndex';
import { TextEdit, applyTextEdits } from '../text/edits';
import type { AnalyzedDocument } from '../model/document';
import { NO_WORKSPACE, WorkspaceView } from '../model/workspace';
import { Analysis, AnalysisSettings, RuleFinding, analyze } from './analysis';
import { Change, changesToEdits } from './changes';
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
}

function fixesOf(document: AnalyzedDocument, found: RuleFinding) {
  return found.rule.fixes(document, found.finding);
}

/**
 * The quick fixes for the findings that touch a range (the cursor, or a diagnostic the editor sent back): the
 * rule's own fixes, then "Disable RULE for this line", which is never preferred and so never part of "fix all".
 */
export function quickFixes(analysis: Analysis, at: Range): PydeployCodeAction[] {
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
        edits: changesToEdits(analysis.document, fix.changes),
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
    edits: changesToEdits(analysis.document, changes),
  };
}

/** The text after every preferred fix, as `pydeploy check --fix` writes it; the same text when nothing applies. */
export function fixAllText(path: string, text: string, settings: AnalysisSettings = {}, workspace: WorkspaceView = NO_WORKSPACE): string {
  const analysis = analyze(path, text, settings, workspace);
  const action = analysis && fixAll(analysis);
  return action ? applyTextEdits(text, action.edits) : text;
}

import { Range, comparePositions } from '../text/lineIndex';
import type { RelatedLocation, Severity } from '../rules/types';
import type { Analysis, RuleFinding } from './analysis';

/** A finding as every shell shows it: LSP's shape, with the severity spelled out. */
export interface PydeployDiagnostic {
  range: Range;
  severity: Severity;
  /** The rule id, stable across releases: fixes and suppressions key on it, never on the message. */
  code: string;
  message: string;
  source: 'pydeploy';
  related?: RelatedLocation[];
}

export function toDiagnostic({ rule, severity, finding }: RuleFinding): PydeployDiagnostic {
  return {
    range: finding.range,
    severity,
    code: rule.id,
    message: finding.message,
    source: 'pydeploy',
    ...(finding.related ? { related: finding.related } : {}),
  };
}

/** Findings in the order of the file (rules in registry order where they share a position). */
export function diagnosticsOf(analysis: Analysis): PydeployDiagnostic[] {
  return analysis.findings.map(toDiagnostic).sort((a, b) => comparePositions(a.range.start, b.range.start));
}

import { Range, comparePositions } from '../text/lineIndex';
import type { RelatedLocation, Severity } from '../rules/types';
import type { Locale } from '../l10n/locale';
import { renderText } from '../l10n/message';
import type { Analysis, RuleFinding } from './analysis';

/** A finding as every shell shows it: LSP's shape, with the severity spelled out. */
export interface PydeployDiagnostic {
  range: Range;
  severity: Severity;
  /** The rule id, stable across releases: fixes and suppressions key on it, never on the message. */
  code: string;
  /** In the shell's locale. */
  message: string;
  source: 'pydeploy';
  related?: RenderedRelatedLocation[];
}

export type RenderedRelatedLocation = Omit<RelatedLocation, 'message'> & { message: string };

export function toDiagnostic({ rule, severity, finding }: RuleFinding, locale: Locale = 'en'): PydeployDiagnostic {
  return {
    range: finding.range,
    severity,
    code: rule.id,
    message: renderText(finding.message, locale),
    source: 'pydeploy',
    ...(finding.related ? { related: finding.related.map((related) => ({ ...related, message: renderText(related.message, locale) })) } : {}),
  };
}

/** Findings in the order of the file (rules in registry order where they share a position). */
export function diagnosticsOf(analysis: Analysis, locale: Locale = 'en'): PydeployDiagnostic[] {
  return analysis.findings.map((found) => toDiagnostic(found, locale)).sort((a, b) => comparePositions(a.range.start, b.range.start));
}

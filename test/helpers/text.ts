import { analyze, AnalysisSettings } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';

/** Joins lines with a line ending, so fixtures read as the file would. */
export function lines(eol: string, ...content: string[]): string {
  return content.join(eol);
}

/** The diagnostics of a file as `line:col-line:col severity code` strings plus messages, for exact comparison. */
export function diagnose(path: string, text: string, settings?: AnalysisSettings) {
  const analysis = analyze(path, text, settings);
  if (!analysis) throw new Error(`${path} is not handled`);
  return diagnosticsOf(analysis).map((d) => ({
    at: `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
}

export function codesAt(path: string, text: string): string[] {
  return diagnose(path, text).map((d) => `${d.at} ${d.severity} ${d.code}`);
}

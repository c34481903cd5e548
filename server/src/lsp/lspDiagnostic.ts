import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import type { PydeployDiagnostic } from '../features/diagnostics';
import type { Severity } from '../rules/types';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The diagnostic as LSP has it; `rulePage` is the link to its rule's documentation, for a client that shows one. */
export function toLspDiagnostic(diagnostic: PydeployDiagnostic, uri: string, rulePage: string | undefined): Diagnostic {
  return {
    range: diagnostic.range,
    severity: LSP_SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    ...(rulePage !== undefined ? { codeDescription: { href: rulePage } } : {}),
    source: diagnostic.source,
    message: diagnostic.message,
    relatedInformation: diagnostic.related?.map((related) => ({ location: { uri: related.path ? pathToFileURL(related.path).href : uri, range: related.range }, message: related.message })),
  };
}

import { pathToFileURL } from 'node:url';
import { RULES } from '../rules/registry';
import type { Rule, Severity } from '../rules/types';
import type { Range } from '../text/lineIndex';
import { ruleDocsIn, ruleHelpMarkdown } from '../features/rulePageText';
import type { CheckedDiagnostic, CheckedFile } from './formats';
import type { Locale } from '../l10n/locale';

/** SARIF has three levels of problem; information and hints are both notes. */
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The base that relative artifact URIs are resolved against: the repository checked (GitHub: the checkout). */
const SOURCE_ROOT = '%SRCROOT%';

/** A rule's descriptor, in the run's language, with the help its page gives (example, fix, how to silence it). */
function ruleDescriptor(rule: Rule, locale: Locale) {
  const docs = ruleDocsIn(rule, locale);
  return {
    id: rule.id,
    shortDescription: { text: docs.summary },
    fullDescription: { text: docs.details },
    // The rule's page, as the editor opens it: the plain text is the summary and details, the markdown the whole page.
    help: { text: `${docs.summary}\n\n${docs.details}`, markdown: ruleHelpMarkdown(rule, locale) },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
  };
}

/** SARIF regions are 1-based; `endColumn` is the column after the last character, as an LSP range's end is. */
function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** A path under the source root as a relative URI reference (each segment percent-encoded); others as file URIs. */
function artifactLocation(file: CheckedFile) {
  if (file.fromBase === undefined) return { uri: file.uri };
  return { uri: file.fromBase.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** SARIF's language tags are RFC 5646's. */
const SARIF_LANGUAGE: Record<Locale, string> = { en: 'en-US', 'zh-cn': 'zh-CN' };

/** A result's message: in the run's language, with the English text in its property bag when that is another. */
function resultMessage(d: CheckedDiagnostic) {
  return { text: d.message, ...(d.englishMessage !== undefined ? { properties: { 'pydeploy/englishText': d.englishMessage } } : {}) };
}

/** Where a related location is: in another file (an agent's evidence in requirements.txt) or in the finding's own. */
function relatedArtifactLocation(file: CheckedFile, path: string | undefined, baseUri: string) {
  if (path === undefined) return artifactLocation(file);
  const uri = pathToFileURL(path).href;
  return uri.startsWith(baseUri) ? { uri: uri.slice(baseUri.length), uriBaseId: SOURCE_ROOT } : { uri };
}

/**
 * One SARIF 2.1.0 log of a check, as GitHub code scanning takes it: the tool with every rule's descriptor, and one
 * result per finding with its rule, level, message and 1-based region. Columns count UTF-16 code units, as the LSP
 * ranges the analysis gives do.
 */
export function sarifLog(files: readonly CheckedFile[], version: string, baseUri: string, locale: Locale = 'en') {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const results = files.flatMap((file) =>
    file.diagnostics.map((d) => ({
      ruleId: d.code,
      ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
      level: LEVELS[d.severity],
      message: resultMessage(d),
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(file), region: region(d.range) } }],
      ...(d.related
        ? {
            relatedLocations: d.related.map((related) => ({
              physicalLocation: { artifactLocation: relatedArtifactLocation(file, related.path, baseUri), region: region(related.range) },
              message: { text: related.message },
            })),
          }
        : {}),
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pydeploy', version, semanticVersion: version, rules: RULES.map((rule) => ruleDescriptor(rule, locale)) } },
        ...(locale !== 'en' ? { language: SARIF_LANGUAGE[locale] } : {}),
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: baseUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

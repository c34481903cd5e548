import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PydeployDiagnostic } from '../features/diagnostics';
import type { Severity } from '../rules/types';
import { sarifLog } from './sarif';
import type { Locale } from '../l10n/locale';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export type Format = (typeof FORMATS)[number];

/** A finding, its message in the locale asked for; in another locale than English, with the English text too. */
export type CheckedDiagnostic = PydeployDiagnostic & { englishMessage?: string };

/** What checking one file gave, with the names each format gives the file. */
export interface CheckedFile {
  /** As the user named it or the walk found it: relative to the current folder, or absolute. */
  file: string;
  /** `/`-separated, from the repository root (or the current folder outside a repository); none for a file outside it. */
  fromBase?: string;
  /** The absolute `file://` URI. */
  uri: string;
  diagnostics: CheckedDiagnostic[];
}

export function checkedFile(file: string, diagnostics: CheckedDiagnostic[], base: string): CheckedFile {
  const absolute = resolve(file);
  const fromBase = relative(base, absolute);
  const inside = fromBase !== '' && !fromBase.startsWith('..') && !isAbsolute(fromBase);
  return { file, ...(inside ? { fromBase: fromBase.split(sep).join('/') } : {}), uri: pathToFileURL(absolute).href, diagnostics };
}

/** `path:line:col: severity rule-id message`, 1-based, as compilers print them (and editors' problem matchers read). */
function textLines(files: readonly CheckedFile[]): string[] {
  return files.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`),
  );
}

/** `message` stays English, which scripts may match; `localizedMessage` is the one in the language asked for, if not English. */
function jsonRows(files: readonly CheckedFile[]) {
  return files.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({
      file,
      range: d.range,
      severity: d.severity,
      code: d.code,
      message: d.englishMessage ?? d.message,
      ...(d.englishMessage !== undefined ? { localizedMessage: d.message } : {}),
    })),
  );
}

/** GitHub Actions shows errors, warnings and notices; information and hints are notices. */
const GITHUB_COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A workflow command's message: `%`, CR and LF escaped, as GitHub's toolkit (@actions/core) does. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: the message escapes, and `:` and `,`, which separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`: GitHub Actions turns these lines of a
 * job's log into annotations on the files. Paths are from the repository root, where the checkout is; the end
 * column is the one after the last character, as in SARIF.
 */
function githubCommands(files: readonly CheckedFile[]): string[] {
  return files.flatMap(({ file, fromBase, diagnostics }) =>
    diagnostics.map((d) => {
      const properties = [
        ['file', fromBase ?? resolve(file)],
        ['line', d.range.start.line + 1],
        ['col', d.range.start.character + 1],
        ['endLine', d.range.end.line + 1],
        ['endColumn', d.range.end.character + 1],
        ['title', d.code],
      ];
      const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
      return `::${GITHUB_COMMANDS[d.severity]} ${list}::${escapeData(d.message)}`;
    }),
  );
}

/** The findings in the format asked for, or undefined when there is nothing to print (text and github). */
export function formatFindings(format: Format, files: readonly CheckedFile[], version: string, base: string, locale: Locale = 'en'): string | undefined {
  if (format === 'json') return JSON.stringify(jsonRows(files), null, 2);
  if (format === 'sarif') return JSON.stringify(sarifLog(files, version, pathToFileURL(base.endsWith(sep) ? base : base + sep).href, locale), null, 2);
  const lines = format === 'github' ? githubCommands(files) : textLines(files);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

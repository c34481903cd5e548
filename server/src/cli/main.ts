import { Dirent, closeSync, fchmodSync, fchownSync, fsyncSync, openSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Analysis, analyze } from '../features/analysis';
import { fixAllFiles, fixAllPasses } from '../features/codeActions';
import { PydeployDiagnostic, diagnosticsOf } from '../features/diagnostics';
import { detectFileKind, mayBeHandled } from '../features/fileKinds';
import { namedGunicornConfigs } from '../model/launches';
import { launchesAround } from '../features/readings';
import { effectiveSettings } from '../features/settings';
import type { WorkspaceView } from '../model/workspace';
import { IndexedWorkspace, corePath, fileWorkspace, folderEntries, gitRoot } from '../node/fileWorkspace';
import { walkFiles } from '../model/workspaceFiles';
import type { Severity } from '../rules/types';
import { version } from '../../../package.json';
import { CheckedDiagnostic, CheckedFile, FORMATS, Format, checkedFile, formatFindings } from './formats';
import { LOCALES, Locale, localeOfEnvironment } from '../l10n/locale';
import { Message, Text, message, renderText } from '../l10n/message';

const USAGE = `usage: pydeploy check [options] [PATH ...]

Checks uWSGI and Gunicorn configs, the agent's tingyun.ini and the project's Tornado pin for what
the Python APM agent needs. PATHs are files or folders (folders are walked; node_modules, .git and
virtual environments are skipped); with no PATH the current folder is checked.

Options:
  --format FORMAT     how findings are printed:
                        text    path:line:col: severity rule-id message (the default)
                        json    an array of {file, range, severity, code, message}, 0-based ranges
                        sarif   a SARIF 2.1.0 log, for GitHub code scanning and other viewers
                        github  GitHub Actions workflow commands, shown as annotations on the files
  --fix               apply every preferred fix in place, say what changed in each file, then
                      report what is left
  --quiet             report errors only (warnings still count for --max-warnings)
  --max-warnings N    exit 1 when more than N warnings are found (-1, the default: no limit)
  --exit-zero         exit 0 even when errors are found or warnings exceed --max-warnings
  -h, --help          show this help
  --version           show the version
  --lang LANG         the language of the messages: en or zh-cn (by default, the one LC_ALL,
                      LC_MESSAGES or LANG names: zh_CN is Simplified Chinese, anything else English)

Exit status: 1 when an error was found or warnings exceed --max-warnings, 2 for bad usage or an
unreadable path, 0 otherwise.`;

interface Options {
  format: Format;
  fix: boolean;
  exitZero: boolean;
  quiet: boolean;
  /** -1: no limit. */
  maxWarnings: number;
  paths: string[];
  /** From --lang; undefined: from the environment. */
  locale?: Locale;
}

class UsageError extends Error {}

class CannotRead extends Error {}

function reason(error: unknown): string {
  if (error instanceof CannotRead) return error.message;
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** The options that take no value. */
const FLAGS = ['--fix', '--exit-zero', '--quiet', '--help', '--version'];

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

function parseArguments(args: string[]): Options | 'help' | 'version' {
  const [command, ...rest] = args;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === '--version') return 'version';
  if (command !== 'check') throw new UsageError(command === undefined ? 'a command is required: pydeploy check' : `unknown command '${command}': the command is check`);
  const options: Options = { format: 'text', fix: false, exitZero: false, quiet: false, maxWarnings: -1, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    /** The option's value: after `=`, or the next argument. */
    const value = (expected: string): string => {
      const given = inline ?? rest[++i];
      if (given === undefined) throw new UsageError(`${name} needs a value: ${expected}`);
      return given;
    };
    if (inline !== undefined && FLAGS.includes(name)) throw new UsageError(`${name} takes no value`);
    if (arg === '-h' || arg === '--help') return 'help';
    else if (arg === '--version') return 'version';
    else if (arg === '--fix') options.fix = true;
    else if (arg === '--exit-zero') options.exitZero = true;
    else if (arg === '--quiet') options.quiet = true;
    else if (name === '--format') {
      const format = value(FORMATS.join(', '));
      if (!isFormat(format)) throw new UsageError(`--format takes ${FORMATS.join(', ')}, not '${format}'`);
      options.format = format;
    } else if (name === '--max-warnings') {
      const limit = value('a whole number of warnings');
      if (!/^(-1|\d+)$/.test(limit)) throw new UsageError(`--max-warnings takes a whole number of warnings (or -1 for no limit), not '${limit}'`);
      options.maxWarnings = Number(limit);
    } else if (name === '--lang') {
      const lang = value(LOCALES.join(', '));
      if (!isLocale(lang)) throw new UsageError(`--lang takes ${LOCALES.join(', ')}, not '${lang}'`);
      options.locale = lang;
    } else if (arg === '--') options.paths.push(...rest.slice(i + 1)), (i = rest.length);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

/** The Python files a launch of a workspace folder names with `-c`, by folder: read once per run. */
const namedConfigsByRoot = new WeakMap<WorkspaceView, Map<string, Set<string>>>();

function isNamedGunicornConfig(file: string, workspace: WorkspaceView): boolean {
  const root = workspace.rootOf(file);
  const byRoot = namedConfigsByRoot.get(workspace) ?? new Map<string, Set<string>>();
  namedConfigsByRoot.set(workspace, byRoot);
  let named = byRoot.get(root);
  if (!named) byRoot.set(root, (named = namedGunicornConfigs(workspace, launchesAround(workspace, file))));
  return named.has(file);
}

/** A name pydeploy may handle, or a Python file the project file's `gunicorn-config-files` or a launch's `-c` names. */
function isCandidate(path: string, workspace: WorkspaceView): boolean {
  if (mayBeHandled(path)) return true;
  if (!path.endsWith('.py')) return false;
  const file = corePath(path);
  return detectFileKind(file, '', effectiveSettings(file, {}, workspace)) !== undefined || isNamedGunicornConfig(file, workspace);
}

/**
 * Files under a folder that pydeploy may handle, in a stable order (see walkFiles: unbounded here, as the user named
 * the folder); a symbolic link is checked as a file, a link to a folder is not followed.
 */
function candidatesUnder(folder: string, workspace: WorkspaceView): string[] {
  const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return walkFiles(folder, {
    list: (path) =>
      folderEntries(path)
        ?.sort(byName)
        .map((entry) => ({ name: entry.name, isDirectory: () => entry.isDirectory(), isFile: () => entry.isFile() || entry.isSymbolicLink() })),
    join,
    keep: (path) => isCandidate(path, workspace),
  });
}

const BOM = '\uFEFF';

/** A file's text as the analysis reads it, and whether it can be written back byte for byte. */
function readText(file: string): { text: string; hasBom: boolean; writable: boolean } {
  // A FIFO or device named like a config would block or never end; only regular files are read.
  if (!statSync(file).isFile()) throw new CannotRead('not a regular file');
  const bytes = readFileSync(file);
  const decoded = bytes.toString('utf8');
  // Editors hide a BOM from language servers; do the same so that columns agree, and put it back on write.
  const hasBom = decoded.startsWith(BOM);
  return { text: hasBom ? decoded.slice(1) : decoded, hasBom, writable: Buffer.from(decoded, 'utf8').equals(bytes) };
}

/** The temporary files `--fix` writes beside a config: `.uwsgi.ini.pydeploy-<pid>-<random>.tmp`. */
function tempNamePattern(name: string): RegExp {
  return new RegExp(`^\\.${name.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}\\.pydeploy-(\\d+)-[0-9a-f]+\\.tmp$`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files of earlier `--fix` runs that died mid-write (a kill leaves no chance to clean up). */
function removeStaleTempFiles(folder: string, name: string): void {
  const pattern = tempNamePattern(name);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = pattern.exec(entry);
    if (match && Number(match[1]) !== process.pid && !isRunning(Number(match[1]))) rmSync(join(folder, entry), { force: true });
  }
}

/**
 * Replaces a file's content so that a crash at any point leaves either the old bytes or the new ones, never a
 * truncated config: the new bytes go to a temporary file in the same folder (so the rename stays on one file system),
 * which gets the original's permissions and is flushed to disk, then renamed over the original. A symbolic link is
 * written through: its target is replaced and the link stays. The temporary file is removed when anything fails.
 */
function writeAtomically(file: string, content: string): void {
  const target = realpathSync(file);
  const folder = dirname(target);
  removeStaleTempFiles(folder, basename(target));
  const original = statSync(target);
  const mode = original.mode & 0o7777;
  const temp = join(folder, `.${basename(target)}.pydeploy-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const bytes = Buffer.from(content, 'utf8');
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    // openSync's mode is reduced by the umask; the original's permissions are what the config had.
    fchmodSync(fd, mode);
    // The owner too, where the user may give it (root fixing a service's config): as `sed -i` does, best effort.
    try {
      fchownSync(fd, original.uid, original.gid);
    } catch {
      // An ordinary user cannot give a file away; the new file is then theirs, as any editor's save would make it.
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  // The rename itself survives a power cut only once the folder is flushed; not every system lets a folder be opened.
  try {
    const folderFd = openSync(folder, 'r');
    try {
      fsyncSync(folderFd);
    } finally {
      closeSync(folderFd);
    }
  } catch {
    // Best effort.
  }
}

/**
 * How many findings fix all resolves in each file it edits: a finding's preferred fix may edit its own file, another
 * (the agent's config), or both. Counted over every pass (a fix can uncover another), with the fix each pass applies.
 */
function fixCounts(analysis: Analysis): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { analysis: pass } of fixAllPasses(analysis)) {
    for (const { rule, finding } of pass.findings) {
      const preferred = rule.fixes(pass.document, finding).find((fix) => fix.isPreferred);
      const edited = new Set(preferred?.changes.map((change) => (change.kind === 'edit-file' ? change.path : pass.document.path)));
      for (const path of edited) counts.set(path, (counts.get(path) ?? 0) + 1);
    }
  }
  return counts;
}

interface FixedFile {
  shown: string;
  count: number;
}

/**
 * Applies the preferred fixes of one file, to it and to the other files they reach (a fix on a uWSGI config may
 * edit the agent's config), and adds to `fixed` how many fixes each file got (by absolute path). Files that are not valid UTF-8 are left
 * alone.
 */
function fixFile(file: string, workspace: IndexedWorkspace, fixed: Map<string, FixedFile>, warn: (message: Message) => void): void {
  const { text } = readText(file);
  const path = corePath(file);
  const analysis = analyze(path, text, {}, workspace);
  if (!analysis) return;
  const counts = fixCounts(analysis);
  for (const [target, fixedText] of fixAllFiles(path, text, {}, workspace)) {
    // Another file is named as the user would: from the current folder when it is under it.
    const shown = target === path ? file : displayPath(target);
    let current;
    try {
      current = readText(target);
    } catch {
      continue;
    }
    if (fixedText === current.text) continue;
    if (!current.writable) warn(message('cli.not-fixing', { file: shown }));
    else {
      try {
        writeAtomically(target, (current.hasBom ? BOM : '') + fixedText);
        // The next files are read with this one as fixed (it may now name the agent's config, or no longer).
        workspace.forgetComputed();
        const count = (fixed.get(target)?.count ?? 0) + (counts.get(target) ?? 0);
        // The name the user gave wins over the one made for a file reached from another.
        fixed.set(target, { shown: target === path ? file : (fixed.get(target)?.shown ?? shown), count });
      } catch (error) {
        warn(message('cli.cannot-write', { file: shown, reason: reason(error) }));
      }
    }
  }
}

function displayPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') || isAbsolute(fromHere) ? path : fromHere;
}

/**
 * Checks one file; undefined when it is no file pydeploy handles. Messages are in the locale; in another locale than
 * English, each also carries its English text (JSON and SARIF give both).
 */
function checkFile(file: string, workspace: WorkspaceView, locale: Locale): CheckedDiagnostic[] | undefined {
  const { text } = readText(file);
  const analysis = analyze(corePath(file), text, {}, workspace);
  if (!analysis) return undefined;
  const shown = diagnosticsOf(analysis, locale);
  if (locale === 'en') return shown;
  const english = diagnosticsOf(analysis, 'en');
  return shown.map((diagnostic, i) => ({ ...diagnostic, englishMessage: english[i].message }));
}

/** A count with its noun: the message for one, or the one for any other number. */
function counted(count: number, one: 'cli.file' | 'cli.error' | 'cli.warning' | 'cli.hint' | 'cli.fix', other: 'cli.files' | 'cli.errors' | 'cli.warnings' | 'cli.hints' | 'cli.fixes'): Message {
  return count === 1 ? message(one) : message(other, { count });
}

/** The last line of the text output, counting with the severities' own words. */
function summary(checked: number, all: readonly PydeployDiagnostic[], quiet: boolean): Message {
  const count = (severity: Severity) => all.filter((d) => d.severity === severity).length;
  const counts = [
    counted(count('error'), 'cli.error', 'cli.errors'),
    counted(count('warning'), 'cli.warning', 'cli.warnings'),
    message('cli.information', { count: count('information') }),
    counted(count('hint'), 'cli.hint', 'cli.hints'),
  ];
  return message('cli.summary', { files: counted(checked, 'cli.file', 'cli.files'), counts, quiet: quiet ? message('cli.quiet') : '' });
}

export function main(args: string[], out: (text: string) => void, err: (text: string) => void, env: NodeJS.ProcessEnv = process.env): number {
  let options: Options | 'help' | 'version';
  try {
    options = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`pydeploy: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options === 'help') return out(USAGE), 0;
  if (options === 'version') return out(version), 0;
  const locale = options.locale ?? localeOfEnvironment(env);
  const say = (text: Text) => err(renderText(text, locale));

  let unreadable = false;
  // Requirement files and included configs are looked for up to the repository (or current folder).
  // A folder given outside that repository is a workspace of its own, as a second folder is in the editor.
  const baseFolder = gitRoot(process.cwd()) ?? process.cwd();
  const base = corePath(baseFolder);
  const outside = options.paths.filter((path) => {
    try {
      const folder = corePath(path);
      return statSync(path).isDirectory() && folder !== base && !folder.startsWith(`${base}/`);
    } catch {
      return false;
    }
  });
  const workspace = fileWorkspace([base, ...outside]);
  const groups: Array<{ path: string; files: string[] }> = [];
  for (const path of options.paths) {
    try {
      if (statSync(path).isDirectory()) {
        groups.push({ path, files: candidatesUnder(path, workspace) });
      } else groups.push({ path, files: [path] });
    } catch (error) {
      say(message('cli.cannot-read', { path, reason: reason(error) }));
      unreadable = true;
    }
  }
  // Fixes first, all of them: a fix of one file may edit another (the agent's config), which is then checked as fixed.
  if (options.fix) {
    const fixed = new Map<string, FixedFile>();
    for (const file of groups.flatMap((group) => group.files)) {
      try {
        fixFile(file, workspace, fixed, say);
      } catch {
        // Reported below, when the file is checked.
      }
    }
    for (const { shown, count } of fixed.values()) say(message('cli.fixed', { file: shown, fixes: counted(count, 'cli.fix', 'cli.fixes') }));
  }
  const checked: CheckedFile[] = [];
  for (const { path, files } of groups) {
    for (const file of files) {
      try {
        const diagnostics = checkFile(file, workspace, locale);
        if (diagnostics) checked.push(checkedFile(file, diagnostics, baseFolder));
        else if (files.length === 1 && file === path) say(message('cli.skipped', { file }));
      } catch (error) {
        say(message('cli.cannot-read', { path: file, reason: reason(error) }));
        unreadable = true;
      }
    }
  }

  const all = checked.flatMap((file) => file.diagnostics);
  const shown = options.quiet ? checked.map((file) => ({ ...file, diagnostics: file.diagnostics.filter((d) => d.severity === 'error') })) : checked;
  const output = formatFindings(options.format, shown, version, baseFolder, locale);
  if (output !== undefined) out(output);
  if (options.format === 'text') say(summary(checked.length, all, options.quiet));
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const tooManyWarnings = options.maxWarnings >= 0 && warnings > options.maxWarnings;
  if (tooManyWarnings) say(message('cli.too-many-warnings', { warnings: counted(warnings, 'cli.warning', 'cli.warnings'), limit: options.maxWarnings }));
  if (unreadable) return 2;
  return (errors > 0 || tooManyWarnings) && !options.exitZero ? 1 : 0;
}

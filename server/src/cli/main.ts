import { Dirent, closeSync, existsSync, fchmodSync, fchownSync, fsyncSync, openSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { analyze } from '../features/analysis';
import { fixAllFiles } from '../features/codeActions';
import { PydeployDiagnostic, diagnosticsOf } from '../features/diagnostics';
import { detectFileKind, mayBeHandled } from '../features/fileKinds';
import { namedGunicornConfigs } from '../model/launches';
import { launchesAround } from '../features/readings';
import { effectiveSettings } from '../features/settings';
import type { WorkspaceView } from '../model/workspace';
import { corePath, fileWorkspace, gitRoot } from '../node/fileWorkspace';
import { version } from '../../../package.json';

const USAGE = `usage: pydeploy check [--format text|json] [--fix] [--exit-zero] [PATH ...]

Checks uWSGI and Gunicorn configs, the agent's tingyun.ini and the project's Tornado pin for what
the Python APM agent needs. PATHs are files or folders
(folders are walked; node_modules, .git and virtual environments are skipped); with no
PATH the current folder is checked.

  --format text|json  compiler-style lines (default) or a JSON array of diagnostics
  --fix               apply every preferred fix in place, then report what is left
  --exit-zero         exit 0 even when errors are found
  -h, --help          show this help
  --version           show the version

Exit status: 1 when an error was found, 2 for bad usage or an unreadable path, 0 otherwise.`;

interface Options {
  format: 'text' | 'json';
  fix: boolean;
  exitZero: boolean;
  paths: string[];
}

class UsageError extends Error {}

class CannotRead extends Error {}

function reason(error: unknown): string {
  if (error instanceof CannotRead) return error.message;
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

function parseArguments(args: string[]): Options | 'help' | 'version' {
  const [command, ...rest] = args;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === '--version') return 'version';
  if (command !== 'check') throw new UsageError(command === undefined ? 'a command is required' : `unknown command '${command}'`);
  const options: Options = { format: 'text', fix: false, exitZero: false, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-h' || arg === '--help') return 'help';
    else if (arg === '--fix') options.fix = true;
    else if (arg === '--exit-zero') options.exitZero = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format takes 'text' or 'json', not '${value ?? ''}'`);
      options.format = value;
    } else if (arg === '--') options.paths.push(...rest.slice(i + 1)), (i = rest.length);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

/** Folders no project keeps its deployment configs in, and that can be huge. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.tox', '.nox', '.venv', 'venv', 'site-packages', '.mypy_cache', '.pytest_cache']);

function isVirtualEnvironment(folder: string): boolean {
  return existsSync(join(folder, 'pyvenv.cfg'));
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

/** Files under a folder that pydeploy may handle, in a stable order; symbolic links to folders are not followed. */
function walk(folder: string, found: string[], workspace: WorkspaceView): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !isVirtualEnvironment(path)) walk(path, found, workspace);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isCandidate(path, workspace)) {
      found.push(path);
    }
  }
}

const BOM = '\uFEFF';

interface FileReport {
  file: string;
  diagnostics: PydeployDiagnostic[];
}

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
 * Applies the preferred fixes of one file, to it and to the other files they reach (a fix on a uWSGI config may
 * edit the agent's config). Files that are not valid UTF-8 are left alone.
 */
function fixFile(file: string, workspace: WorkspaceView, warn: (message: string) => void): void {
  const { text } = readText(file);
  for (const [path, fixed] of fixAllFiles(corePath(file), text, {}, workspace)) {
    const target = path === corePath(file) ? file : path;
    let current;
    try {
      current = readText(target);
    } catch {
      continue;
    }
    if (fixed === current.text) continue;
    if (!current.writable) warn(`pydeploy: not fixing ${target}: it is not valid UTF-8, and rewriting it would change bytes`);
    else {
      try {
        writeAtomically(target, (current.hasBom ? BOM : '') + fixed);
      } catch (error) {
        warn(`pydeploy: could not write the fixes to ${target}: ${reason(error)}`);
      }
    }
  }
}

/** Checks one file; undefined when it is no file pydeploy handles. */
function checkFile(file: string, workspace: WorkspaceView): FileReport | undefined {
  const { text } = readText(file);
  const analysis = analyze(corePath(file), text, {}, workspace);
  return analysis && { file, diagnostics: diagnosticsOf(analysis) };
}

function formatText(report: FileReport): string[] {
  return report.diagnostics.map(
    (d) => `${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`,
  );
}

export function main(args: string[], out: (text: string) => void, err: (text: string) => void): number {
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

  let unreadable = false;
  const reports: FileReport[] = [];
  // Requirement files and included configs are looked for up to the repository (or current folder).
  // A folder given outside that repository is a workspace of its own, as a second folder is in the editor.
  const base = corePath(gitRoot(process.cwd()) ?? process.cwd());
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
        const files: string[] = [];
        walk(path, files, workspace);
        groups.push({ path, files });
      } else groups.push({ path, files: [path] });
    } catch (error) {
      err(`pydeploy: cannot read ${path}: ${reason(error)}`);
      unreadable = true;
    }
  }
  // Fixes first, all of them: a fix of one file may edit another (the agent's config), which is then checked as fixed.
  if (options.fix) {
    for (const file of groups.flatMap((group) => group.files)) {
      try {
        fixFile(file, workspace, err);
      } catch {
        // Reported below, when the file is checked.
      }
    }
  }
  for (const { path, files } of groups) {
    for (const file of files) {
      try {
        const report = checkFile(file, workspace);
        if (report) reports.push(report);
        else if (files.length === 1 && file === path) err(`pydeploy: skipped ${file}: not a uWSGI config (no [uwsgi] section), a Gunicorn or agent config, nor a requirement file`);
      } catch (error) {
        err(`pydeploy: cannot read ${file}: ${reason(error)}`);
        unreadable = true;
      }
    }
  }

  if (options.format === 'json') {
    const rows = reports.flatMap((report) =>
      report.diagnostics.map((d) => ({ file: report.file, range: d.range, severity: d.severity, code: d.code, message: d.message })),
    );
    out(JSON.stringify(rows, null, 2));
  } else {
    const lines = reports.flatMap(formatText);
    if (lines.length > 0) out(lines.join('\n'));
  }
  const all = reports.flatMap((report) => report.diagnostics);
  const count = (severity: string) => all.filter((d) => d.severity === severity).length;
  if (options.format === 'text') {
    err(`pydeploy: ${reports.length} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)`);
  }
  if (unreadable) return 2;
  return count('error') > 0 && !options.exitZero ? 1 : 0;
}


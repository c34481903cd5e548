// What the real uWSGI (Debian's 2.0.21, `scripts/setup-system.sh`) does with an ini file, asked in ways that
// were checked by experiment and against the 2.0.21 sources (core/ini.c, core/config.c, core/uwsgi.c):
//
// * KNOWN: `uwsgi --ini FILE --strict --ini PROBE --exit=7`, PROBE holding the one line `KEY = VALUE`.
//   `--ini` and `--strict` are IMMEDIATE options, applied in command-line order while the files are read.
//   FILE is read first without strict mode, so its `plugin = ...` lines load their plugins (on Debian's modular
//   build the python options do not exist before that) and its unknown keys stay harmless placeholders.
//   Then, under strict mode, every key read is looked up at once (config.c uwsgi_opt_get): an unknown one makes
//   uWSGI print `[strict-mode] unknown config directive: KEY` and exit 1. `--exit=7` is immediate too, so uWSGI
//   stops with status 7 before applying any option (no setter runs, nothing starts). Status 7 = known.
//   (`--strict` before FILE would stop at FILE's first unknown key only; `--version` and `--get` are not
//   immediate, so they run after every setter; hence this form.)
// * STRICT: `uwsgi --ini FILE --ini PROBE --exit=7` with an unknown key in PROBE: status 1 and the
//   strict-mode line when FILE leaves strict mode on, status 7 when it leaves it off.
// * START: `uwsgi --show-config --ini FILE --socket DIR/oracle.sock --hook-master-start exit:0
//   --hook-accepting1 exit:0`. uWSGI initialises for real (plugins, Python, the app, the master, a worker), logs
//   as it goes, and exits at the first of the two hooks: `master-start` runs when the master enters its loop
//   (after forking the workers), `accepting1` when worker 1 is ready to accept (the only process when there
//   is no master). The unix socket lives in a temporary folder: nothing listens on the network. `--get KEY`
//   was rejected as a value oracle: it prints the FIRST raw value of a key (config.c uwsgi_get_exported_opt),
//   not the one uWSGI applies, and exits before anything starts.
//   `--show-config` (put before FILE so that FILE's own `show-config` wins) makes uWSGI print every option it
//   read, in order, after expanding placeholders: the parse oracle.
// * SIGTERM: for die-on-term, which only shows when the master gets SIGTERM: start as above but with the
//   harmless hook `putenv:...` at master-start, send SIGTERM to the master once that hook has run (its signal
//   handlers are installed before), and read whether it shuts down or reloads.
//
// Every run is a process group of its own, killed (SIGKILL) as soon as the main process exits or a time limit
// passes, so that no worker outlives the test.
//
// A second uWSGI, newer than bookworm's, runs for options 2.0.21 lacks: Debian forky's uwsgi-core in a minimal Debian
// tree of its own (scripts/differential/setup-uwsgi-forky.sh), started with `chroot TREE uwsgi-core` (see forkyUwsgi).
// It needs neither /proc nor anything else from the host; the files it reads lie inside the tree.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const UWSGI = 'uwsgi';

/** How to start one uWSGI: the command, and the arguments that come before uWSGI's own for a run in `cwd`. */
export interface UwsgiProgram {
  command: string;
  prefix: (cwd: string) => string[];
  /** The folder the program sees as `/`, for a uWSGI in a chroot: the files it reads must lie inside it. */
  root?: string;
}

/** Debian bookworm's uWSGI on the PATH. */
export const SYSTEM_UWSGI: UwsgiProgram = { command: UWSGI, prefix: () => [] };

/** The folder where scripts/differential/setup-uwsgi-forky.sh installs Debian forky's uWSGI. */
export function forkyUwsgiRoot(): string {
  return join(process.env.PYDEPLOY_CACHE || join(homedir(), '.cache', 'pydeploy'), 'uwsgi-forky');
}

/** The path under which a program sees a file of the host (the same path, unless it runs in a chroot). */
export function pathFor(program: UwsgiProgram, hostPath: string): string {
  if (program.root === undefined) return hostPath;
  const inside = relative(program.root, hostPath);
  if (inside.startsWith('..')) throw new Error(`${hostPath} lies outside ${program.root}, where uWSGI cannot see it`);
  return `/${inside}`;
}

/** uWSGI in the Debian tree `root`: chroot changes to `/`, so a shell inside changes to the run's folder first. */
function chrootUwsgi(root: string): UwsgiProgram {
  const program: UwsgiProgram = {
    command: 'chroot',
    prefix: (cwd) => [root, '/bin/sh', '-c', 'cd "$0" && exec uwsgi-core "$@"', pathFor(program, cwd)],
    root,
  };
  return program;
}

/**
 * Debian forky's uWSGI with the version it reports, or why it cannot run here (the sentence says how to get it).
 * chroot needs root.
 */
export function forkyUwsgi(): { program: UwsgiProgram; version: string } | { missing: string } {
  const root = forkyUwsgiRoot();
  const setup = 'run, as root, bash scripts/differential/setup-uwsgi-forky.sh (or npm run setup:system)';
  if (!existsSync(join(root, 'usr', 'bin', 'uwsgi-core'))) return { missing: `Debian forky's uWSGI is not installed in ${root}: ${setup}` };
  if (process.getuid?.() !== 0) return { missing: `Debian forky's uWSGI in ${root} runs in a chroot, which needs root` };
  const version = spawnSync('chroot', [root, 'uwsgi-core', '--version'], { encoding: 'utf8', env: uwsgiEnv(), timeout: 10_000 });
  if (version.error || version.status !== 0) return { missing: `Debian forky's uWSGI in ${root} does not run (${version.error?.message ?? version.stderr.trim()}): ${setup}` };
  return { program: chrootUwsgi(root), version: version.stdout.trim() };
}
/** The status `--exit=7` gives: a probe that got this far found nothing to refuse. */
const PROBE_EXIT = 7;
/** A key no uWSGI release has, for asking whether strict mode is on. */
export const SURELY_UNKNOWN_KEY = 'pydeploy-differential-surely-unknown';
const MASTER_READY_HOOK = 'putenv:PYDEPLOY_DIFFERENTIAL_MASTER_READY=1';

export interface UwsgiRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** uWSGI logs to stderr. */
  stderr: string;
  timedOut: boolean;
  error?: Error;
}

/** Which uWSGI is installed, with the Python 3 plugin loadable; undefined when either is missing. */
export function installedUwsgi(): string | undefined {
  const version = spawnSync(UWSGI, ['--plugin', 'python3', '--version'], { encoding: 'utf8', env: uwsgiEnv(), timeout: 10_000 });
  if (version.error || version.status !== 0) return undefined;
  // A missing plugin is only a warning; --version still works. Ask for a python option under strict mode.
  const python = spawnSync(UWSGI, ['--plugin', 'python3', '--strict', '--ini', '/dev/null', '--wsgi-file', 'x.py', '--exit=7'], {
    encoding: 'utf8',
    env: uwsgiEnv(),
    timeout: 10_000,
  });
  if (python.status !== PROBE_EXIT) return undefined;
  return version.stdout.trim();
}

/** The environment without UWSGI_* variables, which uWSGI would read as options. */
export function uwsgiEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('UWSGI_')) env[name] = value;
  env.PYTHONDONTWRITEBYTECODE = '1';
  return env;
}

const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid);
});

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

export interface RunOptions {
  cwd: string;
  /** Which uWSGI; bookworm's on the PATH unless told. */
  program?: UwsgiProgram;
  timeoutMs?: number;
  /** Variables added to the run's environment (`UWSGI_*` ones are read as options). */
  env?: Record<string, string>;
  /** Called with the stderr read so far; returning true ends the run (the group is killed). */
  until?: (stderr: string, pid: number) => boolean;
}

/** Runs uWSGI in a process group of its own; whatever is left of the group is killed when the main process ends. */
export function runUwsgi(args: readonly string[], options: RunOptions): Promise<UwsgiRun> {
  return new Promise((resolve) => {
    const program = options.program ?? SYSTEM_UWSGI;
    const child = spawn(program.command, [...program.prefix(options.cwd), ...args], { cwd: options.cwd, env: { ...uwsgiEnv(), ...options.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } = { code: null, signal: null };
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (pid !== undefined) {
        killGroup(pid);
        liveGroups.delete(pid);
      }
      resolve({ ...exit, stdout, stderr, timedOut, error });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      if (pid !== undefined) killGroup(pid);
    }, options.timeoutMs ?? 15_000);
    if (pid !== undefined) liveGroups.add(pid);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (options.until && pid !== undefined && options.until(stderr, pid)) killGroup(pid);
    });
    child.on('error', (error) => finish(error));
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Workers of a master-less instance, or of a master that exited, may still hold the pipes.
      if (pid !== undefined) killGroup(pid);
    });
    child.on('close', () => finish());
  });
}

/** Runs tasks a few at a time. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A temporary folder for sockets, removed by the caller with `dispose`; inside a chrooted uWSGI's tree when given one. */
export class Scratch {
  readonly dir: string;
  private count = 0;

  constructor(program: UwsgiProgram = SYSTEM_UWSGI) {
    const parent = program.root === undefined ? tmpdir() : join(program.root, 'tmp');
    this.dir = mkdtempSync(join(parent, 'pydeploy-uwsgi-'));
  }

  /** A new empty folder inside the scratch folder (for one run's socket). */
  folder(): string {
    const path = join(this.dir, `run-${this.count++}`);
    mkdirSync(path);
    return path;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function describe(run: UwsgiRun): string {
  const tail = run.stderr.trim().split('\n').slice(-4).join(' | ');
  return `status ${run.code}${run.signal ? ` signal ${run.signal}` : ''}${run.timedOut ? ' (timed out)' : ''}${run.error ? ` ${run.error.message}` : ''}: ${tail}`;
}

function strictRefusal(stderr: string): string | undefined {
  return /^\[strict-mode\] unknown config directive: (.*)$/m.exec(stderr)?.[1];
}

/**
 * Whether uWSGI knows `key` once `file` has been read (so with the plugins it loads). `probePath` is where to
 * write the one-line probe: beside `file`, so that `%d` in an immediate value means the same folder.
 */
export async function knowsOption(file: string, key: string, value: string, probePath: string, cwd: string): Promise<boolean> {
  writeFileSync(probePath, `[uwsgi]\n${key} = ${value}\n`);
  const run = await runUwsgi(['--ini', file, '--strict', '--ini', probePath, `--exit=${PROBE_EXIT}`], { cwd, timeoutMs: 10_000 });
  if (run.code === PROBE_EXIT) return true;
  if (run.code === 1 && strictRefusal(run.stderr) === key) return false;
  throw new Error(`the strict-mode probe of "${key}" is inconclusive, ${describe(run)}`);
}

/** Whether `file` leaves strict mode on: a surely unknown key read after it is fatal only then. */
export async function strictAfter(file: string, probePath: string, cwd: string): Promise<'on' | 'off'> {
  writeFileSync(probePath, `[uwsgi]\n${SURELY_UNKNOWN_KEY} = 1\n`);
  const run = await runUwsgi(['--ini', file, '--ini', probePath, `--exit=${PROBE_EXIT}`], { cwd, timeoutMs: 10_000 });
  if (run.code === PROBE_EXIT) return 'off';
  if (run.code === 1 && strictRefusal(run.stderr) !== undefined) return 'on';
  throw new Error(`the strict-mode run is inconclusive, ${describe(run)}`);
}

export interface StartLog {
  run: UwsgiRun;
  log: string;
  /** The options uWSGI read, in order, as `--show-config` prints them; undefined when it printed none. */
  shownConfig?: { key: string; value: string }[];
}

/** The command-line options the start run adds after FILE, as `--show-config` lists them at the end. */
function startTail(socket: string): { key: string; value: string }[] {
  return [
    { key: 'socket', value: socket },
    { key: 'hook-master-start', value: 'exit:0' },
    { key: 'hook-accepting1', value: 'exit:0' },
  ];
}

/** Starts uWSGI on `file` until its master loop or first worker is up, then lets it exit (see the top). */
export async function startBriefly(file: string, socketDir: string, cwd: string): Promise<StartLog> {
  const socket = join(socketDir, 'oracle.sock');
  const tail = startTail(socket);
  const args = ['--show-config', '--ini', file, ...tail.flatMap(({ key, value }) => [`--${key}`, value])];
  const run = await runUwsgi(args, { cwd, timeoutMs: 15_000 });
  return { run, log: run.stderr, shownConfig: shownConfig(run.stderr, file, tail) };
}

/** The file's options in what `--show-config` printed, without the command line's own before and after them. */
function shownConfig(log: string, file: string, tail: { key: string; value: string }[]): StartLog['shownConfig'] {
  const start = log.indexOf('\n;uWSGI instance configuration\n[uwsgi]\n');
  if (start < 0) return undefined;
  const body = log.slice(start).split('\n').slice(3);
  const end = body.indexOf(';end of configuration');
  if (end < 0) return undefined;
  const entries = body.slice(0, end).map((line) => {
    const split = line.indexOf(' = ');
    return split < 0 ? { key: line, value: '' } : { key: line.slice(0, split), value: line.slice(split + 3) };
  });
  const head = entries.slice(0, 2);
  if (head[0]?.key !== 'show-config' || head[1]?.key !== 'ini' || head[1].value !== file) return undefined;
  const own = entries.slice(2, entries.length - tail.length);
  const last = entries.slice(entries.length - tail.length);
  if (JSON.stringify(last) !== JSON.stringify(tail)) return undefined;
  return own;
}

export type Observed = 'on' | 'off' | undefined;

const has = (log: string, pattern: RegExp): boolean => pattern.test(log);
const reachedSpawn = (log: string): boolean => /^spawned uWSGI (master process|worker 1)/m.test(log);
const ranExitHook = (log: string): boolean => /^running "exit:0" \((master-start|accepting1)\)\.\.\.$/m.test(log);
const APP_READY = /^WSGI app 0 \(mountpoint='[^']*'\) ready in/m;

/**
 * Python thread support as the python plugin reports it while it initialises (python_plugin.c): the one
 * thing uWSGI really applies, whatever the config says.
 */
export function pythonThreads(log: string): Observed {
  if (has(log, /^python threads support enabled$/m)) return 'on';
  if (has(log, /^\*\*\* Python threads support is disabled/m)) return 'off';
  return undefined;
}

/**
 * For each flag option, how a start log shows what uWSGI applied; undefined when this run cannot show it.
 * Every line was found by starting the same config with the flag on and off and comparing the logs.
 */
export const FLAG_ORACLES: Record<string, (log: string) => Observed> = {
  master: (log) =>
    has(log, /^\*\*\* WARNING: you are running uWSGI without its master process manager \*\*\*/m)
      ? 'off'
      : has(log, /^spawned uWSGI master process/m)
        ? 'on'
        : undefined,
  // Only when nothing else decides thread support (the caller checks that no THREADS-flag option is set).
  'enable-threads': pythonThreads,
  'thunder-lock': (log) => (has(log, /^thunder lock: enabled$/m) ? 'on' : has(log, /^thunder lock: disabled/m) ? 'off' : undefined),
  // Logged just before the first spawn unless single-interpreter is set (and only when there are workers).
  'single-interpreter': (log) =>
    has(log, /^\*\*\* uWSGI is running in multiple interpreter mode \*\*\*$/m) ? 'off' : /^spawned uWSGI worker 1 /m.test(log) ? 'on' : undefined,
  // The socket given on the command line is a unix one, which vacuum removes when uWSGI exits.
  vacuum: (log) => (has(log, /^VACUUM: unix socket .* removed\.$/m) ? 'on' : ranExitHook(log) ? 'off' : undefined),
  cheap: (log) => (has(log, /^cheap mode enabled: waiting for socket connection\.\.\.$/m) ? 'on' : /^spawned uWSGI worker 1 /m.test(log) ? 'off' : undefined),
  'no-default-app': (log) => {
    const line = /^WSGI app 0 .*$/m.exec(log)?.[0];
    return line === undefined ? undefined : line.endsWith('(default app)') ? 'off' : 'on';
  },
  'enable-metrics': (log) => (has(log, /^initialized \d+ metrics$/m) ? 'on' : ranExitHook(log) ? 'off' : undefined),
  'show-config': (log) => (has(log, /^;uWSGI instance configuration$/m) ? 'on' : has(log, /^\*\*\* Starting uWSGI/m) ? 'off' : undefined),
  'no-server': (log) => (has(log, /^no-server mode requested\. Goodbye\.$/m) ? 'on' : reachedSpawn(log) ? 'off' : undefined),
  // Shows only when the app cannot be loaded.
  'need-app': (log) =>
    has(log, /^\*\*\* no app loaded\. GAME OVER \*\*\*$/m) ? 'on' : has(log, /^\*\*\* no app loaded\. going in full dynamic mode \*\*\*$/m) ? 'off' : undefined,
  // Without lazy loading the app is ready before anything is spawned; with it, only in a worker after the spawn.
  'lazy-apps': lazyOracle,
  lazy: lazyOracle,
};

/**
 * Without lazy loading the first process tries to load the app before it spawns anything, and logs the outcome
 * ("WSGI app 0 ... ready", or "*** no app loaded ..."); with it, only workers do, after the spawn.
 */
function lazyOracle(log: string): Observed {
  const spawned = /^spawned uWSGI (master process|worker 1)/m.exec(log);
  if (!spawned) return undefined;
  const before = log.slice(0, spawned.index);
  return APP_READY.test(before) || /^\*\*\* no app loaded\./m.test(before) ? 'off' : 'on';
}

/** Flags observed by a run of their own rather than the start log. */
export const SEPARATE_RUN_FLAGS = new Set(['strict', 'die-on-term']);

/**
 * die-on-term: SIGTERM to a running 2.0.x master shuts it down with the flag ("SIGINT/SIGTERM received...killing
 * workers...") and reloads it without ("...brutally killing workers..."). Undefined when no master came up.
 */
export async function dieOnTerm(file: string, socketDir: string, cwd: string): Promise<Observed> {
  const socket = join(socketDir, 'oracle.sock');
  let signalled = false;
  const run = await runUwsgi(['--ini', file, '--socket', socket, '--hook-master-start', MASTER_READY_HOOK], {
    cwd,
    timeoutMs: 15_000,
    until: (stderr, pid) => {
      if (!signalled && stderr.includes(`running "${MASTER_READY_HOOK}" (master-start)...`)) {
        signalled = true;
        process.kill(pid, 'SIGTERM');
      }
      return /^(SIGINT\/SIGTERM received\.\.\.killing workers\.\.\.|\.\.\.brutally killing workers\.\.\.)$/m.test(stderr);
    },
  });
  if (has(run.stderr, /^SIGINT\/SIGTERM received\.\.\.killing workers\.\.\.$/m)) return 'on';
  if (has(run.stderr, /^\.\.\.brutally killing workers\.\.\.$/m)) return 'off';
  return undefined;
}

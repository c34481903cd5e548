// Differential test of launch lines: the effective configuration pydeploy computes for a command line, its
// environment and the config files it names, against what the real programs report, and pydeploy's verdict on
// each command line (refused or not) against whether the program starts.
// * uWSGI: `uwsgi --plugin python3 --show-config ... ARGV` with `UWSGI_*` variables and ini files (with sections),
//   until its master or first worker is up (see uwsgiOracle.ts); `--show-config` lists every option uWSGI read, in
//   the order it read them, which pydeploy's model must reproduce. Verdicts: `--hook-asap exit:0` before ARGV makes
//   an accepted command line exit 0 once read; a refused one exits 1 with getopt_long's message.
// * Gunicorn: `gunicorn --print-config ARGV app:app` with `GUNICORN_CMD_ARGS`, `PORT`, `WEB_CONCURRENCY` and a
//   `-c` file (or ./gunicorn.conf.py); every value pydeploy computes must be the one printed. Verdicts: argparse's
//   exit 2 (`unrecognized arguments`, `ambiguous option`, `expected one argument`) against pydeploy's findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Launch, LaunchVariable, LaunchWord } from '../../server/src/parse/launch/types';
import { readUwsgiCommandLine } from '../../server/src/model/uwsgiCommandLine';
import { readGunicornCommandLine } from '../../server/src/model/gunicornCommandLine';
import { UwsgiConfig } from '../../server/src/model/uwsgiConfig';
import { GunicornConfig } from '../../server/src/model/gunicornConfig';
import { gunicornConfigOf, locateLaunchFile } from '../../server/src/model/launches';
import { parseIni } from '../../server/src/parse/uwsgiIni';
import { parsePython } from '../../server/src/parse/gunicornPy';
import { fileWorkspace } from '../../server/src/node/fileWorkspace';
import { Scratch, installedUwsgi, pool, runUwsgi } from './uwsgiOracle';
import { parsePrintConfig, pythonStr } from './gunicornOracle';

/** A launch as a reader would give it: the words on line 0 of a made-up file, the variables on the lines below. */
function launchOf(server: Launch['server'], argv: readonly string[], env: Record<string, string>, cwd: string): Launch {
  const words: LaunchWord[] = [];
  let at = 0;
  for (const value of [server, ...argv]) {
    words.push({ value, range: { start: { line: 0, character: at }, end: { line: 0, character: at + value.length } }, opaque: false });
    at += value.length + 1;
  }
  const variables: LaunchVariable[] = Object.entries(env).map(([name, value], i) => ({
    name,
    value,
    range: { start: { line: i + 1, character: 0 }, end: { line: i + 1, character: name.length + 1 + value.length } },
    valueRange: { start: { line: i + 1, character: name.length + 1 }, end: { line: i + 1, character: name.length + 1 + value.length } },
    opaque: false,
  }));
  return { path: join(cwd, 'launch'), fileKind: 'shell', label: 'generated', range: words[0].range, server, program: words[0], args: words.slice(1), env: variables, cwd, wrappers: [] };
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

const CI = process.env.CI === 'true';

function missing(what: string, how: string): void {
  if (CI) test(`launch differential (${what})`, () => assert.fail(`${what} is not installed, and CI=true requires it: ${how}`));
  else test(`launch differential (${what})`, { skip: `${what} is not installed: ${how}` }, () => {});
}

// ---------------------------------------------------------------------------------------------------------
// uWSGI

const INI = '[uwsgi]\nprocesses = 4\nmaster = true\nharakiri = 30\n\n[prod]\nthreads = 2\nenable-threads = true\nini = :base\n\n[base]\nmax-requests = 500\nbuffer-size = 8192\n';

/** Options whose command-line forms are generated: each as the words it takes. */
const UWSGI_FORMS: ReadonlyArray<(pick: (n: number) => number) => string[]> = [
  (pick) => ['--processes', String(1 + pick(3))],
  (pick) => [`--processes=${1 + pick(3)}`],
  (pick) => [`-p${1 + pick(3)}`],
  (pick) => ['-p', String(1 + pick(3))],
  (pick) => ['--threads', String(1 + pick(4))],
  () => ['--master'],
  () => ['-M'],
  () => ['-MT'],
  () => ['--enable-threads'],
  () => ['--enable-thr'],
  () => ['--single-interpreter'],
  () => ['--single-interp'],
  () => ['--lazy-apps'],
  () => ['--lazy-a'],
  (pick) => ['--harakiri', String(10 + pick(50))],
  (pick) => [`--max-requests=${100 + pick(900)}`],
  (pick) => ['--buffer-size', String(4096 * (1 + pick(4)))],
  () => ['--thunder-lock'],
  () => ['--vacuum'],
  () => ['--die-on-term'],
  () => ['--ini', 'u.ini'],
  () => ['--ini', 'u.ini:prod'],
  () => ['--ini', 'u.ini:base'],
  () => ['u.ini'],
  (pick) => ['--reload-on-rss', String(100 + pick(400))],
];

const UWSGI_VARIABLES: ReadonlyArray<(pick: (n: number) => number) => [string, string]> = [
  (pick) => ['UWSGI_PROCESSES', String(1 + pick(3))],
  (pick) => ['UWSGI_THREADS', String(1 + pick(3))],
  () => ['UWSGI_ENABLE_THREADS', '1'],
  () => ['UWSGI_LAZY_APPS', 'true'],
  (pick) => ['UWSGI_MAX_REQUESTS', String(10 + pick(90))],
  () => ['UWSGI_SINGLE_INTERPRETER', 'yes'],
];

interface UwsgiCase {
  argv: string[];
  env: Record<string, string>;
}

function uwsgiCases(count: number): UwsgiCase[] {
  const pick = random(12);
  const cases: UwsgiCase[] = [];
  for (let i = 0; i < count; i++) {
    const argv = Array.from({ length: 1 + pick(5) }, () => UWSGI_FORMS[pick(UWSGI_FORMS.length)](pick)).flat();
    const env = Object.fromEntries(Array.from({ length: pick(3) }, () => UWSGI_VARIABLES[pick(UWSGI_VARIABLES.length)](pick)));
    cases.push({ argv, env });
  }
  return cases;
}

/** The oracle's own options, which pydeploy's model of the generated launch does not hold. */
const ORACLE_KEYS = new Set(['plugin', 'show-config', 'socket', 'hook-master-start', 'hook-accepting1', 'ini']);

/** What pydeploy says uWSGI reads for a launch, as `--show-config` prints it. */
function uwsgiModelList(launch: Launch, dir: string): string[] {
  const workspace = fileWorkspace([dir]);
  const commandLine = readUwsgiCommandLine(launch);
  const config = new UwsgiConfig(parseIni(''), { path: launch.path, workspace, launch: { commandLine, locate: (file) => locateLaunchFile(workspace, launch, file) } });
  return config.options
    .filter((option) => !ORACLE_KEYS.has(option.entry.key))
    .map((option) => `${option.entry.key} = ${option.origin === 'cli' && !option.entry.hasEquals ? 'true' : option.entry.value}`);
}

function shownList(log: string): string[] | undefined {
  const start = log.indexOf(';uWSGI instance configuration\n[uwsgi]\n');
  const end = log.indexOf(';end of configuration');
  if (start < 0 || end < 0) return undefined;
  return log
    .slice(start, end)
    .split('\n')
    .slice(2)
    .filter((line) => line !== '' && !ORACLE_KEYS.has(line.split(' = ')[0]));
}

/** Command lines and whether uWSGI 2.0.21 (with the python3 plugin) starts with them: verdicts checked by the program. */
const UWSGI_VERDICT_ARGV: readonly string[][] = [
  ['--singel-interpreter'],
  ['--single-interp'],
  ['--enable'],
  ['--master=true'],
  ['--processes'],
  ['--harakiri'],
  ['-MT'],
  ['--http-sock', ':0'],
  ['u.ini:prod'],
  ['--lazy'],
  ['--lazy-app'],
  ['--procesess', '4'],
  ['--enable-thread'],
  ['--thread', '4'],
  ['--bnid', ':8000'],
  ['--module=app', '--callable', 'application'],
  ['-p', '2', '-M', '--vacuum'],
  ['--wsgi-file', 'app.py', '--need-app'],
  // (`--max-req` is left out: 2.0.21 reads it as `--max-requests`; releases that have `max-requests-delta`, as pydeploy's table does, refuse it.)
  ['--max-requests', '10'],
  ['--buffer', '8192'],
  ['-Q'],
  ['app.py'],
  ['--single-interpreter', '--lazy-apps', '--enable-threads', '--py-call-osafterfork'],
  ['--py-call-uwsgi-fork-hooks'],
  ['--die-on'],
];

const uwsgiVersion = installedUwsgi();
if (!uwsgiVersion) missing('uwsgi', 'apt-get install uwsgi-core uwsgi-plugin-python3');
else {
  test('uWSGI launches: pydeploy reads what uwsgi --show-config shows, in order', async () => {
    const scratch = new Scratch();
    try {
      const dir = scratch.folder();
      writeFileSync(join(dir, 'u.ini'), INI);
      const cases = uwsgiCases(40);
      const disagreements: string[] = [];
      let compared = 0;
      await pool(cases, 2, async ({ argv, env }) => {
        const socket = join(scratch.folder(), 'o.sock');
        const oracle = ['--plugin', 'python3', '--show-config', '--socket', socket, '--hook-master-start', 'exit:0', '--hook-accepting1', 'exit:0'];
        const run = await runUwsgi([...oracle, ...argv], { cwd: dir, env, timeoutMs: 20_000 });
        const shown = shownList(run.stderr);
        const described = `${Object.entries(env).map(([name, value]) => `${name}=${value} `).join('')}uwsgi ${argv.join(' ')}`;
        if (!shown) {
          disagreements.push(`${described}: uWSGI showed no configuration (${run.stderr.trim().split('\n').slice(-2).join(' | ')})`);
          return;
        }
        const model = uwsgiModelList(launchOf('uwsgi', argv, env, dir), dir);
        compared += model.length;
        if (JSON.stringify(model) !== JSON.stringify(shown)) disagreements.push(`${described}:\n  pydeploy: ${model.join('; ')}\n  uWSGI:    ${shown.join('; ')}`);
      });
      assert.deepEqual(disagreements, []);
      assert.ok(compared >= 150, `only ${compared} options were compared`);
      console.log(`uWSGI launch differential (${uwsgiVersion}): ${cases.length} launches, ${compared} options compared in order`);
    } finally {
      scratch.dispose();
    }
  });

  test('uWSGI command lines: pydeploy refuses exactly what uWSGI refuses', async () => {
    const scratch = new Scratch();
    try {
      const dir = scratch.folder();
      writeFileSync(join(dir, 'u.ini'), INI);
      writeFileSync(join(dir, 'app.py'), 'def application(environ, start_response):\n    return []\n');
      const disagreements: string[] = [];
      await pool(UWSGI_VERDICT_ARGV, 2, async (argv) => {
        const run = await runUwsgi(['--plugin', 'python3', '--hook-asap', 'exit:0', ...argv], { cwd: dir, timeoutMs: 15_000 });
        const refusedByUwsgi = run.code !== 0;
        const problems = readUwsgiCommandLine(launchOf('uwsgi', argv, {}, dir)).problems.filter((problem) => problem.kind !== 'prefix');
        if (refusedByUwsgi !== problems.length > 0) {
          disagreements.push(`uwsgi ${argv.join(' ')}: pydeploy ${problems.length > 0 ? `refuses (${problems.map((p) => p.kind).join(', ')})` : 'accepts'}, uWSGI exits ${run.code}: ${run.stderr.trim().split('\n')[0]}`);
        }
      });
      assert.deepEqual(disagreements, []);
      console.log(`uWSGI verdict differential: ${UWSGI_VERDICT_ARGV.length} command lines`);
    } finally {
      scratch.dispose();
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Gunicorn

interface GunicornRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runGunicorn(args: string[], cwd: string, env: Record<string, string>): Promise<GunicornRun> {
  const base: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!['GUNICORN_CMD_ARGS', 'PORT', 'WEB_CONCURRENCY'].includes(name)) base[name] = value;
  return new Promise((resolve) => {
    execFile('gunicorn', args, { cwd, env: { ...base, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const GUNICORN_CONF = 'workers = 2\ntimeout = 45\npreload_app = True\nkeepalive = 3\nbind = ["127.0.0.1:9000"]\n';
const DEFAULT_CONF = 'workers = 5\nmax_requests = 200\nworker_class = "gthread"\n';

const GUNICORN_FORMS: ReadonlyArray<(pick: (n: number) => number) => string[]> = [
  (pick) => ['--workers', String(1 + pick(4))],
  (pick) => [`-w${1 + pick(4)}`],
  (pick) => ['-w', String(1 + pick(4))],
  (pick) => [`--workers=${1 + pick(4)}`],
  (pick) => ['--timeout', String(10 + pick(90))],
  (pick) => ['-t', String(10 + pick(90))],
  () => ['--preload'],
  (pick) => ['--bind', `127.0.0.1:${8000 + pick(100)}`],
  (pick) => ['-b', `unix:/tmp/g${pick(9)}.sock`],
  (pick) => ['--keep-alive', String(1 + pick(9))],
  (pick) => ['--keep-al', String(1 + pick(9))],
  (pick) => ['-k', ['sync', 'gevent', 'gthread'][pick(3)]],
  (pick) => ['--max-requests', String(pick(1000))],
  (pick) => ['--max-requests-jitter', String(pick(100))],
  (pick) => ['--threads', String(1 + pick(8))],
  (pick) => ['--graceful-timeout', String(pick(60))],
  () => ['-c', 'conf/server.py'],
  () => ['--config', 'conf/server.py'],
  (pick) => ['--log-level', ['debug', 'info', 'warning'][pick(3)]],
  (pick) => ['-n', `app${pick(9)}`],
];

interface GunicornCase {
  argv: string[];
  env: Record<string, string>;
  /** Whether the working folder holds a gunicorn.conf.py. */
  defaultConf: boolean;
}

function gunicornCases(count: number): GunicornCase[] {
  const pick = random(7);
  const cases: GunicornCase[] = [];
  for (let i = 0; i < count; i++) {
    const argv = Array.from({ length: 1 + pick(4) }, () => GUNICORN_FORMS[pick(GUNICORN_FORMS.length)](pick)).flat();
    const env: Record<string, string> = {};
    if (pick(2) === 0) env.GUNICORN_CMD_ARGS = Array.from({ length: 1 + pick(2) }, () => GUNICORN_FORMS[pick(GUNICORN_FORMS.length)](pick).join(pick(2) === 0 ? ' ' : '=').replace(/^(-\w)=/, '$1 ')).join(' ');
    if (pick(3) === 0) env.PORT = String(5000 + pick(100));
    if (pick(3) === 0) env.WEB_CONCURRENCY = String(1 + pick(6));
    cases.push({ argv, env, defaultConf: pick(2) === 0 });
  }
  return cases;
}

const GUNICORN_VERDICT_ARGV: readonly string[][] = [
  ['--bnid', ':8000'],
  ['--work', '2'],
  ['--workers', '2'],
  ['--max-req', '4'],
  ['--keep-al', '4'],
  ['--preload'],
  ['--prel'],
  ['--preload=yes'],
  ['--timeout'],
  ['-w'],
  ['--singel'],
  ['--worker-class', 'gevent', '--worker-connections', '100'],
  ['--worker-conn', '100'],
  ['--log-file', '-'],
  ['--access-logfile', '-', '--error-logfile', '-'],
  ['--chdi', '/tmp'],
  ['-x'],
  ['--threads', '4', '--thread', '2'],
  ['--workers', 'four'],
  ['--timeout', '0x10'],
  ['--umask', '022'],
  ['--backlog', '-1'],
];


const gunicornInstalled = spawnSync('gunicorn', ['--version'], { encoding: 'utf8' });
if (gunicornInstalled.error || gunicornInstalled.status !== 0) missing('gunicorn', 'apt-get install gunicorn');
else {
  test('Gunicorn launches: pydeploy computes what gunicorn --print-config prints', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pydeploy-gunicorn-launch-'));
    try {
      const cases = gunicornCases(30);
      const disagreements: string[] = [];
      let compared = 0;
      await pool(cases, 2, async ({ argv, env, defaultConf }, i) => {
        const dir = join(root, `case-${i}`);
        spawnSync('mkdir', ['-p', join(dir, 'conf')]);
        writeFileSync(join(dir, 'app.py'), 'def app(environ, start_response):\n    return []\n');
        writeFileSync(join(dir, 'conf/server.py'), GUNICORN_CONF);
        if (defaultConf) writeFileSync(join(dir, 'gunicorn.conf.py'), DEFAULT_CONF);
        const run = await runGunicorn(['--print-config', ...argv, 'app:app'], dir, env);
        const described = `${Object.entries(env).map(([name, value]) => `${name}='${value}' `).join('')}gunicorn ${argv.join(' ')}${defaultConf ? ' (with ./gunicorn.conf.py)' : ''}`;
        if (run.code !== 0) {
          disagreements.push(`${described}: gunicorn exits ${run.code}: ${run.stderr.trim().split('\n').pop()}`);
          return;
        }
        const printed = parsePrintConfig(run.stdout);
        const launch = launchOf('gunicorn', [...argv, 'app:app'], env, dir);
        const commandLine = readGunicornCommandLine(launch);
        const workspace = fileWorkspace([dir]);
        const configPath = gunicornConfigOf(workspace, commandLine);
        const config = new GunicornConfig(parsePython(configPath ? workspace.readFile(configPath) ?? '' : ''), commandLine, 'launch');
        const names = new Set(config.settings.map((setting) => setting.facts.name));
        for (const name of names) {
          const effective = config.effective(name);
          if (!effective || !printed.has(name)) {
            disagreements.push(`${described}: ${name}: pydeploy computes ${effective ? pythonStr(effective) : 'nothing'}, gunicorn prints ${printed.get(name) ?? 'nothing'}`);
            continue;
          }
          compared++;
          if (pythonStr(effective) !== printed.get(name)) disagreements.push(`${described}: ${name}: pydeploy computes ${pythonStr(effective)}, gunicorn prints ${printed.get(name)}`);
        }
      });
      assert.deepEqual(disagreements, []);
      assert.ok(compared >= 80, `only ${compared} values were compared`);
      console.log(`Gunicorn launch differential: ${cases.length} launches, ${compared} effective values compared`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('Gunicorn command lines: pydeploy refuses exactly what Gunicorn refuses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pydeploy-gunicorn-verdict-'));
    try {
      writeFileSync(join(dir, 'app.py'), 'def app(environ, start_response):\n    return []\n');
      const disagreements: string[] = [];
      await pool(GUNICORN_VERDICT_ARGV, 2, async (argv) => {
        // The app first: a flag missing its value at the end must not take the app's name for it.
        const run = await runGunicorn(['--check-config', 'app:app', ...argv], dir, {});
        const refused = run.code !== 0;
        const commandLine = readGunicornCommandLine(launchOf('gunicorn', ['app:app', ...argv], {}, dir));
        // argparse itself reads whole numbers, so a value that is none is refused with the words.
        const config = new GunicornConfig(parsePython(''), commandLine, 'launch');
        const invalid = config.settings.filter(({ facts }) => facts.typeKind === 'int' && config.state(facts.name).state === 'literal' && (config.state(facts.name) as { verdict: { verdict: string } }).verdict.verdict === 'invalid');
        const reasons = [...commandLine.problems.filter((problem) => problem.kind !== 'prefix').map((problem) => problem.kind), ...invalid.map(({ facts }) => `invalid ${facts.name}`)];
        if (refused !== reasons.length > 0) {
          disagreements.push(`gunicorn ${argv.join(' ')}: pydeploy ${reasons.length > 0 ? `refuses (${reasons.join(', ')})` : 'accepts'}, gunicorn exits ${run.code}: ${run.stderr.trim().split('\n').pop()}`);
        }
      });
      assert.deepEqual(disagreements, []);
      console.log(`Gunicorn verdict differential: ${GUNICORN_VERDICT_ARGV.length} command lines`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}


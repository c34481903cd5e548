// Differential test: where Gunicorn runs what, as the agent rules claim it, shown on the real Gunicorn (Debian's 20.1,
// `npm run setup:system`, with Debian's gevent and prometheus_client for the last two cases). Every piece of code
// notes its pid in a log file:
//   - the config file, a preloaded app, on_starting, when_ready, pre_fork and on_reload (SIGHUP) run in the master;
//     post_fork and post_worker_init in the worker (gunicorn/agent-started-in-master, processModel.MASTER_HOOKS);
//   - child_exit runs in the master with the dead worker, also one killed with SIGKILL (prometheus/child-exit);
//   - with gevent workers and preload, a name the app bound at import stays unpatched, unless the config patches
//     first (gunicorn/gevent-patch-order);
//   - raw_env is applied after the config file ran: prometheus_client imported there stays in single-process mode
//     (prometheus/multiproc-dir).
// Each Gunicorn runs in a process group of its own, stopped with SIGTERM and killed when a time limit passes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../server/src/features/analysis';
import { MASTER_HOOKS } from '../../server/src/rules/gunicorn/processModel';
import { memoryWorkspace } from '../helpers/memoryWorkspace';
import { freePort } from '../helpers/localHttp';

/** Python that appends one line (the pid first) to the log file the test reads. */
const NOTE = (log: string) => `import os\n\ndef note(*parts):\n    with open(${JSON.stringify(log)}, "a") as out:\n        out.write(" ".join(str(part) for part in (os.getpid(),) + parts) + "\\n")\n`;

function installedGunicorn(): string | undefined {
  const version = spawnSync('gunicorn', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return version.status === 0 ? `${version.stdout}${version.stderr}`.trim() : undefined;
}

/** Whether Gunicorn's Python imports a module (Debian's python3-gevent, python3-prometheus-client). */
function gunicornImports(module: string): boolean {
  const python = readFileSync('/usr/bin/gunicorn', 'utf8').split('\n')[0].replace(/^#!/, '').trim();
  return spawnSync(python, ['-c', `import ${module}`], { timeout: 20_000 }).status === 0;
}

/** The log's lines as [pid, ...words]. */
function lines(log: string): string[][] {
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split(' ')) : [];
}

/** Waits until the log shows what `ready` looks for (checked every 100 ms; the time limit only ends a hung run). */
async function logShows(log: string, ready: (entries: string[][]) => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 400; tries++) {
    if (ready(lines(log))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`Gunicorn never showed ${what}; log: ${JSON.stringify(lines(log))}`);
}

/** Runs Gunicorn on a folder's gunicorn.conf.py and app.py, does `work` with the master's pid, then stops it. */
async function running(folder: string, work: (master: number) => Promise<void>): Promise<string> {
  const child = spawn('gunicorn', ['-c', 'gunicorn.conf.py', 'app:application'], { cwd: folder, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // gone already
    }
  };
  const limit = setTimeout(() => killGroup('SIGKILL'), 60_000);
  try {
    assert.ok(child.pid !== undefined, 'gunicorn did not start');
    await work(child.pid);
    return stderr;
  } finally {
    killGroup('SIGTERM');
    await exited;
    clearTimeout(limit);
    killGroup('SIGKILL');
  }
}

/** A folder with the app and the config, and the log file they write. */
function project(app: string, config: (log: string) => string): { folder: string; log: string } {
  const folder = mkdtempSync(join(tmpdir(), 'pydeploy-gunicorn-model-'));
  const log = join(folder, 'notes.log');
  writeFileSync(join(folder, 'app.py'), app.replaceAll('LOG', JSON.stringify(log)));
  writeFileSync(join(folder, 'gunicorn.conf.py'), config(log));
  return { folder, log };
}

function findings(rule: string, config: string, extra: Record<string, string> = {}): string[] {
  const files = { '/project/gunicorn.conf.py': config, ...extra };
  const analysis = analyze('/project/gunicorn.conf.py', config, {}, memoryWorkspace(files));
  return (analysis?.findings ?? []).filter((found) => found.rule.id === rule).map(({ finding }) => `${finding.range.start.line}:${finding.range.start.character}`);
}

const installed = installedGunicorn();
const NAME = 'Gunicorn process model';

if (!installed || !gunicornImports('gevent') || !gunicornImports('prometheus_client')) {
  const why = !installed ? 'gunicorn is not installed' : "Gunicorn's Python lacks gevent or prometheus_client";
  if (process.env.CI === 'true') test(NAME, () => assert.fail(`${why}, and CI=true requires them: run npm run setup:system`));
  else {
    console.log(`skipped: ${why} — run npm run setup:system`);
    test(NAME, { skip: why }, () => {});
  }
} else {
  describe(`${NAME}, on ${installed}`, () => {
    test('the config, a preloaded app and the master hooks run in the master; post_fork in the worker; child_exit gets the dead worker', async () => {
      const port = await freePort();
      // Each with the parameters Gunicorn checks it for (a wrong count stops it at start-up).
      const hooks = ['on_starting(server)', 'on_reload(server)', 'when_ready(server)', 'pre_fork(server, worker)'].map((hook) => `def ${hook}:\n    note("${hook.split('(')[0]}")\n`).join('');
      const { folder, log } = project('import os\nwith open(LOG, "a") as out:\n    out.write("%d app\\n" % os.getpid())\n\ndef application(environ, start_response):\n    return []\n', (path) =>
        [
          NOTE(path),
          'note("config")',
          `bind = "127.0.0.1:${port}"`,
          'workers = 1',
          'preload_app = True',
          hooks,
          'def post_fork(server, worker):\n    note("post_fork", worker.pid)\n',
          'def post_worker_init(worker):\n    note("post_worker_init")\n',
          'def child_exit(server, worker):\n    note("child_exit", worker.pid)\n',
        ].join('\n'),
      );
      try {
        let killed = '';
        await running(folder, async (master) => {
          await logShows(log, (entries) => entries.some(([, tag]) => tag === 'post_worker_init'), 'a booted worker');
          process.kill(master, 'SIGHUP');
          await logShows(log, (entries) => entries.filter(([, tag]) => tag === 'post_worker_init').length >= 2 && entries.some(([, tag]) => tag === 'on_reload'), 'a reload');
          killed = lines(log).filter(([, tag]) => tag === 'post_fork').pop()?.[2] ?? '';
          process.kill(Number(killed), 'SIGKILL');
          await logShows(log, (entries) => entries.some(([, tag, pid]) => tag === 'child_exit' && pid === killed), 'child_exit for the killed worker');
          const inMaster = new Set(lines(log).filter(([pid]) => Number(pid) === master).map(([, tag]) => tag));
          const inWorkers = new Set(lines(log).filter(([pid]) => Number(pid) !== master).map(([, tag]) => tag));
          assert.deepEqual([...inMaster].sort(), ['app', 'child_exit', 'config', 'on_reload', 'on_starting', 'pre_fork', 'when_ready']);
          assert.deepEqual([...inWorkers].sort(), ['post_fork', 'post_worker_init']);
          assert.deepEqual([...MASTER_HOOKS].sort(), [...inMaster].filter((tag) => !['app', 'config', 'child_exit'].includes(tag)).sort());
        });
        assert.ok(lines(log).some(([pid, tag, dead]) => tag === 'post_fork' && pid === dead), 'post_fork runs in the worker it is given');
        assert.notEqual(killed, '');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    test('gevent workers: a preloaded app keeps the socket it bound at import, unless the config patches first', async () => {
      const app = 'from socket import socket as bound_socket\n\ndef application(environ, start_response):\n    return []\n';
      const observed: string[] = [];
      for (const patchFirst of [false, true]) {
        const port = await freePort();
        const settings = `worker_class = "gevent"\nworker_connections = 100\nmax_requests = 100\npreload_app = True\nbind = "127.0.0.1:${port}"\nworkers = 1\n`;
        const config = `${patchFirst ? 'from gevent import monkey\nmonkey.patch_all()\n' : ''}${settings}`;
        assert.deepEqual(findings('gunicorn/gevent-patch-order', config), patchFirst ? [] : ['3:14']);
        const { folder, log } = project(app, (path) => `${config}${NOTE(path)}\ndef post_worker_init(worker):\n    import sys, gevent.socket\n    note("patched", sys.modules["app"].bound_socket is gevent.socket.socket)\n`);
        try {
          await running(folder, () => logShows(log, (entries) => entries.some(([, tag]) => tag === 'patched'), 'the worker'));
          observed.push(lines(log).find(([, tag]) => tag === 'patched')?.[2] ?? '');
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      }
      assert.deepEqual(observed, ['False', 'True']);
    });

    test('raw_env comes after the config ran: prometheus_client imported there stays single-process in the workers', async () => {
      const observed: string[] = [];
      for (const importAtTop of [true, false]) {
        const port = await freePort();
        const metrics = mkdtempSync(join(tmpdir(), 'pydeploy-metrics-'));
        const config = [
          ...(importAtTop ? ['from prometheus_client import multiprocess'] : []),
          `raw_env = ["PROMETHEUS_MULTIPROC_DIR=${metrics}"]`,
          `bind = "127.0.0.1:${port}"`,
          'workers = 1',
          '',
          'def child_exit(server, worker):',
          '    from prometheus_client import multiprocess',
          '    multiprocess.mark_process_dead(worker.pid)',
          '',
        ].join('\n');
        assert.deepEqual(findings('prometheus/multiproc-dir', config), importAtTop ? ['1:11'] : []);
        const { folder: served, log } = project('def application(environ, start_response):\n    return []\n', (path) => `${config}${NOTE(path)}\ndef post_worker_init(worker):\n    import prometheus_client.values as values\n    note("value", values.ValueClass.__name__)\n`);
        try {
          await running(served, () => logShows(log, (entries) => entries.some(([, tag]) => tag === 'value'), 'the worker'));
          observed.push(lines(log).find(([, tag]) => tag === 'value')?.[2] ?? '');
        } finally {
          rmSync(served, { recursive: true, force: true });
          rmSync(metrics, { recursive: true, force: true });
        }
      }
      assert.deepEqual(observed, ['MutexValue', 'MmapedValue']);
    });
  });
}

// Differential test: what gunicorn/ineffective-setting claims, shown on the real Gunicorn (Debian's 20.1,
// `npm run setup:system`). The same gunicorn.conf.py is served with the `sync` worker, where pydeploy reports the
// setting, and with `gthread`, where it does not, and requests sent on 127.0.0.1 show the difference:
//   keepalive           sync answers one request per connection and closes it; gthread keeps it for the next.
//   worker_connections  with 2, gthread holds a third client while two connections are kept alive; sync serves it.
// `sync` with `threads` above 1 is Gunicorn's gthread worker ("Using worker: threads"), and pydeploy is silent there.
// Each Gunicorn runs in a process group of its own, stopped with SIGTERM and killed when a time limit passes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../server/src/features/analysis';
import { Client, freePort } from '../helpers/localHttp';

const APP = [
  'def application(environ, start_response):',
  "    body = b'hello\\n'",
  "    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(body)))])",
  '    return [body]',
  '',
].join('\n');

const GET = 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n';

function installedGunicorn(): string | undefined {
  const version = spawnSync('gunicorn', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return version.status === 0 ? `${version.stdout}${version.stderr}`.trim() : undefined;
}

function findingsOf(path: string, text: string): string[] {
  const analysis = analyze(path, text);
  return (analysis?.findings ?? []).filter(({ rule }) => rule.id === 'gunicorn/ineffective-setting').map(({ finding }) => `${finding.range.start.line + 1}:${finding.range.start.character}`);
}

/** Serves `conf` (a gunicorn.conf.py) until its worker has booted, does `work`, then stops Gunicorn and returns its log. */
async function serving<T>(conf: string, port: number, work: () => Promise<T>): Promise<{ result: T; log: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'pydeploy-gunicorn-'));
  writeFileSync(join(folder, 'app.py'), APP);
  writeFileSync(join(folder, 'gunicorn.conf.py'), `${conf}bind = "127.0.0.1:${port}"\nworkers = 1\n`);
  const child = spawn('gunicorn', ['-c', 'gunicorn.conf.py', 'app:application'], { cwd: folder, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  let log = '';
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      if (pid !== undefined) process.kill(-pid, signal);
    } catch {
      // gone already
    }
  };
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const limit = setTimeout(() => killGroup('SIGKILL'), 40_000);
  const booted = new Promise<boolean>((resolve) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      log += chunk;
      if (/Booting worker with pid/.test(log)) resolve(true);
    });
    void exited.then(() => resolve(false));
  });
  try {
    if (!(await booted)) throw new Error(`gunicorn did not start: ${log.trim().split('\n').slice(-5).join(' | ')}`);
    return { result: await work(), log };
  } finally {
    killGroup('SIGTERM');
    await exited;
    clearTimeout(limit);
    killGroup('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  }
}

const installed = installedGunicorn();

if (!installed) {
  if (process.env.CI === 'true') {
    test('Gunicorn ineffective settings', () => assert.fail('gunicorn is not installed, and CI=true requires it: run npm run setup:system'));
  } else {
    console.log('skipped: gunicorn is not installed — run npm run setup:system');
    test('Gunicorn ineffective settings', { skip: 'gunicorn is not installed' }, () => {});
  }
} else {
  describe(`settings the worker class ignores, on ${installed}`, () => {
    test('keepalive: the sync worker closes the connection after one response; gthread keeps it for the next', async () => {
      const sync = 'worker_class = "sync"\nkeepalive = 30\n';
      assert.deepEqual(findingsOf('/p/gunicorn.conf.py', sync), ['2:0']);
      const port = await freePort();
      const ignored = await serving(sync, port, async () => {
        const client = await Client.open(port);
        const first = await client.request(GET);
        const closed = await client.closesWithin(5_000);
        client.close();
        return { first, closed };
      });
      assert.match(ignored.result.first ?? '', /^HTTP\/1\.1 200 OK\r\n/);
      assert.match(ignored.result.first ?? '', /^Connection: close\r$/im);
      assert.equal(ignored.result.closed, true, 'the sync worker closed the connection: keepalive did nothing');

      const gthread = 'worker_class = "gthread"\nkeepalive = 30\n';
      assert.deepEqual(findingsOf('/p/gunicorn.conf.py', gthread), []);
      const gthreadPort = await freePort();
      const kept = await serving(gthread, gthreadPort, async () => {
        const client = await Client.open(gthreadPort);
        const answers = [await client.request(GET), await client.request(GET)];
        client.close();
        return answers;
      });
      assert.deepEqual(kept.result.map((response) => /^HTTP\/1\.1 200 OK\r\n/.test(response ?? '')), [true, true], 'gthread answered twice on one connection');
    });

    test('worker_connections: gthread changes with it (1 leaves no room for keep-alive); the sync worker does not', async () => {
      // Three clients connect at once and each sends one request, then a second on the same connection.
      const threeClients = (port: number) => async (): Promise<string[]> => {
        const clients = await Promise.all([Client.open(port), Client.open(port), Client.open(port)]);
        const answers = await Promise.all(clients.map(async (client) => [await client.request(GET), await client.request(GET, 3_000)]));
        for (const client of clients) client.close();
        return answers.map((pair) => pair.map((response) => (/^HTTP\/1\.1 200 OK\r\n/.test(response ?? '') ? 'answered' : 'not')).join(' then '));
      };

      const gthread = (connections: number) => `worker_class = "gthread"\nthreads = 1\nworker_connections = ${connections}\nkeepalive = 30\n`;
      assert.deepEqual(findingsOf('/p/gunicorn.conf.py', gthread(1)), []);
      const roomy = await serving(gthread(100), await freePort(), async () => undefined);
      assert.doesNotMatch(roomy.log, /No keepalived connections can be handled/);
      const tightPort = await freePort();
      const tight = await serving(gthread(1), tightPort, threeClients(tightPort));
      assert.match(tight.log, /No keepalived connections can be handled/, 'gthread reads worker_connections');
      assert.deepEqual(tight.result, ['answered then not', 'answered then not', 'answered then not'], 'and keeps no connection alive with 1');

      const sync = (connections: string) => `worker_class = "sync"\n${connections}`;
      assert.deepEqual(findingsOf('/p/gunicorn.conf.py', sync('worker_connections = 1\n')), ['2:0']);
      const results: string[][] = [];
      for (const connections of ['worker_connections = 1\n', '']) {
        const port = await freePort();
        const run = await serving(sync(connections), port, threeClients(port));
        assert.doesNotMatch(run.log, /No keepalived connections can be handled/);
        results.push(run.result);
      }
      assert.deepEqual(results[0], ['answered then not', 'answered then not', 'answered then not']);
      assert.deepEqual(results[0], results[1], 'the sync worker serves the same with worker_connections = 1 as without it');
    });

    test('sync with threads above 1 runs the gthread worker, where keepalive works: nothing is reported', async () => {
      const conf = 'worker_class = "sync"\nthreads = 2\nkeepalive = 30\nworker_connections = 100\n';
      assert.deepEqual(findingsOf('/p/gunicorn.conf.py', conf), []);
      const port = await freePort();
      const run = await serving(conf, port, async () => {
        const client = await Client.open(port);
        const answers = [await client.request(GET), await client.request(GET)];
        client.close();
        return answers;
      });
      assert.match(run.log, /Using worker: threads/);
      assert.equal(run.result.filter((response) => response !== undefined).length, 2);
    });
  });
}

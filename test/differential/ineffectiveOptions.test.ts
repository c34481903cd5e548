// Differential test: every "has no effect" that uwsgi/ineffective-option, uwsgi/mount-and-module and the 2.1 part of
// uwsgi/unknown-option claim, shown on the real uWSGI (Debian's 2.0.21, `npm run setup:system`). For each claim, the
// same config is run with the option where pydeploy reports it and where the feature it tunes is on, and what uWSGI
// does is compared: requests sent on 127.0.0.1 (keep-alive, the PROXY line, a request that outlives harakiri) or the
// start-up log (the processes spawned, the apps loaded, the stats server). pydeploy must report the first and not the
// second. Every uWSGI run is a process group of its own, stopped with SIGINT (SIGTERM would make the master reload)
// and killed when a time limit passes (uwsgiOracle.ts).
//
// The recycling deltas run on a second, newer uWSGI: `max-requests-delta` was added in 2.0.29, after bookworm's 2.0.21,
// so both it and `max-worker-lifetime-delta` are shown on Debian forky's uWSGI (2.0.31), which
// scripts/differential/setup-uwsgi-forky.sh installs in a Debian tree of its own and the oracle runs in a chroot
// (uwsgiOracle.ts forkyUwsgi; it needs root). Two workers answer requests with uWSGI's internal routing, no Python,
// and log which worker and process served each: without `max-requests` no worker recycles however many requests it
// serves, and with `max-requests = 3` and the delta 2 worker 1 recycles after 3 and worker 2 after 5; without
// `max-worker-lifetime` no worker recycles in 4 s of uWSGI's clock, and with it worker 2 lives the delta longer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type AnalysisSettings } from '../../server/src/features/analysis';
import { allUwsgiOptions } from '../../server/src/knowledge/uwsgi/options';
import { Client, freePort } from '../helpers/localHttp';
import {
  SYSTEM_UWSGI,
  Scratch,
  forkyUwsgi,
  installedUwsgi,
  knowsOption,
  pathFor,
  runUwsgi,
  startBriefly,
  type UwsgiProgram,
  type UwsgiRun,
} from './uwsgiOracle';

const APP = [
  'import time',
  '',
  'def application(environ, start_response):',
  "    if environ.get('PATH_INFO') == '/slow':",
  '        time.sleep(4)',
  "    body = b'hello\\n'",
  "    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(body)))])",
  '    return [body]',
  '',
].join('\n');

/** The rule ids pydeploy reports on each line of a config (1-based lines). */
function findingsOf(path: string, text: string, rules: readonly string[], settings: AnalysisSettings = {}): string[] {
  const analysis = analyze(path, text, settings);
  return (analysis?.findings ?? []).filter(({ rule }) => rules.includes(rule.id)).map(({ rule, finding }) => `${finding.range.start.line + 1} ${rule.id}`);
}

/**
 * What one connection gives back: the responses to `requests`, each sent once the previous one is answered, until
 * the server closes the connection (or a request goes unanswered); `closed` tells whether the server closed it.
 */
async function exchange(port: number, requests: readonly string[]): Promise<{ responses: string[]; closed: boolean }> {
  const client = await Client.open(port);
  const responses: string[] = [];
  for (const request of requests) {
    const response = await client.request(request);
    if (response === undefined) break;
    responses.push(response);
  }
  const closed = client.closed;
  client.close();
  return { responses, closed };
}

const GET = 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n';

/**
 * Runs uWSGI on a config until its first worker is up, does `work` against it (which may read the log so far), then
 * stops the master with SIGINT and returns what `work` returned and the whole log. A worker logs a request after it
 * has sent the response, so when `settled` is given the master is stopped only once the log satisfies it (or two
 * seconds have passed).
 */
async function serving<T>(
  file: string,
  cwd: string,
  work: (logSoFar: () => string) => Promise<T>,
  settled?: (stderr: string) => boolean,
  program: UwsgiProgram = SYSTEM_UWSGI,
): Promise<{ result: T; run: UwsgiRun }> {
  let master: number | undefined;
  let log = '';
  let markReady: (pid: number) => void = () => {};
  const ready = new Promise<number>((resolve) => (markReady = resolve));
  const running = runUwsgi(['--ini', pathFor(program, file)], {
    cwd,
    program,
    timeoutMs: 40_000,
    until: (stderr, pid) => {
      log = stderr;
      if (master === undefined && /^spawned uWSGI worker 1 /m.test(stderr)) {
        master = pid;
        markReady(pid);
      }
      return false;
    },
  });
  const pid = await Promise.race([ready, running.then(() => undefined)]);
  if (pid === undefined) {
    const run = await running;
    throw new Error(`uWSGI did not start: ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  }
  try {
    const result = await work(() => log);
    for (let waited = 0; settled !== undefined && !settled(log) && waited < 2000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { result, run: await stop(pid, running) };
  } catch (error) {
    await stop(pid, running);
    throw error;
  }
}

async function stop(pid: number, running: Promise<UwsgiRun>): Promise<UwsgiRun> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    // already gone
  }
  return running;
}

const installed = installedUwsgi();

if (!installed) {
  if (process.env.CI === 'true') {
    test('uWSGI ineffective options', () => assert.fail('uwsgi (with its python3 plugin) is not installed, and CI=true requires it: run npm run setup:system'));
  } else {
    console.log('skipped: uwsgi is not installed — run npm run setup:system');
    test('uWSGI ineffective options', { skip: 'uwsgi is not installed' }, () => {});
  }
} else {
  describe(`options that do nothing, on uWSGI ${installed}`, () => {
    /** Writes a config beside the app and returns its path; `lines` go into [uwsgi] after the common ones. */
    const config = (scratch: Scratch, name: string, lines: readonly string[]): { path: string; text: string; cwd: string } => {
      const cwd = scratch.folder();
      writeFileSync(join(cwd, 'app.py'), APP);
      const text = ['[uwsgi]', 'plugin = python3', 'plugin = http', 'wsgi-file = app.py', 'master = true', 'processes = 1', ...lines, ''].join('\n');
      const path = join(cwd, name);
      writeFileSync(path, text);
      return { path, text, cwd };
    };
    const ROUTER_RULE = ['uwsgi/ineffective-option'];

    test('http-keepalive: with http-socket the connection closes after the first response; the router and http11-socket keep it', async () => {
      const scratch = new Scratch();
      try {
        const port = await freePort();
        const alone = config(scratch, 'uwsgi.ini', [`http-socket = 127.0.0.1:${port}`, 'http-keepalive = 1', 'http-timeout = 30']);
        assert.deepEqual(findingsOf(alone.path, alone.text, ROUTER_RULE), ['8 uwsgi/ineffective-option', '9 uwsgi/ineffective-option']);
        const ignored = await serving(alone.path, alone.cwd, () => exchange(port, [GET, GET]));
        assert.equal(ignored.result.responses.length, 1, 'uWSGI answers the first request');
        assert.match(ignored.result.responses[0], /^HTTP\/1\.1 200 OK\r\n/);
        assert.equal(ignored.result.closed, true, 'and closes the connection: http-keepalive did nothing');
        assert.doesNotMatch(ignored.run.stderr, /^spawned uWSGI http 1 /m, 'no HTTP router process ran to read its options');

        const routerPort = await freePort();
        const router = config(scratch, 'uwsgi.ini', [`http = 127.0.0.1:${routerPort}`, 'http-keepalive = 1', 'http-timeout = 30']);
        assert.deepEqual(findingsOf(router.path, router.text, ROUTER_RULE), []);
        const kept = await serving(router.path, router.cwd, () => exchange(routerPort, [GET, GET]));
        assert.equal(kept.result.responses.length, 2, 'the router kept the connection for a second request');
        assert.match(kept.run.stderr, /^spawned uWSGI http 1 /m);

        const http11Port = await freePort();
        const http11 = config(scratch, 'uwsgi.ini', [`http11-socket = 127.0.0.1:${http11Port}`]);
        assert.deepEqual(findingsOf(http11.path, http11.text, ROUTER_RULE), []);
        const suggested = await serving(http11.path, http11.cwd, () => exchange(http11Port, [GET, GET]));
        assert.equal(suggested.result.responses.length, 2, 'http11-socket, which the message suggests, keeps the connection');
      } finally {
        scratch.dispose();
      }
    });

    test('http-enable-proxy-protocol: http-socket refuses a PROXY line with it, and reads it with enable-proxy-protocol', async () => {
      const scratch = new Scratch();
      const proxied = `PROXY TCP4 10.9.8.7 127.0.0.1 40000 80\r\n${GET}`;
      try {
        const port = await freePort();
        const alone = config(scratch, 'uwsgi.ini', [`http-socket = 127.0.0.1:${port}`, 'http-enable-proxy-protocol = true']);
        assert.deepEqual(findingsOf(alone.path, alone.text, ROUTER_RULE), ['8 uwsgi/ineffective-option']);
        const ignored = await serving(alone.path, alone.cwd, () => exchange(port, [proxied]));
        assert.deepEqual(ignored.result.responses.filter((response) => / 200 OK\r\n/.test(response)), [], 'the PROXY line is not understood');
        assert.doesNotMatch(ignored.run.stderr, /10\.9\.8\.7/);

        const corePort = await freePort();
        const core = config(scratch, 'uwsgi.ini', [`http-socket = 127.0.0.1:${corePort}`, 'enable-proxy-protocol = true']);
        assert.deepEqual(findingsOf(core.path, core.text, ROUTER_RULE), []);
        const requestLog = /^\[pid: \d+\|app: 0\|req: 1\/1\] 10\.9\.8\.7 /m;
        const read = await serving(core.path, core.cwd, () => exchange(corePort, [proxied]), (log) => requestLog.test(log));
        assert.match(read.result.responses[0] ?? '', /^HTTP\/1\.1 200 OK\r\n/);
        assert.match(read.run.stderr, requestLog, 'the request is logged with the address of the PROXY line');
      } finally {
        scratch.dispose();
      }
    });

    test('harakiri-verbose without harakiri: a request that runs past a second is not killed', async () => {
      const scratch = new Scratch();
      const slow = 'GET /slow HTTP/1.0\r\n\r\n';
      try {
        const port = await freePort();
        const alone = config(scratch, 'uwsgi.ini', [`http-socket = 127.0.0.1:${port}`, 'harakiri-verbose = true']);
        assert.deepEqual(findingsOf(alone.path, alone.text, ROUTER_RULE), ['8 uwsgi/ineffective-option']);
        const ignored = await serving(alone.path, alone.cwd, () => exchange(port, [slow]));
        assert.match(ignored.result.responses[0] ?? '', /^HTTP\/1\.0 200 OK\r\n/, 'the slow request completes');
        assert.doesNotMatch(ignored.run.stderr, /HARAKIRI/);

        const onPort = await freePort();
        const on = config(scratch, 'uwsgi.ini', [`http-socket = 127.0.0.1:${onPort}`, 'harakiri = 1', 'harakiri-verbose = true']);
        assert.deepEqual(findingsOf(on.path, on.text, ROUTER_RULE), []);
        const report = /^HARAKIRI: -- syscall> /m;
        const killed = await serving(on.path, on.cwd, () => exchange(onPort, [slow]), (log) => report.test(log));
        assert.deepEqual(killed.result.responses, [], 'harakiri killed the worker during the request');
        assert.match(killed.run.stderr, / - \*\*\* HARAKIRI ON WORKER 1 \(pid: \d+/);
        assert.match(killed.run.stderr, report, 'and harakiri-verbose added its report');
      } finally {
        scratch.dispose();
      }
    });

    /** Starts a config until the master loop is up (uwsgiOracle's startBriefly) and returns its log. */
    const startLog = async (scratch: Scratch, lines: readonly string[], expected: string[]): Promise<string> => {
      const { path, text, cwd } = config(scratch, 'uwsgi.ini', lines);
      assert.deepEqual(findingsOf(path, text, ['uwsgi/ineffective-option', 'uwsgi/mount-and-module']), expected, lines.join(' / '));
      const { run, log } = await startBriefly(path, scratch.folder(), cwd);
      assert.match(log, /^running "exit:0" \(master-start\)\.\.\.$/m, `uWSGI started: status ${run.code}`);
      return log;
    };
    const spawnedWorkers = (log: string): number => log.match(/^spawned uWSGI worker \d+ /gm)?.length ?? 0;

    test('cheaper-* without cheaper: every worker of processes starts', async () => {
      const scratch = new Scratch();
      try {
        const without = await startLog(scratch, ['processes = 3', 'cheaper-initial = 1', 'cheaper-step = 1', 'cheaper-algo = spare'], [
          '8 uwsgi/ineffective-option',
          '9 uwsgi/ineffective-option',
          '10 uwsgi/ineffective-option',
        ]);
        assert.equal(spawnedWorkers(without), 3);
        const cheaper = await startLog(scratch, ['processes = 3', 'cheaper = 1', 'cheaper-initial = 1', 'cheaper-step = 1', 'cheaper-algo = spare'], []);
        assert.equal(spawnedWorkers(cheaper), 1, 'with cheaper, cheaper-initial decides how many start');
      } finally {
        scratch.dispose();
      }
    });

    test('stats-http without stats: no stats server; spooler-processes without spooler: no spooler', async () => {
      const scratch = new Scratch();
      try {
        const without = await startLog(scratch, ['stats-http = true', 'spooler-processes = 2'], ['7 uwsgi/ineffective-option', '8 uwsgi/ineffective-option']);
        assert.doesNotMatch(without, /Stats server enabled/);
        assert.doesNotMatch(without, /^spawned the uWSGI spooler/m);
        const spool = scratch.folder();
        const stats = join(scratch.folder(), 'stats.sock');
        const withThem = await startLog(scratch, [`stats = ${stats}`, 'stats-http = true', `spooler = ${spool}`, 'spooler-processes = 2'], []);
        assert.match(withThem, /^\*\*\* Stats server enabled on /m);
        assert.equal(withThem.match(/^spawned the uWSGI spooler /gm)?.length, 2, 'spooler-processes = 2 spawned two spoolers');
      } finally {
        scratch.dispose();
      }
    });

    test('module with mount = /=...: two apps load, the mounted one in an interpreter of its own', async () => {
      const scratch = new Scratch();
      try {
        const interpreters = (log: string): Record<string, string> =>
          Object.fromEntries([...log.matchAll(/^WSGI app (\d+) \(mountpoint='([^']*)'\) ready in \d+ seconds on interpreter (0x[0-9a-f]+)/gm)].map((match) => [`${match[1]} '${match[2]}'`, match[3]]));
        const two = interpreters(await startLog(scratch, ['module = app', 'mount = /=app.py'], ['8 uwsgi/mount-and-module']));
        assert.deepEqual(Object.keys(two), ["0 ''", "1 '/'"]);
        assert.notEqual(two["0 ''"], two["1 '/'"], 'the mounted app runs in another interpreter');
        const shared = interpreters(await startLog(scratch, ['single-interpreter = true', 'module = app', 'mount = /=app.py'], ['9 uwsgi/mount-and-module']));
        assert.deepEqual(Object.keys(shared), ["0 ''", "1 '/'"], 'with single-interpreter there are still two apps');
        assert.equal(shared["0 ''"], shared["1 '/'"]);
      } finally {
        scratch.dispose();
      }
    });

    test('options only uWSGI 2.1 has: 2.0 does not know them (strict refuses them), and pydeploy says so', async () => {
      const scratch = new Scratch();
      try {
        const cwd = scratch.folder();
        const base = join(cwd, 'base.ini');
        writeFileSync(base, '[uwsgi]\nplugin = python3\n');
        const onlyIn21 = allUwsgiOptions().filter((facts) => facts.plugin === 'core' && !facts.inStable && facts.role === undefined);
        assert.ok(onlyIn21.length >= 20, `the table's 2.1-only core options: ${onlyIn21.length}`);
        for (const facts of onlyIn21) {
          assert.equal(await knowsOption(base, facts.name, '1', join(cwd, 'probe.ini'), cwd), false, `uWSGI ${installed} knows ${facts.name}`);
          const text = `[uwsgi]\nplugin = python3\n${facts.name} = 1\n`;
          assert.deepEqual(findingsOf(join(cwd, 'uwsgi.ini'), text, ['uwsgi/unknown-option']), ['3 uwsgi/unknown-option'], facts.name);
        }
        // Without strict, an ini file with them starts as if they were not there.
        const ignored = await startLog(scratch, onlyIn21.slice(0, 5).map((facts) => `${facts.name} = 1`), []);
        assert.ok(spawnedWorkers(ignored) === 1);
      } finally {
        scratch.dispose();
      }
    });
  });
}

/** One process of a worker slot as the log tells it: the requests it served, and whether it recycled itself. */
interface WorkerLife {
  worker: number;
  pid: number;
  served: number;
  /** The seconds uWSGI's master says it ran when its lifetime was reached, if it was. */
  lifetimeReached?: number;
  /** It said "The work of process ... is done" (max-requests), or the master ended its lifetime. */
  recycled: boolean;
}

/**
 * The worker processes of a log, in the order they were spawned. Each request is logged by the routing rule of the
 * config (`request served by worker W (pid: P) at T`), each spawn, respawn and lifetime end by the master. A new
 * worker may log its first request before the master logs its spawn, so requests are counted once every spawn is
 * known; while uWSGI runs, a request of a process whose spawn is not logged yet is left for a later reading.
 */
function workerLives(log: string): WorkerLife[] {
  const lives: WorkerLife[] = [];
  const current = new Map<number, WorkerLife>();
  const byPid = new Map<number, WorkerLife>();
  const processLines: { pid: number; recycled: boolean }[] = [];
  const lines = /^(?:spawned uWSGI worker (\d+) \(pid: (\d+),|Respawned uWSGI worker (\d+) \(new pid: (\d+)\)|request served by worker \d+ \(pid: (\d+)\)|\.\.\.The work of process (\d+) is done\. Seeya!|worker (\d+) lifetime reached, it was running for (\d+) second\(s\))/gm;
  for (const match of log.matchAll(lines)) {
    const spawnedWorker = match[1] ?? match[3];
    if (spawnedWorker !== undefined) {
      const life: WorkerLife = { worker: Number(spawnedWorker), pid: Number(match[2] ?? match[4]), served: 0, recycled: false };
      lives.push(life);
      current.set(life.worker, life);
      byPid.set(life.pid, life);
    } else if (match[5] !== undefined || match[6] !== undefined) {
      processLines.push({ pid: Number(match[5] ?? match[6]), recycled: match[6] !== undefined });
    } else {
      const life = current.get(Number(match[7]));
      assert.ok(life, `a worker that was never spawned reached its lifetime: ${match[0]}`);
      life.lifetimeReached = Number(match[8]);
      life.recycled = true;
    }
  }
  for (const { pid, recycled } of processLines) {
    const life = byPid.get(pid);
    if (life === undefined) continue;
    if (recycled) life.recycled = true;
    else life.served++;
  }
  return lives;
}

/** The first process of each of the two worker slots (undefined while the log has not spawned it). */
const firstLives = (log: string): [WorkerLife | undefined, WorkerLife | undefined] => {
  const lives = workerLives(log);
  return [lives.find((life) => life.worker === 1), lives.find((life) => life.worker === 2)];
};

const GET_CLOSE = 'GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n';

/** Sends one request on a connection of its own and checks that the routing rule answered it. */
async function answered(port: number, what: string): Promise<void> {
  const { responses } = await exchange(port, [GET_CLOSE]);
  assert.match(responses[0] ?? '', /^HTTP\/1\.1 200 OK\r\n/, `${what} was answered`);
}

/**
 * Whether every worker that recycled has been replaced: the moment to stop uWSGI. A SIGINT that reaches the master
 * while it respawns a worker leaves that worker running and the master waiting for it (seen with 2.0.31).
 */
const noneAwaitingRespawn = (log: string): boolean => {
  const lastLives = new Map(workerLives(log).map((life) => [life.worker, life]));
  return lastLives.size === 2 && [...lastLives.values()].every((life) => !life.recycled);
};

/** Sends requests one after the other until `done` holds for the log, at most `limit`; returns how many were sent. */
async function requestsUntil(port: number, logSoFar: () => string, done: (log: string) => boolean, limit: number, pauseMs = 0): Promise<number> {
  let sent = 0;
  while (!done(logSoFar()) && sent < limit) {
    await answered(port, `request ${++sent}`);
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return sent;
}

/** Waits until the log satisfies `done` (polling), at most `limitMs`. */
async function logUntil(logSoFar: () => string, done: (log: string) => boolean, limitMs: number): Promise<void> {
  for (let waited = 0; !done(logSoFar()) && waited < limitMs; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

const forky = forkyUwsgi();

if ('missing' in forky) {
  if (process.env.CI === 'true') {
    test('uWSGI recycling deltas (Debian forky)', () => assert.fail(`${forky.missing}; CI=true requires it`));
  } else {
    console.log(`skipped: ${forky.missing}`);
    test('uWSGI recycling deltas (Debian forky)', { skip: forky.missing }, () => {});
  }
} else {
  // max-requests-delta exists since 2.0.29; pydeploy is told the version it runs against, so that the version rules
  // (an option newer than the pinned uWSGI) do not mix in.
  describe(`recycling deltas without the recycling they stagger, on uWSGI ${forky.version} (Debian forky)`, () => {
    const program = forky.program;
    const settings: AnalysisSettings = { uwsgiVersion: /^\d+\.\d+\.\d+/.exec(forky.version)?.[0] ?? forky.version };
    const RULE = ['uwsgi/ineffective-option'];
    const MAX_REQUESTS = 3;
    const DELTA = 2;

    /**
     * Two workers on http-socket that answer every request with uWSGI's internal routing (no language plugin) and log
     * which worker and process served it. min-worker-lifetime = 0: by default uWSGI recycles no worker younger than
     * 10 s, whatever max-requests says, and refuses a max-worker-lifetime not above it.
     */
    const config = (scratch: Scratch, port: number, lines: readonly string[]): { path: string; text: string; cwd: string } => {
      const cwd = scratch.folder();
      const text = [
        '[uwsgi]',
        'master = true',
        'processes = 2',
        `http-socket = 127.0.0.1:${port}`,
        'min-worker-lifetime = 0',
        'route-run = log:request served by worker ${uwsgi[wid]} (pid: ${uwsgi[pid]}) at ${time[unix]}',
        'route-run = return:200',
        ...lines,
        '',
      ].join('\n');
      const path = join(cwd, 'uwsgi.ini');
      writeFileSync(path, text);
      return { path, text, cwd };
    };

    test('max-requests-delta without max-requests: no worker recycles; with max-requests = N, worker 1 recycles at N and worker 2 at N + delta', async () => {
      const scratch = new Scratch(program);
      try {
        const port = await freePort();
        const alone = config(scratch, port, [`max-requests-delta = ${DELTA}`]);
        assert.deepEqual(findingsOf(alone.path, alone.text, RULE, settings), ['8 uwsgi/ineffective-option']);
        // Were the delta applied to a max-requests of 0, worker 2 would recycle after DELTA requests and worker 1 after each.
        const busy = (log: string): boolean => firstLives(log).every((life) => life !== undefined && life.served > MAX_REQUESTS + DELTA);
        const ignored = await serving(alone.path, alone.cwd, (log) => requestsUntil(port, log, busy, 500), busy, program);
        const [first, second] = firstLives(ignored.run.stderr);
        assert.ok(busy(ignored.run.stderr), `each worker served more than ${MAX_REQUESTS + DELTA} requests (${first?.served} and ${second?.served} of ${ignored.result})`);
        assert.deepEqual(workerLives(ignored.run.stderr).filter((life) => life.recycled), [], 'and none recycled');
        assert.doesNotMatch(ignored.run.stderr, /^Respawned uWSGI worker/m);

        const recyclingPort = await freePort();
        const recycling = config(scratch, recyclingPort, [`max-requests = ${MAX_REQUESTS}`, `max-requests-delta = ${DELTA}`]);
        assert.deepEqual(findingsOf(recycling.path, recycling.text, RULE, settings), []);
        const bothRecycled = (log: string): boolean => firstLives(log).every((life) => life?.recycled === true);
        const staggered = await serving(
          recycling.path,
          recycling.cwd,
          async (log) => {
            const sent = await requestsUntil(recyclingPort, log, bothRecycled, 500);
            await logUntil(log, noneAwaitingRespawn, 10_000);
            return sent;
          },
          undefined,
          program,
        );
        const [one, two] = firstLives(staggered.run.stderr);
        assert.deepEqual(
          [one, two].map((life) => life && { worker: life.worker, served: life.served, recycled: life.recycled }),
          [
            { worker: 1, served: MAX_REQUESTS, recycled: true },
            { worker: 2, served: MAX_REQUESTS + DELTA, recycled: true },
          ],
          `after ${staggered.result} requests`,
        );
      } finally {
        scratch.dispose();
      }
    });

    test('max-worker-lifetime-delta without max-worker-lifetime: no worker recycles; with max-worker-lifetime = 1, worker 2 lives delta seconds longer', async () => {
      const scratch = new Scratch(program);
      try {
        const port = await freePort();
        const alone = config(scratch, port, ['max-worker-lifetime-delta = 1']);
        assert.deepEqual(findingsOf(alone.path, alone.text, RULE, settings), ['8 uwsgi/ineffective-option']);
        // Were the delta applied to a lifetime of 0, worker 1 would recycle within a second and worker 2 after one
        // more; requests are sent until uWSGI's own clock (the time in the request log) shows 4 s gone since the first.
        const requestTimes = (log: string): number[] => [...log.matchAll(/^request served by worker \d+ \(pid: \d+\) at (\d+)$/gm)].map((match) => Number(match[1]));
        const longEnough = (log: string): boolean => {
          const times = requestTimes(log);
          return times.length > 0 && times[times.length - 1] - times[0] >= 4;
        };
        const ignored = await serving(alone.path, alone.cwd, (log) => requestsUntil(port, log, longEnough, 100, 200), longEnough, program);
        assert.ok(longEnough(ignored.run.stderr), `uWSGI ran for 4 s by its clock (${ignored.result} requests)`);
        assert.deepEqual(workerLives(ignored.run.stderr).filter((life) => life.recycled), [], 'and no worker recycled');
        assert.doesNotMatch(ignored.run.stderr, /lifetime reached|^Respawned uWSGI worker/m);

        const recyclingPort = await freePort();
        const recycling = config(scratch, recyclingPort, ['max-worker-lifetime = 1', 'max-worker-lifetime-delta = 2']);
        assert.deepEqual(findingsOf(recycling.path, recycling.text, RULE, settings), []);
        const secondReached = (log: string): boolean => firstLives(log)[1]?.lifetimeReached !== undefined;
        const staggered = await serving(
          recycling.path,
          recycling.cwd,
          async (log) => {
            await logUntil(log, secondReached, 15_000);
            await logUntil(log, noneAwaitingRespawn, 10_000);
          },
          undefined,
          program,
        );
        const [one, two] = firstLives(staggered.run.stderr);
        // uWSGI's master ends a lifetime once it is above max-worker-lifetime + (worker - 1) * delta seconds.
        assert.ok(one?.lifetimeReached !== undefined && one.lifetimeReached > 1, `worker 1 ran ${one?.lifetimeReached} s, above 1`);
        assert.ok(two?.lifetimeReached !== undefined && two.lifetimeReached > 3, `worker 2 ran ${two?.lifetimeReached} s, above 1 + 2`);
        const reached = [...staggered.run.stderr.matchAll(/^worker (\d+) lifetime reached/gm)].map((match) => match[1]);
        assert.equal(reached[0], '1', `worker 1 reached its lifetime first: ${reached.join(', ')}`);
      } finally {
        scratch.dispose();
      }
    });
  });
}

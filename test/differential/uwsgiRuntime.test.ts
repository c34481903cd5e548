// Differential test: what the APM agents' uWSGI checks read (`uwsgi.opt`, `uwsgi.numproc`, `uwsgi.worker_id()`
// while the app is imported, `uwsgi.version_info`), as the real uWSGI (Debian's 2.0.21, `npm run setup:system`)
// exposes it to the tiny app uwsgi-opt/opt_app.py, against what test/helpers/uwsgiRuntime.ts computes from
// pydeploy's model of the same ini. With this agreement the property test of the agents' checks
// (test/fuzz/agentChecks.test.ts) can run on the model alone.
// Each run starts uWSGI on one ini and ends (its process group killed) as soon as the app has printed its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseIni } from '../../server/src/parse/uwsgiIni';
import { UwsgiConfig } from '../../server/src/model/uwsgiConfig';
import type { OptValue, UwsgiRuntime } from '../helpers/agentChecks';
import { importsApp, uwsgiRuntimeOf } from '../helpers/uwsgiRuntime';
import { unavailable } from '../helpers/unavailable';
import { OptionLine, agentIni, agentOptionLines } from '../fuzz/agentOptionSets';
import { installedUwsgi, pool, runUwsgi } from './uwsgiOracle';

const APP = 'opt_app.py';
const MARKER = 'pydeploy-uwsgi-runtime: ';
/** Sampled option sets besides the hand-picked ones; each is one start of uWSGI. */
const SAMPLED = 40;
const PARALLEL = 2;
/** Options the run's command line adds (before and after the file), not part of the ini under test. */
const COMMAND_LINE_KEYS = new Set(['plugin', 'ini', 'socket']);

/** What a start shows the agents: their runtime, or that the app is never imported (so their checks never run). */
type Seen = UwsgiRuntime | 'never imported';
const NEVER: Seen = 'never imported';

const line = (key: string, value: string, bare = false): OptionLine => ({ key, value, bare, spaced: false });

/** Cases chosen for what they show: every value the agents and uWSGI read differently, repeats, aliases, lazy modes. */
const HAND_PICKED: { name: string; lines: OptionLine[] }[] = [
  { name: 'nothing set', lines: [] },
  { name: 'enable-threads = false is the bytes "false"', lines: [line('enable-threads', 'false'), line('master', 'true'), line('processes', '2')] },
  { name: 'an empty value and a bare key are both empty bytes', lines: [line('enable-threads', ''), line('skip-atexit', '', true), line('lazy-apps', '', true)] },
  { name: 'a repeated key keeps its last value, at its first place', lines: [line('master', 'true'), line('threads', '2'), line('master', 'false')] },
  { name: 'workers is its own key; numproc follows it', lines: [line('workers', '2'), line('master', '1')] },
  { name: 'workers and processes are one count: the last line of either wins', lines: [line('processes', '2'), line('workers', '1'), line('enable-threads', 'on')] },
  { name: 'no workers: a lazy app is never imported', lines: [line('processes', '0'), line('lazy-apps', 'true')] },
  { name: 'no workers and a master: a lazy app is never imported', lines: [line('processes', 'true'), line('lazy', 'on'), line('master', 'true')] },
  { name: 'processes = true is numproc 0', lines: [line('processes', 'true'), line('enable-threads', 'TRUE')] },
  { name: 'lazy-apps: the app is imported in a worker', lines: [line('lazy-apps', 'true'), line('processes', '2'), line('master', 'true')] },
  { name: 'lazy: the app is imported in a worker', lines: [line('lazy', 'yes'), line('processes', '2'), line('master', 'on')] },
  { name: 'lazy-apps = false: the app is imported in the master', lines: [line('lazy-apps', 'false'), line('lazy', '0'), line('processes', '2')] },
  { name: 'spaces around key, = and value are stripped', lines: [{ key: 'py-call-uwsgi-fork-hooks', value: 'on', bare: false, spaced: true }, { key: 'skip-atexit', value: '', bare: true, spaced: true }] },
];

function show(runtime: UwsgiRuntime): string {
  const value = (v: OptValue) => (v === true ? 'True' : `b${JSON.stringify(v)}`);
  return `opt {${runtime.opt.map(([key, v]) => `${key}: ${value(v)}`).join(', ')}} version ${runtime.version.join('.')} numproc ${runtime.numproc} worker_id ${runtime.workerId === 0 ? '0 (master)' : '>0 (a worker)'}`;
}

/** The runtime the app printed, with the command line's own options left out and the worker id as 0 or 1. */
function printed(stderr: string): UwsgiRuntime | undefined {
  const start = stderr.indexOf(MARKER);
  const end = stderr.indexOf('\n', start);
  if (start < 0 || end < 0) return undefined;
  const raw = JSON.parse(stderr.slice(start + MARKER.length, end)) as { opt: [string, unknown][]; version: number[]; numproc: number; workerId: number };
  for (const [key, value] of raw.opt) assert.ok(value === true || typeof value === 'string', `uwsgi.opt[${key}] is neither bytes nor True: ${JSON.stringify(value)}`);
  return {
    opt: (raw.opt as [string, OptValue][]).filter(([key]) => !COMMAND_LINE_KEYS.has(key)),
    version: [raw.version[0], raw.version[1], raw.version[2]],
    numproc: raw.numproc,
    workerId: raw.workerId === 0 ? 0 : 1,
  };
}

const installed = installedUwsgi();

test('uwsgi.opt and what the agents read: pydeploy against the real uWSGI', async (t) => {
  if (installed === undefined) {
    t.skip(unavailable('uwsgi (with its python3 plugin) is not installed', 'run npm run setup:system'));
    return;
  }
  const version = /^(\d+)\.(\d+)\.(\d+)/.exec(installed);
  assert.ok(version, `cannot read the uWSGI version "${installed}"`);
  const pinned: [number, number, number] = [Number(version[1]), Number(version[2]), Number(version[3])];
  const sampled = fc.sample(agentOptionLines, { seed: 20261130, numRuns: SAMPLED }).map((lines, i) => ({ name: `sampled ${i + 1}`, lines }));
  const cases = [...HAND_PICKED, ...sampled];
  const folder = mkdtempSync(join(tmpdir(), 'pydeploy-uwsgi-opt-'));
  try {
    copyFileSync(join(__dirname, 'uwsgi-opt', APP), join(folder, APP));
    const results = await pool(cases, PARALLEL, async ({ name, lines }, index) => {
      const file = join(folder, `case-${index}.ini`);
      const text = agentIni(lines, APP);
      writeFileSync(file, text);
      const config = new UwsgiConfig(parseIni(text), { path: file });
      const ours: Seen | undefined = importsApp(config) ? uwsgiRuntimeOf(config, pinned) : NEVER;
      const socket = join(folder, `case-${index}.sock`);
      const run = await runUwsgi(['--plugin', 'python3', '--ini', file, '--socket', socket], {
        cwd: folder,
        // A start that never imports the app runs until this ends it (a master with no workers waits forever).
        timeoutMs: 8_000,
        until: (stderr) => stderr.includes(MARKER) && stderr.indexOf('\n', stderr.indexOf(MARKER)) >= 0,
      });
      const theirs: Seen | undefined = printed(run.stderr) ?? (/^\*\*\* Operational MODE: no-workers \*\*\*$/m.test(run.stderr) ? NEVER : undefined);
      return { name, text, ours, theirs, log: run.stderr.trim().split('\n').slice(-4).join(' | ') };
    });
    for (const { name, text, ours, theirs, log } of results) {
      await t.test(name, () => {
        assert.ok(theirs, `the app printed nothing for:\n${text}\nuWSGI: ${log}`);
        assert.ok(ours, `pydeploy cannot tell uwsgi.opt for:\n${text}`);
        const shown = (seen: Seen) => (seen === NEVER ? NEVER : show(seen));
        assert.equal(shown(ours), shown(theirs), `for:\n${text}`);
      });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

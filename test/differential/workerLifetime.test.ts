// Differential test of uwsgi/worker-lifetime: each config is started on the real uWSGI (Debian's 2.0.21, `npm run
// setup:system`) until its master loop is up (startBriefly), and pydeploy must report exactly the ones uWSGI refuses
// with `invalid min-worker-lifetime value` and exit status 1 (core/init.c checks it before any fork).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { analyze } from '../../server/src/features/analysis';
import { unavailable } from '../helpers/unavailable';
import { Scratch, installedUwsgi, startBriefly } from './uwsgiOracle';

const CASES: { lines: string[]; refused: boolean }[] = [
  { lines: ['max-worker-lifetime = 5'], refused: true },
  { lines: ['max-worker-lifetime = 10'], refused: true },
  { lines: ['max-worker-lifetime = 11'], refused: false },
  { lines: ['max-worker-lifetime = 5', 'min-worker-lifetime = 4'], refused: false },
  { lines: ['min-worker-lifetime = 30', 'max-worker-lifetime = 20'], refused: true },
  { lines: ['max-worker-lifetime = 0'], refused: false },
  { lines: ['max-worker-lifetime = 3600'], refused: false },
];

test('uwsgi/worker-lifetime reports exactly the configs real uWSGI refuses to start', async (t) => {
  const installed = installedUwsgi();
  if (!installed) return t.skip(unavailable('uwsgi (with its python3 plugin) is not installed', 'run npm run setup:system'));
  const scratch = new Scratch();
  try {
    for (const [index, { lines, refused }] of CASES.entries()) {
      const text = ['[uwsgi]', 'master = true', 'processes = 1', ...lines, ''].join('\n');
      const file = join(scratch.dir, `case-${index}.ini`);
      writeFileSync(file, text);
      const { run, log } = await startBriefly(file, scratch.folder(), scratch.dir);
      const uwsgiRefused = run.code === 1 && log.includes('invalid min-worker-lifetime value');
      assert.equal(uwsgiRefused, refused, `uWSGI ${installed} on ${lines.join(', ')}: status ${run.code}, ${log.trim().split('\n').slice(-2).join(' | ')}`);
      if (!refused) assert.equal(run.code, 0, `uWSGI ${installed} started on ${lines.join(', ')}`);
      const reported = (analyze(file, text)?.findings ?? []).some(({ rule }) => rule.id === 'uwsgi/worker-lifetime');
      assert.equal(reported, refused, `pydeploy on ${lines.join(', ')}`);
    }
  } finally {
    scratch.dispose();
  }
});

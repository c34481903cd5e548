import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';

test('pydeploy check walks gunicorn*.py files and reports their findings', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-'));
  try {
    mkdirSync(join(folder, 'deploy'));
    writeFileSync(join(folder, 'deploy', 'gunicorn.conf.py'), 'workers = -1\nthreds = 2\n');
    writeFileSync(join(folder, 'app.py'), 'threds = 2\n');
    const out: string[] = [];
    const err: string[] = [];
    const code = main(['check', folder], (text) => out.push(text), (text) => err.push(text));
    assert.equal(code, 1);
    const file = join(folder, 'deploy', 'gunicorn.conf.py');
    assert.deepEqual(out.join('\n').split('\n'), [
      `${file}:1:11: error gunicorn/invalid-value Invalid value for \`workers\`: -1 is negative: this setting takes a whole number of 0 or more.`,
      `${file}:2:1: warning gunicorn/unknown-setting \`threds\` is not a Gunicorn setting, so Gunicorn ignores it: did you mean \`threads\`?`,
    ]);
    assert.deepEqual(err, ['pydeploy: 1 file checked: 1 error, 1 warning, 0 information, 0 hints']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

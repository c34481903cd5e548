// `pydeploy check` and the editor agree on files too large to read: one information finding on the first line,
// nothing else, and `--fix` leaves the file as it is.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', 'bin', 'pydeploy.js');

function pydeploy(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exactly 10 MiB: a known-bad `[uwsgi]` section, then options, then a comment line that makes up the rest. */
function tenMiBUwsgi(): string {
  const size = 10 * 1024 * 1024;
  const parts = ['[uwsgi]\nmodule = app\n'];
  let length = parts[0].length;
  for (let n = 0; size - length > 100; n++) {
    const line = `option-${n} = value ${n}\n`;
    parts.push(line);
    length += line.length;
  }
  parts.push(`#${'x'.repeat(size - length - 2)}\n`);
  return parts.join('');
}

const MESSAGE =
  'This file is 10,485,760 bytes (10 MiB), more than the 4 MiB pydeploy checks: it is not checked. ' +
  'Is it a generated or a wrong file?';

describe('pydeploy check on a 10 MiB config', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-large-'));
  const text = tenMiBUwsgi();
  writeFileSync(join(folder, 'uwsgi.ini'), text);
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('prints one note on line 1 and exits 0', () => {
    const { status, stdout, stderr } = pydeploy(['check', '.'], folder);
    assert.equal(stdout, `uwsgi.ini:1:1: information pydeploy/file-too-large ${MESSAGE}\n`);
    assert.equal(stderr, 'pydeploy: 1 file checked: 0 errors, 0 warnings, 1 information, 0 hints\n');
    assert.equal(status, 0);
  });

  test('--format json gives the same finding as the editor gets', () => {
    const { stdout } = pydeploy(['check', '--format', 'json', 'uwsgi.ini'], folder);
    assert.deepEqual(JSON.parse(stdout), [
      {
        file: 'uwsgi.ini',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } },
        severity: 'information',
        code: 'pydeploy/file-too-large',
        message: MESSAGE,
      },
    ]);
  });

  test('--fix leaves it byte for byte as it was', () => {
    const { status } = pydeploy(['check', '--fix', 'uwsgi.ini'], folder);
    assert.equal(status, 0);
    assert.equal(readFileSync(join(folder, 'uwsgi.ini'), 'utf8'), text);
  });
});

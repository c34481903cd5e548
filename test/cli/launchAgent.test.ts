import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';

const DOCKERFILE = 'FROM python:3.13-slim\nWORKDIR /app\nCOPY . /app\nCMD ["ddtrace-run", "uwsgi", "--ini", "uwsgi.ini"]\n';
const UWSGI = '[uwsgi]\nmodule = app.wsgi\nmaster = true\nenable-threads = true\nlazy-apps = true\nskip-atexit = true\npy-call-osafterfork = true\n';

function project(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-launch-agent-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

function check(folder: string, args: string[] = []): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['check', ...args, folder], (text) => out.push(text), (text) => err.push(text));
  // `path:line:column: severity rule message`, the path relative to the project.
  return { code, out: out.join('\n').split('\n').filter(Boolean).map((line) => line.slice(folder.length + 1)), err };
}

test('pydeploy check: ddtrace-run starting uWSGI in the Dockerfile, py-call-osafterfork on the Dockerfile\'s Python 3.13', () => {
  const folder = project({ Dockerfile: DOCKERFILE, 'uwsgi.ini': UWSGI, 'requirements.txt': 'ddtrace==2.9.0\nuWSGI==2.0.28\n' });
  try {
    const { code, out, err } = check(folder);
    assert.equal(code, 1);
    assert.deepEqual(out, [
      "Dockerfile:4:6: error launch/uwsgi-agent-wrapper `ddtrace-run` does not work under uWSGI: Datadog's tracer does not start properly in the workers; add `import = ddtrace.auto` to the uWSGI config instead.",
      "uwsgi.ini:7:1: error uwsgi/py-call-osafterfork `py-call-osafterfork` aborts uWSGI's workers on Python 3.13 (Dockerfile FROM python:3.13-slim): use `py-call-uwsgi-fork-hooks`.",
    ]);
    assert.deepEqual(err, ['pydeploy: 3 files checked: 2 errors, 0 warnings, 0 information, 0 hints']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('pydeploy check --fix renames py-call-osafterfork and leaves the wrapper, which has no fix, where it is', () => {
  const folder = project({ Dockerfile: DOCKERFILE, 'uwsgi.ini': UWSGI, 'requirements.txt': 'ddtrace==2.9.0\nuWSGI==2.0.28\n' });
  try {
    const { out, err } = check(folder, ['--fix']);
    assert.equal(readFileSync(join(folder, 'uwsgi.ini'), 'utf8'), UWSGI.replace('py-call-osafterfork', 'py-call-uwsgi-fork-hooks'));
    assert.equal(readFileSync(join(folder, 'Dockerfile'), 'utf8'), DOCKERFILE);
    assert.deepEqual(out.map((line) => line.split(' ').slice(0, 3).join(' ')), ['Dockerfile:4:6: error launch/uwsgi-agent-wrapper']);
    assert.deepEqual(err, [`fixed: ${join(folder, 'uwsgi.ini')} (1 fix)`, 'pydeploy: 3 files checked: 1 error, 0 warnings, 0 information, 0 hints']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('pydeploy check: py-call-uwsgi-fork-hooks on a uWSGI pinned before 2.0.21, in the ini and on the Procfile line', () => {
  const folder = project({
    Procfile: 'web: uwsgi --ini uwsgi.ini --py-call-uwsgi-fork-hooks\n',
    'uwsgi.ini': '[uwsgi]\nmodule = app.wsgi\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\npy-call-uwsgi-fork-hooks = true\n',
    'requirements.txt': 'uWSGI==2.0.20\n',
  });
  try {
    const { code, out } = check(folder);
    assert.equal(code, 1);
    assert.deepEqual(out, [
      'Procfile:1:28: error launch/unknown-option uWSGI 2.0.20 (requirements.txt) has no `--py-call-uwsgi-fork-hooks` (added in 2.0.21): it refuses to start with `unrecognized option`.',
      'uwsgi.ini:6:1: warning uwsgi/unknown-option uWSGI 2.0.20 (requirements.txt) has no `py-call-uwsgi-fork-hooks` (added in 2.0.21): it keeps the line as a placeholder, so it has no effect.',
    ]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'pydeploy.js');

/** Runs the real command line, as a user or a CI job would. */
function pydeploy(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EXAMPLE_FINDINGS = [
  "examples/gunicorn-preload/gunicorn.conf.py:3:1: warning gunicorn/unknown-setting `threds` is not a Gunicorn setting, so Gunicorn ignores it: did you mean `threads`?",
  "examples/gunicorn-preload/gunicorn.conf.py:4:11: error gunicorn/invalid-value Invalid value for `timeout`: \"30s\" is not a whole number Gunicorn can read (decimal without leading zeros, or 0x/0o/0b).",
  "examples/gunicorn-preload/gunicorn.conf.py:5:15: warning gunicorn/preload-app `preload_app = True` starts the app, and the agent with it, in the master: the APM agent's thread does not survive the fork, so the workers report nothing.",
  "examples/gunicorn-preload/gunicorn.conf.py:8:1: error gunicorn/hook-signature Gunicorn calls `when_ready` with 1 positional parameter (when_ready(server)), but this definition takes 2: Gunicorn refuses to start.",
  "examples/lazy-old-style/app.ini:5:1: hint uwsgi/prefer-lazy-apps `lazy` works for the agent, but uWSGI recommends `lazy-apps`: it loads apps after the fork without changing how the master reloads.",
  "examples/missing-flags/uwsgi.ini:1:1: error uwsgi/enable-threads Python threads are off (no `enable-threads` or `threads`) on uWSGI up to 2.0.26 (assumed: no version is pinned): the APM agent's reporting thread never runs.",
  "examples/missing-flags/uwsgi.ini:1:1: warning uwsgi/single-interpreter `single-interpreter` is not on, so apps run in a sub-interpreter: the APM agent is not supported there.",
  "examples/missing-flags/uwsgi.ini:1:1: warning uwsgi/lazy-apps The app loads in the master before the workers are forked (set `lazy-apps`): the APM agent's thread does not survive the fork.",
  "examples/threads-off/uwsgi-prod.ini:4:18: error uwsgi/enable-threads `enable-threads = false` turns Python threads off on uWSGI up to 2.0.26 (assumed: no version is pinned): the APM agent's reporting thread never runs.",
  "examples/threads-off/uwsgi-prod.ini:5:22: warning uwsgi/single-interpreter `single-interpreter = Off` runs apps in a sub-interpreter: the APM agent is not supported there.",
  "examples/threads-off/uwsgi-prod.ini:6:13: warning uwsgi/lazy-apps `lazy-apps = 0` loads the app in the master before the fork: the APM agent's thread does not survive the fork.",
];

describe('pydeploy check', () => {
  test('prints compiler-style lines for the examples and exits 1 because some have errors', () => {
    const { status, stdout, stderr } = pydeploy(['check', 'examples']);
    assert.equal(stdout, EXAMPLE_FINDINGS.join('\n') + '\n');
    assert.equal(stderr, 'pydeploy: 8 files checked: 4 errors, 6 warnings, 0 information, 1 hint\n');
    assert.equal(status, 1);
  });

  test('--exit-zero exits 0 with the same findings', () => {
    const { status, stdout } = pydeploy(['check', '--exit-zero', 'examples']);
    assert.equal(stdout, EXAMPLE_FINDINGS.join('\n') + '\n');
    assert.equal(status, 0);
  });

  test('an agent-ready file prints nothing and exits 0', () => {
    const { status, stdout } = pydeploy(['check', 'examples/agent-ready/uwsgi.ini']);
    assert.equal(stdout, '');
    assert.equal(status, 0);
  });

  test('--format json gives LSP ranges, severities, codes and messages', () => {
    const { status, stdout } = pydeploy(['check', '--format', 'json', 'examples/threads-off']);
    assert.equal(status, 1);
    const rows = JSON.parse(stdout) as unknown[];
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[0], {
      file: 'examples/threads-off/uwsgi-prod.ini',
      range: { start: { line: 3, character: 17 }, end: { line: 3, character: 22 } },
      severity: 'error',
      code: 'uwsgi/enable-threads',
      message:
        "`enable-threads = false` turns Python threads off on uWSGI up to 2.0.26 (assumed: no version is pinned): the APM agent's reporting thread never runs.",
    });
    assert.deepEqual(JSON.parse(pydeploy(['check', '--format=json', 'examples/agent-ready']).stdout), []);
  });

  test('an unreadable path exits 2 with a clear message, and the other paths are still checked', () => {
    const { status, stdout, stderr } = pydeploy(['check', 'no/such/place', 'examples/missing-flags']);
    assert.equal(status, 2);
    assert.match(stderr, /^pydeploy: cannot read no\/such\/place: ENOENT$/m);
    assert.equal(stdout.split('\n').filter(Boolean).length, 3);
  });

  test('a dangling link or a FIFO named like a config exits 2 instead of failing or hanging', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-'));
    symlinkSync(join(folder, 'gone.ini'), join(folder, 'uwsgi.ini'));
    assert.equal(spawnSync('mkfifo', [join(folder, 'uwsgi-fifo.ini')]).status, 0);
    writeFileSync(join(folder, 'uwsgi-real.ini'), '[uwsgi]\nmodule = app\n');
    const { status, stdout, stderr } = pydeploy(['check', '.'], folder);
    assert.equal(status, 2);
    assert.match(stderr, /^pydeploy: cannot read uwsgi\.ini: ENOENT$/m);
    assert.doesNotMatch(stderr, /fifo/, 'a walk passes over what is not a file');
    assert.equal(stdout.split('\n').filter(Boolean).length, 3, 'the readable file is still checked');
    const named = pydeploy(['check', 'uwsgi-fifo.ini'], folder);
    assert.equal(named.status, 2);
    assert.match(named.stderr, /^pydeploy: cannot read uwsgi-fifo\.ini: not a regular file$/m);
  });

  test('bad usage exits 2 and shows the usage', () => {
    for (const args of [[], ['lint'], ['check', '--format', 'xml'], ['check', '--frobnicate']]) {
      const { status, stderr } = pydeploy(args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /usage: pydeploy check/);
    }
    assert.equal(pydeploy(['--help']).status, 0);
    assert.match(pydeploy(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  test('with no path it checks the current folder, skipping node_modules, .git and virtual environments', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-'));
    const broken = '[uwsgi]\nmodule = app\n';
    for (const hidden of ['node_modules/pkg', '.git', 'venv', 'env-with-cfg', 'deploy']) mkdirSync(join(folder, hidden), { recursive: true });
    writeFileSync(join(folder, 'env-with-cfg', 'pyvenv.cfg'), 'home = /usr/bin\n');
    for (const place of ['node_modules/pkg', '.git', 'venv', 'env-with-cfg', 'deploy']) writeFileSync(join(folder, place, 'uwsgi.ini'), broken);
    writeFileSync(join(folder, 'tox.ini'), '[tox]\nenvlist = py3\n');
    const { status, stdout } = pydeploy(['check'], folder);
    assert.equal(status, 1);
    assert.deepEqual([...new Set(stdout.split('\n').filter(Boolean).map((line) => line.split(':')[0]))], ['deploy/uwsgi.ini']);
  });

  test('--fix rewrites the file with every preferred fix, keeping CRLF and a BOM, and a second run changes nothing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-'));
    cpSync(join(root, 'examples'), join(folder, 'examples'), { recursive: true });
    const file = join(folder, 'examples', 'missing-flags', 'uwsgi.ini');
    writeFileSync(file, '\uFEFF; managed by ops\r\n[uwsgi]\r\nmodule = app\r\nenable-threads = off\r\n\r\n[dev]\r\nx = 1');
    const first = pydeploy(['check', '--fix', 'examples/missing-flags'], folder);
    assert.equal(first.stdout, '');
    assert.equal(first.stderr, 'fixed: examples/missing-flags/uwsgi.ini (3 fixes)\npydeploy: 1 file checked: 0 errors, 0 warnings, 0 information, 0 hints\n');
    assert.equal(first.status, 0);
    const fixed = readFileSync(file, 'utf8');
    assert.equal(fixed, '\uFEFF; managed by ops\r\n[uwsgi]\r\nmodule = app\r\nenable-threads = on\r\nsingle-interpreter = true\r\nlazy-apps = true\r\n\r\n[dev]\r\nx = 1');
    assert.doesNotMatch(pydeploy(['check', '--fix', 'examples/missing-flags'], folder).stderr, /fixed:/, 'a second run has nothing to fix');
    assert.equal(readFileSync(file, 'utf8'), fixed);
  });

  test('a byte order mark before the [uwsgi] header is an error, since uWSGI then ignores the section', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-'));
    writeFileSync(join(folder, 'uwsgi.ini'), '\uFEFF[uwsgi]\nthreads = 2\nsingle-interpreter = true\nlazy-apps = true\n');
    const { status, stdout } = pydeploy(['check', 'uwsgi.ini'], folder);
    assert.equal(status, 1);
    assert.match(stdout, /^uwsgi\.ini:1:1: error uwsgi\/byte-order-mark A UTF-8 byte order mark starts the file/m);
  });

  test('--fix does not rewrite a file that is not valid UTF-8', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-'));
    const bytes = Buffer.concat([Buffer.from('[uwsgi]\nmodule = caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    writeFileSync(join(folder, 'uwsgi.ini'), bytes);
    const { stderr } = pydeploy(['check', '--fix', 'uwsgi.ini'], folder);
    assert.match(stderr, /not fixing uwsgi\.ini: it is not valid UTF-8/);
    assert.deepEqual(readFileSync(join(folder, 'uwsgi.ini')), bytes);
  });

  test('a file named on the command line that is not a uWSGI config is reported as skipped', () => {
    const { status, stderr } = pydeploy(['check', 'examples/not-uwsgi/setup.ini']);
    assert.equal(status, 0);
    assert.match(stderr, /skipped examples\/not-uwsgi\/setup\.ini: not a uWSGI config/);
  });

  test('reads [tool.pydeploy] from pyproject.toml and honours suppression comments', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-'));
    mkdirSync(join(folder, 'deploy'));
    writeFileSync(
      join(folder, 'pyproject.toml'),
      '[project]\nname = "shop"\n\n[tool.pydeploy]\ngunicorn-config-files = ["deploy/web.py"]\n\n[tool.pydeploy.rules]\n"uwsgi/lazy-apps" = "off"\n',
    );
    writeFileSync(join(folder, 'deploy', 'uwsgi.ini'), '# pydeploy: disable-next-line=uwsgi/enable-threads\n[uwsgi]\nmodule = app\n; pydeploy: disable=uwsgi/single-interpretr\n');
    writeFileSync(join(folder, 'deploy', 'web.py'), 'preload_app = True\n');
    writeFileSync(join(folder, 'deploy', 'other.py'), 'preload_app = True\n');
    const { status, stdout, stderr } = pydeploy(['check'], folder);
    assert.equal(
      stdout,
      [
        'deploy/uwsgi.ini:2:1: warning uwsgi/single-interpreter `single-interpreter` is not on, so apps run in a sub-interpreter: the APM agent is not supported there.',
        'deploy/uwsgi.ini:4:21: warning pydeploy/unknown-rule `uwsgi/single-interpretr` is not a pydeploy rule, so this comment silences nothing. Did you mean `uwsgi/single-interpreter`?',
        "deploy/web.py:1:15: warning gunicorn/preload-app `preload_app = True` starts the app, and the agent with it, in the master: the APM agent's thread does not survive the fork, so the workers report nothing.",
        '',
      ].join('\n'),
    );
    assert.equal(stderr, 'pydeploy: 3 files checked: 0 errors, 3 warnings, 0 information, 0 hints\n');
    assert.equal(status, 0);
  });

  test('a broken pyproject.toml is reported on stderr and the check goes on', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-'));
    writeFileSync(join(folder, 'pyproject.toml'), '[tool.pydeploy]\nrules = {\n');
    writeFileSync(join(folder, 'uwsgi.ini'), '[uwsgi]\nmodule = app\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n');
    const { status, stdout, stderr } = pydeploy(['check'], folder);
    assert.equal(stdout, '');
    assert.match(stderr, /^pydeploy: .*\/pyproject\.toml: not valid TOML, \[tool\.pydeploy\] is ignored: .*\npydeploy: 2 files checked: 0 errors, 0 warnings, 0 information, 0 hints\n$/);
    assert.equal(status, 0);
  });
});

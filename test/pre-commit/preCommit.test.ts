/**
 * The pre-commit hook (.pre-commit-hooks.yaml), run by the real pre-commit (Debian's package, installed by
 * scripts/setup-system.sh) as a user tries it: `pre-commit try-repo <this repository> pydeploy --files uwsgi.ini` in a
 * temporary git repository fails on a config missing the agent's flags, and passes on the fixed config.
 *
 * try-repo installs the hook as pre-commit installs any node hook: a clone of this repository (its committed HEAD plus
 * uncommitted changes to tracked files), `npm install` with the dev dependencies, `npm pack` (whose prepack builds
 * the bundles), `npm install -g` of the tarball. Each try-repo installs into a temporary store of its own, so the two
 * runs install in parallel. npm prefers its cache (filled by `npm ci`) to the registry.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'pydeploy-pre-commit-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Whether pre-commit can run here; otherwise skips (or, on CI, fails) with the reason. */
function preCommitMissing(): string | undefined {
  const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  if (version.status === 0) return undefined;
  const reason = 'pre-commit is not installed — run npm run setup:system';
  if (process.env.CI === 'true') assert.fail(reason);
  console.log(`skipped: ${reason}`);
  return reason;
}

/** The environment without what an enclosing `npm run` passes down, with pre-commit's store and temporary files here. */
function environment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|PRE_COMMIT)/i.test(name)));
  return {
    ...env,
    PRE_COMMIT_HOME: join(scratch, 'pre-commit-home'),
    TMPDIR: scratch,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function git(args: string[], cwd: string): void {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
}

/** A git repository of some team with one uWSGI config, staged as for a commit. */
function repositoryWith(name: string, uwsgiIni: string): string {
  const folder = join(scratch, name);
  mkdirSync(folder);
  git(['init', '--quiet'], folder);
  writeFileSync(join(folder, 'uwsgi.ini'), uwsgiIni);
  writeFileSync(join(folder, 'tox.ini'), '[tox]\nenvlist = py3\n');
  git(['add', '.'], folder);
  return folder;
}

function tryRepo(cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('pre-commit', ['try-repo', root, 'pydeploy', '--files', 'uwsgi.ini', 'tox.ini', '--color', 'never'], { cwd, env: environment() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

const BROKEN = '[uwsgi]\nmodule = app:application\nmaster = true\n';
const FIXED = '[uwsgi]\nmodule = app:application\nmaster = true\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';

test('the hook file names the pydeploy hook, a node one, for the files pydeploy reads', () => {
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; language: string; entry: string; files: string }>;
  assert.deepEqual(
    hooks.map(({ id, language, entry }) => ({ id, language, entry })),
    [{ id: 'pydeploy', language: 'node', entry: 'pydeploy check' }],
  );
  // pre-commit matches `files` with Python's re.search; this one is also a valid JavaScript expression once its
  // leading (?i) becomes the i flag.
  const files = new RegExp(hooks[0].files.replace(/^\(\?i\)/, ''), 'i');
  const read = ['uwsgi.ini', 'deploy/uwsgi-prod.ini', 'app.ini', 'tingyun.ini', 'deploy/gunicorn.conf.py', 'gunicorn_prod.py', 'requirements.txt',
    'requirements-dev.in', 'pyproject.toml', 'Pipfile', 'Pipfile.lock', 'poetry.lock', 'setup.cfg', 'Deploy/UWSGI.INI'];
  const passedOver = ['app.py', 'settings.py', 'README.md', 'uwsgi.ini.bak', 'package.json', 'setup.py', 'my-requirements.txt.orig', 'requirements/prod.txt'];
  assert.deepEqual(read.filter((path) => !files.test(path)), []);
  assert.deepEqual(passedOver.filter((path) => files.test(path)), []);
});

test('pre-commit try-repo fails on a config missing the agent flags and passes on the fixed one', { timeout: 900_000 }, async (t) => {
  const skip = preCommitMissing();
  if (skip) return t.skip(skip);
  const [broken, fixed] = await Promise.all([tryRepo(repositoryWith('broken', BROKEN)), tryRepo(repositoryWith('fixed', FIXED))]);

  assert.equal(broken.status, 1, broken.output);
  assert.match(broken.output, /^pydeploy\.+Failed$/m);
  assert.match(broken.output, /^- hook id: pydeploy$/m);
  assert.match(broken.output, /^- exit code: 1$/m);
  for (const line of [
    "uwsgi.ini:1:1: error uwsgi/enable-threads Python threads are off (no `enable-threads` or `threads`) on uWSGI up to 2.0.26 (assumed: no version is pinned): the APM agent's reporting thread never runs.",
    'uwsgi.ini:1:1: warning uwsgi/single-interpreter `single-interpreter` is not on, so apps run in a sub-interpreter: the APM agent is not supported there.',
    "uwsgi.ini:1:1: warning uwsgi/lazy-apps The app loads in the master before the workers are forked (set `lazy-apps`): the APM agent's thread does not survive the fork.",
    'pydeploy: 1 file checked: 1 error, 2 warnings, 0 information, 0 hints',
  ]) {
    assert.ok(broken.output.split('\n').includes(line), `the hook's output has: ${line}\n${broken.output}`);
  }

  assert.equal(fixed.status, 0, fixed.output);
  assert.match(fixed.output, /^pydeploy\.+Passed$/m);
});

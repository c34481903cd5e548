/**
 * The package `npm pack` makes installs and runs anywhere, fetching nothing: it is packed from a copy of this
 * project (its files as a clone would have them, uncommitted changes included; node_modules linked), which its
 * prepack script builds; then installed globally into a temporary prefix, and as a dev dependency of another
 * project, with npm offline, an empty cache and an unreachable registry; then the installed binary checks a
 * temporary project.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

/** The environment without what an enclosing `npm run` passes down (its prefix, cache, scripts' settings). */
function cleanEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return { ...env, ...extra };
}

const scratch = mkdtempSync(join(tmpdir(), 'pydeploy-pack-'));
/** npm can fetch nothing: no network use, an empty cache, and a registry nobody answers at. */
const OFFLINE = cleanEnvironment({
  npm_config_offline: 'true',
  npm_config_cache: join(scratch, 'empty-cache'),
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
});

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = OFFLINE) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

/** The project's files as a clone with these changes would have them. */
function copyOfProject(): string {
  const listed = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], root, process.env);
  assert.equal(listed.status, 0, `git ls-files: ${listed.stderr}`);
  const copy = join(scratch, 'project');
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (file === 'node_modules' || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

const BROKEN = '[uwsgi]\nmodule = app\n';
const EXPECTED = [
  "deploy/uwsgi.ini:1:1: error uwsgi/enable-threads Python threads are off (no `enable-threads` or `threads`) on uWSGI up to 2.0.26 (assumed: no version is pinned): the APM agent's reporting thread never runs.",
  'deploy/uwsgi.ini:1:1: warning uwsgi/single-interpreter `single-interpreter` is not on, so apps run in a sub-interpreter: the APM agent is not supported there.',
  "deploy/uwsgi.ini:1:1: warning uwsgi/lazy-apps The app loads in the master before the workers are forked (set `lazy-apps`): the APM agent's thread does not survive the fork.",
  '',
].join('\n');

/** A project of some team, with a broken uWSGI config, that never heard of pydeploy. */
function userProject(name: string): string {
  const folder = join(scratch, name);
  mkdirSync(join(folder, 'deploy'), { recursive: true });
  writeFileSync(join(folder, 'deploy', 'uwsgi.ini'), BROKEN);
  return folder;
}

describe('npm pack, then npm install of the tarball, offline', () => {
  let tarball = '';
  after(() => rmSync(scratch, { recursive: true, force: true }));

  before(() => {
    const copy = copyOfProject();
    // Plain `npm pack`, as pre-commit runs it: it reads the tarball's name from stdout, which the build must not
    // clutter (npm prints a script's banner there unless .npmrc turns foreground scripts off).
    const packed = run('npm', ['pack', '--pack-destination', scratch], copy);
    assert.equal(packed.status, 0, `npm pack failed: ${packed.error ?? ''}${packed.stderr}`);
    assert.equal(packed.stdout, `pydeploy-${version}.tgz\n`);
    tarball = join(scratch, `pydeploy-${version}.tgz`);
    const listed = run('tar', ['-tzf', tarball], scratch);
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual(
      listed.stdout.split('\n').filter(Boolean).sort(),
      ['package/LICENSE', 'package/README.md', 'package/bin/pydeploy.js', 'package/package.json', 'package/server/out/cli.js'],
      'the CLI bundle (built by prepack), its starter and the manifest; no sources, tests or node_modules',
    );
  });

  test('the packed manifest has no dependency and no install script, so installing runs and fetches nothing', () => {
    const listed = run('tar', ['-xzf', tarball, '-O', 'package/package.json'], scratch);
    assert.equal(listed.status, 0, listed.stderr);
    const manifest = JSON.parse(listed.stdout) as { dependencies?: object; optionalDependencies?: object; peerDependencies?: object; scripts: Record<string, string>; bin: object };
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.optionalDependencies, undefined);
    assert.equal(manifest.peerDependencies, undefined);
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(manifest.scripts[script], undefined, script);
    assert.deepEqual(manifest.bin, { pydeploy: './bin/pydeploy.js' });
  });

  test('npm install -g into a temporary prefix: pydeploy --version and pydeploy check, in every format and with --fix, work from another folder', () => {
    const prefix = join(scratch, 'prefix');
    const installed = run('npm', ['install', '--global', '--prefix', prefix, tarball], scratch);
    assert.equal(installed.status, 0, `npm install -g failed: ${installed.stderr}`);
    assert.doesNotMatch(installed.stderr, /install-scripts|allowScripts/i, 'npm has no script to ask about');
    const project = userProject('global-user');
    const path = `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`;
    const env = cleanEnvironment({ PATH: path });
    assert.equal(run('pydeploy', ['--version'], project, env).stdout, `${version}\n`);
    const checked = run('pydeploy', ['check'], project, env);
    assert.equal(checked.stdout, EXPECTED);
    assert.equal(checked.stderr, 'pydeploy: 1 file checked: 1 error, 2 warnings, 0 information, 0 hints\n');
    assert.equal(checked.status, 1);
    const sarif = run('pydeploy', ['check', '--format', 'sarif'], project, env);
    assert.equal(sarif.status, 1);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(log.runs[0].results.map((result) => result.ruleId), ['uwsgi/enable-threads', 'uwsgi/single-interpreter', 'uwsgi/lazy-apps']);
    const github = run('pydeploy', ['check', '--format', 'github'], project, env);
    assert.equal(github.status, 1);
    assert.deepEqual(
      github.stdout.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf('::', 2))),
      [
        '::error file=deploy/uwsgi.ini,line=1,col=1,endLine=1,endColumn=8,title=uwsgi/enable-threads',
        '::warning file=deploy/uwsgi.ini,line=1,col=1,endLine=1,endColumn=8,title=uwsgi/single-interpreter',
        '::warning file=deploy/uwsgi.ini,line=1,col=1,endLine=1,endColumn=8,title=uwsgi/lazy-apps',
      ],
    );
    const fixed = run('pydeploy', ['check', '--fix', 'deploy'], project, env);
    assert.equal(fixed.stderr, 'fixed: deploy/uwsgi.ini (3 fixes)\npydeploy: 1 file checked: 0 errors, 0 warnings, 0 information, 0 hints\n');
    assert.equal(fixed.status, 0);
  });

  test('npm install --save-dev in another project: npx pydeploy check runs the installed copy', () => {
    const project = userProject('dev-dependency-user');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'shop', version: '1.0.0', private: true }, null, 2) + '\n');
    const installed = run('npm', ['install', '--save-dev', tarball], project);
    assert.equal(installed.status, 0, `npm install --save-dev failed: ${installed.stderr}`);
    assert.doesNotMatch(installed.stderr, /install-scripts|allowScripts/i);
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    assert.deepEqual(Object.keys(manifest.devDependencies), ['pydeploy']);
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    assert.deepEqual(Object.keys(lock.packages), ['', 'node_modules/pydeploy'], 'one package installed, nothing besides it');
    const checked = run('npx', ['--no-install', 'pydeploy', 'check', '--format', 'json'], join(project, 'deploy'));
    assert.equal(checked.status, 1, checked.stderr);
    assert.deepEqual(
      (JSON.parse(checked.stdout) as Array<{ file: string; code: string }>).map((row) => `${row.file} ${row.code}`),
      ['uwsgi.ini uwsgi/enable-threads', 'uwsgi.ini uwsgi/single-interpreter', 'uwsgi.ini uwsgi/lazy-apps'],
    );
  });
});

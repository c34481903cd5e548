/**
 * `pydeploy check --fix` on disk, with the real built CLI (`npm run build` first, as for test/cli): the write is
 * atomic (a crash part way leaves the config as it was), keeps the file's permissions, a BOM and symbolic links, and
 * over generated files it writes exactly the fixed text and a second run changes nothing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { fixAllFiles } from '../../server/src/features/codeActions';
import { corePath, fileWorkspace } from '../../server/src/node/fileWorkspace';
import { agentText, assertProperty, gunicornText, uwsgiText } from './generators';
import { unavailable } from '../helpers/unavailable';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'pydeploy.js');
const CRASH_MID_WRITE = join(__dirname, 'fixtures', 'crashMidWrite.cjs');
const FAIL_FSYNC = join(__dirname, 'fixtures', 'failFsync.cjs');

function pydeploy(args: string[], cwd: string, preload?: string) {
  const result = spawnSync(process.execPath, [...(preload ? ['--require', preload] : []), bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

function scratchFolder(): string {
  return mkdtempSync(join(tmpdir(), 'pydeploy-fix-'));
}

/** Missing all three agent flags, with CRLF, a tab, trailing spaces and no final newline: the fix adds three lines. */
const CONFIG = Buffer.from('[uwsgi]\r\n\tmodule = app:application  \r\nmaster = true', 'utf8');
const FIXED = Buffer.from('[uwsgi]\r\n\tmodule = app:application  \r\nmaster = true\r\nenable-threads = true\r\nsingle-interpreter = true\r\nlazy-apps = true', 'utf8');

const TEMP_FILE = /^\.uwsgi\.ini\.pydeploy-\d+-[0-9a-f]+\.tmp$/;

describe('pydeploy check --fix writes atomically', () => {
  test('a crash part way through the write leaves the config byte for byte as it was; the next run cleans up and fixes', () => {
    const folder = scratchFolder();
    const config = join(folder, 'uwsgi.ini');
    writeFileSync(config, CONFIG);
    chmodSync(config, 0o640);

    const crashed = pydeploy(['check', '--fix', 'uwsgi.ini'], folder, CRASH_MID_WRITE);
    assert.equal(crashed.signal, 'SIGKILL', `the preload did not crash the write: ${crashed.stderr}`);
    assert.deepEqual(readFileSync(config), CONFIG);
    // A killed process cannot clean up: its half-written temporary file is left beside the config, never in its place.
    const left = readdirSync(folder).filter((name) => name !== 'uwsgi.ini');
    assert.equal(left.length, 1);
    assert.match(left[0], TEMP_FILE);

    const rerun = pydeploy(['check', '--fix', 'uwsgi.ini'], folder);
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.doesNotMatch(rerun.stderr, /could not write/);
    assert.deepEqual(readdirSync(folder), ['uwsgi.ini'], 'the stale temporary file of the killed run is removed');
    assert.deepEqual(readFileSync(config), FIXED);
    assert.equal(statSync(config).mode & 0o777, 0o640);
  });

  test('a write that fails (the flush to disk) leaves the config as it was, no temporary file, and says so', () => {
    const folder = scratchFolder();
    const config = join(folder, 'uwsgi.ini');
    writeFileSync(config, CONFIG);
    const failed = pydeploy(['check', '--fix', 'uwsgi.ini'], folder, FAIL_FSYNC);
    assert.match(failed.stderr, /^pydeploy: could not write the fixes to uwsgi\.ini: EIO$/m);
    assert.equal(failed.status, 1, 'the findings the fix did not remove are still reported');
    assert.deepEqual(readFileSync(config), CONFIG);
    assert.deepEqual(readdirSync(folder), ['uwsgi.ini']);
  });

  test('a symbolic link is written through: the link stays, its target gets the fix and keeps its permissions', () => {
    const folder = scratchFolder();
    mkdirSync(join(folder, 'conf'));
    const target = join(folder, 'conf', 'real-uwsgi.ini');
    writeFileSync(target, CONFIG);
    chmodSync(target, 0o600);
    symlinkSync(join('conf', 'real-uwsgi.ini'), join(folder, 'uwsgi.ini'));

    const result = pydeploy(['check', '--fix', 'uwsgi.ini'], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(lstatSync(join(folder, 'uwsgi.ini')).isSymbolicLink(), 'the link was replaced by a file');
    assert.deepEqual(readFileSync(target), FIXED);
    assert.equal(statSync(target).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(join(folder, 'conf')), ['real-uwsgi.ini']);
  });

  // Only root can give a file to another user; CI runs as root (it installs packages), a developer may not.
  const asRoot = process.getuid?.() === 0;
  test('the fixed config keeps its owner when root fixes another user\'s config', (t) => {
    if (!asRoot) return t.skip(unavailable('this test needs root to give a file to another user', 'run it as root (CI does)'));
    const folder = scratchFolder();
    const config = join(folder, 'uwsgi.ini');
    writeFileSync(config, CONFIG);
    chownSync(config, 65534, 65534);
    const result = pydeploy(['check', '--fix', 'uwsgi.ini'], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readFileSync(config), FIXED);
    assert.deepEqual([statSync(config).uid, statSync(config).gid], [65534, 65534]);
  });
});

/** One generated config in its own folder, so that each is its own deployment. */
const generatedConfig = fc.oneof(
  uwsgiText.map((text) => ({ name: 'uwsgi.ini', text })),
  gunicornText.map((text) => ({ name: 'gunicorn.conf.py', text })),
  agentText.map((text) => ({ name: 'tingyun.ini', text })),
);

/**
 * The bytes --fix must leave: the engine's fixed text of what is on disk (read as the CLI reads it, in a workspace of
 * the same files), its BOM put back; non-UTF-8 files untouched. What the engine's fix may change line by line is
 * fixes.test.ts' property; this one is about the write.
 */
function expectedBytes(folder: string, file: string): Buffer {
  const bytes = readFileSync(file);
  const decoded = bytes.toString('utf8');
  if (!Buffer.from(decoded, 'utf8').equals(bytes)) return bytes;
  const hasBom = decoded.startsWith('\uFEFF');
  const text = hasBom ? decoded.slice(1) : decoded;
  const path = corePath(file);
  const fixed = fixAllFiles(path, text, {}, fileWorkspace([corePath(folder)])).get(path) ?? text;
  return Buffer.from((hasBom ? '\uFEFF' : '') + fixed, 'utf8');
}

describe('pydeploy check --fix over generated files', () => {
  test('writes exactly the fixed text (BOM, endings and every other byte kept), leaves non-UTF-8 files alone, and a second run changes nothing', () => {
    assertProperty(
      fc.property(fc.array(generatedConfig, { minLength: 3, maxLength: 8 }), fc.boolean(), (configs, withInvalidUtf8) => {
        const folder = scratchFolder();
        const files = configs.map(({ name, text }, i) => {
          mkdirSync(join(folder, `app${i}`));
          const file = join(folder, `app${i}`, name);
          // A lone surrogate is written as U+FFFD, as any editor would save it; an invalid byte must stop the rewrite.
          const bytes = Buffer.from(text, 'utf8');
          writeFileSync(file, withInvalidUtf8 && i === 0 ? Buffer.concat([bytes, Buffer.from([0xff])]) : bytes);
          return file;
        });
        const expected = files.map((file) => expectedBytes(folder, file));
        pydeploy(['check', '--fix', '--exit-zero', '.'], folder);
        files.forEach((file, i) => {
          const written = readFileSync(file);
          assert.deepEqual(written, expected[i], `${file} after --fix`);
          if (expected[i].subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) assert.deepEqual(written.subarray(0, 3), Buffer.from([0xef, 0xbb, 0xbf]), 'the BOM is kept');
        });
        pydeploy(['check', '--fix', '--exit-zero', '.'], folder);
        files.forEach((file, i) => assert.deepEqual(readFileSync(file), expected[i], `${file} after a second --fix`));
        for (const name of readdirSync(folder, { recursive: true }).map(String)) assert.doesNotMatch(name, /\.pydeploy-.*\.tmp$/);
      }),
      4,
      // Each run starts the CLI twice over a folder of files: a hundredth of PYDEPLOY_FUZZ_RUNS.
      0.01,
    );
  });
});

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, documentKind } from '../../server/src/features/analysis';
import { corePath, fileWorkspace } from '../../server/src/node/fileWorkspace';
import { readingThrough } from '../../server/src/model/workspace';

/**
 * A file no name or section gives away is the agent's config when a server config names it (TING_YUN_CONFIG_FILE).
 * Finding that out reads every `.ini` of the workspace folder: once per workspace state, not once per file checked.
 */
describe('the agent configs named by server configs, indexed once per workspace state', () => {
  const root = corePath(mkdtempSync(join(tmpdir(), 'pydeploy-named-')));
  after(() => rmSync(root, { recursive: true, force: true }));
  const UNRELATED = 40;
  for (let i = 0; i < UNRELATED; i++) {
    mkdirSync(join(root, `lib-${i}`));
    writeFileSync(join(root, `lib-${i}`, 'tox.ini'), `[tox]\nenvlist = py3${i % 10}\n`);
  }
  mkdirSync(join(root, 'deploy'));
  writeFileSync(join(root, 'deploy', 'uwsgi.ini'), '[uwsgi]\nmodule = app\nenv = TING_YUN_CONFIG_FILE=apm.ini\n');
  writeFileSync(join(root, 'deploy', 'apm.ini'), '[DEFAULT]\nlicense_key = 0123-abcd\n');

  test('each unrelated file after the first reads a few files, not every .ini of the folder', () => {
    let reads = 0;
    const workspace = fileWorkspace([root], () => {
      reads++;
      return undefined;
    });
    const perFile: number[] = [];
    for (let i = 0; i < UNRELATED; i++) {
      reads = 0;
      assert.equal(analyze(`${root}/lib-${i}/tox.ini`, '[tox]\n', {}, workspace), undefined);
      perFile.push(reads);
    }
    assert.ok(perFile[0] > UNRELATED, `the first one builds the index from every .ini: ${perFile[0]} reads`);
    assert.deepEqual(
      perFile.slice(1).filter((count) => count > 5),
      [],
      `the others use it: ${perFile.slice(1).join(', ')} reads`,
    );
    assert.equal(documentKind(`${root}/deploy/apm.ini`, '[DEFAULT]\n', {}, workspace), 'agent-ini');
  });

  test('a change of the server config, once the workspace forgets what it computed, changes the answer', () => {
    const texts = new Map<string, string>();
    const workspace = fileWorkspace([root], (path) => texts.get(path));
    const apm = `${root}/deploy/apm.ini`;
    assert.equal(documentKind(apm, '[DEFAULT]\n', {}, workspace), 'agent-ini');
    texts.set(`${root}/deploy/uwsgi.ini`, '[uwsgi]\nmodule = app\n');
    workspace.forgetComputed();
    assert.equal(documentKind(apm, '[DEFAULT]\n', {}, workspace), undefined);
    texts.set(`${root}/deploy/uwsgi.ini`, '[uwsgi]\nmodule = app\nenv = TING_YUN_CONFIG_FILE=/srv/deploy/apm.ini\n');
    workspace.forgetComputed();
    assert.equal(documentKind(apm, '[DEFAULT]\n', {}, workspace), 'agent-ini', 'found by the trailing parts of a deployment path');
  });

  test('an edit of a file the index read computes it again, and reports it changed only when its content did', () => {
    const texts = new Map<string, string>();
    const workspace = fileWorkspace([root], (path) => texts.get(path));
    const uwsgi = `${root}/deploy/uwsgi.ini`;
    const key = `named-agent-configs:${root}`;
    assert.equal(documentKind(`${root}/deploy/apm.ini`, '[DEFAULT]\n', {}, workspace), 'agent-ini');
    // A comment added to the config that names the agent's config: the index is the same.
    texts.set(uwsgi, '[uwsgi]\n; the agent\nmodule = app\nenv = TING_YUN_CONFIG_FILE=apm.ini\n');
    assert.deepEqual([...workspace.refreshComputed(uwsgi)], []);
    assert.deepEqual([...workspace.refreshComputed(`${root}/lib-0/tox.ini`)], []);
    // The line that names it removed: the index changed, and says so with the new answer.
    texts.set(uwsgi, '[uwsgi]\nmodule = app\n');
    assert.deepEqual([...workspace.refreshComputed(uwsgi)], [key]);
    assert.equal(documentKind(`${root}/deploy/apm.ini`, '[DEFAULT]\n', {}, workspace), undefined);
    // A file the index did not read changes nothing.
    assert.deepEqual([...workspace.refreshComputed(`${root}/deploy/app.py`)], []);
  });

  test('a view reading other texts does not share what the workspace memoized', () => {
    assert.equal(readingThrough(fileWorkspace([root]), () => 'other').memoized, undefined);
  });
});

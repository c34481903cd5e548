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

  test('the index reports the files it read, and a view reading other texts does not share it', () => {
    const workspace = fileWorkspace([root]);
    const key = 'test:every-ini';
    const computed = workspace.memoized?.(key, (view) => view.readFile(`${root}/deploy/uwsgi.ini`));
    assert.deepEqual(computed?.reads, [`${root}/deploy/uwsgi.ini`]);
    assert.equal(readingThrough(workspace, () => 'other').memoized, undefined);
  });
});

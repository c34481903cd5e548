import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchesAround } from '../../server/src/features/readings';
import { corePath, fileWorkspace } from '../../server/src/node/fileWorkspace';

/**
 * The index of launches reads every launch file of the workspace folder (every `.ini` among them). In the server an
 * edit of one file computes it again: only the edited file is read again, the launches of the others are kept.
 */
describe('the index of launches, kept per launch file', () => {
  const root = corePath(mkdtempSync(join(tmpdir(), 'pydeploy-launch-index-')));
  after(() => rmSync(root, { recursive: true, force: true }));
  const CONFIGS = 30;
  for (let i = 0; i < CONFIGS; i++) {
    mkdirSync(join(root, `service-${i}`));
    writeFileSync(join(root, `service-${i}`, 'uwsgi.ini'), `[uwsgi]\nmodule = app${i}\n`);
  }
  writeFileSync(join(root, 'Procfile'), 'web: uwsgi --ini service-0/uwsgi.ini\n');
  const procfile = `${root}/Procfile`;
  const edited = `${root}/service-1/uwsgi.ini`;

  test('an edit of one .ini reads that file again, not every launch file of the folder', () => {
    const texts = new Map<string, string>();
    const read: string[] = [];
    const workspace = fileWorkspace([root], (path) => {
      read.push(path);
      return texts.get(path);
    });
    const key = `launches:${root}`;
    assert.deepEqual(
      launchesAround(workspace, edited).map((launch) => launch.path),
      [procfile],
    );
    assert.ok(read.length > CONFIGS, `the first computation reads every launch file: ${read.length} reads`);
    read.length = 0;
    texts.set(edited, '[uwsgi]\n; a comment\nmodule = app1\n');
    assert.deepEqual([...workspace.refreshComputed(edited)], []);
    assert.deepEqual([...new Set(read)], [edited]);
    // A launch added to the Procfile: the Procfile's launches change, and with them the index, which holds the new one.
    read.length = 0;
    texts.set(procfile, 'web: uwsgi --ini service-0/uwsgi.ini\nworker: uwsgi --ini service-1/uwsgi.ini\n');
    assert.deepEqual([...workspace.refreshComputed(procfile)], [`launch-file:${procfile}`, key]);
    assert.deepEqual([...new Set(read)], [procfile]);
    assert.deepEqual(
      launchesAround(workspace, edited).map((launch) => launch.label),
      launchesAround(workspace, procfile).map((launch) => launch.label),
    );
    assert.equal(launchesAround(workspace, edited).length, 2);
  });
});

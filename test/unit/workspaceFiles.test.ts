import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { walkFiles, workspaceFiles } from '../../server/src/model/workspaceFiles';
import { corePath, fileWorkspace, folderEntries } from '../../server/src/node/fileWorkspace';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

/**
 * The one folder walk: through a WorkspaceView (the core, when the shell keeps no index) and over the disk (the
 * server's and the CLI's index) it finds the same files, skipping tool folders and virtual environments.
 */
describe('the files of a workspace folder', () => {
  const deep = Array.from({ length: 13 }, (_, i) => `d${i}`).join('/');
  const tree: Record<string, string> = {
    'uwsgi.ini': '[uwsgi]\n',
    'deploy/gunicorn.conf.py': 'bind = ":8000"\n',
    'deploy/b-c/x.ini': '',
    'node_modules/pkg/uwsgi.ini': '[uwsgi]\n',
    '.git/config': '',
    'env/pyvenv.cfg': 'home = /usr/bin\n',
    'env/lib/site.ini': '',
    'lib/site-packages/pkg/setup.cfg': '',
    [`${deep.split('/').slice(0, 12).join('/')}/kept.ini`]: '',
    [`${deep}/too-deep.ini`]: '',
  };
  const expected = ['deploy/b-c/x.ini', 'deploy/gunicorn.conf.py', `${deep.split('/').slice(0, 12).join('/')}/kept.ini`, 'uwsgi.ini'];

  const root = corePath(mkdtempSync(join(tmpdir(), 'pydeploy-walk-')));
  after(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  test('walked through the view, twelve folders deep, in name order', () => {
    const memory = memoryWorkspace(Object.fromEntries(Object.entries(tree).map(([path, text]) => [`/project/${path}`, text])));
    assert.deepEqual(
      workspaceFiles(memory, '/project').map((path) => path.slice('/project/'.length)),
      // Per folder in name order: `deploy/b-c/` before `deploy/gunicorn.conf.py`, `d0/` before `deploy/`.
      [expected[2], ...expected.slice(0, 2), expected[3]],
    );
  });

  test('indexed from the disk: the same files, sorted by path', () => {
    assert.deepEqual(
      workspaceFiles(fileWorkspace([root]), root).map((path) => path.slice(root.length + 1)),
      [...expected].sort(),
    );
  });

  test('a walk keeps only the files asked for; unbounded (as the CLI walks a folder it is given) it goes deeper', () => {
    const all = walkFiles(root, { list: (folder) => folderEntries(folder)?.sort((a, b) => (a.name < b.name ? -1 : 1)), keep: (path) => path.endsWith('.ini') });
    assert.deepEqual(all.map((path) => path.slice(root.length + 1)), [`${deep}/too-deep.ini`, expected[2], expected[0], expected[3]]);
    assert.equal(walkFiles(root, { list: folderEntries, maxFiles: 2 }).length, 2);
  });
});

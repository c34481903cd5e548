/**
 * No code of the user's runs: a workspace whose every Python file (gunicorn.conf.py, the app modules the configs
 * name, a package's __init__.py, conftest.py, setup.py, a build backend, files beside tingyun.ini) and every uWSGI
 * command hook would leave a marker file if executed or imported. A full editor session over it and
 * `pydeploy check --fix` leave no marker. A control runs python3 on two of the files to prove the markers work.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Hover, TextEdit } from 'vscode-languageserver';
import { ClientDocument, LspClient, range, scratchFolder } from './lspClient';
import { unavailable } from '../helpers/unavailable';

const bin = path.join(__dirname, '..', '..', 'bin', 'pydeploy.js');

/** A line of Python that leaves the marker `name` in `markers` when it runs. */
function marks(markers: string, name: string): string {
  return `open(__import__('os').path.join(${JSON.stringify(markers)}, ${JSON.stringify(name)}), 'w').close()`;
}

/** The workspace: relative path → text; every Python file marks at import, and at call where Gunicorn would call. */
function trapWorkspace(markers: string): Record<string, string> {
  const touch = (name: string) => `touch ${path.join(markers, name)}`;
  return {
    'gunicorn.conf.py': [
      marks(markers, 'gunicorn.conf.py'),
      'wsgi_app = "app:application"',
      'pythonpath = "."',
      'preload_app = True',
      'threds = 4',
      'raw_env = ["TING_YUN_CONFIG_FILE=tingyun.ini"]',
      '',
      'def on_starting(server):',
      `    ${marks(markers, 'gunicorn.conf.py:on_starting')}`,
      '',
      'def post_fork(server, worker):',
      `    ${marks(markers, 'gunicorn.conf.py:post_fork')}`,
      '',
    ].join('\n'),
    'uwsgi.ini': [
      '[uwsgi]',
      'chdir = .',
      'pythonpath = .',
      'module = pkg.app:application',
      'env = TING_YUN_CONFIG_FILE=tingyun.ini',
      `exec-asap = ${touch('uwsgi exec-asap')}`,
      `hook-pre-app = exec:${touch('uwsgi hook-pre-app')}`,
      `socket = @(exec://${touch('uwsgi @(exec://)')})`,
      'enable-threads = false',
      'include = extra.ini',
      '',
    ].join('\n'),
    'uwsgi-tornado.ini': ['[uwsgi]', 'wsgi-file = wsgi.py', 'enable-threads = true', 'single-interpreter = true', 'lazy-apps = true', ''].join('\n'),
    'extra.ini': ['[uwsgi]', `exec-pre-app = ${touch('extra.ini exec-pre-app')}`, ''].join('\n'),
    'app.py': [marks(markers, 'app.py'), 'def application(environ, start_response):', `    ${marks(markers, 'app.py:application')}`, ''].join('\n'),
    'wsgi.py': [marks(markers, 'wsgi.py'), 'import tornado.web', 'import tornado.wsgi', '', 'application = tornado.wsgi.WSGIAdapter(tornado.web.Application([]))', ''].join('\n'),
    'pkg/__init__.py': `${marks(markers, 'pkg.__init__.py')}\n`,
    'pkg/app.py': `${marks(markers, 'pkg.app.py')}\napplication = None\n`,
    'conftest.py': `${marks(markers, 'conftest.py')}\n`,
    'setup.py': `${marks(markers, 'setup.py')}\nfrom setuptools import setup\nsetup(name="trap")\n`,
    'backend.py': `${marks(markers, 'backend.py')}\n`,
    'pyproject.toml': [
      '[build-system]',
      'requires = []',
      'build-backend = "backend"',
      'backend-path = ["."]',
      '',
      '[tool.pydeploy]',
      'gunicorn-config-files = ["deploy/*.py"]',
      '',
    ].join('\n'),
    'deploy/web_server.py': `${marks(markers, 'deploy.web_server.py')}\nworkers = 2\nthreds = 1\n`,
    'requirements.txt': '-e .\ntornado==6.1\nuwsgi==2.0.20\n',
    'tingyun.ini': '[tingyun]\nlicense_key = 0123-abcd\nenabled = yes\n',
    'sitecustomize.py': `${marks(markers, 'sitecustomize.py')}\n`,
    'tingyun_bootstrap.py': `${marks(markers, 'tingyun_bootstrap.py')}\n`,
  };
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
}

describe('control: the markers work', () => {
  it('python3 running gunicorn.conf.py, and importing the package, leave their markers', (t) => {
    if (spawnSync('python3', ['--version']).error) return t.skip(unavailable('python3 is not installed', 'run npm run setup:system'));
    const control = path.join(scratchFolder(), 'control');
    const markers = path.join(scratchFolder(), 'control-markers');
    mkdirSync(markers, { recursive: true });
    writeFiles(control, trapWorkspace(markers));
    for (const args of [['gunicorn.conf.py'], ['-c', 'import pkg']]) {
      const run = spawnSync('python3', args, { cwd: control, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
    }
    assert.deepEqual(readdirSync(markers).sort(), ['gunicorn.conf.py', 'pkg.__init__.py']);
  });
});

describe('no code of the user runs', () => {
  const root = path.join(scratchFolder(), 'trap');
  const markers = path.join(scratchFolder(), 'trap-markers');
  const files = trapWorkspace(markers);
  let client: LspClient;

  before(async () => {
    mkdirSync(markers, { recursive: true });
    writeFiles(root, files);
    client = await LspClient.start({ documentChanges: false, workspaceFolder: root, configuration: () => ({}), followsWorkspaceFolders: true });
  });
  after(() => client?.dispose());

  /** Every marker left. */
  const markersLeft = () => readdirSync(markers);

  it('a full editor session over the workspace leaves no marker', async () => {
    const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;
    const documents = Object.entries(files).map(([relative, text]) => new ClientDocument(client, uriOf(relative), text));
    const codes = new Map<string, string[]>();
    for (const doc of documents) codes.set(path.relative(root, new URL(doc.uri).pathname), (await doc.open()).diagnostics.map((d) => String(d.code)));
    // The configs were read for real, the app modules named in them included.
    // (No preload-app finding: the config defines post_fork, where the agent may be started.)
    assert.deepEqual(codes.get('gunicorn.conf.py'), ['gunicorn/unknown-setting']);
    assert.deepEqual(codes.get('uwsgi.ini'), ['uwsgi/single-interpreter', 'uwsgi/lazy-apps', 'uwsgi/enable-threads']);
    // The app module wsgi.py was read (as text): it wraps a Tornado app in WSGIAdapter.
    assert.deepEqual(codes.get('uwsgi-tornado.ini'), ['tornado/wsgi-adapter-mode']);
    // pyproject.toml's [tool.pydeploy] was read: deploy/*.py are Gunicorn configs.
    assert.deepEqual(codes.get('deploy/web_server.py'), ['gunicorn/unknown-setting']);
    assert.deepEqual(codes.get('tingyun.ini'), ['tingyun/invalid-value']);

    for (const doc of documents) {
      const lines = doc.text.split('\n');
      for (let line = 0; line < lines.length; line++) {
        for (const character of [0, 2, Math.floor(lines[line].length / 2), lines[line].length]) {
          const position = { line, character };
          await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: doc.uri }, position });
          await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: doc.uri }, position });
          await client.request('textDocument/definition', { textDocument: { uri: doc.uri }, position });
        }
      }
      await client.request('textDocument/documentSymbol', { textDocument: { uri: doc.uri } });
      const all = range(0, 0, lines.length - 1, 0);
      const diagnostics = client.unconsumedDiagnostics(doc.uri).at(-1)?.diagnostics ?? [];
      await client.codeActions(doc.uri, all, { diagnostics });
      const fixAll = (await client.codeActions(doc.uri, all, { diagnostics: [], only: ['source.fixAll'] })) as CodeAction[];
      // The editor applies fix all, as a save with source.fixAll on would.
      const edits: TextEdit[] | undefined = fixAll[0]?.edit?.changes?.[doc.uri];
      if (edits) {
        client.discardDiagnostics(doc.uri);
        await doc.applyEdits(edits);
      }
    }
    const everyFile = Object.keys(files).map((relative) => ({ uri: uriOf(relative), type: 2 }));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [...everyFile, { uri: uriOf('new.py'), type: 1 }, { uri: uriOf('gone.py'), type: 3 }] });
    await client.notify('workspace/didChangeConfiguration', { settings: { pydeploy: { uwsgiVersion: '2.0.28' } } });
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(root).href, name: 'again' }], removed: [] } });
    for (const doc of documents) await doc.close();
    // Whatever the last notifications set off has run by the time this is answered.
    await client.hover(uriOf('uwsgi.ini'), { line: 0, character: 0 });
    const status = await client.shutdownAndExit();
    assert.deepEqual(status, { code: 0, signal: null });
    assert.deepEqual(markersLeft(), []);
  });

  it('pydeploy check --fix over the workspace leaves no marker', () => {
    const result = spawnSync(process.execPath, [bin, 'check', '--fix', '.'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    assert.equal(result.error, undefined);
    assert.match(result.stderr, /^pydeploy: \d+ files? checked: /m);
    assert.deepEqual(markersLeft(), []);
    // The fixes were written, the one that reaches the agent's config from uwsgi-tornado.ini included.
    assert.match(readFileSync(path.join(root, 'gunicorn.conf.py'), 'utf8'), /^threads = 4$/m);
    assert.match(readFileSync(path.join(root, 'tingyun.ini'), 'utf8'), /^tornado_wsgi_adapter_mode = true$/m);
  });
});

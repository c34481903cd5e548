import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Location } from 'vscode-languageserver-protocol';
import { ClientDocument, LspClient, range, writeProject } from './lspClient';

describe('uWSGI files as a workspace over LSP: includes, requirements, definition, completion', () => {
  let client: LspClient;
  let root = '';
  const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;

  before(async () => {
    root = writeProject('workspace-live', {
      'deploy/base.ini': '[uwsgi]\nsingle-interpreter = true\nlazy-apps = true\n',
      'deploy/requirements.txt': 'flask==3.0.0\n',
    });
    client = await LspClient.start({ documentChanges: false, workspaceFolder: root });
  });
  after(() => client?.dispose());

  it('editing an open included file re-checks the file that includes it', async () => {
    const main = new ClientDocument(client, uriOf('deploy/uwsgi.ini'), '[uwsgi]\nini = base.ini\nmodule = app\n');
    assert.deepEqual((await main.open()).diagnostics.map((d) => d.code), ['uwsgi/enable-threads']);
    const base = new ClientDocument(client, uriOf('deploy/base.ini'), '[uwsgi]\nsingle-interpreter = true\nlazy-apps = true\n');
    await base.open();
    client.discardDiagnostics(main.uri);
    await base.change([{ range: range(3, 0, 3, 0), text: 'threads = 2\n' }]);
    const again = await client.nextDiagnostics(main.uri);
    assert.deepEqual(again.diagnostics, [], 'threads in the open base.ini turns thread support on for uwsgi.ini');
    await base.close();
    await main.close();
  });

  it('a requirements file changed on disk (watched files) re-checks open configs', async () => {
    const main = new ClientDocument(client, uriOf('deploy/uwsgi-watched.ini'), '[uwsgi]\nini = base.ini\nmodule = app\n');
    assert.deepEqual((await main.open()).diagnostics.map((d) => d.code), ['uwsgi/enable-threads']);
    writeFileSync(path.join(root, 'deploy/requirements.txt'), 'flask==3.0.0\nuwsgi==2.0.28\n');
    client.discardDiagnostics(main.uri);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('deploy/requirements.txt'), type: 2 }] });
    assert.deepEqual((await client.nextDiagnostics(main.uri)).diagnostics, [], 'uWSGI 2.0.28 turns threads on by itself');
    await main.close();
  });

  it('go to definition leads from %(name) to its line and from ini = to the file', async () => {
    const main = new ClientDocument(client, uriOf('deploy/uwsgi-definition.ini'), '[uwsgi]\nroot = /srv\nchdir = %(root)/app\nini = base.ini\n');
    await main.open();
    const toPlaceholder = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: main.uri }, position: { line: 2, character: 11 } });
    assert.deepEqual(toPlaceholder, { uri: main.uri, range: range(1, 0, 1, 4) });
    const toFile = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: main.uri }, position: { line: 3, character: 8 } });
    assert.deepEqual(toFile, { uri: uriOf('deploy/base.ini'), range: range(0, 0, 0, 0) });
    await main.close();
  });

  it('completion offers option names with a text edit over what is typed', async () => {
    const main = new ClientDocument(client, uriOf('deploy/uwsgi-completion.ini'), '[uwsgi]\nenable-thr\n');
    await main.open();
    const answer = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri: main.uri }, position: { line: 1, character: 10 } });
    const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
    const item = items.find((candidate) => candidate.label === 'enable-threads');
    assert.ok(item, 'enable-threads is offered');
    assert.deepEqual(item.textEdit, { range: range(1, 0, 1, 10), newText: 'enable-threads' });
    await main.close();
  });
});

describe('workspace folders added after start', () => {
  it('a folder added to the workspace bounds the search for requirement files from then on', async () => {
    const root = writeProject('folders-added', {
      'a/readme.txt': 'the folder the editor opened first\n',
      'b/requirements.txt': 'uwsgi==2.0.28\n',
    });
    const client = await LspClient.start({ documentChanges: false, workspaceFolders: [path.join(root, 'a')], followsWorkspaceFolders: true });
    try {
      const doc = new ClientDocument(client, pathToFileURL(path.join(root, 'b/deploy/uwsgi.ini')).href, '[uwsgi]\nmodule = app\nsingle-interpreter = true\nlazy-apps = true\n');
      // Outside every workspace folder, the search stops at the config's own folder: no pin is found.
      assert.deepEqual((await doc.open()).diagnostics.map((d) => d.code), ['uwsgi/enable-threads']);
      client.discardDiagnostics(doc.uri);
      await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(path.join(root, 'b')).href, name: 'b' }], removed: [] } });
      assert.deepEqual((await client.nextDiagnostics(doc.uri)).diagnostics, [], 'b/requirements.txt pins uWSGI 2.0.28');
    } finally {
      client.dispose();
    }
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { ClientDocument, LspClient, applyEdits, range, writeProject } from './lspClient';

const INI = '[uwsgi]\nmodule = app.wsgi\nmaster = true\nsingle-interpreter = true\nlazy-apps = true\n';

describe('launch files over LSP: a Dockerfile is checked, and its launch re-checks the ini it names', () => {
  let client: LspClient;
  let root = '';
  const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;

  before(async () => {
    root = writeProject('launch-live', {
      'uwsgi.ini': INI,
      Dockerfile: 'FROM python:3.11\nWORKDIR /app\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n',
      'api/Dockerfile': 'FROM python:3.11\nCMD ["uwsgi","--http-socket",":8080","--wsgi-file","wsgi.py","--master","--single-interpreter","--lazy-apps"]\n',
      'worker.ini': '[uwsgi]\nmodule = worker\nenable-threads = true\n',
    });
    client = await LspClient.start({ documentChanges: false, workspaceFolder: root });
  });
  after(() => client?.dispose());

  it('a Dockerfile opened as `dockerfile` gets its diagnostic and a fix that keeps the array valid JSON', async () => {
    const text = 'FROM python:3.11\nCMD ["uwsgi","--http-socket",":8080","--wsgi-file","wsgi.py","--master","--single-interpreter","--lazy-apps"]\n';
    const api = new ClientDocument(client, uriOf('api/Dockerfile'), text, 'dockerfile');
    const published = await api.open();
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range]),
      [['uwsgi/enable-threads', range(1, 5, 1, 108)]],
    );
    const actions = (await client.codeActions(api.uri, published.diagnostics[0].range, { diagnostics: published.diagnostics })) as CodeAction[];
    const fix = actions.find((action) => action.title.startsWith("Add '--enable-threads'"));
    assert.ok(fix?.edit?.changes, 'a fix adds the flag to the command line');
    const fixed = applyEdits(text, fix.edit.changes[api.uri] as TextEdit[]);
    const array = JSON.parse(fixed.split('\n')[1].slice(4)) as string[];
    assert.deepEqual(array.slice(-1), ['--enable-threads']);
    assert.equal(fixed.replace(',"--enable-threads"', ''), text);
    await api.close();
  });

  it('adding the flag to the open Dockerfile clears the error on the open uwsgi.ini it launches', async () => {
    const ini = new ClientDocument(client, uriOf('uwsgi.ini'), INI, 'ini');
    assert.deepEqual((await ini.open()).diagnostics.map((d) => d.code), ['uwsgi/enable-threads']);
    const dockerfile = new ClientDocument(client, uriOf('Dockerfile'), 'FROM python:3.11\nWORKDIR /app\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n', 'dockerfile');
    assert.deepEqual((await dockerfile.open()).diagnostics, []);
    client.discardDiagnostics(ini.uri);
    await dockerfile.change([{ range: range(2, 34, 2, 34), text: ', "--enable-threads"' }]);
    assert.deepEqual((await client.nextDiagnostics(ini.uri)).diagnostics, [], 'the launch now turns threads on');
    await dockerfile.close();
    await ini.close();
  });

  it('an edit of an ini that starts no server leaves the launches as they were: the ini the Dockerfile launches is not checked again', async () => {
    // Every config reads the launches of the workspace, which come from every `.ini` (a supervisord file is one too).
    const ini = new ClientDocument(client, uriOf('uwsgi.ini'), INI, 'ini');
    // A request answered after the clearing that the last test's close published: that one is not this test's.
    await client.hover(ini.uri, { line: 0, character: 0 });
    assert.deepEqual((await ini.open()).diagnostics.map((d) => d.code), ['uwsgi/enable-threads']);
    const worker = new ClientDocument(client, uriOf('worker.ini'), '[uwsgi]\nmodule = worker\nenable-threads = true\n', 'ini');
    await worker.open();
    client.discardDiagnostics(ini.uri);
    await worker.change([{ range: range(1, 0, 1, 0), text: '; the queue worker\n' }]);
    // A re-check of uwsgi.ini would be published before worker.ini's own diagnostics (it was opened first).
    assert.deepEqual(client.unconsumedDiagnostics(ini.uri), []);
    await worker.change([{ range: range(1, 0, 2, 0), text: '[program:worker]\ncommand = uwsgi --ini uwsgi.ini --enable-threads\n' }]);
    // A supervisord program that launches it with threads on is a change of the launches: the finding is now the Dockerfile's only.
    const rechecked = (await client.nextDiagnostics(ini.uri)).diagnostics;
    assert.deepEqual(
      rechecked.map((d) => [d.code, d.message.replace(/^.* \((when launched by .*)\)$/, '$1')]),
      [['uwsgi/enable-threads', 'when launched by CMD in Dockerfile']],
    );
    await worker.close();
    await ini.close();
  });
});

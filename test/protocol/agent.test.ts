/**
 * The workspace as one deployment, over real JSON-RPC: a uWSGI config serving a Tornado app through WSGIAdapter gets
 * tornado/wsgi-adapter-mode; its quick fix is one WorkspaceEdit on the agent's config; editing tingyun.ini (in the
 * editor, or on disk with a watched-file event) clears the warning on the open uwsgi.ini without reopening it.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver';
import { ClientDocument, LspClient, range, writeProject } from './lspClient';

const UWSGI = '[uwsgi]\nmodule = wsgi:application\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';
const WSGI = 'import tornado.web\nimport tornado.wsgi\n\napplication = tornado.wsgi.WSGIAdapter(tornado.web.Application([]))\n';
const AGENT = '[tingyun]\nlicense_key = 0123-abcd\n';

describe('LSP: the agent config and Tornado across files', () => {
  let client: LspClient;
  let root: string;

  before(async () => {
    root = writeProject('tornado-b', { 'uwsgi.ini': UWSGI, 'wsgi.py': WSGI, 'tingyun.ini': AGENT, 'requirements.txt': 'tornado==6.1\n' });
    client = await LspClient.start({ documentChanges: true, workspaceFolder: root });
  });

  after(() => client?.dispose());

  it('warns on uwsgi.ini, fixes tingyun.ini through a WorkspaceEdit, and clears the warning when tingyun.ini changes', async () => {
    const uwsgiUri = pathToFileURL(path.join(root, 'uwsgi.ini')).href;
    const agentUri = pathToFileURL(path.join(root, 'tingyun.ini')).href;
    const uwsgi = new ClientDocument(client, uwsgiUri, UWSGI);
    const opened = await uwsgi.open();
    assert.deepEqual(opened.diagnostics.map((d) => [d.code, d.severity, d.range]), [['tornado/wsgi-adapter-mode', 2, range(1, 9, 1, 25)]]);

    const offered = (await client.codeActions(uwsgiUri, range(1, 10, 1, 10), { diagnostics: opened.diagnostics, only: ['quickfix'] })) as CodeAction[];
    assert.deepEqual(offered.map((action) => action.title), ["Set 'tornado_wsgi_adapter_mode = true' in tingyun.ini", 'Disable tornado/wsgi-adapter-mode for this line']);
    const actions = offered.slice(0, 1);
    assert.equal(actions[0].title, "Set 'tornado_wsgi_adapter_mode = true' in tingyun.ini");
    const changes = actions[0].edit?.documentChanges as TextDocumentEdit[];
    // tingyun.ini is not open: the edit names it unversioned, and leaves uwsgi.ini alone.
    assert.deepEqual(changes.map((change) => [change.textDocument.uri, change.textDocument.version]), [[agentUri, null]]);

    // The user opens tingyun.ini and the editor applies the fix there.
    const agent = new ClientDocument(client, agentUri, AGENT);
    assert.deepEqual((await agent.open()).diagnostics, []);
    client.discardDiagnostics(uwsgiUri);
    const afterFix = await agent.applyEdits(changes[0].edits);
    assert.equal(agent.text, `${AGENT}tornado_wsgi_adapter_mode = true\n`);
    assert.deepEqual(afterFix.diagnostics, []);
    const recheck = await client.nextDiagnostics(uwsgiUri);
    assert.equal(recheck.version, uwsgi.version, 'uwsgi.ini was re-checked as it is, without reopening it');
    assert.deepEqual(recheck.diagnostics, []);

    // With tingyun.ini open, a fix names it with its version.
    client.discardDiagnostics(uwsgiUri);
    const undone = await agent.change([{ range: range(2, 28, 2, 32), text: 'off' }]);
    assert.deepEqual(undone.diagnostics, []);
    const again = await client.nextDiagnostics(uwsgiUri);
    assert.deepEqual(again.diagnostics.map((d) => d.code), ['tornado/wsgi-adapter-mode']);
    const versioned = (await client.codeActions(uwsgiUri, range(1, 10, 1, 10), { diagnostics: again.diagnostics, only: ['quickfix'] })) as CodeAction[];
    const versionedChanges = versioned[0].edit?.documentChanges as TextDocumentEdit[];
    assert.deepEqual(versionedChanges.map((change) => [change.textDocument.uri, change.textDocument.version]), [[agentUri, agent.version]]);
    await agent.close();
  });

  it('a change on disk reported as a watched-file event re-checks the open config', async () => {
    const uwsgiUri = pathToFileURL(path.join(root, 'uwsgi.ini')).href;
    const agentFile = path.join(root, 'tingyun.ini');
    client.discardDiagnostics(uwsgiUri);
    writeFileSync(agentFile, `${AGENT}tornado_wsgi_adapter_mode = on\n`);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(agentFile).href, type: 2 }] });
    assert.deepEqual((await client.nextDiagnostics(uwsgiUri)).diagnostics, []);
    writeFileSync(agentFile, AGENT);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(agentFile).href, type: 2 }] });
    assert.deepEqual((await client.nextDiagnostics(uwsgiUri)).diagnostics.map((d) => d.code), ['tornado/wsgi-adapter-mode']);
  });

  it('requirements.txt gets tornado/unsupported-version on the pin, and tingyun.ini gets diagnostics and hover', async () => {
    const requirementsUri = pathToFileURL(path.join(root, 'requirements.txt')).href;
    const requirements = new ClientDocument(client, requirementsUri, 'tornado==6.1\n');
    const published = await requirements.open();
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range]), [['tornado/unsupported-version', range(0, 0, 0, 12)]]);
    await requirements.close();

    const agentUri = pathToFileURL(path.join(root, 'tingyun.ini')).href;
    const agent = new ClientDocument(client, agentUri, `${AGENT}enabled = yes\n`);
    const diagnostics = await agent.open();
    assert.deepEqual(diagnostics.diagnostics.map((d) => [d.code, d.severity]), [['tingyun/invalid-value', 1]]);
    const hover = await client.hover(agentUri, { line: 2, character: 2 });
    assert.match(JSON.stringify(hover?.contents), /master switch/);
    await agent.close();
  });
});

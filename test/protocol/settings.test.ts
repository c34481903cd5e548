/**
 * Settings over the protocol: asked per workspace folder with workspace/configuration when the client can answer,
 * cached per folder until workspace/didChangeConfiguration, and applied to the open documents at once; the
 * settings a client pushes when it cannot be asked; edits checked once typing pauses (`validationDelay`).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { ClientDocument, LspClient, range, writeProject } from './lspClient';

const UWSGI = '[uwsgi]\nmodule = app:application\nenable-threads = true\nsingle-interpreter = true\n';

function codes(published: PublishDiagnosticsParams): string[] {
  return published.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`);
}

describe('settings per workspace folder, live', () => {
  const alpha = writeProject('settings-alpha', {});
  const beta = writeProject('settings-beta', {});
  const rulesOf = new Map<string, Record<string, string>>([
    [pathToFileURL(alpha).href, { 'uwsgi/lazy-apps': 'off' }],
    [pathToFileURL(beta).href, {}],
  ]);
  const asked: string[] = [];
  let client: LspClient;

  after(() => client?.dispose());

  it('asks each folder for its pydeploy settings once, and each document is checked with its own folder\'s', async () => {
    client = await LspClient.start({
      documentChanges: false,
      workspaceFolders: [alpha, beta],
      configuration: (item) => {
        asked.push(`${item.section} ${item.scopeUri}`);
        return { rules: rulesOf.get(item.scopeUri ?? '') ?? {} };
      },
    });
    const inAlpha = new ClientDocument(client, pathToFileURL(path.join(alpha, 'uwsgi.ini')).href, UWSGI);
    const inBeta = new ClientDocument(client, pathToFileURL(path.join(beta, 'uwsgi.ini')).href, UWSGI);
    assert.deepEqual(codes(await inAlpha.open()), []);
    assert.deepEqual(codes(await inBeta.open()), ['uwsgi/lazy-apps 2']);
    // Typing and a hover use the cached settings: no new request. (Opening beta re-checked alpha too.)
    client.discardDiagnostics(inAlpha.uri);
    await inAlpha.change([{ range: range(4, 0, 4, 0), text: 'master = true\n' }]);
    await client.hover(inAlpha.uri, { line: 1, character: 2 });
    assert.deepEqual([...new Set(asked)].sort(), [`pydeploy ${pathToFileURL(alpha).href}`, `pydeploy ${pathToFileURL(beta).href}`]);
    assert.equal(asked.length, 2);

    // The user turns the rule off in beta and back on (as an error) in alpha: the open documents follow at once.
    rulesOf.set(pathToFileURL(alpha).href, { 'uwsgi/lazy-apps': 'error' });
    rulesOf.set(pathToFileURL(beta).href, { 'uwsgi/lazy-apps': 'off' });
    client.discardDiagnostics(inAlpha.uri);
    client.discardDiagnostics(inBeta.uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(await client.nextDiagnostics(inAlpha.uri)), ['uwsgi/lazy-apps 1']);
    assert.deepEqual(codes(await client.nextDiagnostics(inBeta.uri)), []);
    assert.equal(asked.length, 4, 'each folder is asked again after the change');

    // Code actions are computed with the same settings as the diagnostics.
    const actions = await client.codeActions(inBeta.uri, range(0, 0, 0, 0), { diagnostics: [], only: ['source.fixAll'] });
    assert.deepEqual(actions, []);
    await inAlpha.close();
    await inBeta.close();
  });
});

describe('settings pushed by a client that cannot be asked', () => {
  let client: LspClient;
  after(() => client?.dispose());

  it('initializationOptions at start, then the settings sent with didChangeConfiguration', async () => {
    client = await LspClient.start({ documentChanges: false, initializationOptions: { rules: { 'uwsgi/lazy-apps': 'off' } } });
    const doc = new ClientDocument(client, pathToFileURL(path.join(writeProject('settings-pushed', {}), 'uwsgi.ini')).href, UWSGI);
    assert.deepEqual(codes(await doc.open()), []);
    await client.notify('workspace/didChangeConfiguration', { settings: { pydeploy: { rules: { 'uwsgi/lazy-apps': 'hint' } } } });
    assert.deepEqual(codes(await client.nextDiagnostics(doc.uri)), ['uwsgi/lazy-apps 4']);
    await doc.close();
  });
});

describe('validationDelay', () => {
  let client: LspClient;
  after(() => client?.dispose());

  it('a burst of edits is checked once, after the pause, for the last version', async () => {
    client = await LspClient.start({ documentChanges: false, initializationOptions: { validationDelay: 300 } });
    const doc = new ClientDocument(client, pathToFileURL(path.join(writeProject('settings-delay', {}), 'uwsgi.ini')).href, UWSGI);
    await doc.open();
    const started = Date.now();
    for (let version = 2; version <= 4; version++) {
      await client.notify('textDocument/didChange', {
        textDocument: { uri: doc.uri, version },
        contentChanges: [{ range: range(4, 0, 4, 0), text: 'x' }],
      });
    }
    const published = await client.nextDiagnostics(doc.uri);
    assert.equal(published.version, 4);
    assert.ok(Date.now() - started >= 250, `published after ${Date.now() - started} ms`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.deepEqual(client.unconsumedDiagnostics(doc.uri), []);
  });
});

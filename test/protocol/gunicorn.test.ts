// The language server over a real JSON-RPC connection (in-process streams): a gunicorn.conf.py gets
// diagnostics, completion, hover and document symbols.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { CompletionItem, DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver';
import { startServer } from '../../server/src/lsp/server';

test('LSP: diagnostics, completion, hover and symbols for gunicorn.conf.py', async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => client.onNotification('textDocument/publishDiagnostics', resolve));
  client.listen();
  try {
    const init = await client.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: null, rootUri: null, capabilities: {} });
    assert.ok(init.capabilities.completionProvider);
    assert.equal(init.capabilities.documentSymbolProvider, true);
    await client.sendNotification('initialized', {});
    const uri = 'file:///srv/app/gunicorn.conf.py';
    const text = 'threds = 4\npreload_app = True\nwor\n';
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const published = await diagnostics;
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['gunicorn/unknown-setting', 0], ['gunicorn/preload-app', 1]],
    );
    const completion = await client.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 3 } });
    assert.ok(completion.some((item) => item.label === 'workers'));
    const hover = await client.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.match(JSON.stringify(hover.contents), /preload_app/);
    const symbols = await client.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['threds', 'preload_app']);
  } finally {
    client.dispose();
    toServer.end();
    toClient.end();
  }
});

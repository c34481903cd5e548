/**
 * The language server keeps serving whatever it is sent: malformed JSON-RPC written raw to its stdin, unknown
 * methods, requests with invalid params, `didChange` edits that make no sense, documents of 10 MiB and a thousand
 * open/close cycles in a burst. After each, `assertServes` proves it still answers exactly: a fresh uwsgi.ini gets its
 * three diagnostics and a hover request is answered.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Diagnostic, DocumentSymbol, Location, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { ClientDocument, LspClient, WAIT_MS, fileUri, range } from './lspClient';
import { randomBytes } from '../helpers/randomBytes';

const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;
const LOG_ERROR = 1;

/** The three findings of `[uwsgi]\nmodule = app\n`, on the header. */
const MISSING_FLAGS: Diagnostic[] = [
  {
    range: range(0, 0, 0, 7),
    severity: ERROR,
    code: 'uwsgi/enable-threads',
    source: 'pydeploy',
    message:
      "Python threads are off (no `enable-threads` or `threads`) on uWSGI up to 2.0.26 (assumed: no version is pinned): the APM agent's reporting thread never runs.",
  },
  {
    range: range(0, 0, 0, 7),
    severity: WARNING,
    code: 'uwsgi/single-interpreter',
    source: 'pydeploy',
    message: '`single-interpreter` is not on, so apps run in a sub-interpreter: the APM agent is not supported there.',
  },
  {
    range: range(0, 0, 0, 7),
    severity: WARNING,
    code: 'uwsgi/lazy-apps',
    source: 'pydeploy',
    message: "The app loads in the master before the workers are forked (set `lazy-apps`): the APM agent's thread does not survive the fork.",
  },
];
const KNOWN_BAD_UWSGI = '[uwsgi]\nmodule = app\n';

let serial = 0;
/** A fresh URI per document, so that no case sees another's notifications. */
const uri = (name: string) => fileUri(`robust-${++serial}/${name}`);

/** Proof that the server still serves: a fresh known-bad uwsgi.ini gets exactly its diagnostics, and hover answers. */
async function assertServes(client: LspClient): Promise<void> {
  const doc = new ClientDocument(client, uri('uwsgi.ini'), KNOWN_BAD_UWSGI);
  const published = await doc.open();
  assert.deepEqual(published.diagnostics, MISSING_FLAGS);
  const hover = await client.hover(doc.uri, { line: 1, character: 2 });
  assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, `no hover on \`module\`: ${JSON.stringify(hover)}`);
  assert.deepEqual(hover.range, range(1, 0, 1, 6));
  assert.match(hover.contents.value, /^\*\*module\*\* \(uWSGI option, python plugin\)/);
  await doc.close();
  assert.deepEqual((await client.nextDiagnostics(doc.uri)).diagnostics, []);
  assert.ok(client.isRunning);
}

/** Writes bytes to the server's stdin as they are, bypassing the client's own framing. */
function writeRaw(client: LspClient, bytes: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    client.child.stdin.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes, (error) => (error ? reject(error) : resolve())),
  );
}

/** A well-formed frame around a body. */
function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}


function errorsLogged(client: LspClient): string[] {
  return client.logMessages.filter((log) => log.type === LOG_ERROR).map((log) => log.message);
}

describe('malformed JSON-RPC on stdin', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ documentChanges: false });
  });
  after(() => client?.dispose());

  const notification = '{"jsonrpc":"2.0","method":"$/lost"}';
  const cases: Array<{ name: string; bytes: () => string | Buffer }> = [
    { name: 'a body that is not JSON, with a correct Content-Length', bytes: () => frame('{"jsonrpc": "2.0", "method": ') },
    { name: 'a JSON array, which is no JSON-RPC message', bytes: () => frame('[1,2,3]') },
    { name: 'a JSON object, which is no JSON-RPC message', bytes: () => frame('{"hello":"world"}') },
    { name: 'a header block without Content-Length', bytes: () => `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${notification}` },
    { name: 'a Content-Length that is no number', bytes: () => `Content-Length: abc\r\n\r\n${notification}` },
    { name: 'a Content-Length shorter than the body', bytes: () => `Content-Length: 5\r\n\r\n${notification}` },
    { name: 'a header line without a colon, before a body', bytes: () => `garbage header\r\nContent-Length: 2\r\n\r\n{}` },
    { name: 'binary garbage instead of a header, before a body', bytes: () => Buffer.concat([randomBytes(2048, 7), Buffer.from(`\r\n\r\n${notification}`)]) },
    { name: '100 KiB of binary garbage without a header end', bytes: () => Buffer.from(randomBytes(100 * 1024, 8).map((byte) => (byte === 13 ? 32 : byte))) },
    { name: 'a frame cut off in the middle of its header', bytes: () => 'Content-Len' },
  ];
  for (const { name, bytes } of cases) {
    it(`${name}: the server still serves`, async () => {
      await writeRaw(client, bytes());
      await assertServes(client);
    });
  }

  it('a Content-Length longer than the body: the message it swallows is lost, the next ones are served', async () => {
    // The declared 400 bytes take the 36 of the body and the first 364 of the frame after it; the rest of that frame
    // is no header, and is skipped up to the next `Content-Length:`.
    await writeRaw(client, `Content-Length: 400\r\n\r\n${notification}`);
    await writeRaw(client, frame(JSON.stringify({ jsonrpc: '2.0', method: '$/swallowed', params: { padding: 'x'.repeat(600) } })));
    await assertServes(client);
  });

  it('an unreadable body is reported in the log, and nothing else is', () => {
    const errors = errorsLogged(client);
    // vscode-jsonrpc logs the messages it read but cannot dispatch; the framing errors are logged as warnings.
    assert.ok(errors.every((message) => message.startsWith('Received message which is neither a response nor a notification message')), errors.join('\n'));
    const warnings = client.logMessages.filter((log) => log.type === 2).map((log) => log.message);
    assert.ok(warnings.some((message) => /^pydeploy: malformed JSON-RPC input: skipped \d+ bytes of a malformed header block$/.test(message)), warnings.join('\n'));
  });
});

describe('the end of the input', () => {
  it('the server exits when its stdin ends, as an editor that dies takes it along', async () => {
    const client = await LspClient.start({ documentChanges: false });
    try {
      client.child.stdin.end();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the server did not exit within ${WAIT_MS} ms of the end of its stdin`)), WAIT_MS);
      });
      // Exit code 1: it was not shut down first, as vscode-languageserver does it.
      assert.deepEqual(await Promise.race([client.exited, timeout]).finally(() => clearTimeout(timer)), { code: 1, signal: null });
    } finally {
      client.dispose();
    }
  });
});

describe('unknown methods and invalid params', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ documentChanges: false });
  });
  after(() => client?.dispose());

  for (const method of ['pydeploy/noSuchRequest', 'textDocument/noSuchFeature', '$/noSuchRequest']) {
    it(`an unknown request ${method} gets a MethodNotFound error response`, async () => {
      await assert.rejects(client.request(method, { anything: true }), (error: { code?: number; message?: string }) => {
        assert.equal(error.code, -32601);
        assert.equal(error.message, `Unhandled method ${method}`);
        return true;
      });
      await assertServes(client);
    });
  }

  it('unknown notifications, `$/` ones included, are ignored without a word', async () => {
    const logged = client.logMessages.length;
    for (const method of ['pydeploy/noSuchNotification', '$/noSuchNotification', '$/cancelRequest', '$/setTrace', '$/progress']) {
      await client.notify(method, { id: 12345, value: { kind: 'end' } });
    }
    await assertServes(client);
    assert.deepEqual(client.logMessages.slice(logged), []);
  });

  /** Rejects unless the request gets exactly this error response. */
  async function expectError(method: string, params: unknown, code: number, message: string): Promise<void> {
    await assert.rejects(client.request(method, params), (error: { code?: number; message?: string }) => {
      assert.deepEqual({ code: error.code, message: error.message }, { code, message });
      return true;
    });
  }
  const INVALID_PARAMS = -32602;
  const POSITION = '`position` must be { line, character } of non-negative integers';

  for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition']) {
    it(`${method} with invalid params gets an InvalidParams error response, and the server still serves`, async () => {
      const doc = new ClientDocument(client, uri('uwsgi.ini'), KNOWN_BAD_UWSGI);
      await doc.open();
      const textDocument = { uri: doc.uri };
      await expectError(method, undefined, INVALID_PARAMS, `Request ${method} defines parameters by name but received parameters by position`);
      await expectError(method, { textDocument: 5, position: 'here' }, INVALID_PARAMS, `${method}: \`textDocument.uri\` must be a string`);
      await expectError(method, { textDocument }, INVALID_PARAMS, `${method}: ${POSITION}`);
      await expectError(method, { textDocument, position: { line: 'one', character: 2 } }, INVALID_PARAMS, `${method}: ${POSITION}`);
      await expectError(method, { textDocument, position: { line: 1.5, character: 0 } }, INVALID_PARAMS, `${method}: ${POSITION}`);
      await expectError(method, { textDocument, position: { line: 1, character: -2 } }, INVALID_PARAMS, `${method}: ${POSITION}`);
      // A position past the end is no error: it stands for the end of the document, as in LSP's own rule for lines.
      const past = await client.request(method, { textDocument, position: { line: 1_000_000_000, character: 1_000_000_000 } });
      const atEnd = await client.request(method, { textDocument, position: { line: 2, character: 0 } });
      assert.deepEqual(past, atEnd);
      await doc.close();
      await assertServes(client);
    });
  }

  it('textDocument/documentSymbol and textDocument/codeAction with invalid params get InvalidParams error responses', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), KNOWN_BAD_UWSGI);
    await doc.open();
    const textDocument = { uri: doc.uri };
    const codeAction = 'textDocument/codeAction';
    await expectError('textDocument/documentSymbol', { textDocument: { uri: 5 } }, INVALID_PARAMS, 'textDocument/documentSymbol: `textDocument.uri` must be a string');
    await expectError(codeAction, { textDocument, range: 5, context: 'x' }, INVALID_PARAMS, `${codeAction}: \`range\` must be { start, end } positions of non-negative integers`);
    await expectError(codeAction, { textDocument, range: range(-1, 0, 1, 0), context: { diagnostics: [] } }, INVALID_PARAMS, `${codeAction}: \`range\` must be { start, end } positions of non-negative integers`);
    await expectError(codeAction, { textDocument, range: range(0, 0, 0, 0) }, INVALID_PARAMS, `${codeAction}: \`context.diagnostics\` must be a list of diagnostics with ranges`);
    await expectError(codeAction, { textDocument, range: range(0, 0, 0, 0), context: { diagnostics: 'no' } }, INVALID_PARAMS, `${codeAction}: \`context.diagnostics\` must be a list of diagnostics with ranges`);
    await expectError(codeAction, { textDocument, range: range(0, 0, 0, 0), context: { diagnostics: [{ message: 'no range' }] } }, INVALID_PARAMS, `${codeAction}: \`context.diagnostics\` must be a list of diagnostics with ranges`);
    await expectError(codeAction, { textDocument, range: range(0, 0, 0, 0), context: { diagnostics: [], only: 'quickfix' } }, INVALID_PARAMS, `${codeAction}: \`context.only\` must be a list of code action kinds`);
    // A request for a document that is not open is no error: there is nothing to offer.
    assert.equal(await client.hover('file:///nowhere/uwsgi.ini', { line: 0, character: 0 }), null);
    await doc.close();
    await assertServes(client);
  });

  it('didOpen, didChange and didClose with invalid params do not stop the server', async () => {
    const target = uri('uwsgi.ini');
    await client.notify('textDocument/didOpen', {});
    await client.notify('textDocument/didOpen', { textDocument: { uri: target, languageId: 'ini', version: 1, text: 5 } });
    await client.notify('textDocument/didChange', { textDocument: { uri: target, version: 2 }, contentChanges: [{ text: null }] });
    await client.notify('textDocument/didChange', { textDocument: { uri: target }, contentChanges: 'none' });
    await client.notify('textDocument/didClose', { textDocument: 'gone' });
    await client.notify('workspace/didChangeWatchedFiles', { changes: 'all of them' });
    await client.notify('workspace/didChangeConfiguration', null);
    await assertServes(client);
  });
});

describe('didChange edits that make no sense', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ documentChanges: false });
  });
  after(() => client?.dispose());

  const TEXT = '[uwsgi]\nmodule = app\nenable-threads = true\n';
  const cases: Array<{ name: string; changes: TextDocumentContentChangeEvent[]; expected: string }> = [
    { name: 'a range past the end of the document', changes: [{ range: range(40, 3, 90, 7), text: 'lazy-apps = true\n' }], expected: `${TEXT}lazy-apps = true\n` },
    { name: 'a range past the end of a line', changes: [{ range: range(1, 200, 1, 300), text: '\nsingle-interpreter = 1' }], expected: '[uwsgi]\nmodule = app\nsingle-interpreter = 1\nenable-threads = true\n' },
    { name: 'negative lines and characters', changes: [{ range: range(-5, -3, -1, -9), text: '# top\n' }], expected: `# top\n${TEXT}` },
    { name: 'a reversed range', changes: [{ range: range(2, 14, 2, 0), text: 'threads' }], expected: '[uwsgi]\nmodule = app\nthreads = true\n' },
    { name: 'a range from a negative line to past the end', changes: [{ range: range(-1, 0, 1_000_000, 1_000_000), text: '[uwsgi]\n' }], expected: '[uwsgi]\n' },
    {
      name: 'several changes, each on the text the one before left',
      changes: [
        { range: range(9, 0, 9, 0), text: 'x' },
        { range: range(0, 0, 0, 7), text: '' },
        { range: range(1, 100, 0, 0), text: '[uwsgi]\n' },
      ],
      // The reversed range of the third runs from the start to the end of line 1 (`module = app`), clamped there.
      expected: '[uwsgi]\n\nenable-threads = true\nx',
    },
  ];

  for (const { name, changes, expected } of cases) {
    it(`${name}: the document becomes what vscode-languageserver-textdocument makes of it`, async () => {
      const doc = new ClientDocument(client, uri('uwsgi.ini'), TEXT);
      await doc.open();
      const model = TextDocument.create(doc.uri, 'ini', 1, TEXT);
      TextDocument.update(model, changes, 2);
      assert.equal(model.getText(), expected);
      await client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: 2 }, contentChanges: changes });
      const changed = await client.nextDiagnostics(doc.uri);
      assert.equal(changed.version, 2);
      // The same text opened fresh gets the same diagnostics: the server holds exactly that text.
      const fresh = new ClientDocument(client, uri('uwsgi.ini'), expected);
      assert.deepEqual(changed.diagnostics, (await fresh.open()).diagnostics);
      await fresh.close();
      await doc.close();
      await assertServes(client);
    });
  }

  it('a didChange for a document never opened is ignored, and publishes nothing', async () => {
    const never = uri('uwsgi.ini');
    await client.notify('textDocument/didChange', { textDocument: { uri: never, version: 7 }, contentChanges: [{ range: range(0, 0, 0, 0), text: '[uwsgi]\n' }] });
    await client.notify('textDocument/didChange', { textDocument: { uri: never, version: 8 }, contentChanges: [{ text: '[uwsgi]\n' }] });
    await assertServes(client);
    assert.deepEqual(client.unconsumedDiagnostics(never), []);
  });

  it('a didChange without a version leaves the document as it was', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), KNOWN_BAD_UWSGI);
    await doc.open();
    await client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: null }, contentChanges: [{ text: '[uwsgi]\nthreads = 2\n' }] });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: doc.uri } });
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.children?.map((child) => child.name)]), [['[uwsgi]', ['module']]]);
    await doc.close();
    await assertServes(client);
  });

  it('a didChange with an older version than the document is applied, as vscode-languageserver applies it', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), KNOWN_BAD_UWSGI);
    await doc.open();
    await doc.change([{ range: range(1, 0, 1, 0), text: 'enable-threads = 1\n' }]);
    await client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: 1 }, contentChanges: [{ text: KNOWN_BAD_UWSGI }] });
    const published = await client.nextDiagnostics(doc.uri);
    assert.deepEqual(published, { uri: doc.uri, version: 1, diagnostics: MISSING_FLAGS });
    await doc.close();
    await assertServes(client);
  });
});

/** A text of exactly 10 MiB: the head, then filler lines, then one comment line that makes up the rest. */
function tenMiB(head: string, filler: (n: number) => string): string {
  const size = 10 * 1024 * 1024;
  const parts = [head];
  let length = head.length;
  for (let n = 0; size - length > 100; n++) {
    const line = `${filler(n)}\n`;
    parts.push(line);
    length += line.length;
  }
  parts.push(`#${'x'.repeat(size - length - 2)}\n`);
  return parts.join('');
}

const TOO_LARGE_MESSAGE =
  'This file is 10,485,760 bytes (10 MiB), more than the 4 MiB pydeploy checks: it is not checked. ' +
  'Is it a generated or a wrong file?';

describe('10 MiB documents', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ documentChanges: false });
  });
  after(() => client?.dispose());

  const kinds = [
    {
      name: 'uwsgi.ini',
      head: KNOWN_BAD_UWSGI,
      filler: (n: number) => `option-${n} = value ${n}`,
      analysed: (): Diagnostic[] => MISSING_FLAGS,
    },
    {
      name: 'gunicorn.conf.py',
      head: 'preload_app = True\n',
      filler: (n: number) => `unknown_name_${n} = ${n}`,
      analysed: (_target: string): Diagnostic[] => [
        {
          range: range(0, 14, 0, 18),
          severity: WARNING,
          code: 'gunicorn/preload-app',
          source: 'pydeploy',
          message:
            "`preload_app = True` starts the app, and the agent with it, in the master: the APM agent's thread does not survive the fork, so the workers report nothing.",
        },
      ],
    },
    {
      name: 'tingyun.ini',
      head: '[tingyun]\nlicense_key = 0123-abcd\nenabled = yes\n',
      filler: (n: number) => `option_${n} = ${n}`,
      analysed: (): Diagnostic[] => [
        {
          range: range(2, 10, 2, 13),
          severity: ERROR,
          code: 'tingyun/invalid-value',
          source: 'pydeploy',
          message:
            'The agent reads only true, false, on or off here, not `yes`: it drops the value without a word and `enabled` stays at its default (true).',
        },
      ],
    },
  ];

  for (const { name, head, filler, analysed } of kinds) {
    it(`a 10 MiB ${name} gets one information diagnostic at once, no features, and is checked once an edit brings it under the limit`, async () => {
      const doc = new ClientDocument(client, uri(name), tenMiB(head, filler));
      const firstLine = head.slice(0, head.indexOf('\n'));
      const published = await doc.open();
      assert.deepEqual(published.diagnostics, [
        { range: range(0, 0, 0, firstLine.length), severity: INFORMATION, code: 'pydeploy/file-too-large', source: 'pydeploy', message: TOO_LARGE_MESSAGE },
      ]);
      // Nothing is offered on a file that is not read, and nothing waits for it either.
      assert.equal(await client.hover(doc.uri, { line: 1, character: 2 }), null);
      assert.deepEqual(await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: doc.uri }, position: { line: 3, character: 0 } }), []);
      assert.deepEqual(await client.codeActions(doc.uri, range(0, 0, 0, 0), { diagnostics: published.diagnostics }), []);
      assert.deepEqual(await client.codeActions(doc.uri, range(0, 0, 0, 0), { diagnostics: [], only: ['source.fixAll'] }), []);
      assert.deepEqual(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: doc.uri } }), []);
      assert.equal(await client.request<Location | null>('textDocument/definition', { textDocument: { uri: doc.uri }, position: { line: 1, character: 10 } }), null);
      await assertServes(client);

      // Deleting everything after the head brings it under the limit: it is read and checked again.
      const headLines = head.split('\n').length - 1;
      const lastLine = doc.text.split('\n').length - 1;
      // (Opening another document re-checked this one too: those diagnostics are for version 1.)
      client.discardDiagnostics(doc.uri);
      const shrunk = await doc.change([{ range: range(headLines, 0, lastLine, 0), text: '' }]);
      assert.equal(doc.text, head);
      assert.deepEqual(shrunk.diagnostics, analysed(doc.uri));
      assert.ok(await client.hover(doc.uri, { line: headLines - 1, character: 1 }), 'no hover once the file is read');

      // Pasting 10 MiB back puts it over the limit again.
      const grown = await doc.change([{ range: range(headLines, 0, headLines, 0), text: tenMiB('', filler).slice(head.length) }]);
      assert.equal(Buffer.byteLength(doc.text), 10 * 1024 * 1024);
      assert.deepEqual(grown.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message]), [['pydeploy/file-too-large', TOO_LARGE_MESSAGE]]);
      await doc.close();
      await assertServes(client);
    });
  }

  it('the limit counts UTF-8 bytes: 2 Mi three-byte characters are over it', async () => {
    const text = `[uwsgi]\n# ${'€'.repeat(2 * 1024 * 1024)}\n`;
    const doc = new ClientDocument(client, uri('uwsgi.ini'), text);
    const published = await doc.open();
    const bytes = Buffer.byteLength(text);
    assert.deepEqual(published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range, diagnostic.message]), [
      [
        'pydeploy/file-too-large',
        range(0, 0, 0, 7),
        `This file is ${bytes.toLocaleString('en-US')} bytes (6.0 MiB), more than the 4 MiB pydeploy checks: it is not checked. ` +
          'Is it a generated or a wrong file?',
      ],
    ]);
    await doc.close();
  });

  it('a setting turns pydeploy/file-too-large off like any rule', async () => {
    const quiet = await LspClient.start({ documentChanges: false, initializationOptions: { rules: { 'pydeploy/file-too-large': 'off' } } });
    try {
      const doc = new ClientDocument(quiet, uri('uwsgi.ini'), tenMiB(KNOWN_BAD_UWSGI, (n) => `option-${n} = ${n}`));
      assert.deepEqual((await doc.open()).diagnostics, []);
      await doc.close();
    } finally {
      quiet.dispose();
    }
  });
});

describe('1,000 open/close cycles in a burst', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ documentChanges: false });
  });
  after(() => client?.dispose());

  it('every notification is handled, the server answers, and the last diagnostics of each URI are right', async () => {
    const documents = [
      { uri: uri('uwsgi.ini'), text: KNOWN_BAD_UWSGI },
      { uri: uri('gunicorn.conf.py'), text: 'preload_app = True\n' },
      { uri: uri('tingyun.ini'), text: '[tingyun]\nlicense_key = 0123-abcd\nenabled = yes\n' },
      { uri: uri('requirements.txt'), text: 'tornado==6.1\n' },
    ];
    const CYCLES = 1000;
    // The last cycle of uwsgi.ini and of tingyun.ini leaves them open; every other open is closed again.
    const staysOpen = (cycle: number) => cycle >= CYCLES - documents.length && cycle % 2 === 0;
    const sent: Promise<void>[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const { uri: target, text } = documents[cycle % documents.length];
      sent.push(client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: target, languageId: 'ini', version: cycle + 1, text } }));
      if (!staysOpen(cycle)) sent.push(client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: target } }));
    }
    await client.within('sending 1,998 notifications', Promise.all(sent));

    // The answer comes after every notification before it was handled, and their diagnostics were sent.
    const hover = await client.hover(documents[0].uri, { line: 1, character: 2 });
    assert.deepEqual(hover?.range, range(1, 0, 1, 6));
    const last = (target: string): PublishDiagnosticsParams | undefined => client.unconsumedDiagnostics(target).at(-1);
    assert.deepEqual(last(documents[0].uri), { uri: documents[0].uri, version: CYCLES - 3, diagnostics: MISSING_FLAGS });
    assert.deepEqual(last(documents[1].uri), { uri: documents[1].uri, diagnostics: [] });
    assert.deepEqual(last(documents[2].uri), {
      uri: documents[2].uri,
      version: CYCLES - 1,
      diagnostics: [
        {
          range: range(2, 10, 2, 13),
          severity: ERROR,
          code: 'tingyun/invalid-value',
          source: 'pydeploy',
          message:
            'The agent reads only true, false, on or off here, not `yes`: it drops the value without a word and `enabled` stays at its default (true).',
        },
      ],
    });
    assert.deepEqual(last(documents[3].uri), { uri: documents[3].uri, diagnostics: [] });

    // A closed document is forgotten: no feature answers for it.
    for (const closed of [documents[1], documents[3]]) {
      assert.deepEqual(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: closed.uri } }), []);
      assert.equal(await client.hover(closed.uri, { line: 0, character: 2 }), null);
    }
    assert.deepEqual(errorsLogged(client), []);
    await assertServes(client);
  });
});

/**
 * The language server as an editor sees it: spawned as `node server/out/server.js --stdio`, spoken to in
 * JSON-RPC, its diagnostics, code actions and hovers checked exactly, its edits applied to the text.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Command, Diagnostic, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { ClientDocument, LspClient, applyEdits, fileUri, range, writeProject } from './lspClient';
import { assertValidRange, linesWithEnds } from '../helpers/documentText';
import { randomBytes } from '../helpers/randomBytes';

const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;
const LOG_ERROR = 1;

const FIX_ALL = 'source.fixAll.pydeploy';
const FIX_ALL_TITLE = 'Fix all agent settings';
const FIX_ALL_QUICK_FIX_TITLE = 'Fix all pydeploy problems in this file';

/** How the enable-threads messages end when the project pins no uWSGI version. */
const NO_PINNED_VERSION =
  'on uWSGI up to 2.0.26 (assumed: no version is pinned)';

const MESSAGES = {
  enableThreadsMissing: (version = NO_PINNED_VERSION) =>
    `Python threads are off (no \`enable-threads\` or \`threads\`) ${version}: the APM agent's reporting thread never runs.`,
  enableThreadsOff: (value: string, version = NO_PINNED_VERSION) =>
    `\`enable-threads = ${value}\` turns Python threads off ${version}: the APM agent's reporting thread never runs.`,
  singleInterpreterMissing: '`single-interpreter` is not on, so apps run in a sub-interpreter: the APM agent is not supported there.',
  lazyAppsMissing: "The app loads in the master before the workers are forked (set `lazy-apps`): the APM agent's thread does not survive the fork.",
};

const HEADER = range(0, 0, 0, 7);

/** The three findings of a `[uwsgi]` section that loads an app and sets none of the agent's flags. */
function missingFlagDiagnostics(at = HEADER): Diagnostic[] {
  return [
    { range: at, severity: ERROR, code: 'uwsgi/enable-threads', source: 'pydeploy', message: MESSAGES.enableThreadsMissing() },
    { range: at, severity: WARNING, code: 'uwsgi/single-interpreter', source: 'pydeploy', message: MESSAGES.singleInterpreterMissing },
    { range: at, severity: WARNING, code: 'uwsgi/lazy-apps', source: 'pydeploy', message: MESSAGES.lazyAppsMissing },
  ];
}

function enableThreadsMissing(at = HEADER): Diagnostic {
  return missingFlagDiagnostics(at)[0];
}

/** The rule's own fixes: without the "Disable RULE for this line" that every diagnostic also gets. */
function ruleFixes(actions: CodeAction[]): CodeAction[] {
  return actions.filter((action) => !/^Disable \S+ for this line$/.test(action.title));
}

/** Every entry is a CodeAction literal (the client declared codeActionLiteralSupport), never a bare Command. */
function literals(actions: (CodeAction | Command)[] | null): CodeAction[] {
  assert.ok(Array.isArray(actions), `codeAction answered ${JSON.stringify(actions)} instead of an array`);
  for (const action of actions) assert.equal(typeof action.command === 'string', false, `a bare Command was returned: ${JSON.stringify(action)}`);
  return actions as CodeAction[];
}

/** The edits of a WorkspaceEdit for one document, checking that its shape is the one the client asked for. */
function editsOf(edit: WorkspaceEdit | undefined, uri: string, expect: { documentChanges: false } | { documentChanges: true; version: number }): TextEdit[] {
  assert.ok(edit, 'the code action has no edit');
  if (expect.documentChanges) {
    assert.equal(edit.changes, undefined, 'a client with documentChanges support got `changes`');
    assert.ok(Array.isArray(edit.documentChanges) && edit.documentChanges.length === 1, `expected one document change: ${JSON.stringify(edit)}`);
    const [change] = edit.documentChanges;
    assert.ok('textDocument' in change && 'edits' in change, `expected a TextDocumentEdit: ${JSON.stringify(change)}`);
    assert.deepEqual(change.textDocument, { uri, version: expect.version });
    return change.edits as TextEdit[];
  }
  assert.equal(edit.documentChanges, undefined, 'a client without documentChanges support got `documentChanges`');
  assert.ok(edit.changes, `expected \`changes\`: ${JSON.stringify(edit)}`);
  assert.deepEqual(Object.keys(edit.changes), [uri]);
  return edit.changes[uri];
}


function assertRangesInside(text: string, published: PublishDiagnosticsParams): void {
  const lines = linesWithEnds(text);
  for (const diagnostic of published.diagnostics) assertValidRange(lines, diagnostic.range);
}

function assertNoServerErrors(client: LspClient): void {
  const errors = client.logMessages.filter((log) => log.type === LOG_ERROR);
  assert.deepEqual(errors, [], `the server logged errors:${client.serverOutput}`);
}

describe('uwsgi.ini over LSP, client without documentChanges support', () => {
  let client: LspClient;
  let serial = 0;
  /** A fresh URI per document, so that no test sees another's notifications. */
  const uri = (name: string) => fileUri(`plain-${++serial}/${name}`);

  before(async () => {
    client = await LspClient.start({ documentChanges: false });
  });
  after(() => client?.dispose());

  it('initialize announces incremental sync, the two code action kinds and hover', () => {
    const result = client.initializeResult;
    assert.ok(result);
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', FIX_ALL] });
    assert.equal(result.capabilities.hoverProvider, true);
    assert.equal(result.serverInfo?.name, 'pydeploy');
  });

  it('reports the three missing agent flags on the [uwsgi] header', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\nmodule = app\n');
    const published = await doc.open();
    assert.deepEqual(published, { uri: doc.uri, version: 1, diagnostics: missingFlagDiagnostics() });

    const actions = literals(await client.codeActions(doc.uri, range(0, 3, 0, 3), { diagnostics: published.diagnostics }));
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred]),
      [
        ["Add 'enable-threads = true' to [uwsgi]", 'quickfix', true],
        ['Disable uwsgi/enable-threads for this line', 'quickfix', undefined],
        ["Add 'single-interpreter = true' to [uwsgi]", 'quickfix', true],
        ['Disable uwsgi/single-interpreter for this line', 'quickfix', undefined],
        ["Add 'lazy-apps = true' to [uwsgi]", 'quickfix', true],
        ['Disable uwsgi/lazy-apps for this line', 'quickfix', undefined],
        [FIX_ALL_QUICK_FIX_TITLE, 'quickfix', undefined],
        [FIX_ALL_TITLE, FIX_ALL, undefined],
      ],
    );
    // Each quick fix names the one diagnostic it resolves.
    assert.deepEqual(
      ruleFixes(actions).slice(0, 3).map((action) => action.diagnostics),
      published.diagnostics.map((diagnostic) => [diagnostic]),
    );
    assert.deepEqual(published.diagnostics, missingFlagDiagnostics());
    await doc.close();
  });

  it('`enable-threads = false` is an error on the value, and the preferred quick fix replaces only the value', async () => {
    const text = '[uwsgi]\nmodule = app\nenable-threads = false\nsingle-interpreter = true\nlazy-apps = true\n';
    const doc = new ClientDocument(client, uri('uwsgi.ini'), text);
    const published = await doc.open();
    const diagnostic: Diagnostic = {
      range: range(2, 17, 2, 22),
      severity: ERROR,
      code: 'uwsgi/enable-threads',
      source: 'pydeploy',
      message: MESSAGES.enableThreadsOff('false'),
    };
    assert.deepEqual(published.diagnostics, [diagnostic]);

    // The cursor inside the value, the diagnostic sent back as an editor does.
    const actions = literals(await client.codeActions(doc.uri, range(2, 19, 2, 19), { diagnostics: [diagnostic] }));
    assert.deepEqual(
      actions.map((action) => action.title),
      ["Set 'enable-threads' to 'true'", 'Disable uwsgi/enable-threads for this line', FIX_ALL_TITLE],
    );
    assert.deepEqual(actions[0], {
      title: "Set 'enable-threads' to 'true'",
      kind: 'quickfix',
      isPreferred: true,
      diagnostics: [diagnostic],
      edit: { changes: { [doc.uri]: [{ range: range(2, 17, 2, 22), newText: 'true' }] } },
    });
    const edits = editsOf(actions[0].edit, doc.uri, { documentChanges: false });
    assert.equal(applyEdits(doc.text, edits), '[uwsgi]\nmodule = app\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n');

    const afterFix = await doc.applyEdits(edits);
    assert.deepEqual(afterFix, { uri: doc.uri, version: 2, diagnostics: [] });
    await doc.close();
  });

  it('the value quick fix keeps the spelling and case of the value it flips', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\nmodule = app\nsingle-interpreter = true\nlazy-apps = true\nenable-threads=OFF\n');
    const published = await doc.open();
    const diagnostic: Diagnostic = {
      range: range(4, 15, 4, 18),
      severity: ERROR,
      code: 'uwsgi/enable-threads',
      source: 'pydeploy',
      message: MESSAGES.enableThreadsOff('OFF'),
    };
    assert.deepEqual(published.diagnostics, [diagnostic]);
    const actions = ruleFixes(literals(await client.codeActions(doc.uri, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] })));
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, "Set 'enable-threads' to 'ON'");
    assert.deepEqual(editsOf(actions[0].edit, doc.uri, { documentChanges: false }), [{ range: range(4, 15, 4, 18), newText: 'ON' }]);
    assert.deepEqual((await doc.applyEdits(editsOf(actions[0].edit, doc.uri, { documentChanges: false }))).diagnostics, []);
    assert.equal(doc.text, '[uwsgi]\nmodule = app\nsingle-interpreter = true\nlazy-apps = true\nenable-threads=ON\n');
    await doc.close();
  });

  const insertionCases: { name: string; text: string; edit: TextEdit; expected: string }[] = [
    {
      name: 'after the last option, before trailing blank lines, comments and the next section',
      text: '[uwsgi]\nmodule = app\nsingle-interpreter = true\nlazy-apps = true\n\n; keep this comment last\n\n[other]\nkey = value\n',
      edit: { range: range(4, 0, 4, 0), newText: 'enable-threads = true\n' },
      expected:
        '[uwsgi]\nmodule = app\nsingle-interpreter = true\nlazy-apps = true\nenable-threads = true\n\n; keep this comment last\n\n[other]\nkey = value\n',
    },
    {
      name: 'with CRLF line endings, the inserted line ends with CRLF',
      text: '[uwsgi]\r\nmodule = app\r\nsingle-interpreter = true\r\nlazy-apps = true\r\n\r\n; keep this comment last\r\n\r\n[other]\r\nkey = value\r\n',
      edit: { range: range(4, 0, 4, 0), newText: 'enable-threads = true\r\n' },
      expected:
        '[uwsgi]\r\nmodule = app\r\nsingle-interpreter = true\r\nlazy-apps = true\r\nenable-threads = true\r\n\r\n; keep this comment last\r\n\r\n[other]\r\nkey = value\r\n',
    },
    {
      name: 'a file without a final newline stays without one',
      text: '[uwsgi]\nmodule = app\nsingle-interpreter = true\nlazy-apps = true',
      edit: { range: range(3, 16, 3, 16), newText: '\nenable-threads = true' },
      expected: '[uwsgi]\nmodule = app\nsingle-interpreter = true\nlazy-apps = true\nenable-threads = true',
    },
    {
      name: 'a CRLF file without a final newline stays without one',
      text: '[uwsgi]\r\nmodule = app\r\nsingle-interpreter = true\r\nlazy-apps = true',
      edit: { range: range(3, 16, 3, 16), newText: '\r\nenable-threads = true' },
      expected: '[uwsgi]\r\nmodule = app\r\nsingle-interpreter = true\r\nlazy-apps = true\r\nenable-threads = true',
    },
    {
      name: 'in the indentation and `key=value` spacing of the last option',
      text: '[uwsgi]\n  module=app\n  single-interpreter=true\n  lazy-apps=true\n[other]\nkey = value\n',
      edit: { range: range(4, 0, 4, 0), newText: '  enable-threads=true\n' },
      expected: '[uwsgi]\n  module=app\n  single-interpreter=true\n  lazy-apps=true\n  enable-threads=true\n[other]\nkey = value\n',
    },
  ];

  for (const example of insertionCases) {
    it(`the quick fix adds \`enable-threads = true\` ${example.name}`, async () => {
      const doc = new ClientDocument(client, uri('uwsgi.ini'), example.text);
      const published = await doc.open();
      assert.deepEqual(published.diagnostics, [enableThreadsMissing()]);

      const actions = ruleFixes(
        literals(await client.codeActions(doc.uri, published.diagnostics[0].range, { diagnostics: published.diagnostics, only: ['quickfix'] })),
      );
      assert.deepEqual(actions, [
        {
          title: "Add 'enable-threads = true' to [uwsgi]",
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: [enableThreadsMissing()],
          edit: { changes: { [doc.uri]: [example.edit] } },
        },
      ]);
      assert.equal(applyEdits(doc.text, [example.edit]), example.expected);
      const afterFix = await doc.applyEdits([example.edit]);
      assert.equal(doc.text, example.expected);
      assert.deepEqual(afterFix.diagnostics, []);
      await doc.close();
    });
  }

  it('fix all (context.only = source.fixAll) adds the three lines at once and leaves nothing to fix', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\nmodule = app\n');
    const published = await doc.open();
    assert.deepEqual(published.diagnostics, missingFlagDiagnostics());

    const actions = literals(await client.codeActions(doc.uri, range(0, 0, 0, 0), { diagnostics: [], only: ['source.fixAll'] }));
    assert.deepEqual(actions, [
      {
        title: FIX_ALL_TITLE,
        kind: FIX_ALL,
        diagnostics: missingFlagDiagnostics(),
        edit: {
          changes: { [doc.uri]: [{ range: range(2, 0, 2, 0), newText: 'enable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n' }] },
        },
      },
    ]);
    const edits = editsOf(actions[0].edit, doc.uri, { documentChanges: false });
    const expected = '[uwsgi]\nmodule = app\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';
    assert.equal(applyEdits(doc.text, edits), expected);

    const afterFix = await doc.applyEdits(edits);
    assert.equal(doc.text, expected);
    assert.deepEqual(afterFix, { uri: doc.uri, version: 2, diagnostics: [] });

    assert.deepEqual(await client.codeActions(doc.uri, range(0, 0, 0, 0), { diagnostics: [], only: ['source.fixAll'] }), []);
    assert.deepEqual(await client.codeActions(doc.uri, range(0, 0, 4, 0), { diagnostics: [] }), []);
    await doc.close();
  });

  it('the source action fix all is not offered when only quick fixes are asked for (its quick-fix twin is), and is offered for `source`', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\nmodule = app\n');
    await doc.open();
    const quickOnly = literals(await client.codeActions(doc.uri, HEADER, { diagnostics: [], only: ['quickfix'] }));
    assert.deepEqual(
      quickOnly.map((action) => action.kind),
      ['quickfix', 'quickfix', 'quickfix', 'quickfix', 'quickfix', 'quickfix', 'quickfix'],
    );
    assert.equal(quickOnly.at(-1)?.title, FIX_ALL_QUICK_FIX_TITLE);
    const source = literals(await client.codeActions(doc.uri, range(1, 0, 1, 0), { diagnostics: [], only: ['source'] }));
    assert.deepEqual(
      source.map((action) => action.title),
      [FIX_ALL_TITLE],
    );
    const refactor = literals(await client.codeActions(doc.uri, HEADER, { diagnostics: [], only: ['refactor'] }));
    assert.deepEqual(refactor, []);
    await doc.close();
  });

  it('"Fix all pydeploy problems in this file" is a quick fix beside a finding\'s fixes, with the edit of source.fixAll, when more than one finding is fixable', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\nmodule = app\nprocesses = 4\n');
    await doc.open();
    const atHeader = literals(await client.codeActions(doc.uri, HEADER, { diagnostics: [], only: ['quickfix'] }));
    const quick = atHeader.find((action) => action.title === FIX_ALL_QUICK_FIX_TITLE);
    assert.ok(quick, JSON.stringify(atHeader.map((action) => action.title)));
    assert.equal(quick.kind, 'quickfix');
    assert.equal(quick.isPreferred, undefined);
    const [source] = literals(await client.codeActions(doc.uri, HEADER, { diagnostics: [], only: [FIX_ALL] }));
    assert.deepEqual(quick.edit, source.edit);
    assert.deepEqual(quick.diagnostics, source.diagnostics);
    assert.equal(
      applyEdits(doc.text, editsOf(quick.edit, doc.uri, { documentChanges: false })),
      '[uwsgi]\nmodule = app\nprocesses = 4\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n',
    );
    // On a line without a finding there is nothing to fix there, and no light bulb.
    assert.deepEqual(literals(await client.codeActions(doc.uri, range(2, 0, 2, 0), { diagnostics: [], only: ['quickfix'] })), []);
    await doc.close();

    // One fixable finding: its own fix is the same edit, so fix all is not offered beside it.
    const one = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\nmodule = app\nenable-threads = true\nsingle-interpreter = true\nlazy = true\n');
    await one.open();
    const titles = literals(await client.codeActions(one.uri, range(4, 0, 4, 0), { diagnostics: [], only: ['quickfix'] })).map((action) => action.title);
    assert.deepEqual(titles, ["Replace 'lazy' with 'lazy-apps'", 'Disable uwsgi/prefer-lazy-apps for this line']);
    await one.close();
  });

  it('fix all combines a value flip with added lines in a file without a final newline', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\nmodule = app\nenable-threads = false');
    const published = await doc.open();
    assert.deepEqual(published.diagnostics, [
      ...missingFlagDiagnostics().slice(1),
      { range: range(2, 17, 2, 22), severity: ERROR, code: 'uwsgi/enable-threads', source: 'pydeploy', message: MESSAGES.enableThreadsOff('false') },
    ]);
    const actions = literals(await client.codeActions(doc.uri, range(0, 0, 0, 0), { diagnostics: [], only: ['source.fixAll'] }));
    assert.equal(actions.length, 1);
    assert.deepEqual(actions[0].diagnostics, published.diagnostics);
    const edits = editsOf(actions[0].edit, doc.uri, { documentChanges: false });
    assert.deepEqual(edits, [
      { range: range(2, 17, 2, 22), newText: 'true' },
      { range: range(2, 22, 2, 22), newText: '\nsingle-interpreter = true\nlazy-apps = true' },
    ]);
    const afterFix = await doc.applyEdits(edits);
    assert.equal(doc.text, '[uwsgi]\nmodule = app\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true');
    assert.deepEqual(afterFix.diagnostics, []);
    await doc.close();
  });

  it('hover on the `enable-threads` key explains it, on `[uwsgi]` the agents; a value or a blank line has no hover', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\nmodule = app\n\nenable-threads = false\n');
    await doc.open();
    const hover = await client.hover(doc.uri, { line: 3, character: 5 });
    assert.ok(hover, 'no hover on the enable-threads key');
    assert.deepEqual(hover.range, range(3, 0, 3, 14));
    assert.ok(typeof hover.contents === 'object' && 'kind' in hover.contents, `expected MarkupContent: ${JSON.stringify(hover.contents)}`);
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /^\*\*enable-threads\*\*/);
    assert.match(hover.contents.value, /\*\*Agent:\*\*/);

    // The key's first and last positions count as on the key, as an editor's word range does.
    assert.ok(await client.hover(doc.uri, { line: 3, character: 0 }));
    assert.ok(await client.hover(doc.uri, { line: 3, character: 14 }));

    assert.equal(await client.hover(doc.uri, { line: 3, character: 19 }), null, 'hover on a value');
    assert.equal(await client.hover(doc.uri, { line: 3, character: 15 }), null, 'hover between key and value');
    assert.equal(await client.hover(doc.uri, { line: 2, character: 0 }), null, 'hover on a blank line');
    // The [uwsgi] header tells of the agents (test/protocol/agentWorkspaces.test.ts pins the whole text).
    const header = await client.hover(doc.uri, { line: 0, character: 3 });
    assert.ok(header && typeof header.contents === 'object' && 'value' in header.contents, 'hover on the section header');
    assert.match(header.contents.value, /^\*\*APM agents:\*\* none found in the project and none named/);
    assert.equal(await client.hover(doc.uri, { line: 4, character: 0 }), null, 'hover on the empty last line');
    await doc.close();
  });

  it('incremental didChange updates the diagnostics, and didClose clears them', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\nmodule = app\n');
    assert.deepEqual((await doc.open()).diagnostics, missingFlagDiagnostics());

    // Type a whole line after the last option.
    let published = await doc.change([{ range: range(2, 0, 2, 0), text: 'enable-threads = true\n' }]);
    assert.equal(doc.text, '[uwsgi]\nmodule = app\nenable-threads = true\n');
    assert.deepEqual(published, { uri: doc.uri, version: 2, diagnostics: missingFlagDiagnostics().slice(1) });

    // Replace `true` by `false`.
    published = await doc.change([{ range: range(2, 17, 2, 21), text: 'false' }]);
    assert.equal(doc.text, '[uwsgi]\nmodule = app\nenable-threads = false\n');
    assert.deepEqual(published, {
      uri: doc.uri,
      version: 3,
      diagnostics: [
        ...missingFlagDiagnostics().slice(1),
        { range: range(2, 17, 2, 22), severity: ERROR, code: 'uwsgi/enable-threads', source: 'pydeploy', message: MESSAGES.enableThreadsOff('false') },
      ],
    });

    // Two changes in one notification: the second one's range refers to the text after the first.
    published = await doc.change([
      { range: range(2, 0, 3, 0), text: '' },
      { range: range(0, 0, 0, 0), text: '; managed by ops\n' },
    ]);
    assert.equal(doc.text, '; managed by ops\n[uwsgi]\nmodule = app\n');
    assert.deepEqual(published, { uri: doc.uri, version: 4, diagnostics: missingFlagDiagnostics(range(1, 0, 1, 7)) });

    // Delete across lines: the whole [uwsgi] header and the comment go, so no [uwsgi] section is left.
    published = await doc.change([{ range: range(0, 0, 2, 0), text: '' }]);
    assert.equal(doc.text, 'module = app\n');
    assert.deepEqual(published, { uri: doc.uri, version: 5, diagnostics: missingFlagDiagnostics(range(0, 0, 0, 12)) });

    const closed = await doc.closeAndWaitForDiagnostics();
    assert.deepEqual(closed, { uri: doc.uri, diagnostics: [] });
    // A closed document is not known any more: no hover, no code actions.
    assert.equal(await client.hover(doc.uri, { line: 0, character: 2 }), null);
    assert.deepEqual(await client.codeActions(doc.uri, range(0, 0, 0, 0), { diagnostics: [] }), []);
    assert.deepEqual(client.unconsumedDiagnostics(doc.uri), []);
  });

  it('a plain other.ini without [uwsgi] gets an empty diagnostics list; with [uwsgi] it is checked', async () => {
    const plain = new ClientDocument(client, uri('other.ini'), '[server]\nport = 8080\nmodule = app\n');
    assert.deepEqual(await plain.open(), { uri: plain.uri, version: 1, diagnostics: [] });
    assert.deepEqual(await client.codeActions(plain.uri, range(0, 0, 0, 0), { diagnostics: [] }), []);
    assert.equal(await client.hover(plain.uri, { line: 2, character: 2 }), null);
    await plain.close();

    const withSection = new ClientDocument(client, uri('other.ini'), '; app server\n[uwsgi]\nmodule = app\n');
    assert.deepEqual((await withSection.open()).diagnostics, missingFlagDiagnostics(range(1, 0, 1, 7)));
    await withSection.close();
  });

  it('an empty uwsgi-dev.ini gets the three diagnostics on line 0, and fix all writes the section', async () => {
    const doc = new ClientDocument(client, uri('uwsgi-dev.ini'), '');
    const published = await doc.open();
    assert.deepEqual(published, { uri: doc.uri, version: 1, diagnostics: missingFlagDiagnostics(range(0, 0, 0, 0)) });

    const actions = literals(await client.codeActions(doc.uri, range(0, 0, 0, 0), { diagnostics: [], only: ['source.fixAll'] }));
    assert.equal(actions.length, 1);
    const edits = editsOf(actions[0].edit, doc.uri, { documentChanges: false });
    assert.deepEqual(edits, [
      { range: range(0, 0, 0, 0), newText: '[uwsgi]\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n' },
    ]);
    const afterFix = await doc.applyEdits(edits);
    assert.equal(doc.text, '[uwsgi]\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n');
    assert.deepEqual(afterFix.diagnostics, []);
    await doc.close();
  });

  it('survives binary garbage named uwsgi.ini and a 1 MB single-line document', async () => {
    // Random bytes as latin1: NULs, lone CRs, `[`, `=`, `;` and every other byte value in any order.
    for (const seed of [1, 2, 3]) {
      const garbage = randomBytes(64 * 1024, seed).toString('latin1');
      const doc = new ClientDocument(client, uri('uwsgi.ini'), garbage);
      const published = await doc.open();
      assert.ok(Array.isArray(published.diagnostics));
      assertRangesInside(garbage, published);
      const actions = literals(await client.codeActions(doc.uri, range(0, 0, linesWithEnds(garbage).length - 1, 0), { diagnostics: published.diagnostics }));
      // Whatever is offered must apply cleanly to the text it was computed on.
      for (const action of actions) applyEdits(garbage, editsOf(action.edit, doc.uri, { documentChanges: false }));
      const hover = await client.hover(doc.uri, { line: 0, character: 0 });
      assert.ok(hover === null || typeof hover === 'object');
      await doc.close();
    }

    const value = 'a'.repeat(1024 * 1024);
    const big = new ClientDocument(client, uri('uwsgi.ini'), `module = ${value}`);
    const published = await big.open();
    assert.deepEqual(published.diagnostics, missingFlagDiagnostics(range(0, 0, 0, big.text.length)));
    assert.equal(await client.hover(big.uri, { line: 0, character: 512 * 1024 }), null);
    const hover = await client.hover(big.uri, { line: 0, character: 2 });
    assert.ok(hover, 'no hover on the `module` key of the long line');
    assert.deepEqual(hover.range, range(0, 0, 0, 6));
    const actions = literals(await client.codeActions(big.uri, range(0, 0, 0, 0), { diagnostics: [], only: ['source.fixAll'] }));
    assert.equal(actions.length, 1);
    const fixed = applyEdits(big.text, editsOf(actions[0].edit, big.uri, { documentChanges: false }));
    assert.equal(fixed, `module = ${value}\n\n[uwsgi]\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true`);
    // Typing at the end of the long line still gets an answer.
    const changed = await big.change([{ range: range(0, big.text.length, 0, big.text.length), text: 'b' }]);
    assert.equal(changed.diagnostics.length, 3);
    await big.close();

    // Still alive and still right.
    const afterFix = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\nenable-threads = true\n');
    await afterFix.open();
    const stillThere = await client.hover(afterFix.uri, { line: 1, character: 1 });
    assert.ok(stillThere && typeof stillThere.contents === 'object' && 'value' in stillThere.contents);
    assert.match(stillThere.contents.value, /enable-threads/);
    await afterFix.close();
    assert.ok(client.isRunning);
    assertNoServerErrors(client);
  });

  it('shutdown and exit end the process with code 0', async () => {
    const status = await client.shutdownAndExit();
    assert.deepEqual(status, { code: 0, signal: null }, `server output:${client.serverOutput}`);
  });
});

describe('uwsgi.ini over LSP, client with documentChanges support', () => {
  let client: LspClient;
  let serial = 0;
  const uri = (name: string) => fileUri(`versioned-${++serial}/${name}`);

  before(async () => {
    client = await LspClient.start({ documentChanges: true });
  });
  after(() => client?.dispose());

  it('a quick fix is a TextDocumentEdit carrying the current document version', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\nmodule = app\nenable-threads = false\nsingle-interpreter = true\nlazy-apps = true\n');
    const published = await doc.open();
    assert.equal(published.diagnostics.length, 1);

    let actions = ruleFixes(literals(await client.codeActions(doc.uri, range(2, 18, 2, 18), { diagnostics: published.diagnostics, only: ['quickfix'] })));
    assert.equal(actions.length, 1);
    assert.deepEqual(actions[0].edit, {
      documentChanges: [{ textDocument: { uri: doc.uri, version: 1 }, edits: [{ range: range(2, 17, 2, 22), newText: 'true' }] }],
    });

    // After an edit the fix is computed on, and versioned with, the new text.
    const changed = await doc.change([{ range: range(0, 0, 0, 0), text: '; managed by ops\n' }]);
    assert.deepEqual(changed.diagnostics.map((diagnostic) => diagnostic.range), [range(3, 17, 3, 22)]);
    actions = ruleFixes(literals(await client.codeActions(doc.uri, range(3, 18, 3, 18), { diagnostics: changed.diagnostics, only: ['quickfix'] })));
    assert.equal(actions.length, 1);
    const edits = editsOf(actions[0].edit, doc.uri, { documentChanges: true, version: 2 });
    assert.deepEqual(edits, [{ range: range(3, 17, 3, 22), newText: 'true' }]);

    const afterFix = await doc.applyEdits(edits);
    assert.equal(doc.text, '; managed by ops\n[uwsgi]\nmodule = app\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n');
    assert.deepEqual(afterFix, { uri: doc.uri, version: 3, diagnostics: [] });
    await doc.close();
  });

  it('fix all is a versioned TextDocumentEdit too, and its result has no diagnostics', async () => {
    const doc = new ClientDocument(client, uri('uwsgi.ini'), '[uwsgi]\r\nmodule = app\r\n');
    await doc.open();
    await doc.change([{ range: range(1, 12, 1, 12), text: '\r\nprocesses = 4' }]);
    assert.equal(doc.version, 2);

    const actions = literals(await client.codeActions(doc.uri, range(0, 0, 0, 0), { diagnostics: [], only: ['source.fixAll'] }));
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, FIX_ALL_TITLE);
    assert.equal(actions[0].kind, FIX_ALL);
    const edits = editsOf(actions[0].edit, doc.uri, { documentChanges: true, version: 2 });
    assert.deepEqual(edits, [
      { range: range(3, 0, 3, 0), newText: 'enable-threads = true\r\nsingle-interpreter = true\r\nlazy-apps = true\r\n' },
    ]);
    const afterFix = await doc.applyEdits(edits);
    assert.equal(doc.text, '[uwsgi]\r\nmodule = app\r\nprocesses = 4\r\nenable-threads = true\r\nsingle-interpreter = true\r\nlazy-apps = true\r\n');
    assert.deepEqual(afterFix, { uri: doc.uri, version: 3, diagnostics: [] });
    assert.deepEqual(await client.codeActions(doc.uri, range(0, 0, 0, 0), { diagnostics: [], only: ['source.fixAll'] }), []);
    await doc.close();
  });

  it('shutdown and exit end the process with code 0', async () => {
    assertNoServerErrors(client);
    const status = await client.shutdownAndExit();
    assert.deepEqual(status, { code: 0, signal: null }, `server output:${client.serverOutput}`);
  });
});

describe('uwsgi.ini over LSP, with the files around it on disk', () => {
  let client: LspClient;
  let root = '';
  const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  const BASE_INI = '[uwsgi]\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';

  before(async () => {
    root = writeProject('workspace', {
      'pinned-new/requirements.txt': 'flask==3.0.0\nuwsgi==2.0.28\n',
      'pinned-old/requirements.txt': 'uWSGI==2.0.21\n',
      'includes/base.ini': BASE_INI,
    });
    client = await LspClient.start({ documentChanges: false, workspaceFolder: root });
  });
  after(() => client?.dispose());

  it('a project that pins uWSGI 2.0.27 or later gets no enable-threads finding', async () => {
    const doc = new ClientDocument(client, uriOf('pinned-new/uwsgi.ini'), '[uwsgi]\nmodule = app\n');
    assert.deepEqual((await doc.open()).diagnostics, missingFlagDiagnostics().slice(1));
    await doc.close();
  });

  it('a project that pins an older uWSGI is told which version the finding assumes', async () => {
    const doc = new ClientDocument(client, uriOf('pinned-old/uwsgi.ini'), '[uwsgi]\nmodule = app\nenable-threads = off\n');
    assert.deepEqual((await doc.open()).diagnostics, [
      ...missingFlagDiagnostics().slice(1),
      {
        range: range(2, 17, 2, 20),
        severity: ERROR,
        code: 'uwsgi/enable-threads',
        source: 'pydeploy',
        message: MESSAGES.enableThreadsOff('off', 'on uWSGI 2.0.21 (requirements.txt)'),
      },
    ]);
    await doc.close();
  });

  it('options set in an included file on disk count', async () => {
    const doc = new ClientDocument(client, uriOf('includes/uwsgi.ini'), '[uwsgi]\nini = base.ini\nmodule = app\n');
    assert.deepEqual((await doc.open()).diagnostics, []);
    await doc.close();
  });

  it('an include that is not on disk is reported, and the flag checks that need it are skipped', async () => {
    const doc = new ClientDocument(client, uriOf('includes/uwsgi-missing.ini'), '[uwsgi]\nini = missing.ini\nmodule = app\n');
    const missing = `${path.join(root, 'includes', 'missing.ini').split(path.sep).join('/')}`;
    assert.deepEqual((await doc.open()).diagnostics, [
      {
        range: range(1, 6, 1, 17),
        severity: INFORMATION,
        code: 'uwsgi/include-not-found',
        source: 'pydeploy',
        message: `pydeploy cannot find \`${missing}\`: checks that need the options it sets are skipped.`,
      },
    ]);
    await doc.close();
  });

  it('an included file open in the editor counts with its unsaved text, and the disk counts again once it is closed', async () => {
    const base = new ClientDocument(client, uriOf('includes/base.ini'), '[uwsgi]\nenable-threads = true\nsingle-interpreter = true\n');
    await base.open();
    const doc = new ClientDocument(client, uriOf('includes/uwsgi-overlay.ini'), '[uwsgi]\nini = base.ini\nmodule = app\n');
    assert.deepEqual((await doc.open()).diagnostics, [missingFlagDiagnostics()[2]]);

    await base.close();
    const published = await doc.change([{ range: range(0, 0, 0, 0), text: '; managed by ops\n' }]);
    assert.deepEqual(published.diagnostics, []);
    await doc.close();
  });

  it('shutdown and exit end the process with code 0', async () => {
    assertNoServerErrors(client);
    const status = await client.shutdownAndExit();
    assert.deepEqual(status, { code: 0, signal: null }, `server output:${client.serverOutput}`);
  });
});

/// <reference types="mocha" />
// End-to-end tests that run inside a real VS Code extension host (code-server or VS Code desktop), against the
// fixture workspace test/e2e/fixtures/workspace. The runners open a temporary copy of that folder; the suite also
// puts back the text of every file it edited and checks that the files on disk are unchanged.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PydeployApi } from '../../../client/src/extension';
import { DEPLOYMENT_SOLUTIONS, SnippetDefinition, snippetBody } from '../../../client/src/solutions';
import { expandSnippet } from '../../helpers/snippets';

const EXTENSION_ID = 'pydeploy.pydeploy';
const FIX_ALL_KIND = 'source.fixAll.pydeploy';
const WAIT_MS = 30_000;

/** The fixture files as committed; each test puts a file back to this text before it starts. */
const FIXTURES = {
  'uwsgi.ini': ['[uwsgi]', 'module = app:application', 'master = true', 'processes = 4', 'single-interpreter = false', ''].join('\n'),
  'app.ini': [
    '; Application server settings, in a file that does not start with "uwsgi".',
    '[uwsgi]',
    'module = app:application',
    'enable-threads = false',
    'single-interpreter = true',
    'lazy = true',
    '',
  ].join('\n'),
  'other.ini': ['; Not a uWSGI config: no [uwsgi] section.', '[database]', 'host = localhost', 'port = 5432', ''].join('\n'),
} as const;
type FixtureName = keyof typeof FIXTURES;

/** A diagnostic as compared here: `[code, severity, 'line:col-line:col']`. */
type Seen = [code: string, severity: string, range: string];

const UWSGI_INI_DIAGNOSTICS: Seen[] = [
  ['uwsgi/enable-threads', 'Error', '0:0-0:7'],
  ['uwsgi/lazy-apps', 'Warning', '0:0-0:7'],
  ['uwsgi/single-interpreter', 'Warning', '4:21-4:26'],
];
const APP_INI_DIAGNOSTICS: Seen[] = [
  ['uwsgi/enable-threads', 'Error', '3:17-3:22'],
  ['uwsgi/prefer-lazy-apps', 'Hint', '5:0-5:4'],
];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns something other than undefined; fails with `what` after `timeout` ms. */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(100);
  }
}

function fixtureUri(name: FixtureName): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner must open the fixture workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function pydeployDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'pydeploy');
}

function seen(uri: vscode.Uri): Seen[] {
  return pydeployDiagnostics(uri)
    .map((diagnostic): Seen => [codeOf(diagnostic), vscode.DiagnosticSeverity[diagnostic.severity], rangeText(diagnostic.range)])
    .sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
}

/** Waits until the file's pydeploy diagnostics are exactly `expected` (any order); on timeout shows the difference. */
async function expectDiagnostics(uri: vscode.Uri, expected: Seen[]): Promise<void> {
  try {
    await waitFor(`diagnostics of ${uri.path}`, () => (JSON.stringify(seen(uri)) === JSON.stringify(expected) ? true : undefined));
  } catch (error) {
    assert.deepEqual(seen(uri), expected, String(error));
  }
}

async function open(name: FixtureName): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

function wholeRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

/** Puts the fixture's text back into its (open) document, without saving. */
async function resetText(document: vscode.TextDocument, name: FixtureName): Promise<void> {
  if (document.getText() === FIXTURES[name]) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, wholeRange(document), FIXTURES[name]);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not reset ${name}`);
  assert.equal(document.getText(), FIXTURES[name]);
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const items = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return (items ?? []).filter((item): item is vscode.CodeAction => !('command' in item && typeof item.command === 'string'));
}

async function hoverMarkdown(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
}

async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" was not applied`);
}

suite('pydeploy in VS Code', function () {
  this.timeout(90_000);
  const onDisk = new Map<FixtureName, string>();

  suiteSetup(() => {
    // VS Code in a browser saves after a delay by default, which would write the edits below to disk.
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off', 'the runner must set "files.autoSave": "off"');
    for (const name of Object.keys(FIXTURES) as FixtureName[]) {
      const text = fs.readFileSync(fixtureUri(name).fsPath, 'utf8');
      assert.equal(text, FIXTURES[name], `${name} in the workspace is not the fixture this suite expects`);
      onDisk.set(name, text);
    }
  });

  suiteTeardown(async () => {
    // Put every edited fixture back to its text and save that (the same bytes as on disk), so that no dirty editor
    // is left for the workbench to ask about; then make sure the files on disk are what they were.
    for (const name of Object.keys(FIXTURES) as FixtureName[]) {
      const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === fixtureUri(name).toString());
      if (!document?.isDirty) continue;
      await resetText(document, name);
      assert.ok(await document.save(), `could not save ${name} back`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [name, text] of onDisk) assert.equal(fs.readFileSync(fixtureUri(name).fsPath, 'utf8'), text, `${name} changed on disk`);
  });

  test('activates on uwsgi.ini, which gets the uwsgi-ini language', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    // The runners start from a fresh profile with no editor open, so nothing has activated it yet.
    assert.equal(extension.isActive, false, 'active before any .ini was opened');
    const document = await open('uwsgi.ini');
    assert.equal(document.languageId, 'uwsgi-ini');
    await waitFor('the extension to activate', () => (extension.isActive ? true : undefined));
  });

  test('publishes the three agent diagnostics with their codes, severities and ranges', async () => {
    const document = await open('uwsgi.ini');
    await expectDiagnostics(document.uri, UWSGI_INI_DIAGNOSTICS);
    const threads = pydeployDiagnostics(document.uri).find((diagnostic) => codeOf(diagnostic) === 'uwsgi/enable-threads');
    assert.match(threads?.message ?? '', /enable-threads/);
  });

  test('the preferred quick fix adds `enable-threads = true`', async () => {
    const document = await open('uwsgi.ini');
    await resetText(document, 'uwsgi.ini');
    await expectDiagnostics(document.uri, UWSGI_INI_DIAGNOSTICS);
    const threads = pydeployDiagnostics(document.uri).find((diagnostic) => codeOf(diagnostic) === 'uwsgi/enable-threads');
    assert.ok(threads);

    const actions = await codeActions(document.uri, threads.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    const fix = actions.find((action) => action.title === "Add 'enable-threads = true' to [uwsgi]");
    assert.ok(fix, `no "Add \`enable-threads = true\` to [uwsgi]" among ${JSON.stringify(titles)}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);

    await applyAction(fix);
    assert.equal(
      document.getText(),
      ['[uwsgi]', 'module = app:application', 'master = true', 'processes = 4', 'single-interpreter = false', 'enable-threads = true', ''].join('\n'),
    );
    await expectDiagnostics(
      document.uri,
      UWSGI_INI_DIAGNOSTICS.filter(([code]) => code !== 'uwsgi/enable-threads'),
    );

    // The option the fix added now answers a hover.
    const hover = await hoverMarkdown(document.uri, new vscode.Position(5, 3));
    assert.ok(hover.length > 0, 'no hover on the added enable-threads');
    assert.ok(hover[0].startsWith('**enable-threads**'), hover[0]);
  });

  test('"Fix all agent settings" (source.fixAll.pydeploy) fixes everything and the diagnostics clear', async () => {
    const document = await open('uwsgi.ini');
    await resetText(document, 'uwsgi.ini');
    await expectDiagnostics(document.uri, UWSGI_INI_DIAGNOSTICS);

    const actions = await codeActions(document.uri, wholeRange(document), FIX_ALL_KIND);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind?.value]),
      [['Fix all agent settings', FIX_ALL_KIND]],
    );
    // What `editor.codeActionsOnSave: { "source.fixAll": ... }` asks for finds it too.
    const broader = await codeActions(document.uri, wholeRange(document), vscode.CodeActionKind.SourceFixAll.value);
    assert.ok(broader.some((action) => action.title === 'Fix all agent settings'), 'not offered for source.fixAll');

    await applyAction(actions[0]);
    assert.equal(
      document.getText(),
      [
        '[uwsgi]',
        'module = app:application',
        'master = true',
        'processes = 4',
        'single-interpreter = true',
        'enable-threads = true',
        'lazy-apps = true',
        '',
      ].join('\n'),
    );
    await expectDiagnostics(document.uri, []);
    assert.deepEqual(await codeActions(document.uri, wholeRange(document), FIX_ALL_KIND), [], 'fix-all still offered on a fixed file');
  });

  test('an .ini without [uwsgi] gets no diagnostics; app.ini with a [uwsgi] section does (both language ini)', async () => {
    const other = await open('other.ini');
    assert.equal(other.languageId, 'ini');
    // Opened after other.ini: once its diagnostics are in, the server has long answered for other.ini.
    const app = await open('app.ini');
    assert.equal(app.languageId, 'ini');
    await resetText(app, 'app.ini');
    await expectDiagnostics(app.uri, APP_INI_DIAGNOSTICS);
    await sleep(500);
    assert.deepEqual(vscode.languages.getDiagnostics(other.uri), []);
  });

  test('hover on `enable-threads` answers with its markdown', async () => {
    const document = await open('app.ini');
    await resetText(document, 'app.ini');
    const hover = await hoverMarkdown(document.uri, new vscode.Position(3, 3));
    assert.ok(hover.length > 0, 'no hover on enable-threads');
    assert.ok(hover[0].startsWith('**enable-threads**'), hover[0]);
    assert.match(hover[0], /\*\*Value:\*\*/);
    // Nothing on a value or a comment.
    assert.deepEqual(await hoverMarkdown(document.uri, new vscode.Position(0, 5)), []);
  });

  test('app.ini: "Set `enable-threads` to `true`" flips the value', async () => {
    const document = await open('app.ini');
    await resetText(document, 'app.ini');
    await expectDiagnostics(document.uri, APP_INI_DIAGNOSTICS);
    const threads = pydeployDiagnostics(document.uri).find((diagnostic) => codeOf(diagnostic) === 'uwsgi/enable-threads');
    assert.ok(threads);
    const actions = await codeActions(document.uri, threads.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === "Set 'enable-threads' to 'true'");
    assert.ok(fix, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(fix.isPreferred, true);
    await applyAction(fix);
    assert.equal(document.getText(), FIXTURES['app.ini'].replace('enable-threads = false', 'enable-threads = true'));
    await expectDiagnostics(document.uri, [['uwsgi/prefer-lazy-apps', 'Hint', '5:0-5:4']]);
  });

  test('each uWSGI and Gunicorn snippet, inserted into a new config, gives no pydeploy error or warning', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    // A line each kind reports for sure, added after the snippet: once its diagnostic is in, the server has checked
    // the snippet's text, so the absence of anything else means something.
    const sentinels: Record<string, { line: string; code: string }> = {
      'uwsgi.ini': { line: 'proceses = 4', code: 'uwsgi/unknown-option' },
      'gunicorn.conf.py': { line: 'threds = 4', code: 'gunicorn/unknown-setting' },
    };
    for (const solution of DEPLOYMENT_SOLUTIONS.filter((each) => each.fileName in sentinels)) {
      const snippets = JSON.parse(fs.readFileSync(vscode.Uri.joinPath(extension.extensionUri, 'snippets', solution.snippetFile).fsPath, 'utf8')) as Record<
        string,
        SnippetDefinition
      >;
      const body = snippetBody(snippets[solution.snippet]);
      // Untitled, with the name pydeploy recognises: nothing is written to disk.
      const uri = vscode.Uri.from({ scheme: 'untitled', path: `${folder.uri.path}/snippet-${solution.id}/${solution.fileName}` });
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document, { preview: false });
      assert.ok(await editor.insertSnippet(new vscode.SnippetString(body)), `${solution.id}: the snippet was not inserted`);
      assert.equal(document.getText(), expandSnippet(body), `${solution.id}: VS Code expanded the snippet differently`);

      const sentinel = sentinels[solution.fileName];
      const end = document.lineAt(document.lineCount - 1).range.end;
      assert.ok(await editor.edit((builder) => builder.insert(end, `${sentinel.line}\n`)));
      const line = document.lineCount - 2;
      await waitFor(`${solution.id}: the sentinel diagnostic`, () => (seen(uri).some(([code]) => code === sentinel.code) ? true : undefined));
      const problems = seen(uri).filter(([, severity]) => severity === 'Error' || severity === 'Warning');
      assert.deepEqual(problems, [[sentinel.code, 'Warning', `${line}:0-${line}:${sentinel.line.indexOf(' ')}`]], solution.id);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('completion offers `enable-threads` at a key position of uwsgi.ini', async () => {
    const document = await open('uwsgi.ini');
    await resetText(document, 'uwsgi.ini');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(5, 0), 'enable-thr');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(5, 10));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('enable-threads'), `no enable-threads among ${labels.length} items: ${labels.slice(0, 20).join(', ')}`);
    await resetText(document, 'uwsgi.ini');
  });

  test('a settings change (pydeploy.rules, workspace) removes a diagnostic live, and restoring it brings it back', async () => {
    const document = await open('uwsgi.ini');
    await resetText(document, 'uwsgi.ini');
    await expectDiagnostics(document.uri, UWSGI_INI_DIAGNOSTICS);
    const configuration = vscode.workspace.getConfiguration('pydeploy', document.uri);
    await configuration.update('rules', { 'uwsgi/lazy-apps': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await expectDiagnostics(
        document.uri,
        UWSGI_INI_DIAGNOSTICS.filter(([code]) => code !== 'uwsgi/lazy-apps'),
      );
    } finally {
      await configuration.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await expectDiagnostics(document.uri, UWSGI_INI_DIAGNOSTICS);
  });

  test('the status bar says what the active config misses for the agent, and its command exists', async () => {
    const extension = vscode.extensions.getExtension<PydeployApi>(EXTENSION_ID);
    assert.ok(extension?.isActive);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.actions.view.problems'), 'the status bar item\'s command is missing');
    assert.ok(commands.includes('pydeploy.newDeploymentConfig'));

    const document = await open('uwsgi.ini');
    await resetText(document, 'uwsgi.ini');
    await expectDiagnostics(document.uri, UWSGI_INI_DIAGNOSTICS);
    await waitFor('the status bar to name what is missing', () => (extension.exports.statusBarText() === '$(warning) not agent-ready: enable-threads, lazy-apps, single-interpreter' ? true : undefined));

    const other = await open('other.ini');
    assert.equal(other.languageId, 'ini');
    await waitFor('the status bar to hide on a non-uWSGI ini', () => (extension.exports.statusBarText() === undefined ? true : undefined));
  });

  test('"pydeploy: New deployment config…" opens the chosen solution, expanded, in a new editor of its language', async () => {
    const extension = vscode.extensions.getExtension<PydeployApi>(EXTENSION_ID);
    assert.ok(extension);
    for (const id of ['uwsgi', 'gunicorn']) {
      const solution = DEPLOYMENT_SOLUTIONS.find((each) => each.id === id);
      assert.ok(solution);
      // `none`: no agent picked, the snippet as it is.
      await vscode.commands.executeCommand('pydeploy.newDeploymentConfig', id, 'none');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.equal(editor.document.uri.scheme, 'untitled');
      assert.equal(editor.document.languageId, solution.language);
      const snippets = JSON.parse(fs.readFileSync(vscode.Uri.joinPath(extension.extensionUri, 'snippets', solution.snippetFile).fsPath, 'utf8')) as Record<
        string,
        SnippetDefinition
      >;
      assert.equal(editor.document.getText(), expandSnippet(snippetBody(snippets[solution.snippet])));
      // The snippet as it is sets Tingyun's TING_YUN_CONFIG_FILE, which shows the agent.
      if (id === 'uwsgi') await waitFor('agent-ready in the status bar', () => (extension.exports.statusBarText() === '$(check) agent-ready: Tingyun' ? true : undefined));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

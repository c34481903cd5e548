/// <reference types="mocha" />
// What issue 11's marketplace part adds to the extension, through VS Code's API: the command "pydeploy: Fix all
// problems", the quick fix "Fix all pydeploy problems in this file", and the rule links of diagnostics, which run a
// command that opens the rule's page (made by the language server) in a Markdown preview. Works on untitled documents
// only, so the fixture workspace is left as it is for the other suites.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const WAIT_MS = 30_000;
const CONFIG = '[uwsgi]\nmodule = app:application\nprocesses = 4\n';

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A new untitled uwsgi.ini with `text`, in the active editor, once pydeploy has published its diagnostics. */
async function untitledConfig(name: string, text: string): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner must open the fixture workspace folder');
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `${folder.uri.path}/${name}/uwsgi.ini` });
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), text));
  const diagnostics = await waitFor(`diagnostics of ${name}`, () => {
    const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'pydeploy');
    return found.length > 0 ? found : undefined;
  });
  return { document, diagnostics };
}

async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('pydeploy: Fix all and the rule pages', function () {
  this.timeout(90_000);

  test('"pydeploy: Fix all problems" applies the preferred fix of every finding in the active editor', async () => {
    const { document } = await untitledConfig('fix-all-command', CONFIG);
    assert.equal(await vscode.commands.executeCommand('pydeploy.fixAll'), true);
    assert.equal(document.getText(), `${CONFIG}enable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n`);
    await waitFor('the diagnostics to clear', () => (vscode.languages.getDiagnostics(document.uri).length === 0 ? true : undefined));
    // Nothing left to fix: the command changes nothing and says so.
    assert.equal(await vscode.commands.executeCommand('pydeploy.fixAll'), false);
    await closeWithoutSaving();
  });

  test('"Fix all pydeploy problems in this file" is a quick fix beside a finding\'s own fixes, never preferred', async () => {
    const { document, diagnostics } = await untitledConfig('fix-all-quick-fix', CONFIG);
    const header = diagnostics[0].range;
    const items = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, header);
    const actions = (items ?? []).filter((item): item is vscode.CodeAction => !('command' in item && typeof item.command === 'string'));
    const fixAll = actions.find((action) => action.title === 'Fix all pydeploy problems in this file');
    assert.ok(fixAll, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(fixAll.kind?.value, 'quickfix');
    assert.notEqual(fixAll.isPreferred, true);
    assert.ok(fixAll.edit && (await vscode.workspace.applyEdit(fixAll.edit)));
    assert.equal(document.getText(), `${CONFIG}enable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n`);
    await closeWithoutSaving();
  });

  test("each diagnostic's rule id links the command that opens the rule's page in a Markdown preview", async () => {
    const { diagnostics } = await untitledConfig('rule-links', CONFIG);
    for (const diagnostic of diagnostics) {
      assert.ok(typeof diagnostic.code === 'object', `no link on ${JSON.stringify(diagnostic.code)}`);
      const { value, target } = diagnostic.code;
      assert.equal(target.scheme, 'command');
      assert.equal(target.path, 'pydeploy.showRulePage');
      assert.deepEqual(JSON.parse(target.query), [value]);
    }
    const ruleId = 'uwsgi/enable-threads';
    const page = await vscode.commands.executeCommand<vscode.Uri>('pydeploy.showRulePage', ruleId);
    assert.ok(page, 'no page opened');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(page));
    assert.equal(text.split('\n')[0], `# ${ruleId}`);
    assert.ok(text.includes('## How to silence it'));
    const preview = await waitFor('the Markdown preview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview') && tab.label.includes('enable-threads')),
    );
    await vscode.window.tabGroups.close(preview);
    await closeWithoutSaving();
  });
});

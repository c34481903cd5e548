/**
 * newrelic.ini over real JSON-RPC, as VS Code sends it (language `ini`): diagnostics with rule links, hover on a key,
 * and the old `agent/...` id of a Tingyun rule still turning it off in the settings the client sends.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MarkupContent } from 'vscode-languageserver';
import { ClientDocument, LspClient, range, writeProject } from './lspClient';

const NEWRELIC = '[newrelic]\nlicense_key = 0123456789abcdef0123456789abcdef01234567\nmonitor_mode = enabled\nlog_levle = info\n';
const TINGYUN = '[tingyun]\nlicense_key = 0123-abcd\nlog_levle = info\n';

describe('LSP: newrelic.ini', () => {
  let client: LspClient;
  let root: string;

  before(async () => {
    root = writeProject('newrelic-a', { 'newrelic.ini': NEWRELIC, 'tingyun.ini': TINGYUN });
    client = await LspClient.start({ documentChanges: true, workspaceFolder: root, codeDescriptionSupport: true, initializationOptions: { rules: { 'agent/unknown-option': 'off' } } });
  });

  after(() => client?.dispose());

  it('reports its findings with their rule pages, and hovers on its options', async () => {
    const uri = pathToFileURL(path.join(root, 'newrelic.ini')).href;
    const opened = await new ClientDocument(client, uri, NEWRELIC).open();
    assert.deepEqual(opened.diagnostics.map((d) => [d.code, d.severity, d.range]), [
      ['newrelic/invalid-value', 1, range(2, 15, 2, 22)],
      ['newrelic/unknown-option', 2, range(3, 0, 3, 9)],
    ]);
    for (const diagnostic of opened.diagnostics) {
      const page = fileURLToPath(diagnostic.codeDescription!.href);
      assert.equal(readFileSync(page, 'utf8').split('\n')[0], `# ${String(diagnostic.code)}`, `${page}: npm run build writes it`);
    }
    const hover = await client.hover(uri, { line: 2, character: 3 });
    assert.match((hover?.contents as MarkupContent).value, /^\*\*monitor_mode\*\* \(New Relic agent/);
  });

  it('the old id agent/unknown-option in the settings turns tingyun/unknown-option off', async () => {
    const uri = pathToFileURL(path.join(root, 'tingyun.ini')).href;
    const opened = await new ClientDocument(client, uri, TINGYUN).open();
    assert.deepEqual(opened.diagnostics, []);
  });
});

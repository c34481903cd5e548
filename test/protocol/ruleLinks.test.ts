/**
 * Every diagnostic links its rule's page (`codeDescription.href`) for a client that shows such links: a `file:` URI
 * of the page the build wrote beside the server bundle, so that it opens offline. A client that does not declare
 * the capability gets no link.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ClientDocument, LspClient, REPO_ROOT, writeProject } from './lspClient';

const UWSGI = '[uwsgi]\nmodule = app\nproceses = 4\n';
const GUNICORN = 'workers = 4\npreload_app = True\n';

describe('LSP: diagnostics link their rule pages', () => {
  let root: string;
  let linking: LspClient;
  let plain: LspClient;

  before(async () => {
    root = writeProject('rule-links', { 'uwsgi.ini': UWSGI, 'gunicorn.conf.py': GUNICORN });
    linking = await LspClient.start({ documentChanges: true, workspaceFolder: root, codeDescriptionSupport: true });
    plain = await LspClient.start({ documentChanges: true, workspaceFolder: root });
  });

  after(() => {
    linking?.dispose();
    plain?.dispose();
  });

  it('each diagnostic links the page of its rule, a file shipped beside the server that starts with the rule id', async () => {
    const seen: string[] = [];
    for (const [name, text] of [['uwsgi.ini', UWSGI], ['gunicorn.conf.py', GUNICORN]]) {
      const document = new ClientDocument(linking, pathToFileURL(path.join(root, name)).href, text);
      const { diagnostics } = await document.open();
      assert.ok(diagnostics.length > 0, name);
      for (const diagnostic of diagnostics) {
        const href = diagnostic.codeDescription?.href;
        assert.equal(href, pathToFileURL(path.join(REPO_ROOT, 'out', 'rules', `${String(diagnostic.code)}.md`)).href);
        const page = fileURLToPath(href);
        assert.ok(existsSync(page), `${page} is missing: npm run build writes it`);
        assert.equal(readFileSync(page, 'utf8').split('\n')[0], `# ${String(diagnostic.code)}`);
        seen.push(String(diagnostic.code));
      }
      await document.close();
    }
    assert.deepEqual(seen.sort(), ['gunicorn/preload-app', 'uwsgi/enable-threads', 'uwsgi/lazy-apps', 'uwsgi/single-interpreter', 'uwsgi/unknown-option']);
  });

  it('pydeploy/rulePage answers with the page the build wrote at that path, in each language, and null for no page', async () => {
    for (const page of ['out/rules/uwsgi/enable-threads.md', 'out/rules/zh-cn/gunicorn/preload-app.md', 'out/rules/index.md', 'out/rules/zh-cn/index.md']) {
      assert.equal(await linking.request<string | null>('pydeploy/rulePage', { path: page }), readFileSync(path.join(REPO_ROOT, page), 'utf8'), page);
    }
    for (const page of ['out/rules/uwsgi/no-such-rule.md', 'out/rules/fr/uwsgi/enable-threads.md', '/out/rules/index.md', '']) {
      assert.equal(await linking.request<string | null>('pydeploy/rulePage', { path: page }), null, page);
    }
    await assert.rejects(linking.request('pydeploy/rulePage', {}), /pydeploy\/rulePage: `path` must be a string/);
  });

  it('a client that does not show such links gets none', async () => {
    const document = new ClientDocument(plain, pathToFileURL(path.join(root, 'uwsgi.ini')).href, UWSGI);
    const { diagnostics } = await document.open();
    assert.equal(diagnostics.length, 4);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.codeDescription === undefined));
    await document.close();
  });
});

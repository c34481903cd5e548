/**
 * A client whose display language is Simplified Chinese (`initialize`'s `locale: "zh-cn"`, as VS Code sends it) gets
 * every text of the server in Chinese over real JSON-RPC: diagnostics and their related information, code-action
 * titles, hovers, completion details and the rule pages the diagnostics link to. Rule ids, option names and values
 * stay as they are.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, Hover } from 'vscode-languageserver';
import { ClientDocument, LspClient, fileUri, range } from './lspClient';

const ERROR = 1;
const WARNING = 2;

const TEXT = [
  '[uwsgi]',
  'module = app:application',
  'enable-threads = true',
  'single-interpreter = true',
  'lazy-apps = true',
  'proceses = 4',
  'harakiri = 30s',
  'harakiri = 60',
  '',
].join('\n');

function hoverText(hover: Hover | null): string {
  const contents = hover?.contents;
  return typeof contents === 'object' && contents !== null && 'value' in contents ? contents.value : JSON.stringify(contents);
}

describe('LSP in Simplified Chinese (initialize locale zh-cn)', () => {
  let client: LspClient;
  let doc: ClientDocument;
  let diagnostics: Diagnostic[];

  before(async () => {
    client = await LspClient.start({ documentChanges: true, codeDescriptionSupport: true, locale: 'zh-cn' });
    doc = new ClientDocument(client, fileUri('l10n/uwsgi.ini'), TEXT);
    diagnostics = (await doc.open()).diagnostics;
  });
  after(() => client.dispose());

  it('publishes the diagnostics and their related information in Chinese, each linked to its zh-cn rule page', () => {
    assert.deepEqual(
      diagnostics.map(({ range: at, severity, code, message, relatedInformation }) => ({ at, severity, code, message, related: relatedInformation?.map((related) => related.message) })),
      [
        {
          at: range(5, 0, 5, 8),
          severity: WARNING,
          code: 'uwsgi/unknown-option',
          message: '`proceses` 不是 uWSGI 选项：uWSGI 会默默地把它当作占位符（placeholder）保留，因此它不起作用。你是不是想写 `processes`？',
          related: undefined,
        },
        {
          at: range(6, 0, 6, 8),
          severity: WARNING,
          code: 'uwsgi/duplicate-option',
          message: '`harakiri` 在第 8 行再次设置，以最后一个值为准：这一行不起作用。',
          related: ['以这里设置的 `harakiri` 为准'],
        },
        { at: range(6, 11, 6, 14), severity: ERROR, code: 'uwsgi/invalid-value', message: '`harakiri = 30s` 不是整数：uWSGI 会把它读成 30。', related: undefined },
      ],
    );
    for (const diagnostic of diagnostics) assert.match(diagnostic.codeDescription?.href ?? '', new RegExp(`/out/rules/zh-cn/${diagnostic.code}\\.md$`));
  });

  it('titles the quick fixes in Chinese', async () => {
    const actions = (await client.codeActions(doc.uri, range(5, 2, 5, 2), { diagnostics: [diagnostics[0]], only: ['quickfix'] })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => action.title),
      ["将 'proceses' 改为 'processes'", '对这一行禁用 uwsgi/unknown-option'],
    );
    const fixAll = (await client.codeActions(doc.uri, range(0, 0, 0, 0), { diagnostics: [], only: ['source.fixAll.pydeploy'] })) as CodeAction[];
    assert.deepEqual(fixAll.map((action) => action.title), ['修复所有探针相关设置']);
  });

  it('writes the hover of an option in Chinese: what it is and does, its value, what the agent needs, and the link', async () => {
    const text = hoverText(await client.hover(doc.uri, { line: 4, character: 2 }));
    assert.deepEqual(text.split('\n\n'), [
      '**lazy-apps**（uWSGI 选项）',
      '在每个 worker 派生（fork）之后在其中加载应用，而不是在 fork 之前在 master 中加载一次。重载时 master 仍然保持运行。',
      '**取值：**开关：`false`、`off`、`no` 或 `0` 表示关闭；其他任何值（包括空值）都表示开启。',
      '**探针：**建议开启：加载应用时启动的线程无法跨越 fork 存活，在每个 worker 中加载能让探针的上报线程正常运行。',
      '[uWSGI 文档](https://uwsgi-docs.readthedocs.io/en/latest/Options.html#lazy-apps)',
    ]);
  });

  it('details the completion of a flag value in Chinese', async () => {
    const items = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: doc.uri }, position: { line: 4, character: 16 } });
    assert.deepEqual(
      items.map((item) => [item.label, item.detail]),
      [
        ['true', '开启 `lazy-apps`'],
        ['false', '关闭 `lazy-apps`'],
      ],
    );
  });
});

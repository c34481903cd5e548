// The agents' own config files (tingyun.ini, newrelic.ini) in Simplified Chinese: findings, quick fixes, hovers and
// completions render in the client's locale, and every option pydeploy describes has its Chinese text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, readDocument } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { quickFixes } from '../../server/src/features/codeActions';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { AGENT_OPTIONS, AGENT_PLUGINS } from '../../server/src/knowledge/agent/options';
import { AGENT_OPTION_SUMMARIES_ZH_CN, AGENT_PLUGIN_TEXTS_ZH_CN } from '../../server/src/knowledge/agent/options.zh-cn';
import { NEWRELIC_OPTION_NAMES } from '../../server/src/knowledge/newrelic/options';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

const CHINESE = /[\u4e00-\u9fff]/;
const quotedCode = (text: string) => [...text.matchAll(/`[^`]+`/g)].map((match) => match[0]).sort();

describe('tingyun.ini in Chinese', () => {
  const PATH = '/project/tingyun.ini';

  test('findings and fix titles, with option names and values kept as they are', () => {
    const text = '[tingyun]\nlicense_key = 0123-abcd\nenabled = yes\nlog_levle = debug\n';
    const analysis = analyze(PATH, text)!;
    assert.deepEqual(diagnosticsOf(analysis, 'zh-cn').map((d) => d.message), [
      '这里探针只认 true、false、on 或 off，不认 `yes`：探针不声不响地丢弃这个值，`enabled` 保持默认值（true）。',
      '`log_levle` 不是探针在 [tingyun] 段中读取的选项：它会被忽略，不起作用。你是不是想写 `log_level`？',
    ]);
    const at = (line: number, character = 1) => ({ start: { line, character }, end: { line, character } });
    assert.deepEqual(quickFixes(analysis, at(2, 11), 'zh-cn').filter((a) => a.diagnostics[0]?.code === 'tingyun/invalid-value').map((a) => a.title), [
      "把 'enabled' 设为 'true'",
      "把 'enabled' 设为 'false'",
      '对这一行禁用 tingyun/invalid-value',
    ]);
    assert.deepEqual(quickFixes(analysis, at(3), 'zh-cn').filter((a) => a.diagnostics[0]?.code === 'tingyun/unknown-option').map((a) => a.title), ["将 'log_levle' 改为 'log_level'", '对这一行禁用 tingyun/unknown-option']);
  });

  test('hover and completion of options, values, sections and instrumentation groups', () => {
    const text = '[tingyun]\nlicense_key = 0123-abcd\nenabled = \nlo\n[tingyun:exclude]\nplugins = jinja2, \n';
    const document = readDocument(PATH, text)!;
    assert.equal(
      hoverAt(document, { line: 2, character: 2 }, 'zh-cn')!.contents,
      '**enabled**（听云探针，`[tingyun]` 段）\n\n总开关：关闭时探针不启动采集线程，什么也不发送。\n\n' +
        '**取值：**`true`/`false`/`on`/`off`，不区分大小写；其他值（`yes`、`1`、行尾注释）都会被丢弃，保持默认值。\n\n**默认值：**`true`',
    );
    assert.equal(hoverAt(document, { line: 5, character: 12 }, 'zh-cn')!.contents, '**jinja2**（探针埋点组）：Jinja2 模板。');
    assert.deepEqual(completionsAt(document, { line: 2, character: 10 }, 'zh-cn').map((item) => item.detail), ['`enabled` = true（默认）', '`enabled` = false']);
    const logLevel = completionsAt(document, { line: 3, character: 2 }, 'zh-cn').find((item) => item.label === 'log_level');
    assert.equal(logLevel?.detail, '探针记录多少日志。');
    assert.match(logLevel?.documentation ?? '', /^\*\*log_level\*\*（听云探针/);
    assert.equal(completionsAt(document, { line: 4, character: 1 }, 'zh-cn')[0].detail, '听云探针配置段');
    // English stays as it was.
    assert.equal(completionsAt(document, { line: 3, character: 2 }).find((item) => item.label === 'log_level')?.detail, 'How much the agent logs.');
  });

  test('every option and every group described in words has its Chinese text, quoting the same names', () => {
    for (const facts of AGENT_OPTIONS) {
      const chinese = AGENT_OPTION_SUMMARIES_ZH_CN[facts.name];
      assert.ok(chinese, `${facts.name}: no zh-cn text`);
      assert.match(chinese, CHINESE, facts.name);
      assert.deepEqual(quotedCode(chinese), quotedCode(facts.summary), facts.name);
    }
    assert.deepEqual(Object.keys(AGENT_OPTION_SUMMARIES_ZH_CN).filter((name) => !AGENT_OPTIONS.some((facts) => facts.name === name)), []);
    for (const [name, what] of Object.entries(AGENT_PLUGINS)) {
      const chinese = AGENT_PLUGIN_TEXTS_ZH_CN[name];
      // A description that is only a library's name (`redis-py`, `PyMySQL`) reads the same in Chinese.
      if (/\s[a-z]{3,}/.test(what.replace(/`[^`]*`/g, ''))) assert.match(chinese ?? '', CHINESE, `${name}: "${what}" has no zh-cn text`);
      if (chinese) assert.deepEqual(quotedCode(chinese), quotedCode(what), name);
    }
    assert.deepEqual(Object.keys(AGENT_PLUGIN_TEXTS_ZH_CN).filter((name) => !(name in AGENT_PLUGINS)), []);
  });
});

describe('newrelic.ini in Chinese', () => {
  const PATH = '/project/newrelic.ini';
  const KEY = '0123456789abcdef0123456789abcdef01234567';

  test('findings and fix titles', () => {
    const text = `[newrelic]\nlicense_key = ${KEY}\nmonitor_mode = enabled\n[newrelic-staging]\napp_name = shop\n`;
    const analysis = analyze(PATH, text, {}, memoryWorkspace({}, '/project'))!;
    assert.deepEqual(diagnosticsOf(analysis, 'zh-cn').map((d) => d.message), [
      '`enabled` 不是布尔值（true/false、on/off、yes/no、1/0）：探针会记录一条配置错误，并保持默认值。',
      'New Relic 探针不读取名为 [newrelic-staging] 的段，段中的选项都不起作用。你是不是想写 [newrelic:staging]？',
    ]);
    const at = (line: number, character = 1) => ({ start: { line, character }, end: { line, character } });
    assert.deepEqual(quickFixes(analysis, at(2, 16), 'zh-cn').filter((a) => a.diagnostics[0]?.code === 'newrelic/invalid-value').map((a) => a.title), ["把 'monitor_mode' 设为 'true'", '对这一行禁用 newrelic/invalid-value']);
    assert.deepEqual(quickFixes(analysis, at(3), 'zh-cn').filter((a) => a.diagnostics[0]?.code === 'newrelic/unknown-section').map((a) => a.title), ['把段重命名为 [newrelic:staging]', '对这一行禁用 newrelic/unknown-section']);
  });

  test('hover and completion of options, values and sections', () => {
    const text = `[newrelic]\nlicense_key = ${KEY}\nmonitor_mode = \nlog_\n[`;
    const document = readDocument(PATH, text, {}, memoryWorkspace({}, '/project'))!;
    const hover = hoverAt(document, { line: 1, character: 3 }, 'zh-cn')!.contents.split('\n\n');
    assert.equal(hover[0], '**license_key**（New Relic 探针，`[newrelic]` 或 `[newrelic:ENV]` 段）');
    assert.equal(hover[1], '**取值：**文本，按原样读取。');
    assert.ok(hover.includes('环境变量 `NEW_RELIC_LICENSE_KEY` 也能设置它；两处都设置时以这个文件中的值为准。'), hover.join('\n'));
    assert.match(hover[hover.length - 1], /^探针以某个环境（`NEW_RELIC_ENVIRONMENT`）运行时，对应的 `\[newrelic:ENV\]` 段会覆盖它。依据探针源码（提交 [0-9a-f]{10}）。$/);
    assert.deepEqual(completionsAt(document, { line: 2, character: 15 }, 'zh-cn').map((item) => item.detail), ['`monitor_mode` = true（默认）', '`monitor_mode` = false']);
    const logLevel = completionsAt(document, { line: 3, character: 4 }, 'zh-cn').find((item) => item.label === 'log_level');
    assert.equal(logLevel?.detail, '日志级别：`critical`、`error`、`warning`、`info`、`debug`、`trace`（不区分大小写）');
    assert.deepEqual(completionsAt(document, { line: 4, character: 1 }, 'zh-cn').map((item) => item.detail), ['New Relic 探针设置', '某个运行环境的设置（NEW_RELIC_ENVIRONMENT）']);
  });

  test('every option reads in Chinese in its hover and completion', () => {
    const text = `[newrelic]\nlicense_key = ${KEY}\n\n`;
    const document = readDocument(PATH, text, {}, memoryWorkspace({}, '/project'))!;
    const items = completionsAt(document, { line: 2, character: 0 }, 'zh-cn');
    assert.equal(items.length, NEWRELIC_OPTION_NAMES.length - 1);
    for (const item of items) {
      assert.match(item.detail, CHINESE, item.label);
      for (const part of (item.documentation ?? '').split('\n\n')) assert.match(part, CHINESE, `${item.label}: ${part}`);
    }
  });
});

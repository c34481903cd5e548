// The server's and the CLI's languages: every message of the catalogue has its Simplified Chinese text, with the
// placeholders of its English one, and every rule speaks through the catalogue (but the ones listed below, which
// another branch rewrites: the merger converts them and empties the list).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGES } from '../../server/src/l10n/messages';
import { Text, message, renderText } from '../../server/src/l10n/message';
import { localeOfEnvironment, localeOfTag } from '../../server/src/l10n/locale';
import { RULES } from '../../server/src/rules/registry';
import { RULE_DOCS_ZH_CN } from '../../server/src/l10n/ruleDocs.zh-cn';
import { UWSGI_OPTION_DOCS } from '../../server/src/knowledge/uwsgi/optionDocs';
import { UWSGI_OPTION_DOCS_ZH_CN } from '../../server/src/knowledge/uwsgi/optionDocs.zh-cn';
import { GUNICORN_SETTING_DOCS } from '../../server/src/knowledge/gunicorn/settingDocs';
import { GUNICORN_SETTING_DOCS_ZH_CN } from '../../server/src/knowledge/gunicorn/settingDocs.zh-cn';
import { analyzeExample } from '../helpers/ruleExamples';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { quickFixes } from '../../server/src/features/codeActions';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

describe('the message catalogue', () => {
  test('every message has a zh-cn text, in Chinese, with exactly the placeholders of the English one', () => {
    for (const [id, entry] of Object.entries(MESSAGES) as [string, { en: string; 'zh-cn'?: string }][]) {
      const chinese = entry['zh-cn'];
      assert.equal(typeof chinese, 'string', `${id}: no zh-cn text`);
      assert.deepEqual(placeholders(chinese ?? ''), placeholders(entry.en), `${id}: placeholders differ`);
      // A message made only of placeholders and punctuation (`{type}{arity}`) has nothing to translate.
      if (/[A-Za-z]{2}/.test(entry.en.replace(/\{\w+\}/g, '').replace(/`[^`]*`/g, ''))) {
        assert.match(chinese ?? '', /[\u4e00-\u9fff]/, `${id}: not translated`);
      }
      // A brace that is no placeholder would be read as one: code with braces is passed as an argument.
      assert.doesNotMatch(entry.en.replace(/\{\w+\}/g, ''), /[{}]/, `${id}: a literal brace`);
    }
  });

  test('a message renders in each locale, arguments (messages and lists too) in the same locale', () => {
    const said = message('uwsgi/unknown-option.unknown', { key: 'proceses', hint: message('did-you-mean', { candidates: ['`processes`', '`process`'] }) });
    assert.equal(
      renderText(said, 'en'),
      '`proceses` is not a uWSGI option: uWSGI silently keeps it as a placeholder, so it has no effect. Did you mean `processes`, `process`?',
    );
    assert.equal(renderText(said, 'zh-cn'), '`proceses` 不是 uWSGI 选项：uWSGI 会默默地把它当作占位符（placeholder）保留，因此它不起作用。你是不是想写 `processes`、`process`？');
    assert.equal(renderText('an English sentence of a rule not converted yet', 'zh-cn'), 'an English sentence of a rule not converted yet');
  });

  test('the locale: VS Code tags, POSIX locales, the environment in the C library order', () => {
    assert.equal(localeOfTag('zh-cn'), 'zh-cn');
    assert.equal(localeOfTag('zh-CN'), 'zh-cn');
    assert.equal(localeOfTag('zh_CN.UTF-8'), 'zh-cn');
    assert.equal(localeOfTag('zh-Hans'), 'zh-cn');
    assert.equal(localeOfTag('zh-tw'), 'en');
    assert.equal(localeOfTag('zh_TW.UTF-8'), 'en');
    assert.equal(localeOfTag('en-US'), 'en');
    assert.equal(localeOfTag('de'), 'en');
    assert.equal(localeOfTag('C.UTF-8'), undefined);
    assert.equal(localeOfTag(undefined), undefined);
    assert.equal(localeOfEnvironment({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeOfEnvironment({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }), 'en');
    assert.equal(localeOfEnvironment({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeOfEnvironment({ LC_ALL: '', LANG: 'zh_CN.GB18030' }), 'zh-cn');
    assert.equal(localeOfEnvironment({}), 'en');
  });
});

describe('the documentation pydeploy writes itself, in Chinese', () => {
  const tables = [
    { what: 'uWSGI options', english: UWSGI_OPTION_DOCS, chinese: UWSGI_OPTION_DOCS_ZH_CN },
    { what: 'Gunicorn settings', english: GUNICORN_SETTING_DOCS, chinese: GUNICORN_SETTING_DOCS_ZH_CN },
  ];
  for (const { what, english, chinese } of tables) {
    test(`${what}: every documented name has a Chinese summary, and a Chinese note for the agent where the English has one`, () => {
      for (const [name, doc] of Object.entries(english)) {
        const translated = chinese[name];
        assert.ok(translated, `${name}: no zh-cn text`);
        assert.match(translated.summary, /[\u4e00-\u9fff]/, name);
        assert.equal(translated.agent !== undefined, doc.agent !== undefined, `${name}: the agent note`);
        if (translated.agent) assert.match(translated.agent, /[\u4e00-\u9fff]/, name);
        // The option names and values the English text quotes are quoted as they are in the Chinese one too.
        const quoted = (text: string) => new Set([...text.matchAll(/`[^`]+`/g)].map((match) => match[0]));
        const kept = quoted(`${translated.summary} ${translated.agent ?? ''}`);
        assert.deepEqual([...quoted(`${doc.summary} ${doc.agent ?? ''}`)].filter((code) => !kept.has(code)), [], `${name}: quoted names missing`);
      }
      assert.deepEqual(Object.keys(chinese).filter((name) => !(name in english)), [], 'texts of names that are not documented');
    });
  }
});

describe('every rule speaks through the catalogue', () => {
  const isMessage = (text: Text) => typeof text === 'object' && text.id in MESSAGES;

  test('every rule has its documentation in Chinese (rule pages), and only rules that exist do', () => {
    const ids = RULES.map((rule) => rule.id);
    for (const id of ids) {
      const docs = RULE_DOCS_ZH_CN[id];
      assert.ok(docs, `${id}: no zh-cn docs`);
      for (const field of [docs.summary, docs.details, docs.fix, docs.silence]) assert.match(field, /[\u4e00-\u9fff]/, id);
    }
    assert.deepEqual(Object.keys(RULE_DOCS_ZH_CN).filter((id) => !ids.includes(id)), []);
  });

  for (const rule of RULES) {
    test(`${rule.id}: on its documented example, findings, related locations and fix titles are catalogue messages`, (t) => {
      const analysis = analyzeExample(rule, 'wrong');
      const found = analysis?.findings.filter((each) => each.rule.id === rule.id) ?? [];
      if (found.length === 0) {
        // Only the size limit's example cannot be shown at its real size.
        assert.equal(rule.id, 'pydeploy/file-too-large', `${rule.id}: its example gives no finding`);
        t.diagnostic('the example is not large enough to be reported');
        return;
      }
      for (const { finding } of found) {
        assert.ok(isMessage(finding.message), `${rule.id}: ${JSON.stringify(finding.message)} is an English sentence`);
        for (const related of finding.related ?? []) assert.ok(isMessage(related.message), `${rule.id}: related ${JSON.stringify(related.message)}`);
        for (const fix of rule.fixes(analysis?.document as never, finding)) assert.ok(isMessage(fix.title), `${rule.id}: fix ${JSON.stringify(fix.title)}`);
      }
      assert.ok(analysis);
      // And the whole finding reads in Chinese, its quick fixes too.
      for (const diagnostic of diagnosticsOf(analysis, 'zh-cn').filter((d) => d.code === rule.id)) assert.match(diagnostic.message, /[\u4e00-\u9fff]/, diagnostic.message);
      for (const action of quickFixes(analysis, found[0].finding.range, 'zh-cn').filter((each) => each.diagnostics[0]?.code === rule.id)) assert.match(action.title, /[\u4e00-\u9fff]/, action.title);
    });
  }
});

/**
 * The rule pages each diagnostic links to, and how findings read where editors show them: every rule has a page with
 * all its parts (written by the real generator), its example is one the rule really reports and its fixed version
 * one it does not; fix titles are plain text, messages fit a Problems panel row, related information points elsewhere.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { RULES } from '../../server/src/rules/registry';
import { RULE_INDEX_PATH, RULE_PAGES_FOLDER, ruleIndexPath, rulePagePath } from '../../server/src/rules/rulePages';
import { LOCALES } from '../../server/src/l10n/locale';
import { RULE_DOCS_ZH_CN } from '../../server/src/l10n/ruleDocs.zh-cn';
import { Analysis, analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { fixAllQuickFix, quickFixes } from '../../server/src/features/codeActions';
import { fileWorkspace } from '../../server/src/node/fileWorkspace';
import { analyzeExample } from '../helpers/ruleExamples';
import { filesUnder } from '../helpers/filesUnder';

const ROOT = join(__dirname, '..', '..');
/** Longer messages are cut off in a Problems panel row; the details are in the hover and on the rule page. */
const MAX_MESSAGE_LENGTH = 160;

describe('rule pages', () => {
  const out = mkdtempSync(join(tmpdir(), 'pydeploy-rule-pages-'));
  after(() => rmSync(out, { recursive: true, force: true }));
  const generated = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'generate-rule-pages.ts'), out], { encoding: 'utf8' });

  test('the generator writes one page per rule and the index in each language, nothing else', () => {
    assert.equal(generated.status, 0, generated.stderr);
    const written = filesUnder(join(out, RULE_PAGES_FOLDER)).map((path) => path.slice(out.length + 1)).sort();
    assert.deepEqual(written, LOCALES.flatMap((locale) => [ruleIndexPath(locale), ...RULES.map((rule) => rulePagePath(rule.id, locale))]).sort());
  });

  test('the zh-cn pages: Chinese headings, the Chinese docs of every translated rule, links within zh-cn', () => {
    for (const rule of RULES) {
      const page = readFileSync(join(out, rulePagePath(rule.id, 'zh-cn')), 'utf8');
      const translated = RULE_DOCS_ZH_CN[rule.id];
      if (translated) for (const field of [translated.summary, translated.details, translated.fix, translated.silence]) assert.ok(page.includes(field), rule.id);
      for (const heading of ['## 示例', '## 如何修复', '## 如何屏蔽']) assert.ok(page.includes(`\n${heading}\n`), `${rule.id}: ${heading}`);
      assert.ok(page.includes('[全部规则]('), rule.id);
    }
    const index = readFileSync(join(out, ruleIndexPath('zh-cn')), 'utf8');
    for (const rule of RULES) assert.ok(index.includes(`[${rule.id}](${rule.id}.md)`), rule.id);
  });

  for (const rule of RULES) {
    test(`${rule.id}: its page has the summary, details, an example wrong and right, the fix and how to silence it`, () => {
      const page = readFileSync(join(out, rulePagePath(rule.id)), 'utf8');
      const { docs } = rule;
      for (const field of [docs.summary, docs.details, docs.fix, docs.silence, docs.example.file]) assert.ok(field.trim().length > 0, rule.id);
      const sections = page.split(/^## /m);
      assert.equal(sections[0].split('\n')[0], `# ${rule.id}`);
      assert.ok(sections[0].includes(docs.summary) && sections[0].includes(docs.details), 'summary and details');
      const section = (title: string) => sections.find((each) => each.startsWith(`${title}\n`)) ?? assert.fail(`no "## ${title}"`);
      const fence = (lines: readonly string[]) => `\n${lines.join('\n')}\n\`\`\``;
      assert.ok(section('Example').includes(fence(docs.example.wrong)), 'the wrong example');
      assert.ok(section('Example').includes(fence(docs.example.right)), 'the right example');
      assert.ok(section('How to fix it').includes(docs.fix));
      const silence = section('How to silence it');
      assert.ok(silence.includes(docs.silence));
      for (const way of [`pydeploy: disable-next-line=${rule.id}`, `pydeploy: disable=${rule.id}`, `"${rule.id}" = "off"`, `"pydeploy.rules": { "${rule.id}": "off" }`]) {
        assert.ok(silence.includes(way), way);
      }
      assert.ok(page.includes('[All rules]('), 'a link back to the index');
    });
  }

  test('the index links every page, relative to itself', () => {
    const index = readFileSync(join(out, RULE_INDEX_PATH), 'utf8');
    for (const rule of RULES) {
      const link = rulePagePath(rule.id).slice(dirname(RULE_INDEX_PATH).length + 1);
      assert.ok(index.includes(`[${rule.id}](${link})`), rule.id);
    }
  });

  for (const rule of RULES.filter((each) => each.id !== 'pydeploy/file-too-large')) {
    test(`${rule.id}: the page's wrong example is reported by the rule, the right one is not`, () => {
      const wrong = analyzeExample(rule, 'wrong');
      const right = analyzeExample(rule, 'right');
      assert.ok(wrong && right);
      assert.ok(wrong.findings.some((found) => found.rule.id === rule.id), `not reported: ${JSON.stringify(diagnosticsOf(wrong).map((d) => d.code))}`);
      assert.deepEqual(diagnosticsOf(right).filter((d) => d.code === rule.id), []);
    });
  }

  test('pydeploy/file-too-large: its example stands for a file too large to show, and the right one is checked and clean', () => {
    const rule = RULES.find((each) => each.id === 'pydeploy/file-too-large');
    assert.ok(rule);
    assert.match(rule.docs.example.wrong.join('\n'), /MiB/);
    const right = analyzeExample(rule, 'right');
    assert.ok(right);
    assert.deepEqual(diagnosticsOf(right), []);
  });
});

describe('findings where editors show them', () => {
  // The examples, the real-world corpus and every rule's wrong example: each rule's findings and fixes.
  const inputs: Array<{ name: string; analysis: Analysis | undefined }> = [
    ...[...filesUnder(join(ROOT, 'examples')), ...filesUnder(join(ROOT, 'test', 'corpus'))].map((path) => ({
      name: path.slice(ROOT.length + 1),
      analysis: analyze(path, readFileSync(path, 'utf8'), {}, fileWorkspace([dirname(path)])),
    })),
    ...RULES.map((rule) => ({ name: `${rule.id} (page example)`, analysis: analyzeExample(rule, 'wrong') })),
  ];
  const analysed = inputs.filter((input): input is { name: string; analysis: Analysis } => input.analysis !== undefined);

  test('the inputs raise findings of most rules, so that what follows means something', () => {
    const rules = new Set(analysed.flatMap(({ analysis }) => analysis.findings.map((found) => found.rule.id)));
    assert.deepEqual(RULES.map((rule) => rule.id).filter((id) => !rules.has(id)), ['pydeploy/file-too-large']);
  });

  test('fix titles are plain text: no Markdown backticks', () => {
    let titles = 0;
    for (const { name, analysis } of analysed) {
      const actions = [...analysis.findings.flatMap((found) => quickFixes(analysis, found.finding.range)), fixAllQuickFix(analysis)];
      for (const action of actions) {
        if (!action) continue;
        titles++;
        assert.doesNotMatch(action.title, /`/, `${name}: ${action.title}`);
      }
    }
    assert.ok(titles > 100, `only ${titles} titles`);
  });

  test(`messages fit a Problems panel row (at most ${MAX_MESSAGE_LENGTH} characters)`, () => {
    for (const { name, analysis } of analysed) {
      for (const diagnostic of diagnosticsOf(analysis)) {
        assert.ok(diagnostic.message.length <= MAX_MESSAGE_LENGTH, `${name}: ${diagnostic.code} (${diagnostic.message.length}): ${diagnostic.message}`);
      }
    }
  });

  test("related information never points at the diagnostic's own line", () => {
    for (const { name, analysis } of analysed) {
      for (const diagnostic of diagnosticsOf(analysis)) {
        for (const related of diagnostic.related ?? []) {
          assert.notEqual(related.range.start.line, diagnostic.range.start.line, `${name}: ${diagnostic.code} ${related.message}`);
        }
      }
    }
  });
});

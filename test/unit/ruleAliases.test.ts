/**
 * Old rule ids (`agent/...`, Tingyun's config rules before every agent had its own prefix) keep working in the
 * `pydeploy.rules` setting, in `[tool.pydeploy]` rules and in suppression comments, and pydeploy/unknown-rule
 * does not report them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { readProjectSettings, readSettings } from '../../server/src/features/settings';
import { RULE_ALIASES, canonicalRuleId } from '../../server/src/model/ruleAliases';
import { RULES, ruleById } from '../../server/src/rules/registry';

const MISSPELT = '[tingyun]\nlicence_key = abc\nlicense_key = 0123-abcd\n';

function codes(text: string, settings = {}): string[] {
  const analysis = analyze('/project/tingyun.ini', text, settings);
  assert.ok(analysis);
  return diagnosticsOf(analysis).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code}`);
}

describe('rule aliases', () => {
  test('each alias names a rule that exists, is no rule id itself, and keeps the name after the prefix', () => {
    assert.equal(Object.keys(RULE_ALIASES).length, 7);
    for (const [alias, id] of Object.entries(RULE_ALIASES)) {
      assert.ok(ruleById(id), `${alias} → ${id}`);
      assert.equal(ruleById(alias), undefined);
      assert.equal(alias.replace(/^agent\//, 'tingyun/'), id);
    }
    // Every Tingyun config rule has its old id as an alias.
    assert.deepEqual(RULES.filter((rule) => rule.id.startsWith('tingyun/')).map((rule) => canonicalRuleId(rule.id.replace('tingyun/', 'agent/'))), RULES.filter((rule) => rule.id.startsWith('tingyun/')).map((rule) => rule.id));
    assert.equal(canonicalRuleId('uwsgi/lazy-apps'), 'uwsgi/lazy-apps');
    assert.equal(canonicalRuleId('constructor'), 'constructor');
  });

  test('in a suppression comment, with no pydeploy/unknown-rule finding', () => {
    assert.deepEqual(codes(MISSPELT), ['1:0 warning tingyun/unknown-option']);
    assert.deepEqual(codes(`; pydeploy: disable=agent/unknown-option\n${MISSPELT}`), []);
    assert.deepEqual(codes(MISSPELT.replace('[tingyun]\n', '[tingyun]\n# pydeploy: disable-next-line=agent/unknown-option\n')), []);
    // A misspelt old id is still reported, and the fix offers the current id.
    assert.deepEqual(codes(`; pydeploy: disable=agent/unknown-optoin\n${MISSPELT}`), ['0:20 warning pydeploy/unknown-rule', '2:0 warning tingyun/unknown-option']);
  });

  test('in the editor settings and in [tool.pydeploy] rules; the current id wins when both are set', () => {
    assert.deepEqual(readSettings({ rules: { 'agent/unknown-option': 'off' } }).rules, { 'tingyun/unknown-option': 'off' });
    assert.deepEqual(readSettings({ rules: { 'agent/unknown-option': 'off', 'tingyun/unknown-option': 'hint' } }).rules, { 'tingyun/unknown-option': 'hint' });
    assert.deepEqual(codes(MISSPELT, readSettings({ rules: { 'agent/unknown-option': 'error' } })), ['1:0 error tingyun/unknown-option']);
    const project = readProjectSettings('/p/pyproject.toml', '[tool.pydeploy]\nrules = { "agent/unknown-option" = "off", "agent/no-such" = "off" }\n');
    assert.deepEqual(project?.settings.rules, { 'tingyun/unknown-option': 'off' });
    assert.deepEqual(project?.problems, ["rules: unknown rule 'agent/no-such'"]);
  });
});

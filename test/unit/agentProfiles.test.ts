import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT_PROFILES, UNNAMED_AGENT, agentProfile } from '../../server/src/knowledge/agents';
import { consequences } from '../../server/src/rules/agentNeeds';
import { renderText } from '../../server/src/l10n/message';
import { RULES } from '../../server/src/rules/registry';
import { MESSAGES } from '../../server/src/l10n/messages';
import { AnalysisSettings, analyze } from '../../server/src/features/analysis';

test('every agent profile is complete: id, name, docs, a way to be found, and requirements with evidence', () => {
  const ids = new Set<string>();
  for (const profile of AGENT_PROFILES) {
    assert.match(profile.id, /^[a-z]+$/, profile.id);
    assert.ok(!ids.has(profile.id), `${profile.id} twice`);
    ids.add(profile.id);
    assert.ok(profile.name.trim() !== '', profile.id);
    assert.match(profile.docs, /^https:\/\//, profile.id);
    const { signals } = profile;
    const ways = signals.packages.length + signals.configFiles.length + signals.environment.length + signals.environmentPrefixes.length + signals.wrappers.length + signals.uwsgiImports.length + signals.code.length;
    assert.ok(ways > 0, `${profile.id}: nothing shows the agent is used`);
    assert.ok(profile.requirements.length > 0, `${profile.id}: no requirement`);
    for (const requirement of profile.requirements) {
      const where = `${profile.id} ${requirement.need}`;
      assert.ok(requirement.evidence.length > 0, `${where}: no evidence`);
      for (const evidence of requirement.evidence) assert.match(evidence.source, /^https:\/\/|^[\w.-]+\/[\w.-]+@[\w.-]+:/, `${where}: ${evidence.source}`);
      // The consequence is a catalogue message: an English and a Chinese clause, each naming the agent, nothing else.
      const consequence: { en: string; 'zh-cn'?: string } = MESSAGES[requirement.consequence];
      const chinese = consequence['zh-cn'] ?? '';
      for (const text of [consequence.en, chinese]) {
        assert.deepEqual([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]), ['agent'], `${where}: ${text} does not name the agent once`);
        assert.doesNotMatch(text, /[.。]$/, `${where}: a consequence is a clause, without a full stop`);
      }
      assert.match(chinese, /[\u4e00-\u9fff]/, `${where}: no Chinese text`);
    }
  }
});

test('every need a profile cites is read by a rule of the registry', () => {
  const read = new Set(RULES.flatMap((rule) => rule.needs ?? []));
  const unread = [...AGENT_PROFILES, UNNAMED_AGENT].flatMap((profile) => profile.requirements.filter((requirement) => !read.has(requirement.need)).map((requirement) => `${profile.id}: ${requirement.need}`));
  assert.deepEqual(unread, []);
});

test('the unnamed agent keeps the first requirements and their severities', () => {
  assert.deepEqual(
    UNNAMED_AGENT.requirements.map((requirement) => `${requirement.need} ${requirement.impact}`),
    ['uwsgi-threads breaks', 'uwsgi-single-interpreter degrades', 'uwsgi-lazy-apps degrades', 'gunicorn-no-preload degrades', 'tornado-wsgi-adapter-mode degrades', 'tornado-version degrades'],
  );
});

test("an agent's own config rules are quiet when the agents named in the settings leave that agent out", () => {
  const text = '[tingyun]\nlicense_key = 1234567890abcdef\nlog_levle = debug\n';
  const codes = (settings: AnalysisSettings) => (analyze('/p/tingyun.ini', text, settings)?.findings ?? []).map(({ rule }) => rule.id);
  assert.deepEqual(codes({}), ['tingyun/unknown-option']);
  assert.deepEqual(codes({ agents: ['tingyun', 'sentry'] }), ['tingyun/unknown-option']);
  assert.deepEqual(codes({ agents: ['datadog'] }), []);
});

test("the consequences of a need, one clause per agent (all three break here, so in the order given), in each language with the agents' names in it", () => {
  const holders = [agentProfile('tingyun'), agentProfile('datadog'), UNNAMED_AGENT].map((profile) => {
    const requirement = profile?.requirements.find((each) => each.need === 'uwsgi-threads');
    assert.ok(profile && requirement);
    return { agent: { profile, signals: [] }, requirement };
  });
  const said = consequences(holders);
  assert.equal(renderText(said, 'en'), "Tingyun's reporting thread never runs; Datadog's tracer does not start (ddtrace's uWSGI check fails); the APM agent's reporting thread never runs");
  assert.equal(renderText(said, 'zh-cn'), '听云的上报线程永远不会运行；Datadog的追踪器（tracer）不会启动（ddtrace 对 uWSGI 配置的检查不通过）；APM 探针的上报线程永远不会运行');
});

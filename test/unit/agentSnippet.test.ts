import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { AGENT_OPTIONS } from '../../server/src/knowledge/agent/options';
import { expandSnippet } from '../helpers/snippets';

const snippets = JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'tingyun-ini.json'), 'utf8'));

test('the tingyun.ini snippet: every [tingyun] option at its default, and no error or warning as expanded', () => {
  const snippet = snippets['tingyun.ini skeleton'];
  const text = expandSnippet(snippet.body.join('\n'));
  const analysis = analyze('/project/tingyun.ini', text)!;
  const sections = analysis.document.kind === 'agent-ini' ? analysis.document.agent.sections : [];
  const keys = sections.flatMap((section) => section.entries.map((entry) => `${section.name}/${entry.key}=${entry.value}`));
  for (const facts of AGENT_OPTIONS.filter((o) => o.section === 'tingyun' && !o.later && o.name !== 'license_key' && o.name !== 'log_file')) {
    const written = facts.kind === 'bool' || facts.kind === 'log-level' ? facts.default.toLowerCase() : facts.default;
    assert.ok(keys.includes(`tingyun/${facts.name}=${written}`), `${facts.name} at its default ${facts.default}: ${keys.join(' ')}`);
  }
  assert.match(text, /; .*tornado\.wsgi\.WSGIAdapter/);
  assert.match(text, /^license_key = license-key-from-your-tingyun-account$/m);
  assert.deepEqual(diagnosticsOf(analysis).filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
});

test('the tingyun.ini snippet: its tornado_wsgi_adapter_mode choice (false, then true) reaches the agent as written', () => {
  const body: string = snippets['tingyun.ini skeleton'].body.join('\n');
  assert.match(body, /^tornado_wsgi_adapter_mode = \$\{\d+\|false,true\|\}$/m);
  for (const choice of ['false', 'true']) {
    const text = expandSnippet(body.replace(/^(tornado_wsgi_adapter_mode = )\$\{(\d+)\|false,true\|\}$/m, `$1\${$2:${choice}}`));
    const analysis = analyze('/project/tingyun.ini', text)!;
    assert.ok(analysis.document.kind === 'agent-ini');
    const main = analysis.document.agent.sections.find((section) => section.name === 'tingyun');
    assert.equal(main?.entries.find((entry) => entry.key === 'tornado_wsgi_adapter_mode')?.value, choice);
    assert.deepEqual(diagnosticsOf(analysis).map((d) => d.code), []);
  }
});

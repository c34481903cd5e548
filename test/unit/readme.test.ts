import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withCurrentRules } from '../../scripts/readmeRules';
import { RULES } from '../../server/src/rules/registry';

test('the README lists exactly the rules of the registry (run `npm run generate` after changing one)', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  assert.equal(readme, withCurrentRules(readme));
  for (const rule of RULES) assert.ok(readme.includes(`| \`${rule.id}\` | ${rule.defaultSeverity} |`), rule.id);
});

test('rule ids are unique and name their family', () => {
  const ids = RULES.map((rule) => rule.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const rule of RULES) assert.match(rule.id, /^(uwsgi|gunicorn|agent|tornado|launch|pydeploy)\/[a-z-]+$/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { README_FILES, withCurrentRules } from '../../scripts/readmeRules';
import { RULES } from '../../server/src/rules/registry';

const ROOT = join(__dirname, '..', '..');

for (const name of README_FILES) {
  test(`${name} lists exactly the rules of the registry (run \`npm run generate\` after changing one)`, () => {
    const readme = readFileSync(join(ROOT, name), 'utf8');
    assert.equal(readme, withCurrentRules(readme));
    for (const rule of RULES) assert.ok(readme.includes(`| \`${rule.id}\` | ${rule.defaultSeverity} |`), rule.id);
  });
}

test('MARKETPLACE.md, the README of the .vsix, names every setting, the Fix all command and source.fixAll.pydeploy for codeActionsOnSave', () => {
  const marketplace = readFileSync(join(ROOT, 'MARKETPLACE.md'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    contributes: { configuration: { properties: Record<string, unknown> }; commands: { command: string; title: string; category: string }[] };
  };
  for (const setting of Object.keys(manifest.contributes.configuration.properties)) assert.ok(marketplace.includes(`| \`${setting}\` |`), setting);
  // Titles are `%key%` references to package.nls.json, the English text VS Code shows by default.
  const english = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const fixAll = manifest.contributes.commands.find((command) => command.command === 'pydeploy.fixAll');
  assert.equal(fixAll && `${fixAll.category}: ${english[fixAll.title.slice(1, -1)]}`, 'pydeploy: Fix all problems');
  assert.ok(marketplace.includes('**pydeploy: Fix all problems**'), 'the command');
  assert.ok(marketplace.includes('"editor.codeActionsOnSave": { "source.fixAll.pydeploy": "explicit" }'), 'codeActionsOnSave');
  assert.match(manifest.scripts.package, /--readme-path MARKETPLACE\.md/);
  for (const [, image] of marketplace.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) assert.ok(existsSync(join(ROOT, image)), image);
});

test('rule ids are unique and name their family', () => {
  const ids = RULES.map((rule) => rule.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const rule of RULES) assert.match(rule.id, /^(uwsgi|gunicorn|tingyun|newrelic|prometheus|tornado|launch|pydeploy)\/[a-z-]+$/);
});

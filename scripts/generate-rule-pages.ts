// Writes one documentation page per rule, and their index, from the rule registry into out/rules/ (see
// server/src/rules/rulePages.ts), in every language: English at the top, each other language in its own folder
// (out/rules/zh-cn/). Run by `npm run build`, so the pages shipped in the .vsix are never stale.
//   node --import tsx scripts/generate-rule-pages.ts [ROOT]   (ROOT: where out/rules goes; the repository by default)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RULES } from '../server/src/rules/registry';
import { RULE_PAGES_FOLDER, ruleIndexPath, rulePagePath } from '../server/src/rules/rulePages';
import { ruleIndexMarkdown, rulePageMarkdown } from '../server/src/features/rulePageText';
import { LOCALES } from '../server/src/l10n/locale';

const root = process.argv[2] ?? join(__dirname, '..');
rmSync(join(root, RULE_PAGES_FOLDER), { recursive: true, force: true });
const pages = new Map<string, string>(
  LOCALES.flatMap((locale) => [
    [ruleIndexPath(locale), ruleIndexMarkdown(RULES, locale)] as const,
    ...RULES.map((rule) => [rulePagePath(rule.id, locale), rulePageMarkdown(rule, locale)] as const),
  ]),
);
for (const [path, text] of pages) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
console.log(`${RULE_PAGES_FOLDER}: ${RULES.length} rule pages and the index, in ${LOCALES.join(', ')}`);

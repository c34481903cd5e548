// Rewrites the rule lists of README.md and MARKETPLACE.md from the rule registry: `npm run generate`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { README_FILES, withCurrentRules } from './readmeRules';

for (const name of README_FILES) {
  const path = join(__dirname, '..', name);
  writeFileSync(path, withCurrentRules(readFileSync(path, 'utf8')));
  console.log(`${name}: rule list updated`);
}

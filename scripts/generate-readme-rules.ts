// Rewrites the rule list in README.md from the rule registry: `npm run generate`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withCurrentRules } from './readmeRules';

const path = join(__dirname, '..', 'README.md');
writeFileSync(path, withCurrentRules(readFileSync(path, 'utf8')));
console.log('README.md: rule list updated');

// The real-world launch files of test/corpus/launch (MANIFEST.tsv), each analysed alone at the path its repository
// keeps it: every finding is pinned in FINDINGS.tsv, and each was read by a person once (no false alarm among them:
// the uWSGI launches that name no ini and set no agent flag, `--preload` lines, async workers; an ini named by a
// launch is not in this corpus, so it is said once that it is not read).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

const FOLDER = join(__dirname, '..', 'corpus', 'launch');

function rows(file: string): string[][] {
  const [, ...lines] = readFileSync(join(FOLDER, file), 'utf8').trim().split('\n');
  return lines.map((line) => line.split('\t'));
}

test('every finding on the real-world launch files is the pinned one', () => {
  const found: string[] = [];
  for (const [local, , pathInRepo] of rows('MANIFEST.tsv')) {
    const path = `/project/${pathInRepo}`;
    const text = readFileSync(join(FOLDER, local), 'utf8');
    const analysis = analyze(path, text, {}, memoryWorkspace({ [path]: text }));
    for (const diagnostic of analysis ? diagnosticsOf(analysis) : []) {
      found.push([local, diagnostic.range.start.line + 1, diagnostic.range.start.character + 1, diagnostic.severity, diagnostic.code].join('\t'));
    }
  }
  assert.deepEqual(found, rows('FINDINGS.tsv').map((row) => row.join('\t')));
});

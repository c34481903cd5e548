// Every real-world gunicorn config of the corpus (test/corpus/gunicorn) goes through the analysis: the only
// unknown-setting / invalid-value findings are the real mistakes, each checked by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/features/analysis';

const CORPUS = join(__dirname, '..', 'corpus', 'gunicorn');

/** `file:line name` of each real mistake: the corpus README's list, plus `worker = 3` (for `workers`), which Gunicorn ignores too. */
const REAL_MISTAKES = [
  '015-13033266796-Flask_demo-gunicorn_config.py:7 debug',
  '031-9Echo-single-gc-goods-allocation-gunicorn_config.py:28 debug',
  '032-A-Chrysand-Falcon_FileSharer-gunicorn_conf.py:10 debug',
  '061-Coder-Chandler-webbbs-gunicorn.config.py:3 pid',
  '069-Foreverjie-payApp-gunicorn.config.py:2 pid',
  '074-GlobalFinPrint-global_finprint-gunicorn.conf.py:1 name',
  '078-HRLO77-snekbox-for-codejam-gunicorn.conf.py:4 access_logformat',
  '078-HRLO77-snekbox-for-codejam-gunicorn.conf.py:5 access_logfile',
  '082-Lactantius-agnosis-backend-gunicorn.config.py:7 timout',
  '083-LeungEr-flask_movies-gunicorn.config.py:2 pid',
  '087-Neeraj319-codeshare-gunicorn.config.py:3 name',
  '090-SuLab-mark2cure-gunicorn.conf.py:5 worker',
];

test('the real-world corpus: findings only on the real mistakes', () => {
  const files = readdirSync(CORPUS).filter((name) => name.endsWith('.py'));
  assert.equal(files.length, 90);
  const found: string[] = [];
  for (const file of files.sort()) {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    // Corpus names carry a prefix; analyse each under the name projects give it.
    const analysis = analyze('/project/gunicorn.conf.py', text);
    assert.ok(analysis, file);
    for (const { rule, finding } of analysis.findings) {
      if (rule.id !== 'gunicorn/unknown-setting' && rule.id !== 'gunicorn/invalid-value') continue;
      const { start, end } = finding.range;
      const lineText = text.split(/\r\n|\n|\r/)[start.line];
      found.push(`${file}:${start.line + 1} ${lineText.slice(start.character, end.character)}`);
    }
  }
  assert.deepEqual(found, REAL_MISTAKES);
});

test('the real-world corpus: preload_app = True is found in the 7 files that set it', () => {
  let count = 0;
  for (const file of readdirSync(CORPUS).filter((name) => name.endsWith('.py'))) {
    const analysis = analyze('/project/gunicorn.conf.py', readFileSync(join(CORPUS, file), 'utf8'));
    count += analysis?.findings.filter(({ rule }) => rule.id === 'gunicorn/preload-app').length ?? 0;
  }
  assert.equal(count, 7);
});

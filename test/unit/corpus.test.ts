import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { fixAll, fixAllText } from '../../server/src/features/codeActions';
import { applyTextEdits } from '../../server/src/text/edits';
import { comparePositions } from '../../server/src/text/lineIndex';
import { parseIni, sectionsNamed } from '../../server/src/parse/uwsgiIni';

/** Real-world configs kept in the repository (test/corpus, with their sources in MANIFEST.tsv). */
const corpus = join(__dirname, '..', 'corpus', 'uwsgi');
const files = readdirSync(corpus).filter((name) => name.endsWith('.ini'));

test('real-world uWSGI configs: only findings uWSGI 2.0.21 itself would bear out', () => {
  assert.ok(files.length >= 100, `expected the corpus's ini files, found ${files.length}`);
  for (const name of files) {
    const text = readFileSync(join(corpus, name), 'utf8').replace(/^\uFEFF/, '');
    const analysis = analyze(name, text);
    if (!analysis) continue;
    const uwsgi = sectionsNamed(parseIni(text), 'uwsgi').flatMap((section) => section.entries);
    const keys = new Set(uwsgi.map((entry) => entry.key));
    for (const diagnostic of diagnosticsOf(analysis)) {
      // Each finding must match what the file really holds, checked here independently of the rules.
      if (diagnostic.code === 'uwsgi/enable-threads') {
        assert.ok(!keys.has('threads'), `${name}: threads is set, so uWSGI turns thread support on`);
        const last = uwsgi.filter((entry) => entry.key === 'enable-threads').pop();
        assert.ok(!last || /^(false|off|no|0)$/i.test(last.value), `${name}: enable-threads = ${last?.value} is on`);
      }
      if (diagnostic.code === 'uwsgi/lazy-apps') assert.ok(!(keys.has('lazy') && !/^(false|off|no|0)$/i.test(uwsgi.filter((e) => e.key === 'lazy').pop()?.value ?? '')), name);
    }
  }
});

test('real-world uWSGI configs: fix-all keeps every line it does not fix, and a second run changes nothing', () => {
  for (const name of files) {
    const text = readFileSync(join(corpus, name), 'utf8').replace(/^\uFEFF/, '');
    const analysis = analyze(name, text);
    const action = analysis && fixAll(analysis);
    const fixed = action ? applyTextEdits(text, action.edits) : text;
    // Every line no edit touches is still there, in order: fixes change only what they mean to.
    const touched = new Set((action?.edits ?? []).filter((edit) => comparePositions(edit.range.start, edit.range.end) !== 0).map((edit) => edit.range.start.line));
    const before = text.split(/\r?\n/).filter((_, line) => !touched.has(line));
    const after = fixed.split(/\r?\n/);
    let cursor = 0;
    for (const line of before) {
      while (cursor < after.length && after[cursor] !== line) cursor++;
      assert.ok(cursor < after.length, `${name}: line lost: ${line}`);
      cursor++;
    }
    assert.equal(fixAllText(name, fixed), fixed, name);
  }
});

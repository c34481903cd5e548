import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { documentSymbols, PydeploySymbol } from '../../server/src/features/symbols';
import { definitionAt } from '../../server/src/features/navigation';
import { fixAll, quickFixes } from '../../server/src/features/codeActions';
import { assertValidRange, contentOf, linesWithEnds } from '../helpers/documentText';
import { Case, analyzeChecked, workspaceOf, withoutRuleFailures } from './harness';
import {
  CorpusKind,
  PATH_OF_KIND,
  agentText,
  newRelicText,
  assertProperty,
  gunicornText,
  launchFile,
  mutatedRealFile,
  optionLaunchFile,
  requirementFile,
  surroundings,
  uwsgiText,
} from './generators';

const RUNS = 250;

/** Positions anywhere in the text, as an editor may send them: on every line, at any column of it. */
const positionSeeds = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 });

function assertSymbolsInside(lines: string[], symbols: readonly PydeploySymbol[]): void {
  for (const symbol of symbols) {
    assertValidRange(lines, symbol.range, `symbol ${symbol.name} range`);
    assertValidRange(lines, symbol.selectionRange, `symbol ${symbol.name} selectionRange`);
    assertSymbolsInside(lines, symbol.children ?? []);
  }
}

/**
 * The properties every analysed file must have: no rule throws, it finishes (no hang), every range it reports
 * (diagnostics, related locations, symbols, hovers, completions, definitions, fix edits) lies inside its file.
 */
function checkCase({ path, files }: Case, seeds: ReadonlyArray<[number, number]>): void {
  const text = files[path];
  const workspace = workspaceOf(files);
  const analysis = analyzeChecked(path, text, workspace);
  if (!analysis) return;
  const lines = linesWithEnds(text);
  for (const diagnostic of diagnosticsOf(analysis)) {
    assertValidRange(lines, diagnostic.range, `${diagnostic.code} range`);
    for (const related of diagnostic.related ?? []) {
      // A related place in another file (the launch that overrides a value) lies inside that file.
      const relatedText = related.path === undefined ? text : files[related.path];
      assert.ok(relatedText !== undefined, `${diagnostic.code} related location in ${related.path}, which is not in the workspace`);
      assertValidRange(linesWithEnds(relatedText), related.range, `${diagnostic.code} related range`);
    }
  }
  withoutRuleFailures(() => {
    const document = analysis.document;
    assertSymbolsInside(lines, documentSymbols(document));
    for (const [lineSeed, characterSeed] of seeds) {
      const line = lineSeed % lines.length;
      const position = { line, character: characterSeed % (contentOf(lines[line]).length + 1) };
      const hover = hoverAt(document, position);
      if (hover) assertValidRange(lines, hover.range, 'hover range');
      for (const completion of completionsAt(document, position)) assertValidRange(lines, completion.range, `completion ${completion.label} range`);
      const target = definitionAt(document, position);
      if (target) {
        const targetText = target.path === path ? text : files[target.path];
        assert.ok(targetText !== undefined, `definition in ${target.path}, which is not in the workspace`);
        assertValidRange(linesWithEnds(targetText), target.range, 'definition range');
      }
    }
    for (const found of analysis.findings) {
      for (const action of quickFixes(analysis, found.finding.range)) {
        for (const edit of action.edits) assertValidRange(lines, edit.range, `edit of "${action.title}"`);
        for (const other of action.otherEdits) {
          const otherText = files[other.path];
          assert.ok(otherText !== undefined, `"${action.title}" edits ${other.path}, which is not in the workspace`);
          for (const edit of other.edits) assertValidRange(linesWithEnds(otherText), edit.range, `edit of "${action.title}" in ${other.path}`);
        }
      }
    }
    fixAll(analysis);
  });
}

const generatedCases: Record<string, fc.Arbitrary<Case>> = {
  'uWSGI ini': fc.tuple(uwsgiText, surroundings, fc.constantFrom('/project/uwsgi.ini', '/project/app.ini', '/project/deploy/uwsgi-prod.ini')).map(([text, files, path]) => ({ path, files: { ...files, [path]: text } })),
  'Gunicorn config': fc.tuple(gunicornText, surroundings).map(([text, files]) => ({ path: '/project/gunicorn.conf.py', files: { ...files, '/project/gunicorn.conf.py': text } })),
  'agent tingyun.ini': fc.tuple(agentText, fc.constantFrom('/project/tingyun.ini', '/project/conf/apm.ini')).map(([text, path]) => ({ path, files: { [path]: text } })),
  'New Relic newrelic.ini': fc.tuple(newRelicText, fc.constantFrom('/project/newrelic.ini', '/project/conf/newrelic-prod.ini')).map(([text, path]) => ({ path, files: { [path]: text } })),
  'requirement file': requirementFile.map((file) => ({ path: file.path, files: { [file.path]: file.text } })),
  'launch file': fc.tuple(launchFile, surroundings).map(([file, files]) => ({ path: file.path, files: { ...files, [file.path]: file.text } })),
  'launch file with server options': fc.tuple(optionLaunchFile, surroundings).map(([file, files]) => ({ path: file.path, files: { ...files, [file.path]: file.text } })),
};

describe('analysis of generated configs never throws, ends, and reports ranges inside the file', () => {
  for (const [name, arbitrary] of Object.entries(generatedCases)) {
    test(name, () => {
      assertProperty(fc.property(arbitrary, positionSeeds, (generated, seeds) => checkCase(generated, seeds)), RUNS);
    });
  }
});

describe('analysis of mutated real-world configs never throws, ends, and reports ranges inside the file', () => {
  const kinds: CorpusKind[] = ['uwsgi', 'gunicorn', 'agent', 'requirements'];
  for (const kind of kinds) {
    test(kind, () => {
      const path = PATH_OF_KIND[kind];
      const arbitrary = fc.tuple(mutatedRealFile(kind), surroundings).map(([text, files]) => ({ path, files: { ...files, [path]: text } }));
      assertProperty(fc.property(arbitrary, positionSeeds, (generated, seeds) => checkCase(generated, seeds)), RUNS);
    });
  }
});

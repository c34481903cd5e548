import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/text/lineIndex';
import { TextEdit, applyTextEdits, composeTextEdits } from '../../server/src/text/edits';
import { assertProperty } from './generators';

/** Texts of a few characters, line breaks of every kind among them, so that edits meet at line ends too. */
const smallText = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', '=', ';'), { maxLength: 30 }).map((parts) => parts.join(''));

/** Non-overlapping edits of a text (they may touch), in order, an insertion before a replacement at the same point. */
function editsOf(text: string): fc.Arbitrary<TextEdit[]> {
  const index = new LineIndex(text);
  // Offsets at line boundaries only between characters an editor can put a cursor between (never inside a CRLF).
  const offsets = [...Array(text.length + 1).keys()].filter((offset) => !(text[offset - 1] === '\r' && text[offset] === '\n'));
  return fc
    .array(fc.tuple(fc.constantFrom(...offsets), fc.constantFrom(...offsets), fc.constantFrom('', 'x', 'yz', '\n', 'k = v\n', '\r\n')), { maxLength: 5 })
    .map((raw) => {
      const sorted = raw.map(([a, b, newText]) => ({ start: Math.min(a, b), end: Math.max(a, b), newText })).sort((x, y) => x.start - y.start || x.end - y.end);
      const kept: typeof sorted = [];
      for (const edit of sorted) if (kept.length === 0 || edit.start >= kept[kept.length - 1].end) kept.push(edit);
      return kept.map(({ start, end, newText }) => ({ range: { start: index.positionAt(start), end: index.positionAt(end) }, newText }));
    });
}

describe('composeTextEdits', () => {
  test('gives what the two sets of edits give one after the other', () => {
    assertProperty(
      fc.property(
        smallText.chain((text) => editsOf(text).map((first) => ({ text, first }))).chain(({ text, first }) => {
          const intermediate = applyTextEdits(text, first);
          return editsOf(intermediate).map((second) => ({ text, first, second, intermediate }));
        }),
        ({ text, first, second, intermediate }) => {
          const composed = composeTextEdits(text, first, second);
          assert.equal(applyTextEdits(text, composed), applyTextEdits(intermediate, second));
        },
      ),
      2000,
      0.5,
    );
  });

  test('keeps an edit of the second set that only touches one of the first as an edit of its own', () => {
    // Fix all on an agent config: a header added before line 0, then the key on line 0 renamed.
    const text = 'licence_key = x\n';
    const first = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '[tingyun]\n' }];
    const second = [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } }, newText: 'license_key' }];
    assert.deepEqual(composeTextEdits(text, first, second), [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '[tingyun]\n' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } }, newText: 'license_key' },
    ]);
  });

  test('merges an edit of the second set into the text of the first it lies in', () => {
    const text = 'a\n';
    const first = [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'lazy = true\n' }];
    const second = [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, newText: 'lazy-apps' }];
    assert.deepEqual(composeTextEdits(text, first, second), [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'lazy-apps = true\n' },
    ]);
  });
});

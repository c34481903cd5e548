import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/text/lineIndex';
import { applyTextEdits } from '../../server/src/text/edits';

test('splits lines at LF, CRLF and a lone CR as LSP clients do', () => {
  const index = new LineIndex('a\nbb\r\nccc\rd');
  assert.equal(index.lineCount, 4);
  assert.deepEqual([0, 1, 2, 3].map((line) => index.lineText(line)), ['a', 'bb', 'ccc', 'd']);
  assert.equal(index.eol, '\n');
  assert.equal(new LineIndex('x\r\ny\n').eol, '\r\n');
  assert.equal(new LineIndex('no break').eol, '\n');
});

test('converts offsets and positions both ways, clamping to the line content', () => {
  const index = new LineIndex('ab\r\ncd');
  assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
  assert.equal(index.offsetAt({ line: 0, character: 10 }), 2, 'a column past the end stops before CRLF');
  assert.equal(index.offsetAt({ line: 5, character: 0 }), 6);
});

test('counts columns in UTF-16 code units', () => {
  const index = new LineIndex('k = 😀x');
  assert.deepEqual(index.positionAt('k = 😀'.length), { line: 0, character: 6 });
});

test('knows whether the text ends with a line break', () => {
  assert.equal(new LineIndex('a\n').endsWithLineBreak, true);
  assert.equal(new LineIndex('a').endsWithLineBreak, false);
  assert.equal(new LineIndex('').endsWithLineBreak, false);
});

test('applies edits in position order and keeps insertions at one point in the order given', () => {
  const text = 'one\ntwo\n';
  const at = { line: 1, character: 0 };
  const result = applyTextEdits(text, [
    { range: { start: at, end: at }, newText: 'b\n' },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: 'ONE' },
    { range: { start: at, end: at }, newText: 'c\n' },
  ]);
  assert.equal(result, 'ONE\nb\nc\ntwo\n');
});

test('refuses overlapping edits instead of corrupting the text', () => {
  const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } };
  assert.throws(() => applyTextEdits('abc', [{ range: r, newText: 'x' }, { range: { ...r, start: { line: 0, character: 1 } }, newText: 'y' }]));
});

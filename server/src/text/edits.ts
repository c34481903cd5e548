import { LineIndex, Range } from './lineIndex';

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * Applies non-overlapping edits to a text. Edits at the same position are applied in the order given,
 * so several insertions at one point come out in that order.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const ordered = edits
    .map((edit, order) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), edit, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const { start, end, edit } of ordered) {
    if (start < cursor) throw new Error(`overlapping edits at ${edit.range.start.line}:${edit.range.start.character}`);
    result += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return result + text.slice(cursor);
}

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

/** An edit by offsets into the text it applies to. */
interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function toOffsetEdits(text: string, edits: readonly TextEdit[]): OffsetEdit[] {
  const index = new LineIndex(text);
  return edits
    .map((edit, order) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), newText: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order)
    .map(({ start, end, newText }) => ({ start, end, newText }));
}

/**
 * One set of edits on `text` with the effect of `first`, then `second` (whose ranges refer to the text `first`
 * gives). An edit of `second` that falls between `first`'s edits (touching them at most) becomes an edit of its own;
 * one that overlaps the text an edit of `first` wrote is merged into it. So the edits stay as small as the two sets
 * were, and an editor can apply both passes of a fix at once.
 */
export function composeTextEdits(text: string, first: readonly TextEdit[], second: readonly TextEdit[]): TextEdit[] {
  const intermediate = applyTextEdits(text, first);
  const composed = toOffsetEdits(text, first);
  // Last first, so that what is composed so far maps the original onto a text that still equals `intermediate`
  // before the edit at hand (insertions at one point are taken in reverse, which keeps their order).
  const later = toOffsetEdits(intermediate, second).reverse();
  let current = intermediate;
  for (const edit of later) {
    // Where each composed edit's new text lies in the current text.
    let delta = 0;
    const placed = composed.map((composedEdit) => {
      const start = composedEdit.start + delta;
      delta += composedEdit.newText.length - (composedEdit.end - composedEdit.start);
      return { start, end: start + composedEdit.newText.length };
    });
    const touching = placed.flatMap((place, i) => (place.start < edit.end && edit.start < place.end ? [i] : []));
    // Edits whose text ends at or before an offset (a deletion right there counts as before it) shift it.
    const deltaBefore = (offset: number) =>
      composed.reduce((sum, composedEdit, i) => (placed[i].end <= offset && !touching.includes(i) ? sum + composedEdit.newText.length - (composedEdit.end - composedEdit.start) : sum), 0);
    if (touching.length === 0) {
      const shift = deltaBefore(edit.start);
      // Before the first edit whose text comes after it: an insertion right before an edit's text goes first.
      const at = placed.findIndex((place) => place.end > edit.start);
      composed.splice(at === -1 ? composed.length : at, 0, { start: edit.start - shift, end: edit.end - shift, newText: edit.newText });
    } else {
      const firstTouched = touching[0];
      const lastTouched = touching[touching.length - 1];
      const shift = deltaBefore(edit.start);
      const start = Math.min(composed[firstTouched].start, edit.start - shift);
      const endShift = shift + composed.slice(firstTouched, lastTouched + 1).reduce((sum, c) => sum + c.newText.length - (c.end - c.start), 0);
      const end = Math.max(composed[lastTouched].end, edit.end - endShift);
      const from = Math.min(placed[firstTouched].start, edit.start);
      const to = Math.max(placed[lastTouched].end, edit.end);
      const newText = current.slice(from, edit.start) + edit.newText + current.slice(edit.end, to);
      composed.splice(firstTouched, lastTouched - firstTouched + 1, { start, end, newText });
    }
    current = current.slice(0, edit.start) + edit.newText + current.slice(edit.end);
  }
  // Two passes that each removed the file's last line, with the line break before it, removed its last lines: one
  // deletion from a line break to the end, as one pass makes it (whole lines deleted elsewhere stay apart).
  const startsAtBreak = (edit: OffsetEdit) => edit.newText === '' && /[\r\n]/.test(text.charAt(edit.start));
  const merged = composed.map((edit) => ({ ...edit }));
  while (merged.length > 1) {
    const [previous, last] = merged.slice(-2);
    if (last.end !== text.length || !startsAtBreak(last) || !startsAtBreak(previous) || previous.end !== last.start) break;
    previous.end = last.end;
    merged.pop();
  }
  // Insertions at one point (a second pass adding an argument after the first pass's) are one insertion, in order.
  const joined: OffsetEdit[] = [];
  for (const edit of merged) {
    const previous = joined[joined.length - 1];
    if (previous && previous.start === edit.start && previous.end === previous.start && edit.end === edit.start) previous.newText += edit.newText;
    else joined.push(edit);
  }
  const index = new LineIndex(text);
  return joined.map(({ start, end, newText }) => ({ range: { start: index.positionAt(start), end: index.positionAt(end) }, newText }));
}

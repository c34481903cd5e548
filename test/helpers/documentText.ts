/**
 * Text helpers for tests that check the server's positions and edits: written from the LSP specification, not
 * from the server's LineIndex, so that a bug there cannot hide itself. Lines end at \r\n, \n or a lone \r.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** The lines of a text, each with its own terminator (the last one may have none): joined, they give the text back. */
export function linesWithEnds(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (code === 13 || code === 10) {
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

/** A line's terminator, '' for a last line without one. */
export function terminatorOf(line: string): string {
  return /\r\n$|\r$|\n$/.exec(line)?.[0] ?? '';
}

export function contentOf(line: string): string {
  return line.slice(0, line.length - terminatorOf(line).length);
}

export function endsWithLineBreak(text: string): boolean {
  return /[\r\n]$/.test(text);
}

/** Throws unless the position names a real place in the text (no clamping: the server must be exact). */
export function assertValidPosition(lines: readonly string[], position: Position, what = 'position'): void {
  const { line, character } = position;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0 || line >= lines.length) {
    throw new Error(`${what} ${JSON.stringify(position)} is outside a text of ${lines.length} lines`);
  }
  const length = contentOf(lines[line]).length;
  if (character > length) throw new Error(`${what} ${line}:${character} is past the end of line ${line} (length ${length})`);
}

export function assertValidRange(lines: readonly string[], range: Range, what = 'range'): void {
  assertValidPosition(lines, range.start, `${what} start`);
  assertValidPosition(lines, range.end, `${what} end`);
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
    throw new Error(`${what} ${JSON.stringify(range)} ends before it starts`);
  }
}

function offsetOf(lines: readonly string[], position: Position): number {
  assertValidPosition(lines, position, 'edit position');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length;
  return offset + position.character;
}

/**
 * Applies LSP text edits: every range refers to the original text, edits must not overlap (they may touch), and
 * several insertions at one position come out in array order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = linesWithEnds(text);
  const ordered = edits
    .map((edit, order) => ({ start: offsetOf(lines, edit.range.start), end: offsetOf(lines, edit.range.end), edit, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const { start, end, edit } of ordered) {
    if (end < start) throw new Error(`edit range ${JSON.stringify(edit.range)} ends before it starts`);
    if (start < cursor) throw new Error(`overlapping edits at ${edit.range.start.line}:${edit.range.start.character}`);
    result += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return result + text.slice(cursor);
}

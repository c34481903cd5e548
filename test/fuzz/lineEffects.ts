import { TextEdit, contentOf, linesWithEnds, terminatorOf } from '../helpers/documentText';

/**
 * What a fix may do to a file, line by line. Every edit a fix makes must be one of these shapes; anything else
 * (an edit that spans a line break and rewrites text, an insertion that splits a line, a line break of another
 * style than the file's) is a bug. Lines no edit names must come out byte-identical, terminator included.
 */
export type EditShape =
  /** New text inside one line's content; the line keeps its terminator. */
  | { kind: 'in-line'; line: number; start: number; end: number; newText: string }
  /** Whole new lines (each with the file's line ending) before a line, which is kept as it was. */
  | { kind: 'lines-before'; line: number; lines: string[] }
  /**
   * New lines after a line's content, each led by the file's line ending: the line keeps its content, the last new
   * line takes the old terminator (at the end of a file without a final newline, it stays without one).
   */
  | { kind: 'lines-after'; line: number; lines: string[] }
  /** A whole line and its break removed. */
  | { kind: 'delete-line'; line: number }
  /** The lines from `first` to the end removed with the break before them, so that no empty line is left behind. */
  | { kind: 'delete-last-lines'; first: number };

/** The line ending a fix must use for new lines: the file's first one, LF when it has none. */
export function fileEol(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}

/** Classifies one edit, or throws saying why it is none of the shapes a fix may have. */
export function shapeOf(text: string, lines: readonly string[], edit: TextEdit): EditShape {
  const { start, end } = edit.range;
  const eol = fileEol(text);
  const describe = () => `edit ${JSON.stringify(edit)}`;
  const hasBreak = /[\r\n]/.test(edit.newText);
  const lineLength = (line: number) => contentOf(lines[line]).length;
  if (edit.newText === '' && end.line === start.line + 1 && start.character === 0 && end.character === 0) return { kind: 'delete-line', line: start.line };
  if (edit.newText === '' && end.line > start.line && end.line === lines.length - 1 && start.character === lineLength(start.line) && end.character === lineLength(end.line)) {
    return { kind: 'delete-last-lines', first: start.line + 1 };
  }
  if (start.line === end.line && !hasBreak) return { kind: 'in-line', line: start.line, start: start.character, end: end.character, newText: edit.newText };
  const isInsertion = start.line === end.line && start.character === end.character;
  if (isInsertion && start.character === 0 && edit.newText.endsWith(eol)) {
    const added = linesWithEnds(edit.newText).slice(0, -1);
    if (added.every((line) => terminatorOf(line) === eol)) return { kind: 'lines-before', line: start.line, lines: added };
  }
  if (isInsertion && start.character === lineLength(start.line) && edit.newText.startsWith(eol) && !/[\r\n]$/.test(edit.newText)) {
    const added = linesWithEnds(edit.newText.slice(eol.length));
    if (added.slice(0, -1).every((line) => terminatorOf(line) === eol)) return { kind: 'lines-after', line: start.line, lines: added };
  }
  throw new Error(`${describe()} is neither a change inside one line, whole lines added in the file's line ending (${JSON.stringify(eol)}), nor a line removed`);
}

/**
 * The lines a text must have after edits of these shapes: built line by line from the original, independently of
 * any edit applier. Comparing it with the applied result proves the edits changed only what their shapes allow.
 */
export function expectedLines(text: string, shapes: readonly EditShape[]): string[] {
  const lines = linesWithEnds(text);
  const result: string[] = [];
  const deleted = new Set(shapes.flatMap((shape) => (shape.kind === 'delete-line' ? [shape.line] : [])));
  const tail = shapes.find((shape): shape is Extract<EditShape, { kind: 'delete-last-lines' }> => shape.kind === 'delete-last-lines')?.first ?? lines.length;
  for (let line = 0; line < lines.length; line++) {
    for (const shape of shapes) if (shape.kind === 'lines-before' && shape.line === line) result.push(...shape.lines);
    if (deleted.has(line) || line >= tail) continue;
    let content = contentOf(lines[line]);
    const inLine = shapes
      .filter((shape): shape is Extract<EditShape, { kind: 'in-line' }> => shape.kind === 'in-line' && shape.line === line)
      .sort((a, b) => b.start - a.start);
    for (const edit of inLine) content = content.slice(0, edit.start) + edit.newText + content.slice(edit.end);
    const terminator = line + 1 === tail ? '' : terminatorOf(lines[line]);
    const after = shapes.find((shape): shape is Extract<EditShape, { kind: 'lines-after' }> => shape.kind === 'lines-after' && shape.line === line);
    if (after) {
      result.push(content + fileEol(text), ...after.lines.slice(0, -1));
      result.push(after.lines[after.lines.length - 1] + terminator);
    } else result.push(content + terminator);
  }
  // A final empty "line" is no line: drop it so that both sides compare the same way.
  return result.join('') === '' ? [''] : linesWithEnds(result.join(''));
}

/** Positions as LSP counts them: 0-based lines, UTF-16 code units within a line (JavaScript string indices). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** True when the two ranges share at least one position (touching ends count, as editors treat a cursor). */
export function rangesTouch(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

export type LineEnding = '\n' | '\r\n' | '\r';

/**
 * Line starts of a text, splitting at \r\n, \n and a lone \r exactly as LSP clients do, so that every
 * position the core produces lands where the editor shows it. Built once per text in one linear pass.
 */
export class LineIndex {
  /**
   * Offsets of the line starts, in a typed array: numbers outside the garbage-collected heap, which a long file
   * would otherwise fill with one array slot per line that every young-generation collection copies.
   */
  private readonly starts: Int32Array;
  readonly lineCount: number;
  /** The line ending to use for new lines: the file's first one, LF for a file that has none. */
  readonly eol: LineEnding;

  constructor(readonly text: string) {
    let firstEol: LineEnding | undefined;
    let starts = new Int32Array(Math.min(64, text.length + 1));
    let count = 1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 13 /* \r */ && code !== 10 /* \n */) continue;
      if (code === 13) {
        const crlf = text.charCodeAt(i + 1) === 10;
        firstEol ??= crlf ? '\r\n' : '\r';
        if (crlf) i++;
      } else firstEol ??= '\n';
      if (count === starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = i + 1;
    }
    this.starts = starts;
    this.lineCount = count;
    this.eol = firstEol ?? '\n';
  }

  /** Offset of the first character of a line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.lineCount - 1))];
  }

  /** Offset just past the last character of a line, before its line break. */
  lineContentEnd(line: number): number {
    if (line >= this.lineCount - 1) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Offset of the start of the next line, or the end of the text for the last line. */
  lineEndIncludingBreak(line: number): number {
    return line >= this.lineCount - 1 ? this.text.length : this.starts[line + 1];
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineContentEnd(line));
  }

  /** Whether the text ends with a line break (a missing final newline must stay missing after edits). */
  get endsWithLineBreak(): boolean {
    const last = this.text.charCodeAt(this.text.length - 1);
    return last === 10 || last === 13;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset between the \r and \n of a CRLF (a parser that takes \r for whitespace ends a node there) is no
    // position an editor can show: it belongs to the end of the line's content.
    return { line: low, character: Math.min(clamped, this.lineContentEnd(low)) - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineCount) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineContentEnd(position.line));
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** The range of a whole line's content, without its line break. */
  lineRange(line: number): Range {
    const length = this.lineContentEnd(line) - this.lineStart(line);
    return range(line, 0, line, length);
  }
}

import { LineIndex, Range, range } from '../text/lineIndex';

/**
 * A lossless, ranged reading of an ini file the way uWSGI's own reader (core/ini.c) sees it:
 * one line at a time, leading/trailing spaces, tabs and CR stripped, `;`/`#` comment lines, `[name]`
 * headers whose name is the line minus its first and last character, and `key = value` split at the
 * first `=` (a line without `=` is a key with an empty value). No inline comments, no quoting, and
 * repeated keys are all kept. Never throws and runs in one linear pass over the text.
 */

export interface IniSectionHeader {
  kind: 'section';
  line: number;
  /** The section name exactly as uWSGI compares it. */
  name: string;
  /** The whole header, from `[` to its last character. */
  range: Range;
  nameRange: Range;
}

export interface IniEntry {
  kind: 'entry';
  line: number;
  key: string;
  value: string;
  readonly keyRange: Range;
  /** Where the value is; an empty range just after `=` (or after the key) when there is none. */
  readonly valueRange: Range;
  hasEquals: boolean;
  /** The leading white space of the line, reused when a fix adds a line beside this one. */
  readonly indent: string;
  /** The text between key and value, such as ` = ` or `=`. */
  readonly separator: string;
}

/**
 * An entry as read from its line. Only the columns of its key and value are kept; their ranges, the indent and
 * the separator are made when a rule or feature asks (for the few lines it reports on or fixes), so that a long
 * file costs a few numbers per line instead of six position objects and two strings.
 */
export class ScannedEntry implements IniEntry {
  readonly kind = 'entry';
  /** The last line of the value: an agent ini value may continue on the lines below (see parseAgentIni). */
  private valueEndLine: number;

  constructor(
    readonly line: number,
    public key: string,
    public value: string,
    readonly hasEquals: boolean,
    private readonly text: string,
    private readonly lineStart: number,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    private readonly valueStart: number,
    private valueEnd: number,
  ) {
    this.valueEndLine = line;
  }

  get keyRange(): Range {
    return range(this.line, this.keyStart, this.line, this.keyEnd);
  }

  get valueRange(): Range {
    return range(this.line, this.valueStart, this.valueEndLine, this.valueEnd);
  }

  get indent(): string {
    return this.text.slice(this.lineStart, this.lineStart + this.keyStart);
  }

  get separator(): string {
    return this.text.slice(this.lineStart + this.keyEnd, this.lineStart + this.valueStart);
  }

  /** Appends a continuation line to the value: its text, and the line and column where it ends. */
  continueValue(text: string, line: number, endCharacter: number): void {
    this.value = `${this.value}\n${text}`;
    this.valueEndLine = line;
    this.valueEnd = endCharacter;
  }
}

export interface IniComment {
  kind: 'comment';
  line: number;
  readonly range: Range;
  text: string;
}

/** A comment line as read: its columns, with the range made when asked for. */
export class ScannedComment implements IniComment {
  readonly kind = 'comment';

  constructor(
    readonly line: number,
    readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get range(): Range {
    return range(this.line, this.start, this.line, this.end);
  }
}

export interface IniBlank {
  kind: 'blank';
  line: number;
}

export type IniLine = IniSectionHeader | IniEntry | IniComment | IniBlank;

export interface IniSection {
  /** `''` for the lines before the first header, which uWSGI never reads. */
  name: string;
  header?: IniSectionHeader;
  entries: IniEntry[];
}

export interface IniDocument {
  index: LineIndex;
  lines: IniLine[];
  /** Every section in file order, the header-less preamble first; the same name may occur several times. */
  sections: IniSection[];
}

function isIniSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

export function parseIni(text: string): IniDocument {
  const index = new LineIndex(text);
  const lines: IniLine[] = [];
  let current: IniSection = { name: '', entries: [] };
  const sections: IniSection[] = [current];

  for (let line = 0; line < index.lineCount; line++) {
    const lineStart = index.lineStart(line);
    const lineEnd = index.lineContentEnd(line);
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isIniSpace(text.charCodeAt(start))) start++;
    while (end > start && isIniSpace(text.charCodeAt(end - 1))) end--;

    if (start === end) {
      lines.push({ kind: 'blank', line });
      continue;
    }
    const first = text.charCodeAt(start);
    if (first === 91 /* [ */) {
      const header: IniSectionHeader = {
        kind: 'section',
        line,
        name: text.slice(start + 1, Math.max(start + 1, end - 1)),
        range: range(line, start - lineStart, line, end - lineStart),
        nameRange: range(line, start + 1 - lineStart, line, Math.max(start + 1, end - 1) - lineStart),
      };
      lines.push(header);
      current = { name: header.name, header, entries: [] };
      sections.push(current);
      continue;
    }
    if (first === 59 /* ; */ || first === 35 /* # */) {
      lines.push(new ScannedComment(line, text.slice(start, end), start - lineStart, end - lineStart));
      continue;
    }

    const entry = readIniEntry(text, line, lineStart, start, end, (code) => code === 61 /* = */, isIniSpace);
    lines.push(entry);
    current.entries.push(entry);
  }
  return { index, lines, sections };
}

/**
 * One `key <delimiter> value` line, split at the first delimiter, with key and value stripped of `isSpace`
 * characters and a range for each. `start`/`end` are the offsets of the line's content without its outer
 * white space. A line without a delimiter is a key with an empty value (`hasEquals` false).
 */
export function readIniEntry(
  text: string,
  line: number,
  lineStart: number,
  start: number,
  end: number,
  isDelimiter: (code: number) => boolean,
  isSpace: (code: number) => boolean,
): ScannedEntry {
  let delimiter = start;
  while (delimiter < end && !isDelimiter(text.charCodeAt(delimiter))) delimiter++;
  const hasEquals = delimiter < end;
  let keyEnd = hasEquals ? delimiter : end;
  while (keyEnd > start && isSpace(text.charCodeAt(keyEnd - 1))) keyEnd--;
  let valueStart = hasEquals ? delimiter + 1 : end;
  while (valueStart < end && isSpace(text.charCodeAt(valueStart))) valueStart++;
  const valueEnd = hasEquals ? end : keyEnd;
  return new ScannedEntry(
    line,
    text.slice(start, keyEnd),
    text.slice(valueStart, end),
    hasEquals,
    text,
    lineStart,
    start - lineStart,
    keyEnd - lineStart,
    valueStart - lineStart,
    valueEnd - lineStart,
  );
}

/** The sections uWSGI reads for a requested name: every section with exactly that name, merged in file order. */
export function sectionsNamed(document: IniDocument, name: string): IniSection[] {
  return document.sections.filter((section) => section.header !== undefined && section.name === name);
}

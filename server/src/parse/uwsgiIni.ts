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

/** The shape every ini reader gives (uWSGI's and the agents'): lines, and sections in file order. */
export interface IniDocument {
  index: LineIndex;
  lines: IniLine[];
  /** Every section in file order, the header-less preamble first; the same name may occur several times. */
  sections: IniSection[];
}

function isIniSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

const BLANK = 0;
const HEADER = 1;
const COMMENT = 2;
const ENTRY = 3;
/** A line without `=`: a key with an empty value. */
const BARE_ENTRY = 4;

/** The lines of one section: its header's line (or 0 for the preamble) up to the next header. */
export class ScannedSection implements IniSection {
  private materialized?: IniEntry[];

  constructor(
    private readonly document: UwsgiIniDocument,
    readonly name: string,
    readonly header: IniSectionHeader | undefined,
    /** The first line after the header. */
    readonly firstLine: number,
    /** The line after the section's last one. */
    readonly endLine: number,
  ) {}

  get entries(): IniEntry[] {
    if (!this.materialized) {
      this.materialized = [];
      for (let line = this.firstLine; line < this.endLine; line++) {
        const entry = this.document.entryAt(line);
        if (entry) this.materialized.push(entry);
      }
    }
    return this.materialized;
  }
}

/**
 * A uWSGI ini file as read: per line, only its kind and the columns of its key and value, in typed arrays. The
 * entry and line objects of the `IniDocument` shape are made when a feature asks for them (hover, outline, a fix),
 * once per line; the model reads keys and values straight from the columns. A long config thus costs a few numbers
 * per line outside the garbage-collected heap, instead of objects that every young-generation collection copies.
 */
export class UwsgiIniDocument implements IniDocument {
  readonly index: LineIndex;
  readonly sections: ScannedSection[];
  private readonly kinds: Uint8Array;
  /** Per line, four columns: where the key (or comment) starts and ends, where the value starts and ends. */
  private readonly columns: Int32Array;
  private readonly made = new Map<number, IniLine>();
  private allLines?: IniLine[];

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
    const { lineCount } = this.index;
    this.kinds = new Uint8Array(lineCount);
    this.columns = new Int32Array(lineCount * 4);
    const headers: IniSectionHeader[] = [];
    for (let line = 0; line < lineCount; line++) {
      const header = this.scanLine(line);
      if (header) headers.push(header);
    }
    this.sections = [new ScannedSection(this, '', undefined, 0, headers[0]?.line ?? lineCount)];
    headers.forEach((header, at) => this.sections.push(new ScannedSection(this, header.name, header, header.line + 1, headers[at + 1]?.line ?? lineCount)));
  }

  /** Reads one line into the columns; a header line gives its header, the only object made while scanning. */
  private scanLine(line: number): IniSectionHeader | undefined {
    const { text } = this;
    const lineStart = this.index.lineStart(line);
    let start = lineStart;
    let end = this.index.lineContentEnd(line);
    while (start < end && isIniSpace(text.charCodeAt(start))) start++;
    while (end > start && isIniSpace(text.charCodeAt(end - 1))) end--;
    if (start === end) return undefined; // BLANK: the arrays start zeroed
    const at = line * 4;
    const first = text.charCodeAt(start);
    if (first === 91 /* [ */) {
      this.kinds[line] = HEADER;
      const header: IniSectionHeader = {
        kind: 'section',
        line,
        name: text.slice(start + 1, Math.max(start + 1, end - 1)),
        range: range(line, start - lineStart, line, end - lineStart),
        nameRange: range(line, start + 1 - lineStart, line, Math.max(start + 1, end - 1) - lineStart),
      };
      this.made.set(line, header);
      return header;
    }
    this.columns[at] = start - lineStart;
    this.columns[at + 3] = end - lineStart;
    if (first === 59 /* ; */ || first === 35 /* # */) {
      this.kinds[line] = COMMENT;
      return undefined;
    }
    let equals = start;
    while (equals < end && text.charCodeAt(equals) !== 61 /* = */) equals++;
    let keyEnd = equals;
    while (keyEnd > start && isIniSpace(text.charCodeAt(keyEnd - 1))) keyEnd--;
    this.columns[at + 1] = keyEnd - lineStart;
    if (equals === end) {
      this.kinds[line] = BARE_ENTRY;
      this.columns[at + 2] = end - lineStart;
      return undefined;
    }
    let valueStart = equals + 1;
    while (valueStart < end && isIniSpace(text.charCodeAt(valueStart))) valueStart++;
    this.kinds[line] = ENTRY;
    this.columns[at + 2] = valueStart - lineStart;
    return undefined;
  }

  isEntry(line: number): boolean {
    const kind = this.kinds[line];
    return kind === ENTRY || kind === BARE_ENTRY;
  }

  /** The key of an entry line, as uWSGI reads it. */
  keyAt(line: number): string {
    const lineStart = this.index.lineStart(line);
    return this.text.slice(lineStart + this.columns[line * 4], lineStart + this.columns[line * 4 + 1]);
  }

  /** The value of an entry line, as uWSGI reads it: empty for a line without `=`. */
  valueAt(line: number): string {
    if (this.kinds[line] !== ENTRY) return '';
    const lineStart = this.index.lineStart(line);
    return this.text.slice(lineStart + this.columns[line * 4 + 2], lineStart + this.columns[line * 4 + 3]);
  }

  /** Whether an offset of the text lies inside the value of an entry line. */
  isInValue(offset: number): boolean {
    const { line, character } = this.index.positionAt(offset);
    return this.kinds[line] === ENTRY && character >= this.columns[line * 4 + 2] && character < this.columns[line * 4 + 3];
  }

  hasEqualsAt(line: number): boolean {
    return this.kinds[line] === ENTRY;
  }

  keyRangeAt(line: number): Range {
    return range(line, this.columns[line * 4], line, this.columns[line * 4 + 1]);
  }

  /** Where the value is; an empty range after `=` (or after the key) when there is none. */
  valueRangeAt(line: number): Range {
    const valueEnd = this.kinds[line] === ENTRY ? this.columns[line * 4 + 3] : this.columns[line * 4 + 1];
    return range(line, this.columns[line * 4 + 2], line, valueEnd);
  }

  /** The leading white space of an entry line. */
  indentAt(line: number): string {
    const lineStart = this.index.lineStart(line);
    return this.text.slice(lineStart, lineStart + this.columns[line * 4]);
  }

  /** The text between an entry's key and its value, such as ` = ` or `=`. */
  separatorAt(line: number): string {
    const lineStart = this.index.lineStart(line);
    return this.text.slice(lineStart + this.columns[line * 4 + 1], lineStart + this.columns[line * 4 + 2]);
  }

  /** The line as an object of the `IniDocument` shape, made once when first asked for. */
  lineAt(line: number): IniLine | undefined {
    if (line < 0 || line >= this.index.lineCount) return undefined;
    let made = this.made.get(line);
    if (made) return made;
    const kind = this.kinds[line];
    if (kind === BLANK) made = { kind: 'blank', line };
    else if (kind === COMMENT) {
      const lineStart = this.index.lineStart(line);
      const [start, end] = [this.columns[line * 4], this.columns[line * 4 + 3]];
      made = new ScannedComment(line, this.text.slice(lineStart + start, lineStart + end), start, end);
    } else {
      const lineStart = this.index.lineStart(line);
      const at = line * 4;
      const valueEnd = kind === ENTRY ? this.columns[at + 3] : this.columns[at + 1];
      made = new ScannedEntry(line, this.keyAt(line), this.valueAt(line), kind === ENTRY, this.text, lineStart, this.columns[at], this.columns[at + 1], this.columns[at + 2], valueEnd);
    }
    this.made.set(line, made);
    return made;
  }

  entryAt(line: number): IniEntry | undefined {
    const made = this.isEntry(line) ? this.lineAt(line) : undefined;
    return made?.kind === 'entry' ? made : undefined;
  }

  /** The first `limit` comment lines, made as objects; the other lines are not. */
  comments(limit: number): IniComment[] {
    const found: IniComment[] = [];
    for (let line = 0; line < this.index.lineCount && found.length < limit; line++) {
      if (this.kinds[line] === COMMENT) found.push(this.lineAt(line) as IniComment);
    }
    return found;
  }

  /** Every line as an object; made on first use, for the features that walk the whole file. */
  get lines(): IniLine[] {
    if (!this.allLines) {
      this.allLines = [];
      for (let line = 0; line < this.index.lineCount; line++) this.allLines.push(this.lineAt(line)!);
    }
    return this.allLines;
  }
}

export function parseIni(text: string): UwsgiIniDocument {
  return new UwsgiIniDocument(text);
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
/** The first `limit` comment lines of any ini document, in order. */
export function commentsOf(document: IniDocument, limit = Infinity): IniComment[] {
  if (document instanceof UwsgiIniDocument) return document.comments(limit);
  return document.lines.filter((line): line is IniComment => line.kind === 'comment').slice(0, limit);
}

export function sectionsNamed<Section extends IniSection>(document: { sections: readonly Section[] }, name: string): Section[] {
  return document.sections.filter((section) => section.header !== undefined && section.name === name);
}

import { LineIndex, range } from '../text/lineIndex';
import { ScannedComment, ScannedEntry, readIniEntry } from './uwsgiIni';
import type { IniDocument, IniLine, IniSection, IniSectionHeader } from './uwsgiIni';

/**
 * A ranged reading of the agent's config file the way Python 3's `configparser.RawConfigParser` (the agent's
 * reader) sees it. It gives the same shapes as the uWSGI scanner (so fixes and the outline work on both), with
 * the differences of Python's reader:
 *
 * - `key = value` and `key: value` both work: the key ends at the first `=` or `:`;
 * - comment lines start with `;` or `#` after optional white space; there are no inline comments;
 * - a line indented deeper than the option above it continues that option's value (comment lines between them
 *   are skipped, blank lines between them are kept in the value as empty lines);
 * - a header is `[` up to the last `]` of the line;
 * - a line with neither `=` nor `:` is a parse error, and so is an option before the first header (both make
 *   Python's reader refuse the whole file): such lines are kept as entries with `hasEquals` false, or in the
 *   header-less preamble section.
 *
 * Keys keep their spelling here; the agent compares them lower-cased. Never throws; one pass over the text.
 */
export interface AgentIniDocument extends IniDocument {
  /** Lines that continue the value of the option above them (1-based order kept). */
  continuations: number[];
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12 || code === 11;
}

export function parseAgentIni(text: string): AgentIniDocument {
  const index = new LineIndex(text);
  const lines: IniLine[] = [];
  const continuations: number[] = [];
  let current: IniSection = { name: '', entries: [] };
  const sections: IniSection[] = [current];
  let lastEntry: ScannedEntry | undefined;
  let lastIndent = 0;
  // Blank lines after an option's line: Python's reader keeps them in the value when an indented line follows.
  let blankLines = 0;

  for (let line = 0; line < index.lineCount; line++) {
    const lineStart = index.lineStart(line);
    const lineEnd = index.lineContentEnd(line);
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const indent = start - lineStart;

    if (start === end) {
      lines.push({ kind: 'blank', line });
      blankLines++;
      continue;
    }
    const first = text.charCodeAt(start);
    if (first === 59 /* ; */ || first === 35 /* # */) {
      lines.push(new ScannedComment(line, text.slice(start, end), indent, end - lineStart));
      continue;
    }
    if (lastEntry && indent > lastIndent && lastEntry.hasEquals) {
      // Python's reader appends the line to the value above it.
      lastEntry.continueValue(`${'\n'.repeat(blankLines)}${text.slice(start, end)}`, line, end - lineStart);
      blankLines = 0;
      continuations.push(line);
      lines.push(new ScannedComment(line, text.slice(start, end), indent, end - lineStart));
      continue;
    }
    // Searched within the line only: searching the text back from the line's end runs through every line above
    // when the line has no `]`, which made a long file quadratic.
    const lastBracket = first === 91 /* [ */ ? start + text.slice(start, end).lastIndexOf(']') : -1;
    if (first === 91 /* [ */ && lastBracket > start + 1) {
      const header: IniSectionHeader = {
        kind: 'section',
        line,
        name: text.slice(start + 1, lastBracket),
        range: range(line, indent, line, lastBracket + 1 - lineStart),
        nameRange: range(line, indent + 1, line, lastBracket - lineStart),
      };
      lines.push(header);
      current = { name: header.name, header, entries: [] };
      sections.push(current);
      lastEntry = undefined;
      blankLines = 0;
      continue;
    }

    // Python's reader ends the key at the first `=` or `:`.
    const entry = readIniEntry(text, line, lineStart, start, end, (code) => code === 61 /* = */ || code === 58 /* : */, isSpace);
    lines.push(entry);
    current.entries.push(entry);
    lastEntry = entry;
    lastIndent = indent;
    blankLines = 0;
  }
  return { index, lines, sections, continuations };
}

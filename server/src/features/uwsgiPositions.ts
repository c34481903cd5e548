import type { IniEntry, IniLine } from '../parse/uwsgiIni';
import { Position, Range, comparePositions } from '../text/lineIndex';
import type { DocumentOfKind } from '../model/document';

export function contains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function lineAt(document: DocumentOfKind<'uwsgi-ini'>, position: Position): IniLine | undefined {
  return document.uwsgi.document.lines[position.line];
}

/** The `%(name)` reference under the cursor, with the range of its name. */
export function placeholderAt(entry: IniEntry, position: Position): { name: string; range: Range } | undefined {
  if (!contains(entry.valueRange, position)) return undefined;
  const offset = entry.valueRange.start.character;
  for (const match of entry.value.matchAll(/%\(([\w.-]+)\)/g)) {
    const start = offset + (match.index ?? 0) + 2;
    const range = { start: { line: entry.line, character: start }, end: { line: entry.line, character: start + match[1].length } };
    if (position.character >= start - 2 && position.character <= range.end.character + 1) return { name: match[1], range };
  }
  return undefined;
}

import type { Position, Range } from '../text/lineIndex';
import type { AnalyzedDocument } from '../model/document';
import { contains, lineAt, placeholderAt } from './uwsgiPositions';

export interface PydeployLocation {
  /** Absolute, `/`-separated. */
  path: string;
  range: Range;
}

const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Go to definition: from `%(name)` to the line that sets it, from an `ini =` value to the included file. */
export function definitionAt(document: AnalyzedDocument, position: Position): PydeployLocation | undefined {
  const line = lineAt(document, position);
  if (line?.kind !== 'entry') return undefined;
  const config = document.uwsgi;
  const include = config.includes.find((candidate) => candidate.option.local && candidate.option.entry === line);
  if (include && contains(line.valueRange, position) && (include.status === 'read' || include.status === 'no-section' || include.status === 'cycle')) {
    const target = include.target === document.path ? document.uwsgi.document : undefined;
    const header = target?.sections.find((section) => section.name === include.section)?.header;
    return { path: include.target, range: header?.range ?? START_OF_FILE };
  }
  const placeholder = placeholderAt(line, position);
  if (!placeholder) return undefined;
  const definition = config.options.find(
    (option) => option.entry.key === placeholder.name || (/^set(-placeholder|-ph)?$/.test(option.entry.key) && option.entry.value.startsWith(`${placeholder.name}=`)),
  );
  return definition && { path: definition.source.path, range: definition.entry.keyRange };
}

export interface PydeploySymbol {
  name: string;
  kind: 'section' | 'option';
  detail?: string;
  range: Range;
  selectionRange: Range;
  children: PydeploySymbol[];
}

/** The outline: every section with its options. */
export function documentSymbols(document: AnalyzedDocument): PydeploySymbol[] {
  const { index, sections } = document.uwsgi.document;
  return sections
    .filter((section) => section.header)
    .map((section, i, named) => {
      const header = section.header!;
      const next = named[i + 1]?.header;
      const lastLine = next ? Math.max(header.line, next.line - 1) : index.lineCount - 1;
      return {
        name: `[${section.name}]`,
        kind: 'section' as const,
        range: { start: header.range.start, end: { line: lastLine, character: index.lineText(lastLine).length } },
        selectionRange: header.range,
        children: section.entries.map((entry) => ({
          name: entry.key,
          kind: 'option' as const,
          detail: entry.value,
          range: { start: entry.keyRange.start, end: entry.valueRange.end },
          selectionRange: entry.keyRange,
          children: [],
        })),
      };
    });
}

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
  if (document.kind !== 'uwsgi-ini') return undefined;
  const line = lineAt(document, position);
  if (line?.kind !== 'entry') return undefined;
  const config = document.uwsgi;
  const include = config.includes.find(({ option }) => option.local && option.origin === 'ini' && option.entry.line === line.line);
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

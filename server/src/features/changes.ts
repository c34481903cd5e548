import { IniDocument, IniEntry, sectionsNamed } from '../parse/uwsgiIni';
import { Range, comparePositions } from '../text/lineIndex';
import { TextEdit } from '../text/edits';

/**
 * What a fix wants done, said by intent rather than by offsets, so that several fixes applied together
 * ("fix all", `--fix`) agree on one place for the lines they add and never add a line twice.
 */
export type Change =
  /** Put new text over a range that a parser gave (a value to flip, a key to rename). */
  | { kind: 'replace'; range: Range; newText: string }
  /** Make `key = value` part of the named ini section, creating the section when the file has none. */
  | { kind: 'set-ini-option'; section: string; key: string; value: string }
  /** Remove a whole line, its line break included. */
  | { kind: 'delete-line'; line: number };

type SetIniOption = Extract<Change, { kind: 'set-ini-option' }>;

/** Turns changes into non-overlapping text edits that leave every other byte of the file as it was. */
export function changesToEdits(document: IniDocument, changes: readonly Change[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const additions = new Map<string, SetIniOption[]>();
  for (const change of changes) {
    if (change.kind === 'replace' || change.kind === 'delete-line') {
      const edit = change.kind === 'replace' ? { range: change.range, newText: change.newText } : deleteLineEdit(document, change.line);
      if (!edits.some((other) => sameRange(other.range, edit.range))) edits.push(edit);
    } else {
      const forSection = additions.get(change.section) ?? [];
      if (!forSection.some((pending) => pending.key === change.key)) forSection.push(change);
      additions.set(change.section, forSection);
    }
  }
  for (const [section, options] of additions) {
    const edit = addOptionsEdit(document, section, options);
    if (edit) edits.push(edit);
  }
  return edits.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/** The line and its break; the last line takes the break before it instead, so no empty line is left behind. */
function deleteLineEdit({ index }: IniDocument, line: number): TextEdit {
  if (line < index.lineCount - 1) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  const start = line > 0 ? index.positionAt(index.lineContentEnd(line - 1)) : { line, character: 0 };
  return { range: { start, end: index.positionAt(index.text.length) }, newText: '' };
}

function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/**
 * One insertion that adds the options the section lacks: after the section's last option, in that
 * option's indentation and `key = value` spacing, with the file's own line ending.
 */
function addOptionsEdit(document: IniDocument, sectionName: string, options: SetIniOption[]): TextEdit | undefined {
  const { index } = document;
  const sections = sectionsNamed(document, sectionName);
  const present = new Set(sections.flatMap((section) => section.entries.map((entry) => entry.key)));
  const missing = options.filter((option) => !present.has(option.key));
  if (missing.length === 0) return undefined;

  const target = sections[0];
  if (!target?.header) {
    const lines = [`[${sectionName}]`, ...missing.map((option) => `${option.key} = ${option.value}`)];
    const end = index.positionAt(index.text.length);
    const newText =
      index.text.length === 0
        ? lines.join(index.eol) + index.eol
        : index.endsWithLineBreak
          ? index.eol + lines.join(index.eol) + index.eol
          : index.eol + index.eol + lines.join(index.eol);
    return { range: { start: end, end }, newText };
  }

  const model: IniEntry | undefined = target.entries[target.entries.length - 1];
  const afterLine = model ? model.line : target.header.line;
  const indent = model?.indent ?? '';
  const separator = model?.hasEquals && model.value !== '' ? model.separator : ' = ';
  const lines = missing.map((option) => `${indent}${option.key}${separator}${option.value}`);
  if (afterLine < index.lineCount - 1) {
    const at = { line: afterLine + 1, character: 0 };
    return { range: { start: at, end: at }, newText: lines.map((line) => line + index.eol).join('') };
  }
  // The section ends on the file's last line, which has no line break: keep it that way.
  const at = index.positionAt(index.text.length);
  return { range: { start: at, end: at }, newText: lines.map((line) => index.eol + line).join('') };
}

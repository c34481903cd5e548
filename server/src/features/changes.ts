import { IniDocument, IniEntry, sectionsNamed } from '../parse/uwsgiIni';
import { LineIndex, Range, comparePositions } from '../text/lineIndex';
import { TextEdit } from '../text/edits';
import { iniDocumentOf } from '../model/document';
import type { AnalyzedDocument } from '../model/document';
import { endsBlock, startsBlock } from '../model/uwsgiConfig';
import { suppressionsOf } from '../model/suppressions';
import type { Change } from '../rules/change';

type SetIniOption = Extract<Change, { kind: 'set-ini-option' }>;
type AppendBlock = Extract<Change, { kind: 'append-block' }>;
type AppendLaunchArguments = Extract<Change, { kind: 'append-launch-arguments' }>;

/** One insertion per launch, with every argument its changes add, each once, in the launch's own syntax. */
function launchArgumentsEdits(changes: readonly AppendLaunchArguments[]): TextEdit[] {
  // A change's arguments go together (`--max-requests 1000`); the same group twice is added once.
  const byPlace = new Map<string, { change: AppendLaunchArguments; groups: string[][] }>();
  for (const change of changes) {
    const { line, character } = change.insertion.insertAt;
    const key = `${line}:${character}`;
    const place = byPlace.get(key) ?? { change, groups: [] };
    if (!place.groups.some((group) => group.join('\0') === change.args.join('\0'))) place.groups.push([...change.args]);
    byPlace.set(key, place);
  }
  return [...byPlace.values()].map(({ change, groups }) => ({
    range: { start: change.insertion.insertAt, end: change.insertion.insertAt },
    newText: change.insertion.argumentsText(groups.flat()),
  }));
}

/** Turns changes into non-overlapping text edits that leave every other byte of the file as it was. */
export function changesToEdits(document: AnalyzedDocument, changes: readonly Change[]): TextEdit[] {
  const index = iniDocumentOf(document)?.index ?? new LineIndex(document.text);
  const edits: TextEdit[] = [];
  const deletedLines = new Set<number>();
  const additions = new Map<string, SetIniOption[]>();
  const blocks: AppendBlock[] = [];
  const launchArguments: AppendLaunchArguments[] = [];
  // An `edit-file` of this very document is an ordinary change; those of other files are changesToFileEdits' job.
  const own = changes.flatMap((change) => (change.kind !== 'edit-file' ? [change] : change.path === document.path ? change.changes : []));
  for (const change of own) {
    if (change.kind === 'edit-file') continue;
    if (change.kind === 'delete-line') {
      deletedLines.add(change.line);
    } else if (change.kind === 'replace' || change.kind === 'disable-next-line') {
      const edit = change.kind === 'replace' ? { range: change.range, newText: change.newText } : disableNextLineEdit(document, index, change.line, change.rule);
      if (!edits.some((other) => sameRange(other.range, edit.range))) edits.push(edit);
    } else if (change.kind === 'append-block') {
      if (!blocks.some((pending) => pending.key === change.key)) blocks.push(change);
    } else if (change.kind === 'append-launch-arguments') {
      launchArguments.push(change);
    } else {
      const forSection = additions.get(change.section) ?? [];
      if (!forSection.some((pending) => pending.key === change.key && (!change.repeatable || pending.value === change.value))) forSection.push(change);
      additions.set(change.section, forSection);
    }
  }
  const ini = iniDocumentOf(document);
  if (ini) {
    // The agents' reader (Python's) compares keys lower-cased; uWSGI's compares them as written.
    const caseless = document.kind !== 'uwsgi-ini';
    for (const [section, options] of additions) {
      const edit = addOptionsEdit(ini, section, options, caseless);
      if (edit) edits.push(edit);
    }
  }
  if (blocks.length > 0) edits.push(appendBlocksEdit(index, blocks));
  edits.push(...launchArgumentsEdits(launchArguments));
  const deletions = deleteLinesEdits(index, deletedLines);
  return [...withoutEditsInDeletedLines(edits, deletions), ...deletions].sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/**
 * Drops the edits inside a line that another change deletes (fix all may both move a duplicate line's comment and
 * delete that line): they are moot, and overlapping edits would make the whole fix fail. An edit at the very start of
 * a last-line deletion (which begins at the end of the line before) belongs to that line and is kept.
 */
function withoutEditsInDeletedLines(edits: TextEdit[], deletions: readonly TextEdit[]): TextEdit[] {
  if (deletions.length === 0) return edits;
  const inside = (edit: TextEdit, deletion: TextEdit) => {
    const startsAtLineStart = deletion.range.start.character === 0 && deletion.range.end.character === 0;
    const afterStart = comparePositions(edit.range.start, deletion.range.start);
    return (startsAtLineStart ? afterStart >= 0 : afterStart > 0) && comparePositions(edit.range.end, deletion.range.end) <= 0 && comparePositions(edit.range.start, deletion.range.end) < 0;
  };
  return edits.filter((edit) => deletions.includes(edit) || !deletions.some((deletion) => inside(edit, deletion)));
}

/** One insertion at the end of the file: each block after a blank line, in the file's own line ending. */
function appendBlocksEdit(index: LineIndex, blocks: AppendBlock[]): TextEdit {
  const end = index.positionAt(index.text.length);
  const body = blocks.map((block) => block.lines.join(index.eol)).join(index.eol + index.eol);
  let lead = '';
  if (index.text.length > 0) {
    const lastLineBlank = index.lineText(index.lineCount - 1).trim() === '';
    const previousBlank = index.lineCount < 2 || index.lineText(index.lineCount - 2).trim() === '';
    if (!index.endsWithLineBreak) lead = index.eol + index.eol;
    else if (!(lastLineBlank && previousBlank)) lead = index.eol;
  }
  // A file without a final line break keeps that shape, as ini edits do.
  const trail = index.text.length === 0 || index.endsWithLineBreak ? index.eol : '';
  return { range: { start: end, end }, newText: lead + body + trail };
}

/**
 * Each line and its break; the lines that end the file go together with the break before them, so that no empty
 * line is left behind and a missing final newline stays missing.
 */
function deleteLinesEdits(index: LineIndex, lines: ReadonlySet<number>): TextEdit[] {
  let tail = index.lineCount;
  while (tail > 0 && lines.has(tail - 1)) tail--;
  const edits: TextEdit[] = [...lines]
    .filter((line) => line < tail)
    .sort((a, b) => a - b)
    .map((line) => ({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }));
  if (tail < index.lineCount) {
    const start = tail > 0 ? index.positionAt(index.lineContentEnd(tail - 1)) : { line: 0, character: 0 };
    edits.push({ range: { start, end: index.positionAt(index.text.length) }, newText: '' });
  }
  return edits;
}

function disableNextLineEdit(document: AnalyzedDocument, index: LineIndex, line: number, rule: string): TextEdit {
  const suppressions = suppressionsOf(document);
  const above = suppressions.directives.find((directive) => directive.kind === 'next-line' && directive.line === line - 1 && directive.targetLine === line);
  if (above) return { range: { start: above.listEnd, end: above.listEnd }, newText: `,${rule}` };
  const indent = /^[ \t]*/.exec(index.lineText(line))?.[0] ?? '';
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}${suppressions.commentMarker} pydeploy: disable-next-line=${rule}${index.eol}` };
}

function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/**
 * One insertion that adds the options the section lacks: after the section's last option, in that
 * option's indentation and `key = value` spacing, with the file's own line ending.
 */
function addOptionsEdit(document: IniDocument, sectionName: string, options: SetIniOption[], caseless = false): TextEdit | undefined {
  const { index } = document;
  const sections = sectionsNamed(document, sectionName);
  const fold = (key: string) => (caseless ? key.toLowerCase() : key);
  // uWSGI merges repeated sections; the agent reads only the first one (Python's reader refuses a second).
  const read = caseless ? sections.slice(0, 1) : sections;
  const entries = read.flatMap((section) => section.entries);
  const present = new Set(entries.map((entry) => fold(entry.key)));
  const missing = options.filter((option) =>
    option.repeatable ? !entries.some((entry) => fold(entry.key) === fold(option.key) && entry.value.trim() === option.value) : !present.has(fold(option.key)),
  );
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

  // After the last option, unless the section ends inside an unclosed `if-*`/`for` block: then before
  // that block, so that the added line applies whatever the condition.
  let openBlock: IniEntry | undefined;
  for (const entry of target.entries) {
    if (startsBlock(entry.key)) openBlock = entry;
    else if (endsBlock(entry.key)) openBlock = undefined;
  }
  const model: IniEntry | undefined = openBlock ?? target.entries[target.entries.length - 1];
  // After the model's value, which in the agent's config may go on over indented continuation lines.
  const afterLine = openBlock ? openBlock.line - 1 : model ? Math.max(model.line, model.valueRange.end.line) : target.header.line;
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

/** The edits one file gets from a fix, for a fix that reaches beyond the document it was found in. */
export interface FileEdits {
  path: string;
  edits: TextEdit[];
}

/**
 * Every file's edits for a set of changes: the document's own, then those of each other file an `edit-file`
 * change names, read through `readOther` (undefined when that file cannot be read, and its changes are dropped).
 * Changes to one other file are merged, so that a line is added there once.
 */
export function changesToFileEdits(
  document: AnalyzedDocument,
  changes: readonly Change[],
  readOther: (path: string) => AnalyzedDocument | undefined,
): FileEdits[] {
  const result: FileEdits[] = [{ path: document.path, edits: changesToEdits(document, changes) }];
  const byPath = new Map<string, Change[]>();
  for (const change of changes) {
    if (change.kind !== 'edit-file' || change.path === document.path) continue;
    byPath.set(change.path, [...(byPath.get(change.path) ?? []), ...change.changes]);
  }
  for (const [path, fileChanges] of byPath) {
    const other = readOther(path);
    if (other) result.push({ path, edits: changesToEdits(other, fileChanges) });
  }
  return result;
}

import type { Launch, LaunchInsertion, LaunchWord } from '../../server/src/parse/launch/types';
import { Range, applyEdits, linesWithEnds } from './documentText';

/** The source text of a range (from the LSP rules of documentText, not the server's LineIndex). */
export function textAt(text: string, range: Range): string {
  const lines = linesWithEnds(text);
  const offset = (line: number, character: number) => lines.slice(0, line).reduce((sum, l) => sum + l.length, 0) + character;
  return text.slice(offset(range.start.line, range.start.character), offset(range.end.line, range.end.character));
}

/** The text after a fix adds `args` at the launch's insertion point: nothing else may change. */
export function withArguments(text: string, insertion: LaunchInsertion, args: readonly string[]): string {
  return applyEdits(text, [{ range: { start: insertion.insertAt, end: insertion.insertAt }, newText: insertion.argumentsText(args) }]);
}

/** A launch in a form tests compare exactly: each word as `value@source-text`, ranges as their text. */
export function summary(text: string, launch: Launch) {
  const word = (w: LaunchWord) => (textAt(text, w.range) === w.value ? w.value : `${w.value}@${textAt(text, w.range)}`) + (w.opaque ? ' (opaque)' : '');
  return {
    label: launch.label,
    server: launch.server,
    program: word(launch.program),
    args: launch.args.map(word),
    wrappers: launch.wrappers.map((wrapper) => `${wrapper.name}: ${wrapper.words.map((w) => w.value).join(' ')}`),
    env: launch.env.map((v) => `${v.name}=${v.value}` + (textAt(text, v.valueRange) === v.value ? '' : `@${textAt(text, v.valueRange)}`)),
    ...(launch.cwd !== undefined ? { cwd: launch.cwd } : {}),
    range: textAt(text, launch.range),
  };
}

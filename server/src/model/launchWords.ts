import type { LaunchWord } from '../parse/launch/types';
import type { Range } from '../text/lineIndex';

/**
 * The range of the characters `from`..`to` of a launch word's value, when the word's source text maps one to one
 * onto its value (written plain, or between one pair of quotes); else the whole word, which is all that is known.
 */
export function wordPart(word: LaunchWord, from: number, to: number): Range {
  const { start, end } = word.range;
  const width = end.character - start.character;
  if (start.line !== end.line) return word.range;
  const offset = width === word.value.length ? 0 : width === word.value.length + 2 ? 1 : undefined;
  if (offset === undefined) return word.range;
  return { start: { line: start.line, character: start.character + offset + from }, end: { line: start.line, character: start.character + offset + to } };
}

/** A word's value alone, inside its quotes when it has them. */
export function wordValueRange(word: LaunchWord): Range {
  return wordPart(word, 0, word.value.length);
}

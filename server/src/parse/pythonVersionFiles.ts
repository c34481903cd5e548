import { LineIndex, Range } from '../text/lineIndex';

/**
 * The files that name a project's Python version in a line of their own: pyenv's `.python-version` (`3.13.1`, one
 * version a line, the first one used) and Heroku's `runtime.txt` (`python-3.13.1`). Read as text, never throwing.
 */

export interface NamedPythonVersion {
  /** The version as written (`3.13.1`, `python-3.13`). */
  text: string;
  /** Major and minor, and the patch level when written. */
  version: readonly number[];
  range: Range;
}

function firstMatch(text: string, pattern: RegExp): NamedPythonVersion | undefined {
  const index = new LineIndex(text);
  for (let line = 0; line < index.lineCount; line++) {
    const content = index.lineText(line);
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = pattern.exec(trimmed);
    if (!match) return undefined;
    const start = content.indexOf(trimmed);
    const version = [Number(match[1]), Number(match[2]), ...(match[3] !== undefined ? [Number(match[3])] : [])];
    return { text: trimmed, version, range: { start: { line, character: start }, end: { line, character: start + trimmed.length } } };
  }
  return undefined;
}

/** `.python-version`: its first version line, when it names CPython by number (not `system`, `pypy3.10`, a venv name). */
export function readPythonVersionFile(text: string): NamedPythonVersion | undefined {
  return firstMatch(text, /^(?:cpython-)?(\d+)\.(\d+)(?:\.(\d+))?(?:[a-z]+\d*)?$/i);
}

/** `runtime.txt`: `python-3.13.1` (or `python-3.13`). */
export function readRuntimeTxt(text: string): NamedPythonVersion | undefined {
  return firstMatch(text, /^python-(\d+)\.(\d+)(?:\.(\d+))?$/);
}

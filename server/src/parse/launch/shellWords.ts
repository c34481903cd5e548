/**
 * Splits command text into words the way a POSIX shell or Python's `shlex.split` does, keeping for every word
 * where it is in the source and, for every character of its value, which source characters produced it (so that a
 * string handed to `sh -c` can be split again with its words mapped back into the file). Expansions (`$X`,
 * `${X:-d}`, `$(…)`, backticks, globs, `~`) are kept as written and mark the word opaque: they are never guessed.
 * Never throws; one pass over the text.
 */

/**
 * `sh`: the POSIX shell's token rules: `&&`, `||`, `;`, `|`, `&`, `(`, `)` and line breaks end a command,
 * redirections are taken off the words, `#` starts a comment at the start of a word, `\` + line break is removed,
 * and here-documents are skipped. A carriage return counts as a blank, so CRLF files read as their authors meant.
 * `shlex`: Python's `shlex.split(s)` (posix, no comments): only blanks, quotes and backslashes matter, every line
 * break is a blank, and there is one command.
 */
export type ShellDialect = 'sh' | 'shlex';

export interface SplitOptions {
  dialect: ShellDialect;
  /** How `\` + line break reads outside quotes: removed (the shell) or a blank (systemd units). Only for `sh`. */
  continuation?: 'remove' | 'blank';
}

export interface ShellWord {
  /** The word as the program receives it: quotes and escapes removed, expansions kept as written. */
  value: string;
  /** Source offsets of the word, quotes included. */
  start: number;
  end: number;
  opaque: boolean;
  /** For each character of `value`, the source offsets [start, end) of the text that produced it. */
  charStarts: number[];
  charEnds: number[];
}

export interface ShellRedirect {
  /** The operator with its file descriptor, e.g. `2>&`, `>>`, `<<-`. */
  operator: string;
  start: number;
  end: number;
  target?: ShellWord;
}

/** A simple command; it may have no words at all (the empty command before a `(`, or between `;` and `;`). */
export interface ShellCommand {
  words: ShellWord[];
  redirects: ShellRedirect[];
  /** From the first word or redirection to the end of the last one. */
  start: number;
  end: number;
  /** The control operator that ends the command (`&&`, `;`, `|`, a line break, ...); absent at the end of the text. */
  terminator?: { text: string; start: number; end: number };
}

export type SplitProblem = 'unclosed-quote' | 'unclosed-expansion' | 'trailing-backslash';

export interface ShellSplit {
  commands: ShellCommand[];
  /** Why a shell or shlex would refuse the text; the words are still read as far as they go. */
  problem?: SplitProblem;
}

const CONTROL_OPERATORS = ['&&', '||', ';;', '|&', ';', '&', '|', '(', ')'];
const REDIRECT_OPERATORS = ['<<-', '&>>', '>>', '<<', '<&', '>&', '<>', '>|', '&>', '<', '>'];

function isBlank(code: number, dialect: ShellDialect): boolean {
  return code === 32 || code === 9 || code === 13 || (dialect === 'shlex' && code === 10);
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

/** Where a `$` expansion starting at `at` ends, or undefined when the `$` is a plain character. */
function expansionEnd(text: string, at: number, to: number): { end: number; closed: boolean } | undefined {
  const next = text.charCodeAt(at + 1);
  if (at + 1 >= to) return undefined;
  if (next === 123 /* { */) return bracketEnd(text, at + 1, to, '{', '}');
  if (next === 40 /* ( */) return bracketEnd(text, at + 1, to, '(', ')');
  if (isNameStart(next)) {
    let end = at + 2;
    while (end < to && isNameChar(text.charCodeAt(end))) end++;
    return { end, closed: true };
  }
  if ((next >= 48 && next <= 57) || '@*#?$!-'.includes(text[at + 1])) return { end: at + 2, closed: true };
  return undefined;
}

/** The end of a bracketed expansion opened at `at`, minding nesting, quotes and escapes inside it. */
function bracketEnd(text: string, at: number, to: number, open: string, close: string): { end: number; closed: boolean } {
  let depth = 0;
  let i = at;
  while (i < to) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === "'" && open === '(') {
      const quoteEnd = text.indexOf("'", i + 1);
      i = quoteEnd < 0 || quoteEnd >= to ? to : quoteEnd + 1;
    } else if (c === '`') {
      i = backtickEnd(text, i, to).end;
    } else {
      if (c === open) depth++;
      else if (c === close && --depth === 0) return { end: i + 1, closed: true };
      i++;
    }
  }
  return { end: to, closed: false };
}

function backtickEnd(text: string, at: number, to: number): { end: number; closed: boolean } {
  let i = at + 1;
  while (i < to) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '`') return { end: i + 1, closed: true };
    else i++;
  }
  return { end: to, closed: false };
}

function lineBreakLength(text: string, at: number): number {
  if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) return 2;
  const code = text.charCodeAt(at);
  return code === 10 || code === 13 ? 1 : 0;
}

function operatorAt(text: string, at: number, to: number, operators: readonly string[]): string | undefined {
  for (const operator of operators) if (at + operator.length <= to && text.startsWith(operator, at)) return operator;
  return undefined;
}

class WordBuilder {
  value = '';
  charStarts: number[] = [];
  charEnds: number[] = [];
  opaque = false;
  /** Whether anything (even an empty quote pair) makes this a word. */
  started = false;
  start = 0;

  begin(at: number): void {
    if (!this.started) {
      this.started = true;
      this.start = at;
    }
  }

  push(chars: string, start: number, end: number): void {
    for (let k = 0; k < chars.length; k++) {
      this.value += chars[k];
      this.charStarts.push(start);
      this.charEnds.push(end);
    }
  }

  /** Text kept as written, one source character per value character. */
  pushVerbatim(text: string, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      this.value += text[i];
      this.charStarts.push(i);
      this.charEnds.push(i + 1);
    }
  }

  take(end: number): ShellWord {
    const word: ShellWord = { value: this.value, start: this.start, end, opaque: this.opaque, charStarts: this.charStarts, charEnds: this.charEnds };
    this.value = '';
    this.charStarts = [];
    this.charEnds = [];
    this.opaque = false;
    this.started = false;
    return word;
  }
}

/** Splits `text[from, to)`; every offset in the result is an offset into `text`. */
export function splitShell(text: string, from: number, to: number, options: SplitOptions): ShellSplit {
  const { dialect } = options;
  const sh = dialect === 'sh';
  const blankContinuation = options.continuation === 'blank';
  const commands: ShellCommand[] = [];
  let problem: SplitProblem | undefined;
  let words: ShellWord[] = [];
  let redirects: ShellRedirect[] = [];
  let pendingRedirect: ShellRedirect | undefined;
  const pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  const word = new WordBuilder();

  /** `$…` or a backtick command: kept as written, and the word holding it opaque. Returns where it ends. */
  const pushExpansion = (start: number, expansion: { end: number; closed: boolean }): number => {
    word.begin(start);
    word.opaque = true;
    word.pushVerbatim(text, start, expansion.end);
    if (!expansion.closed) problem ??= 'unclosed-expansion';
    return expansion.end;
  };

  const endWord = (end: number) => {
    if (!word.started) return;
    const done = word.take(end);
    if (pendingRedirect) {
      pendingRedirect.target = done;
      pendingRedirect.end = done.end;
      if (pendingRedirect.operator.endsWith('<<') || pendingRedirect.operator.endsWith('<<-')) {
        pendingHeredocs.push({ delimiter: done.value, stripTabs: pendingRedirect.operator.endsWith('-') });
      }
      pendingRedirect = undefined;
    } else {
      words.push(done);
    }
  };
  const endCommand = (terminator?: ShellCommand['terminator']) => {
    pendingRedirect = undefined;
    // An empty command is kept when an operator ends it (`(` before a subshell, `;` after `&`), so that every
    // operator of the text is in the result; line breaks alone make none.
    if (words.length > 0 || redirects.length > 0 || (terminator && lineBreakLength(terminator.text, 0) === 0)) {
      const parts = [...words, ...redirects];
      let start = parts.length > 0 ? Infinity : terminator!.start;
      let end = parts.length > 0 ? -Infinity : terminator!.start;
      for (const part of parts) {
        start = Math.min(start, part.start);
        end = Math.max(end, part.end);
      }
      commands.push({ words, redirects, start, end, ...(terminator ? { terminator } : {}) });
    }
    words = [];
    redirects = [];
  };
  /** Skips the bodies of here-documents opened on the line that ends at `lineEnd` (just past its break). */
  const skipHeredocs = (lineEnd: number): number => {
    let at = lineEnd;
    while (pendingHeredocs.length > 0) {
      const { delimiter, stripTabs } = pendingHeredocs.shift()!;
      while (at < to) {
        let lineStop = at;
        while (lineStop < to && lineBreakLength(text, lineStop) === 0) lineStop++;
        let line = text.slice(at, lineStop);
        if (stripTabs) line = line.replace(/^\t+/, '');
        at = lineStop + lineBreakLength(text, lineStop);
        if (line === delimiter) break;
      }
    }
    return Math.min(at, to);
  };

  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    const c = text[i];
    const breakLength = lineBreakLength(text, i);

    if (breakLength > 0 && sh) {
      endWord(i);
      endCommand({ text: text.slice(i, i + breakLength), start: i, end: i + breakLength });
      i = skipHeredocs(i + breakLength);
      continue;
    }
    if (isBlank(code, dialect)) {
      endWord(i);
      i++;
      continue;
    }
    if (c === '\\') {
      const escapedBreak = lineBreakLength(text, i + 1);
      if (i + 1 >= to) {
        if (sh) {
          word.begin(i);
          word.push('\\', i, i + 1);
        } else {
          problem ??= 'trailing-backslash';
          word.begin(i);
        }
        i++;
        continue;
      }
      if (sh && escapedBreak > 0) {
        if (blankContinuation) endWord(i);
        i += 1 + escapedBreak;
        continue;
      }
      word.begin(i);
      // A surrogate pair is one character for shlex (it reads code points).
      const width = text.codePointAt(i + 1)! > 0xffff ? 3 : 2;
      word.push(text.slice(i + 1, i + width), i, i + width);
      i += width;
      continue;
    }
    if (c === "'") {
      word.begin(i);
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 || close >= to ? to : close;
      word.pushVerbatim(text, i + 1, stop);
      if (stop === to) {
        problem ??= 'unclosed-quote';
        i = to;
      } else i = stop + 1;
      continue;
    }
    if (c === '"') {
      word.begin(i);
      i = readDoubleQuoted(i + 1);
      continue;
    }
    if (sh) {
      if (c === '#' && !word.started) {
        while (i < to && lineBreakLength(text, i) === 0) i++;
        continue;
      }
      if (c === '$') {
        const expansion = expansionEnd(text, i, to);
        if (expansion) {
          i = pushExpansion(i, expansion);
          continue;
        }
      }
      if (c === '`') {
        i = pushExpansion(i, backtickEnd(text, i, to));
        continue;
      }
      const redirect = operatorAt(text, i, to, REDIRECT_OPERATORS);
      if (redirect) {
        // A word of digits right before the operator is its file descriptor (`2>&1`).
        const fd = word.started && /^\d+$/.test(word.value) && !word.opaque && word.charEnds[word.charEnds.length - 1] === i ? word.take(i) : undefined;
        endWord(i);
        const start = fd ? fd.start : i;
        const operator = (fd ? fd.value : '') + redirect;
        const entry: ShellRedirect = { operator, start, end: i + redirect.length };
        redirects.push(entry);
        pendingRedirect = entry;
        i += redirect.length;
        continue;
      }
      const control = operatorAt(text, i, to, CONTROL_OPERATORS);
      if (control) {
        endWord(i);
        endCommand({ text: control, start: i, end: i + control.length });
        i += control.length;
        continue;
      }
      if (c === '*' || c === '?' || (c === '~' && !word.started)) word.opaque = true;
    }
    word.begin(i);
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    word.push(text.slice(i, i + width), i, i + width);
    i += width;
  }
  endWord(to);
  endCommand();
  return { commands, ...(problem ? { problem } : {}) };

  /** Reads a double-quoted part from just after its `"`; returns the offset after the closing `"`. */
  function readDoubleQuoted(at: number): number {
    let j = at;
    while (j < to) {
      const d = text[j];
      if (d === '"') return j + 1;
      if (d === '\\' && j + 1 < to) {
        const next = text[j + 1];
        const escapedBreak = lineBreakLength(text, j + 1);
        if (sh && escapedBreak > 0) {
          j += 1 + escapedBreak;
          continue;
        }
        if (next === '"' || next === '\\' || (sh && (next === '$' || next === '`'))) {
          word.push(next, j, j + 2);
          j += 2;
          continue;
        }
        word.push('\\', j, j + 1);
        j++;
        continue;
      }
      if (d === '\\') {
        // A backslash as the last character: shlex refuses it, the shell keeps it (and then misses the quote).
        if (!sh) problem ??= 'trailing-backslash';
        word.push('\\', j, j + 1);
        j++;
        continue;
      }
      if (sh && (d === '$' || d === '`')) {
        const expansion = d === '$' ? expansionEnd(text, j, to) : backtickEnd(text, j, to);
        if (expansion) {
          word.opaque = true;
          word.pushVerbatim(text, j, expansion.end);
          if (!expansion.closed) problem ??= 'unclosed-expansion';
          j = expansion.end;
          continue;
        }
      }
      word.pushVerbatim(text, j, j + 1);
      j++;
    }
    problem ??= 'unclosed-quote';
    return to;
  }
}

/** Whether a value holds a `$X`, `${X}` or `$(…)` that a later stage (Compose, systemd, a shell) expands. */
export function holdsExpansion(value: string): boolean {
  return /\$[A-Za-z_{(]/.test(value);
}

/** The words of a Gunicorn `GUNICORN_CMD_ARGS`-style string: Python's `shlex.split`. */
export function shlexWords(text: string, from = 0, to = text.length): ShellWord[] {
  return splitShell(text, from, to, { dialect: 'shlex' }).commands.flatMap((command) => command.words);
}

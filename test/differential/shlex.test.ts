/**
 * The word splitter against Python's shlex, the oracle for splitting (Gunicorn splits GUNICORN_CMD_ARGS with
 * `shlex.split`): the `shlex` dialect must give exactly shlex.split's words, and refuse exactly what it refuses;
 * the `sh` dialect must agree with shlex in punctuation mode (`;&|()<>` split off, `#` comments) on every text
 * where a POSIX shell and shlex read the same way (no `$`, backticks, `\` before a line break, here-documents).
 * Each word's range must slice its own source text out of the input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { ShellCommand, splitShell } from '../../server/src/parse/launch/shellWords';
import { REAL_COMMAND_LINES } from '../unit/launchExamples';

const ORACLE = `
import json, shlex, sys
out = []
for mode, text in json.load(sys.stdin):
    try:
        if mode == 'split':
            out.append(shlex.split(text))
        else:
            lex = shlex.shlex(text, posix=True, punctuation_chars=';&|()<>')
            lex.whitespace_split = True
            out.append(list(lex))
    except ValueError as error:
        out.append(str(error))
print(json.dumps(out))
`;

type OracleAnswer = string[] | string;

function askShlex(cases: ReadonlyArray<['split' | 'punctuation', string]>): OracleAnswer[] {
  const run = spawnSync('python3', ['-c', ORACLE], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) throw new Error(`python3 failed: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout) as OracleAnswer[];
}

/** The sh dialect's reading as shlex's punctuation mode lists it: words, operators and redirection targets in order. */
function tokensOf(commands: readonly ShellCommand[]): string[] {
  const tokens: Array<{ at: number; text: string }> = [];
  for (const command of commands) {
    for (const word of command.words) tokens.push({ at: word.start, text: word.value });
    for (const redirect of command.redirects) {
      tokens.push({ at: redirect.start, text: redirect.operator });
      if (redirect.target) tokens.push({ at: redirect.target.start, text: redirect.target.value });
    }
    if (command.terminator && !/^[\r\n]+$/.test(command.terminator.text)) tokens.push({ at: command.terminator.start, text: command.terminator.text });
  }
  return tokens.sort((a, b) => a.at - b.at).map((token) => token.text);
}

// Texts of every character that matters to either reader, surrogates and line breaks included.
const anyUnit = fc.constantFrom('a', 'b', '-', '=', ' ', ' ', '\t', '\n', '\r', '\\', '\\', '"', '"', "'", "'", '#', '$', '{', '}', '(', ')', ';', '&', '|', '<', '>', '`', '😀', '\uD800', 'é', '*', '~', ':');
const anyText = fc.string({ unit: anyUnit, maxLength: 24 });

// Texts on which a POSIX shell and shlex agree: operators stand between blanks or word characters.
const wordUnit = fc.constantFrom('a', 'b', 'x', '-', '=', '.', ':', '/', '1', 'é', '😀', '{', '}', '%');
const quotedPart = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', ';', '&', '|', '#', '"', '\\', '(', '\t', '\n'), maxLength: 6 }).map((inner) => `'${inner.replace(/'/g, '')}'`),
  fc.string({ unit: fc.constantFrom('a', ' ', ';', "'", '#', '\\"', '\\\\', '\\a', '\n', '|'), maxLength: 6 }).map((inner) => `"${inner}"`),
  fc.constantFrom('\\ ', '\\;', '\\#', "\\'", '\\"', '\\\\', '\\a', "''", '""'),
);
const word = fc.array(fc.oneof({ weight: 4, arbitrary: wordUnit }, { weight: 1, arbitrary: quotedPart }), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
const operator = fc.constantFrom('&&', '||', ';', '|', '&', '>', '<', '>>', '(', ')');
const gap = fc.constantFrom(' ', '  ', '\t', '\n', ' \r\n');
const shellText = fc
  .array(
    fc.oneof({ weight: 5, arbitrary: word.map((w) => ({ kind: 'word', text: w })) }, { weight: 2, arbitrary: operator.map((o) => ({ kind: 'operator', text: o })) }, { weight: 1, arbitrary: fc.constantFrom({ kind: 'comment', text: '# note; x' }) }),
    { maxLength: 10 },
  )
  .chain((parts) =>
    fc.array(gap, { minLength: parts.length, maxLength: parts.length }).map((gaps) =>
      parts
        .map((part, i) => {
          // A word right after another, or an operator next to an operator, must be kept apart by a blank;
          // a comment runs to the end of its line.
          if (part.kind === 'comment') return ` ${part.text}\n`;
          return (i > 0 ? gaps[i] : '') + part.text;
        })
        .join(''),
    ),
  );

const SEED = 20261130;

test('the shlex dialect gives exactly the words of Python shlex.split, and refuses what it refuses', () => {
  const texts = [...fc.sample(anyText, { seed: SEED, numRuns: 3000 }), ...REAL_COMMAND_LINES];
  const answers = askShlex(texts.map((text) => ['split', text]));
  let compared = 0;
  texts.forEach((text, i) => {
    const split = splitShell(text, 0, text.length, { dialect: 'shlex' });
    const words = split.commands.flatMap((command) => command.words);
    const answer = answers[i];
    if (typeof answer === 'string') {
      assert.ok(split.problem, `shlex refuses ${JSON.stringify(text)} (${answer}); pydeploy reads ${JSON.stringify(words.map((w) => w.value))}`);
    } else {
      assert.equal(split.problem, undefined, `shlex reads ${JSON.stringify(text)}; pydeploy reports ${split.problem}`);
      assert.deepEqual(words.map((w) => w.value), answer, `words of ${JSON.stringify(text)}`);
    }
    for (const w of words) assert.equal(text.slice(w.start, w.end).length, w.end - w.start);
    compared++;
  });
  assert.ok(compared >= 3000 + REAL_COMMAND_LINES.length);
});

test('the sh dialect agrees with shlex punctuation mode where a shell and shlex read alike, ranges slicing the source', () => {
  const generated = fc.sample(shellText, { seed: SEED, numRuns: 3000 });
  // Real lines where both read alike: no expansions, no continuations, no here-documents.
  const real = REAL_COMMAND_LINES.filter((text) => !/[$`]|\\\r?\n|\\$|<<|\S#/.test(text));
  const texts = [...generated, ...real];
  const answers = askShlex(texts.map((text) => ['punctuation', text]));
  texts.forEach((text, i) => {
    const split = splitShell(text, 0, text.length, { dialect: 'sh' });
    const answer = answers[i];
    assert.ok(typeof answer !== 'string', `generated ${JSON.stringify(text)}, which shlex refuses: ${answer}`);
    assert.equal(split.problem, undefined, `${JSON.stringify(text)}: ${split.problem}`);
    assert.deepEqual(tokensOf(split.commands), answer, `tokens of ${JSON.stringify(text)}`);
    for (const command of split.commands) {
      for (const w of command.words) {
        // The source of a word, read again alone, is the same one word.
        const again = splitShell(text, w.start, w.end, { dialect: 'sh' }).commands.flatMap((c) => c.words);
        assert.deepEqual(again.map((x) => x.value), [w.value], `word ${JSON.stringify(w.value)} of ${JSON.stringify(text)} sliced as ${JSON.stringify(text.slice(w.start, w.end))}`);
      }
    }
  });
  assert.ok(real.length >= 10, `only ${real.length} real lines without expansions`);
});

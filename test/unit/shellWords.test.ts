import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ShellWord, splitShell, shlexWords } from '../../server/src/parse/launch/shellWords';

const sh = (text: string) => splitShell(text, 0, text.length, { dialect: 'sh' });
const values = (text: string) => sh(text).commands.map((command) => command.words.map((word) => word.value));

/** Every word's range, sliced out of the source, is its source text; its value maps back character by character. */
function assertRangesExact(text: string, words: readonly ShellWord[]): void {
  for (const word of words) {
    assert.ok(word.start >= 0 && word.end <= text.length && word.start <= word.end, `word ${JSON.stringify(word.value)} at ${word.start}-${word.end}`);
    assert.equal(word.charStarts.length, word.value.length);
    for (let i = 0; i < word.value.length; i++) {
      assert.ok(word.charStarts[i] >= word.start && word.charEnds[i] <= word.end && word.charStarts[i] < word.charEnds[i]);
      const source = text.slice(word.charStarts[i], word.charEnds[i]);
      assert.ok(source.endsWith(word.value[i]) || source === '\\', `character ${i} of ${JSON.stringify(word.value)} comes from ${JSON.stringify(source)}`);
    }
  }
}

test('splits at blanks, keeps quotes out of values and their text inside the ranges', () => {
  const text = `gunicorn  'app:app' --bind="0.0.0.0:8000" -k\\ x ''`;
  const [command] = sh(text).commands;
  assert.deepEqual(command.words.map((w) => [w.value, text.slice(w.start, w.end)]), [
    ['gunicorn', 'gunicorn'],
    ['app:app', `'app:app'`],
    ['--bind=0.0.0.0:8000', '--bind="0.0.0.0:8000"'],
    ['-k x', '-k\\ x'],
    ['', `''`],
  ]);
  assertRangesExact(text, command.words);
});

test('ends commands at control operators and line breaks, and records what ended each', () => {
  const text = 'python manage.py migrate && gunicorn app;uwsgi a.ini | tee log || exit 1 &\nnext';
  const split = sh(text);
  assert.deepEqual(values(text), [['python', 'manage.py', 'migrate'], ['gunicorn', 'app'], ['uwsgi', 'a.ini'], ['tee', 'log'], ['exit', '1'], ['next']]);
  assert.deepEqual(split.commands.map((c) => c.terminator?.text), ['&&', ';', '|', '||', '&', undefined]);
  assert.equal(text.slice(split.commands[1].start, split.commands[1].end), 'gunicorn app');
});

test('takes redirections off the words, file descriptors included', () => {
  const [command] = sh('gunicorn app >> /var/log/g.log 2>&1 </dev/null').commands;
  assert.deepEqual(command.words.map((w) => w.value), ['gunicorn', 'app']);
  assert.deepEqual(command.redirects.map((r) => [r.operator, r.target?.value]), [['>>', '/var/log/g.log'], ['2>&', '1'], ['<', '/dev/null']]);
});

test('a # starts a comment only at the start of a word', () => {
  assert.deepEqual(values('uwsgi --ini a.ini#x # the ini\ngunicorn'), [['uwsgi', '--ini', 'a.ini#x'], ['gunicorn']]);
});

test('a backslash before a line break continues the command; systemd reads it as a blank', () => {
  const text = 'gunicorn app \\\n  --workers 3\\\n4';
  assert.deepEqual(values(text), [['gunicorn', 'app', '--workers', '34']]);
  const systemd = splitShell(text, 0, text.length, { dialect: 'sh', continuation: 'blank' });
  assert.deepEqual(systemd.commands[0].words.map((w) => w.value), ['gunicorn', 'app', '--workers', '3', '4']);
  assert.deepEqual(values('a \\\r\n b'), [['a', 'b']]);
});

test('keeps expansions as written and marks their words opaque, whatever they hold', () => {
  const text = 'gunicorn --workers ${WORKERS:-4} --bind :$PORT -t "$(expr 1 + 2)" `nproc` --x "a $B c" ~/app --k *.py plain';
  const words = sh(text).commands[0].words;
  assert.deepEqual(words.map((w) => [w.value, w.opaque]), [
    ['gunicorn', false], ['--workers', false], ['${WORKERS:-4}', true], ['--bind', false], [':$PORT', true], ['-t', false],
    ['$(expr 1 + 2)', true], ['`nproc`', true], ['--x', false], ['a $B c', true], ['~/app', true], ['--k', false], ['*.py', true], ['plain', false],
  ]);
  assertRangesExact(text, words);
  assert.deepEqual(values('echo ${A:-"x;y"} $((1+2)) $(a && b); next'), [['echo', '${A:-"x;y"}', '$((1+2))', '$(a && b)'], ['next']]);
});

test('escapes inside double quotes follow the shell: only $ ` " \\ and a line break', () => {
  assert.deepEqual(values(String.raw`x "a\$b\"c\\d\e"`), [['x', 'a$b"c\\d\\e']]);
  assert.deepEqual(values('x "a\\\nb"'), [['x', 'ab']]);
});

test('skips here-documents: their lines are not commands', () => {
  const text = "cat > /etc/x.service <<-'EOF'\n\tExecStart=/venv/bin/gunicorn app\n\tEOF\nuwsgi --ini a.ini\n";
  assert.deepEqual(values(text), [['cat'], ['uwsgi', '--ini', 'a.ini']]);
});

test('reports unclosed quotes and expansions without throwing, reading as far as it can', () => {
  assert.equal(sh(`gunicorn "app`).problem, 'unclosed-quote');
  assert.deepEqual(values(`gunicorn 'app`), [['gunicorn', 'app']]);
  assert.equal(sh('echo ${X').problem, 'unclosed-expansion');
  assert.equal(splitShell('a\\', 0, 2, { dialect: 'shlex' }).problem, 'trailing-backslash');
});

test('splits only the part it is given, with offsets into the whole text', () => {
  const text = 'CMD gunicorn app # trailing';
  const split = splitShell(text, 4, text.length, { dialect: 'sh' });
  assert.deepEqual(split.commands[0].words.map((w) => [w.value, w.start, w.end]), [['gunicorn', 4, 12], ['app', 13, 16]]);
});

test('shlex dialect: no operators, no comments, line breaks are blanks, as Gunicorn reads GUNICORN_CMD_ARGS', () => {
  assert.deepEqual(shlexWords('--bind=0.0.0.0:8000 --workers=3;x #c\n"a b"').map((w) => w.value), ['--bind=0.0.0.0:8000', '--workers=3;x', '#c', 'a b']);
});

test('never throws and stays linear on hostile input', () => {
  const hostile = ['', '\\', '"', "'", '$', '${', '$(', '`', '<<', '<<EOF', '2>', '&&&', '(((', '\r\n\\\r\n', '\uD800', '😀\\😀', '#', 'a<<b\n'];
  for (const text of hostile) for (const dialect of ['sh', 'shlex'] as const) splitShell(text, 0, text.length, { dialect });
  const long = '$(('.repeat(20000) + '"'.repeat(20001) + '`'.repeat(20001) + ' a'.repeat(200000);
  splitShell(long, 0, long.length, { dialect: 'sh' });
  splitShell(long, 0, long.length, { dialect: 'shlex' });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IniEntry, parseIni, sectionsNamed } from '../../server/src/parse/uwsgiIni';

const entries = (text: string) => parseIni(text).lines.filter((line): line is IniEntry => line.kind === 'entry');

test('keeps a range for every header, key and value', () => {
  const document = parseIni('[uwsgi]\n  module =  app:application  \nmaster=true\n');
  const [header] = document.sections.slice(1).map((section) => section.header);
  assert.deepEqual(header?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
  assert.deepEqual(header?.nameRange, { start: { line: 0, character: 1 }, end: { line: 0, character: 6 } });
  const [module, master] = document.sections[1].entries;
  assert.equal(module.key, 'module');
  assert.equal(module.value, 'app:application');
  assert.deepEqual(module.keyRange, { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } });
  assert.deepEqual(module.valueRange, { start: { line: 1, character: 12 }, end: { line: 1, character: 27 } });
  assert.equal(module.indent, '  ');
  assert.equal(module.separator, ' =  ');
  assert.equal(master.separator, '=');
});

test('splits at the first = and keeps everything after it, inline ; included', () => {
  const [entry] = entries('env = A=B ; not a comment');
  assert.equal(entry.key, 'env');
  assert.equal(entry.value, 'A=B ; not a comment');
});

test('reads a line without = as a key with an empty value, as uWSGI does', () => {
  const [entry] = entries('[uwsgi]\nmaster\n');
  assert.equal(entry.key, 'master');
  assert.equal(entry.value, '');
  assert.equal(entry.hasEquals, false);
  assert.deepEqual(entry.valueRange, { start: { line: 1, character: 6 }, end: { line: 1, character: 6 } });
});

test('treats ; and # lines as comments only at the start of a line', () => {
  const document = parseIni('; one\n  # two\nkey = v # three');
  assert.deepEqual(document.lines.map((line) => line.kind), ['comment', 'comment', 'entry']);
});

test('names a section by the header minus its first and last character, like uWSGI', () => {
  const names = parseIni('[uwsgi]\n[uwsgi] ; note\n[ uwsgi ]\n[uwsgi\n[]').sections.slice(1).map((s) => s.name);
  assert.deepEqual(names, ['uwsgi', 'uwsgi] ; not', ' uwsgi ', 'uwsg', '']);
});

test('keeps repeated keys and same-named sections in file order', () => {
  const document = parseIni('[uwsgi]\nenv = A=1\n[other]\nx = 1\n[uwsgi]\nenv = B=2\nenv = C=3\n');
  const uwsgi = sectionsNamed(document, 'uwsgi');
  assert.equal(uwsgi.length, 2);
  assert.deepEqual(uwsgi.flatMap((s) => s.entries.map((e) => e.value)), ['A=1', 'B=2', 'C=3']);
  assert.deepEqual(document.sections.map((s) => s.header?.line), [undefined, 0, 2, 4]);
});

test('strips CR from CRLF lines and reports the file\'s line ending', () => {
  const document = parseIni('[uwsgi]\r\nmaster = true\r\n');
  assert.equal(document.index.eol, '\r\n');
  assert.equal(document.sections[1].entries[0].value, 'true');
});

test('a BOM left in the text hides the first header, as it does from uWSGI', () => {
  const document = parseIni('\uFEFF[uwsgi]\nmaster = true\n');
  assert.equal(sectionsNamed(document, 'uwsgi').length, 0);
});

test('handles an empty file, a 1 MB line and binary garbage without throwing', () => {
  assert.equal(parseIni('').lines.length, 1);
  const long = 'x'.repeat(1 << 20);
  const [entry] = entries(`[uwsgi]\nkey = ${long}`);
  assert.equal(entry.value.length, 1 << 20);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let round = 0; round < 200; round++) {
    const garbage = Array.from({ length: 500 }, () => String.fromCharCode(Math.floor(random() * 0xffff))).join('');
    const document = parseIni(garbage);
    assert.equal(document.lines.length, document.index.lineCount);
  }
});

test('reads many lines without = and one far = at the end', () => {
  const document = parseIni('x\n'.repeat(200_000) + 'k = v');
  assert.equal(document.lines.length, 200_001);
  const last = document.lines[200_000];
  assert.equal(last.kind === 'entry' && last.value, 'v');
});

test('the columns give what the line objects give, and each line object is made once', () => {
  const text = '; head\n[uwsgi]\n  module =  app:application  \nmaster\n\n# tail\n[other]\nenv = A=%(x)\n';
  const document = parseIni(text);
  for (let line = 0; line < document.index.lineCount; line++) {
    const made = document.lineAt(line);
    assert.equal(made, document.lines[line], `line ${line} is one object`);
    assert.equal(document.isEntry(line), made?.kind === 'entry');
    if (made?.kind !== 'entry') continue;
    assert.equal(document.entryAt(line), made);
    assert.deepEqual(
      [document.keyAt(line), document.valueAt(line), document.hasEqualsAt(line), document.keyRangeAt(line), document.valueRangeAt(line), document.indentAt(line), document.separatorAt(line)],
      [made.key, made.value, made.hasEquals, made.keyRange, made.valueRange, made.indent, made.separator],
    );
  }
  assert.equal(document.sections[1].entries[0], document.lineAt(2));
  assert.deepEqual(document.sections.map((section) => [section.name, section.firstLine, section.endLine]), [['', 0, 1], ['uwsgi', 2, 6], ['other', 7, 9]]);
  assert.equal(document.lineAt(-1), undefined);
  assert.equal(document.lineAt(9), undefined);
});

test('comments(limit) makes only the comment lines asked for; isInValue is true inside values only', () => {
  const document = parseIni('; one\nkey = %(a)\n# two\n%(b) = c\n');
  assert.deepEqual(document.comments(1).map((comment) => comment.text), ['; one']);
  assert.deepEqual(document.comments(Infinity).map((comment) => [comment.line, comment.text]), [[0, '; one'], [2, '# two']]);
  const text = document.index.text;
  assert.equal(document.isInValue(text.indexOf('%(a)')), true);
  assert.equal(document.isInValue(text.indexOf('%(b)')), false);
  assert.equal(document.isInValue(text.indexOf('one')), false);
});

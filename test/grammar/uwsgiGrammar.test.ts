/**
 * Tokenizes uWSGI ini lines with the real TextMate grammar (syntaxes/uwsgi-ini.tmLanguage.json), through the same
 * engine VS Code uses (vscode-textmate + the oniguruma wasm), and checks the scopes of every token.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Token, loadGrammar } from '../helpers/grammar';

const ROOT = path.resolve(__dirname, '../..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes/uwsgi-ini.tmLanguage.json');
const SCOPE = 'source.uwsgi-ini';

// Shorthands for the scopes the grammar gives.
const SECTION = 'entity.name.section.group-title.ini';
const SECTION_PUNCT = `${SECTION} punctuation.definition.entity.ini`;
const KEY = 'keyword.other.definition.ini';
const LOGIC = 'keyword.control.logic.uwsgi-ini';
const EQ = 'keyword.operator.assignment.ini';
const VALUE = 'string.unquoted.value.ini';
const BOOL = `${VALUE} constant.language.boolean.uwsgi-ini`;
const MAGIC = `${VALUE} constant.language.magic.uwsgi-ini`;
const PERCENT = `${VALUE} constant.character.escape.percent.uwsgi-ini`;
const PH = `${VALUE} variable.other.placeholder.uwsgi-ini`;
const ENV = `${VALUE} variable.other.environment.uwsgi-ini`;
const FILE = `${VALUE} string.interpolated.file.uwsgi-ini`;
const LEAD = 'punctuation.whitespace.comment.leading.ini';
const SEMI = 'comment.line.semicolon.ini';
const HASH = 'comment.line.number-sign.ini';
const COMMENT_PUNCT = 'punctuation.definition.comment.ini';


let tokenizeLines: (lines: string[]) => Token[][];

before(async () => {
  ({ tokenizeLines } = await loadGrammar('uwsgi-ini.tmLanguage.json', SCOPE));
});


function tokenize(line: string): Token[] {
  return tokenizeLines([line])[0];
}

/** key = value prefix tokens for `key = ` (one space each side of `=`). */
function entry(key: string, keyScope = KEY): Token[] {
  return [[key, keyScope], [' ', ''], ['=', EQ], [' ', '']];
}

describe('uwsgi-ini grammar', () => {
  test('section header', () => {
    assert.deepEqual(tokenize('[uwsgi]'), [['[', SECTION_PUNCT], ['uwsgi', SECTION], [']', SECTION_PUNCT]]);
    assert.deepEqual(tokenize('  [app-2]  '), [['  ', ''], ['[', SECTION_PUNCT], ['app-2', SECTION], [']', SECTION_PUNCT], ['  ', '']]);
  });

  test('key, first `=` and value', () => {
    assert.deepEqual(tokenize('socket = :3031'), [...entry('socket'), [':3031', VALUE]]);
    // Split at the FIRST `=`: the second one belongs to the value.
    assert.deepEqual(tokenize('env=DJANGO_SETTINGS_MODULE=site.settings'), [
      ['env', KEY], ['=', EQ], ['DJANGO_SETTINGS_MODULE=site.settings', VALUE],
    ]);
    // Leading white space is not part of the key; a key without `=` is still a key.
    assert.deepEqual(tokenize('  harakiri-verbose'), [['  ', ''], ['harakiri-verbose', KEY]]);
    // An empty value.
    assert.deepEqual(tokenize('pythonpath ='), [['pythonpath', KEY], [' ', ''], ['=', EQ]]);
  });

  test('both comment styles, at line start or indented', () => {
    assert.deepEqual(tokenize('; a comment'), [[';', `${SEMI} ${COMMENT_PUNCT}`], [' a comment', SEMI]]);
    assert.deepEqual(tokenize('# socket = :3031'), [['#', `${HASH} ${COMMENT_PUNCT}`], [' socket = :3031', HASH]]);
    assert.deepEqual(tokenize('\t; indented'), [['\t', LEAD], [';', `${SEMI} ${COMMENT_PUNCT}`], [' indented', SEMI]]);
  });

  test('no inline comments: `;` and `#` inside a value are part of it', () => {
    assert.deepEqual(tokenize('socket = :3031 ; not a comment'), [...entry('socket'), [':3031 ; not a comment', VALUE]]);
    assert.deepEqual(tokenize('route = ^/a#b last:'), [...entry('route'), ['^/a#b last:', VALUE]]);
  });

  test('%(placeholder)', () => {
    assert.deepEqual(tokenize('chdir = %(base)/app'), [
      ...entry('chdir'),
      ['%(', `${PH} punctuation.definition.variable.begin.uwsgi-ini`],
      ['base', PH],
      [')', `${PH} punctuation.definition.variable.end.uwsgi-ini`],
      ['/app', VALUE],
    ]);
  });

  test('$(ENV)', () => {
    assert.deepEqual(tokenize('home = $(VIRTUAL_ENV)'), [
      ...entry('home'),
      ['$(', `${ENV} punctuation.definition.variable.begin.uwsgi-ini`],
      ['VIRTUAL_ENV', ENV],
      [')', `${ENV} punctuation.definition.variable.end.uwsgi-ini`],
    ]);
  });

  test('@(file)', () => {
    assert.deepEqual(tokenize('env = SECRET=@(/etc/secret)'), [
      ...entry('env'),
      ['SECRET=', VALUE],
      ['@(', `${FILE} punctuation.definition.string.begin.uwsgi-ini`],
      ['/etc/secret', FILE],
      [')', `${FILE} punctuation.definition.string.end.uwsgi-ini`],
    ]);
  });

  test('nested parentheses and expansions', () => {
    assert.deepEqual(tokenize('x = $(A(B))c'), [
      ...entry('x'),
      ['$(', `${ENV} punctuation.definition.variable.begin.uwsgi-ini`],
      ['A', ENV],
      ['(', ENV],
      ['B', ENV],
      [')', ENV],
      [')', `${ENV} punctuation.definition.variable.end.uwsgi-ini`],
      ['c', VALUE],
    ]);
    assert.deepEqual(tokenize('x = @(%(dir)/f)'), [
      ...entry('x'),
      ['@(', `${FILE} punctuation.definition.string.begin.uwsgi-ini`],
      ['%(', `${FILE} variable.other.placeholder.uwsgi-ini punctuation.definition.variable.begin.uwsgi-ini`],
      ['dir', `${FILE} variable.other.placeholder.uwsgi-ini`],
      [')', `${FILE} variable.other.placeholder.uwsgi-ini punctuation.definition.variable.end.uwsgi-ini`],
      ['/f', FILE],
      [')', `${FILE} punctuation.definition.string.end.uwsgi-ini`],
    ]);
  });

  test('an unclosed expansion stops at the end of its line', () => {
    const [first, second] = tokenizeLines(['home = $(VIRTUAL_ENV', 'master = true']);
    assert.deepEqual(first, [
      ...entry('home'),
      ['$(', `${ENV} punctuation.definition.variable.begin.uwsgi-ini`],
      ['VIRTUAL_ENV', ENV],
    ]);
    assert.deepEqual(second, [...entry('master'), ['true', BOOL]]);
  });

  test('magic variables and %%', () => {
    assert.deepEqual(tokenize('chdir = %d'), [...entry('chdir'), ['%d', MAGIC]]);
    assert.deepEqual(tokenize('logto = /var/log/%n-%0.log'), [
      ...entry('logto'), ['/var/log/', VALUE], ['%n', MAGIC], ['-', VALUE], ['%0', MAGIC], ['.log', VALUE],
    ]);
    // %% is a literal percent, so `%%d` is `%` followed by `d`, not a magic variable.
    assert.deepEqual(tokenize('log-format = 100%% %%d'), [
      ...entry('log-format'), ['100', VALUE], ['%%', PERCENT], [' ', VALUE], ['%%', PERCENT], ['d', VALUE],
    ]);
    // An unknown letter is plain text.
    assert.deepEqual(tokenize('x = %q'), [...entry('x'), ['%q', VALUE]]);
  });

  test('boolean values, only when they are the whole value', () => {
    assert.deepEqual(tokenize('master = true'), [...entry('master'), ['true', BOOL]]);
    assert.deepEqual(tokenize('enable-threads = Off  '), [...entry('enable-threads'), ['Off', BOOL], ['  ', '']]);
    assert.deepEqual(tokenize('vacuum=yes'), [['vacuum', KEY], ['=', EQ], ['yes', BOOL]]);
    assert.deepEqual(tokenize('module = yes.wsgi'), [...entry('module'), ['yes.wsgi', VALUE]]);
    assert.deepEqual(tokenize('master = truely'), [...entry('master'), ['truely', VALUE]]);
  });

  test('config logic keys are keywords', () => {
    const lines = tokenizeLines(['if-env = VIRTUAL_ENV', 'home = $(VIRTUAL_ENV)', 'endif =', 'for-glob = /etc/*.ini', 'endfor =', 'if-not-exists = /x', 'end']);
    assert.deepEqual(lines[0], [...entry('if-env', LOGIC), ['VIRTUAL_ENV', VALUE]]);
    assert.deepEqual(lines[2], [['endif', LOGIC], [' ', ''], ['=', EQ]]);
    assert.deepEqual(lines[3], [...entry('for-glob', LOGIC), ['/etc/*.ini', VALUE]]);
    assert.deepEqual(lines[4], [['endfor', LOGIC], [' ', ''], ['=', EQ]]);
    assert.deepEqual(lines[5], [...entry('if-not-exists', LOGIC), ['/x', VALUE]]);
    assert.deepEqual(lines[6], [['end', LOGIC]]);
    // Only the whole key: `format` and `endpoint` are ordinary keys.
    assert.deepEqual(tokenize('format = x'), [...entry('format'), ['x', VALUE]]);
    assert.deepEqual(tokenize('endpoint = x'), [...entry('endpoint'), ['x', VALUE]]);
  });

  test('a whole file keeps its state line to line', () => {
    const lines = tokenizeLines(['[uwsgi]', '; comment', 'socket = :3031 ; x', '', '[other]', 'a = b']);
    assert.deepEqual(lines.map((tokens) => tokens.map(([, scopes]) => scopes)), [
      [SECTION_PUNCT, SECTION, SECTION_PUNCT],
      [`${SEMI} ${COMMENT_PUNCT}`, SEMI],
      [KEY, '', EQ, '', VALUE],
      [''],
      [SECTION_PUNCT, SECTION, SECTION_PUNCT],
      [KEY, '', EQ, '', VALUE],
    ]);
  });
});

describe('package.json contributions', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  test('the uwsgi-ini language and grammar point at files that exist', () => {
    const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'uwsgi-ini');
    assert.ok(language);
    assert.deepEqual(language.filenamePatterns, ['uwsgi*.ini']);
    assert.ok(new RegExp(language.firstLine).test('[uwsgi]'));
    assert.ok(!new RegExp(language.firstLine).test('[app]'));
    const configuration = JSON.parse(fs.readFileSync(path.join(ROOT, language.configuration), 'utf8'));
    assert.equal(configuration.comments.lineComment, ';');
    const contribution = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'uwsgi-ini');
    assert.equal(contribution.scopeName, SCOPE);
    assert.equal(path.resolve(ROOT, contribution.path), GRAMMAR_PATH);
    for (const event of ['onLanguage:uwsgi-ini', 'onLanguage:ini', 'onLanguage:python', 'onCommand:pydeploy.newDeploymentConfig']) assert.ok(manifest.activationEvents.includes(event), event);
  });
});

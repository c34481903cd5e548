/**
 * Tokenizes Tingyun agent config lines with the real TextMate grammar (syntaxes/tingyun-ini.tmLanguage.json), through
 * the engine VS Code uses (vscode-textmate + the oniguruma wasm), and checks the package.json contributions.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Token, loadGrammar } from '../helpers/grammar';

const ROOT = path.resolve(__dirname, '../..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes/tingyun-ini.tmLanguage.json');
const SCOPE = 'source.tingyun-ini';

const SECTION = 'entity.name.section.group-title.ini';
const SECTION_PUNCT = `${SECTION} punctuation.definition.entity.ini`;
const KEY = 'keyword.other.definition.ini';
const EQ = 'keyword.operator.assignment.ini';
const VALUE = 'string.unquoted.value.ini';
const BOOL = `${VALUE} constant.language.boolean.tingyun-ini`;
const SEMI = 'comment.line.semicolon.ini';
const HASH = 'comment.line.number-sign.ini';
const COMMENT_PUNCT = 'punctuation.definition.comment.ini';
const LEAD = 'punctuation.whitespace.comment.leading.ini';

let tokenizeLines: (lines: string[]) => Token[][];

before(async () => {
  ({ tokenizeLines } = await loadGrammar('tingyun-ini.tmLanguage.json', SCOPE));
});


const tokenize = (line: string): Token[] => tokenizeLines([line])[0];
const entry = (key: string, delimiter = '='): Token[] => [[key, KEY], [' ', ''], [delimiter, EQ], [' ', '']];

describe('tingyun-ini grammar', () => {
  test('section headers, including the sub-sections', () => {
    assert.deepEqual(tokenize('[tingyun]'), [['[', SECTION_PUNCT], ['tingyun', SECTION], [']', SECTION_PUNCT]]);
    assert.deepEqual(tokenize('[tingyun:exclude]'), [['[', SECTION_PUNCT], ['tingyun:exclude', SECTION], [']', SECTION_PUNCT]]);
  });

  test('`=` and `:` both separate key and value, at the first of them', () => {
    assert.deepEqual(tokenize('license_key = 123-456'), [...entry('license_key'), ['123-456', VALUE]]);
    assert.deepEqual(tokenize('log_file : /tmp/a.log'), [...entry('log_file', ':'), ['/tmp/a.log', VALUE]]);
    assert.deepEqual(tokenize('proxy_host = http://u:p@h'), [...entry('proxy_host'), ['http://u:p@h', VALUE]]);
    assert.deepEqual(tokenize('action_tracer.log_sql = False'), [...entry('action_tracer.log_sql'), ['False', BOOL]]);
  });

  test('the agent\'s booleans only, and only as the whole value', () => {
    assert.deepEqual(tokenize('enabled = On'), [...entry('enabled'), ['On', BOOL]]);
    assert.deepEqual(tokenize('enabled = yes'), [...entry('enabled'), ['yes', VALUE]]);
    assert.deepEqual(tokenize('ssl = true ; x'), [...entry('ssl'), ['true ; x', VALUE]]);
  });

  test('comment lines, indented or not; no inline comments', () => {
    assert.deepEqual(tokenize('; note'), [[';', `${SEMI} ${COMMENT_PUNCT}`], [' note', SEMI]]);
    assert.deepEqual(tokenize('  # note'), [['  ', LEAD], ['#', `${HASH} ${COMMENT_PUNCT}`], [' note', HASH]]);
    assert.deepEqual(tokenize('app_name = A # B'), [...entry('app_name'), ['A # B', VALUE]]);
  });
});

describe('package.json: the tingyun-ini language, grammar and snippets', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  test('point at files that exist', () => {
    const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'tingyun-ini');
    assert.deepEqual(language.filenamePatterns, ['tingyun*.ini']);
    assert.ok(new RegExp(language.firstLine).test('[tingyun]'));
    assert.ok(!new RegExp(language.firstLine).test('[newrelic]'));
    assert.equal(JSON.parse(fs.readFileSync(path.join(ROOT, language.configuration), 'utf8')).comments.lineComment, ';');
    const contribution = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'tingyun-ini');
    assert.equal(contribution.scopeName, SCOPE);
    assert.equal(path.resolve(ROOT, contribution.path), GRAMMAR_PATH);
    const snippets = manifest.contributes.snippets.find((s: { language: string }) => s.language === 'tingyun-ini');
    assert.ok(fs.existsSync(path.join(ROOT, snippets.path)));
    assert.ok(manifest.activationEvents.includes('onLanguage:tingyun-ini'));
  });
});

/**
 * newrelic.ini as Python reads it. The New Relic agent reads its config with `configparser.RawConfigParser()` in
 * its default, strict mode (newrelic/config.py at e3c9c1d035a5889d70ef6ce1bb90379b70040c4d: `_config_object`), so
 * Python's own configparser is the oracle: for each text, whether it refuses the file, and if not, the sections,
 * keys (lower-cased) and values the agent would look up, `[DEFAULT]`'s inherited ones included; and for every value,
 * whether `getint`, `getfloat` and `getboolean` take it. pydeploy must agree: the file is refused exactly when
 * newrelic/syntax-error or newrelic/duplicate-option reports it, and otherwise NewRelicConfig sees the same values.
 * RawConfigParser does no `%(...)s` interpolation, so texts with `%` must read literally.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/features/analysis';
import { DEFAULT_SECTION, NEWRELIC_BOOLEAN_FALSE, NEWRELIC_BOOLEAN_TRUE, isPythonFloat, isPythonInt } from '../../server/src/knowledge/newrelic/options';
import type { DocumentOfKind } from '../../server/src/model/document';
import { corpusFiles } from '../helpers/corpus';
import { memoryWorkspace } from '../helpers/memoryWorkspace';
import { unavailable } from '../helpers/unavailable';

const PYTHON = 'python3';

/** Reads each text of a JSON list as the agent does and prints what it got, one JSON object per text. */
const ORACLE = String.raw`
import configparser, json, sys

def verdicts(value):
    def ok(convert):
        try:
            convert(value)
            return True
        except ValueError:
            return False
    parser = configparser.RawConfigParser()
    return {"int": ok(int), "float": ok(float), "bool": value.lower() in parser.BOOLEAN_STATES}

results = []
for text in json.load(sys.stdin):
    parser = configparser.RawConfigParser()
    try:
        parser.read_string(text)
    except configparser.Error as error:
        results.append({"refused": type(error).__name__})
        continue
    sections = [[name, [[key, value, verdicts(value)] for key, value in parser.items(name)]] for name in parser.sections()]
    defaults = [[key, value, verdicts(value)] for key, value in parser.defaults().items()]
    results.append({"sections": sections, "defaults": defaults})
print(json.dumps(results))
`;

type Verdicts = { int: boolean; float: boolean; bool: boolean };
type Item = [string, string, Verdicts];
type Reading = { refused: string } | { sections: Array<[string, Item[]]>; defaults: Item[] };

function pythonAvailable(): boolean {
  const probe = spawnSync(PYTHON, ['-c', 'import configparser'], { encoding: 'utf8' });
  return !probe.error && probe.status === 0;
}

function pythonReadings(texts: readonly string[]): Reading[] {
  // The agent opens the file in Python's text mode, which reads `\r\n` and a lone `\r` as `\n` (read_string would not).
  const run = spawnSync(PYTHON, ['-c', ORACLE], { input: JSON.stringify(texts.map((text) => text.replace(/\r\n?/g, '\n'))), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Reading[];
}

/** What pydeploy makes of a text: refused (by which rules), or the sections as the agent would look them up. */
function pydeployReading(text: string): { refused: string[] } | { sections: Array<[string, Array<[string, string]>]>; defaults: Array<[string, string]> } {
  const path = '/project/newrelic.ini';
  const analysis = analyze(path, text, {}, memoryWorkspace({ [path]: text }, '/project'));
  assert.ok(analysis && analysis.document.kind === 'newrelic-ini');
  const refusing = analysis.findings.map(({ rule }) => rule.id).filter((id) => id === 'newrelic/syntax-error' || id === 'newrelic/duplicate-option');
  if (refusing.length > 0) return { refused: refusing };
  const config = (analysis.document as DocumentOfKind<'newrelic-ini'>).newrelic;
  const own = (name: string) => config.sections.filter((section) => section.name === name).flatMap((section) => section.entries).map((entry): [string, string] => [entry.key.toLowerCase(), entry.value]);
  const defaults = own(DEFAULT_SECTION);
  const names = [...new Set(config.sections.map((section) => section.name))].filter((name) => name !== DEFAULT_SECTION);
  const sections = names.map((name): [string, Array<[string, string]>] => {
    // items() is `[DEFAULT]`'s keys updated with the section's own, in Python's dict order: an inherited key keeps its
    // place and takes the section's value, a key of the section's own comes after.
    const items = new Map(defaults);
    for (const [key, value] of own(name)) items.set(key, value);
    return [name, [...items]];
  });
  return { sections, defaults };
}

function compare(text: string, python: Reading): void {
  const ours = pydeployReading(text);
  const label = JSON.stringify(text);
  if ('refused' in python) {
    assert.ok('refused' in ours, `Python refuses ${label} (${python.refused}); pydeploy reads it`);
    return;
  }
  assert.ok(!('refused' in ours), `Python reads ${label}; pydeploy reports ${'refused' in ours ? ours.refused.join(', ') : ''}`);
  assert.deepEqual(ours.sections, python.sections.map(([name, items]) => [name, items.map(([key, value]) => [key, value])]), label);
  assert.deepEqual(ours.defaults, python.defaults.map(([key, value]) => [key, value]), label);
}

function compareValueReaders(python: Reading): number {
  if ('refused' in python) return 0;
  const items = [...python.sections.flatMap(([, items]) => items), ...python.defaults];
  for (const [key, value, verdict] of items) {
    const lower = value.toLowerCase();
    assert.equal(isPythonInt(value), verdict.int, `int(${JSON.stringify(value)}) of ${key}`);
    assert.equal(isPythonFloat(value), verdict.float, `float(${JSON.stringify(value)}) of ${key}`);
    assert.equal(NEWRELIC_BOOLEAN_TRUE.includes(lower) || NEWRELIC_BOOLEAN_FALSE.includes(lower), verdict.bool, `getboolean ${JSON.stringify(value)} of ${key}`);
  }
  return items.length;
}

/** Odd texts, each there for a rule of Python's reader. */
const ODD_TEXTS = [
  '[newrelic]\nlicense_key = abc\n',
  '[newrelic]\nLicense_Key: abc\nApp_Name=shop\n',
  // Continuation lines: deeper indentation continues the value; blank lines inside stay, trailing ones go; comment lines are skipped.
  '[newrelic]\napp_name = a\n  b\n\n   c\n\n\nlog_level = info\n',
  '[newrelic]\napp_name = a\n# comment\n  b\n;x\n\tc\n',
  '  [newrelic]\n  app_name = a\n  b = c\n    d\n',
  '[newrelic]\napp_name = a\n  [newrelic:x]\n',
  // No interpolation: `%` is kept as written, even when ConfigParser would refuse it.
  '[newrelic]\nlicense_key = %(NEW_RELIC_LICENSE_KEY)s\napp_name = 100%\nlog_file = %(here)s/%%.log\n',
  // Duplicates: strict mode refuses a repeated section and a repeated key (any case), but not two [DEFAULT] parts.
  '[newrelic]\napp_name = a\n[newrelic]\nlog_level = info\n',
  '[newrelic]\napp_name = a\nAPP_NAME = b\n',
  '[DEFAULT]\na = 1\n[DEFAULT]\nb = 2\n[newrelic]\na = 3\n',
  '[DEFAULT]\na = 1\n[DEFAULT]\nA = 2\n',
  '[newrelic]\na = 1\n[other]\na = 1\n',
  // Refused lines: an option before any header, a line without a delimiter, an empty key, an unclosed header.
  'license_key = abc\n[newrelic]\n',
  '# only comments\n\n  \nlicense_key = abc\n',
  '[newrelic]\nmonitor_mode\n',
  '[newrelic]\n= value\n',
  '[newrelic]\n  : value\n',
  '[newrelic\napp_name = a\n',
  // Headers: up to the last `]`, text after it ignored, spaces kept in the name.
  '[newrelic] ; main\n[ newrelic:x ]\na = 1\n[a]b]\nc = 2\n',
  '[newrelic]\nkey:with = colon\nother = a:b=c\nempty =\nspaced   =   v  \n',
  // The key ends at the first `=` or `:`; a bracket in a key is just text.
  '[newrelic]\n[a=b\n',
  '[newrelic]\r\napp_name = a\r\n  b\r\n',
  '[newrelic]\rapp_name = a\r  b\rlog_level = info',
  '',
  '\n\n# nothing\n',
  '[DEFAULT]\nmonitor_mode = yes\n[newrelic]\n[newrelic:staging]\nmonitor_mode = Off\n',
  // Values the getters take or refuse.
  '[newrelic]\na = 1_000\nb = ١٢\nc = +3\nd = 1__0\ne = .5\nf = 1e3\ng = -Infinity\nh = nan\ni = 0x10\nj = 1.\nk = YES\nl = On\nm = 2\nn = true ; x\n',
];

/** Random texts from the pieces Python's reader treats differently. */
const LINE = fc.oneof(
  fc.constantFrom('[newrelic]', '[newrelic:staging]', '[DEFAULT]', '[other]', ' [newrelic]', '[newrelic', '[]', '[a]]', '# c', '; c', '  # c', '', '  ', '\t'),
  fc.tuple(
    fc.constantFrom('', ' ', '  ', '\t'),
    fc.constantFrom('app_name', 'App_Name', 'log_level', 'monitor_mode', 'x', '', 'a b', '[k'),
    fc.constantFrom(' = ', '=', ': ', ' :', ' ', ''),
    fc.constantFrom('1', 'yes', 'Off', 'abc', '', '%(x)s', '100%', ' v ', '1_0', '-2.5e3', 'a = b', ': c'),
  ).map(([indent, key, delimiter, value]) => `${indent}${key}${delimiter}${value}`),
);
const TEXT = fc.tuple(fc.array(LINE, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean()).map(([lines, eol, final]) => lines.join(eol) + (final ? eol : ''));

describe('newrelic.ini: pydeploy reads what Python’s RawConfigParser (the agent’s reader) reads', () => {
  const available = pythonAvailable();

  test('odd texts: continuation lines, `%`, duplicates, refused lines, header forms, getter values', (t) => {
    if (!available) return t.skip(unavailable('python3 with configparser is not installed', 'run npm run setup:system'));
    const readings = pythonReadings(ODD_TEXTS);
    ODD_TEXTS.forEach((text, i) => compare(text, readings[i]));
    const refused = readings.filter((reading) => 'refused' in reading).length;
    // The set holds both kinds, so neither half of the comparison is vacuous.
    assert.equal(refused, 9);
    assert.ok(readings.reduce((count, reading) => count + compareValueReaders(reading), 0) > 40);
  });

  test('the real-world newrelic.ini files of the corpus', (t) => {
    if (!available) return t.skip(unavailable('python3 with configparser is not installed', 'run npm run setup:system'));
    const texts = corpusFiles('agent').filter((file) => !file.local.endsWith('tingyun.ini')).map((file) => file.text);
    assert.equal(texts.length, 10);
    const readings = pythonReadings(texts);
    texts.forEach((text, i) => compare(text, readings[i]));
    assert.ok(readings.every((reading) => !('refused' in reading)));
    readings.forEach(compareValueReaders);
  });

  test('a byte order mark: Python refuses the file, and pydeploy reports it when the file on disk has one', (t) => {
    if (!available) return t.skip(unavailable('python3 with configparser is not installed', 'run npm run setup:system'));
    const text = '[newrelic]\nlicense_key = abc\n';
    const [withMark, without] = pythonReadings([`\uFEFF${text}`, text]);
    assert.deepEqual(withMark, { refused: 'MissingSectionHeaderError' });
    assert.ok(!('refused' in without));
    // Shells take the mark off the text (as editors do) and say it was there.
    const path = '/project/newrelic.ini';
    const workspace = { ...memoryWorkspace({ [path]: text }, '/project'), hasByteOrderMark: (candidate: string) => candidate === path };
    assert.deepEqual(analyze(path, text, {}, workspace)?.findings.map(({ rule }) => rule.id), ['newrelic/syntax-error']);
  });

  test('generated texts', (t) => {
    if (!available) return t.skip(unavailable('python3 with configparser is not installed', 'run npm run setup:system'));
    const texts = fc.sample(TEXT, { numRuns: 1500, seed: 4242 });
    const readings = pythonReadings(texts);
    texts.forEach((text, i) => compare(text, readings[i]));
    const refused = readings.filter((reading) => 'refused' in reading).length;
    assert.ok(refused > 100 && refused < texts.length - 100, `${refused} of ${texts.length} refused`);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, readDocument } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { fixAllText, quickFixes } from '../../server/src/features/codeActions';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { documentSymbols } from '../../server/src/features/symbols';
import { applyTextEdits } from '../../server/src/text/edits';
import { parseAgentIni } from '../../server/src/parse/agentIni';
import { detectFileKind } from '../../server/src/features/fileKinds';
import { analyzeCorpusFile, corpusFiles, pinsOf } from '../helpers/corpus';

const PATH = '/project/tingyun.ini';
const HEAD = '[tingyun]\nlicense_key = 0123-abcd\n';

function found(text: string, path = PATH): string[] {
  const analysis = analyze(path, text);
  assert.ok(analysis, `${path} is not handled`);
  return diagnosticsOf(analysis).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.severity} ${d.code}`);
}

function messages(text: string): string[] {
  return diagnosticsOf(analyze(PATH, text)!).map((d) => d.message);
}

function fix(text: string, line: number, character: number, title: string): string {
  const analysis = analyze(PATH, text)!;
  const at = { line, character };
  const action = quickFixes(analysis, { start: at, end: at }).find((candidate) => candidate.title === title);
  assert.ok(action, `no fix "${title}"; have ${quickFixes(analysis, { start: at, end: at }).map((a) => a.title).join(', ')}`);
  return applyTextEdits(text, action.edits);
}

describe('agent config: file kind and reader', () => {
  test('tingyun*.ini by name, other .ini files by a [tingyun...] section; newrelic.ini is New Relic\'s', () => {
    assert.equal(detectFileKind('/p/tingyun.ini', ''), 'agent-ini');
    assert.equal(detectFileKind('/p/tingyun-prod.ini', ''), 'agent-ini');
    assert.equal(detectFileKind('/p/apm.ini', '; x\n[tingyun:proxy]\n'), 'agent-ini');
    assert.equal(detectFileKind('/p/newrelic.ini', '[newrelic]\nlicense_key = x\n'), 'newrelic-ini');
    assert.equal(detectFileKind('/p/app.ini', '[uwsgi]\n[tingyun]\n'), 'uwsgi-ini');
    assert.equal(detectFileKind('/p/requirements-dev.txt', ''), 'requirements');
  });

  test("reads like Python's configparser: `:` delimiter, continuation lines, header up to the last `]`", () => {
    const document = parseAgentIni('[tingyun] ; main\nlog_file: /tmp/a.log\napp_name = A\n  B\n; c\n');
    const section = document.sections[1];
    assert.equal(section.name, 'tingyun');
    assert.deepEqual(section.entries.map((entry) => [entry.key, entry.value]), [['log_file', '/tmp/a.log'], ['app_name', 'A\nB']]);
    assert.deepEqual(document.continuations, [3]);
  });
});

describe('agent rules', () => {
  test('a ready file has no finding', () => {
    assert.deepEqual(found(`${HEAD}enabled = On\nlog_level = debug\n[tingyun:exclude]\nplugins = redis, mako\n[tingyun:proxy]\nproxy_scheme = HTTPS\n`), []);
  });

  test('tingyun/missing-section: none, a differently cased one, and options above every header (with a fix)', () => {
    assert.deepEqual(found('[app]\nx = 1\n', '/project/tingyun.ini'), ['0:0-5 error tingyun/missing-section']);
    assert.match(messages('[TingYun]\nlicense_key = k\n')[0], /case-sensitive/);
    const headerless = 'license_key = k\nenabled = true\n';
    assert.deepEqual(found(headerless), ['0:0-11 error tingyun/missing-section']);
    assert.equal(fixAllText(PATH, headerless), '[tingyun]\nlicense_key = k\nenabled = true\n');
  });

  test('tingyun/missing-license-key: absent, empty, the template placeholder; a real key is fine', () => {
    assert.deepEqual(found('[tingyun]\nenabled = true\n'), ['0:0-9 error tingyun/missing-license-key']);
    assert.deepEqual(found('[tingyun]\nlicense_key =\n'), ['1:0-11 error tingyun/missing-license-key']);
    assert.deepEqual(found('[tingyun]\nlicense_key = ** YOUR-LICENSE-KEY **\n'), ['1:14-36 error tingyun/missing-license-key']);
    assert.deepEqual(found('[tingyun]\nLICENSE_KEY = abc\n'), []);
  });

  test('tingyun/unknown-option: did-you-mean fixes, wrong section, later-release options are known', () => {
    const text = `${HEAD}licence_key = x\nproxy_host = p\ncollectors = c:7665\n[tingyun:private]\nhots = h\n`;
    assert.deepEqual(found(text), ['2:0-11 warning tingyun/unknown-option', '3:0-10 warning tingyun/unknown-option', '6:0-4 warning tingyun/unknown-option']);
    const [licence, proxy, hots] = messages(text);
    assert.match(licence, /Did you mean `license_key`/);
    assert.match(proxy, /belongs in \[tingyun:proxy\]/);
    assert.match(hots, /`host`/);
    assert.equal(fix(text, 6, 1, "Change 'hots' to 'host'").split('\n')[6], 'host = h');
  });

  test('tingyun/unknown-section, with a rename fix', () => {
    const text = `${HEAD}[tingyun:proxies]\nproxy_host = p\n`;
    assert.deepEqual(found(text), ['2:0-17 warning tingyun/unknown-section']);
    assert.equal(fix(text, 2, 3, 'Rename the section to [tingyun:proxy]').split('\n')[2], '[tingyun:proxy]');
  });

  test('tingyun/invalid-value: booleans the agent drops, with fixes to true/false', () => {
    const text = `${HEAD}enabled = no\naudit_mode = 1\nssl = yes\nurls_merge = True ; merge\n`;
    assert.deepEqual(found(text), ['2:10-12 error tingyun/invalid-value', '3:13-14 error tingyun/invalid-value', '4:6-9 error tingyun/invalid-value', '5:13-25 error tingyun/invalid-value']);
    assert.match(messages(text)[0], /`enabled` stays at its default \(true\)/);
    assert.equal(fix(text, 2, 11, "Set 'enabled' to 'false'").split('\n')[2], 'enabled = false');
    assert.equal(fix(text, 2, 11, "Set 'enabled' to 'true'").split('\n')[2], 'enabled = true');
    assert.equal(
      fixAllText(PATH, text),
      `${HEAD}enabled = false\naudit_mode = true\nssl = true\n; merge\nurls_merge = true\n`,
    );
  });

  test('tingyun/invalid-value: log level, proxy scheme, an inline comment in a string, a line without `=`', () => {
    const text = `${HEAD}log_level = infoo\nlog_file = /tmp/a.log  # agent log\n[tingyun:proxy]\nproxy_scheme = socks5\nproxy_port\n`;
    assert.deepEqual(found(text), ['2:12-17 error tingyun/invalid-value', '3:11-34 error tingyun/invalid-value', '5:15-21 error tingyun/invalid-value', '6:0-10 error tingyun/invalid-value']);
    assert.match(messages(text)[3], /refuses the whole file/);
    assert.equal(fix(text, 2, 13, "Set 'log_level' to 'info'").split('\n')[2], 'log_level = info');
    assert.equal(fix(text, 3, 14, 'Move the comment to its own line').split('\n').slice(3, 5).join('|'), '# agent log|log_file = /tmp/a.log');
  });

  test('tingyun/duplicate-option: a repeated key (any case) and a repeated section', () => {
    const text = `${HEAD}enabled = true\nENABLED = true\n[tingyun]\nssl = true\n`;
    assert.deepEqual(found(text), ['3:0-7 error tingyun/duplicate-option', '4:0-9 error tingyun/duplicate-option']);
    assert.equal(fixAllText(PATH, text), `${HEAD}enabled = true\n[tingyun]\nssl = true\n`);
  });

  test('tingyun/exclude-plugins: unknown names and names that switch off another group', () => {
    const text = `${HEAD}[tingyun:exclude]\nplugins = pymysql,redsi, psycopg2cffi, tornado-wsgi-adapter-mode\n`;
    assert.deepEqual(found(text), ['3:10-17 warning tingyun/exclude-plugins', '3:18-23 warning tingyun/exclude-plugins', '3:25-37 warning tingyun/exclude-plugins']);
    const [pymysql, redsi, cffi] = messages(text);
    assert.match(pymysql, /also switches off `mysql`/);
    assert.match(redsi, /Did you mean `redis`/);
    assert.match(cffi, /`psycopg2`/);
    assert.deepEqual(found(`${HEAD}[tingyun:exclude]\nplugins = pymysql, mysql\n`), []);
  });

  test('hover, completion and outline of the agent config', () => {
    const text = `${HEAD}enabled = true\nlo\n[tingyun:exclude]\nplugins = redis, \n`;
    const document = readDocument(PATH, text)!;
    const hover = hoverAt(document, { line: 2, character: 2 });
    assert.match(hover!.contents, /\*\*enabled\*\*/);
    assert.match(hover!.contents, /\*\*Default:\*\* `true`/);
    assert.match(hoverAt(document, { line: 5, character: 12 })!.contents, /redis-py/);
    const names = completionsAt(document, { line: 3, character: 2 }).map((item) => item.label);
    assert.ok(names.includes('log_level') && names.includes('tornado_wsgi_adapter_mode') && !names.includes('enabled'));
    assert.deepEqual(completionsAt(document, { line: 2, character: 10 }).map((item) => item.label), ['true', 'false']);
    assert.ok(completionsAt(document, { line: 5, character: 17 }).some((item) => item.label === 'pymysql'));
    assert.deepEqual(documentSymbols(document).map((symbol) => symbol.name), ['[tingyun]', '[tingyun:exclude]']);
  });
});

describe('agent configs of the corpus', () => {
  test('every finding on the tingyun.ini files is pinned, and only real mistakes are (newrelic.ini: newrelicRules.test.ts)', () => {
    const files = corpusFiles('agent').filter((file) => file.local.endsWith('tingyun.ini'));
    assert.equal(files.length, 3);
    assert.ok(files.every((file) => analyzeCorpusFile(file)?.document.kind === 'agent-ini'));
    assert.deepEqual(
      files.flatMap((file) => pinsOf(file, analyzeCorpusFile(file))),
      // The agent's own shipped template, with its license placeholder left in.
      ['agent/009-Iliker-tingyun-python3-tingyun.ini:16:15 tingyun/missing-license-key'],
    );
  });
});

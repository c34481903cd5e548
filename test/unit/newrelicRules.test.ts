/**
 * newrelic.ini, read the way the New Relic Python agent reads it (Python's RawConfigParser, the option table
 * generated from the agent's newrelic/config.py): file kind, rules with exact ranges, messages and fixes, hover,
 * completion, and the real-world newrelic.ini files of test/corpus.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, readDocument } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { fixAllText, quickFixes } from '../../server/src/features/codeActions';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { documentSymbols } from '../../server/src/features/symbols';
import { applyTextEdits } from '../../server/src/text/edits';
import { detectFileKind } from '../../server/src/features/fileKinds';
import { NEWRELIC_OPTION_ROWS, NEWRELIC_REMOVED_OPTIONS } from '../../server/src/knowledge/newrelic/optionTable';
import { isPythonFloat, isPythonInt, judgeNewRelicValue, newRelicOption } from '../../server/src/knowledge/newrelic/options';
import { analyzeCorpusFile, corpusFiles, pinsOf } from '../helpers/corpus';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

const PATH = '/project/newrelic.ini';
const KEY = '0123456789abcdef0123456789abcdef01234567';
const HEAD = `[newrelic]\nlicense_key = ${KEY}\n`;

function diagnostics(text: string, path = PATH, files: Record<string, string> = {}) {
  const analysis = analyze(path, text, {}, memoryWorkspace({ [path]: text, ...files }, '/project'));
  assert.ok(analysis, `${path} is not handled`);
  return diagnosticsOf(analysis);
}

function found(text: string, path = PATH, files: Record<string, string> = {}): string[] {
  return diagnostics(text, path, files).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code}`);
}

function messages(text: string, files: Record<string, string> = {}): string[] {
  return diagnostics(text, PATH, files).map((d) => d.message);
}

function fix(text: string, line: number, character: number, title: string): string {
  const analysis = analyze(PATH, text, {}, memoryWorkspace({ [PATH]: text }, '/project'))!;
  const at = { line, character };
  const actions = quickFixes(analysis, { start: at, end: at });
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no fix "${title}"; have ${actions.map((a) => a.title).join(', ')}`);
  return applyTextEdits(text, action.edits);
}

describe('newrelic.ini: file kind and option table', () => {
  test('newrelic*.ini by name, another .ini by a [newrelic...] header; uWSGI and Tingyun win in a shared file', () => {
    assert.equal(detectFileKind('/p/newrelic.ini', ''), 'newrelic-ini');
    assert.equal(detectFileKind('/p/newrelic-worker.ini', ''), 'newrelic-ini');
    assert.equal(detectFileKind('/p/NewRelic.INI', ''), 'newrelic-ini');
    assert.equal(detectFileKind('/p/apm.ini', '; x\n[newrelic:staging]\n'), 'newrelic-ini');
    assert.equal(detectFileKind('/p/apm.ini', '[newrelic]\n[uwsgi]\n'), 'uwsgi-ini');
    assert.equal(detectFileKind('/p/apm.ini', '[newrelic]\n[tingyun]\n'), 'agent-ini');
    assert.equal(detectFileKind('/p/app.ini', '[app]\nnewrelic = 1\n'), undefined);
    assert.equal(detectFileKind('/p/newrelic.toml', '[newrelic]\n'), undefined);
  });

  test('a file a server config names in NEW_RELIC_CONFIG_FILE is read as newrelic.ini whatever its name', () => {
    const uwsgi = '[uwsgi]\nmodule = app:application\nenv = NEW_RELIC_CONFIG_FILE=deploy/apm.conf.ini\n';
    const files = { '/project/uwsgi.ini': uwsgi, '/project/deploy/apm.conf.ini': '[main]\nlicense_key = x\n' };
    const workspace = memoryWorkspace(files, '/project');
    assert.equal(readDocument('/project/deploy/apm.conf.ini', files['/project/deploy/apm.conf.ini'], {}, workspace)?.kind, 'newrelic-ini');
    const gunicorn = 'raw_env = ["NEW_RELIC_CONFIG_FILE=/etc/app/nr.ini"]\n';
    const viaGunicorn = memoryWorkspace({ '/project/gunicorn.conf.py': gunicorn, '/project/nr.ini': '[x]\n' }, '/project');
    assert.equal(readDocument('/project/nr.ini', '[x]\n', {}, viaGunicorn)?.kind, 'newrelic-ini');
    assert.equal(readDocument('/project/nr.ini', '[x]\n', {}, memoryWorkspace({ '/project/nr.ini': '[x]\n' }, '/project')), undefined);
  });

  test('the generated table: names, getters and mappers as the agent reads them', () => {
    assert.ok(NEWRELIC_OPTION_ROWS.length > 200);
    assert.deepEqual(newRelicOption('License_Key'), { name: 'license_key', getter: 'get', mapper: '_map_default_host_value', default: null, environment: 'NEW_RELIC_LICENSE_KEY' });
    assert.equal(newRelicOption('monitor_mode')?.getter, 'getboolean');
    assert.equal(newRelicOption('transaction_tracer.record_sql')?.mapper, '_map_record_sql');
    assert.equal(newRelicOption('enabled'), undefined);
    assert.equal(NEWRELIC_REMOVED_OPTIONS.ssl, '10.17.0');
  });

  test("values as Python's int() and float() take them", () => {
    for (const yes of ['0', '-3', '+12', '1_000', '٣']) assert.ok(isPythonInt(yes), yes);
    for (const no of ['', '1.0', '1__0', '_1', '1_', '0x10', '1e3', '1 2']) assert.ok(!isPythonInt(no), no);
    for (const yes of ['1', '1.', '.5', '1e3', '1E-3', '-inf', 'Infinity', 'nan', '1_0.5']) assert.ok(isPythonFloat(yes), yes);
    for (const no of ['', '.', 'e3', '1e', 'infinit', '1.2.3', '0x1p3']) assert.ok(!isPythonFloat(no), no);
    const record = newRelicOption('transaction_tracer.record_sql')!;
    assert.equal(judgeNewRelicValue(record, 'raw'), undefined);
    assert.deepEqual(judgeNewRelicValue(record, 'Raw')?.suggestions, ['raw']);
    const socket = newRelicOption('console.listener_socket')!;
    assert.equal(judgeNewRelicValue(socket, '/tmp/nr-%(pid)s.sock'), undefined);
    assert.equal(judgeNewRelicValue(socket, '/tmp/100%%'), undefined);
    assert.equal(judgeNewRelicValue(socket, '/tmp/%(host)s.sock')?.outcome, 'refused');
    const codes = newRelicOption('error_collector.ignore_status_codes')!;
    assert.equal(judgeNewRelicValue(codes, '404 500-599 !503 -1'), undefined);
    assert.equal(judgeNewRelicValue(codes, '404,500')?.outcome, 'refused');
    assert.equal(judgeNewRelicValue(newRelicOption('labels')!, 'Env:prod;Team:web;'), undefined);
    assert.equal(judgeNewRelicValue(newRelicOption('labels')!, 'Env=prod')?.outcome, 'ignored');
  });
});

describe('newrelic rules', () => {
  test('a ready file has no finding; neither do instrumentation sections, [DEFAULT] or other tools’ sections', () => {
    const text = `${HEAD}app_name = shop\nmonitor_mode = On\nlog_level = debug\nstartup_timeout = 10.0\n\n[newrelic:staging]\nmonitor_mode = no\n\n[import-hook:myapp.views]\nexecute = myapp.hooks:instrument\n\n[DEFAULT]\nhigh_security = 1\n\n[other]\nwhatever = 1\n`;
    assert.deepEqual(found(text), []);
  });

  test('newrelic/syntax-error: an option above every header (with a fix), a line without `=`, an empty key', () => {
    assert.deepEqual(found(`license_key = ${KEY}\napp_name = shop\n`), ['0:0-0:11 error newrelic/syntax-error']);
    assert.deepEqual(messages(`license_key = ${KEY}\n`), ["`license_key` comes before any section header: Python's config reader refuses the whole file, and the agent does not start."]);
    assert.equal(fix(`license_key = ${KEY}\r\napp_name = shop\r\n`, 0, 3, 'Add a [newrelic] header at the top'), `[newrelic]\r\nlicense_key = ${KEY}\r\napp_name = shop\r\n`);
    const text = `${HEAD}monitor_mode\n = shop\n`;
    assert.deepEqual(found(text), ['2:0-2:12 error newrelic/syntax-error', '3:1-3:7 error newrelic/syntax-error']);
    assert.deepEqual(messages(text), [
      "`monitor_mode` has neither `=` nor `:`: Python's config reader refuses the whole file, and the agent does not start.",
      "This line has a value but no key: Python's config reader refuses the whole file, and the agent does not start.",
    ]);
  });

  test('newrelic/syntax-error: a byte order mark on disk, which the agent reads as text before the first header', () => {
    const text = `${HEAD}app_name = shop\n`;
    const workspace = { ...memoryWorkspace({ [PATH]: text }, '/project'), hasByteOrderMark: (path: string) => path === PATH };
    const analysis = analyze(PATH, text, {}, workspace)!;
    assert.deepEqual(diagnosticsOf(analysis).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`), [
      "0:0-0:10 newrelic/syntax-error A UTF-8 byte order mark starts the file: the agent's reader takes it for text before the first header and refuses the whole file.",
    ]);
  });

  test('newrelic/duplicate-option: a key repeated in any case, a repeated section, keys repeated across two [DEFAULT]', () => {
    const text = `${HEAD}log_level = info\nLOG_LEVEL = info\n[newrelic]\napp_name = a\n[DEFAULT]\nx = 1\n[DEFAULT]\nX = 2\n`;
    assert.deepEqual(found(text), ['3:0-3:9 error newrelic/duplicate-option', '4:0-4:10 error newrelic/duplicate-option', '9:0-9:1 error newrelic/duplicate-option']);
    assert.deepEqual(messages(text), [
      "`LOG_LEVEL` is already set in [newrelic] on line 3: Python's config reader refuses a repeated key, and the agent does not start.",
      "[newrelic] is repeated (first on line 1): Python's config reader refuses the file, and the agent does not start. Merge the two sections.",
      "`X` is already set in [DEFAULT] on line 8: Python's config reader refuses a repeated key, and the agent does not start.",
    ]);
    assert.equal(fix(text, 3, 2, 'Remove line 4'), text.replace('LOG_LEVEL = info\n', ''));
  });

  test('newrelic/unknown-option: did-you-mean with a byte-preserving fix, in [newrelic:ENV] too; keys in any case', () => {
    const text = `${HEAD}transaction_tracer.enable = true\nApp_Name = shop\n[newrelic:prod]\nlicence_key = x\nbogus_thing = 1\n`;
    assert.deepEqual(found(text), ['2:0-2:25 warning newrelic/unknown-option', '5:0-5:11 warning newrelic/unknown-option', '6:0-6:11 warning newrelic/unknown-option']);
    assert.deepEqual(messages(text), [
      '`transaction_tracer.enable` is not an option the New Relic agent reads, so it has no effect. Did you mean `transaction_tracer.enabled`?',
      '`licence_key` is not an option the New Relic agent reads, so it has no effect. Did you mean `license_key`?',
      '`bogus_thing` is not an option the New Relic agent reads, so it has no effect.',
    ]);
    const crlf = text.replace(/\n/g, '\r\n');
    assert.equal(fix(crlf, 2, 3, "Change 'transaction_tracer.enable' to 'transaction_tracer.enabled'"), crlf.replace('transaction_tracer.enable =', 'transaction_tracer.enabled ='));
  });

  test('newrelic/removed-option: named with the last release that read it, unless the project pins such a release', () => {
    const text = `${HEAD}ssl = true\nerror_collector.ignore_errors = a.B\n`;
    assert.deepEqual(found(text), ['2:0-2:3 information newrelic/removed-option', '3:0-3:29 information newrelic/removed-option']);
    assert.deepEqual(messages(text), [
      '`ssl` was last read by New Relic agent 10.17.0: later releases ignore it.',
      '`error_collector.ignore_errors` was last read by New Relic agent 10.17.0: later releases ignore it.',
    ]);
    assert.deepEqual(found(text, PATH, { '/project/requirements.txt': 'newrelic==8.4.0\n' }), []);
    assert.deepEqual(messages(text, { '/project/requirements.txt': 'newrelic>=9\n' })[0], '`ssl` was last read by New Relic agent 10.17.0: later releases ignore it; the project allows newrelic >=9 (requirements.txt).');
  });

  test('newrelic/unknown-section: a mis-cased or misspelt name of a section the agent reads, with a rename fix', () => {
    const text = `${HEAD}[NewRelic:Staging]\napp_name = a\n[newrelic-production]\napp_name = b\n[import-hok:myapp]\nexecute = x\n[celery]\nx = 1\n`;
    assert.deepEqual(found(text), ['2:0-2:18 warning newrelic/unknown-section', '4:0-4:21 warning newrelic/unknown-section', '6:0-6:18 warning newrelic/unknown-section']);
    assert.deepEqual(messages(text), [
      'The New Relic agent reads no section named [NewRelic:Staging], so its options have no effect. Did you mean [newrelic:Staging]?',
      'The New Relic agent reads no section named [newrelic-production], so its options have no effect. Did you mean [newrelic:production]?',
      'The New Relic agent reads no section named [import-hok:myapp], so its options have no effect. Did you mean [import-hook:myapp]?',
    ]);
    assert.equal(fix(text, 4, 3, 'Rename the section to [newrelic:production]'), text.replace('[newrelic-production]', '[newrelic:production]'));
  });

  test('newrelic/invalid-value: booleans, numbers, log level, record_sql, status codes, a trailing comment; fixes', () => {
    const text = `${HEAD}monitor_mode = enabled\nstartup_timeout = 10s\nlog_level = verbose\ntransaction_tracer.record_sql = Raw\nerror_collector.ignore_status_codes = 404, 500\nhigh_security = false ; for now\nlabels = Env=prod\n`;
    assert.deepEqual(found(text), [
      '2:15-2:22 error newrelic/invalid-value',
      '3:18-3:21 error newrelic/invalid-value',
      '4:12-4:19 error newrelic/invalid-value',
      '5:32-5:35 error newrelic/invalid-value',
      '6:38-6:46 error newrelic/invalid-value',
      '7:16-7:31 error newrelic/invalid-value',
      '8:9-8:17 error newrelic/invalid-value',
    ]);
    const refused = 'the agent logs a configuration error and keeps the default.';
    assert.deepEqual(messages(text), [
      `\`enabled\` is not a boolean (true/false, on/off, yes/no, 1/0): ${refused}`,
      `\`10s\` is not a number: ${refused}`,
      `\`verbose\` is not one of critical, error, warning, info, debug, trace (any case): ${refused}`,
      `\`Raw\` is not one of off, raw, obfuscated (lower case): ${refused}`,
      `\`404, 500\` is not codes and ranges separated by spaces (\`404 500-599\`): ${refused}`,
      `\`false ; for now\` is not a boolean (true/false, on/off, yes/no, 1/0) (a \`;\` or \`#\` after a value is part of it): ${refused}`,
      '`Env=prod` is not `key:value` pairs separated by `;`: the agent ignores the value.',
    ]);
    assert.equal(fix(text, 2, 16, "Set 'monitor_mode' to 'true'"), text.replace('= enabled', '= true'));
    assert.equal(fixAllText(PATH, text), text.replace('= enabled', '= true').replace('= Raw', '= raw'));
  });

  test('newrelic/invalid-value: an empty number, a value continued on the next line (no fix), [DEFAULT] values', () => {
    const text = `${HEAD}port =\nstartup_timeout = 1\n  0\n[DEFAULT]\nmonitor_mode = maybe\n`;
    assert.deepEqual(found(text), ['2:0-2:4 error newrelic/invalid-value', '3:18-4:3 error newrelic/invalid-value', '6:15-6:20 error newrelic/invalid-value']);
    assert.equal(messages(text)[0], '`port` is empty, and `port` takes a whole number: the agent logs a configuration error and keeps the default.');
  });

  test('newrelic/literal-placeholder: `%(name)s` is taken as written; `%(pid)s` in console.listener_socket is the agent’s own', () => {
    const text = '[newrelic]\nlicense_key = %(NEW_RELIC_LICENSE_KEY)s\nlog_file = %(here)s/nr.log\nconsole.listener_socket = /tmp/nr-%(pid)s.sock\napp_name = 100% shop\n[other]\nx = %(y)s\n';
    assert.deepEqual(found(text), ['1:14-1:39 warning newrelic/literal-placeholder', '2:11-2:26 warning newrelic/literal-placeholder']);
    assert.deepEqual(messages(text), [
      'The agent reads this file without interpolation: `license_key` gets `%(NEW_RELIC_LICENSE_KEY)s` as written, not the value of `NEW_RELIC_LICENSE_KEY`.',
      'The agent reads this file without interpolation: `log_file` gets `%(here)s` as written, not the value of `here`.',
    ]);
  });

  test('newrelic/missing-license-key: empty (overrides the environment), absent unless the workspace names NEW_RELIC_LICENSE_KEY', () => {
    assert.deepEqual(found('[newrelic]\nlicense_key =\n[newrelic:prod]\nlicense_key =\n'), ['1:0-1:11 warning newrelic/missing-license-key', '3:0-3:11 warning newrelic/missing-license-key']);
    assert.deepEqual(messages('[newrelic]\nlicense_key =\n'), ['An empty `license_key` in [newrelic] replaces `NEW_RELIC_LICENSE_KEY` of the environment with nothing: the agent has no key. Set it, or remove the line.']);
    assert.deepEqual(found('# settings\n[newrelic]\napp_name = shop\n'), ['1:0-1:10 warning newrelic/missing-license-key']);
    assert.deepEqual(messages('[newrelic]\napp_name = shop\n'), ["[newrelic] sets no `license_key` and no file here names `NEW_RELIC_LICENSE_KEY`: unless the app's environment sets it, the agent reports nothing."]);
    assert.deepEqual(found('[newrelic]\napp_name = shop\n', PATH, { '/project/docker-compose.yml': 'services:\n  web:\n    environment:\n      NEW_RELIC_LICENSE_KEY: ${NR_KEY}\n' }), []);
    assert.deepEqual(found('[newrelic]\napp_name = shop\n', PATH, { '/project/.env': 'NEW_RELIC_LICENSE_KEY=abc\n' }), []);
    assert.deepEqual(found(`[DEFAULT]\nlicense_key = ${KEY}\n[newrelic]\napp_name = shop\n`), []);
    assert.deepEqual(found(`[newrelic]\napp_name = shop\n[newrelic:production]\nlicense_key = ${KEY}\n`), []);
  });

  test('suppression comments and settings work on newrelic.ini', () => {
    assert.deepEqual(found(`${HEAD}; pydeploy: disable-next-line=newrelic/unknown-option\nbogus_thing = 1\n`), []);
    const analysis = analyze(PATH, `${HEAD}bogus_thing = 1\n`, { rules: { 'newrelic/unknown-option': 'off' } }, memoryWorkspace({}, '/project'));
    assert.deepEqual(diagnosticsOf(analysis!), []);
  });

  test('hover on keys (type, default, environment variable), completion of keys, values and sections, outline', () => {
    const text = `${HEAD}monitor_mode = \nlog_\n[newrelic:staging]\ntransaction_tracer.record_sql = r\n[`;
    const document = readDocument(PATH, text, {}, memoryWorkspace({}, '/project'))!;
    const hover = hoverAt(document, { line: 1, character: 3 })!;
    assert.equal(hover.range.start.character, 0);
    assert.equal(hover.range.end.character, 11);
    assert.match(hover.contents, /^\*\*license_key\*\* \(New Relic agent/);
    assert.match(hover.contents, /`NEW_RELIC_LICENSE_KEY` sets it too/);
    assert.match(hoverAt(document, { line: 2, character: 1 })!.contents, /\*\*Default:\*\* `true`/);
    assert.equal(hoverAt(document, { line: 1, character: 20 }), undefined);
    assert.deepEqual(completionsAt(document, { line: 2, character: 15 }).map((item) => item.label), ['true', 'false']);
    const keys = completionsAt(document, { line: 3, character: 4 }).map((item) => item.label);
    assert.ok(keys.includes('log_level') && keys.includes('log_file') && !keys.includes('license_key'));
    assert.deepEqual(completionsAt(document, { line: 5, character: 33 }).map((item) => item.label), ['off', 'raw', 'obfuscated']);
    assert.deepEqual(completionsAt(document, { line: 6, character: 1 }).map((item) => item.label), ['newrelic', 'newrelic:']);
    assert.deepEqual(documentSymbols(document).map((symbol) => symbol.name), ['[newrelic]', '[newrelic:staging]']);
  });
});

describe('newrelic.ini files of the corpus', () => {
  test('every finding is pinned, and each was read: options today’s agent dropped, and keys left to the environment', () => {
    const files = corpusFiles('agent').filter((file) => !file.local.endsWith('tingyun.ini'));
    assert.equal(files.length, 10);
    assert.ok(files.every((file) => analyzeCorpusFile(file)?.document.kind === 'newrelic-ini'));
    assert.deepEqual(files.flatMap((file) => pinsOf(file, analyzeCorpusFile(file))), [
      // The agent's own template of its 2.x-era releases, which every one of these files starts from, sets `ssl`,
      // `ignored_params` and `error_collector.ignore_errors`: agents after 10.17.0 ignore the three.
      'agent/001-0x-2a-pyteaser-flask-newrelic.ini:77:1 newrelic/removed-option',
      'agent/001-0x-2a-pyteaser-flask-newrelic.ini:118:1 newrelic/removed-option',
      'agent/001-0x-2a-pyteaser-flask-newrelic.ini:172:1 newrelic/removed-option',
      'agent/002-18mr-call-congress-newrelic.ini:77:1 newrelic/removed-option',
      'agent/002-18mr-call-congress-newrelic.ini:168:1 newrelic/removed-option',
      // The key is commented out (`#license_key = %(NEW_RELIC_LICENSE_KEY)s`), and nothing else in the corpus sets it.
      'agent/003-AdanG75-hackaton_new_relic-newrelic.ini:25:1 newrelic/missing-license-key',
      'agent/004-AllMyChanges-allmychanges.com-newrelic.ini:25:1 newrelic/missing-license-key',
      'agent/004-AllMyChanges-allmychanges.com-newrelic.ini:77:1 newrelic/removed-option',
      'agent/004-AllMyChanges-allmychanges.com-newrelic.ini:118:1 newrelic/removed-option',
      'agent/004-AllMyChanges-allmychanges.com-newrelic.ini:172:1 newrelic/removed-option',
      'agent/005-Arable-evepod-newrelic.ini:77:1 newrelic/removed-option',
      'agent/005-Arable-evepod-newrelic.ini:107:1 newrelic/removed-option',
      'agent/005-Arable-evepod-newrelic.ini:161:1 newrelic/removed-option',
      'agent/006-Bibliocratie-Bibliocratie-newrelic.ini:25:1 newrelic/missing-license-key',
      'agent/006-Bibliocratie-Bibliocratie-newrelic.ini:77:1 newrelic/removed-option',
      'agent/006-Bibliocratie-Bibliocratie-newrelic.ini:118:1 newrelic/removed-option',
      'agent/006-Bibliocratie-Bibliocratie-newrelic.ini:172:1 newrelic/removed-option',
      'agent/007-BriefyHQ-briefy.leica-newrelic-worker.ini:1:1 newrelic/missing-license-key',
      'agent/007-BriefyHQ-briefy.leica-newrelic-worker.ini:6:1 newrelic/removed-option',
      'agent/007-BriefyHQ-briefy.leica-newrelic-worker.ini:9:1 newrelic/removed-option',
      'agent/007-BriefyHQ-briefy.leica-newrelic-worker.ini:18:1 newrelic/removed-option',
      'agent/008-CityOfZion-neon-wallet-db-newrelic.ini:77:1 newrelic/removed-option',
      'agent/008-CityOfZion-neon-wallet-db-newrelic.ini:168:1 newrelic/removed-option',
      'agent/010-MarcMeszaros-snapable-api-newrelic.ini:75:1 newrelic/removed-option',
      'agent/010-MarcMeszaros-snapable-api-newrelic.ini:100:1 newrelic/removed-option',
      'agent/010-MarcMeszaros-snapable-api-newrelic.ini:154:1 newrelic/removed-option',
      'agent/011-ahguerilla-movements-newrelic.ini:79:1 newrelic/removed-option',
      'agent/011-ahguerilla-movements-newrelic.ini:109:1 newrelic/removed-option',
      'agent/011-ahguerilla-movements-newrelic.ini:163:1 newrelic/removed-option',
    ]);
  });
});

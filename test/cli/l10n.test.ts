/**
 * `pydeploy check` in Simplified Chinese: under a zh_CN locale (LANG, LC_MESSAGES, LC_ALL) or with `--lang zh-cn`, the
 * findings and the summary lines are Chinese, rule ids and option names as they are; `--lang` wins over the
 * environment; JSON keeps the English message and adds the localized one; SARIF says its language and carries both.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'pydeploy.js');

const CONFIG = '[uwsgi]\nmodule = app:application\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\nproceses = 4\nharakiri = 30s\n';

const ENGLISH_FINDINGS = [
  'uwsgi.ini:6:1: warning uwsgi/unknown-option `proceses` is not a uWSGI option: uWSGI silently keeps it as a placeholder, so it has no effect. Did you mean `processes`?',
  'uwsgi.ini:7:12: error uwsgi/invalid-value `harakiri = 30s` is not a whole number: uWSGI reads it as 30.',
];
const CHINESE_FINDINGS = [
  'uwsgi.ini:6:1: warning uwsgi/unknown-option `proceses` 不是 uWSGI 选项：uWSGI 会默默地把它当作占位符（placeholder）保留，因此它不起作用。你是不是想写 `processes`？',
  'uwsgi.ini:7:12: error uwsgi/invalid-value `harakiri = 30s` 不是整数：uWSGI 会把它读成 30。',
];
const ENGLISH_SUMMARY = 'pydeploy: 1 file checked: 1 error, 1 warning, 0 information, 0 hints';
const CHINESE_SUMMARY = 'pydeploy：已检查 1 个文件：1 个错误、1 个警告、0 条信息、0 条提示';

/** Runs the real command line in a folder holding the config, with the locale variables given (and no others). */
function pydeploy(args: string[], locale: Record<string, string>) {
  const folder = mkdtempSync(join(tmpdir(), 'pydeploy-l10n-'));
  try {
    writeFileSync(join(folder, 'uwsgi.ini'), CONFIG);
    const env = { ...process.env, LANG: '', LC_ALL: '', LC_MESSAGES: '', ...locale };
    const result = spawnSync(process.execPath, [bin, 'check', ...args, 'uwsgi.ini'], { cwd: folder, env, encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, stdout: result.stdout.trimEnd(), stderr: result.stderr.trimEnd() };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('pydeploy check in Simplified Chinese', () => {
  test('LANG=zh_CN.UTF-8: findings and summary in Chinese', () => {
    const { status, stdout, stderr } = pydeploy([], { LANG: 'zh_CN.UTF-8' });
    assert.equal(status, 1);
    assert.deepEqual(stdout.split('\n'), CHINESE_FINDINGS);
    assert.equal(stderr, CHINESE_SUMMARY);
  });

  test('LC_ALL wins over LANG, LC_MESSAGES over LANG; no locale, or C, is English', () => {
    assert.equal(pydeploy([], { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }).stderr, CHINESE_SUMMARY);
    assert.equal(pydeploy([], { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }).stderr, ENGLISH_SUMMARY);
    assert.deepEqual(pydeploy([], {}).stdout.split('\n'), ENGLISH_FINDINGS);
    assert.equal(pydeploy([], { LANG: 'C.UTF-8' }).stderr, ENGLISH_SUMMARY);
  });

  test('--lang wins over the environment, either way; a language it does not know is bad usage', () => {
    const chinese = pydeploy(['--lang', 'zh-cn'], { LANG: 'en_US.UTF-8' });
    assert.deepEqual([chinese.stdout.split('\n'), chinese.stderr], [CHINESE_FINDINGS, CHINESE_SUMMARY]);
    const english = pydeploy(['--lang=en'], { LANG: 'zh_CN.UTF-8' });
    assert.deepEqual([english.stdout.split('\n'), english.stderr], [ENGLISH_FINDINGS, ENGLISH_SUMMARY]);
    const wrong = pydeploy(['--lang', 'fr'], {});
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /^pydeploy: --lang takes en, zh-cn, not 'fr'\n/);
  });

  test('--format json: the rule id, the English message as before, and the Chinese one beside it', () => {
    const rows = JSON.parse(pydeploy(['--format', 'json', '--lang', 'zh-cn'], {}).stdout) as { code: string; message: string; localizedMessage?: string }[];
    assert.deepEqual(
      rows.map(({ code, message, localizedMessage }) => ({ code, message, localizedMessage })),
      ENGLISH_FINDINGS.map((line, i) => ({
        code: line.split(' ')[2],
        message: line.split(' ').slice(3).join(' '),
        localizedMessage: CHINESE_FINDINGS[i].split(' ').slice(3).join(' '),
      })),
    );
    const english = JSON.parse(pydeploy(['--format', 'json'], {}).stdout) as Record<string, unknown>[];
    assert.ok(english.every((row) => !('localizedMessage' in row)));
  });

  test('--format sarif: a valid SARIF 2.1.0 log in zh-CN, each result with its English text in the property bag', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(pydeploy(['--format', 'sarif'], { LANG: 'zh_CN.UTF-8' }).stdout) as {
      runs: { language?: string; results: { ruleId: string; message: { text: string; properties?: Record<string, string> } }[] }[];
    };
    assert.ok(validate(log), ajv.errorsText(validate.errors));
    assert.equal(log.runs[0].language, 'zh-CN');
    assert.deepEqual(
      log.runs[0].results.map(({ ruleId, message }) => [ruleId, message.text, message.properties?.['pydeploy/englishText']]),
      CHINESE_FINDINGS.map((line, i) => [line.split(' ')[2], line.split(' ').slice(3).join(' '), ENGLISH_FINDINGS[i].split(' ').slice(3).join(' ')]),
    );
  });
});

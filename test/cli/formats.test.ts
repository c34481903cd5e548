/**
 * The CLI's output for CI: SARIF (validated against the official SARIF 2.1.0 schema, kept in test/cli/schemas
 * with its source), GitHub Actions workflow commands, --quiet, --max-warnings, --help, --version and bad usage.
 * Runs the built binary (`npm run build` first), as a CI job would.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ruleHelpMarkdown } from '../../server/src/features/rulePageText';
import { RULES } from '../../server/src/rules/registry';
import { checkedFile, formatFindings } from '../../server/src/cli/formats';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'pydeploy.js');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

function pydeploy(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const schema = JSON.parse(readFileSync(join(__dirname, 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as { $schema: string };
// The schema's `language` pattern has a stray `]` (fixed in the OASIS errata), which is an error only in a
// Unicode-mode regular expression: its patterns are compiled as JSON Schema draft-07 means them, without the `u` flag.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function assertValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  assert.ok(valid, ajv.errorsText(validateSarif.errors, { separator: '\n' }));
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>;
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
}

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }>;
}

/** A project with a config that has two warnings and no error (single-interpreter and lazy-apps missing). */
function warningsOnlyProject(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pydeploy-formats-'));
  writeFileSync(join(folder, 'uwsgi.ini'), '[uwsgi]\nmodule = app\nenable-threads = true\n');
  return folder;
}

describe('--format sarif', () => {
  test('the schema kept in the repository is the draft-07 SARIF 2.1.0 schema, and it rejects a broken log', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const log = JSON.parse(pydeploy(['check', '--format', 'sarif', 'examples/threads-off']).stdout) as SarifLog;
    assertValidSarif(log);
    assert.equal(validateSarif({ ...log, version: '2.0.0' }), false);
    const withoutRegionLine = structuredClone(log);
    withoutRegionLine.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validateSarif(withoutRegionLine), false, 'lines are 1-based');
  });

  test('a valid log with the tool, one descriptor per rule with its help, and every finding with its 1-based region', () => {
    const { status, stdout } = pydeploy(['check', '--format', 'sarif', 'examples']);
    assert.equal(status, 1);
    const log = JSON.parse(stdout) as SarifLog;
    assertValidSarif(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [run] = log.runs;
    assert.equal(run.tool.driver.name, 'pydeploy');
    assert.equal(run.tool.driver.version, version);
    assert.deepEqual(
      run.tool.driver.rules.map((rule) => [rule.id, rule.shortDescription.text, rule.fullDescription.text, rule.help.text, rule.help.markdown, rule.defaultConfiguration.level]),
      RULES.map((rule) => [
        rule.id,
        rule.docs.summary,
        rule.docs.details,
        `${rule.docs.summary}\n\n${rule.docs.details}`,
        // The rule page's text: the wrong and right example, the fix and how to silence it are all in it.
        ruleHelpMarkdown(rule),
        { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[rule.defaultSeverity],
      ]),
    );
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(root).href + '/' } });
    assert.equal(run.results.length, 11, 'as many results as the text output has lines');
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    const threadsOff = run.results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'examples/threads-off/uwsgi-prod.ini');
    assert.deepEqual(threadsOff, {
      ruleId: 'uwsgi/enable-threads',
      ruleIndex: RULES.findIndex((rule) => rule.id === 'uwsgi/enable-threads'),
      level: 'error',
      message: {
        text: "`enable-threads = false` turns Python threads off on uWSGI up to 2.0.26 (assumed: no version is pinned): the APM agent's reporting thread never runs.",
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'examples/threads-off/uwsgi-prod.ini', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 18, endLine: 4, endColumn: 23 },
          },
        },
      ],
    });
    assert.deepEqual(
      run.results.filter((result) => result.ruleId === 'uwsgi/prefer-lazy-apps').map((result) => result.level),
      ['note'],
      'a hint is a note',
    );
  });

  test('URIs are relative to the repository root from any folder inside it; a file outside gets its file URI', () => {
    const log = JSON.parse(pydeploy(['check', '--format', 'sarif', '.'], join(root, 'examples', 'threads-off')).stdout) as SarifLog;
    assertValidSarif(log);
    assert.deepEqual(
      log.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation),
      Array(3).fill({ uri: 'examples/threads-off/uwsgi-prod.ini', uriBaseId: '%SRCROOT%' }),
    );
    const elsewhere = warningsOnlyProject();
    const outside = JSON.parse(pydeploy(['check', '--format', 'sarif', join(elsewhere, 'uwsgi.ini')]).stdout) as SarifLog;
    assertValidSarif(outside);
    assert.deepEqual(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(join(elsewhere, 'uwsgi.ini')).href });
  });

  test('outside a repository the current folder is the root, and names are percent-encoded', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pydeploy-formats-'));
    mkdirSync(join(folder, 'déploiement prod'));
    writeFileSync(join(folder, 'déploiement prod', 'uwsgi#1.ini'), '[uwsgi]\nmodule = app\n');
    const log = JSON.parse(pydeploy(['check', '--format', 'sarif'], folder).stdout) as SarifLog;
    assertValidSarif(log);
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(folder).href + '/');
    assert.deepEqual(
      [...new Set(log.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri))],
      ['d%C3%A9ploiement%20prod/uwsgi%231.ini'],
    );
  });

  test("a finding's related information becomes a related location with its message", () => {
    const folder = mkdtempSync(join(tmpdir(), 'pydeploy-formats-'));
    writeFileSync(join(folder, 'uwsgi.ini'), '[uwsgi]\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\nmaster = true\nmaster = false\n');
    const log = JSON.parse(pydeploy(['check', '--format', 'sarif'], folder).stdout) as SarifLog;
    assertValidSarif(log);
    const [result] = log.runs[0].results as Array<SarifResult & { relatedLocations: unknown }>;
    assert.equal(result.ruleId, 'uwsgi/duplicate-option');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 5, startColumn: 1, endLine: 5, endColumn: 7 });
    assert.deepEqual(result.relatedLocations, [
      {
        physicalLocation: { artifactLocation: { uri: 'uwsgi.ini', uriBaseId: '%SRCROOT%' }, region: { startLine: 6, startColumn: 1, endLine: 6, endColumn: 7 } },
        message: { text: '`master` set here wins' },
      },
    ]);
  });

  test('a clean project gives a valid log with no results, and exits 0', () => {
    const { status, stdout } = pydeploy(['check', '--format', 'sarif', 'examples/agent-ready']);
    assert.equal(status, 0);
    const log = JSON.parse(stdout) as SarifLog;
    assertValidSarif(log);
    assert.deepEqual(log.runs[0].results, []);
  });
});

describe('--format github', () => {
  test('one workflow command per finding, with paths from the repository root and 1-based columns', () => {
    const { status, stdout, stderr } = pydeploy(['check', '--format', 'github', '.'], join(root, 'examples', 'threads-off'));
    assert.equal(status, 1);
    assert.equal(
      stdout,
      [
        "::error file=examples/threads-off/uwsgi-prod.ini,line=4,col=18,endLine=4,endColumn=23,title=uwsgi/enable-threads::`enable-threads = false` turns Python threads off on uWSGI up to 2.0.26 (assumed: no version is pinned): the APM agent's reporting thread never runs.",
        '::warning file=examples/threads-off/uwsgi-prod.ini,line=5,col=22,endLine=5,endColumn=25,title=uwsgi/single-interpreter::`single-interpreter = Off` runs apps in a sub-interpreter: the APM agent is not supported there.',
        "::warning file=examples/threads-off/uwsgi-prod.ini,line=6,col=13,endLine=6,endColumn=14,title=uwsgi/lazy-apps::`lazy-apps = 0` loads the app in the master before the fork: the APM agent's thread does not survive the fork.",
        '',
      ].join('\n'),
    );
    assert.equal(stderr, '', 'no summary line: the log would show it as plain text among the annotations');
    const hint = pydeploy(['check', '--format', 'github', 'examples/lazy-old-style']).stdout;
    assert.match(hint, /^::notice file=examples\/lazy-old-style\/app\.ini,line=5,col=1,endLine=5,endColumn=\d+,title=uwsgi\/prefer-lazy-apps::/);
  });

  test('escapes % in messages, and , and : in properties, as GitHub\'s toolkit does', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pydeploy-formats-'));
    writeFileSync(join(folder, 'uwsgi,prod:1.ini'), '[uwsgi]\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\nthre%ads = 2\n');
    const { stdout } = pydeploy(['check', '--format', 'github'], folder);
    assert.equal(
      stdout,
      '::warning file=uwsgi%2Cprod%3A1.ini,line=5,col=1,endLine=5,endColumn=9,title=uwsgi/unknown-option::`thre%25ads` is not a uWSGI option: uWSGI silently keeps it as a placeholder, so it has no effect. Did you mean `threads`?\n',
    );
  });

  test('escapes line breaks in messages and every property', () => {
    const file = checkedFile(
      'a\r\nb.ini',
      [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } }, severity: 'information', code: 'x:y,z', message: '50%\r\ndone: yes, really', source: 'pydeploy' }],
      process.cwd(),
    );
    assert.equal(
      formatFindings('github', [file], version, process.cwd()),
      '::notice file=a%0D%0Ab.ini,line=1,col=1,endLine=2,endColumn=3,title=x%3Ay%2Cz::50%25%0D%0Adone: yes, really',
    );
  });
});

describe('--quiet and --max-warnings', () => {
  test('--quiet prints errors only; the summary still counts everything and says so', () => {
    const { status, stdout, stderr } = pydeploy(['check', '--quiet', 'examples']);
    assert.equal(status, 1);
    assert.deepEqual(
      stdout.split('\n').filter(Boolean).map((line) => line.split(' ').slice(0, 3).join(' ')),
      [
        'examples/gunicorn-preload/gunicorn.conf.py:4:11: error gunicorn/invalid-value',
        'examples/gunicorn-preload/gunicorn.conf.py:8:1: error gunicorn/hook-signature',
        'examples/missing-flags/uwsgi.ini:1:1: error uwsgi/enable-threads',
        'examples/threads-off/uwsgi-prod.ini:4:18: error uwsgi/enable-threads',
      ],
    );
    assert.equal(stderr, 'pydeploy: 8 files checked: 4 errors, 6 warnings, 0 information, 1 hint (--quiet: only errors are shown)\n');
    const sarif = JSON.parse(pydeploy(['check', '--quiet', '--format', 'sarif', 'examples']).stdout) as SarifLog;
    assert.deepEqual([...new Set(sarif.runs[0].results.map((result) => result.level))], ['error']);
  });

  test('--max-warnings N exits 1 only when the warnings are more than N, as ESLint does', () => {
    const folder = warningsOnlyProject();
    assert.equal(pydeploy(['check'], folder).status, 0, 'warnings alone do not fail');
    assert.equal(pydeploy(['check', '--max-warnings', '2'], folder).status, 0);
    assert.equal(pydeploy(['check', '--max-warnings=-1'], folder).status, 0, '-1 is no limit');
    const over = pydeploy(['check', '--max-warnings', '1'], folder);
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'pydeploy: 1 file checked: 0 errors, 2 warnings, 0 information, 0 hints\npydeploy: 2 warnings found, more than --max-warnings 1 allows\n');
    const quiet = pydeploy(['check', '--quiet', '--max-warnings=0'], folder);
    assert.equal(quiet.stdout, '', '--quiet hides the warnings');
    assert.equal(quiet.status, 1, 'but they still count');
    assert.equal(pydeploy(['check', '--max-warnings', '0', '--exit-zero'], folder).status, 0);
    const github = pydeploy(['check', '--format', 'github', '--max-warnings', '0'], folder);
    assert.equal(github.status, 1);
    assert.equal(github.stderr, 'pydeploy: 2 warnings found, more than --max-warnings 0 allows\n');
  });

  test('--fix says what it changed in each file, and then nothing is left', () => {
    const folder = warningsOnlyProject();
    const { status, stdout, stderr } = pydeploy(['check', '--fix'], folder);
    assert.equal(stdout, '');
    assert.equal(stderr, 'fixed: uwsgi.ini (2 fixes)\npydeploy: 1 file checked: 0 errors, 0 warnings, 0 information, 0 hints\n');
    assert.equal(status, 0);
    assert.equal(readFileSync(join(folder, 'uwsgi.ini'), 'utf8'), '[uwsgi]\nmodule = app\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n');
  });
});

describe('--help, --version and bad usage', () => {
  test('--help lists every option and format', () => {
    for (const args of [['--help'], ['check', '--help'], ['-h']]) {
      const { status, stdout } = pydeploy(args);
      assert.equal(status, 0);
      for (const word of ['--format', 'text', 'json', 'sarif', 'github', '--fix', '--quiet', '--max-warnings', '--exit-zero', '--version', 'Exit status']) {
        assert.ok(stdout.includes(word), `${args.join(' ')} mentions ${word}`);
      }
    }
  });

  test('--version prints the package version', () => {
    assert.equal(pydeploy(['--version']).stdout, `${version}\n`);
    assert.equal(pydeploy(['check', '--version']).stdout, `${version}\n`);
  });

  test('bad usage exits 2 with a message that says what is wrong', () => {
    const cases: Array<[string[], string]> = [
      [[], 'pydeploy: a command is required: pydeploy check'],
      [['lint'], "pydeploy: unknown command 'lint': the command is check"],
      [['check', '--format', 'xml'], "pydeploy: --format takes text, json, sarif, github, not 'xml'"],
      [['check', '--format'], 'pydeploy: --format needs a value: text, json, sarif, github'],
      [['check', '--max-warnings', 'many'], "pydeploy: --max-warnings takes a whole number of warnings (or -1 for no limit), not 'many'"],
      [['check', '--max-warnings=-2'], "pydeploy: --max-warnings takes a whole number of warnings (or -1 for no limit), not '-2'"],
      [['check', '--max-warnings'], 'pydeploy: --max-warnings needs a value: a whole number of warnings'],
      [['check', '--fix=yes'], 'pydeploy: --fix takes no value'],
      [['check', '--frobnicate'], "pydeploy: unknown option '--frobnicate'"],
    ];
    for (const [args, message] of cases) {
      const { status, stdout, stderr } = pydeploy(args);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.equal(stderr.split('\n')[0], message);
      assert.match(stderr, /usage: pydeploy check \[options\] \[PATH \.\.\.\]/);
    }
  });
});

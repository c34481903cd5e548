/**
 * `[tool.pydeploy]` in the nearest pyproject.toml, read through the WorkspaceView by analyze() itself (so the
 * command line and the server agree), and how it combines with the editor's settings: the editor's win per key.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import {
  DEFAULT_VALIDATION_DELAY_MS,
  effectiveSettings,
  mergeSettings,
  projectSettingsFor,
  readProjectSettings,
  readValidationDelay,
} from '../../server/src/features/settings';
import type { AnalysisSettings } from '../../server/src/features/analysis';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

const UWSGI = ['[uwsgi]', 'module = app:application', ''].join('\n');

function codes(files: Record<string, string>, path: string, editor: AnalysisSettings = {}): string[] {
  const analysis = analyze(path, files[path] ?? UWSGI, editor, memoryWorkspace(files));
  assert.ok(analysis, `${path} is not analysed`);
  return diagnosticsOf(analysis).map((d) => `${d.severity} ${d.code}`);
}

/** Runs `body` with console.error captured. */
function capturingErrors<T>(body: () => T): { result: T; errors: string[] } {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
  try {
    return { result: body(), errors };
  } finally {
    console.error = original;
  }
}

describe('readProjectSettings', () => {
  test('reads rules as an inline table, uwsgi-version and gunicorn-config-files relative to the project folder', () => {
    const text = [
      '[project]',
      'name = "shop"',
      '',
      '[tool.pydeploy]',
      'uwsgi-version = "2.0.21"',
      'gunicorn-config-files = ["deploy/web.py", "**/server_conf.py", "/etc/app/conf.py"]',
      'rules = { "uwsgi/lazy-apps" = "off", "uwsgi/single-interpreter" = "error" }',
    ].join('\n');
    assert.deepEqual(readProjectSettings('/srv/shop/pyproject.toml', text), {
      path: '/srv/shop/pyproject.toml',
      settings: {
        uwsgiVersion: '2.0.21',
        uwsgiVersionSource: 'pyproject.toml [tool.pydeploy]',
        gunicornConfigFiles: ['/srv/shop/deploy/web.py', '**/server_conf.py', '/etc/app/conf.py'],
        rules: { 'uwsgi/lazy-apps': 'off', 'uwsgi/single-interpreter': 'error' },
      },
      problems: [],
    });
  });

  test('reads a [tool.pydeploy.rules] table, and says what it drops', () => {
    const text = ['[tool.pydeploy.rules]', '"uwsgi/lazy-apps" = "off"', '"uwsgi/lazy-app" = "off"', '"uwsgi/enable-threads" = "loud"', '', '[tool.pydeploy]', 'uwsgi_version = 2'].join('\n');
    const project = readProjectSettings('/p/pyproject.toml', text);
    assert.deepEqual(project?.settings, { rules: { 'uwsgi/lazy-apps': 'off' } });
    assert.deepEqual(project?.problems, [
      "rules: unknown rule 'uwsgi/lazy-app' (did you mean 'uwsgi/lazy-apps'?)",
      "rules: rule 'uwsgi/enable-threads': 'loud' is none of error, warning, information, hint, off",
      "unknown key 'uwsgi_version' (did you mean 'uwsgi-version'?)",
    ]);
  });

  test('a pyproject.toml without [tool.pydeploy] gives nothing; broken TOML gives no settings and one problem', () => {
    assert.equal(readProjectSettings('/p/pyproject.toml', '[project]\nname = "x"\n'), undefined);
    assert.equal(readProjectSettings('/p/pyproject.toml', '[tool.ruff]\nline-length = 100 # pydeploy\n'), undefined);
    const broken = readProjectSettings('/p/pyproject.toml', '[tool.pydeploy]\nrules = { "uwsgi/lazy-apps" = \n');
    assert.deepEqual(broken?.settings, {});
    assert.equal(broken?.problems.length, 1);
    assert.match(broken?.problems[0] ?? '', /^not valid TOML, \[tool\.pydeploy\] is ignored: /);
  });
});

describe('the project file in the analysis', () => {
  const project = (toml: string, extra: Record<string, string> = {}) => ({ '/project/pyproject.toml': toml, '/project/deploy/uwsgi.ini': UWSGI, ...extra });

  test('rule severities apply to the configs below it, as the command line and the server see them', () => {
    const files = project('[tool.pydeploy]\nrules = { "uwsgi/lazy-apps" = "off", "uwsgi/single-interpreter" = "error" }\n');
    assert.deepEqual(codes(files, '/project/deploy/uwsgi.ini'), ['error uwsgi/enable-threads', 'error uwsgi/single-interpreter']);
  });

  test('uwsgi-version counts as the version the servers run, and messages say where it comes from', () => {
    const files = project('[tool.pydeploy]\nuwsgi-version = "2.0.28"\n');
    assert.deepEqual(codes(files, '/project/deploy/uwsgi.ini'), ['warning uwsgi/single-interpreter', 'warning uwsgi/lazy-apps']);
    const older = project('[tool.pydeploy]\nuwsgi-version = "2.0.21"\n');
    const analysis = analyze('/project/deploy/uwsgi.ini', UWSGI, {}, memoryWorkspace(older));
    assert.match(analysis ? diagnosticsOf(analysis)[0].message : '', /on uWSGI 2\.0\.21 \(pyproject\.toml \[tool\.pydeploy\]\): /);
  });

  test('gunicorn-config-files makes a Python file a Gunicorn config', () => {
    const files = project('[tool.pydeploy]\ngunicorn-config-files = ["deploy/web.py"]\n', { '/project/deploy/web.py': 'preload_app = True\n' });
    assert.deepEqual(codes(files, '/project/deploy/web.py'), ['warning gunicorn/preload-app']);
    assert.equal(analyze('/project/other/web.py', 'preload_app = True\n', {}, memoryWorkspace(files)), undefined);
  });

  test('the nearest pyproject.toml with a [tool.pydeploy] table counts; one without the table is passed over', () => {
    const files = {
      '/project/pyproject.toml': '[tool.pydeploy]\nrules = { "uwsgi/lazy-apps" = "off" }\n',
      '/project/svc/pyproject.toml': '[project]\nname = "svc"\n',
      '/project/svc/deploy/pyproject.toml': '[tool.pydeploy.rules]\n"uwsgi/single-interpreter" = "off"\n',
      '/project/svc/uwsgi.ini': UWSGI,
      '/project/svc/deploy/uwsgi.ini': UWSGI,
    };
    assert.deepEqual(codes(files, '/project/svc/uwsgi.ini'), ['error uwsgi/enable-threads', 'warning uwsgi/single-interpreter']);
    assert.deepEqual(codes(files, '/project/svc/deploy/uwsgi.ini'), ['error uwsgi/enable-threads', 'warning uwsgi/lazy-apps']);
    assert.equal(projectSettingsFor('/project/svc/uwsgi.ini', memoryWorkspace(files))?.path, '/project/pyproject.toml');
  });

  test('a broken pyproject.toml crashes nothing: the analysis runs with the editor settings, and it is logged once', () => {
    const files = project('[tool.pydeploy]\nrules = { "uwsgi/lazy-apps" = "off"\n');
    const { result, errors } = capturingErrors(() => [codes(files, '/project/deploy/uwsgi.ini'), codes(files, '/project/deploy/uwsgi.ini')]);
    assert.deepEqual(result[0], ['error uwsgi/enable-threads', 'warning uwsgi/single-interpreter', 'warning uwsgi/lazy-apps']);
    assert.deepEqual(result[1], result[0]);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^pydeploy: \/project\/pyproject\.toml: not valid TOML, \[tool\.pydeploy\] is ignored: /);
  });
});

describe('editor settings over the project file', () => {
  const projectSettings: AnalysisSettings = {
    rules: { 'uwsgi/lazy-apps': 'off', 'uwsgi/single-interpreter': 'error' },
    uwsgiVersion: '2.0.21',
    uwsgiVersionSource: 'pyproject.toml [tool.pydeploy]',
    gunicornConfigFiles: ['/p/deploy/web.py'],
  };

  test('per rule id: the editor\'s severity wins for the rules it names, the project\'s stay for the others', () => {
    assert.deepEqual(mergeSettings(projectSettings, { rules: { 'uwsgi/lazy-apps': 'warning' } }).rules, {
      'uwsgi/lazy-apps': 'warning',
      'uwsgi/single-interpreter': 'error',
    });
  });

  test('a non-empty editor uwsgiVersion wins (and names itself in messages); an empty one leaves the project\'s', () => {
    const merged = mergeSettings(projectSettings, { uwsgiVersion: '2.0.28' });
    assert.equal(merged.uwsgiVersion, '2.0.28');
    assert.equal(merged.uwsgiVersionSource, undefined);
    assert.equal(mergeSettings(projectSettings, {}).uwsgiVersion, '2.0.21');
  });

  test('the Gunicorn config globs of both apply', () => {
    assert.deepEqual(mergeSettings(projectSettings, { gunicornConfigFiles: ['**/gconf.py'] }).gunicornConfigFiles, ['/p/deploy/web.py', '**/gconf.py']);
  });

  test('without a project file the editor settings are used as they are', () => {
    const editor: AnalysisSettings = { rules: { 'uwsgi/lazy-apps': 'hint' } };
    assert.equal(effectiveSettings('/x/uwsgi.ini', editor, memoryWorkspace({}, '/x')), editor);
  });

  test('end to end: the editor turns back on a rule the project file turned off', () => {
    const files = { '/project/pyproject.toml': '[tool.pydeploy]\nrules = { "uwsgi/lazy-apps" = "off" }\n', '/project/uwsgi.ini': UWSGI };
    assert.deepEqual(codes(files, '/project/uwsgi.ini', { rules: { 'uwsgi/lazy-apps': 'error' } }), [
      'error uwsgi/enable-threads',
      'warning uwsgi/single-interpreter',
      'error uwsgi/lazy-apps',
    ]);
  });
});

test('validationDelay: a non-negative number of milliseconds, else the default', () => {
  assert.equal(readValidationDelay({ validationDelay: 0 }), 0);
  assert.equal(readValidationDelay({ validationDelay: 350 }), 350);
  assert.equal(readValidationDelay({ validationDelay: -1 }), DEFAULT_VALIDATION_DELAY_MS);
  assert.equal(readValidationDelay({ validationDelay: '50' }), DEFAULT_VALIDATION_DELAY_MS);
  assert.equal(readValidationDelay(undefined), DEFAULT_VALIDATION_DELAY_MS);
});

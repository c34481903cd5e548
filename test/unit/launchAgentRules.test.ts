import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisSettings, analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { fixAllFiles, quickFixes } from '../../server/src/features/codeActions';
import { projectPythonVersion, describePython } from '../../server/src/model/pythonVersion';
import { readPythonVersionFile, readRuntimeTxt } from '../../server/src/parse/pythonVersionFiles';
import { findRequiresPython } from '../../server/src/parse/requirements';
import { dockerfileBaseImage } from '../../server/src/parse/launch/dockerfile';
import { uwsgiOptionSince } from '../../server/src/knowledge/uwsgi/optionVersions';
import { uwsgiOption } from '../../server/src/knowledge/uwsgi/options';
import { memoryWorkspace } from '../helpers/memoryWorkspace';
import { textAt } from '../helpers/launch';

/** A uWSGI config every agent rule is content with, so that only the rule under test speaks. */
const READY_INI = '[uwsgi]\nmodule = app.wsgi\nmaster = true\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\nskip-atexit = true\nimport = ddtrace.auto\n';

function diagnostics(files: Record<string, string>, path: string, code: string, settings: AnalysisSettings = {}) {
  const analysis = analyze(path, files[path], settings, memoryWorkspace(files));
  assert.ok(analysis, `${path} is not analysed`);
  return diagnosticsOf(analysis).filter((d) => d.code === code);
}

/** Each finding of a rule as `severity "text of its range": message`. */
function found(files: Record<string, string>, path: string, code: string, settings: AnalysisSettings = {}): string[] {
  return diagnostics(files, path, code, settings).map((d) => `${d.severity} ${JSON.stringify(textAt(files[path], d.range))}: ${d.message}`);
}

const DATADOG = "`ddtrace-run` does not work under uWSGI: Datadog's tracer does not start properly in the workers; add `import = ddtrace.auto` to the uWSGI config instead.";
const OTEL = '`opentelemetry-instrument` does not work under uWSGI: OpenTelemetry is not set up in the workers; build its providers in a `@postfork` function instead.';

describe('launch/uwsgi-agent-wrapper', () => {
  const cases: [string, string, string, string][] = [
    ['Dockerfile exec form', '/project/Dockerfile', 'FROM python:3.12\nCMD ["ddtrace-run", "uwsgi", "--ini", "uwsgi.ini"]\n', '"ddtrace-run"'],
    ['Dockerfile shell form', '/project/Dockerfile', 'FROM python:3.12\nCMD exec ddtrace-run uwsgi --ini uwsgi.ini\n', 'ddtrace-run'],
    ['Dockerfile ENTRYPOINT + CMD', '/project/Dockerfile', 'FROM python:3.12\nENTRYPOINT ["ddtrace-run"]\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n', '"ddtrace-run"'],
    ['sh -c string', '/project/Dockerfile', 'FROM python:3.12\nCMD ["sh", "-c", "python manage.py migrate && ddtrace-run uwsgi --ini uwsgi.ini"]\n', 'ddtrace-run'],
    ['Procfile', '/project/Procfile', 'web: ddtrace-run uwsgi uwsgi.ini\n', 'ddtrace-run'],
    ['Compose flow list', '/project/docker-compose.yml', 'services:\n  web:\n    image: shop\n    command: ["ddtrace-run", "uwsgi", "--ini", "uwsgi.ini"]\n', '"ddtrace-run"'],
    ['Compose block list', '/project/compose.yaml', 'services:\n  web:\n    image: shop\n    command:\n      - ddtrace-run\n      - uwsgi\n      - --ini\n      - uwsgi.ini\n', 'ddtrace-run'],
    ['Kubernetes', '/project/k8s.yaml', 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: shop\n          command: [ddtrace-run, uwsgi]\n          args: [--ini, /project/uwsgi.ini]\n', 'ddtrace-run'],
    ['systemd', '/project/shop.service', '[Service]\nExecStart=/venv/bin/ddtrace-run /venv/bin/uwsgi --ini /project/uwsgi.ini\n', '/venv/bin/ddtrace-run'],
    ['supervisord', '/project/supervisord.conf', '[program:web]\ncommand=ddtrace-run uwsgi --ini /project/uwsgi.ini\n', 'ddtrace-run'],
    ['shell script', '/project/run.sh', '#!/bin/sh\nset -e\nexec ddtrace-run uwsgi --ini uwsgi.ini\n', 'ddtrace-run'],
  ];
  for (const [name, path, text, words] of cases) {
    test(`${name}: the wrapper's words, an error naming Datadog and what to do instead, no fix`, () => {
      const files = { [path]: text, '/project/uwsgi.ini': READY_INI };
      assert.deepEqual(found(files, path, 'launch/uwsgi-agent-wrapper'), [`error ${JSON.stringify(words)}: ${DATADOG}`]);
      const analysis = analyze(path, text, {}, memoryWorkspace(files))!;
      const finding = diagnostics(files, path, 'launch/uwsgi-agent-wrapper')[0];
      assert.deepEqual(quickFixes(analysis, finding.range).filter((action) => action.title.includes('ddtrace')), []);
    });
  }

  test("opentelemetry-instrument: its options are the wrapper's words too", () => {
    const files = { '/project/Procfile': 'web: opentelemetry-instrument --traces_exporter otlp --service_name shop uwsgi --ini uwsgi.ini\n', '/project/uwsgi.ini': READY_INI };
    assert.deepEqual(found(files, '/project/Procfile', 'launch/uwsgi-agent-wrapper'), [`error "opentelemetry-instrument --traces_exporter otlp --service_name shop": ${OTEL}`]);
  });

  test('quiet for a wrapper around Gunicorn, a wrapper with no uWSGI need (New Relic), and a plain uWSGI launch', () => {
    const files = {
      '/project/Procfile': 'web: ddtrace-run gunicorn app:app\nworker: newrelic-admin run-program uwsgi --ini uwsgi.ini\nother: poetry run uwsgi --ini uwsgi.ini\n',
      '/project/uwsgi.ini': READY_INI,
    };
    assert.deepEqual(found(files, '/project/Procfile', 'launch/uwsgi-agent-wrapper'), []);
  });

  test('the `agents` setting does not hide it: the wrapper runs whatever the setting names', () => {
    const files = { '/project/Procfile': 'web: ddtrace-run uwsgi uwsgi.ini\n', '/project/uwsgi.ini': READY_INI };
    assert.deepEqual(found(files, '/project/Procfile', 'launch/uwsgi-agent-wrapper', { agents: ['newrelic'] }), [`error "ddtrace-run": ${DATADOG}`]);
  });

  test('two launches in one file, each reported on its own wrapper', () => {
    const files = { '/project/Procfile': 'web: ddtrace-run uwsgi uwsgi.ini\nweb2: opentelemetry-instrument uwsgi uwsgi.ini\n', '/project/uwsgi.ini': READY_INI };
    assert.deepEqual(
      diagnostics(files, '/project/Procfile', 'launch/uwsgi-agent-wrapper').map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`),
      ['0:5-0:16', '1:6-1:30'],
    );
  });
});

describe('the project\'s Python version', () => {
  test('.python-version and runtime.txt: the first version line, with its range', () => {
    assert.deepEqual(readPythonVersionFile('# pyenv\n3.13.1\n3.12\n'), { text: '3.13.1', version: [3, 13, 1], range: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } } });
    assert.deepEqual(readPythonVersionFile('  3.13  \n')?.version, [3, 13]);
    assert.equal(readPythonVersionFile('system\n'), undefined);
    assert.equal(readPythonVersionFile('pypy3.10-7.3.12\n'), undefined);
    assert.deepEqual(readRuntimeTxt('python-3.13.1\n'), { text: 'python-3.13.1', version: [3, 13, 1], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } } });
    assert.equal(readRuntimeTxt('3.13.1\n'), undefined);
  });

  test('requires-python in pyproject.toml', () => {
    assert.deepEqual(findRequiresPython('[project]\nname = "shop"\nrequires-python = ">=3.13"\n'), { specifier: '>=3.13', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 26 } } });
    assert.equal(findRequiresPython('[tool.poetry.dependencies]\npython = "^3.13"\n'), undefined);
  });

  test("a Dockerfile's base image, through the stages it builds FROM", () => {
    assert.deepEqual(dockerfileBaseImage('FROM --platform=linux/amd64 python:3.13-slim AS base\nRUN true\nFROM node:20 AS assets\nFROM base\nCMD ["uwsgi"]\n'), {
      image: 'python:3.13-slim',
      range: { start: { line: 0, character: 28 }, end: { line: 0, character: 44 } },
    });
    assert.equal(dockerfileBaseImage('RUN true\n'), undefined);
  });

  const version = (files: Record<string, string>, path = '/project/deploy/uwsgi.ini') => {
    const python = projectPythonVersion(memoryWorkspace(files), { path, text: files[path] ?? '' });
    return python && describePython(python);
  };

  test('the sources, in their order, and the images that name a Python', () => {
    assert.equal(version({ '/project/Dockerfile': 'FROM python:3.13-slim\n' }), 'Python 3.13 (Dockerfile FROM python:3.13-slim)');
    assert.equal(version({ '/project/Dockerfile': 'FROM docker.io/library/python:3.13.1-bookworm\n' }), 'Python 3.13.1 (Dockerfile FROM docker.io/library/python:3.13.1-bookworm)');
    assert.equal(version({ '/project/Dockerfile': 'FROM ghcr.io/astral-sh/uv:python3.13-bookworm-slim\n' }), 'Python 3.13 (Dockerfile FROM ghcr.io/astral-sh/uv:python3.13-bookworm-slim)');
    assert.equal(version({ '/project/Dockerfile': 'ARG PY=3.13\nFROM python:${PY}-slim\n' }), undefined);
    assert.equal(version({ '/project/Dockerfile': 'FROM python:3\n' }), undefined);
    assert.equal(version({ '/project/Dockerfile': 'FROM ubuntu:24.04\n', '/project/deploy/.python-version': '3.13\n' }), 'Python 3.13 (.python-version 3.13)');
    // Several images: only the lowest is sure.
    assert.equal(version({ '/project/Dockerfile': 'FROM python:3.13\n', '/project/worker/Dockerfile': 'FROM python:3.12-alpine\n' }), 'Python 3.12 (Dockerfile FROM python:3.12-alpine)');
    // Nearest folder first: `.python-version` beside the config wins over pyproject.toml above it.
    assert.equal(version({ '/project/deploy/.python-version': '3.12.4\n', '/project/pyproject.toml': 'requires-python = ">=3.13"\n' }), 'Python 3.12.4 (.python-version 3.12.4)');
    assert.equal(version({ '/project/runtime.txt': 'python-3.13.1\n' }), 'Python 3.13.1 (runtime.txt python-3.13.1)');
    assert.equal(version({ '/project/pyproject.toml': '[project]\nrequires-python = ">=3.13,<4"\n' }), 'Python 3.13 or later (pyproject.toml requires-python >=3.13,<4)');
    assert.equal(version({ '/project/pyproject.toml': '[project]\nrequires-python = ">=3.10"\n' }), 'Python 3.10 or later (pyproject.toml requires-python >=3.10)');
    assert.equal(version({ '/project/pyproject.toml': '[project]\nrequires-python = "<3.14"\n' }), undefined);
    assert.equal(version({}), undefined);
  });
});

const OSAFTERFORK = (python: string) => `\`py-call-osafterfork\` aborts uWSGI's workers on ${python}: use \`py-call-uwsgi-fork-hooks\`.`;

describe('uwsgi/py-call-osafterfork', () => {
  const BASE = '[uwsgi]\nmodule = app.wsgi\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';
  const ini = `${BASE}py-call-osafterfork = yes\n`;

  test('an ini with Python 3.13 from the workspace\'s Dockerfile: the key, an error, the source as related information', () => {
    const files = { '/project/uwsgi.ini': ini, '/project/Dockerfile': 'FROM python:3.13-slim\nCOPY . /app\n' };
    assert.deepEqual(found(files, '/project/uwsgi.ini', 'uwsgi/py-call-osafterfork'), [`error "py-call-osafterfork": ${OSAFTERFORK('Python 3.13 (Dockerfile FROM python:3.13-slim)')}`]);
    assert.deepEqual(diagnostics(files, '/project/uwsgi.ini', 'uwsgi/py-call-osafterfork')[0].related, [
      { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 21 } }, message: 'The Python version: Dockerfile FROM python:3.13-slim', path: '/project/Dockerfile' },
    ]);
    assert.deepEqual(Object.fromEntries(fixAllFiles('/project/uwsgi.ini', ini, {}, memoryWorkspace(files))), { '/project/uwsgi.ini': `${BASE}py-call-uwsgi-fork-hooks = yes\n` });
  });

  test('quiet below Python 3.13, when the project does not say, and when the flag is off', () => {
    assert.deepEqual(found({ '/project/uwsgi.ini': ini, '/project/runtime.txt': 'python-3.12.7\n' }, '/project/uwsgi.ini', 'uwsgi/py-call-osafterfork'), []);
    assert.deepEqual(found({ '/project/uwsgi.ini': ini }, '/project/uwsgi.ini', 'uwsgi/py-call-osafterfork'), []);
    assert.deepEqual(found({ '/project/uwsgi.ini': ini.replace('yes', 'false'), '/project/runtime.txt': 'python-3.13.1\n' }, '/project/uwsgi.ini', 'uwsgi/py-call-osafterfork'), []);
  });

  test('a launch line, its environment and the ini it names: each place that turns it on, each renamed in its own syntax', () => {
    const dockerfile = 'FROM python:3.14-rc-slim AS base\nFROM base\nENV UWSGI_PY_CALL_OSAFTERFORK=1\nCMD ["uwsgi", "--ini", "uwsgi.ini", "--py-call-osafterfork"]\n';
    const files = { '/project/Dockerfile': dockerfile, '/project/uwsgi.ini': ini, '/project/.python-version': '3.12\n' };
    const message = OSAFTERFORK('Python 3.14 (Dockerfile FROM python:3.14-rc-slim)');
    assert.deepEqual(found(files, '/project/Dockerfile', 'uwsgi/py-call-osafterfork'), [`error "UWSGI_PY_CALL_OSAFTERFORK=1": ${message}`, `error "--py-call-osafterfork": ${message}`]);
    // The ini is read under the launch, which is built on Python 3.14: the launch's own Dockerfile wins over .python-version.
    assert.deepEqual(found(files, '/project/uwsgi.ini', 'uwsgi/py-call-osafterfork'), [`error "py-call-osafterfork": ${message}`]);
    assert.equal(
      fixAllFiles('/project/Dockerfile', dockerfile, {}, memoryWorkspace(files)).get('/project/Dockerfile'),
      'FROM python:3.14-rc-slim AS base\nFROM base\nENV UWSGI_PY_CALL_UWSGI_FORK_HOOKS=1\nCMD ["uwsgi", "--ini", "uwsgi.ini", "--py-call-uwsgi-fork-hooks"]\n',
    );
  });

  test('a Compose service builds the Dockerfile its Python comes from; its YAML variable is renamed too', () => {
    const compose = 'services:\n  web:\n    build: ./web\n    environment:\n      UWSGI_PY_CALL_OSAFTERFORK: "1"\n    command: uwsgi --module app.wsgi --py-call-osafterfork\n';
    const files = { '/project/compose.yaml': compose, '/project/web/Dockerfile': 'FROM python:3.13\n' };
    const message = OSAFTERFORK('Python 3.13 (Dockerfile FROM python:3.13)');
    assert.deepEqual(found(files, '/project/compose.yaml', 'uwsgi/py-call-osafterfork'), [`error "UWSGI_PY_CALL_OSAFTERFORK: \\"1\\"": ${message}`, `error "--py-call-osafterfork": ${message}`]);
    assert.equal(
      fixAllFiles('/project/compose.yaml', compose, { rules: { 'uwsgi/enable-threads': 'off', 'uwsgi/single-interpreter': 'off', 'uwsgi/lazy-apps': 'off' } }, memoryWorkspace(files)).get('/project/compose.yaml'),
      compose.replace('UWSGI_PY_CALL_OSAFTERFORK', 'UWSGI_PY_CALL_UWSGI_FORK_HOOKS').replace('--py-call-osafterfork', '--py-call-uwsgi-fork-hooks'),
    );
  });

  test('with py-call-uwsgi-fork-hooks already on the fix removes the line; with a uWSGI older than 2.0.21, no fix', () => {
    const both = `${BASE}py-call-uwsgi-fork-hooks = true\npy-call-osafterfork = true\n`;
    const files = { '/project/uwsgi.ini': both, '/project/pyproject.toml': '[project]\nrequires-python = ">=3.13"\n' };
    const analysis = analyze('/project/uwsgi.ini', both, {}, memoryWorkspace(files))!;
    assert.deepEqual(quickFixes(analysis, { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }).map((action) => action.title).filter((title) => !title.startsWith('Disable')), ["Remove 'py-call-osafterfork' ('py-call-uwsgi-fork-hooks' is on)"]);
    assert.equal(fixAllFiles('/project/uwsgi.ini', both, {}, memoryWorkspace(files)).get('/project/uwsgi.ini'), `${BASE}py-call-uwsgi-fork-hooks = true\n`);
    const old = { '/project/uwsgi.ini': ini, '/project/runtime.txt': 'python-3.13.0\n', '/project/requirements.txt': 'uwsgi==2.0.20\n' };
    assert.deepEqual(found(old, '/project/uwsgi.ini', 'uwsgi/py-call-osafterfork'), [`error "py-call-osafterfork": ${OSAFTERFORK('Python 3.13 (runtime.txt python-3.13.0)')}`]);
    assert.equal(fixAllFiles('/project/uwsgi.ini', ini, {}, memoryWorkspace(old)).get('/project/uwsgi.ini'), ini);
  });
});

describe('options newer than the pinned uWSGI', () => {
  test('the table: py-call-uwsgi-fork-hooks from 2.0.21, and every option in it is one 2.0.30 has', () => {
    assert.equal(uwsgiOptionSince('py-call-uwsgi-fork-hooks')?.text, '2.0.21');
    assert.equal(uwsgiOptionSince('py-call-osafterfork'), undefined);
    for (const name of ['http11-socket', 'shutdown-sockets', 'emperor-graceful-shutdown', 'py-sys-executable', 'harakiri-graceful-timeout', 'max-requests-delta']) {
      assert.ok(uwsgiOptionSince(name), name);
      assert.equal(uwsgiOption(name)?.inStable, true, name);
    }
  });

  const ini = '[uwsgi]\nmodule = app.wsgi\npy-call-uwsgi-fork-hooks = true\n';

  test('uwsgi/unknown-option: in an ini, on a uWSGI pinned below the release that has it; quiet from that release or unpinned', () => {
    const files = (pin?: string) => ({ '/project/uwsgi.ini': ini, ...(pin ? { '/project/requirements.txt': `uWSGI${pin}\n` } : {}) });
    assert.deepEqual(found(files('==2.0.20'), '/project/uwsgi.ini', 'uwsgi/unknown-option'), [
      'warning "py-call-uwsgi-fork-hooks": uWSGI 2.0.20 (requirements.txt) has no `py-call-uwsgi-fork-hooks` (added in 2.0.21): it keeps the line as a placeholder, so it has no effect.',
    ]);
    assert.deepEqual(found(files('<2.0.21'), '/project/uwsgi.ini', 'uwsgi/unknown-option').length, 1);
    assert.deepEqual(found(files('==2.0.21'), '/project/uwsgi.ini', 'uwsgi/unknown-option'), []);
    assert.deepEqual(found(files('>=2.0.18'), '/project/uwsgi.ini', 'uwsgi/unknown-option'), []);
    assert.deepEqual(found(files(), '/project/uwsgi.ini', 'uwsgi/unknown-option'), []);
    const strict = { '/project/uwsgi.ini': `${ini}strict = true\n` };
    assert.deepEqual(found(strict, '/project/uwsgi.ini', 'uwsgi/unknown-option', { uwsgiVersion: '2.0.19' }), [
      'warning "py-call-uwsgi-fork-hooks": uWSGI 2.0.19 (the pydeploy.uwsgiVersion setting) has no `py-call-uwsgi-fork-hooks` (added in 2.0.21): with `strict` on, it refuses to start.',
    ]);
  });

  test('launch/unknown-option: on a command line, where uWSGI refuses it', () => {
    const files = { '/project/Procfile': 'web: uwsgi --module app.wsgi --py-call-uwsgi-fork-hooks --max-requests-delta 10\n', '/project/requirements.txt': 'uwsgi==2.0.22\n' };
    assert.deepEqual(found(files, '/project/Procfile', 'launch/unknown-option'), [
      'error "--max-requests-delta": uWSGI 2.0.22 (requirements.txt) has no `--max-requests-delta` (added in 2.0.29): it refuses to start with `unrecognized option`.',
    ]);
  });
});

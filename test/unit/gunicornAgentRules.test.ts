// The agent rules of Gunicorn's process model (issue 13): agent threads started in the master, gevent's patch order,
// `opentelemetry-instrument` with several workers, and the Prometheus client's multiprocess mode (for uWSGI too).
// Each case is a small workspace; the findings are given with their exact range, severity, message and related
// information, the fixes with the text they produce.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { quickFixes } from '../../server/src/features/codeActions';
import { applyTextEdits } from '../../server/src/text/edits';
import { importTimeCode } from '../../server/src/model/appModules';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

type Files = Record<string, string>;

/** The findings of one rule on a file of a workspace: `line:col-line:col severity message`, then its related lines. */
function found(rule: string, path: string, files: Files): string[] {
  const analysis = analyze(path, files[path], {}, memoryWorkspace(files));
  assert.ok(analysis, `${path} is not read`);
  return diagnosticsOf(analysis)
    .filter((diagnostic) => diagnostic.code === rule)
    .flatMap((diagnostic) => {
      const { start, end } = diagnostic.range;
      return [
        `${start.line}:${start.character}-${end.line}:${end.character} ${diagnostic.severity} ${diagnostic.message}`,
        ...(diagnostic.related ?? []).map((related) => `  ${related.path ?? ''}:${related.range.start.line}:${related.range.start.character}-${related.range.end.character} ${related.message}`),
      ];
    });
}

/** The text a quick fix of a finding produces. */
function fixed(path: string, files: Files, line: number, character: number, title: string): string {
  const analysis = analyze(path, files[path], {}, memoryWorkspace(files))!;
  const at = { line, character };
  const actions = quickFixes(analysis, { start: at, end: at });
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no fix "${title}"; have ${actions.map((candidate) => candidate.title).join(', ')}`);
  return applyTextEdits(files[path], action.edits);
}

function fixTitles(path: string, files: Files, line: number, character: number): string[] {
  const analysis = analyze(path, files[path], {}, memoryWorkspace(files))!;
  const at = { line, character };
  return quickFixes(analysis, { start: at, end: at }).map((action) => action.title).filter((title) => !title.startsWith('Disable '));
}

const CONFIG = '/project/gunicorn.conf.py';
const OTEL_CONSEQUENCE = "OpenTelemetry's batch processor, built in the master, deadlocks or stays silent in the workers";
const OTEL_HOOK = [
  'def post_fork(server, worker):',
  '    # Start the APM agent in each worker: a thread started in the master does not survive the fork.',
  '    from opentelemetry import trace',
  '    from opentelemetry.sdk.trace import TracerProvider',
  '    from opentelemetry.sdk.trace.export import BatchSpanProcessor',
  '    from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter',
  '',
  '    provider = TracerProvider()',
  '    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))',
  '    trace.set_tracer_provider(provider)',
].join('\n');

describe('import-time code', () => {
  test('function and lambda bodies are blanked; class bodies, decorators, defaults and if-blocks stay', () => {
    const text = 'class A:\n    x = f()  # c\n    def m(self):\n        g()\n@dec(h())\ndef hook(a=k()):\n    inner()\nif x:\n    y("s")\nz = lambda: q()\n';
    assert.equal(importTimeCode(text), 'class A:\n    x = f()     \n    def m(self) \n           \n@dec(h())\ndef hook(a=k()) \n           \nif x:\n    y(   )\nz =            \n');
  });
});

describe('gunicorn/agent-started-in-master', () => {
  const RULE = 'gunicorn/agent-started-in-master';

  test("a start call in the config's top level or a master hook is reported on the call, one finding per agent", () => {
    const files = {
      [CONFIG]: [
        'from opentelemetry.sdk.trace.export import BatchSpanProcessor',
        'import pyroscope',
        'workers = 4',
        'pyroscope.configure(application_name="shop")',
        '',
        'def when_ready(server):',
        '    BatchSpanProcessor(exporter)',
        '    BatchSpanProcessor(other)',
        '',
        'def post_fork(server, worker):',
        '    pyroscope.configure(application_name="shop")',
        '',
      ].join('\n'),
    };
    assert.deepEqual(found(RULE, CONFIG, files), [
      "3:0-3:19 error `pyroscope.configure` runs in Gunicorn's master (top level): Pyroscope's profiler, configured in the master, is not safe in the workers.",
      '  :1:0-16 Pyroscope: import pyroscope in gunicorn.conf.py',
      `6:4-6:22 error \`BatchSpanProcessor\` runs in Gunicorn's master (\`when_ready\`): ${OTEL_CONSEQUENCE}.`,
      '  :0:0-18 OpenTelemetry: from opentelemetry in gunicorn.conf.py',
    ]);
    // The config has a post_fork already: no hook is offered, and nothing else moves code.
    assert.deepEqual(fixTitles(CONFIG, files, 6, 4), []);
  });

  test("without a post_fork, the fix adds one that starts the finding's own agent (Pyroscope's workerStart)", () => {
    const files = { [CONFIG]: 'import pyroscope\nimport opentelemetry\npyroscope.configure(application_name="shop")\n' };
    assert.deepEqual(fixTitles(CONFIG, files, 2, 0), ["Add a 'post_fork' hook that starts the agent in each worker"]);
    assert.equal(
      fixed(CONFIG, files, 2, 0, "Add a 'post_fork' hook that starts the agent in each worker"),
      `${files[CONFIG]}\ndef post_fork(server, worker):\n    # Start the APM agent in each worker: a thread started in the master does not survive the fork.\n    import pyroscope\n\n    pyroscope.configure()\n`,
    );
  });

  test('calls in other functions, in post_fork, in comments and strings are not in the master', () => {
    const files = {
      [CONFIG]: [
        'import opentelemetry',
        '# BatchSpanProcessor(x)',
        'note = "MeterProvider()"',
        'def setup():',
        '    BatchSpanProcessor(x)',
        'def post_fork(server, worker):',
        '    MeterProvider()',
        'hook = lambda: MeterProvider()',
        '',
      ].join('\n'),
    };
    assert.deepEqual(found(RULE, CONFIG, files), []);
  });

  test('with preload, a start call the app makes as it is imported is reported on the preload setting; fixes', () => {
    const files = {
      [CONFIG]: 'wsgi_app = "shop.wsgi:app"\npreload_app = True\nworkers = 4\n',
      '/project/shop/wsgi.py': 'import shop.telemetry\n\ndef make():\n    return 1\n\napp = make()\n',
      '/project/shop/telemetry.py': 'from opentelemetry.sdk.trace.export import BatchSpanProcessor\n\nprocessor = BatchSpanProcessor(exporter)\n',
    };
    assert.deepEqual(found(RULE, CONFIG, files), [
      `1:14-1:18 error \`preload_app = True\` imports the app, which starts the agent, in the master: ${OTEL_CONSEQUENCE}.`,
      '  /project/shop/telemetry.py:2:12-30 `BatchSpanProcessor` runs as telemetry.py is imported',
      '  /project/shop/telemetry.py:0:0-18 OpenTelemetry: from opentelemetry in telemetry.py',
    ]);
    assert.deepEqual(fixTitles(CONFIG, files, 1, 14), ["Set 'preload_app = False'", "Add a 'post_fork' hook that starts the agent in each worker"]);
    assert.equal(fixed(CONFIG, files, 1, 14, "Set 'preload_app = False'"), 'wsgi_app = "shop.wsgi:app"\npreload_app = False\nworkers = 4\n');
    assert.equal(fixed(CONFIG, files, 1, 14, "Add a 'post_fork' hook that starts the agent in each worker"), `${files[CONFIG]}\n${OTEL_HOOK}\n`);
  });

  test('the app starting the agent only inside a function, no preload, or a post_fork that starts it: nothing', () => {
    const app = { '/project/shop/wsgi.py': 'from opentelemetry.sdk.trace.export import BatchSpanProcessor\n\ndef init():\n    BatchSpanProcessor(exporter)\n\napp = object()\n' };
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: 'wsgi_app = "shop.wsgi:app"\npreload_app = True\n', ...app }), []);
    const started = { '/project/shop/wsgi.py': 'import newrelic.agent\nnewrelic.agent.register_application(timeout=10.0)\napp = object()\n' };
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: 'wsgi_app = "shop.wsgi:app"\npreload_app = False\n', ...started }), []);
    const hooked = 'wsgi_app = "shop.wsgi:app"\npreload_app = True\n\ndef post_fork(server, worker):\n    import newrelic.agent\n    newrelic.agent.register_application(timeout=10.0)\n';
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: hooked, ...started }), []);
  });

  test('`--preload` on a launch line: reported on the flag in the launch file, with no fix there', () => {
    const files = {
      '/project/Procfile': 'web: gunicorn --preload -w 4 shop.wsgi:app\n',
      '/project/shop/wsgi.py': 'import newrelic.agent\nnewrelic.agent.register_application(timeout=10.0)\napp = object()\n',
    };
    assert.deepEqual(found(RULE, '/project/Procfile', files), [
      "0:14-0:23 error `--preload` imports the app, which starts the agent, in the master: New Relic's harvest thread starts in the master, and the workers report no data.",
      '  /project/shop/wsgi.py:1:0-35 `newrelic.agent.register_application` runs as wsgi.py is imported',
      '  /project/shop/wsgi.py:0:0-15 New Relic: import newrelic in wsgi.py',
    ]);
    assert.deepEqual(fixTitles('/project/Procfile', files, 0, 14), []);
  });

  test('an agent that needs no preloading at all is left to gunicorn/preload-app: one finding per agent', () => {
    const files = {
      [CONFIG]: 'wsgi_app = "shop.wsgi:app"\npreload_app = True\n',
      '/project/shop/wsgi.py': 'from tingyun.api import init_tingyun_agent\ninit_tingyun_agent()\napp = object()\n',
    };
    assert.deepEqual(found(RULE, CONFIG, files), []);
    assert.equal(found('gunicorn/preload-app', CONFIG, files).length, 2);
  });
});

describe('gunicorn/gevent-patch-order', () => {
  const RULE = 'gunicorn/gevent-patch-order';
  const GEVENT = 'worker_class = "gevent"\nworker_connections = 100\nmax_requests = 100\n';

  test('preload with gevent workers and no patch: reported on the setting, for any project; the fix patches at the top', () => {
    const files = { [CONFIG]: `"""Gunicorn settings."""\nfrom __future__ import annotations\n${GEVENT}preload_app = True\n` };
    assert.deepEqual(found(RULE, CONFIG, files), [
      '5:14-5:18 warning `preload_app = True` imports the app before the gevent workers patch: what it imported keeps blocking sockets and locks; patch first, in the config.',
    ]);
    assert.equal(
      fixed(CONFIG, files, 5, 14, "Patch gevent first: 'monkey.patch_all()' at the top of the config"),
      `"""Gunicorn settings."""\nfrom __future__ import annotations\nfrom gevent import monkey\nmonkey.patch_all()\n\n${GEVENT}preload_app = True\n`,
    );
  });

  test('a patch at the top of the config, `import ddtrace.auto` first, a dotted gevent class, sync workers, no preload', () => {
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: `from gevent import monkey\nmonkey.patch_all()\n${GEVENT}preload_app = True\n` }), []);
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: `from gevent.monkey import patch_all\npatch_all()\n${GEVENT}preload_app = True\n` }), []);
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: `import ddtrace.auto\n${GEVENT}preload_app = True\n` }), []);
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: 'worker_class = "sync"\npreload_app = True\n' }), []);
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: GEVENT }), []);
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: 'worker_class = "gunicorn.workers.ggevent.GeventWorker"\npreload_app = True\n' }).length, 1);
  });

  test("an agent imported in the config before gevent patches: reported on the import with the agent's consequence", () => {
    const files = { [CONFIG]: `import ddtrace\nfrom gevent import monkey\nmonkey.patch_all()\n${GEVENT}`, '/project/requirements.txt': 'ddtrace==2.1\n' };
    assert.deepEqual(found(RULE, CONFIG, files), [
      '0:0-0:14 warning `import ddtrace` comes before gevent patches, with gevent workers: Datadog misses what is imported before gevent patches; patch first.',
      '  /project/requirements.txt:0:0-12 Datadog: ddtrace in requirements.txt',
    ]);
    assert.equal(
      fixed(CONFIG, files, 0, 0, "Patch gevent first: 'monkey.patch_all()' at the top of the config"),
      `from gevent import monkey\nmonkey.patch_all()\n\nimport ddtrace\nfrom gevent import monkey\nmonkey.patch_all()\n${GEVENT}`,
    );
    // After the patch, the import is fine.
    assert.deepEqual(found(RULE, CONFIG, { ...files, [CONFIG]: `from gevent import monkey\nmonkey.patch_all()\nimport ddtrace\n${GEVENT}` }), []);
  });

  test("with an agent that cites the need, preload names it and takes its severity (OpenTelemetry's reader deadlocks)", () => {
    const files = { '/project/Procfile': 'web: gunicorn -k gevent --preload shop:app\n', '/project/requirements.txt': 'opentelemetry-sdk\n' };
    assert.deepEqual(found(RULE, '/project/Procfile', files), [
      "0:24-0:33 error `--preload` imports the app before the gevent workers patch: OpenTelemetry's metric reader can deadlock in gevent workers; patch first, in the config.",
      '  /project/requirements.txt:0:0-17 OpenTelemetry: opentelemetry-sdk in requirements.txt',
    ]);
  });
});

describe('gunicorn/instrument-worker-metrics', () => {
  const RULE = 'gunicorn/instrument-worker-metrics';
  const MESSAGE = "workers under `opentelemetry-instrument`: OpenTelemetry's metrics break: its reader does not survive the fork; use UvicornWorker, post_fork or 1 worker.";

  test('several workers from the command line, WEB_CONCURRENCY or the config, each reported where the count is', () => {
    const cli = { '/project/Dockerfile': 'FROM python:3.12-slim\nCMD ["opentelemetry-instrument", "gunicorn", "--workers", "4", "app:app"]\n' };
    assert.deepEqual(found(RULE, '/project/Dockerfile', cli), [`1:59-1:60 warning 4 ${MESSAGE}`]);
    const env = { '/project/Dockerfile': 'FROM python:3.12-slim\nENV WEB_CONCURRENCY=3\nCMD ["opentelemetry-instrument", "gunicorn", "app:app"]\n' };
    assert.deepEqual(found(RULE, '/project/Dockerfile', env), [`1:20-1:21 warning 3 ${MESSAGE}`, '  :2:5-31 OpenTelemetry: opentelemetry-instrument on CMD in Dockerfile']);
    const file = { '/project/Dockerfile': 'FROM python:3.12-slim\nCMD ["opentelemetry-instrument", "gunicorn", "-c", "gunicorn.conf.py", "app:app"]\n', [CONFIG]: 'workers = 4\n' };
    assert.deepEqual(found(RULE, CONFIG, file), [`0:10-0:11 warning 4 ${MESSAGE}`, '  /project/Dockerfile:1:5-31 OpenTelemetry: opentelemetry-instrument on CMD in Dockerfile']);
    assert.deepEqual(found(RULE, '/project/Dockerfile', file), []);
  });

  test('one worker, Uvicorn workers, metrics export off, no wrapper: nothing', () => {
    const launch = (env: string, args: string) => ({ '/project/Dockerfile': `FROM python:3.12-slim\n${env}CMD ["opentelemetry-instrument", "gunicorn", ${args}"app:app"]\n` });
    assert.deepEqual(found(RULE, '/project/Dockerfile', launch('', '"-w", "1", ')), []);
    assert.deepEqual(found(RULE, '/project/Dockerfile', launch('', '"-w", "4", "-k", "uvicorn.workers.UvicornWorker", ')), []);
    assert.deepEqual(found(RULE, '/project/Dockerfile', launch('ENV OTEL_METRICS_EXPORTER=none\n', '"-w", "4", ')), []);
    assert.deepEqual(found(RULE, '/project/Dockerfile', launch('ENV OTEL_METRICS_EXPORTER=otlp\n', '"-w", "4", ')), [
      `2:52-2:53 warning 4 ${MESSAGE}`,
      '  :1:4-30 OpenTelemetry: OTEL_METRICS_EXPORTER in the environment of CMD in Dockerfile',
    ]);
    assert.deepEqual(found(RULE, '/project/Dockerfile', { '/project/Dockerfile': 'FROM python:3.12-slim\nENV OTEL_SERVICE_NAME=shop\nCMD ["gunicorn", "-w", "4", "app:app"]\n' }), []);
  });
});

describe('prometheus/multiproc-dir', () => {
  const RULE = 'prometheus/multiproc-dir';
  const WHAT = "Prometheus client raises at start-up or mixes up the workers' metrics";
  const APP = { '/project/app.py': 'from prometheus_client import multiprocess\n' };
  const LOWER = "`prometheus_multiproc_dir` is deprecated: prometheus_client reads it with a warning; name it `PROMETHEUS_MULTIPROC_DIR`.";

  test('several Gunicorn workers and the variable in no environment: reported on the worker count', () => {
    const files = { '/project/Dockerfile': 'FROM python:3.12-slim\nCMD ["gunicorn", "--workers", "4", "app:app"]\n', ...APP };
    assert.deepEqual(found(RULE, '/project/Dockerfile', files), [
      `1:31-1:32 error 4 processes, and PROMETHEUS_MULTIPROC_DIR is not in the launch's environment: ${WHAT}.`,
      '  /project/app.py:0:0-42 Prometheus client: from prometheus_client import multiprocess in app.py',
    ]);
    assert.deepEqual(fixTitles('/project/Dockerfile', files, 1, 31), []);
    const set = { ...files, '/project/Dockerfile': 'FROM python:3.12-slim\nENV PROMETHEUS_MULTIPROC_DIR=/tmp/metrics\nCMD ["gunicorn", "--workers", "4", "app:app"]\n' };
    assert.deepEqual(found(RULE, '/project/Dockerfile', set), []);
    // One worker, or no launch to show the environment: nothing.
    assert.deepEqual(found(RULE, '/project/Dockerfile', { ...files, '/project/Dockerfile': 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n' }), []);
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: 'wsgi_app = "app:app"\nworkers = 4\n', ...APP }), []);
  });

  test('uWSGI: processes in the ini, the launch in a Dockerfile; `env =` in the ini counts (uWSGI sets it before Python starts)', () => {
    const files = { '/project/uwsgi.ini': '[uwsgi]\nmodule = app\nprocesses = 4\n', '/project/Dockerfile': 'FROM python:3.12-slim\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n', ...APP };
    assert.deepEqual(found(RULE, '/project/uwsgi.ini', files), [
      `2:12-2:13 error 4 processes, and PROMETHEUS_MULTIPROC_DIR is not in the launch's environment: ${WHAT}.`,
      '  /project/Dockerfile:1:5-34 CMD starts the server without PROMETHEUS_MULTIPROC_DIR',
      '  /project/app.py:0:0-42 Prometheus client: from prometheus_client import multiprocess in app.py',
    ]);
    assert.deepEqual(found(RULE, '/project/uwsgi.ini', { ...files, '/project/uwsgi.ini': '[uwsgi]\nmodule = app\nprocesses = 4\nenv = PROMETHEUS_MULTIPROC_DIR=/tmp/m\n' }), []);
    const flag = { ...files, '/project/uwsgi.ini': '[uwsgi]\nmodule = app\n', '/project/Dockerfile': 'FROM python:3.12-slim\nCMD ["uwsgi", "--ini", "uwsgi.ini", "-p", "4"]\n' };
    assert.deepEqual(found(RULE, '/project/Dockerfile', flag), [
      `1:43-1:44 error 4 processes, and PROMETHEUS_MULTIPROC_DIR is not in the launch's environment: ${WHAT}.`,
      '  /project/app.py:0:0-42 Prometheus client: from prometheus_client import multiprocess in app.py',
    ]);
  });

  test('a Procfile, a shell script or a Compose service may get the variable from elsewhere: not reported', () => {
    for (const [path, text] of [
      ['/project/Procfile', 'web: gunicorn --workers 4 app:app\n'],
      ['/project/start.sh', '#!/bin/sh\nexec gunicorn --workers 4 app:app\n'],
      ['/project/compose.yaml', 'services:\n  web:\n    image: shop/web\n    command: gunicorn --workers 4 app:app\n'],
    ]) {
      assert.deepEqual(found(RULE, path, { [path]: text, ...APP }), [], path);
    }
  });

  test('the app or the config setting it from Python, or an env file the workspace lacks: not reported', () => {
    const launch = { '/project/Dockerfile': 'FROM python:3.12-slim\nCMD ["gunicorn", "--workers", "4", "app:app"]\n' };
    assert.deepEqual(found(RULE, '/project/Dockerfile', { ...launch, '/project/app.py': 'import os\nos.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", "/tmp")\nfrom prometheus_client import multiprocess\n' }), []);
    const unit = (environmentFile: string) => ({ '/project/shop.service': `[Service]\n${environmentFile}ExecStart=/venv/bin/gunicorn --workers 4 app:app\n`, ...APP });
    assert.deepEqual(found(RULE, '/project/shop.service', unit('EnvironmentFile=/project/prod.env\n')), []);
    assert.equal(found(RULE, '/project/shop.service', unit('')).length, 2);
    assert.equal(found(RULE, '/project/shop.service', { ...unit('EnvironmentFile=/project/prod.env\n'), '/project/prod.env': 'DEBUG=0\n' }).length, 2);
  });

  test('the lower-case name: a warning with a rename, wherever it is written; not when the upper-case one is set too', () => {
    const docker = { '/project/Dockerfile': 'FROM python:3.12-slim\nENV prometheus_multiproc_dir=/tmp/m\nCMD ["gunicorn", "--workers", "4", "app:app"]\n' };
    assert.deepEqual(found(RULE, '/project/Dockerfile', docker), [`1:4-1:28 warning ${LOWER}`]);
    assert.equal(fixed('/project/Dockerfile', docker, 1, 4, "Rename it to 'PROMETHEUS_MULTIPROC_DIR'"), 'FROM python:3.12-slim\nENV PROMETHEUS_MULTIPROC_DIR=/tmp/m\nCMD ["gunicorn", "--workers", "4", "app:app"]\n');
    const ini = { '/project/uwsgi.ini': '[uwsgi]\nmodule = app\nenv = prometheus_multiproc_dir=/tmp/m\n' };
    assert.deepEqual(found(RULE, '/project/uwsgi.ini', ini), [`2:6-2:30 warning ${LOWER}`]);
    assert.equal(fixed('/project/uwsgi.ini', ini, 2, 6, "Rename it to 'PROMETHEUS_MULTIPROC_DIR'"), '[uwsgi]\nmodule = app\nenv = PROMETHEUS_MULTIPROC_DIR=/tmp/m\n');
    const config = { [CONFIG]: "raw_env = ['prometheus_multiproc_dir=/tmp/m']\n" };
    assert.deepEqual(found(RULE, CONFIG, config), [`0:12-0:36 warning ${LOWER}`]);
    assert.equal(fixed(CONFIG, config, 0, 12, "Rename it to 'PROMETHEUS_MULTIPROC_DIR'"), "raw_env = ['PROMETHEUS_MULTIPROC_DIR=/tmp/m']\n");
    assert.deepEqual(found(RULE, '/project/uwsgi.ini', { '/project/uwsgi.ini': '[uwsgi]\nmodule = app\nenv = prometheus_multiproc_dir=/tmp/m\nenv = PROMETHEUS_MULTIPROC_DIR=/tmp/m\n' }), []);
  });

  test('raw_env after the config imported prometheus_client: too late (seen on Gunicorn 20.1: the workers keep MutexValue)', () => {
    const files = {
      [CONFIG]: 'from prometheus_client import multiprocess\nraw_env = ["PROMETHEUS_MULTIPROC_DIR=/tmp/m"]\n\ndef child_exit(server, worker):\n    multiprocess.mark_process_dead(worker.pid)\n',
    };
    assert.deepEqual(found(RULE, CONFIG, files), [
      `1:11-1:44 error \`raw_env\` sets PROMETHEUS_MULTIPROC_DIR after this file imported prometheus_client: ${WHAT}.`,
      '  :0:0-22 prometheus_client is imported here, before raw_env is applied',
    ]);
    const inHook = { [CONFIG]: 'raw_env = ["PROMETHEUS_MULTIPROC_DIR=/tmp/m"]\n\ndef child_exit(server, worker):\n    from prometheus_client import multiprocess\n    multiprocess.mark_process_dead(worker.pid)\n' };
    assert.deepEqual(found(RULE, CONFIG, inHook), []);
  });
});

describe('prometheus/child-exit', () => {
  const RULE = 'prometheus/child-exit';
  const WHAT = 'Prometheus client keeps the live gauges of dead workers';
  const HOOK = 'def child_exit(server, worker):\n    from prometheus_client import multiprocess\n\n    multiprocess.mark_process_dead(worker.pid)\n';

  test('no child_exit: reported on the first line, and the fix adds one that imports prometheus_client inside it', () => {
    const files = { [CONFIG]: '# settings\nworkers = 4\nraw_env = ["PROMETHEUS_MULTIPROC_DIR=/tmp/m"]\n' };
    assert.deepEqual(found(RULE, CONFIG, files), [
      `0:0-0:10 warning No \`child_exit\` hook calls \`mark_process_dead(worker.pid)\`: ${WHAT}.`,
      '  :2:11-44 Prometheus client: raw_env PROMETHEUS_MULTIPROC_DIR in gunicorn.conf.py',
    ]);
    assert.equal(fixed(CONFIG, files, 0, 0, "Add a 'child_exit' hook that calls 'mark_process_dead'"), `${files[CONFIG]}\n${HOOK}`);
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: `${files[CONFIG]}\n${HOOK}` }), []);
  });

  test('a child_exit that does not call it, and a worker_exit that does (it misses killed workers)', () => {
    const launch = { '/project/Procfile': 'web: PROMETHEUS_MULTIPROC_DIR=/tmp/m gunicorn -c gunicorn.conf.py app:app\n' };
    const silent = { ...launch, [CONFIG]: 'workers = 4\n\ndef child_exit(server, worker):\n    server.log.info("bye")\n' };
    assert.deepEqual(found(RULE, CONFIG, silent), [
      `2:4-2:14 warning \`child_exit\` does not call \`mark_process_dead(worker.pid)\`: ${WHAT}.`,
      '  /project/Procfile:0:5-36 Prometheus client: PROMETHEUS_MULTIPROC_DIR in the environment of web in Procfile',
    ]);
    assert.deepEqual(fixTitles(CONFIG, silent, 2, 4), []);
    const workerExit = { ...launch, [CONFIG]: 'workers = 4\n\ndef worker_exit(server, worker):\n    from prometheus_client import multiprocess\n    multiprocess.mark_process_dead(worker.pid)\n' };
    assert.deepEqual(found(RULE, CONFIG, workerExit), [
      `2:4-2:15 warning \`worker_exit\` misses workers that are killed or crash; call \`mark_process_dead\` from \`child_exit\`: ${WHAT}.`,
      '  /project/Procfile:0:5-36 Prometheus client: PROMETHEUS_MULTIPROC_DIR in the environment of web in Procfile',
    ]);
    // Only the config file gets it: the launch's reading leaves it there.
    assert.deepEqual(found(RULE, '/project/Procfile', silent), []);
  });

  test('a child_exit imported from elsewhere, or a project without Prometheus multiprocess: nothing', () => {
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: 'from shop.metrics import child_exit\nraw_env = ["PROMETHEUS_MULTIPROC_DIR=/tmp/m"]\n' }), []);
    assert.deepEqual(found(RULE, CONFIG, { [CONFIG]: 'workers = 4\n' }), []);
  });
});

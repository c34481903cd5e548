/**
 * The agents in the editor (features/agentReadiness.ts): the hover on `[uwsgi]` and on a Gunicorn config's first line
 * lists the agents, their evidence as links to the line, and whether the config meets each one's needs (from the
 * findings of the analysis); the status bar's text and tooltip; the agents a folder shows, for New deployment config.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisSettings, analyze } from '../../server/src/features/analysis';
import { hoverAt } from '../../server/src/features/hover';
import { agentStatus, projectAgents } from '../../server/src/features/agentReadiness';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

const READY_INI = '[uwsgi]\nmodule = app:application\nmaster = true\nprocesses = 4\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';
const BARE_INI = '[uwsgi]\nmodule = app:application\nmaster = true\nprocesses = 4\n';
/** READY_INI with what Datadog needs besides: `skip-atexit` with `lazy-apps` (uWSGI before 2.0.30), and `import = ddtrace.auto` to start it. */
const DATADOG_READY_INI = `${READY_INI}skip-atexit = true\nimport = ddtrace.auto\n`;

function analysed(files: Record<string, string>, path: string, settings: AnalysisSettings = {}) {
  const analysis = analyze(path, files[path], settings, memoryWorkspace(files));
  assert.ok(analysis, `${path} is not analysed`);
  return analysis;
}

function hover(files: Record<string, string>, path: string, line: number, character: number, settings: AnalysisSettings = {}) {
  const analysis = analysed(files, path, settings);
  return hoverAt(analysis.document, { line, character }, 'en', analysis);
}

const HOW_TO_NAME =
  'name yours with the setting `pydeploy.agents` (for example `["datadog"]`) or `agents = ["datadog"]` in `[tool.pydeploy]` of pyproject.toml; known: tingyun, newrelic, datadog, sentry, opentelemetry, elastic, scout, appdynamics, pyroscope, prometheus';

describe('hover on [uwsgi]: the agents, their evidence and their verdicts', () => {
  test('Datadog and Sentry found, the config misses threads and lazy-apps (and so fork safety): each agent with its findings', () => {
    const files = { '/project/uwsgi.ini': BARE_INI, '/project/requirements.txt': 'flask\nddtrace==2.1\nsentry-sdk\n' };
    const shown = hover(files, '/project/uwsgi.ini', 0, 3);
    assert.deepEqual(shown?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
    assert.equal(
      shown?.contents,
      [
        '**APM agents** found in the project:',
        '',
        '**Datadog**: this configuration misses 2 of its needs (checked: `uwsgi/enable-threads`, `uwsgi/lazy-apps`, `uwsgi/master`, `uwsgi/skip-atexit`, `uwsgi/agent-import`, `uwsgi/gevent-monkey-patch`).',
        '- ddtrace in requirements.txt: [requirements.txt:2](file:///project/requirements.txt#L2)',
        "- error `uwsgi/enable-threads` (line 1): Python threads are off (no `enable-threads` or `threads`) on uWSGI up to 2.0.26 (assumed: no version is pinned): Datadog's tracer does not start (ddtrace's uWSGI check fails); Sentry's background features stop working and workers may crash.",
        "- error `uwsgi/lazy-apps` (line 1): The app loads in the master before the workers are forked (set `lazy-apps`): Datadog's tracer can deadlock workers that respawn.",
        '',
        '**Sentry**: this configuration misses 2 of its needs (checked: `uwsgi/enable-threads`, `uwsgi/fork-safety`).',
        '- sentry-sdk in requirements.txt: [requirements.txt:3](file:///project/requirements.txt#L3)',
        "- error `uwsgi/enable-threads` (line 1): Python threads are off (no `enable-threads` or `threads`) on uWSGI up to 2.0.26 (assumed: no version is pinned): Datadog's tracer does not start (ddtrace's uWSGI check fails); Sentry's background features stop working and workers may crash.",
        '- error `uwsgi/fork-safety` (line 1): No `py-call-uwsgi-fork-hooks` and no `lazy-apps`: Sentry warns of crashing workers: its threads are not restarted after the fork.',
      ].join('\n'),
    );
  });

  test('a ready config: each agent meets its needs; the evidence links to its line', () => {
    const files = { '/project/uwsgi.ini': DATADOG_READY_INI, '/project/requirements.txt': 'ddtrace\n', '/project/app.py': 'import sentry_sdk\n\nsentry_sdk.init(dsn=DSN)\n' };
    assert.equal(
      hover(files, '/project/uwsgi.ini', 0, 0)?.contents,
      [
        '**APM agents** found in the project:',
        '',
        '**Datadog**: this configuration meets its needs (checked: `uwsgi/enable-threads`, `uwsgi/lazy-apps`, `uwsgi/master`, `uwsgi/skip-atexit`, `uwsgi/agent-import`, `uwsgi/gevent-monkey-patch`).',
        '- ddtrace in requirements.txt: [requirements.txt:1](file:///project/requirements.txt#L1)',
        '- import = ddtrace.auto in uwsgi.ini: [uwsgi.ini:9](file:///project/uwsgi.ini#L9)',
        '',
        '**Sentry**: this configuration meets its needs (checked: `uwsgi/enable-threads`, `uwsgi/fork-safety`).',
        '- sentry_sdk.init( in app.py: [app.py:3](file:///project/app.py#L3)',
      ].join('\n'),
    );
  });

  test('no agent found or named: said once, with how to name one, and the needs pydeploy checks for an APM agent', () => {
    const files = { '/project/uwsgi.ini': READY_INI };
    assert.equal(
      hover(files, '/project/uwsgi.ini', 0, 1)?.contents,
      [
        `**APM agents:** none found in the project and none named, so pydeploy checks what an APM agent commonly needs; ${HOW_TO_NAME}.`,
        '',
        '**The APM agent**: this configuration meets its needs (checked: `uwsgi/enable-threads`, `uwsgi/single-interpreter`, `uwsgi/lazy-apps`, `tornado/wsgi-adapter-mode`).',
      ].join('\n'),
    );
  });

  test('agents named in the settings: those, with the evidence of the ones the project shows', () => {
    // New Relic asks besides for the holy WSGI environ on uWSGI 2.0 (information only, but part of a ready config).
    const files = { '/project/uwsgi.ini': `${DATADOG_READY_INI}wsgi-env-behavior = holy\n`, '/project/requirements.txt': 'ddtrace\n' };
    assert.equal(
      hover(files, '/project/uwsgi.ini', 0, 1, { agents: ['newrelic', 'datadog'] })?.contents,
      [
        '**APM agents** named in the settings (`agents`):',
        '',
        '**New Relic**: this configuration meets its needs (checked: `uwsgi/enable-threads`, `uwsgi/single-interpreter`, `uwsgi/wsgi-env-behavior`).',
        '- named in the settings; nothing in the project shows it',
        '',
        '**Datadog**: this configuration meets its needs (checked: `uwsgi/enable-threads`, `uwsgi/lazy-apps`, `uwsgi/master`, `uwsgi/skip-atexit`, `uwsgi/agent-import`, `uwsgi/gevent-monkey-patch`).',
        '- ddtrace in requirements.txt: [requirements.txt:1](file:///project/requirements.txt#L1)',
        '- import = ddtrace.auto in uwsgi.ini: [uwsgi.ini:9](file:///project/uwsgi.ini#L9)',
      ].join('\n'),
    );
  });

  test('only the [uwsgi] header: an option keeps its own hover, another section has none', () => {
    const files = { '/project/uwsgi.ini': `${READY_INI}[other]\nx = 1\n`, '/project/requirements.txt': 'ddtrace\n' };
    assert.match(hover(files, '/project/uwsgi.ini', 2, 1)?.contents ?? '', /^\*\*master\*\* \(uWSGI option/);
    assert.equal(hover(files, '/project/uwsgi.ini', 7, 2), undefined);
    const analysis = analysed(files, '/project/uwsgi.ini');
    assert.equal(hoverAt(analysis.document, { line: 0, character: 1 }), undefined, 'without the analysis there is no verdict to give');
  });
});

describe("hover on a Gunicorn config's first line", () => {
  test('New Relic found in the app module; the config loads the app in each worker (no preloading), so it meets the need checked', () => {
    const config = '# web workers\nwsgi_app = "app:application"\nworkers = 4\n';
    const files = { '/project/gunicorn.conf.py': config, '/project/app.py': 'import newrelic.agent\n\nnewrelic.agent.initialize()\n' };
    const shown = hover(files, '/project/gunicorn.conf.py', 0, 4);
    assert.deepEqual(shown?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } });
    assert.equal(
      shown?.contents,
      [
        '**APM agents** found in the project:',
        '',
        '**New Relic**: this configuration meets its needs (checked: `gunicorn/agent-started-in-master`).',
        '- import newrelic in app.py: [app.py:1](file:///project/app.py#L1)',
      ].join('\n'),
    );
    assert.match(hover(files, '/project/gunicorn.conf.py', 2, 1)?.contents ?? '', /^\*\*workers\*\* \(Gunicorn setting/);
  });

  test('Tingyun found, preload_app = True: Tingyun misses the no-preload need', () => {
    const config = 'preload_app = True\n';
    const files = { '/project/gunicorn.conf.py': config, '/project/requirements.txt': 'tingyun==1.3\n' };
    const shown = hover(files, '/project/gunicorn.conf.py', 0, 16);
    assert.equal(
      shown?.contents,
      [
        '**APM agents** found in the project:',
        '',
        '**Tingyun**: this configuration misses one of its needs (checked: `gunicorn/preload-app`, `tornado/wsgi-adapter-mode`).',
        '- tingyun in requirements.txt: [requirements.txt:1](file:///project/requirements.txt#L1)',
        "- warning `gunicorn/preload-app` (line 1): `preload_app = True` starts the app, and the agent with it, in the master: Tingyun's thread does not survive the fork, so the workers report nothing.",
      ].join('\n'),
    );
  });
});

describe('the status bar', () => {
  test('ready for the agents found: "agent-ready: Datadog, Sentry", the evidence in the tooltip', () => {
    const files = { '/project/uwsgi.ini': DATADOG_READY_INI, '/project/requirements.txt': 'ddtrace\nsentry-sdk\n' };
    assert.deepEqual(agentStatus(analysed(files, '/project/uwsgi.ini')), {
      ready: true,
      text: 'agent-ready: Datadog, Sentry',
      tooltip: [
        'pydeploy: APM agents found in the project:',
        'Datadog: ready — ddtrace in requirements.txt (requirements.txt:1); import = ddtrace.auto in uwsgi.ini (uwsgi.ini:9)',
        'Sentry: ready — sentry-sdk in requirements.txt (requirements.txt:2)',
      ].join('\n\n'),
    });
  });

  test('not ready: the agents and what each misses', () => {
    const files = { '/project/uwsgi.ini': BARE_INI, '/project/requirements.txt': 'ddtrace\nsentry-sdk\n' };
    assert.deepEqual(agentStatus(analysed(files, '/project/uwsgi.ini')), {
      ready: false,
      text: 'not agent-ready: Datadog (enable-threads, lazy-apps); Sentry (enable-threads, fork-safety)',
      tooltip: [
        'pydeploy: APM agents found in the project:',
        'Datadog: misses enable-threads, lazy-apps — ddtrace in requirements.txt (requirements.txt:1)',
        'Sentry: misses enable-threads, fork-safety — sentry-sdk in requirements.txt (requirements.txt:2)',
        '3 errors and warnings in this file: click to show the Problems panel.',
      ].join('\n\n'),
    });
  });

  test('no agent found: "agent-ready" or what an APM agent misses, and how to name one', () => {
    assert.deepEqual(agentStatus(analysed({ '/project/uwsgi.ini': READY_INI }, '/project/uwsgi.ini')), {
      ready: true,
      text: 'agent-ready',
      tooltip: `pydeploy: no APM agent found in the project or named: ${HOW_TO_NAME}.`,
    });
    assert.deepEqual(agentStatus(analysed({ '/project/uwsgi.ini': '[uwsgi]\nmodule = app:application\nenable-threads = true\nlazy-apps = true\n' }, '/project/uwsgi.ini')), {
      ready: false,
      text: 'not agent-ready: single-interpreter',
      tooltip: [`pydeploy: no APM agent found in the project or named: ${HOW_TO_NAME}.`, 'Misses single-interpreter.', '1 error or warning in this file: click to show the Problems panel.'].join('\n\n'),
    });
  });

  test('errors about nothing an agent needs: counted', () => {
    const analysis = analysed({ '/project/uwsgi.ini': `${READY_INI}procesess = 4\n` }, '/project/uwsgi.ini');
    assert.deepEqual(
      analysis.findings.map(({ rule }) => rule.id),
      ['uwsgi/unknown-option'],
    );
    assert.equal(agentStatus(analysis).text, '1 problem');
    assert.equal(agentStatus(analysis).ready, false);
  });

  test('a requirements file starts no server: its problems only', () => {
    const status = agentStatus(analysed({ '/project/requirements.txt': 'tornado==6.1\n', '/project/uwsgi.ini': READY_INI }, '/project/requirements.txt'));
    assert.equal(status.tooltip.split('\n\n')[0], 'pydeploy: this file starts no server with an APM agent pydeploy knows of.');
  });
});

describe('the agents a folder shows, for New deployment config', () => {
  test('requirement and config files of the folder, first evidence each; none; the setting', () => {
    const files = { '/project/requirements.txt': 'sentry-sdk\n', '/project/deploy/newrelic.ini': '[newrelic]\n' };
    assert.deepEqual(projectAgents('/project', memoryWorkspace(files), undefined), [
      { id: 'newrelic', name: 'New Relic', evidence: "newrelic.ini, New Relic's config file" },
      { id: 'sentry', name: 'Sentry', evidence: 'sentry-sdk in requirements.txt' },
    ]);
    assert.deepEqual(projectAgents('/project', memoryWorkspace({ '/project/requirements.txt': 'flask\n' }), undefined), []);
    assert.deepEqual(projectAgents('/project', memoryWorkspace(files), ['datadog', 'sentry']), [
      { id: 'datadog', name: 'Datadog', evidence: 'named in the settings' },
      { id: 'sentry', name: 'Sentry', evidence: 'sentry-sdk in requirements.txt' },
    ]);
  });
});

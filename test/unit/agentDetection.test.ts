/**
 * Which agents a deployment uses (model/agents.ts), signal by signal and profile by profile: every kind of signal a
 * profile declares is found, with the file, the exact range and the description a message or a hover shows; what
 * only looks like one (a comment, a string, a longer variable name, another workspace folder's file) is not.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisSettings, readDocument } from '../../server/src/features/analysis';
import { readingsOf } from '../../server/src/features/readings';
import { effectiveSettings, readProjectSettings } from '../../server/src/features/settings';
import { deploymentAgents } from '../../server/src/model/agents';
import { AGENT_PROFILES, AgentProfile } from '../../server/src/knowledge/agents';
import { LineIndex } from '../../server/src/text/lineIndex';
import type { WorkspaceView } from '../../server/src/model/workspace';
import { memoryWorkspace } from '../helpers/memoryWorkspace';
import { renderText } from '../../server/src/l10n/message';

const INI = '[uwsgi]\nmodule = app:application\nmaster = true\n';

/** The agents of a config (through the launches that name it, when there are any), as `id: path l:c-l:c description`. */
function detected(files: Record<string, string>, path: string, settings: AnalysisSettings = {}, workspace: WorkspaceView = memoryWorkspace(files)): string[] {
  const document = readDocument(path, files[path], settings, workspace);
  assert.ok(document, `${path} is not read`);
  const lines = new Set<string>();
  for (const { document: reading } of readingsOf(document)) {
    if (reading.kind !== 'uwsgi-ini' && reading.kind !== 'gunicorn-py') continue;
    const agents = deploymentAgents(reading);
    for (const { profile, signals } of agents.agents) {
      if (signals.length === 0) lines.add(`${agents.how} ${profile.id}`);
      for (const { path: where, range, description } of signals) {
        lines.add(`${profile.id}: ${where} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${renderText(description, 'en')}`);
      }
    }
  }
  return [...lines];
}

/** Where `needle` first is in `text` (the n-th occurrence with `nth`), as `path l:c-l:c`. */
function at(path: string, text: string, needle: string, nth = 0): string {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} is not in ${path}`);
  const index = new LineIndex(text);
  const start = index.positionAt(offset);
  const end = index.positionAt(offset + needle.length);
  return `${path} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** A variable name each prefix of a profile stands for. */
const prefixed = (prefix: string) => `${prefix}SOMETHING`;

/** Code that uses each agent, one sample per code pattern of its profile (a test fails when a pattern has none). */
const CODE_SAMPLES: Record<string, string[]> = {
  tingyun: ['from tingyun.api import init_tingyun_agent', 'import tingyun', 'init_tingyun_agent()'],
  newrelic: ['import newrelic.agent', 'from newrelic import agent', 'newrelic.agent.initialize("newrelic.ini")'],
  datadog: ['import ddtrace', 'from ddtrace import tracer', 'ddtrace.auto'],
  sentry: ['sentry_sdk.init(dsn=DSN)', 'import sentry_sdk', 'from sentry_sdk import capture_message', 'app = SentryWsgiMiddleware(app)'],
  opentelemetry: ['from opentelemetry import trace', 'import opentelemetry.trace'],
  elastic: ['import elasticapm', 'from elasticapm.contrib.flask import ElasticAPM', 'apm = ElasticAPM(app)'],
  scout: ['import scout_apm.api', 'from scout_apm.flask import ScoutApm', 'ScoutApm(app)'],
  appdynamics: ['import appdynamics.agent', 'from appdynamics.agent import api'],
  pyroscope: ['import pyroscope', 'pyroscope.configure(application_name="a")'],
  prometheus: ['MultiProcessCollector(registry)', 'mark_process_dead(worker.pid)', 'prometheus_client.multiprocess', 'from prometheus_client import multiprocess'],
};

/** A file name each config-file pattern of a profile matches. */
const CONFIG_FILE_SAMPLES: Record<string, string[]> = {
  tingyun: ['tingyun.ini'],
  newrelic: ['newrelic.ini'],
  appdynamics: ['appdynamics.cfg'],
};

function sampleMatching(patterns: readonly RegExp[], samples: string[] | undefined, what: string, profile: AgentProfile): string[] {
  return patterns.map((pattern) => {
    const sample = samples?.find((candidate) => pattern.test(candidate));
    assert.ok(sample, `${profile.id}: no ${what} sample for ${pattern}`);
    return sample;
  });
}

describe('agent detection: every signal of every profile', () => {
  for (const profile of AGENT_PROFILES) {
    describe(profile.name, () => {
      const id = profile.id;

      test('each package, in requirements.txt, at its line and with its version', () => {
        for (const name of profile.signals.packages) {
          const requirements = `flask==3.0\n${name}==1.2.3  # the agent\n`;
          const files = { '/project/uwsgi.ini': INI, '/project/requirements.txt': requirements };
          assert.deepEqual(detected(files, '/project/uwsgi.ini'), [`${id}: ${at('/project/requirements.txt', requirements, `${name}==1.2.3`)} ${name} in requirements.txt`]);
        }
      });

      // The Prometheus client counts only in multiprocess mode, which no package shows.
      const name = profile.signals.packages[0];
      if (name !== undefined) test('its first package in pyproject.toml, Pipfile.lock and poetry.lock', () => {
        const pyproject = `[project]\nname = "app"\ndependencies = [\n  "flask>=3",\n  "${name}>=1.0",\n]\n`;
        const pipfileLock = `{\n  "default": {\n    "${name}": {\n      "hashes": [],\n      "version": "==1.2.3"\n    }\n  }\n}\n`;
        const poetryLock = `[[package]]\nname = "${name}"\nversion = "1.2.3"\n`;
        for (const [file, text, needle] of [
          ['pyproject.toml', pyproject, `${name}>=1.0`],
          ['Pipfile.lock', pipfileLock, '"version": "==1.2.3"'],
          ['poetry.lock', poetryLock, 'version = "1.2.3"'],
        ]) {
          const files = { '/project/uwsgi.ini': INI, [`/project/${file}`]: text };
          assert.deepEqual(detected(files, '/project/uwsgi.ini'), [`${id}: ${at(`/project/${file}`, text, needle)} ${name} in ${file}`], file);
        }
      });

      test('its config files by name, anywhere in the workspace folder', () => {
        for (const name of sampleMatching(profile.signals.configFiles, CONFIG_FILE_SAMPLES[id], 'config file', profile)) {
          const files = { '/project/uwsgi.ini': INI, [`/project/deploy/${name}`]: '' };
          assert.deepEqual(detected(files, '/project/uwsgi.ini'), [`${id}: /project/deploy/${name} 0:0-0:0 ${name}, ${profile.name}'s config file`]);
        }
      });

      test("each variable (and prefix) on a Dockerfile's, a Compose file's and a systemd unit's launch", () => {
        for (const variable of [...profile.signals.environment, ...profile.signals.environmentPrefixes.map(prefixed)]) {
          const dockerfile = `FROM python:3.12\nENV ${variable}=x\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n`;
          const compose = `services:\n  web:\n    command: uwsgi --ini uwsgi.ini\n    environment:\n      - ${variable}=x\n`;
          const unit = `[Service]\nEnvironment=${variable}=x\nExecStart=/venv/bin/uwsgi --ini /project/uwsgi.ini\n`;
          for (const [file, text, label] of [
            ['Dockerfile', dockerfile, 'CMD'],
            ['docker-compose.yml', compose, 'service web'],
            ['web.service', unit, 'ExecStart'],
          ]) {
            const files = { '/project/uwsgi.ini': INI, [`/project/${file}`]: text };
            const found = detected(files, '/project/uwsgi.ini');
            assert.equal(found.length, 1, `${variable} in ${file}: ${found.join(' | ')}`);
            assert.match(found[0], new RegExp(`^${id}: ${at(`/project/${file}`, text, `${variable}=x`)} ${variable} in the environment of (.+) in ${file.replace('.', '\\.')}$`), file);
            assert.ok(found[0].includes(label) || file === 'docker-compose.yml', found[0]);
          }
        }
      });

      test('each wrapper on a launch line', () => {
        for (const wrapper of profile.signals.wrappers) {
          const dockerfile = `FROM python:3.12\nCMD ${wrapper} uwsgi --ini uwsgi.ini\n`;
          const files = { '/project/uwsgi.ini': INI, '/project/Dockerfile': dockerfile };
          assert.deepEqual(detected(files, '/project/uwsgi.ini'), [`${id}: ${at('/project/Dockerfile', dockerfile, wrapper)} ${wrapper} on CMD in Dockerfile`]);
        }
      });

      test('uWSGI `env = NAME=…` and `import = module` lines', () => {
        for (const variable of [...profile.signals.environment, ...profile.signals.environmentPrefixes.map(prefixed)]) {
          const ini = `${INI}env = ${variable}=x\n`;
          assert.deepEqual(detected({ '/project/uwsgi.ini': ini }, '/project/uwsgi.ini'), [`${id}: ${at('/project/uwsgi.ini', ini, `${variable}=x`)} env = ${variable}=… in uwsgi.ini`]);
        }
        for (const module of profile.signals.uwsgiImports) {
          const ini = `${INI}import = ${module}\n`;
          assert.deepEqual(detected({ '/project/uwsgi.ini': ini }, '/project/uwsgi.ini'), [`${id}: ${at('/project/uwsgi.ini', ini, module)} import = ${module} in uwsgi.ini`]);
        }
      });

      test("Gunicorn's raw_env", () => {
        for (const variable of [...profile.signals.environment, ...profile.signals.environmentPrefixes.map(prefixed)]) {
          const config = `bind = "0.0.0.0:8000"\nraw_env = ["A=1", "${variable}=x"]\n`;
          assert.deepEqual(detected({ '/project/gunicorn.conf.py': config }, '/project/gunicorn.conf.py'), [
            `${id}: ${at('/project/gunicorn.conf.py', config, `"${variable}=x"`)} raw_env ${variable} in gunicorn.conf.py`,
          ]);
        }
      });

      test('code in the app module, in a module it imports, and at the top of a Gunicorn config', () => {
        const samples = sampleMatching([...profile.signals.code], CODE_SAMPLES[id], 'code', profile);
        for (const sample of samples) {
          // The first pattern of the profile that the sample matches gives the evidence.
          const pattern = [...profile.signals.code, ...profile.startCalls].find((candidate) => candidate.test(sample));
          const shown = pattern?.exec(sample)?.[0].trim() ?? '';
          const app = `import os\n\n${sample}\n`;
          assert.deepEqual(detected({ '/project/uwsgi.ini': INI, '/project/app.py': app }, '/project/uwsgi.ini'), [`${id}: ${at('/project/app.py', app, shown)} ${shown} in app.py`], sample);
          const imported = { '/project/uwsgi.ini': INI, '/project/app.py': 'from myproject import monitoring\n', '/project/myproject/monitoring.py': app };
          assert.deepEqual(detected(imported, '/project/uwsgi.ini'), [`${id}: ${at('/project/myproject/monitoring.py', app, shown)} ${shown} in monitoring.py`], sample);
          const config = `${sample}\nbind = "0.0.0.0:8000"\n`;
          assert.deepEqual(detected({ '/project/gunicorn.conf.py': config }, '/project/gunicorn.conf.py'), [`${id}: ${at('/project/gunicorn.conf.py', config, shown)} ${shown} in gunicorn.conf.py`], sample);
        }
      });
    });
  }
});

describe('agent detection: what is not a signal', () => {
  test('a longer variable name than a profile has (`DDX_SERVICE`, `OTELCOL_X`, `SENTRY_DSN_OLD`) is no agent', () => {
    for (const variable of ['DDX_SERVICE', 'OTELCOL_X', 'SENTRY_DSN_OLD', 'XDD_SERVICE', 'NEW_RELICX']) {
      const dockerfile = `FROM python:3.12\nENV ${variable}=x\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n`;
      assert.deepEqual(detected({ '/project/uwsgi.ini': `${INI}env = ${variable}=y\n`, '/project/Dockerfile': dockerfile }, '/project/uwsgi.ini'), ['none apm-agent'], variable);
    }
  });

  test("a comment or a string that mentions `sentry_sdk.init(` in the app is not code; the app's real call is found", () => {
    const app = '# sentry_sdk.init(dsn=DSN) is called by the platform\nDOC = "call sentry_sdk.init( yourself"\nNOTE = f"{x} import sentry_sdk"\n';
    assert.deepEqual(detected({ '/project/uwsgi.ini': INI, '/project/app.py': app }, '/project/uwsgi.ini'), ['none apm-agent']);
    const real = `${app}sentry_sdk.init(dsn=DSN)\n`;
    assert.deepEqual(detected({ '/project/uwsgi.ini': INI, '/project/app.py': real }, '/project/uwsgi.ini'), [`sentry: ${at('/project/app.py', real, 'sentry_sdk.init(', 2)} sentry_sdk.init( in app.py`]);
  });

  test('a `wsgi-file` app is scanned like a `module` one', () => {
    const app = 'import sentry_sdk\n';
    assert.deepEqual(detected({ '/project/uwsgi.ini': '[uwsgi]\nwsgi-file = app.py\n', '/project/app.py': app }, '/project/uwsgi.ini'), [
      'sentry: /project/app.py 0:0-0:17 import sentry_sdk in app.py',
    ]);
  });

  test('a package named in a comment or a description of pyproject.toml is not a requirement; the dependency is', () => {
    const pyproject = '[project]\n# ddtrace is not used here\ndescription = "errors go to sentry-sdk"\ndependencies = ["sentry-sdk>=1"]\n';
    assert.deepEqual(detected({ '/project/uwsgi.ini': INI, '/project/pyproject.toml': pyproject }, '/project/uwsgi.ini'), [
      `sentry: ${at('/project/pyproject.toml', pyproject, 'sentry-sdk>=1')} sentry-sdk in pyproject.toml`,
    ]);
    assert.deepEqual(detected({ '/project/uwsgi.ini': INI, '/project/requirements.txt': 'flask  # not ddtrace\n# ddtrace\n' }, '/project/uwsgi.ini'), ['none apm-agent']);
  });

  test("a newrelic.ini of another workspace folder is not this folder's", () => {
    const files = { '/project/uwsgi.ini': INI, '/other/newrelic.ini': '[newrelic]\n' };
    const twoFolders = (all: Record<string, string>): WorkspaceView => ({ ...memoryWorkspace(all), rootOf: (path) => (path.startsWith('/other/') ? '/other' : '/project') });
    assert.deepEqual(detected(files, '/project/uwsgi.ini', {}, twoFolders(files)), ['none apm-agent']);
    const both = { ...files, '/project/newrelic.ini': '' };
    assert.deepEqual(detected(both, '/project/uwsgi.ini', {}, twoFolders(both)), ["newrelic: /project/newrelic.ini 0:0-0:0 newrelic.ini, New Relic's config file"]);
  });

  test('requirement files are read from the config up to the workspace folder, not from beside it or above it', () => {
    const files = { '/project/deploy/uwsgi.ini': INI, '/project/requirements.txt': 'ddtrace\n', '/project/docs/requirements.txt': 'sentry-sdk\n', '/requirements.txt': 'newrelic\n' };
    assert.deepEqual(detected(files, '/project/deploy/uwsgi.ini'), ['datadog: /project/requirements.txt 0:0-0:7 ddtrace in requirements.txt']);
  });
});

describe('agent detection: the `agents` setting', () => {
  const files = { '/project/uwsgi.ini': INI, '/project/requirements.txt': 'ddtrace\nsentry-sdk\n' };

  test('a list of ids replaces detection, keeping the evidence of the named agents that are also found', () => {
    assert.deepEqual(detected(files, '/project/uwsgi.ini', { agents: ['sentry', 'newrelic'] }), [
      'sentry: /project/requirements.txt 1:0-1:10 sentry-sdk in requirements.txt',
      'named newrelic',
    ]);
  });

  test('"auto" (no list) detects; from [tool.pydeploy] too', () => {
    assert.deepEqual(detected(files, '/project/uwsgi.ini'), ['datadog: /project/requirements.txt 0:0-0:7 ddtrace in requirements.txt', 'sentry: /project/requirements.txt 1:0-1:10 sentry-sdk in requirements.txt']);
    assert.deepEqual(readProjectSettings('/project/pyproject.toml', '[tool.pydeploy]\nagents = "auto"\n'), { path: '/project/pyproject.toml', settings: {}, problems: [] });
    const project = { ...files, '/project/pyproject.toml': '[tool.pydeploy]\nagents = ["opentelemetry"]\n' };
    const fromProject = effectiveSettings('/project/uwsgi.ini', {}, memoryWorkspace(project));
    assert.deepEqual(detected(project, '/project/uwsgi.ini', fromProject), ['named opentelemetry']);
    // The editor's list wins over the project's.
    assert.deepEqual(detected(project, '/project/uwsgi.ini', effectiveSettings('/project/uwsgi.ini', { agents: ['datadog'] }, memoryWorkspace(project))), [
      'datadog: /project/requirements.txt 0:0-0:7 ddtrace in requirements.txt',
    ]);
  });

  test('[tool.pydeploy] agents with an unknown id: a problem with did-you-mean, and the known ids are kept', () => {
    const project = readProjectSettings('/project/pyproject.toml', '[tool.pydeploy]\nagents = ["datadgo", "sentry", "zzz"]\n');
    assert.deepEqual(project?.settings, { agents: ['sentry'] });
    assert.deepEqual(project?.problems, [
      "agents: unknown agent 'datadgo' (did you mean 'datadog'?), known: tingyun, newrelic, datadog, sentry, opentelemetry, elastic, scout, appdynamics, pyroscope, prometheus",
      "agents: unknown agent 'zzz', known: tingyun, newrelic, datadog, sentry, opentelemetry, elastic, scout, appdynamics, pyroscope, prometheus",
    ]);
    assert.deepEqual(readProjectSettings('/project/pyproject.toml', '[tool.pydeploy]\nagents = 3\n')?.problems, [
      'agents: expected "auto" or a list of agent ids (tingyun, newrelic, datadog, sentry, opentelemetry, elastic, scout, appdynamics, pyroscope, prometheus)',
    ]);
  });
});

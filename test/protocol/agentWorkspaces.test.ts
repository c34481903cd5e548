/**
 * A workspace per APM agent over real JSON-RPC: the diagnostics of its uWSGI config name the agent, take the agent's
 * severity and point at the evidence (relatedInformation); the hover on `[uwsgi]` and the status bar's request
 * (pydeploy/agentStatus) say the same; the Tingyun-only rules stay quiet for Datadog and speak for Tingyun or no agent.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver';
import { ClientDocument, LspClient, writeProject } from './lspClient';
import { AGENT_WORKSPACES } from '../helpers/agentWorkspaces';

/** A diagnostic as pinned: code, LSP severity, `l:c-l:c`, message, and each related location as `file l:c-l:c message`. */
type Pinned = [code: string, severity: number, range: string, message: string, related: string[]];

const at = ({ start, end }: Diagnostic['range']) => `${start.line}:${start.character}-${end.line}:${end.character}`;

const THREADS_OFF = 'Python threads are off (no `enable-threads` or `threads`) on uWSGI up to 2.0.26 (assumed: no version is pinned)';
/** The rules that check Datadog's needs in a uWSGI config, as the hover lists them. */
const DATADOG_CHECKED = '(checked: `uwsgi/enable-threads`, `uwsgi/lazy-apps`, `uwsgi/master`, `uwsgi/skip-atexit`, `uwsgi/agent-import`, `uwsgi/gevent-monkey-patch`)';
const HOW_TO_NAME =
  'name yours with the setting `pydeploy.agents` (for example `["datadog"]`) or `agents = ["datadog"]` in `[tool.pydeploy]` of pyproject.toml; known: tingyun, newrelic, datadog, sentry, opentelemetry, elastic, scout, appdynamics, pyroscope, prometheus';

interface Expected {
  diagnostics: Record<string, Pinned[]>;
  /** The hover on `[uwsgi]`, `ROOT` for the workspace folder's URI. */
  hover: string;
  status: { ready: boolean; text: string };
}

const EXPECTED: Record<string, Expected> = {
  datadog: {
    diagnostics: {
      'uwsgi.ini': [
        ['uwsgi/enable-threads', 1, '0:0-0:7', `${THREADS_OFF}: Datadog's tracer does not start (ddtrace's uWSGI check fails).`, ['requirements.txt 1:0-1:15 Datadog: ddtrace in requirements.txt']],
        ['uwsgi/lazy-apps', 1, '0:0-0:7', "The app loads in the master before the workers are forked (set `lazy-apps`): Datadog's tracer can deadlock workers that respawn.", ['requirements.txt 1:0-1:15 Datadog: ddtrace in requirements.txt']],
        [
          'uwsgi/agent-import',
          1,
          '0:0-0:7',
          'Nothing starts the agent in uWSGI (no `import = ddtrace.auto`, no import in the app): Datadog instruments nothing in the workers.',
          ['requirements.txt 1:0-1:15 Datadog: ddtrace in requirements.txt'],
        ],
      ],
      // Tornado 6.1 is no concern of Datadog's.
      'requirements.txt': [],
    },
    hover: [
      '**APM agents** found in the project:',
      '',
      `**Datadog**: this configuration misses 3 of its needs ${DATADOG_CHECKED}.`,
      '- ddtrace in requirements.txt: [requirements.txt:2](ROOT/requirements.txt#L2)',
      '- DD_SERVICE in the environment of CMD in Dockerfile: [Dockerfile:2](ROOT/Dockerfile#L2)',
      `- error \`uwsgi/enable-threads\` (line 1): ${THREADS_OFF}: Datadog's tracer does not start (ddtrace's uWSGI check fails).`,
      "- error `uwsgi/lazy-apps` (line 1): The app loads in the master before the workers are forked (set `lazy-apps`): Datadog's tracer can deadlock workers that respawn.",
      '- error `uwsgi/agent-import` (line 1): Nothing starts the agent in uWSGI (no `import = ddtrace.auto`, no import in the app): Datadog instruments nothing in the workers.',
    ].join('\n'),
    status: { ready: false, text: 'not agent-ready: Datadog (enable-threads, lazy-apps, agent-import)' },
  },
  sentry: {
    diagnostics: {
      'uwsgi.ini': [['uwsgi/enable-threads', 1, '0:0-0:7', `${THREADS_OFF}: Sentry's background features stop working and workers may crash.`, ['app.py 2:0-2:16 Sentry: sentry_sdk.init( in app.py']]],
    },
    hover: [
      '**APM agents** found in the project:',
      '',
      '**Sentry**: this configuration misses one of its needs (checked: `uwsgi/enable-threads`, `uwsgi/fork-safety`).',
      '- sentry_sdk.init( in app.py: [app.py:3](ROOT/app.py#L3)',
      `- error \`uwsgi/enable-threads\` (line 1): ${THREADS_OFF}: Sentry's background features stop working and workers may crash.`,
    ].join('\n'),
    status: { ready: false, text: 'not agent-ready: Sentry (enable-threads)' },
  },
  newrelic: {
    diagnostics: {
      'uwsgi.ini': [
        [
          'uwsgi/enable-threads',
          3,
          '0:0-0:7',
          'Threads are on, but not through `enable-threads`: New Relic logs at every start that it will report no data (it checks for `enable-threads` itself).',
          ["newrelic.ini 0:0-0:0 New Relic: newrelic.ini, New Relic's config file"],
        ],
        [
          'uwsgi/single-interpreter',
          2,
          '0:0-0:7',
          '`single-interpreter` is not on, so apps run in a sub-interpreter: New Relic asks for it: sub-interpreters with threads fail on some uWSGI versions.',
          ["newrelic.ini 0:0-0:0 New Relic: newrelic.ini, New Relic's config file"],
        ],
        [
          'uwsgi/wsgi-env-behavior',
          3,
          '0:0-0:7',
          'No `wsgi-env-behavior = holy`, so uWSGI 2.0 uses `cheat`: New Relic asks for `holy` there, as `cheat` can crash the app with a SystemError.',
          ["newrelic.ini 0:0-0:0 New Relic: newrelic.ini, New Relic's config file"],
        ],
      ],
    },
    hover: [
      '**APM agents** found in the project:',
      '',
      '**New Relic**: this configuration misses one of its needs (checked: `uwsgi/enable-threads`, `uwsgi/single-interpreter`, `uwsgi/wsgi-env-behavior`).',
      "- newrelic.ini, New Relic's config file: [newrelic.ini:1](ROOT/newrelic.ini#L1)",
      '- information `uwsgi/enable-threads` (line 1): Threads are on, but not through `enable-threads`: New Relic logs at every start that it will report no data (it checks for `enable-threads` itself).',
      '- warning `uwsgi/single-interpreter` (line 1): `single-interpreter` is not on, so apps run in a sub-interpreter: New Relic asks for it: sub-interpreters with threads fail on some uWSGI versions.',
      '- information `uwsgi/wsgi-env-behavior` (line 1): No `wsgi-env-behavior = holy`, so uWSGI 2.0 uses `cheat`: New Relic asks for `holy` there, as `cheat` can crash the app with a SystemError.',
    ].join('\n'),
    status: { ready: false, text: 'not agent-ready: New Relic (single-interpreter)' },
  },
  opentelemetry: {
    diagnostics: {
      'uwsgi.ini': [
        [
          'uwsgi/enable-threads',
          1,
          '0:0-0:7',
          "Python threads are off (no `enable-threads` or `threads`) on uWSGI 2.0.21 (requirements.txt): OpenTelemetry's export threads never run.",
          ['requirements.txt 1:0-1:25 OpenTelemetry: opentelemetry-sdk in requirements.txt'],
        ],
      ],
    },
    hover: [
      '**APM agents** found in the project:',
      '',
      '**OpenTelemetry**: this configuration misses one of its needs (checked: `uwsgi/enable-threads`, `uwsgi/fork-safety`).',
      '- opentelemetry-sdk in requirements.txt: [requirements.txt:2](ROOT/requirements.txt#L2)',
      "- error `uwsgi/enable-threads` (line 1): Python threads are off (no `enable-threads` or `threads`) on uWSGI 2.0.21 (requirements.txt): OpenTelemetry's export threads never run.",
    ].join('\n'),
    status: { ready: false, text: 'not agent-ready: OpenTelemetry (enable-threads)' },
  },
  'datadog-named': {
    diagnostics: { 'uwsgi.ini': [], 'requirements.txt': [] },
    hover: [
      '**APM agents** named in the settings (`agents`):',
      '',
      `**Datadog**: this configuration meets its needs ${DATADOG_CHECKED}.`,
      '- import = ddtrace.auto in uwsgi.ini: [uwsgi.ini:9](ROOT/uwsgi.ini#L9)',
    ].join('\n'),
    status: { ready: true, text: 'agent-ready: Datadog' },
  },
  tingyun: {
    diagnostics: {
      'uwsgi.ini': [
        [
          'tornado/wsgi-adapter-mode',
          2,
          '1:9-1:24',
          'The app module app.py serves a Tornado app through `WSGIAdapter`, but tingyun.ini does not set `tornado_wsgi_adapter_mode`: Tingyun traces no requests.',
          ["tingyun.ini 0:0-0:0 Tingyun: tingyun.ini, Tingyun's config file"],
        ],
      ],
      'requirements.txt': [
        [
          'tornado/unsupported-version',
          2,
          '0:0-0:12',
          'Tornado 6.1 is newer than Tingyun supports (3.x and 4.x): its Tornado 4 hooks may be applied to a version they do not fit, and requests are not traced.',
          ["tingyun.ini 0:0-0:0 Tingyun: tingyun.ini, Tingyun's config file"],
        ],
      ],
    },
    hover: [
      '**APM agents** found in the project:',
      '',
      '**Tingyun**: this configuration misses one of its needs (checked: `uwsgi/enable-threads`, `uwsgi/single-interpreter`, `uwsgi/lazy-apps`, `tornado/wsgi-adapter-mode`).',
      "- tingyun.ini, Tingyun's config file: [tingyun.ini:1](ROOT/tingyun.ini#L1)",
      '- warning `tornado/wsgi-adapter-mode` (line 2): The app module app.py serves a Tornado app through `WSGIAdapter`, but tingyun.ini does not set `tornado_wsgi_adapter_mode`: Tingyun traces no requests.',
    ].join('\n'),
    status: { ready: false, text: 'not agent-ready: Tingyun (wsgi-adapter-mode)' },
  },
  none: {
    diagnostics: {
      'uwsgi.ini': [
        ['uwsgi/enable-threads', 1, '0:0-0:7', `${THREADS_OFF}: the APM agent's reporting thread never runs.`, []],
        ['uwsgi/single-interpreter', 2, '0:0-0:7', '`single-interpreter` is not on, so apps run in a sub-interpreter: the APM agent is not supported there.', []],
        ['uwsgi/lazy-apps', 2, '0:0-0:7', "The app loads in the master before the workers are forked (set `lazy-apps`): the APM agent's thread does not survive the fork.", []],
      ],
      'requirements.txt': [
        [
          'tornado/unsupported-version',
          2,
          '0:0-0:12',
          'Tornado 6.1 is newer than the APM agent supports (3.x and 4.x): its Tornado 4 hooks may be applied to a version they do not fit, and requests are not traced.',
          [],
        ],
      ],
    },
    hover: [
      `**APM agents:** none found in the project and none named, so pydeploy checks what an APM agent commonly needs; ${HOW_TO_NAME}.`,
      '',
      '**The APM agent**: this configuration misses 3 of its needs (checked: `uwsgi/enable-threads`, `uwsgi/single-interpreter`, `uwsgi/lazy-apps`, `tornado/wsgi-adapter-mode`).',
      `- error \`uwsgi/enable-threads\` (line 1): ${THREADS_OFF}: the APM agent's reporting thread never runs.`,
      '- warning `uwsgi/single-interpreter` (line 1): `single-interpreter` is not on, so apps run in a sub-interpreter: the APM agent is not supported there.',
      "- warning `uwsgi/lazy-apps` (line 1): The app loads in the master before the workers are forked (set `lazy-apps`): the APM agent's thread does not survive the fork.",
    ].join('\n'),
    status: { ready: false, text: 'not agent-ready: enable-threads, single-interpreter, lazy-apps' },
  },
};

for (const [name, expected] of Object.entries(EXPECTED)) {
  describe(`LSP: the ${name} workspace`, () => {
    const files = AGENT_WORKSPACES[name];
    let client: LspClient;
    let root: string;
    const uriOf = (file: string) => pathToFileURL(path.join(root, file)).href;

    before(async () => {
      root = writeProject(`agents-${name}`, files);
      client = await LspClient.start({ documentChanges: true, workspaceFolder: root });
    });

    after(() => client?.dispose());

    it('diagnostics: the agent named, its severity, relatedInformation at the evidence', async () => {
      for (const [file, pinned] of Object.entries(expected.diagnostics)) {
        const { diagnostics } = await new ClientDocument(client, uriOf(file), files[file]).open();
        const shown = diagnostics.map((d): Pinned => [
          String(d.code),
          d.severity ?? 0,
          at(d.range),
          d.message,
          (d.relatedInformation ?? []).map((related) => `${path.relative(root, new URL(related.location.uri).pathname)} ${at(related.location.range)} ${related.message}`),
        ]);
        assert.deepEqual(shown, pinned, file);
      }
    });

    it('the hover on [uwsgi] and the status bar request', async () => {
      const uri = uriOf('uwsgi.ini');
      const hover = await client.hover(uri, { line: 0, character: 3 });
      assert.equal((hover?.contents as MarkupContent | undefined)?.value, expected.hover.replaceAll('ROOT', pathToFileURL(root).href));
      const status = await client.request<{ ready: boolean; text: string; tooltip: string }>('pydeploy/agentStatus', { textDocument: { uri } });
      assert.deepEqual({ ready: status.ready, text: status.text }, expected.status);
    });
  });
}

describe('LSP: pydeploy/projectAgents and bad params', () => {
  let client: LspClient;
  let root: string;

  before(async () => {
    root = writeProject('agents-project', { 'requirements.txt': 'sentry-sdk\nddtrace\n', 'deploy/newrelic.ini': '[newrelic]\n' });
    client = await LspClient.start({ documentChanges: true, workspaceFolder: root });
  });

  after(() => client?.dispose());

  it('lists the agents the folder shows, with their first evidence; a request without a uri is refused', async () => {
    assert.deepEqual(await client.request('pydeploy/projectAgents', { uri: pathToFileURL(root).href }), [
      { id: 'newrelic', name: 'New Relic', evidence: "newrelic.ini, New Relic's config file" },
      { id: 'datadog', name: 'Datadog', evidence: 'ddtrace in requirements.txt' },
      { id: 'sentry', name: 'Sentry', evidence: 'sentry-sdk in requirements.txt' },
    ]);
    await assert.rejects(client.request('pydeploy/projectAgents', {}), /pydeploy\/projectAgents: `uri` must be a string/);
    await assert.rejects(client.request('pydeploy/agentStatus', { textDocument: {} }), /pydeploy\/agentStatus: `textDocument.uri` must be a string/);
    assert.equal(await client.request('pydeploy/agentStatus', { textDocument: { uri: pathToFileURL(path.join(root, 'closed.ini')).href } }), null);
  });
});

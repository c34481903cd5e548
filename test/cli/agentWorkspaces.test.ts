/**
 * `pydeploy check` on a workspace per APM agent: the same findings as the editor, the agent named in each message,
 * its severity; the SARIF log points each finding's related location at the agent's evidence, in its own file.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../server/src/cli/main';
import { AGENT_WORKSPACES } from '../helpers/agentWorkspaces';

let scratch: string;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pydeploy-cli-agents-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

function check(name: string, ...args: string[]): { code: number; out: string; err: string[] } {
  const folder = join(scratch, name);
  for (const [file, text] of Object.entries(AGENT_WORKSPACES[name])) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['check', ...args, folder], (text) => out.push(text), (text) => err.push(text));
  return { code, out: out.join('\n'), err };
}

const THREADS_OFF = 'Python threads are off (no `enable-threads` or `threads`) on uWSGI up to 2.0.26 (assumed: no version is pinned)';

const EXPECTED: Record<string, { code: number; lines: (folder: string) => string[]; summary: string }> = {
  datadog: {
    code: 1,
    lines: (folder) => [
      `${folder}/uwsgi.ini:1:1: error uwsgi/enable-threads ${THREADS_OFF}: Datadog's tracer does not start (ddtrace's uWSGI check fails).`,
      `${folder}/uwsgi.ini:1:1: error uwsgi/lazy-apps The app loads in the master before the workers are forked (set \`lazy-apps\`): Datadog's tracer can deadlock workers that respawn.`,
      `${folder}/uwsgi.ini:1:1: error uwsgi/agent-import Nothing starts the agent in uWSGI (no \`import = ddtrace.auto\`, no import in the app): Datadog instruments nothing in the workers.`,
    ],
    summary: 'pydeploy: 3 files checked: 3 errors, 0 warnings, 0 information, 0 hints',
  },
  sentry: {
    code: 1,
    lines: (folder) => [`${folder}/uwsgi.ini:1:1: error uwsgi/enable-threads ${THREADS_OFF}: Sentry's background features stop working and workers may crash.`],
    summary: 'pydeploy: 1 file checked: 1 error, 0 warnings, 0 information, 0 hints',
  },
  newrelic: {
    code: 0,
    lines: (folder) => [
      `${folder}/uwsgi.ini:1:1: information uwsgi/enable-threads Threads are on, but not through \`enable-threads\`: New Relic logs at every start that it will report no data (it checks for \`enable-threads\` itself).`,
      `${folder}/uwsgi.ini:1:1: warning uwsgi/single-interpreter \`single-interpreter\` is not on, so apps run in a sub-interpreter: New Relic asks for it: sub-interpreters with threads fail on some uWSGI versions.`,
      `${folder}/uwsgi.ini:1:1: information uwsgi/wsgi-env-behavior No \`wsgi-env-behavior = holy\`, so uWSGI 2.0 uses \`cheat\`: New Relic asks for \`holy\` there, as \`cheat\` can crash the app with a SystemError.`,
    ],
    summary: 'pydeploy: 2 files checked: 0 errors, 1 warning, 2 information, 0 hints',
  },
  opentelemetry: {
    code: 1,
    lines: (folder) => [`${folder}/uwsgi.ini:1:1: error uwsgi/enable-threads Python threads are off (no \`enable-threads\` or \`threads\`) on uWSGI 2.0.21 (requirements.txt): OpenTelemetry's export threads never run.`],
    summary: 'pydeploy: 2 files checked: 1 error, 0 warnings, 0 information, 0 hints',
  },
  'datadog-named': { code: 0, lines: () => [], summary: 'pydeploy: 4 files checked: 0 errors, 0 warnings, 0 information, 0 hints' },
  none: {
    code: 1,
    lines: (folder) => [
      `${folder}/requirements.txt:1:1: warning tornado/unsupported-version Tornado 6.1 is newer than the APM agent supports (3.x and 4.x): its Tornado 4 hooks may be applied to a version they do not fit, and requests are not traced.`,
      `${folder}/uwsgi.ini:1:1: error uwsgi/enable-threads ${THREADS_OFF}: the APM agent's reporting thread never runs.`,
      `${folder}/uwsgi.ini:1:1: warning uwsgi/single-interpreter \`single-interpreter\` is not on, so apps run in a sub-interpreter: the APM agent is not supported there.`,
      `${folder}/uwsgi.ini:1:1: warning uwsgi/lazy-apps The app loads in the master before the workers are forked (set \`lazy-apps\`): the APM agent's thread does not survive the fork.`,
    ],
    summary: 'pydeploy: 2 files checked: 1 error, 3 warnings, 0 information, 0 hints',
  },
};

describe('pydeploy check, a workspace per agent', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    test(`${name}: the findings name the agent, with its severity; the exit code follows`, () => {
      const { code, out, err } = check(name);
      const folder = join(scratch, name);
      assert.deepEqual(out === '' ? [] : out.split('\n'), expected.lines(folder));
      assert.deepEqual(err, [expected.summary]);
      assert.equal(code, expected.code);
    });
  }

  test("Datadog's SARIF: each finding's related location is ddtrace's line in requirements.txt", () => {
    const { out } = check('datadog', '--format', 'sarif');
    const results = JSON.parse(out).runs[0].results as Array<{ ruleId: string; relatedLocations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: object }; message: { text: string } }> }>;
    const requirements = pathToFileURL(join(scratch, 'datadog', 'requirements.txt')).href;
    assert.deepEqual(
      results.map((result) => [result.ruleId, result.relatedLocations]),
      ['uwsgi/enable-threads', 'uwsgi/lazy-apps', 'uwsgi/agent-import'].map((rule) => [
        rule,
        [{ physicalLocation: { artifactLocation: { uri: requirements }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 16 } }, message: { text: 'Datadog: ddtrace in requirements.txt' } }],
      ]),
    );
  });
});

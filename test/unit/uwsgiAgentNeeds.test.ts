/**
 * The uWSGI rules that read the agents' profiles beyond threads, interpreters and lazy loading: fork hooks, master,
 * skip-atexit, the agent's import, gevent patching by uWSGI, and the WSGI environ. Each runs on an in-memory project
 * whose requirement file (or a setting) names the agent, with exact ranges, messages, severities and edits.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, AnalysisSettings } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { fixAllText, quickFixes } from '../../server/src/features/codeActions';
import { applyTextEdits } from '../../server/src/text/edits';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

const INI = '/project/uwsgi.ini';
const RULES = ['uwsgi/fork-safety', 'uwsgi/master', 'uwsgi/skip-atexit', 'uwsgi/agent-import', 'uwsgi/gevent-monkey-patch', 'uwsgi/wsgi-env-behavior'];
const APP = { '/project/app.py': 'def application(environ, start_response):\n    return []\n' };

type Files = Record<string, string>;

function analysis(files: Files, settings: AnalysisSettings = {}, path = INI) {
  const result = analyze(path, files[path], settings, memoryWorkspace(files));
  assert.ok(result, `${path} is not handled`);
  return result;
}

/** This suite's findings: `line:col-line:col severity code message`. */
function found(files: Files, settings: AnalysisSettings = {}, path = INI): string[] {
  return diagnosticsOf(analysis(files, settings, path))
    .filter((d) => RULES.includes(String(d.code)))
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`);
}

function related(files: Files, code: string, settings: AnalysisSettings = {}): string[] {
  const diagnostic = diagnosticsOf(analysis(files, settings)).find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code}`);
  return (diagnostic.related ?? []).map((r) => `${r.path ?? ''}:${r.range.start.line}:${r.range.start.character} ${r.message}`);
}

/** The titles of the fixes at a position, preferred ones marked with `*`. */
function fixTitles(files: Files, line: number, character: number, code: string, settings: AnalysisSettings = {}, path = INI): string[] {
  const at = { line, character };
  return quickFixes(analysis(files, settings, path), { start: at, end: at })
    .filter((action) => action.diagnostics.some((d) => d.code === code) && !action.title.startsWith('Disable '))
    .map((action) => `${action.isPreferred ? '*' : ''}${action.title}`);
}

function applyFix(files: Files, line: number, character: number, title: string, settings: AnalysisSettings = {}, path = INI): string {
  const at = { line, character };
  const actions = quickFixes(analysis(files, settings, path), { start: at, end: at });
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no fix "${title}"; have ${actions.map((a) => a.title).join(', ')}`);
  return applyTextEdits(files[path], action.edits);
}

describe('uwsgi/fork-safety (Sentry, Elastic APM, OpenTelemetry)', () => {
  const SENTRY = { '/project/requirements.txt': 'flask\nsentry-sdk==2.19.0\n' };
  const ini = '[uwsgi]\nmodule = app:application\nmaster = true\nprocesses = 4\nenable-threads = true\n';
  const MESSAGE = 'No `py-call-uwsgi-fork-hooks` and no `lazy-apps`: Sentry warns of crashing workers: its threads are not restarted after the fork.';

  test('prefork mode without the hooks is an error on the header, with the evidence', () => {
    const files = { ...SENTRY, [INI]: ini };
    assert.deepEqual(found(files), [`0:0-0:7 error uwsgi/fork-safety ${MESSAGE}`]);
    assert.deepEqual(related(files, 'uwsgi/fork-safety'), ['/project/requirements.txt:1:0 Sentry: sentry-sdk in requirements.txt']);
  });

  test('fixes: the hooks (preferred) or lazy-apps; the hooks line is added once', () => {
    const files = { ...SENTRY, [INI]: ini };
    assert.deepEqual(fixTitles(files, 0, 1, 'uwsgi/fork-safety'), [
      "*Add 'py-call-uwsgi-fork-hooks = true' to [uwsgi]",
      "Add 'lazy-apps = true' to [uwsgi] instead (load the app in each worker)",
    ]);
    assert.equal(applyFix(files, 0, 1, "Add 'py-call-uwsgi-fork-hooks = true' to [uwsgi]"), `${ini}py-call-uwsgi-fork-hooks = true\n`);
    assert.equal(applyFix(files, 0, 1, "Add 'lazy-apps = true' to [uwsgi] instead (load the app in each worker)"), `${ini}lazy-apps = true\n`);
    const crlf = ini.replaceAll('\n', '\r\n');
    assert.equal(fixAllText(INI, crlf, {}, memoryWorkspace({ ...SENTRY, [INI]: crlf })), `${crlf}py-call-uwsgi-fork-hooks = true\r\n`);
  });

  test('the hooks, lazy-apps, lazy, or a conditional lazy-apps satisfy it', () => {
    for (const line of ['py-call-uwsgi-fork-hooks = true', 'lazy-apps = true', 'lazy = 1', 'if-env = LAZY\nlazy-apps = true\nendif =']) {
      assert.deepEqual(found({ ...SENTRY, [INI]: `${ini}${line}\n` }), [], line);
    }
  });

  test('hooks switched off are reported on the value, and turned back on', () => {
    const files = { ...SENTRY, [INI]: `${ini}py-call-uwsgi-fork-hooks = False\n` };
    assert.deepEqual(found(files), [
      '5:27-5:32 error uwsgi/fork-safety `py-call-uwsgi-fork-hooks = False` and no `lazy-apps`: Sentry warns of crashing workers: its threads are not restarted after the fork.',
    ]);
    assert.deepEqual(fixTitles(files, 5, 28, 'uwsgi/fork-safety'), [
      "*Set 'py-call-uwsgi-fork-hooks' to 'True'",
      "Add 'lazy-apps = true' to [uwsgi] instead (load the app in each worker)",
    ]);
  });

  test('one finding names every agent that needs the hooks', () => {
    const files = { '/project/requirements.txt': 'elastic-apm\nopentelemetry-sdk\n', [INI]: ini };
    assert.deepEqual(found(files), [
      "0:0-0:7 error uwsgi/fork-safety No `py-call-uwsgi-fork-hooks` and no `lazy-apps`: OpenTelemetry's batch processors, built before the fork, are not restarted in the workers and can deadlock; Elastic APM's threads are not handled across the fork, and restarts can hang.",
    ]);
  });

  test('uWSGI older than 2.0.21 has no hooks option: only lazy-apps is offered, and a hooks line is said to be unknown', () => {
    const pinned = { '/project/requirements.txt': 'sentry-sdk\nuWSGI==2.0.20\n' };
    const files = { ...pinned, [INI]: ini };
    assert.deepEqual(found(files), [
      '0:0-0:7 error uwsgi/fork-safety No `lazy-apps`, and `py-call-uwsgi-fork-hooks` does not exist on uWSGI 2.0.20 (requirements.txt): Sentry warns of crashing workers: its threads are not restarted after the fork.',
    ]);
    assert.deepEqual(fixTitles(files, 0, 1, 'uwsgi/fork-safety'), ["*Add 'lazy-apps = true' to [uwsgi]"]);
    const withHooks = { ...pinned, [INI]: `${ini}py-call-uwsgi-fork-hooks = true\n` };
    assert.deepEqual(found(withHooks), [
      '5:0-5:24 error uwsgi/fork-safety `py-call-uwsgi-fork-hooks` does not exist on uWSGI 2.0.20 (requirements.txt) (2.0.21 added it), and there is no `lazy-apps`: Sentry warns of crashing workers: its threads are not restarted after the fork.',
    ]);
    assert.equal(applyFix(withHooks, 5, 3, "Add 'lazy-apps = true' to [uwsgi]"), `${ini}py-call-uwsgi-fork-hooks = true\nlazy-apps = true\n`);
    // 2.0.21 has it (checked against Debian's 2.0.21 in test/differential/agentFork.test.ts).
    assert.deepEqual(found({ '/project/requirements.txt': 'sentry-sdk\nuWSGI==2.0.21\n', [INI]: `${ini}py-call-uwsgi-fork-hooks = true\n` }), []);
  });

  test('a launch line that is the whole config gets the flag appended', () => {
    const dockerfile = 'FROM python:3.12\nCMD ["uwsgi", "--module", "app:application", "--master", "--processes", "4", "--enable-threads"]\n';
    const files = { ...SENTRY, ...APP, '/project/Dockerfile': dockerfile };
    const path = '/project/Dockerfile';
    assert.deepEqual(found(files, {}, path), [`1:5-1:95 error uwsgi/fork-safety ${MESSAGE}`]);
    assert.equal(
      applyFix(files, 1, 5, "Add '--py-call-uwsgi-fork-hooks' to the command line (CMD)", {}, path),
      'FROM python:3.12\nCMD ["uwsgi", "--module", "app:application", "--master", "--processes", "4", "--enable-threads", "--py-call-uwsgi-fork-hooks"]\n',
    );
  });

  test('agents that do not cite the need, and no agent at all, leave it alone', () => {
    assert.deepEqual(found({ '/project/requirements.txt': 'newrelic\n', [INI]: ini }).filter((f) => f.includes('fork-safety')), []);
    assert.deepEqual(found({ [INI]: ini }), []);
  });
});

describe('uwsgi/master (Datadog)', () => {
  const DD = { '/project/requirements.txt': 'ddtrace>=2\n', ...APP };
  const ini = '[uwsgi]\nmodule = app:application\nimport = ddtrace.auto\nenable-threads = true\nworkers = 4\n';

  test('several processes without master and lazy-apps: an error on the header, pointing at the count', () => {
    const files = { ...DD, [INI]: ini };
    assert.deepEqual(found(files), ["0:0-0:7 error uwsgi/master `workers = 4` without `master` or `lazy-apps`: Datadog's tracer does not start (ddtrace's uWSGI check fails)."]);
    assert.deepEqual(related(files, 'uwsgi/master'), [':4:0 the worker processes are set here', '/project/requirements.txt:0:0 Datadog: ddtrace in requirements.txt']);
    assert.equal(applyFix(files, 0, 2, "Add 'master = true' to [uwsgi]"), `${ini}master = true\n`);
  });

  test("a count from the launch's environment (UWSGI_PROCESSES) counts, and the evidence points there", () => {
    const files = {
      ...DD,
      '/project/Dockerfile': 'FROM python:3.12\nENV UWSGI_PROCESSES=4\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n',
      [INI]: '[uwsgi]\nmodule = app:application\nimport = ddtrace.auto\nenable-threads = true\n',
    };
    assert.deepEqual(found(files), ["0:0-0:7 error uwsgi/master `processes = 4` without `master` or `lazy-apps`: Datadog's tracer does not start (ddtrace's uWSGI check fails)."]);
    assert.deepEqual(related(files, 'uwsgi/master'), ['/project/Dockerfile:1:4 the worker processes are set here', '/project/requirements.txt:0:0 Datadog: ddtrace in requirements.txt']);
  });

  test('the last of processes/workers counts; one process, lazy-apps or master need nothing', () => {
    assert.deepEqual(found({ ...DD, [INI]: `${ini}processes = 1\n` }), []);
    for (const line of ['master = true', 'lazy-apps = true']) assert.deepEqual(found({ ...DD, [INI]: `${ini}${line}\n` }).filter((f) => f.includes('uwsgi/master')), [], line);
    assert.deepEqual(found({ ...DD, [INI]: `${ini}processes = $(N)\n` }), []);
  });

  test('lazy spares the master (the app loads in each worker, where ddtrace\'s check passes); master = off is reported on its value', () => {
    assert.deepEqual(found({ ...DD, [INI]: `${ini}lazy = true\n` }).map((f) => f.split(' ').slice(0, 3).join(' ')), ['0:0-0:7 warning uwsgi/skip-atexit']);
    const off = { ...DD, [INI]: `${ini}master = off\n` };
    assert.deepEqual(found(off), ["5:9-5:12 error uwsgi/master `master = off` with `workers = 4` and no `lazy-apps`: Datadog's tracer does not start (ddtrace's uWSGI check fails)."]);
    assert.equal(applyFix(off, 5, 10, "Set 'master' to 'on'"), `${ini}master = on\n`);
  });
});

describe('uwsgi/skip-atexit (Datadog, uWSGI before 2.0.30)', () => {
  const ini = '[uwsgi]\nmodule = app:application\nimport = ddtrace.auto\nenable-threads = true\nlazy-apps = true\n';
  const CONSEQUENCE = 'Datadog warns of native crashes at exit (an error in ddtrace 4).';

  test('lazy-apps without skip-atexit: a warning naming the pinned version, with a fix', () => {
    const files = { '/project/requirements.txt': 'ddtrace\nuwsgi==2.0.28\n', ...APP, [INI]: ini };
    assert.deepEqual(found(files), [`0:0-0:7 warning uwsgi/skip-atexit \`lazy-apps\` without \`skip-atexit\` on uWSGI 2.0.28 (requirements.txt): ${CONSEQUENCE}`]);
    assert.equal(applyFix(files, 0, 0, "Add 'skip-atexit = true' to [uwsgi]"), `${ini}skip-atexit = true\n`);
  });

  test('unpinned it is assumed; a range is said; 2.0.30 and later, or skip-atexit, need nothing', () => {
    assert.deepEqual(found({ '/project/requirements.txt': 'ddtrace\n', ...APP, [INI]: ini }), [
      `0:0-0:7 warning uwsgi/skip-atexit \`lazy-apps\` without \`skip-atexit\` on uWSGI before 2.0.30 (assumed: no version is pinned): ${CONSEQUENCE}`,
    ]);
    assert.deepEqual(found({ '/project/requirements.txt': 'ddtrace\nuwsgi>=2.0.20\n', ...APP, [INI]: ini }), [
      `0:0-0:7 warning uwsgi/skip-atexit \`lazy-apps\` without \`skip-atexit\` on uWSGI before 2.0.30, which uWSGI >=2.0.20 (requirements.txt) allows: ${CONSEQUENCE}`,
    ]);
    assert.deepEqual(found({ '/project/requirements.txt': 'ddtrace\nuwsgi==2.0.30\n', ...APP, [INI]: ini }), []);
    assert.deepEqual(found({ '/project/requirements.txt': 'ddtrace\n', ...APP, [INI]: ini }, { uwsgiVersion: '2.0.31' }), []);
    assert.deepEqual(found({ '/project/requirements.txt': 'ddtrace\n', ...APP, [INI]: `${ini}skip-atexit = true\n` }), []);
  });

  test('lazy counts as lazy-apps, and skip-atexit = false is turned on', () => {
    const files = { '/project/requirements.txt': 'ddtrace\n', ...APP, [INI]: `${ini.replace('lazy-apps', 'lazy')}skip-atexit = false\n` };
    assert.deepEqual(found(files), [`5:14-5:19 warning uwsgi/skip-atexit \`skip-atexit = false\` with \`lazy\` on uWSGI before 2.0.30 (assumed: no version is pinned): ${CONSEQUENCE}`]);
    assert.equal(applyFix(files, 5, 15, "Set 'skip-atexit' to 'true'").split('\n')[5], 'skip-atexit = true');
  });
});

describe('uwsgi/agent-import (Datadog)', () => {
  const DD = { '/project/requirements.txt': 'ddtrace\n', ...APP };
  const ini = '[uwsgi]\nmodule = app:application\nenable-threads = true\nlazy-apps = true\nskip-atexit = true\n';
  const MESSAGE = 'Nothing starts the agent in uWSGI (no `import = ddtrace.auto`, no import in the app): Datadog instruments nothing in the workers.';

  test('no import line and no import in the app: an error, and the fix adds the profile\'s import', () => {
    const files = { ...DD, [INI]: ini };
    assert.deepEqual(found(files), [`0:0-0:7 error uwsgi/agent-import ${MESSAGE}`]);
    assert.deepEqual(fixTitles(files, 0, 0, 'uwsgi/agent-import'), ["*Add 'import = ddtrace.auto' to [uwsgi]"]);
    assert.equal(applyFix(files, 0, 0, "Add 'import = ddtrace.auto' to [uwsgi]"), `${ini}import = ddtrace.auto\n`);
  });

  test('another import line stays, and the agent\'s is added beside it once', () => {
    const files = { ...DD, [INI]: `${ini}import = app.tasks\n` };
    assert.equal(applyFix(files, 0, 0, "Add 'import = ddtrace.auto' to [uwsgi]"), `${ini}import = app.tasks\nimport = ddtrace.auto\n`);
    assert.equal(fixAllText(INI, files[INI], {}, memoryWorkspace(files)), `${ini}import = app.tasks\nimport = ddtrace.auto\n`);
  });

  test('an import line (or alias) of the agent, the app importing ddtrace.auto, or calling patch_all satisfy it', () => {
    for (const line of ['import = ddtrace.auto', 'pyimport = ddtrace.bootstrap.sitecustomize', 'shared-import = ddtrace.auto']) {
      assert.deepEqual(found({ ...DD, [INI]: `${ini}${line}\n` }), [], line);
    }
    for (const code of ['import ddtrace.auto  # noqa\n', 'from ddtrace import patch_all\npatch_all()\n']) {
      assert.deepEqual(found({ ...DD, '/project/app.py': `${code}${APP['/project/app.py']}`, [INI]: ini }), [], code);
    }
    // In a comment or a string it starts nothing.
    assert.equal(found({ ...DD, '/project/app.py': `# import ddtrace.auto\n${APP['/project/app.py']}`, [INI]: ini }).length, 1);
  });

  test('an app pydeploy cannot find may start the agent: no finding', () => {
    assert.deepEqual(found({ '/project/requirements.txt': 'ddtrace\n', [INI]: ini }), []);
  });

  test('a launch under ddtrace-run is left to the wrapper rule; a plain launch line gets --import appended', () => {
    const wrapped = { ...DD, '/project/Procfile': 'web: ddtrace-run uwsgi --module app:application --enable-threads --lazy-apps --skip-atexit\n' };
    assert.deepEqual(found(wrapped, {}, '/project/Procfile'), []);
    const plain = { ...DD, '/project/Procfile': 'web: uwsgi --module app:application --enable-threads --lazy-apps --skip-atexit\n' };
    assert.deepEqual(found(plain, {}, '/project/Procfile'), [`0:5-0:78 error uwsgi/agent-import ${MESSAGE}`]);
    assert.equal(
      applyFix(plain, 0, 6, "Add '--import ddtrace.auto' to the command line (web)", {}, '/project/Procfile'),
      'web: uwsgi --module app:application --enable-threads --lazy-apps --skip-atexit --import ddtrace.auto\n',
    );
  });
});

describe('uwsgi/gevent-monkey-patch (Datadog)', () => {
  const files = (extra: string): Files => ({ '/project/requirements.txt': 'ddtrace\n', [INI]: `[uwsgi]\nmodule = app\ngevent = 100\n${extra}lazy-apps = true\n` });

  test('both patch options are errors on their key; the fix removes the line and is not applied by fix all', () => {
    const both = files('gevent-monkey-patch = true\ngevent-early-monkey-patch\n');
    assert.deepEqual(found(both).filter((f) => f.includes('gevent-monkey-patch ')), [
      "3:0-3:19 error uwsgi/gevent-monkey-patch `gevent-monkey-patch` has uWSGI patch threading for gevent: Datadog does not support uWSGI patching gevent for it: patch in the app.",
      "4:0-4:25 error uwsgi/gevent-monkey-patch `gevent-early-monkey-patch` has uWSGI patch threading for gevent: Datadog does not support uWSGI patching gevent for it: patch in the app.",
    ]);
    assert.deepEqual(fixTitles(both, 3, 1, 'uwsgi/gevent-monkey-patch'), ["Remove the 'gevent-monkey-patch' line"]);
    assert.equal(applyFix(both, 3, 1, "Remove the 'gevent-monkey-patch' line"), '[uwsgi]\nmodule = app\ngevent = 100\ngevent-early-monkey-patch\nlazy-apps = true\n');
    assert.ok(fixAllText(INI, both[INI], {}, memoryWorkspace(both)).includes('gevent-monkey-patch = true\n'));
  });

  test('off, absent, or with no agent that minds: nothing', () => {
    assert.deepEqual(found(files('gevent-monkey-patch = false\n')).filter((f) => f.includes('gevent')), []);
    assert.deepEqual(found(files('')).filter((f) => f.includes('gevent')), []);
    assert.deepEqual(found({ ...files('gevent-monkey-patch = true\n'), '/project/requirements.txt': 'sentry-sdk\n' }).filter((f) => f.includes('gevent')), []);
  });
});

describe('uwsgi/wsgi-env-behavior (New Relic, uWSGI 2.0.x)', () => {
  const NR = { '/project/requirements.txt': 'newrelic\n' };
  const ini = '[uwsgi]\nmodule = app\nenable-threads = true\nsingle-interpreter = true\n';
  const CONSEQUENCE = "New Relic asks for `holy` there, as `cheat` can crash the app with a SystemError.";

  test('information on the header, with a fix that adds holy', () => {
    const files = { ...NR, [INI]: ini };
    assert.deepEqual(found(files), [`0:0-0:7 information uwsgi/wsgi-env-behavior No \`wsgi-env-behavior = holy\`, so uWSGI 2.0 uses \`cheat\`: ${CONSEQUENCE}`]);
    assert.equal(applyFix(files, 0, 0, "Add 'wsgi-env-behavior = holy' to [uwsgi]"), `${ini}wsgi-env-behavior = holy\n`);
  });

  test('another value (either spelling) is replaced; holy, or a pinned 2.1, needs nothing', () => {
    const files = { ...NR, [INI]: `${ini}wsgi-env-behaviour = cheat\n` };
    assert.deepEqual(found(files), [`4:21-4:26 information uwsgi/wsgi-env-behavior \`wsgi-env-behaviour = cheat\` instead of \`holy\`: ${CONSEQUENCE}`]);
    assert.equal(applyFix(files, 4, 22, "Set 'wsgi-env-behaviour' to 'holy'"), `${ini}wsgi-env-behaviour = holy\n`);
    assert.deepEqual(found({ ...NR, [INI]: `${ini}wsgi-env-behavior = holy\n` }), []);
    assert.deepEqual(found({ ...NR, [INI]: ini }, { uwsgiVersion: '2.1.0' }), []);
  });

  test('named in the settings instead of detected', () => {
    assert.deepEqual(found({ [INI]: ini }, { agents: ['newrelic'] }).map((f) => f.split(' ').slice(0, 3).join(' ')), ['0:0-0:7 information uwsgi/wsgi-env-behavior']);
  });
});

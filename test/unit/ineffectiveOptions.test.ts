import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { quickFixes } from '../../server/src/features/codeActions';
import { applyTextEdits } from '../../server/src/text/edits';
import { allUwsgiOptions, uwsgiOption } from '../../server/src/knowledge/uwsgi/options';
import { UWSGI_FEATURES } from '../../server/src/knowledge/uwsgi/optionDependencies';
import { gunicornSetting } from '../../server/src/knowledge/gunicorn/settings';
import { WORKER_SPECIFIC_SETTINGS } from '../../server/src/knowledge/gunicorn/workerSettings';
import type { Range } from '../../server/src/text/lineIndex';
import { diagnose } from '../helpers/text';
import { memoryWorkspace } from '../helpers/memoryWorkspace';
import { toDiagnostic } from '../../server/src/features/diagnostics';

/** A config the agent rules are happy with, so that a test sees only the rule it is about. */
const READY = '[uwsgi]\nthreads = 2\nsingle-interpreter = true\nlazy-apps = true\nmodule = app\n';
const PATH = '/project/uwsgi.ini';

const findings = (text: string, code: string, path = PATH) => diagnose(path, text).filter((d) => d.code === code);

/** The quick fixes on a line (the disable-comment one left out), as titles and the text each makes. */
function fixesAt(path: string, text: string, line: number, character = 0): Array<{ title: string; preferred: boolean; result: string }> {
  const analysis = analyze(path, text);
  assert.ok(analysis);
  const at: Range = { start: { line, character }, end: { line, character } };
  return quickFixes(analysis, at)
    .filter((action) => !action.title.startsWith('Disable '))
    .map((action) => ({ title: action.title, preferred: action.isPreferred, result: applyTextEdits(text, action.edits) }));
}

const ROUTER_REASON = 'only the HTTP router reads it, and no `http`/`https` router runs';

describe('uwsgi/ineffective-option: the HTTP router\'s options without a router', () => {
  test('http-keepalive with http-socket: the message names http11-socket, the fix switches to it', () => {
    const text = READY + 'http-socket = :8000\nhttp-keepalive = 1\n';
    assert.deepEqual(findings(text, 'uwsgi/ineffective-option'), [
      {
        at: '6:0-6:14',
        severity: 'warning',
        code: 'uwsgi/ineffective-option',
        message: `\`http-keepalive\` has no effect: ${ROUTER_REASON}. For keep-alive, use \`http11-socket\` instead of \`http-socket\`.`,
      },
    ]);
    assert.deepEqual(fixesAt(PATH, text, 6), [
      { title: "Use 'http11-socket' instead of 'http-socket'", preferred: false, result: READY + 'http11-socket = :8000\n' },
      { title: 'Remove this line', preferred: false, result: READY + 'http-socket = :8000\n' },
    ]);
  });

  test('the related location is the workers\' socket', () => {
    const analysis = analyze(PATH, READY + 'http-socket = :8000\nhttp-timeout = 30\n');
    const found = analysis?.findings.filter(({ rule }) => rule.id === 'uwsgi/ineffective-option') ?? [];
    assert.deepEqual(found.map((each) => toDiagnostic(each).related), [[{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 11 } }, message: 'the workers speak HTTP themselves here, without a router' }]]);
  });

  test('http-enable-proxy-protocol: the fix renames it to core\'s enable-proxy-protocol', () => {
    const text = READY + 'http-socket = :8000\nhttp-enable-proxy-protocol = true\n';
    assert.equal(
      findings(text, 'uwsgi/ineffective-option')[0].message,
      `\`http-enable-proxy-protocol\` has no effect: ${ROUTER_REASON}. The workers' sockets read the PROXY line with \`enable-proxy-protocol\`.`,
    );
    assert.deepEqual(fixesAt(PATH, text, 6)[0], {
      title: "Change 'http-enable-proxy-protocol' to 'enable-proxy-protocol'",
      preferred: false,
      result: READY + 'http-socket = :8000\nenable-proxy-protocol = true\n',
    });
  });

  test('http-modifier1 with http-socket: renamed to http-socket-modifier1', () => {
    const text = READY + 'http-socket = :8000\nhttp-modifier1 = 9\n';
    assert.deepEqual(fixesAt(PATH, text, 6)[0], { title: "Change 'http-modifier1' to 'http-socket-modifier1'", preferred: false, result: READY + 'http-socket = :8000\nhttp-socket-modifier1 = 9\n' });
  });

  test('with only a uwsgi socket there is no worker HTTP socket to name and nothing to switch to', () => {
    const text = READY + 'socket = /run/app.sock\nhttp-keepalive = 1\nhttp-timeout = 30\n';
    assert.deepEqual(
      findings(text, 'uwsgi/ineffective-option').map((d) => `${d.at} ${d.message}`),
      [`6:0-6:14 \`http-keepalive\` has no effect: ${ROUTER_REASON}.`, `7:0-7:12 \`http-timeout\` has no effect: ${ROUTER_REASON}.`],
    );
    assert.deepEqual(fixesAt(PATH, text, 6).map((fix) => fix.title), ['Remove this line']);
  });

  test('a router started by http, https or http-to-https reads them: nothing to report', () => {
    for (const starter of ['http = :8000', 'httprouter = :8000', 'https = :8443,cert.pem,key.pem', 'http-to-https = :80']) {
      assert.deepEqual(findings(READY + `${starter}\nhttp-keepalive = 1\nhttp-timeout = 30\n`, 'uwsgi/ineffective-option'), [], starter);
    }
  });

  test('a router that may start (a block, a placeholder, an unread include) silences it', () => {
    assert.deepEqual(findings(READY + 'if-env = PORT\nhttp = :$(PORT)\nendif =\nhttp-keepalive = 1\n', 'uwsgi/ineffective-option'), []);
    assert.deepEqual(findings(READY + 'http = %(port)\nhttp-keepalive = 1\n', 'uwsgi/ineffective-option'), []);
    assert.deepEqual(findings(READY + 'ini = /etc/uwsgi/router.ini\nhttp-keepalive = 1\n', 'uwsgi/ineffective-option'), []);
  });

  test('a router started in an included file counts; options set in an included file are not reported here', () => {
    const files = { '/project/router.ini': '[uwsgi]\nhttp = :8000\n', '/project/tuning.ini': '[uwsgi]\nhttp-keepalive = 1\n' };
    const ineffective = (text: string) =>
      (analyze(PATH, text, {}, memoryWorkspace(files))?.findings ?? []).filter(({ rule }) => rule.id === 'uwsgi/ineffective-option').map(({ finding }) => finding.range.start.line);
    assert.deepEqual(ineffective(READY + 'ini = router.ini\nhttp-keepalive = 1\n'), []);
    assert.deepEqual(ineffective(READY + 'ini = tuning.ini\n'), []);
    assert.deepEqual(ineffective(READY + 'ini = tuning.ini\nhttp-timeout = 30\n'), [6]);
  });
});

describe('uwsgi/ineffective-option: options that tune a feature nothing turns on', () => {
  test('cheaper-* without cheaper, on each line', () => {
    const text = READY + 'processes = 8\ncheaper-initial = 2\ncheaper-step = 1\ncheaper-algo = spare\n';
    const reason = 'cheaper mode is off without `cheaper` (above 0): every worker of `processes` starts and stays';
    assert.deepEqual(
      findings(text, 'uwsgi/ineffective-option').map((d) => `${d.at} ${d.message}`),
      [`6:0-6:15 \`cheaper-initial\` has no effect: ${reason}.`, `7:0-7:12 \`cheaper-step\` has no effect: ${reason}.`, `8:0-8:12 \`cheaper-algo\` has no effect: ${reason}.`],
    );
  });

  test('cheaper = 0 is cheaper mode off; cheaper above 0 turns it on', () => {
    assert.equal(findings(READY + 'cheaper = 0\ncheaper-initial = 2\n', 'uwsgi/ineffective-option').length, 1);
    assert.deepEqual(findings(READY + 'cheaper = 2\ncheaper-initial = 2\n', 'uwsgi/ineffective-option'), []);
    // The last line decides a single-valued option.
    assert.equal(findings(READY + 'cheaper = 2\ncheaper = 0\ncheaper-initial = 2\n', 'uwsgi/ineffective-option').length, 1);
  });

  test('harakiri-verbose without harakiri; harakiri-verbose = false changes nothing and is left alone', () => {
    assert.deepEqual(findings(READY + 'harakiri-verbose = true\n', 'uwsgi/ineffective-option'), [
      {
        at: '5:0-5:16',
        severity: 'warning',
        code: 'uwsgi/ineffective-option',
        message: '`harakiri-verbose` has no effect: it changes how harakiri kills a stuck worker, and harakiri is off without `harakiri` (seconds, above 0).',
      },
    ]);
    assert.deepEqual(findings(READY + 'harakiri-verbose = false\n', 'uwsgi/ineffective-option'), []);
    assert.deepEqual(findings(READY + 'harakiri = 30\nharakiri-verbose = true\n', 'uwsgi/ineffective-option'), []);
  });

  test('max-requests-delta without max-requests, stats-http without stats, spooler-processes without spooler', () => {
    assert.deepEqual(
      findings(READY + 'max-requests-delta = 50\nstats-http = true\nspooler-processes = 2\n', 'uwsgi/ineffective-option').map((d) => d.message),
      [
        '`max-requests-delta` has no effect: it staggers the recycling that `max-requests` (above 0) turns on, and that is not set here.',
        '`stats-http` has no effect: it changes what the stats server sends, and no stats server runs without `stats`.',
        '`spooler-processes` has no effect: it configures the spooler, and no spooler runs without `spooler` (or `spooler-external`).',
      ],
    );
    assert.deepEqual(findings(READY + 'max-requests = 1000\nmax-requests-delta = 50\nstats = :9191\nstats-http = true\nspooler = /var/spool\nspooler-processes = 2\n', 'uwsgi/ineffective-option'), []);
  });

  test('an option read as %(name) elsewhere is used, and is not reported', () => {
    assert.deepEqual(findings(READY + 'harakiri-verbose = true\nlogto = /var/log/%(harakiri-verbose).log\n', 'uwsgi/ineffective-option'), []);
  });

  test('the removal fix deletes only the line', () => {
    const text = READY + 'stats-http = true\r\nprocesses = 2\r\n';
    assert.deepEqual(fixesAt(PATH, text, 5), [{ title: 'Remove this line', preferred: false, result: READY + 'processes = 2\r\n' }]);
  });

  test('every option named in the table of features exists, and none tunes two features', () => {
    const seen = new Set<string>();
    for (const feature of UWSGI_FEATURES) {
      for (const name of [...feature.enabledBy, ...feature.adjusters]) assert.ok(uwsgiOption(name), `${name} (${feature.name}) is a uWSGI option`);
      for (const name of feature.adjusters) {
        assert.ok(!seen.has(name), `${name} tunes one feature`);
        seen.add(name);
      }
    }
    // The router's options are the http plugin's, read from the option table.
    const router = UWSGI_FEATURES.find((feature) => feature.name === 'the HTTP router');
    assert.ok(router);
    assert.ok(router.adjusters.includes('http-keepalive') && router.adjusters.includes('http-timeout') && router.adjusters.includes('http-auto-chunked'));
    assert.ok(!router.adjusters.includes('http-socket') && !router.adjusters.includes('http'));
    assert.equal(router.adjusters.length, allUwsgiOptions().filter((facts) => facts.plugin === 'http').length - 6);
  });
});

describe('uwsgi/unknown-option: options only uWSGI 2.1 has', () => {
  test('warns that no release has it, once (not also as an ineffective option)', () => {
    assert.deepEqual(diagnose(PATH, READY + 'cheaper-idle = 10\n').filter((d) => d.code === 'uwsgi/unknown-option' || d.code === 'uwsgi/ineffective-option'), [
      { at: '5:0-5:12', severity: 'warning', code: 'uwsgi/unknown-option', message: '`cheaper-idle` exists only in uWSGI 2.1, which no release has; 2.0.x ignores it.' },
    ]);
    assert.deepEqual(fixesAt(PATH, READY + 'cheaper-idle = 10\n', 5), []);
  });

  test('under strict, 2.0.x refuses to start', () => {
    assert.equal(findings(READY + 'strict = true\nreload-on-pss = 512\n', 'uwsgi/unknown-option')[0].message, '`reload-on-pss` exists only in uWSGI 2.1, which no release has; with `strict` on, 2.0.x refuses to start.');
  });

  test('options of the 2.0.x line are not reported', () => {
    assert.deepEqual(findings(READY + 'harakiri = 30\nreload-on-rss = 512\n', 'uwsgi/unknown-option'), []);
  });
});

describe('uwsgi/mount-and-module', () => {
  test('information on a root mount next to module, with the module line related', () => {
    const base = '[uwsgi]\nthreads = 2\nlazy-apps = true\nmodule = app\n';
    const text = base + 'mount = /=app.py\n';
    assert.deepEqual(findings(text, 'uwsgi/mount-and-module'), [
      {
        at: '4:0-4:5',
        severity: 'information',
        code: 'uwsgi/mount-and-module',
        message:
          '`module` (line 4) already loads the app at `/`: this mount loads a second one, in a sub-interpreter that an agent set up in the first does not see.',
      },
    ]);
    assert.deepEqual(fixesAt(PATH, text, 4), [{ title: "Remove this 'mount' line", preferred: false, result: base }]);
  });

  test('with single-interpreter both apps share the interpreter, and are still two', () => {
    assert.deepEqual(findings(READY + 'mount = =app.py\n', 'uwsgi/mount-and-module').map((d) => `${d.at} ${d.message}`), [
      '5:0-5:5 `module` (line 5) already loads the app at `/`: this mount loads a second one, and each worker imports and keeps both.',
    ]);
  });

  test('apps mounted elsewhere (/api) are a multi-app setup, and are left alone', () => {
    assert.deepEqual(findings(READY + 'mount = /api=api.py\n', 'uwsgi/mount-and-module'), []);
    assert.deepEqual(findings('[uwsgi]\nmount = /=app.py\n', 'uwsgi/mount-and-module'), []);
  });
});

describe('gunicorn/ineffective-setting', () => {
  const GPATH = '/project/gunicorn.conf.py';
  test('worker_connections and keepalive with an explicit sync worker, on the name, with the worker related', () => {
    const text = 'worker_class = "sync"\nworker_connections = 1000\nkeepalive = 5\n';
    assert.deepEqual(findings(text, 'gunicorn/ineffective-setting', GPATH), [
      {
        at: '1:0-1:18',
        severity: 'warning',
        code: 'gunicorn/ineffective-setting',
        message: '`worker_connections` has no effect: the `sync` worker (line 1) serves one connection at a time and never reads it (only gthread, gevent and eventlet do).',
      },
      {
        at: '2:0-2:9',
        severity: 'warning',
        code: 'gunicorn/ineffective-setting',
        message: '`keepalive` has no effect: the `sync` worker (line 1) closes each connection after its response (only gthread, gevent and eventlet keep them).',
      },
    ]);
    assert.deepEqual(fixesAt(GPATH, text, 1), [{ title: 'Remove this line', preferred: false, result: 'worker_class = "sync"\nkeepalive = 5\n' }]);
  });

  test('the sync worker by its class path', () => {
    assert.equal(findings('worker_class = "gunicorn.workers.sync.SyncWorker"\nkeepalive = 5\n', 'gunicorn/ineffective-setting', GPATH).length, 1);
  });

  test('sync with threads above 1 runs gthread, where both work', () => {
    assert.deepEqual(findings('worker_class = "sync"\nthreads = 4\nworker_connections = 1000\nkeepalive = 5\n', 'gunicorn/ineffective-setting', GPATH), []);
    assert.equal(findings('worker_class = "sync"\nthreads = 1\nkeepalive = 5\n', 'gunicorn/ineffective-setting', GPATH).length, 1);
  });

  test('nothing when the worker class is another, unset (a command line may set it) or computed', () => {
    for (const text of [
      'worker_class = "gthread"\nworker_connections = 1000\nkeepalive = 5\n',
      'worker_class = "gevent"\nworker_connections = 1000\n',
      'worker_connections = 1000\nkeepalive = 5\n',
      'import os\nworker_class = os.environ.get("WORKER", "sync")\nkeepalive = 5\n',
      'worker_class = "sync"\nthreads = int(os.environ["THREADS"])\nkeepalive = 5\n',
    ]) {
      assert.deepEqual(findings(text, 'gunicorn/ineffective-setting', GPATH), [], text);
    }
  });

  test('no removal fix for a statement that shares its line or spans several', () => {
    assert.deepEqual(fixesAt(GPATH, 'worker_class = "sync"\nkeepalive = 5; workers = 2\n', 1), []);
    assert.deepEqual(fixesAt(GPATH, 'worker_class = "sync"\nif True:\n    keepalive = 5\n', 2, 4), []);
  });

  test('every setting of the table exists', () => {
    for (const name of Object.keys(WORKER_SPECIFIC_SETTINGS)) assert.ok(gunicornSetting(name), name);
  });
});

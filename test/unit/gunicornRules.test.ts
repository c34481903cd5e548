import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { fixAllText, quickFixes } from '../../server/src/features/codeActions';
import { applyTextEdits } from '../../server/src/text/edits';
import { range } from '../../server/src/text/lineIndex';
import { renderText } from '../../server/src/l10n/message';

const PATH = '/srv/app/gunicorn.conf.py';

function findings(text: string, rule?: string) {
  const analysis = analyze(PATH, text);
  assert.ok(analysis);
  return analysis.findings
    .filter((found) => !rule || found.rule.id === rule)
    .map(({ rule: r, severity, finding }) => ({ id: r.id, severity, range: finding.range, message: renderText(finding.message, 'en') }));
}

function fixed(text: string, line: number, character: number, title: string): string {
  const analysis = analyze(PATH, text);
  assert.ok(analysis);
  const action = quickFixes(analysis, range(line, character, line, character)).find((candidate) => candidate.title === title);
  assert.ok(action, `no fix "${title}"`);
  return applyTextEdits(text, action.edits);
}

test('unknown-setting: a misspelt setting, with a did-you-mean fix', () => {
  const text = 'threds = 4\nworkers = 2\n';
  assert.deepEqual(findings(text, 'gunicorn/unknown-setting'), [
    {
      id: 'gunicorn/unknown-setting',
      severity: 'warning',
      range: range(0, 0, 0, 6),
      message: '`threds` is not a Gunicorn setting, so Gunicorn ignores it: did you mean `threads`?',
    },
  ]);
  assert.equal(fixed(text, 0, 2, "Rename to 'threads'"), 'threads = 4\nworkers = 2\n');
  assert.equal(fixAllText(PATH, text), 'threads = 4\nworkers = 2\n');
});

test('unknown-setting: command-line spellings, former settings and case', () => {
  const text = 'pid = "/tmp/a.pid"\ndebug = True\nWorkers = 3\npreload = True\n';
  assert.deepEqual(
    findings(text, 'gunicorn/unknown-setting').map((f) => f.message),
    [
      "`pid` is not a Gunicorn setting (it is the command-line flag's spelling), so Gunicorn ignores it: did you mean `pidfile`?",
      '`debug` was removed in Gunicorn 19.0 and is now ignored; use `reload` for code reloading or `loglevel = "debug"` for verbose logs.',
      '`Workers` is not a Gunicorn setting: setting names are lower-case, so Gunicorn ignores it. Did you mean `workers`?',
      "`preload` is not a Gunicorn setting (it is the command-line flag's spelling), so Gunicorn ignores it: did you mean `preload_app`?",
    ],
  );
  // A former setting has two fixes and neither is applied by "fix all".
  assert.equal(fixAllText(PATH, 'debug = True\n'), 'debug = True\n');
});

test('unknown-setting: helpers are never reported', () => {
  const text = [
    'import os',
    'from multiprocessing import cpu_count as threds',
    'PORT = os.environ.get("PORT", "8000")',
    '_worker = 3',
    'worker = 2',
    'workers = worker',
    'timeot = 5',
    'def post_fork(server, worker):',
    '    print(timeot)',
    'if __name__ == "__main__":',
    '    threds = 4',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'gunicorn/unknown-setting'), []);
});

test('invalid-value: literal values Gunicorn refuses, with exact ranges', () => {
  const text = 'workers = -2\npreload_app = 1\nbind = 8000\ntimeout = "30s"\nreload = "yes"\nloglevel = ["debug"]\n';
  assert.deepEqual(findings(text, 'gunicorn/invalid-value'), [
    { id: 'gunicorn/invalid-value', severity: 'error', range: range(0, 10, 0, 12), message: 'Invalid value for `workers`: -2 is negative: this setting takes a whole number of 0 or more.' },
    { id: 'gunicorn/invalid-value', severity: 'error', range: range(1, 14, 1, 15), message: 'Invalid value for `preload_app`: 1 is not a boolean: Gunicorn accepts only True or False, not 1/0 or other values.' },
    { id: 'gunicorn/invalid-value', severity: 'error', range: range(2, 7, 2, 11), message: 'Invalid value for `bind`: 8000 is neither a string nor a list of strings.' },
    { id: 'gunicorn/invalid-value', severity: 'error', range: range(3, 10, 3, 15), message: 'Invalid value for `timeout`: "30s" is not a whole number Gunicorn can read (decimal without leading zeros, or 0x/0o/0b).' },
    { id: 'gunicorn/invalid-value', severity: 'error', range: range(4, 9, 4, 14), message: 'Invalid value for `reload`: "yes" is not a boolean: Gunicorn accepts only True or False (or the strings "true" and "false").' },
    { id: 'gunicorn/invalid-value', severity: 'error', range: range(5, 11, 5, 20), message: 'Invalid value for `loglevel`: a list is not a string.' },
  ]);
});

test('invalid-value: accepted spellings and run-time values are not reported', () => {
  const text = [
    'import multiprocessing, os',
    'workers = multiprocessing.cpu_count() * 2 + 1',
    'threads = "0x4"',
    'bind = os.environ["BIND"]',
    'preload_app = "False"',
    'timeout = True',
    'accesslog = f"{os.getcwd()}/access.log"',
    'raw_env = "A=1"',
    'worker_class = "uvicorn.workers.UvicornWorker"',
    'user = "www-data"',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'gunicorn/invalid-value'), []);
});

test('invalid-value: a misspelt worker class, fixed in its own quotes', () => {
  const text = "worker_class = 'gevnet'\n";
  const [finding] = findings(text, 'gunicorn/invalid-value');
  assert.deepEqual(finding.range, range(0, 15, 0, 23));
  assert.match(renderText(finding.message, 'en'), /^Invalid value for `worker_class`: "gevnet" is neither a Gunicorn worker name nor .* Did you mean "gevent"\?$/);
  assert.equal(fixAllText(PATH, text), "worker_class = 'gevent'\n");
});

test('hook-signature: a hook with the wrong number of parameters', () => {
  const text = 'def post_fork(server):\n    pass\n\ndef pre_fork(server, worker=None):\n    pass\n\ndef when_ready(server, *args):\n    pass\n';
  assert.deepEqual(findings(text, 'gunicorn/hook-signature'), [
    {
      id: 'gunicorn/hook-signature',
      severity: 'error',
      range: range(0, 0, 0, 21),
      message: 'Gunicorn calls `post_fork` with 2 positional parameters (post_fork(server, worker)), but this definition takes 1: Gunicorn refuses to start.',
    },
  ]);
  assert.equal(findings('def post_request(worker, req, environ):\n    pass\n', 'gunicorn/hook-signature').length, 0);
  assert.equal(findings('def my_hook(a, b, c):\n    pass\nworker_exit = my_hook\n', 'gunicorn/hook-signature').length, 1);
});

test('preload-app: warning with both fixes', () => {
  const text = 'workers = 4\npreload_app = True\n';
  assert.deepEqual(findings(text, 'gunicorn/preload-app').map((f) => [f.severity, f.range]), [['warning', range(1, 14, 1, 18)]]);
  assert.equal(fixed(text, 1, 15, "Set 'preload_app = False'"), 'workers = 4\npreload_app = False\n');
  assert.equal(
    fixed(text, 1, 15, "Keep preloading and start the agent in each worker with a 'post_fork' hook"),
    'workers = 4\npreload_app = True\n\ndef post_fork(server, worker):\n' +
      '    # Start the APM agent in each worker: a thread started in the master does not survive the fork.\n' +
      '    from tingyun.api import init_tingyun_agent\n\n    init_tingyun_agent()\n',
  );
  // CRLF files get CRLF lines, and the hook then silences the rule.
  const crlf = fixed('preload_app = True\r\n', 0, 15, "Keep preloading and start the agent in each worker with a 'post_fork' hook");
  assert.ok(crlf.startsWith('preload_app = True\r\n\r\ndef post_fork(server, worker):\r\n'));
  assert.deepEqual(findings(crlf, 'gunicorn/preload-app'), []);
  assert.deepEqual(findings('preload_app = False\n', 'gunicorn/preload-app'), []);
});

test('async-worker: once per file, silenced by worker_connections and max_requests', () => {
  const text = 'worker_class = "gevent"\nworker_class = "gevent"\n';
  const found = findings(text, 'gunicorn/async-worker');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'information');
  assert.deepEqual(found[0].range, range(1, 15, 1, 23));
  assert.equal(
    found[0].message,
    'a blocking call stalls every request a gevent worker holds: cap and recycle the workers (not set: `worker_connections`, `max_requests`, `max_requests_jitter`).',
  );
  assert.equal(
    fixed('worker_class = "eventlet"\nbind = "x"\n', 0, 16, "Add 'worker_connections', 'max_requests', 'max_requests_jitter' after 'worker_class'"),
    'worker_class = "eventlet"\nworker_connections = 1000\nmax_requests = 1000\nmax_requests_jitter = 100\nbind = "x"\n',
  );
  assert.deepEqual(findings('worker_class = "gevent"\nworker_connections = 100\nmax_requests = 500\n', 'gunicorn/async-worker'), []);
  assert.deepEqual(findings('worker_class = "sync"\n', 'gunicorn/async-worker'), []);
  assert.equal(findings('worker_class = "gunicorn.workers.ggevent.GeventWorker"\n', 'gunicorn/async-worker').length, 1);
});

test('async-worker: each worker class gets its own advice; gthread none, since each request has its own thread', () => {
  // Gunicorn 20.1's workers/gthread.py runs each request on a pool thread: a blocking call holds up only that request.
  assert.deepEqual(findings('worker_class = "gthread"\nthreads = 8\n', 'gunicorn/async-worker'), []);
  assert.deepEqual(findings('worker_class = "gunicorn.workers.gthread.ThreadWorker"\n', 'gunicorn/async-worker'), []);
  // workers/gtornado.py never reads worker_connections, so it is neither asked for nor added.
  const [tornado] = findings('worker_class = "tornado"\n', 'gunicorn/async-worker');
  assert.match(tornado.message, /^a blocking call stalls every request on the tornado worker's IOLoop/);
  assert.match(tornado.message, /\(not set: `max_requests`, `max_requests_jitter`\)\.$/);
  assert.doesNotMatch(tornado.message, /worker_connections/);
  assert.deepEqual(findings('worker_class = "tornado"\nmax_requests = 100\n', 'gunicorn/async-worker'), []);
  assert.equal(
    fixed('worker_class = "tornado"\n', 0, 16, "Add 'max_requests', 'max_requests_jitter' after 'worker_class'"),
    'worker_class = "tornado"\nmax_requests = 1000\nmax_requests_jitter = 100\n',
  );
  const [eventlet] = findings('worker_class = "eventlet"\nworker_connections = 50\n', 'gunicorn/async-worker');
  assert.match(eventlet.message, /^a blocking call stalls every request an eventlet worker holds/);
});

test('a file with syntax errors is still analysed around them', () => {
  const text = 'threds = 4\ntimeout = \nworkers = -1\n';
  assert.deepEqual(findings(text).map((f) => [f.id, f.range.start.line]), [
    ['gunicorn/unknown-setting', 0],
    ['gunicorn/invalid-value', 2],
  ]);
  // A hook being typed is not judged.
  assert.deepEqual(findings('def post_fork(server:\n    pass\n', 'gunicorn/hook-signature'), []);
});

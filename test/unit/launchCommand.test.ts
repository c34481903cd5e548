import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readProcfile } from '../../server/src/parse/launch/procfile';
import { shellQuote } from '../../server/src/parse/launch/command';
import { summary, withArguments } from '../helpers/launch';

const PATH = '/project/Procfile';

function read(command: string) {
  const text = `web: ${command}\n`;
  return readProcfile(PATH, text).launches.map((launch) => summary(text, launch));
}

test('a Procfile line: the server, its words with their source, the process type, the app folder', () => {
  assert.deepEqual(read('gunicorn shop.wsgi -k gevent --preload'), [
    { label: 'web', server: 'gunicorn', program: 'gunicorn', args: ['shop.wsgi', '-k', 'gevent', '--preload'], wrappers: [], env: [], cwd: '/project', range: 'gunicorn shop.wsgi -k gevent --preload' },
  ]);
});

test('finds the server through every wrapper and records them, outermost first', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['exec gunicorn app', ['exec: exec'], ['app']],
    ['newrelic-admin run-program gunicorn app.wsgi --timeout $T', ['newrelic-admin run-program: newrelic-admin run-program'], ['app.wsgi', '--timeout', '$T (opaque)']],
    ['ddtrace-run gunicorn -w 4 app:app', ['ddtrace-run: ddtrace-run'], ['-w', '4', 'app:app']],
    ['poetry run opentelemetry-instrument --traces_exporter otlp --metrics_exporter=otlp gunicorn -c g.py app', ['poetry run: poetry run', 'opentelemetry-instrument: opentelemetry-instrument --traces_exporter otlp --metrics_exporter=otlp'], ['-c', 'g.py', 'app']],
    ['elasticapm-run gunicorn app', ['elasticapm-run: elasticapm-run'], ['app']],
    ['tingyun-admin run-program uwsgi --ini u.ini', ['tingyun-admin run-program: tingyun-admin run-program'], ['--ini', 'u.ini']],
    ['pyagent run gunicorn app', ['pyagent run: pyagent run'], ['app']],
    ['python -m gunicorn fitzone.wsgi --bind 0.0.0.0:$PORT', ['python -m: python -m'], ['fitzone.wsgi', '--bind', '0.0.0.0:$PORT (opaque)']],
    ['python3.11 -u -m uwsgi --ini u.ini', ['python -m: python3.11 -u -m'], ['--ini', 'u.ini']],
    ['pipenv run uwsgi u.ini', ['pipenv run: pipenv run'], ['u.ini']],
    ['uv run --env-file .env gunicorn app', ['uv run: uv run --env-file .env'], ['app']],
    ['gosu app tini -- gunicorn app', ['gosu: gosu app', 'tini: tini --'], ['app']],
    ['su-exec www dumb-init -- nice -n 10 uwsgi u.ini', ['su-exec: su-exec www', 'dumb-init: dumb-init --', 'nice: nice -n 10'], ['u.ini']],
    ['/venv/bin/gunicorn app', [], ['app']],
    ['${VENV}/bin/uwsgi u.ini', [], ['u.ini']],
    ['/usr/bin/uwsgi_python3 u.ini', [], ['u.ini']],
    ['bin/start-nginx bundle exec uwsgi uwsgi.ini', [], []],
  ];
  for (const [command, wrappers, args] of cases) {
    const [launch] = read(command);
    if (command.startsWith('bin/start-nginx')) {
      // An unknown program in front: not guessed to run the server.
      assert.equal(launch, undefined, command);
      continue;
    }
    assert.ok(launch, command);
    assert.deepEqual(launch.wrappers, wrappers, command);
    assert.deepEqual(launch.args, args, command);
  }
});

test('env VAR=… and VAR=… prefixes set the environment; env -C the folder', () => {
  const [launch] = read('UWSGI_THREADS=10 env -C sub UWSGI_MASTER=true uwsgi u.ini');
  assert.deepEqual(launch.env, ['UWSGI_THREADS=10', 'UWSGI_MASTER=true']);
  assert.equal(launch.cwd, '/project/sub');
  assert.deepEqual(launch.wrappers, ['env: env -C sub UWSGI_MASTER=true']);
  const [quoted] = read(`X="a b" gunicorn app`);
  assert.deepEqual(quoted.env, ['X=a b@"a b"']);
});

test('a server after && or ; is found, and cd before it gives the folder', () => {
  assert.deepEqual(read('python manage.py migrate && cd backend && gunicorn wsgi:app --workers ${W:-8}').map((l) => [l.program, l.args, l.cwd, l.range]), [
    ['gunicorn', ['wsgi:app', '--workers', '${W:-8} (opaque)'], '/project/backend', 'gunicorn wsgi:app --workers ${W:-8}'],
  ]);
  assert.deepEqual(read('echo start; uwsgi a.ini').map((l) => l.program), ['uwsgi']);
});

test('sh -c "…": the string is split again, its words mapped into the file, through && and wrappers', () => {
  const [launch] = read(`sh -c "python manage.py migrate && exec gunicorn notes.wsgi:application --bind '0.0.0.0:8000'"`);
  assert.deepEqual(launch.wrappers, ['sh -c: sh -c python manage.py migrate && exec gunicorn notes.wsgi:application --bind \'0.0.0.0:8000\'', 'exec: exec']);
  assert.deepEqual(launch.args, ['notes.wsgi:application', '--bind', "0.0.0.0:8000@'0.0.0.0:8000'"]);
  assert.equal(launch.range, "exec gunicorn notes.wsgi:application --bind '0.0.0.0:8000'");
  const [nested] = read(`bash -ec 'cd /srv && sh -c "gunicorn \\"a b\\""'`);
  assert.deepEqual(nested.args, ['a b@\\"a b\\"']);
  assert.equal(nested.cwd, '/srv');
});

test('not a launch: a server named as an argument, an opaque program, a python script', () => {
  for (const command of ['pip install gunicorn', '$SERVER app', 'python app.py --gunicorn', 'echo uwsgi', 'sh -c', 'sh script.sh gunicorn', 'constructor gunicorn', 'toString', 'python -m constructor']) {
    assert.deepEqual(read(command), [], command);
  }
});

test('the insertion appends shell words after the last argument, before && ; comments and redirections', () => {
  const cases: Array<[string, string]> = [
    ['gunicorn app', 'gunicorn app --preload'],
    ['gunicorn app && echo done', 'gunicorn app --preload && echo done'],
    ['gunicorn app > log 2>&1', 'gunicorn app --preload > log 2>&1'],
    [`sh -c "migrate; gunicorn app" # note`, `sh -c "migrate; gunicorn app --preload" # note`],
    [`sh -c 'gunicorn "app"; x'`, `sh -c 'gunicorn "app" --preload; x'`],
  ];
  for (const [command, expected] of cases) {
    const text = `web: ${command}\n`;
    const [launch] = readProcfile(PATH, text).launches;
    assert.equal(withArguments(text, launch.insertion!, ['--preload']), `web: ${expected}\n`, command);
  }
});

test('an inserted argument that needs quoting is quoted for every layer it passes through, and reads back as itself', () => {
  const awkward = [`--name=it's "x" $HOME`, '--bind', 'a b'];
  for (const command of ['gunicorn app', `sh -c 'gunicorn app'`, `sh -c "gunicorn app"`, `sh -c "sh -c 'gunicorn app'"`]) {
    const text = `web: ${command}\n`;
    const [launch] = readProcfile(PATH, text).launches;
    const fixed = withArguments(text, launch.insertion!, awkward);
    const [again] = readProcfile(PATH, fixed).launches;
    assert.deepEqual(again.args.slice(-3).map((w) => w.value), awkward, `${command} → ${fixed}`);
  }
  assert.equal(shellQuote('--enable-threads'), '--enable-threads');
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
});

test('comments, blank lines and lines without a process type are not launches', () => {
  const text = '# web: gunicorn old\n\nrelease: python manage.py migrate\nworker: celery -A app worker\nweb:gunicorn app\n  not a line\n';
  assert.deepEqual(readProcfile(PATH, text).launches.map((l) => summary(text, l).label), ['web']);
});

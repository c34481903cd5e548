import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDockerfile } from '../../server/src/parse/launch/dockerfile';
import { summary, textAt, withArguments } from '../helpers/launch';

const PATH = '/project/Dockerfile';
const read = (text: string) => readDockerfile(PATH, text).launches.map((launch) => summary(text, launch));

/** The exec-form JSON array of a Dockerfile line, parsed back after a fix. */
function arrayOn(text: string, keyword: string): string[] {
  const line = text.split(/\r?\n/).filter((l) => l.startsWith(keyword)).pop()!;
  return JSON.parse(line.slice(keyword.length));
}

test('exec form: a word per JSON element, ranges on the element with its quotes, escapes decoded', () => {
  const text = 'FROM python:3.12\nCMD [ "uwsgi", "--ini", "uwsgi.ini", "--enable-threads", "--x=\\"q\\" \\u00e9" ]\n';
  assert.deepEqual(read(text), [
    {
      label: 'CMD', server: 'uwsgi', program: 'uwsgi@"uwsgi"', args: ['--ini@"--ini"', 'uwsgi.ini@"uwsgi.ini"', '--enable-threads@"--enable-threads"', '--x="q" é@"--x=\\"q\\" \\u00e9"'],
      wrappers: [], env: [], cwd: '/', range: '"uwsgi", "--ini", "uwsgi.ini", "--enable-threads", "--x=\\"q\\" \\u00e9"',
    },
  ]);
});

test('exec form does not expand variables: ${X} is passed as written, not opaque', () => {
  const [launch] = readDockerfile(PATH, 'FROM x\nCMD ["gunicorn", "--workers", "${W:-4}", "app:app"]\n').launches;
  assert.deepEqual([launch.args[1].value, launch.args[1].opaque], ['${W:-4}', false]);
});

test('shell form: split as sh -c will, across continuations and Docker comment lines, expansions opaque', () => {
  const text = 'FROM python\nCMD exec python -m gunicorn --workers ${WORKERS_COUNT:-4} \\\n  # the worker class\n  --worker-class gevent app:app \\\n  && echo never\n';
  assert.deepEqual(read(text), [
    {
      label: 'CMD', server: 'gunicorn', program: 'gunicorn', args: ['--workers', '${WORKERS_COUNT:-4} (opaque)', '--worker-class', 'gevent', 'app:app'],
      wrappers: ['exec: exec', 'python -m: python -m'], env: [], cwd: '/', range: 'exec python -m gunicorn --workers ${WORKERS_COUNT:-4} \\\n  # the worker class\n  --worker-class gevent app:app',
    },
  ]);
  assert.deepEqual(read('FROM x\nCMD python manage.py migrate && uwsgi --ini docker/app/uwsgi.ini\n').map((l) => [l.program, l.args]), [['uwsgi', ['--ini', 'docker/app/uwsgi.ini']]]);
});

test('the last CMD counts, ENTRYPOINT + CMD combine, the last stage runs with ENV and WORKDIR of its chain', () => {
  const text = [
    'FROM python:3.12 AS base',
    'ENV UWSGI_PROCESSES=1 UWSGI_THREADS=10',
    'WORKDIR /app',
    'CMD ["python"]',
    'FROM node AS assets',
    'CMD ["gunicorn", "not-this-stage"]',
    'FROM base',
    'ENV DD_PROFILING_ENABLED true',
    'WORKDIR src',
    'ENTRYPOINT ["ddtrace-run"]',
    'CMD ["gunicorn", "-w", "4", "app:app"]',
    'CMD ["uwsgi", "--ini", "/app/uwsgi.ini"]',
    '',
  ].join('\n');
  assert.deepEqual(read(text), [
    {
      label: 'ENTRYPOINT + CMD', server: 'uwsgi', program: 'uwsgi@"uwsgi"', args: ['--ini@"--ini"', '/app/uwsgi.ini@"/app/uwsgi.ini"'],
      wrappers: ['ddtrace-run: ddtrace-run'], env: ['UWSGI_PROCESSES=1', 'UWSGI_THREADS=10', 'DD_PROFILING_ENABLED=true'], cwd: '/app/src',
      range: '"uwsgi", "--ini", "/app/uwsgi.ini"',
    },
  ]);
});

test('an entrypoint script that runs "$@": the server of CMD, under the script', () => {
  const text = 'FROM x\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["gunicorn", "app:app"]\n';
  assert.deepEqual(read(text).map((l) => [l.label, l.wrappers, l.args]), [['ENTRYPOINT + CMD', ['ENTRYPOINT: /docker-entrypoint.sh'], ['app:app@"app:app"']]]);
});

test('a stage ENTRYPOINT drops the CMD it inherits; a shell-form ENTRYPOINT ignores CMD', () => {
  assert.deepEqual(read('FROM x AS a\nCMD ["gunicorn", "app"]\nFROM a\nENTRYPOINT ["tini", "--"]\n'), []);
  assert.deepEqual(read('FROM x\nENTRYPOINT gunicorn app\nCMD ["--preload"]\n').map((l) => [l.label, l.args]), [['ENTRYPOINT', ['app']]]);
});

test('a JSON array that is not valid JSON is shell form, as Docker reads it', () => {
  assert.deepEqual(read("FROM x\nCMD ['gunicorn', 'app']\n"), []);
  assert.deepEqual(read('FROM x\nCMD ["uwsgi --ini uwsgi.ini"]\n'), []);
});

test('sh -c inside an exec form: the string is split again and mapped into the JSON', () => {
  const text = 'FROM x\nCMD ["sh", "-c", "python manage.py migrate && gunicorn app --bind \\"0.0.0.0:8000\\""]\n';
  const [launch] = read(text);
  assert.deepEqual(launch.args, ['app', '--bind', '0.0.0.0:8000@\\"0.0.0.0:8000\\"']);
  assert.deepEqual(launch.wrappers.map((w) => w.split(':')[0]), ['sh -c']);
});

test('insertion: a new element in the array in its own spacing, still valid JSON, nothing else changed', () => {
  const cases: Array<[string, string]> = [
    ['CMD ["uwsgi", "--ini", "uwsgi.ini"]', 'CMD ["uwsgi", "--ini", "uwsgi.ini", "--enable-threads"]'],
    ['CMD ["uwsgi","--ini","uwsgi.ini"]', 'CMD ["uwsgi","--ini","uwsgi.ini","--enable-threads"]'],
    ['CMD [ "uwsgi" ]', 'CMD [ "uwsgi", "--enable-threads" ]'],
    ['CMD ["uwsgi", \\\n     "--ini", \\\n     "uwsgi.ini"]', 'CMD ["uwsgi", \\\n     "--ini", \\\n     "uwsgi.ini", \\\n     "--enable-threads"]'],
  ];
  for (const [cmd, expected] of cases) {
    const text = `FROM x\r\n${cmd}\r\nUSER app\r\n`;
    const [launch] = readDockerfile(PATH, text).launches;
    const fixed = withArguments(text, launch.insertion!, ['--enable-threads']);
    assert.equal(fixed, `FROM x\r\n${expected}\r\nUSER app\r\n`);
    assert.deepEqual(readDockerfile(PATH, fixed).launches[0].args.map((w) => w.value).slice(-1), ['--enable-threads']);
  }
  const awkward = ['--name', 'a "b" \\ é\u2028'];
  const text = 'FROM x\nCMD ["gunicorn", "app"]\n';
  const fixed = withArguments(text, readDockerfile(PATH, text).launches[0].insertion!, awkward);
  assert.deepEqual(arrayOn(fixed, 'CMD'), ['gunicorn', 'app', ...awkward]);
});

test('insertion into a shell form goes before && and comments; into sh -c inside JSON, escaped for both', () => {
  const shell = 'FROM x\nCMD gunicorn app \\\n  --workers 2 && echo x\n';
  assert.equal(withArguments(shell, readDockerfile(PATH, shell).launches[0].insertion!, ['--preload']), 'FROM x\nCMD gunicorn app \\\n  --workers 2 --preload && echo x\n');
  const nested = 'FROM x\nCMD ["sh", "-c", "migrate && gunicorn app; echo"]\n';
  const fixed = withArguments(nested, readDockerfile(PATH, nested).launches[0].insertion!, ['--name', 'a "b"']);
  assert.deepEqual(arrayOn(fixed, 'CMD'), ['sh', '-c', `migrate && gunicorn app --name 'a "b"'; echo`]);
  assert.deepEqual(readDockerfile(PATH, fixed).launches[0].args.map((w) => w.value), ['app', '--name', 'a "b"']);
});

test('ENV values keep their ranges; values with $ are opaque', () => {
  const text = 'FROM x\nENV A=1 B="two words" \\\n  C=$HOME/c\nCMD gunicorn app\n';
  const [launch] = readDockerfile(PATH, text).launches;
  assert.deepEqual(launch.env.map((v) => [v.name, v.value, textAt(text, v.range), textAt(text, v.valueRange), v.opaque]), [
    ['A', '1', 'A=1', '1', false],
    ['B', 'two words', 'B="two words"', '"two words"', false],
    ['C', '$HOME/c', 'C=$HOME/c', '$HOME/c', true],
  ]);
});

test('an escape directive other than \\ still joins lines; odd files are read without throwing', () => {
  assert.deepEqual(read('# escape=`\nFROM x\nCMD gunicorn app `\n  --preload\n').map((l) => l.args), [['app', '--preload']]);
  for (const text of ['', 'CMD', 'CMD [', 'CMD ["gunicorn"', 'FROM', 'FROM x\nCMD ["\\ud800"]', '\uFEFFFROM x\nCMD gunicorn "', 'FROM x AS a\nFROM a AS a\nCMD ["gunicorn"]']) {
    readDockerfile(PATH, text);
  }
});

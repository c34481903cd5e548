import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { readCompose } from '../../server/src/parse/launch/compose';
import { readKubernetes } from '../../server/src/parse/launch/kubernetes';
import { summary, textAt, withArguments } from '../helpers/launch';

const COMPOSE = '/project/docker-compose.yml';
const K8S = '/project/k8s/deployment.yaml';

/** The YAML value at a path after a fix, parsed back: the fix must leave valid YAML. */
function yamlAt(text: string, path: readonly (string | number)[], document = 0): unknown {
  const documents = parseAllDocuments(text);
  assert.ok(Array.isArray(documents));
  assert.deepEqual(documents[document].errors, []);
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)?.[key], documents[document].toJS());
}

test('Compose: string command split as Compose does, environment map and list, env_file, build, working_dir', () => {
  const text = [
    'services:',
    '  web:',
    '    build:',
    '      context: ./backend',
    '      dockerfile: docker/Dockerfile.prod',
    '    command: gunicorn config.wsgi:application --bind 0.0.0.0:$PORT --workers "3"  # comment',
    '    working_dir: /srv/app',
    '    env_file: [.env, {path: ./override.env, required: false}]',
    '    environment:',
    '      UWSGI_THREADS: 10',
    '      FLAG: True',
    '      PASS:',
    '  worker:',
    '    image: x',
    '    environment:',
    '      - GUNICORN_CMD_ARGS=--workers=3 --bind=:80',
    '      - HOST_VAR',
    '    entrypoint: ["ddtrace-run"]',
    '    command: [gunicorn, app]',
    '',
  ].join('\n');
  const reading = readCompose(COMPOSE, text);
  assert.deepEqual(reading.launches.map((launch) => summary(text, launch)), [
    {
      label: 'service web', server: 'gunicorn', program: 'gunicorn', args: ['config.wsgi:application', '--bind', '0.0.0.0:$PORT (opaque)', '--workers', '3@"3"'],
      wrappers: [], env: ['UWSGI_THREADS=10', 'FLAG=True', 'PASS='], cwd: '/srv/app', range: 'gunicorn config.wsgi:application --bind 0.0.0.0:$PORT --workers "3"',
    },
    { label: 'service worker', server: 'gunicorn', program: 'gunicorn', args: ['app'], wrappers: ['ddtrace-run: ddtrace-run'], env: ['GUNICORN_CMD_ARGS=--workers=3 --bind=:80', 'HOST_VAR='], range: '"ddtrace-run"]\n    command: [gunicorn, app' },
  ]);
  const [web, worker] = reading.launches;
  assert.deepEqual(web.image && [web.image.dockerfile, textAt(text, web.image.range)], ['/project/backend/docker/Dockerfile.prod', 'context: ./backend\n      dockerfile: docker/Dockerfile.prod\n']);
  assert.deepEqual(web.envFiles?.map((f) => [f.path, f.required, f.overridesEnv, textAt(text, f.range)]), [['/project/.env', true, false, '.env'], ['/project/override.env', false, false, './override.env']]);
  assert.equal(web.env[2].opaque, true);
  assert.deepEqual(worker.env.map((v) => textAt(text, v.valueRange)), ['--workers=3 --bind=:80', '']);
  assert.equal(withArguments(text, web.insertion!, ['--preload']).split('\n')[5], '    command: gunicorn config.wsgi:application --bind 0.0.0.0:$PORT --workers "3" --preload  # comment');
  assert.deepEqual(yamlAt(withArguments(text, worker.insertion!, ['--preload', 'a b']), ['services', 'worker', 'command']), ['gunicorn', 'app', '--preload', 'a b']);
});

test('Compose: sh -c strings inside YAML strings of every style, mapped and appended in their quoting', () => {
  const styles = [
    `command: sh -c "python manage.py migrate && gunicorn notes.wsgi:application --bind 0.0.0.0:8000"`,
    `command: 'sh -c "migrate && gunicorn notes.wsgi:application --bind 0.0.0.0:8000"'`,
    `command: "sh -c \\"migrate && gunicorn notes.wsgi:application --bind 0.0.0.0:8000\\""`,
    `command: >\n      sh -c "migrate &&\n      gunicorn notes.wsgi:application --bind 0.0.0.0:8000"`,
    `command: |\n      sh -c "migrate && gunicorn notes.wsgi:application --bind 0.0.0.0:8000"`,
    `command: ["sh", "-c", "migrate && gunicorn notes.wsgi:application --bind 0.0.0.0:8000"]`,
    `command:\n      - sh\n      - -c\n      - |\n        migrate\n        gunicorn notes.wsgi:application --bind 0.0.0.0:8000`,
  ];
  for (const style of styles) {
    const text = `services:\n  web:\n    ${style}\n    ports: ["8000:8000"]\n`;
    const [launch] = readCompose(COMPOSE, text).launches;
    assert.ok(launch, style);
    assert.deepEqual(launch.args.map((w) => [w.value, textAt(text, w.range)]), [['notes.wsgi:application', 'notes.wsgi:application'], ['--bind', '--bind'], ['0.0.0.0:8000', '0.0.0.0:8000']], style);
    const fixed = withArguments(text, launch.insertion!, ['--name', "it's"]);
    assert.deepEqual(yamlAt(fixed, ['services', 'web', 'ports']), ['8000:8000'], fixed);
    const [again] = readCompose(COMPOSE, fixed).launches;
    assert.deepEqual(again.args.map((w) => w.value), ['notes.wsgi:application', '--bind', '0.0.0.0:8000', '--name', "it's"], fixed);
  }
});

test('Compose: a service with build and no server of its own is an ImageRun for the model', () => {
  const text = 'services:\n  web:\n    build: .\n    command: ["--workers", "3"]\n    environment:\n      - UWSGI_THREADS=10\n  db:\n    image: postgres\n';
  const reading = readCompose(COMPOSE, text);
  assert.deepEqual(reading.launches, []);
  assert.deepEqual(reading.imageRuns.map((run) => [run.label, run.image?.dockerfile, run.command?.map((w) => w.value), run.env.map((v) => v.name)]), [['service web', '/project/Dockerfile', ['--workers', '3'], ['UWSGI_THREADS']]]);
  assert.deepEqual(yamlAt(withArguments(text, reading.imageRuns[0].insertion!, ['--preload']), ['services', 'web', 'command']), ['--workers', '3', '--preload']);
});

test('Compose: settings merged in with <<: *anchor count, the service\'s own first', () => {
  const text = [
    'x-django: &django',
    '  build: .',
    '  command: gunicorn app --workers 2',
    '  environment:',
    '    UWSGI_X: 1',
    'x-other: &other',
    '  working_dir: /srv',
    'services:',
    '  web:',
    '    <<: [*django, *other]',
    '    environment:',
    '      OWN: 1',
    '',
  ].join('\n');
  const [launch] = readCompose(COMPOSE, text).launches;
  assert.deepEqual(summary(text, launch), { label: 'service web', server: 'gunicorn', program: 'gunicorn', args: ['app', '--workers', '2'], wrappers: [], env: ['OWN=1'], cwd: '/srv', range: 'gunicorn app --workers 2' });
  assert.equal(launch.image?.dockerfile, '/project/Dockerfile');
});

test('Kubernetes: command + args of each container of each workload, several documents, env and workingDir', () => {
  const text = [
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: web}',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          command: ["gunicorn"]',
    '          args: ["--bind","0.0.0.0:5000","--workers","2"]',
    '          workingDir: /app',
    '          env:',
    '            - name: WEB_CONCURRENCY',
    '              value: "4"',
    '            - name: SECRET',
    '              valueFrom: {secretKeyRef: {name: s, key: k}}',
    '            - name: BIND',
    '              value: $(HOST):80',
    '        - name: sidecar',
    '          command: [nginx]',
    '---',
    'kind: CronJob',
    'metadata: {name: job}',
    'spec:',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          containers:',
    '          - name: c',
    '            command:',
    '            - uwsgi',
    '            - --ini',
    '            - uwsgi.ini  # the ini',
    '',
  ].join('\n');
  const reading = readKubernetes(K8S, text);
  assert.deepEqual(reading.launches.map((launch) => summary(text, launch)), [
    {
      label: 'Deployment web / container app', server: 'gunicorn', program: 'gunicorn@"gunicorn"', args: ['--bind@"--bind"', '0.0.0.0:5000@"0.0.0.0:5000"', '--workers@"--workers"', '2@"2"'],
      wrappers: [], env: ['WEB_CONCURRENCY=4@"4"', 'SECRET=', 'BIND=$(HOST):80'], cwd: '/app', range: '"gunicorn"]\n          args: ["--bind","0.0.0.0:5000","--workers","2"',
    },
    { label: 'CronJob job / container c', server: 'uwsgi', program: 'uwsgi', args: ['--ini', 'uwsgi.ini'], wrappers: [], env: [], range: 'uwsgi\n            - --ini\n            - uwsgi.ini' },
  ]);
  const [app, cron] = reading.launches;
  assert.deepEqual(app.env.map((v) => v.opaque), [false, true, true]);
  const fixedApp = withArguments(text, app.insertion!, ['--preload']);
  assert.deepEqual(yamlAt(fixedApp, ['spec', 'template', 'spec', 'containers', 0, 'args'], 1), ['--bind', '0.0.0.0:5000', '--workers', '2', '--preload']);
  assert.ok(fixedApp.includes('"--workers","2","--preload"]'));
  const fixedCron = withArguments(text, cron.insertion!, ['--enable-threads', 'true']);
  assert.ok(fixedCron.includes('            - uwsgi.ini  # the ini\n            - --enable-threads\n            - "true"\n'), fixedCron);
  assert.deepEqual(yamlAt(fixedCron, ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'command'], 2), ['uwsgi', '--ini', 'uwsgi.ini', '--enable-threads', 'true']);
});

test('Helm templates: {{ }} values are opaque, lines of template actions are skipped, and a note says so', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "app.fullname" . }}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: {{ .Chart.Name }}',
    '          {{- with .Values.extra }}',
    '          command: ["gunicorn", "--workers", "{{ .Values.workers }}", "app:app"]',
    '          {{- end }}',
    '',
  ].join('\n');
  const reading = readKubernetes(K8S, text);
  assert.deepEqual(reading.launches.map((l) => l.args.map((w) => [w.value, w.opaque])), [[['--workers', false], ['{{ .Values.workers }}', true], ['app:app', false]]]);
  assert.equal(reading.notes.length, 1);
  assert.match(reading.notes[0].message, /template/i);
});

test('YAML readers never throw on broken input and say where they stopped', () => {
  for (const text of ['', ':', 'services: [', 'services:\n  web:\n    command: "unclosed', 'kind: Pod\nspec:\n  containers: 3', '\uFEFFservices:\n  w: {command: [1, {a: b}]}', 'kind: Deployment\n{{ broken', 'services:\n  web:\n    command: !!binary x']) {
    readCompose(COMPOSE, text);
    readKubernetes(K8S, text);
  }
  assert.ok(readCompose(COMPOSE, 'services: [').notes.length > 0);
});

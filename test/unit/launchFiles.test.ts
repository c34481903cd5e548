import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSystemdUnit } from '../../server/src/parse/launch/systemd';
import { readSupervisord } from '../../server/src/parse/launch/supervisord';
import { readShellScript } from '../../server/src/parse/launch/shellScript';
import { readAppYaml, readRenderYaml } from '../../server/src/parse/launch/paas';
import { launchReaderFor } from '../../server/src/parse/launch/registry';
import { summary, textAt, withArguments } from '../helpers/launch';

test('systemd: the last ExecStart with prefixes and continuations (comment lines inside skipped), Environment, EnvironmentFile, WorkingDirectory', () => {
  const text = [
    '[Unit]',
    'Description=app',
    'ExecStart=/not/in/service',
    '[Service]',
    'Environment="GUNICORN_CMD_ARGS=--workers=3 --bind=:80" WEB_CONCURRENCY=4',
    'Environment=HOME_DIR=%h',
    'EnvironmentFile=-/etc/default/app',
    'EnvironmentFile=/srv/app/.env',
    'WorkingDirectory=/srv/app',
    'ExecStart=/usr/bin/true',
    'ExecStart=',
    'ExecStart=-/srv/venv/bin/gunicorn --workers ${GUNICORN_WORKERS} \\',
    '# a comment inside',
    '          --bind unix:/run/app.sock \\',
    '          app.wsgi:application',
    'Restart=always',
    '',
  ].join('\n');
  const [launch, ...others] = readSystemdUnit('/project/deploy/app.service', text).launches;
  assert.equal(others.length, 0);
  assert.deepEqual(summary(text, launch), {
    label: 'ExecStart', server: 'gunicorn', program: '/srv/venv/bin/gunicorn', args: ['--workers', '${GUNICORN_WORKERS} (opaque)', '--bind', 'unix:/run/app.sock', 'app.wsgi:application'],
    wrappers: [], env: ['GUNICORN_CMD_ARGS=--workers=3 --bind=:80@--workers=3 --bind=:80"', 'WEB_CONCURRENCY=4', 'HOME_DIR=%h'], cwd: '/srv/app',
    range: '/srv/venv/bin/gunicorn --workers ${GUNICORN_WORKERS} \\\n# a comment inside\n          --bind unix:/run/app.sock \\\n          app.wsgi:application',
  });
  assert.equal(launch.env[2].opaque, true);
  assert.deepEqual(launch.envFiles?.map((f) => [f.path, f.required, f.overridesEnv, textAt(text, f.range)]), [['/etc/default/app', false, true, '-/etc/default/app'], ['/srv/app/.env', true, true, '/srv/app/.env']]);
  const fixed = withArguments(text, launch.insertion!, ['--name', '50%$x']);
  assert.ok(fixed.includes("          app.wsgi:application --name '50%%$$x'\nRestart=always"), fixed);
});

test('supervisord: each [program:x] with command (continued, inline comment), environment, directory, %(ENV_X)s opaque', () => {
  const text = [
    '[supervisord]',
    'nodaemon=true',
    '',
    '[program:web]',
    'command=/usr/local/bin/uwsgi --ini /etc/uwsgi/uwsgi.ini',
    '    --processes %(ENV_PROCS)s ; how many',
    'directory=/srv/app',
    'environment=UWSGI_THREADS="10",PATH="/venv/bin:%(ENV_PATH)s", DJANGO_SETTINGS_MODULE=app.settings',
    '',
    '[program:worker]',
    'command=celery -A app worker',
    '',
  ].join('\n');
  const reading = readSupervisord('/project/supervisord.conf', text);
  assert.deepEqual(reading.launches.map((launch) => summary(text, launch)), [
    {
      label: 'program:web', server: 'uwsgi', program: '/usr/local/bin/uwsgi', args: ['--ini', '/etc/uwsgi/uwsgi.ini', '--processes', '%(ENV_PROCS)s (opaque)'],
      wrappers: [], env: ['UWSGI_THREADS=10@"10"', 'PATH=/venv/bin:%(ENV_PATH)s@"/venv/bin:%(ENV_PATH)s"', 'DJANGO_SETTINGS_MODULE=app.settings'], cwd: '/srv/app',
      range: '/usr/local/bin/uwsgi --ini /etc/uwsgi/uwsgi.ini\n    --processes %(ENV_PROCS)s',
    },
  ]);
  assert.deepEqual(reading.launches[0].env.map((v) => v.opaque), [false, true, false]);
  const fixed = withArguments(text, reading.launches[0].insertion!, ['--enable-threads', '100%']);
  assert.ok(fixed.includes("--processes %(ENV_PROCS)s --enable-threads 100%% ; how many\n"), fixed);
});

test('shell scripts: launches with the exports before them, cd, functions and branches read top to bottom', () => {
  const text = [
    '#!/bin/sh',
    'set -e',
    'cd "$(dirname "$0")"',
    'export GUNICORN_CMD_ARGS="--bind=0.0.0.0:4243 --workers=3"',
    'UWSGI_THREADS=10',
    'export UWSGI_THREADS',
    'LOCAL_ONLY=1',
    'cat > /etc/app.service <<EOF',
    'ExecStart=/venv/bin/gunicorn wrong',
    'EOF',
    'if [ "$MODE" = dev ]; then',
    '  exec gunicorn app:app --reload',
    'else',
    '  newrelic-admin run-program gunicorn app:app -w 3 \\',
    '    -k uvicorn.workers.UvicornWorker',
    'fi',
    '',
  ].join('\n');
  const reading = readShellScript('/project/scripts/entrypoint.sh', text);
  assert.deepEqual(reading.launches.map((launch) => summary(text, launch)), [
    { label: 'line 12', server: 'gunicorn', program: 'gunicorn', args: ['app:app', '--reload'], wrappers: ['exec: exec'], env: ['GUNICORN_CMD_ARGS=--bind=0.0.0.0:4243 --workers=3@"--bind=0.0.0.0:4243 --workers=3"', 'UWSGI_THREADS=10'], cwd: '/project/scripts', range: 'exec gunicorn app:app --reload' },
    {
      label: 'line 14', server: 'gunicorn', program: 'gunicorn', args: ['app:app', '-w', '3', '-k', 'uvicorn.workers.UvicornWorker'], wrappers: ['newrelic-admin run-program: newrelic-admin run-program'],
      env: ['GUNICORN_CMD_ARGS=--bind=0.0.0.0:4243 --workers=3@"--bind=0.0.0.0:4243 --workers=3"', 'UWSGI_THREADS=10'], cwd: '/project/scripts', range: 'newrelic-admin run-program gunicorn app:app -w 3 \\\n    -k uvicorn.workers.UvicornWorker',
    },
  ]);
  assert.equal(withArguments(text, reading.launches[0].insertion!, ['--preload']).split('\n')[11], '  exec gunicorn app:app --reload --preload');
});

test('render.yaml startCommand and app.yaml entrypoint run in a shell, with their variables', () => {
  const render = 'services:\n  - type: web\n    name: api\n    rootDir: backend\n    startCommand: cd src && gunicorn wsgi:app --workers ${GUNICORN_WORKERS:-8} --bind 0.0.0.0:$PORT\n    envVars:\n      - key: WEB_CONCURRENCY\n        value: 4\n      - key: SECRET\n        generateValue: true\n';
  assert.deepEqual(readRenderYaml('/project/render.yaml', render).launches.map((l) => summary(render, l)), [
    { label: 'service api', server: 'gunicorn', program: 'gunicorn', args: ['wsgi:app', '--workers', '${GUNICORN_WORKERS:-8} (opaque)', '--bind', '0.0.0.0:$PORT (opaque)'], wrappers: [], env: ['WEB_CONCURRENCY=4', 'SECRET=@key: SECRET\n        generateValue: true'], cwd: '/project/backend/src', range: 'gunicorn wsgi:app --workers ${GUNICORN_WORKERS:-8} --bind 0.0.0.0:$PORT' },
  ]);
  const app = 'runtime: python312\nentrypoint: gunicorn -b :$PORT main:app\nenv_variables:\n  UWSGI_X: "1"\n';
  assert.deepEqual(readAppYaml('/project/app.yaml', app).launches.map((l) => [l.label, l.cwd, l.args.map((w) => w.value), l.env.map((v) => v.name)]), [['entrypoint', '/project', ['-b', ':$PORT', 'main:app'], ['UWSGI_X']]]);
});

test('the registry picks a reader by name, and by content where the name does not tell', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['/p/Dockerfile', '', 'dockerfile'],
    ['/p/Containerfile', '', 'dockerfile'],
    ['/p/web.Dockerfile', '', 'dockerfile'],
    ['/p/Dockerfile.prod', '', 'dockerfile'],
    ['/p/Dockerfile.dockerignore', '', undefined],
    ['/p/docker-compose.yml', '', 'compose'],
    ['/p/docker-compose.prod.yaml', '', 'compose'],
    ['/p/compose.yaml', '', 'compose'],
    ['/p/k8s/web.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', 'kubernetes'],
    ['/p/k8s/svc.yaml', 'apiVersion: v1\nkind: Service\n', undefined],
    ['/p/config.yml', 'a: 1\n', undefined],
    ['/p/Procfile', '', 'procfile'],
    ['/p/deploy/app.service', '', 'systemd'],
    ['/p/supervisord.conf', '', 'supervisord'],
    ['/p/conf.d/app.conf', '', 'supervisord'],
    ['/p/deploy/app.ini', '[program:app]\ncommand=uwsgi\n', 'supervisord'],
    ['/p/uwsgi.ini', '[uwsgi]\nmodule=app\n', undefined],
    ['/p/start.sh', '', 'shell'],
    ['/p/bin/run', '#!/usr/bin/env bash\n', 'shell'],
    ['/p/bin/run', '#!/usr/bin/python3\n', undefined],
    ['/p/render.yaml', '', 'paas'],
    ['/p/app.yaml', '', 'paas'],
  ];
  for (const [path, text, kind] of cases) assert.equal(launchReaderFor(path, text)?.kind, kind, path);
});

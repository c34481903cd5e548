import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dress, GeneratedFile, dressArbitrary, dressed, mutate, mutation, oddWord } from './generators';

/**
 * Launch files of every kind the readers know (Dockerfile, Compose, Kubernetes, Procfile, systemd, supervisord,
 * scripts, render.yaml), generated around uWSGI and Gunicorn command lines, and real ones mutated.
 */

const launchWrapper = fc.constantFrom('', '', '', 'exec ', 'ddtrace-run ', 'newrelic-admin run-program ', 'opentelemetry-instrument --traces_exporter otlp ', 'python -m ', 'poetry run ', 'gosu app ', 'tini -- ', 'env A=1 ', 'X="a b" ', 'nice -n 5 ', 'uv run ');
const launchServer = fc.constantFrom('gunicorn', 'uwsgi', '/venv/bin/gunicorn', '${VENV}/bin/uwsgi', 'gunicorn3', 'uwsgi');
const plainLaunchArgument = fc.constantFrom('--enable-threads', '--ini', 'uwsgi.ini', 'uwsgi.ini:prod', '-c', 'gunicorn.conf.py', '--bind', '0.0.0.0:8000', '-w', '4', '--preload', '--workers=3', '--threads', 'app:app', '-k', 'gevent', '--master', '--lazy-apps');
const launchArgument = fc.oneof(
  { weight: 5, arbitrary: plainLaunchArgument },
  { weight: 2, arbitrary: fc.constantFrom('$PORT', '${W:-4}', '"$(nproc)"', '`nproc`', ':$PORT', '%(ENV_X)s', '%i', '{{ .Values.w }}', '$(HOST)') },
  { weight: 2, arbitrary: fc.constantFrom("'a b'", '"a \\"b\\""', 'a\\ b', "''", '""', '--name="x y"', "it'\\''s") },
  { weight: 1, arbitrary: fc.constantFrom('&&', ';', '|', '#', '# comment', '>', '2>&1', '\\', '"', "'", '[', ']', ',', ': ', '- ', '=') },
  { weight: 1, arbitrary: oddWord },
);

function launchFileOf(argument: fc.Arbitrary<string>, dress: fc.Arbitrary<Dress>): fc.Arbitrary<GeneratedFile> {
  const launchCommand = fc
    .tuple(launchWrapper, launchServer, fc.array(argument, { maxLength: 8 }), fc.constantFrom('', '', ' && echo done', '; exit 0', ' # note', ' > log 2>&1'))
    .map(([wrapper, server, args, tail]) => ({ argv: [server, ...args], shell: `${wrapper}${[server, ...args].join(' ')}${tail}` }));
  const shCommand = launchCommand.chain((command) =>
    fc.constantFrom(command.shell, `sh -c "${command.shell.replace(/["\\$`]/g, '\\$&')}"`, `bash -ec '${command.shell.replace(/'/g, `'\\''`)}'`, `python manage.py migrate && ${command.shell}`),
  );
  const jsonArray = (words: readonly string[], spacing: string) => `[${spacing}${words.map((word) => JSON.stringify(word)).join(`,${spacing}`)}${spacing}]`;

  const launchLines: Record<string, fc.Arbitrary<string[]>> = {
    '/project/Dockerfile': fc
      .tuple(launchCommand, shCommand, fc.constantFrom('', ' ', '  '), fc.constantFrom('CMD', 'ENTRYPOINT'), fc.boolean(), fc.array(fc.constantFrom('FROM python:3.12 AS base', 'FROM base', 'ENV UWSGI_THREADS=10 B="two words"', 'ENV A 1', 'WORKDIR /app', 'WORKDIR sub', 'ARG PORT=8000', '# escape=`', 'RUN pip install gunicorn \\', '  && echo ok', 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["--preload"]', 'HEALTHCHECK CMD curl -f http://x/ || exit 1', 'USER app'), { maxLength: 6 }))
      .map(([command, shell, spacing, keyword, exec, others]) => ['FROM python:3.12', ...others, exec ? `${keyword} ${jsonArray(command.argv, spacing)}` : `${keyword} ${shell.replace(/ --/g, ' \\\n    --')}`]),
    '/project/Procfile': fc.tuple(shCommand, fc.constantFrom('web', 'worker', 'release')).map(([command, name]) => [`${name}: ${command}`, 'worker: celery -A app worker']),
    '/project/docker-compose.yml': fc
      .tuple(launchCommand, shCommand, fc.constantFrom('string', 'single', 'double', 'flow', 'block', 'folded'))
      .map(([command, shell, style]) => {
        const value =
          style === 'string' ? shell : style === 'single' ? `'${shell.replace(/'/g, "''")}'` : style === 'double' ? JSON.stringify(shell) : style === 'flow' ? jsonArray(command.argv, ' ') : style === 'folded' ? `>\n      ${shell}` : `\n${command.argv.map((word) => `      - ${JSON.stringify(word)}`).join('\n')}`;
        return ['services:', '  web:', '    build: .', `    command: ${value}`, '    environment:', '      UWSGI_THREADS: 10', '    env_file: [.env]'];
      }),
    '/project/k8s/deployment.yaml': fc
      .tuple(launchCommand, fc.boolean(), fc.boolean())
      .map(([command, flow, templated]) => [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: ${templated ? '{{ .Release.Name }}' : 'web'}}`,
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: app',
        ...(flow ? [`          command: ${jsonArray(command.argv, '')}`] : ['          command:', ...command.argv.map((word) => `            - ${JSON.stringify(word)}`)]),
        '          env:',
        '            - name: WEB_CONCURRENCY',
        `              value: ${templated ? '{{ .Values.workers }}' : '"4"'}`,
        '---',
        'kind: Service',
      ]),
    '/project/deploy/app.service': fc
      .tuple(launchCommand, fc.constantFrom('', '-', '@', '+', '!!'))
      .map(([command, prefix]) => ['[Unit]', 'Description=x', '[Service]', 'Environment="A=1" B=2', 'EnvironmentFile=-/etc/default/app', 'WorkingDirectory=/srv/app', 'ExecStart=', `ExecStart=${prefix}${command.argv.join(' \\\n# comment\n  ')}`, 'Restart=always']),
    '/project/supervisord.conf': launchCommand.map((command) => ['[supervisord]', 'nodaemon=true', '[program:web]', `command=${command.argv.join('\n    ')} ; a comment`, 'environment=A="1",B=two', 'directory=/srv']),
    '/project/scripts/entrypoint.sh': fc
      .tuple(shCommand, fc.array(fc.constantFrom('set -e', 'cd "$(dirname "$0")"', 'export GUNICORN_CMD_ARGS="--workers=3"', 'UWSGI_X=1', 'export UWSGI_X', 'cat <<EOF', 'EOF', 'if [ -n "$X" ]; then', 'fi', 'case "$1" in', 'web) exec gunicorn app;;', 'esac', 'start() {', '}'), { maxLength: 8 }))
      .map(([command, before]) => ['#!/bin/sh', ...before, command]),
    '/project/render.yaml': shCommand.map((command) => ['services:', '  - type: web', '    name: api', `    startCommand: ${JSON.stringify(command)}`, '    envVars:', '      - key: A', '        value: 1']),
  };

  return fc.oneof(
    ...Object.entries(launchLines).map(([path, lines]) => fc.tuple(lines, dress).map(([content, style]) => ({ path, text: dressed(content.flatMap((line) => line.split('\n')), style) }))),
  );
}

/** A launch file of every kind the readers know, with odd words, odd line endings and all around it. */
export const launchFileOfEveryKind = launchFileOf(launchArgument, dressArbitrary);

/**
 * The same with arguments a fix could meet on a working launch line, and no blanks after a line's last character
 * (they would end a `\` continuation): an added argument must read back.
 */
export const wellFormedLaunchFile = launchFileOf(plainLaunchArgument, dressArbitrary.map((dress) => ({ ...dress, trailing: [''] })));

/** A real launch file (test/corpus/launch) at the path its repository keeps it, after a few mutations. */
export const mutatedLaunchFile: fc.Arbitrary<GeneratedFile> = (() => {
  const folder = join(__dirname, '..', 'corpus', 'launch');
  const [, ...rows] = readFileSync(join(folder, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const files = rows.map((row) => {
    const [local, , pathInRepo] = row.split('\t');
    return { path: `/project/${pathInRepo}`, text: readFileSync(join(folder, local), 'utf8') };
  });
  return fc.tuple(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([file, changes]) => ({ path: file.path, text: changes.reduce(mutate, file.text) }));
})();

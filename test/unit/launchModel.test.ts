import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf, toDiagnostic } from '../../server/src/features/diagnostics';
import { fixAllFiles } from '../../server/src/features/codeActions';
import { readUwsgiCommandLine } from '../../server/src/model/uwsgiCommandLine';
import { readGunicornCommandLine } from '../../server/src/model/gunicornCommandLine';
import { readLaunchFile } from '../../server/src/parse/launch/registry';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

function launchOf(path: string, text: string) {
  const { launches } = readLaunchFile(path, text);
  assert.ok(launches.length === 1, `one launch in ${path}`);
  return launches[0];
}

function findings(files: Record<string, string>, path: string) {
  const analysis = analyze(path, files[path], {}, memoryWorkspace(files));
  return analysis ? diagnosticsOf(analysis).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code}`) : undefined;
}

function messages(files: Record<string, string>, path: string, code: string) {
  const analysis = analyze(path, files[path], {}, memoryWorkspace(files));
  assert.ok(analysis);
  return diagnosticsOf(analysis)
    .filter((d) => d.code === code)
    .map((d) => d.message);
}

const AGENT_FLAGS_OFF = '[uwsgi]\nmodule = app.wsgi\nmaster = true\nsingle-interpreter = true\nlazy-apps = true\n';

describe('uWSGI command line, read as getopt_long reads it', () => {
  test('long options with and without =, flags, grouped shortcuts, prefixes, files and sections', () => {
    const text = 'web: uwsgi --ini deploy/uwsgi.ini:prod --enable-threads -Mp4 --processes=2 --single-interp --singel-interpreter --http :8000 extra.yaml\n';
    const line = readUwsgiCommandLine(launchOf('/project/Procfile', text));
    assert.deepEqual(
      line.items.map((item) => (item.kind === 'option' ? `${item.origin} ${item.key}=${item.value}` : `${item.format} ${item.file} [${item.section}]`)),
      ['ini deploy/uwsgi.ini [prod]', 'cli enable-threads=', 'cli master=', 'cli processes=4', 'cli processes=2', 'cli single-interpreter=', 'cli http=:8000', 'yaml extra.yaml [uwsgi]'],
    );
    assert.deepEqual(
      line.problems.map((problem) => `${problem.kind} ${problem.name} ${text.slice(problem.range.start.character, problem.range.end.character)}`),
      ['prefix single-interp --single-interp', 'unknown singel-interpreter --singel-interpreter'],
    );
  });

  test('UWSGI_* variables come first, reserved names and values with expansions are kept apart', () => {
    const text = 'FROM python\nENV UWSGI_THREADS=10 UWSGI_RELOADS=3 UWSGI_PROCESSES=$N\nCMD ["uwsgi", "--ini", "/app/uwsgi.ini", "--processes", "2"]\n';
    const line = readUwsgiCommandLine(launchOf('/project/Dockerfile', text));
    assert.deepEqual(
      line.items.map((item) => (item.kind === 'option' ? `${item.origin} ${item.key}=${item.value}${item.opaque ? ' (opaque)' : ''}` : `${item.format} ${item.file}`)),
      ['env threads=10', 'env processes=$N (opaque)', 'ini /app/uwsgi.ini', 'cli processes=2'],
    );
  });

  test('an option missing its value, a value given to a flag, an ambiguous start', () => {
    const text = 'web: uwsgi --master=true --enable --processes\n';
    const problems = readUwsgiCommandLine(launchOf('/project/Procfile', text)).problems.map((problem) => `${problem.kind} ${problem.name}`);
    assert.deepEqual(problems, ['unexpected-value master', 'ambiguous enable', 'missing-value processes']);
  });
});

describe('Gunicorn command line, read as argparse reads it', () => {
  test('settings in precedence order, the config file, the app module, refused words', () => {
    const text = 'FROM python\nENV PORT=8000 GUNICORN_CMD_ARGS="--workers=3 --timeout 30"\nCMD ["gunicorn", "-c", "conf/server.py", "-w4", "--preload", "--bnid=:1", "--work=2", "--keep-al", "9", "shop.wsgi"]\n';
    const line = readGunicornCommandLine(launchOf('/project/Dockerfile', text));
    assert.deepEqual(
      line.settings.map((setting) => `${setting.from} ${setting.facts.name}=${setting.value ?? '(flag)'}`),
      ['env bind=0.0.0.0:8000', 'cmd-args workers=3', 'cmd-args timeout=30', 'cli workers=4', 'cli preload_app=(flag)', 'cli keepalive=9'],
    );
    assert.equal(line.configFile?.file, 'conf/server.py');
    assert.equal(line.appModule?.value, 'shop.wsgi');
    assert.deepEqual(
      line.problems.map((problem) => `${problem.kind} ${problem.name}`),
      ['unknown --bnid', 'ambiguous --work', 'prefix --keep-al'],
    );
  });
});

describe('the effective configuration of a launch', () => {
  test('a Dockerfile flag clears the missing flag of the ini it launches (issue 12, first case)', () => {
    const files = {
      '/project/uwsgi.ini': AGENT_FLAGS_OFF,
      '/project/Dockerfile': 'FROM python:3.11\nWORKDIR /app\nCMD ["uwsgi", "--ini", "uwsgi.ini", "--enable-threads"]\n',
    };
    assert.deepEqual(findings(files, '/project/uwsgi.ini'), []);
    assert.deepEqual(findings(files, '/project/Dockerfile'), []);
    // Without the launch the ini alone misses it, as before.
    assert.deepEqual(findings({ '/project/uwsgi.ini': AGENT_FLAGS_OFF }, '/project/uwsgi.ini'), ['0:0 error uwsgi/enable-threads']);
  });

  test('a launch with no ini gets the missing flags on its own line, and the fix keeps the array valid JSON', () => {
    const files = { '/project/Dockerfile': 'FROM python:3.11\nCMD ["uwsgi", "--http-socket", ":8080", "--wsgi-file", "wsgi.py", "--master"]\n' };
    assert.deepEqual(findings(files, '/project/Dockerfile'), ['1:5 error uwsgi/enable-threads', '1:5 warning uwsgi/single-interpreter', '1:5 warning uwsgi/lazy-apps']);
    const fixed = fixAllFiles('/project/Dockerfile', files['/project/Dockerfile'], {}, memoryWorkspace(files)).get('/project/Dockerfile') ?? '';
    assert.equal(fixed, 'FROM python:3.11\nCMD ["uwsgi", "--http-socket", ":8080", "--wsgi-file", "wsgi.py", "--master", "--enable-threads", "--single-interpreter", "--lazy-apps"]\n');
    assert.deepEqual(JSON.parse(fixed.split('\n')[1].slice(4)).length, 9);
    assert.deepEqual(findings({ '/project/Dockerfile': fixed }, '/project/Dockerfile'), []);
  });

  test('an ini launched as file:section is read from that section (issue 12, third case)', () => {
    const files = {
      '/project/uwsgi.ini': '[common]\nmodule = app.wsgi\nmaster = true\n\n[prod]\nini = :common\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n',
      '/project/Procfile': 'web: uwsgi --ini uwsgi.ini:prod\n',
    };
    assert.deepEqual(findings(files, '/project/uwsgi.ini'), []);
    const withoutThreads = { ...files, '/project/uwsgi.ini': files['/project/uwsgi.ini'].replace('enable-threads = true\n', '') };
    // On the section's header, not on line 1.
    assert.deepEqual(findings(withoutThreads, '/project/uwsgi.ini'), ['4:0 error uwsgi/enable-threads']);
  });

  test('the fix for a missing flag goes into the ini the launch names, and says so', () => {
    const files = { '/project/uwsgi.ini': AGENT_FLAGS_OFF, '/project/Procfile': 'web: uwsgi --ini uwsgi.ini --master\n' };
    const fixed = fixAllFiles('/project/uwsgi.ini', files['/project/uwsgi.ini'], {}, memoryWorkspace(files));
    assert.equal(fixed.get('/project/uwsgi.ini'), `${AGENT_FLAGS_OFF}enable-threads = true\n`);
    assert.deepEqual(findings(files, '/project/Procfile'), []);
  });

  test('a config launched by two launches that disagree says which launch a finding comes from', () => {
    const files = {
      '/project/uwsgi.ini': AGENT_FLAGS_OFF,
      '/project/Procfile': 'web: uwsgi --ini uwsgi.ini --enable-threads\nworker: uwsgi --ini uwsgi.ini\n',
    };
    assert.deepEqual(messages(files, '/project/uwsgi.ini', 'uwsgi/enable-threads').map((message) => message.replace(/^.*\(when/, '(when')), ['(when launched by worker in Procfile)']);
  });

  test('the command line overriding the ini is information, on both sides', () => {
    const files = { '/project/uwsgi.ini': `${AGENT_FLAGS_OFF}enable-threads = true\nprocesses = 4\n`, '/project/Procfile': 'web: uwsgi --ini uwsgi.ini --processes 8\n' };
    assert.deepEqual(findings(files, '/project/uwsgi.ini'), ['6:0 information uwsgi/overridden-option']);
    assert.deepEqual(findings(files, '/project/Procfile'), ['0:27 information uwsgi/overridden-option']);
    const analysis = analyze('/project/uwsgi.ini', files['/project/uwsgi.ini'], {}, memoryWorkspace(files));
    assert.deepEqual(analysis && toDiagnostic(analysis.findings[0]).related, [{ range: { start: { line: 0, character: 27 }, end: { line: 0, character: 38 } }, message: '`--processes` wins', path: '/project/Procfile' }]);
  });

  test('UWSGI_ENABLE_THREADS in the environment satisfies the agent; a $VAR is never judged', () => {
    const files = {
      '/project/uwsgi.ini': AGENT_FLAGS_OFF,
      '/project/Dockerfile': 'FROM python\nENV UWSGI_ENABLE_THREADS=1\nCMD uwsgi --ini uwsgi.ini --processes $WORKERS --http-socket :$PORT\n',
    };
    assert.deepEqual(findings(files, '/project/uwsgi.ini'), []);
    assert.deepEqual(findings(files, '/project/Dockerfile'), []);
  });

  test('Procfile: --preload and gevent workers on a Gunicorn launch line (issue 12, second case)', () => {
    const files = { '/project/Procfile': 'web: gunicorn shop.wsgi -k gevent --preload\n' };
    // gevent-patch-order too: the preloaded app is imported before the gevent workers patch (no config patches first).
    assert.deepEqual(findings(files, '/project/Procfile'), ['0:27 information gunicorn/async-worker', '0:34 warning gunicorn/preload-app', '0:34 warning gunicorn/gevent-patch-order']);
    const fixed = fixAllFiles('/project/Procfile', files['/project/Procfile'], {}, memoryWorkspace(files)).get('/project/Procfile');
    assert.equal(fixed, files['/project/Procfile']);
  });

  test('gunicorn -c names the Gunicorn config whatever its name, and the command line wins over it', () => {
    const files = { '/project/config/server.py': 'workers = 2\npreload_app = True\n', '/project/Procfile': 'web: gunicorn -c config/server.py shop.wsgi --workers 3 --workers=abc\n' };
    assert.deepEqual(findings(files, '/project/config/server.py'), ['0:0 information gunicorn/overridden-setting', '1:14 warning gunicorn/preload-app']);
    assert.deepEqual(findings(files, '/project/Procfile'), ['0:56 information gunicorn/overridden-setting', '0:66 error gunicorn/invalid-value']);
  });

  test('unknown options are errors with did-you-mean and a fix; a unique prefix is a hint', () => {
    const files = { '/project/Procfile': 'web: gunicorn app:app --bnid :8000\nworker: uwsgi --master --singel-interpreter --enable-threads --lazy-apps --single-interp --module app\n' };
    assert.deepEqual(messages(files, '/project/Procfile', 'launch/unknown-option'), [
      "`--bnid` is not a Gunicorn option: Gunicorn refuses to start (`gunicorn: error: unrecognized arguments: --bnid`). Did you mean `--bind`?",
      "`--singel-interpreter` is not a uWSGI option: uWSGI refuses to start (`uwsgi: unrecognized option '--singel-interpreter'`). Did you mean `--single-interpreter`?",
    ]);
    assert.deepEqual(findings(files, '/project/Procfile'), ['0:22 error launch/unknown-option', '1:23 error launch/unknown-option', '1:73 hint launch/option-prefix']);
    const fixed = fixAllFiles('/project/Procfile', files['/project/Procfile'], {}, memoryWorkspace(files)).get('/project/Procfile');
    assert.equal(fixed, 'web: gunicorn app:app --bind :8000\nworker: uwsgi --master --single-interpreter --enable-threads --lazy-apps --single-interpreter --module app\n');
  });

  test('hover on a flag shows the option; completion after -- lists the options', () => {
    const files = { '/project/Procfile': 'web: uwsgi --single-interp --module app\nworker: gunicorn app:app --pre\n' };
    const analysis = analyze('/project/Procfile', files['/project/Procfile'], {}, memoryWorkspace(files));
    assert.ok(analysis);
    assert.match(hoverAt(analysis.document, { line: 0, character: 14 })?.contents ?? '', /^\*\*single-interpreter\*\* \(uWSGI option/);
    assert.match(hoverAt(analysis.document, { line: 1, character: 28 })?.contents ?? '', /^\*\*preload_app\*\* \(Gunicorn setting/);
    const items = completionsAt(analysis.document, { line: 1, character: 30 });
    assert.ok(items.some((item) => item.label === '--preload'));
    assert.deepEqual(items[0].range, { start: { line: 1, character: 25 }, end: { line: 1, character: 30 } });
  });

  test('a config file the launch names and pydeploy does not read is said once, on the launch line', () => {
    const files = { '/project/Procfile': 'web: uwsgi --yaml app.yaml --ini nosuch.ini --ini x.ini:prod\n', '/project/x.ini': '[uwsgi]\nmaster = 1\n' };
    assert.deepEqual(messages(files, '/project/Procfile', 'uwsgi/include-not-found'), [
      'pydeploy reads ini files only, not this YAML config: the options it sets are not known, and checks that need them are skipped.',
      '`nosuch.ini` is not in the workspace: checks that need the options it sets are skipped.',
      '`x.ini` has no [prod] section: uWSGI reads nothing from it.',
    ]);
    // A bare `file.ini:section` is no file uWSGI can load (measured with 2.0.21): an error, pointing to `--ini`.
    assert.match(messages({ '/project/Procfile': 'web: uwsgi x.ini:prod\n' }, '/project/Procfile', 'launch/unknown-option')[0], /refuses to start .* `--ini x\.ini:prod`/);
  });

  test('every launch-file kind: Compose, Kubernetes, systemd, supervisord, scripts', () => {
    const files = {
      '/project/uwsgi.ini': AGENT_FLAGS_OFF,
      '/project/docker-compose.yml': 'services:\n  web:\n    image: app\n    command: gunicorn shop.wsgi --preload --bnid :8000\n',
      '/project/k8s/deployment.yaml': 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          command: ["uwsgi", "--ini", "uwsgi.ini"]\n          env:\n            - name: UWSGI_ENABLE_THREADS\n              value: "1"\n',
      '/project/deploy/app.service': '[Service]\nWorkingDirectory=/srv/app\nExecStart=/srv/venv/bin/uwsgi --ini /srv/app/uwsgi.ini --singel-interpreter\n',
      '/project/supervisord.conf': '[program:web]\ncommand=uwsgi --ini uwsgi.ini --enable-threads\n',
      '/project/scripts/start.sh': '#!/bin/sh\nexport GUNICORN_CMD_ARGS="--workers=abc"\nexec gunicorn app:app\n',
    };
    assert.deepEqual(findings(files, '/project/docker-compose.yml'), ['3:32 warning gunicorn/preload-app', '3:42 error launch/unknown-option']);
    assert.deepEqual(findings(files, '/project/k8s/deployment.yaml'), []);
    assert.deepEqual(findings(files, '/project/deploy/app.service'), ['2:55 error launch/unknown-option']);
    assert.deepEqual(findings(files, '/project/supervisord.conf'), []);
    assert.deepEqual(findings(files, '/project/scripts/start.sh'), ['1:36 error gunicorn/invalid-value']);
    // The ini is launched by four launches; only the unit's leaves threads off, and the finding says so.
    assert.deepEqual(messages(files, '/project/uwsgi.ini', 'uwsgi/enable-threads').map((message) => message.replace(/^.*\(when/, '(when')), ['(when launched by ExecStart in app.service)']);
  });

  test('a Compose service that builds the Dockerfile runs its launch with the service\'s environment', () => {
    const files = {
      '/project/uwsgi.ini': AGENT_FLAGS_OFF,
      '/project/Dockerfile': 'FROM python\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n',
      '/project/docker-compose.yml': 'services:\n  web:\n    build: .\n    environment:\n      UWSGI_ENABLE_THREADS: "1"\n',
    };
    assert.deepEqual(messages(files, '/project/uwsgi.ini', 'uwsgi/enable-threads').map((message) => message.replace(/^.*\(when/, '(when')), ['(when launched by CMD in Dockerfile)']);
  });

  test('an env file of the workspace is part of the launch\'s environment', () => {
    const files = {
      '/project/uwsgi.ini': AGENT_FLAGS_OFF,
      '/project/.env': '# uWSGI from the environment\nexport UWSGI_ENABLE_THREADS="1"\n',
      '/project/docker-compose.yml': 'services:\n  web:\n    image: app\n    command: uwsgi --ini uwsgi.ini\n    env_file: .env\n',
    };
    assert.deepEqual(findings(files, '/project/uwsgi.ini'), []);
    assert.deepEqual(findings({ ...files, '/project/.env': '' }, '/project/uwsgi.ini'), ['0:0 error uwsgi/enable-threads']);
  });

  test('a launch file that starts no server is not analysed', () => {
    assert.equal(analyze('/project/Dockerfile', 'FROM nginx\nCMD ["nginx", "-g", "daemon off;"]\n', {}, memoryWorkspace({})), undefined);
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';

// The project keeps a newrelic.ini as well, so New Relic's `wsgi-env-behavior = holy` is there too.
const UWSGI = '[uwsgi]\nmodule = app.wsgi:application\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\nwsgi-env-behavior = holy\n';
const WSGI = 'from tornado.wsgi import WSGIAdapter\nimport tornado.web\napplication = WSGIAdapter(tornado.web.Application([]))\n';

function project(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-agent-'));
  mkdirSync(join(folder, 'deploy'));
  mkdirSync(join(folder, 'app'));
  writeFileSync(join(folder, 'deploy', 'uwsgi.ini'), UWSGI);
  writeFileSync(join(folder, 'app', '__init__.py'), '');
  writeFileSync(join(folder, 'app', 'wsgi.py'), WSGI);
  writeFileSync(join(folder, 'tingyun.ini'), '[tingyun]\nlicense_key = k\nssl = yes\n');
  writeFileSync(join(folder, 'requirements.txt'), 'tornado==6.4.1\n');
  writeFileSync(join(folder, 'newrelic.ini'), '[newrelic]\nlicense_key = x\n');
  return folder;
}

test('pydeploy check on a folder runs the cross-file rules: agent config, Tornado pin, Tornado behind WSGI', () => {
  const folder = project();
  try {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(['check', folder], (text) => out.push(text), (text) => err.push(text));
    assert.equal(code, 1);
    assert.deepEqual(
      out.join('\n').split('\n').map((line) => line.slice(folder.length + 1).split(' ').slice(0, 3).join(' ')),
      ['deploy/uwsgi.ini:2:10: warning tornado/wsgi-adapter-mode', 'requirements.txt:1:1: warning tornado/unsupported-version', 'tingyun.ini:3:7: error tingyun/invalid-value'],
    );
    assert.deepEqual(err, ['pydeploy: 4 files checked: 1 error, 2 warnings, 0 information, 0 hints']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('pydeploy check --fix writes both the server config\'s fix into tingyun.ini and the agent config\'s own fixes', () => {
  const folder = project();
  try {
    const out: string[] = [];
    const err: string[] = [];
    main(['check', '--fix', folder], (text) => out.push(text), (text) => err.push(text));
    assert.equal(readFileSync(join(folder, 'tingyun.ini'), 'utf8'), '[tingyun]\nlicense_key = k\nssl = true\ntornado_wsgi_adapter_mode = true\n');
    assert.equal(readFileSync(join(folder, 'deploy', 'uwsgi.ini'), 'utf8'), UWSGI);
    assert.deepEqual(out.join('\n').split('\n').map((line) => line.slice(folder.length + 1).split(' ').slice(0, 3).join(' ')), ['requirements.txt:1:1: warning tornado/unsupported-version']);
    // The server config's fix lands in the agent's config, which also gets its own: two fixes there, none in uwsgi.ini.
    assert.deepEqual(err, [`fixed: ${join(folder, 'tingyun.ini')} (2 fixes)`, 'pydeploy: 4 files checked: 0 errors, 1 warning, 0 information, 0 hints']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

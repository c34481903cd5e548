// The workspace as one deployment: Tornado apps served by uWSGI or Gunicorn (the agent's solutions B and C), a
// native Tornado app (A), and a Tornado pin the agent does not support. Each fixture is a whole project in memory.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { fixAllFiles, quickFixes } from '../../server/src/features/codeActions';
import { applyTextEdits } from '../../server/src/text/edits';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

type Files = Record<string, string>;

function codes(files: Files, path: string): string[] {
  const analysis = analyze(path, files[path], {}, memoryWorkspace(files));
  assert.ok(analysis, `${path} is not handled`);
  return diagnosticsOf(analysis).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
}

const AGENT = '[tingyun]\nlicense_key = 0123-abcd\nenabled = true\n';
const UWSGI = '[uwsgi]\nmodule = deploy.wsgi:application\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';
const ADAPTER_APP = [
  '# A Tornado 4 app served by a WSGI server (not by tornado.httpserver)',
  'import tornado.web',
  'import tornado.wsgi',
  'from app.handlers import routes',
  '',
  'application = tornado.wsgi.WSGIAdapter(tornado.web.Application(routes))',
  '',
].join('\n');
const NATIVE_APP = [
  'import tornado.ioloop',
  'import tornado.web',
  '',
  'application = tornado.web.Application([])',
  '',
  'if __name__ == "__main__":',
  '    application.listen(8888)',
  '    tornado.ioloop.IOLoop.current().start()',
  '',
].join('\n');
const FLASK_APP = 'from flask import Flask\n\napp = Flask(__name__)\n';

/** Solution B: uWSGI serves a Tornado app wrapped in WSGIAdapter. */
function solutionB(agent = AGENT): Files {
  return {
    '/project/uwsgi.ini': UWSGI,
    '/project/deploy/__init__.py': '',
    '/project/deploy/wsgi.py': ADAPTER_APP,
    '/project/app/handlers.py': 'routes = []\n',
    '/project/tingyun.ini': agent,
    '/project/requirements.txt': 'tornado==4.5.3\n',
  };
}

describe('tornado/wsgi-adapter-mode', () => {
  test('A: a native Tornado app, even under Gunicorn\'s tornado worker, needs no WSGI mode', () => {
    const files = {
      '/project/server.py': NATIVE_APP,
      '/project/gunicorn.conf.py': 'wsgi_app = "server:application"\nworker_class = "tornado"\nworker_connections = 100\nmax_requests = 1000\n',
      '/project/tingyun.ini': AGENT,
      '/project/requirements.txt': 'tornado>=4.0,<5\n',
    };
    assert.deepEqual(codes(files, '/project/gunicorn.conf.py'), []);
    assert.deepEqual(codes(files, '/project/requirements.txt'), []);
  });

  test('B: uWSGI serving WSGIAdapter, found through the module the config names (and the comment is not code)', () => {
    const files = solutionB();
    assert.deepEqual(codes(files, '/project/uwsgi.ini'), ['1:9 tornado/wsgi-adapter-mode']);
    const message = diagnosticsOf(analyze('/project/uwsgi.ini', files['/project/uwsgi.ini'], {}, memoryWorkspace(files))!)[0].message;
    assert.match(message, /wsgi\.py serves a Tornado app through `WSGIAdapter`, but tingyun\.ini does not set `tornado_wsgi_adapter_mode`/);
    // Only a comment mentions it: no finding.
    const commentOnly = { ...files, '/project/deploy/wsgi.py': '# tornado.wsgi.WSGIAdapter is not used here\nfrom flask import Flask\napplication = Flask("x")\n' };
    assert.deepEqual(codes(commentOnly, '/project/uwsgi.ini'), []);
  });

  test('B: a wsgi-file written with %d and a placeholder is found as uWSGI expands it (%d ends with a slash)', () => {
    const files = { ...solutionB(), '/project/uwsgi.ini': UWSGI.replace('module = deploy.wsgi:application', 'app_dir = deploy\nwsgi-file = %d/%(app_dir)/wsgi.py') };
    assert.deepEqual(codes(files, '/project/uwsgi.ini'), ['2:12 tornado/wsgi-adapter-mode']);
    // uWSGI 2.0.21 prints `%d` of /tmp/x/a.ini as `/tmp/x/`: `%d%(app_dir)` is /project/deploy too.
    const glued = { ...files, '/project/uwsgi.ini': files['/project/uwsgi.ini'].replace('%d/%(app_dir)', '%d%(app_dir)') };
    assert.deepEqual(codes(glued, '/project/uwsgi.ini'), ['2:12 tornado/wsgi-adapter-mode']);
  });

  test('B: the fix edits the agent config: adds the line, turns a false or unreadable value true, creates [tingyun]', () => {
    const fixed = (agent: string) => {
      const files = solutionB(agent);
      const analysis = analyze('/project/uwsgi.ini', files['/project/uwsgi.ini'], {}, memoryWorkspace(files))!;
      const [action] = quickFixes(analysis, analysis.findings[0].finding.range);
      assert.equal(action.title, "Set 'tornado_wsgi_adapter_mode = true' in tingyun.ini");
      assert.deepEqual(action.edits, []);
      assert.equal(action.otherEdits.length, 1);
      assert.equal(action.otherEdits[0].path, '/project/tingyun.ini');
      return applyTextEdits(agent, action.otherEdits[0].edits);
    };
    assert.equal(fixed(AGENT), `${AGENT}tornado_wsgi_adapter_mode = true\n`);
    assert.equal(fixed('[tingyun]\nlicense_key = k\ntornado_wsgi_adapter_mode = False\n'), '[tingyun]\nlicense_key = k\ntornado_wsgi_adapter_mode = true\n');
    assert.equal(fixed('[tingyun]\ntornado_wsgi_adapter_mode = yes\nlicense_key = k\n'), '[tingyun]\ntornado_wsgi_adapter_mode = true\nlicense_key = k\n');
    assert.equal(fixed('; agent\n'), '; agent\n\n[tingyun]\ntornado_wsgi_adapter_mode = true\n');
    // Once the agent config says so, the finding is gone.
    assert.deepEqual(codes(solutionB(`${AGENT}tornado_wsgi_adapter_mode = On\n`), '/project/uwsgi.ini'), []);
  });

  test('B: fix-all returns the new text of both files', () => {
    const files = solutionB();
    const result = fixAllFiles('/project/uwsgi.ini', files['/project/uwsgi.ini'], {}, memoryWorkspace(files));
    assert.equal(result.get('/project/uwsgi.ini'), UWSGI);
    assert.equal(result.get('/project/tingyun.ini'), `${AGENT}tornado_wsgi_adapter_mode = true\n`);
  });

  test('B: TING_YUN_CONFIG_FILE names the agent config (a path of the servers, found by its tail), and that file is an agent config', () => {
    const files: Files = {
      '/project/deploy/uwsgi.ini': '[uwsgi]\nchdir = /srv/shop\nwsgi-file = deploy/wsgi.py\nenv = TING_YUN_CONFIG_FILE=/srv/shop/conf/apm.ini\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n',
      '/project/deploy/wsgi.py': ADAPTER_APP,
      '/project/conf/apm.ini': '; no section yet\n',
      '/project/tingyun.ini': `${AGENT}tornado_wsgi_adapter_mode = true\n`,
    };
    assert.deepEqual(codes(files, '/project/deploy/uwsgi.ini'), ['2:12 tornado/wsgi-adapter-mode']);
    assert.deepEqual(codes(files, '/project/conf/apm.ini'), ['0:0 tingyun/missing-section']);
  });

  test('C: Gunicorn\'s tornado worker serving a WSGI app, implicitly or through WSGIContainer', () => {
    const gunicorn = 'wsgi_app = "web:app"\nworker_class = "tornado"\nworker_connections = 100\nmax_requests = 1000\nraw_env = ["TING_YUN_CONFIG_FILE=agent/tingyun.ini"]\n';
    const files: Files = { '/project/gunicorn.conf.py': gunicorn, '/project/web.py': FLASK_APP, '/project/agent/tingyun.ini': AGENT };
    assert.deepEqual(codes(files, '/project/gunicorn.conf.py'), ['1:15 tornado/wsgi-adapter-mode']);
    const container = { ...files, '/project/web.py': 'from tornado.wsgi import WSGIContainer\nfrom flaskapp import flask_app\napp = WSGIContainer(flask_app)\n' };
    const message = diagnosticsOf(analyze('/project/gunicorn.conf.py', gunicorn, {}, memoryWorkspace(container))!)[0].message;
    assert.match(message, /through `WSGIContainer`/);
    // The fix reaches the file raw_env names.
    const result = fixAllFiles('/project/gunicorn.conf.py', gunicorn, {}, memoryWorkspace(files));
    assert.equal(result.get('/project/agent/tingyun.ini'), `${AGENT}tornado_wsgi_adapter_mode = true\n`);
  });

  test('quiet when the app module or the agent config is not in the workspace', () => {
    const noModule: Files = solutionB();
    delete noModule['/project/deploy/wsgi.py'];
    assert.deepEqual(codes(noModule, '/project/uwsgi.ini'), []);
    const noAgent: Files = solutionB();
    delete noAgent['/project/tingyun.ini'];
    assert.deepEqual(codes(noAgent, '/project/uwsgi.ini'), []);
  });
});

describe('tornado/unsupported-version', () => {
  test('a Tornado 6 pin is reported on the pin, in every requirement format', () => {
    assert.deepEqual(codes({ '/project/requirements.txt': 'flask==2.0\ntornado==6.4.1  # web\n' }, '/project/requirements.txt'), ['1:0 tornado/unsupported-version']);
    assert.deepEqual(codes({ '/project/pyproject.toml': '[tool.poetry.dependencies]\ntornado = "^6.1"\n' }, '/project/pyproject.toml'), ['1:0 tornado/unsupported-version']);
    assert.deepEqual(codes({ '/project/poetry.lock': '[[package]]\nname = "tornado"\nversion = "5.1.1"\n' }, '/project/poetry.lock'), ['2:0 tornado/unsupported-version']);
    assert.deepEqual(codes({ '/project/Pipfile': '[packages]\ntornado = "==2.4"\n' }, '/project/Pipfile'), ['1:0 tornado/unsupported-version']);
    assert.deepEqual(codes({ '/project/setup.cfg': '[options]\ninstall_requires =\n    tornado>=6\n' }, '/project/setup.cfg'), ['2:4 tornado/unsupported-version']);
  });

  test('pins that allow a 3.x or 4.x, and unpinned Tornado, are not reported', () => {
    for (const text of ['tornado==4.5.3\n', 'tornado>=3.2,<5\n', 'tornado>=4\n', 'tornado\n', 'tornado~=3.2\n']) {
      assert.deepEqual(codes({ '/project/requirements.txt': text }, '/project/requirements.txt'), [], text);
    }
  });

  test('a Tornado 6 project served through WSGIAdapter gets both findings, each in its own file', () => {
    const files = { ...solutionB(), '/project/requirements.txt': 'tornado==6.0\n' };
    assert.deepEqual(codes(files, '/project/requirements.txt'), ['0:0 tornado/unsupported-version']);
    assert.deepEqual(codes(files, '/project/uwsgi.ini'), ['1:9 tornado/wsgi-adapter-mode']);
  });
});

describe('multi-root workspaces', () => {
  test('each folder is its own deployment: its agent config, its app module, its index', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { corePath, fileWorkspace } = await import('../../server/src/node/fileWorkspace');
    const parent = mkdtempSync(join(tmpdir(), 'pydeploy-roots-'));
    try {
      for (const [name, agent] of [['shop', `${AGENT}tornado_wsgi_adapter_mode = true\n`], ['blog', AGENT]]) {
        mkdirSync(join(parent, name, 'deploy'), { recursive: true });
        writeFileSync(join(parent, name, 'uwsgi.ini'), UWSGI);
        writeFileSync(join(parent, name, 'deploy', '__init__.py'), '');
        writeFileSync(join(parent, name, 'deploy', 'wsgi.py'), ADAPTER_APP);
        writeFileSync(join(parent, name, 'tingyun.ini'), agent);
      }
      const roots = [corePath(join(parent, 'shop')), corePath(join(parent, 'blog'))];
      const workspace = fileWorkspace(roots);
      const check = (root: string) => diagnosticsOf(analyze(`${root}/uwsgi.ini`, UWSGI, {}, workspace)!).map((d) => d.code);
      assert.deepEqual(check(roots[0]), []);
      assert.deepEqual(check(roots[1]), ['tornado/wsgi-adapter-mode']);
      assert.ok(workspace.filesUnder!(roots[1])!.every((path) => path.startsWith(`${roots[1]}/`)));
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

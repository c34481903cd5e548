/**
 * One small project per APM agent (and one with none), each showing its agent the way real projects do, with a
 * uWSGI config that misses what the agent needs: the protocol and command-line tests check them end to end. The
 * Datadog and no-agent projects serve a Tornado app through WSGIAdapter on a Tornado version Tingyun does not support,
 * so that the Tingyun-only rules (tornado/*) are seen to speak for the unnamed agent and keep quiet for Datadog.
 */
const BARE_UWSGI = '[uwsgi]\nmodule = app:application\nmaster = true\nprocesses = 4\n';
const READY_UWSGI = '[uwsgi]\nmodule = app:application\nmaster = true\nprocesses = 4\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';
/** What Datadog needs besides on uWSGI before 2.0.30: `skip-atexit` with `lazy-apps`, and uWSGI importing its start module. */
const DATADOG_READY_UWSGI = `${READY_UWSGI}skip-atexit = true\nimport = ddtrace.auto\n`;
const TORNADO_APP = 'import tornado.web\nimport tornado.wsgi\n\napplication = tornado.wsgi.WSGIAdapter(tornado.web.Application([]))\n';

export const AGENT_WORKSPACES: Record<string, Record<string, string>> = {
  datadog: {
    'uwsgi.ini': BARE_UWSGI,
    'app.py': TORNADO_APP,
    'requirements.txt': 'tornado==6.1\nddtrace==2.14.0\n',
    Dockerfile: 'FROM python:3.12\nENV DD_SERVICE=web\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n',
  },
  sentry: {
    'uwsgi.ini': '[uwsgi]\nmodule = app:application\nmaster = true\nprocesses = 4\nsingle-interpreter = true\nlazy-apps = true\n',
    'app.py': 'import sentry_sdk\n\nsentry_sdk.init(dsn="https://key@sentry.example/1")\napplication = None\n',
  },
  newrelic: {
    'uwsgi.ini': '[uwsgi]\nmodule = app:application\nmaster = true\nprocesses = 4\nthreads = 2\nlazy-apps = true\n',
    'newrelic.ini': '[newrelic]\nlicense_key = 0123\n',
    'app.py': 'application = None\n',
  },
  opentelemetry: {
    'uwsgi.ini': '[uwsgi]\nmodule = app:application\nmaster = true\nprocesses = 4\nsingle-interpreter = true\nlazy-apps = true\n',
    'requirements.txt': 'uwsgi==2.0.21\nopentelemetry-sdk==1.27.0\n',
    'app.py': 'application = None\n',
  },
  // Datadog named in the project file, with a tingyun.ini left over: Tingyun's rules stay quiet all the same. Its
  // uWSGI config is ready for Datadog.
  'datadog-named': {
    'uwsgi.ini': DATADOG_READY_UWSGI,
    'app.py': TORNADO_APP,
    'tingyun.ini': '[tingyun]\nlicense_key = 0123\n',
    'requirements.txt': 'tornado==6.1\n',
    'pyproject.toml': '[tool.pydeploy]\nagents = ["datadog"]\n',
  },
  // The same project without the setting and Datadog's uWSGI lines: tingyun.ini shows Tingyun, whose Tornado rules speak.
  tingyun: {
    'uwsgi.ini': READY_UWSGI,
    'app.py': TORNADO_APP,
    'tingyun.ini': '[tingyun]\nlicense_key = 0123\n',
    'requirements.txt': 'tornado==6.1\n',
  },
  none: {
    'uwsgi.ini': BARE_UWSGI,
    'app.py': TORNADO_APP,
    'requirements.txt': 'tornado==6.1\n',
  },
};

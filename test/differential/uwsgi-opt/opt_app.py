# The tiny WSGI app of uwsgiRuntime.test.ts: when uWSGI imports it, it prints, on one line of stderr, what the APM
# agents' own uWSGI checks read: `uwsgi.opt` (in order, each value with its Python type), `uwsgi.version_info`,
# `uwsgi.numproc` and `uwsgi.worker_id()` (0 in the master, when the app is loaded before the fork).
import json
import sys

import uwsgi


def as_json(value):
    if value is True:
        return True
    if isinstance(value, bytes):
        return value.decode('latin-1')
    return {'unexpected': repr(value)}


sys.stderr.write('pydeploy-uwsgi-runtime: ' + json.dumps({
    'opt': [[key, as_json(value)] for key, value in uwsgi.opt.items()],
    'version': list(uwsgi.version_info[:3]),
    'numproc': uwsgi.numproc,
    'workerId': uwsgi.worker_id(),
}) + '\n')
sys.stderr.flush()


def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'ok\n']

# The tiny WSGI app every corpus config loads (wsgi-file = app.py, or module = app).
def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'ok\n']

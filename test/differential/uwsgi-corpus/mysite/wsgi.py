# Stands in for a Django project's wsgi.py (module = mysite.wsgi:application), without Django.
def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'mysite\n']

uwsgi --socket :8001 --module config.wsgi

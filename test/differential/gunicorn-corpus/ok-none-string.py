wsgi_app = None
chdir = "."

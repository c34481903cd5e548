proc_name = "  myapp  "
accesslog = "-"
errorlog = '-'
loglevel = "warning"
pidfile = None

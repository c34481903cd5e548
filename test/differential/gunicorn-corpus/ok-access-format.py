access_log_format = '%(h)s %(l)s "%(r)s" %(s)s'

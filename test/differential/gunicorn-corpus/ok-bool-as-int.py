timeout = True
graceful_timeout = False

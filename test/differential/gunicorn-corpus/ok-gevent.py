worker_class = "gevent"
worker_connections = 500
max_requests = 1000
max_requests_jitter = 50

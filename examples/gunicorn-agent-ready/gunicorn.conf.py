# Gunicorn with gevent workers, set up so that the agent starts in every worker.
import multiprocessing

bind = "0.0.0.0:8000"
workers = multiprocessing.cpu_count() * 2 + 1
worker_class = "gevent"
worker_connections = 1000
max_requests = 2000
max_requests_jitter = 200
preload_app = False


def post_fork(server, worker):
    # Start the agent in each worker; it finds its config through TING_YUN_CONFIG_FILE.
    from tingyun.api import init_tingyun_agent

    init_tingyun_agent()

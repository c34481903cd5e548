bind = "0.0.0.0:8000"
workers = 4
threds = 2
timeout = "30s"
preload_app = True


def when_ready(server, extra):
    server.log.info("ready")

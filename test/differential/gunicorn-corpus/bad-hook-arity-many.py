def when_ready(server, extra):
    pass

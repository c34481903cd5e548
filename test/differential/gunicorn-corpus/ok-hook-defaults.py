def pre_fork(server, worker=None):
    pass

def when_ready(server, *args, **kwargs):
    pass

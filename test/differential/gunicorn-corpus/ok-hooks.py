def on_starting(server):
    pass

def post_fork(server, worker):
    pass

def worker_int(worker):
    pass

def nworkers_changed(server, new_value, old_value):
    pass

def post_request(worker, req, environ):
    pass

def post_fork(server):
    pass

def post_request(worker):
    pass

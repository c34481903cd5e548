post_worker_init = lambda worker: None
pre_request = lambda worker, req: None

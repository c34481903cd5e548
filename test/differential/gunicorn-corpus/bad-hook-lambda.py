worker_abort = lambda: None

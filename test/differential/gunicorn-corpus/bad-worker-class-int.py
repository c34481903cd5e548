worker_class = 3

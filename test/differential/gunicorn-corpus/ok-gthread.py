worker_class = "gthread"
threads = 8

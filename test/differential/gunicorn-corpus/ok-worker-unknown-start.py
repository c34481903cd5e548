worker_class = "meinheld"

worker_class = "gevnet"

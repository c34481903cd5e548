workers = 2
max_requests = "many"

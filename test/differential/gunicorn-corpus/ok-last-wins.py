workers = -1 if False else 2
timeout = 10
timeout = 20

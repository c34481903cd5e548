timeout = 10
timeout = -10

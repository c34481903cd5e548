timeout = 30.5

loglevel = ["debug"]

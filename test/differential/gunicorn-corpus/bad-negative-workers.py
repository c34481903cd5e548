workers = -2

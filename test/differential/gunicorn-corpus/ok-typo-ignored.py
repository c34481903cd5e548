threds = 4
timout = 5
workers = 2

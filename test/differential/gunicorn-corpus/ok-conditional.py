import os

if os.environ.get("DEV"):
    reload = True
    workers = 1
else:
    workers = 4

import multiprocessing
import os
workers = multiprocessing.cpu_count() * 2 + 1
bind = os.environ.get("BIND", "127.0.0.1:8000")
loglevel = f"{'in'}fo"

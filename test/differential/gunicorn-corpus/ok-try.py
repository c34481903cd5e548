try:
    import multiprocessing
    workers = multiprocessing.cpu_count()
except ImportError:
    workers = 2

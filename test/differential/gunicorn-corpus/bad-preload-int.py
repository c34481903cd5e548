preload_app = 1

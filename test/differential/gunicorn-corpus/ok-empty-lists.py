bind = []
raw_env = None
reload_extra_files = []

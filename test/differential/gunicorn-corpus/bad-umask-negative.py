umask = -1

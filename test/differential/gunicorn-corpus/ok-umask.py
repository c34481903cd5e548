umask = 0o022
user = 0
group = 0

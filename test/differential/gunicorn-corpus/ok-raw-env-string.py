raw_env = "B=2"

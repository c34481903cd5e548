raw_env = [{"A": "1"}]

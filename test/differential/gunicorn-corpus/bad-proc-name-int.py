proc_name = 42

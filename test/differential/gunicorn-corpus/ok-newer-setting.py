enable_backlog_metric = True
workers = 2

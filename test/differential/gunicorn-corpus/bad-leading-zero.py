backlog = "022"

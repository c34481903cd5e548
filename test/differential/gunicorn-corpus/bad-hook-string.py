pre_exec = "nodots"

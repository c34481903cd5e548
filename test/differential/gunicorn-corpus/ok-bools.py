reload = True
preload_app = False
capture_output = "TRUE"
reuse_port = " false "

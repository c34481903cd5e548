reload = True
reload_engine = "poll"

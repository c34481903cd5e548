reload_engine = "watchdog"

reload = "yes"

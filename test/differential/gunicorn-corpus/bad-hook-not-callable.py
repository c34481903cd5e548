on_exit = 5

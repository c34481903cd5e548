threads = "four"

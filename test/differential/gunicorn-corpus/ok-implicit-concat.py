proc_name = "my" "app"
bind = "127.0.0.1:" "8002"

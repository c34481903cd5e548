workers: int = 3
bind: str = "127.0.0.1:8003"

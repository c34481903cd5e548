import os

PORT = os.environ.get("PORT", "8000")
_cores = 2
host = "0.0.0.0"
bind = f"{host}:{PORT}"
workers = _cores

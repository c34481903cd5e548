bind = ["127.0.0.1:8001", "unix:/tmp/app.sock"]
backlog = 512

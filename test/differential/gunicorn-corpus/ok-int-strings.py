workers = "4"
threads = "0x2"
backlog = "0o100"
max_requests = "1_000"

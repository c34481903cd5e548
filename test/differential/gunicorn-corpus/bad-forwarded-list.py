forwarded_allow_ips = ["127.0.0.1"]

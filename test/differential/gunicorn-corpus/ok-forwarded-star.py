forwarded_allow_ips = "*"
proxy_allow_ips = "*"

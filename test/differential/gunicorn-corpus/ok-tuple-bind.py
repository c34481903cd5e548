bind = ('0.0.0.0:9000',)
keepalive = 5

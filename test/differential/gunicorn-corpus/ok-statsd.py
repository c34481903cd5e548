statsd_host = "localhost:8125"
statsd_prefix = "app"

syslog = False
syslog_facility = "local0"
syslog_prefix = "app"

raw_env = ["DJANGO_SETTINGS_MODULE=app.settings", "A=1"]

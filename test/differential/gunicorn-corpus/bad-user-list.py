user = ["www-data"]

secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
logconfig_dict = {}

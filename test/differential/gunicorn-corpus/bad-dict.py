secure_scheme_headers = "X-FORWARDED-PROTO"

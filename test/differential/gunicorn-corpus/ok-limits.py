limit_request_line = 0
limit_request_fields = 50
limit_request_field_size = 0

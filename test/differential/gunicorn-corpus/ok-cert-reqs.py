cert_reqs = 0
suppress_ragged_eofs = True
do_handshake_on_connect = False

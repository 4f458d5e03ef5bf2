"""SIP softphone on pjsua2: the only package that imports pjsua2 (callbacks, recordings, call records)."""

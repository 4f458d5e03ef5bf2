"""The supervisor's window: history search, call-log audit, reports, technical analysis, journal."""

"""Qt-free rules of the monitoring job: alarms, priorities, grouping, service levels, event codes.

Nothing here may import PySide6, pjsua2, the storage layer or the views (import-linter enforces it).
"""

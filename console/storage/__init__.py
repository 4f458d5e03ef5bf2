"""Persistence: sqlmodel tables, engine set-up (SQLite WAL or PostgreSQL), migrations, repositories.

Qt-free; the views never reach below the repositories.
"""

"""Alembic environment: runs on the connection handed over by `console.storage.migrate`."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import console.storage.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from console.storage.migrate import include_name

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()

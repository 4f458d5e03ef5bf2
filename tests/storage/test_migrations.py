"""The alembic migrations create exactly the schema the tables describe, both ways, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from console.storage import migrate
from console.storage.engine import Database, create_engine_for


def test_upgrade_creates_schema_matching_tables(empty_db_url: str) -> None:
    engine = create_engine_for(empty_db_url)
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(
                conn, opts={"compare_type": True, "include_name": migrate.include_name}
            ),
            SQLModel.metadata,
        )
    assert diff == []
    engine.dispose()


def test_downgrade_then_upgrade_round_trips(empty_db_url: str) -> None:
    engine = create_engine_for(empty_db_url)
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    assert "alarm" not in inspect(engine).get_table_names()
    migrate.upgrade(engine)
    assert {"alarm", "signal", "journal", "site", "change_log"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_upgrade_twice_is_harmless(db_url: str) -> None:
    engine = create_engine_for(db_url)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


@pytest.mark.parametrize("statement", ["UPDATE journal SET detail = 'edited'", "DELETE FROM journal"])
def test_journal_is_append_only(db: Database, statement: str) -> None:
    with db.write() as session:
        session.execute(
            text("INSERT INTO journal (at, action, detail) VALUES (:at, 'note', 'original')"),
            {"at": datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)},
        )
    with pytest.raises(DBAPIError, match="append-only"), db.write() as session:
        session.execute(text(statement))
    with db.read() as session:
        assert session.execute(text("SELECT detail FROM journal")).scalars().all() == ["original"]


def test_sqlite_runs_in_wal_with_full_sync(sqlite_db: Database) -> None:
    with sqlite_db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1

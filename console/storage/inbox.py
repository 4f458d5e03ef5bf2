"""Where the receiver's inbox lives, and the mark that says how much of it is filed.

On PostgreSQL the inbox is a table of the station's database: rows are locked, not the database,
so the receiver's appends and the placer's filing do not wait for each other.

On SQLite a database file has one write lock. With the inbox in the main file, every ACK waited
behind the placer's transactions (13-75 ms each, a third of the time under load). So on SQLite the
inbox is a file of its own beside the database (`vigie.inbox.sqlite` next to `vigie.sqlite`),
written durably by the receiver alone. The placer files a chunk into the main database together
with a mark, the last inbox id filed, in one transaction; only then are the filed rows deleted from
the inbox file. A crash between the two leaves rows at or below the mark: they are skipped and
deleted next time, so nothing is filed twice and nothing is lost. Ids never go back (AUTOINCREMENT),
and the mark is kept per inbox file (a random epoch written in it at creation): a new inbox file
starts from zero instead of being skipped.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import make_url
from sqlalchemy.orm import Session

from console.storage.engine import Database

_INBOX_DDL = (
    """CREATE TABLE IF NOT EXISTS signal_inbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at DATETIME NOT NULL, account VARCHAR(16) NOT NULL, line VARCHAR(8) NOT NULL,
        receiver VARCHAR(8) NOT NULL, sequence INTEGER, protocol VARCHAR(16) NOT NULL,
        qualifier VARCHAR(16) NOT NULL, event_system VARCHAR(8) NOT NULL, event_code VARCHAR(8) NOT NULL,
        zone INTEGER, partition INTEGER, panel_time DATETIME, peer VARCHAR(64) NOT NULL,
        extended TEXT NOT NULL, raw TEXT NOT NULL, dedupe_key VARCHAR(64))""",
    "CREATE INDEX IF NOT EXISTS ix_signal_inbox_dedupe_key ON signal_inbox (dedupe_key)",
    """CREATE TABLE IF NOT EXISTS link_test_inbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account VARCHAR(16) NOT NULL, line VARCHAR(8) NOT NULL, received_at DATETIME NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS inbox_meta (epoch VARCHAR(36) NOT NULL)",
)


@dataclass(frozen=True, slots=True)
class LinkTest:
    """A NULL link test, for supervision."""

    id: int
    account: str
    line: str
    received_at: datetime


def inbox_path(db: Database) -> Path | None:
    """The inbox file of a SQLite database file; None when the inbox is a table of `db` itself."""
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    return path.with_name(f"{path.stem}.inbox{path.suffix or '.sqlite'}")


def inbox_of(db: Database) -> Database:
    """The database holding `db`'s inbox: a file beside a SQLite database, else `db` itself."""
    path = inbox_path(db)
    if path is None:
        return db
    found = db.companions.get("inbox")
    if found is None:
        url = make_url(str(db.engine.url)).set(database=str(path))
        found = Database.from_url(url.render_as_string(hide_password=False))
        with found.write() as session:
            connection = session.connection()
            for statement in _INBOX_DDL:
                connection.exec_driver_sql(statement)
            connection.exec_driver_sql(
                "INSERT INTO inbox_meta (epoch) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM inbox_meta)",
                (uuid.uuid4().hex,),
            )
        db.companions["inbox"] = found
    return found


def is_separate(db: Database) -> bool:
    return inbox_of(db) is not db


def inbox_epoch(inbox_session: Session) -> str:
    return str(inbox_session.connection().exec_driver_sql("SELECT epoch FROM inbox_meta").scalar_one())


def filed_mark(session: Session, epoch: str) -> int:
    """The last inbox id of this inbox file filed into the main database (0: none yet)."""
    value = (
        session.connection()
        .exec_driver_sql("SELECT last_id FROM inbox_mark WHERE epoch = ?", (epoch,))
        .scalar_one_or_none()
    )
    return int(value or 0)


def set_filed_mark(session: Session, epoch: str, last_id: int) -> None:
    session.connection().exec_driver_sql(
        "INSERT INTO inbox_mark (epoch, last_id) VALUES (?, ?)"
        " ON CONFLICT (epoch) DO UPDATE SET last_id = excluded.last_id",
        (epoch, last_id),
    )


def append_link_tests(inbox_session: Session, tests: list[tuple[str, str, Any]]) -> None:
    """(account, line, received_at as stored text) of link tests, for the placer to apply."""
    if tests:
        inbox_session.connection().exec_driver_sql(
            "INSERT INTO link_test_inbox (account, line, received_at) VALUES (?, ?, ?)", tests
        )


def link_tests(inbox_session: Session, limit: int) -> list[LinkTest]:
    rows = inbox_session.connection().exec_driver_sql(
        f"SELECT id, account, line, received_at FROM link_test_inbox ORDER BY id LIMIT {int(limit)}"
    )
    return [
        LinkTest(row[0], row[1], row[2], datetime.fromisoformat(row[3]).replace(tzinfo=UTC)) for row in rows
    ]


def forget_filed(inbox_session: Session, up_to_signal: int, up_to_link_test: int) -> None:
    """Delete what the main database now holds (signals at or below the mark, applied link tests)."""
    connection = inbox_session.connection()
    connection.exec_driver_sql("DELETE FROM signal_inbox WHERE id <= ?", (up_to_signal,))
    if up_to_link_test:
        connection.exec_driver_sql("DELETE FROM link_test_inbox WHERE id <= ?", (up_to_link_test,))


def current_mark(db: Database) -> tuple[str, int]:
    """(epoch of the inbox file, last inbox id filed into `db`); ("", 0) when the inbox is in `db`."""
    inbox = inbox_of(db)
    if inbox is db:
        return "", 0
    with inbox.read() as session:
        epoch = inbox_epoch(session)
    with db.read() as session:
        return epoch, filed_mark(session, epoch)


def pending_rows(db: Database, columns: str) -> list[tuple[Any, ...]]:
    """`columns` of the inbox's signals not yet filed, in arrival order (wherever the inbox lives)."""
    inbox = inbox_of(db)
    _, mark = current_mark(db)
    with inbox.read() as session:
        rows = session.connection().exec_driver_sql(
            f"SELECT {columns} FROM signal_inbox WHERE id > {int(mark)} ORDER BY id"
        )
        return [tuple(row) for row in rows]

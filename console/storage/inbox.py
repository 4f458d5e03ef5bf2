"""Where the receiver's inbox lives, and the mark that says how much of it is filed.

On PostgreSQL the inbox is a table of the station's database: rows are locked, not the database,
so the receiver's appends and the placer's filing do not wait for each other.

On SQLite a database file has one write lock. With the inbox in the main file, every ACK waited
behind the placer's transactions (13-75 ms each, a third of the time under load). So on SQLite the
inbox is a file of its own beside the database (`vigie.inbox.sqlite` next to `vigie.sqlite`),
written durably by the receiver alone. The placer files a chunk into the main database together
with a mark, the last inbox id filed, in one transaction; only then are the filed rows deleted from
the inbox file. A crash between the two leaves rows at or below the mark: the next placer finds
them in the main database (same account, sequence, event and time received) and deletes them, so
nothing is filed twice. A row at or below the mark that the main database does not hold is filed,
never deleted unfiled. Ids never go back (AUTOINCREMENT), and the mark is kept per inbox file (a
random epoch written in it at creation): a new inbox file starts from zero instead of being skipped.

An older copy of the inbox file put back (a restored backup: same epoch, a lower id counter) would
hand out ids at or below the mark to new signals. On opening, such a file has its counter raised
above the mark, and the station is told (a warning in the log and an `inbox_behind_mark` fault).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import make_url
from sqlalchemy.orm import Session

from console.storage.engine import Database
from console.storage.faults import FaultDraft, record_faults

log = logging.getLogger(__name__)

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
        account VARCHAR(16) NOT NULL, line VARCHAR(8) NOT NULL, received_at DATETIME NOT NULL,
        extended TEXT NOT NULL DEFAULT '')""",
    "CREATE TABLE IF NOT EXISTS inbox_meta (epoch VARCHAR(36) NOT NULL)",
)


@dataclass(frozen=True, slots=True)
class LinkTest:
    """A link test (NULL, XNM), for supervision, with its DC-09 extended data (XNM `[][G1]`)."""

    id: int
    account: str
    line: str
    received_at: datetime
    extended: dict[str, str]


def inbox_path(db: Database) -> Path | None:
    """The inbox file of a SQLite database file; None when the inbox is a table of `db` itself."""
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return inbox_file_for(Path(database))


def inbox_file_for(database_file: Path) -> Path:
    """`vigie.inbox.sqlite` for `vigie.sqlite`: the inbox file beside a SQLite database file."""
    return database_file.with_name(f"{database_file.stem}.inbox{database_file.suffix or '.sqlite'}")


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
            columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(link_test_inbox)")}
            if "extended" not in columns:  # an inbox file written before link tests kept theirs
                connection.exec_driver_sql(
                    "ALTER TABLE link_test_inbox ADD COLUMN extended TEXT NOT NULL DEFAULT ''"
                )
            connection.exec_driver_sql(
                "INSERT INTO inbox_meta (epoch) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM inbox_meta)",
                (uuid.uuid4().hex,),
            )
        _keep_ids_above_the_mark(db, found, path)
        db.companions["inbox"] = found
    return found


def _keep_ids_above_the_mark(db: Database, inbox: Database, path: Path) -> None:
    """An inbox file whose id counter is below its filed mark (an older copy put back) would give
    new signals ids the placer takes for filed ones: raise the counter to the mark, and say so.

    The inbox's write lock is held meanwhile, so no signal is appended before the counter is right.
    The rows such a copy still holds at or below the mark are checked one by one by the placer.
    """
    with inbox.write() as session:
        connection = session.connection()
        epoch = inbox_epoch(session)
        counter = int(
            connection.exec_driver_sql(
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'signal_inbox'), 0),"
                " coalesce((SELECT max(id) FROM signal_inbox), 0))"
            ).scalar_one()
        )
        with db.read() as main:
            if not _has_table(main, "inbox_mark"):
                return  # a database without the schema yet: nothing can have been filed
            mark = filed_mark(main, epoch)
        if counter >= mark:
            return
        raised = connection.exec_driver_sql(
            "UPDATE sqlite_sequence SET seq = ? WHERE name = 'signal_inbox'", (mark,)
        )
        if not raised.rowcount:
            connection.exec_driver_sql(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('signal_inbox', ?)", (mark,)
            )
        left = int(connection.exec_driver_sql("SELECT count(*) FROM signal_inbox").scalar_one())
    detail = (
        f"inbox file {path} is behind the main database: its last id is {counter} but ids up to"
        f" {mark} are filed (an older copy put back?); new ids now start after {mark}, and the"
        f" {left} signals it holds are filed unless the main database has them already"
    )
    log.warning("%s", detail)
    with db.write() as main:
        record_faults(main, [FaultDraft(datetime.now(UTC), "inbox_behind_mark", detail)])


def _has_table(session: Session, name: str) -> bool:
    found = session.connection().exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    )
    return found.first() is not None


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


def append_link_tests(inbox_session: Session, tests: list[tuple[str, str, Any, Mapping[str, str]]]) -> None:
    """(account, line, received_at as stored text, extended data) of link tests, for the placer."""
    if tests:
        inbox_session.connection().exec_driver_sql(
            "INSERT INTO link_test_inbox (account, line, received_at, extended) VALUES (?, ?, ?, ?)",
            [
                (account, line, at, json.dumps(dict(extended), ensure_ascii=False) if extended else "")
                for account, line, at, extended in tests
            ],
        )


def link_tests(inbox_session: Session, limit: int) -> list[LinkTest]:
    rows = inbox_session.connection().exec_driver_sql(
        f"SELECT id, account, line, received_at, extended FROM link_test_inbox ORDER BY id LIMIT {int(limit)}"
    )
    return [
        LinkTest(
            row[0],
            row[1],
            row[2],
            datetime.fromisoformat(row[3]).replace(tzinfo=UTC),
            json.loads(row[4]) if row[4] else {},
        )
        for row in rows
    ]


def forget_filed(inbox_session: Session, signal_ids: Sequence[int], up_to_link_test: int) -> None:
    """Delete what the main database now holds: these signals (by id: only those filed, or found
    filed), and the link tests applied."""
    connection = inbox_session.connection()
    ids = sorted(signal_ids)
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        connection.exec_driver_sql(
            f"DELETE FROM signal_inbox WHERE id IN ({', '.join('?' * len(part))})", tuple(part)
        )
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


def inbox_backlog(db: Database) -> tuple[int, datetime | None]:
    """How many ACKed signals wait to be filed, and when the oldest was received; a console asks
    (it never creates an inbox file where no receiver ran)."""
    path = inbox_path(db)
    if path is not None and not path.exists():
        return 0, None
    inbox = inbox_of(db)
    _, mark = current_mark(db)
    with inbox.read() as session:
        count, oldest = (
            session.connection()
            .exec_driver_sql(f"SELECT COUNT(*), MIN(received_at) FROM signal_inbox WHERE id > {int(mark)}")
            .one()
        )
    if not count or oldest is None:
        return 0, None
    at = oldest if isinstance(oldest, datetime) else datetime.fromisoformat(str(oldest))
    return int(count), at if at.tzinfo else at.replace(tzinfo=UTC)

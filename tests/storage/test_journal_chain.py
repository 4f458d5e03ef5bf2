"""The journal's chain on each backend: written by storage only, gap-free, and every tampering seen.

The tampering is done as a rogue DBA would: the append-only triggers are bypassed (SQLite: dropped
and put back; PostgreSQL: `session_replication_role = replica` as the superuser the tests use).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import Connection, create_engine, text

from console.domain.journal import JournalAction
from console.domain.journal_chain import GENESIS, BreakKind, entry_hash
from console.services.alarm_desk import AlarmDesk
from console.services.journal_chain import JournalChain, Verification
from console.storage import journal as journal_store
from console.storage import migrate
from console.storage.alarms import append_journal
from console.storage.engine import Database, create_engine_for
from tests.conftest import PG_URL, PostgresFactory, skip_or_fail
from tests.factories import T0, add_site, cid

_SQLITE_TRIGGERS = [
    "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal "
    "BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END",
    "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal "
    "BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END",
]


@contextmanager
def rogue(db: Database) -> Iterator[Connection]:
    """A connection that gets past the append-only triggers, for as long as the block lasts."""
    engine = create_engine(db.engine.url)
    with engine.begin() as conn:
        if db.dialect == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER journal_no_update")
            conn.exec_driver_sql("DROP TRIGGER journal_no_delete")
        else:
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        yield conn
        if db.dialect == "sqlite":
            for statement in _SQLITE_TRIGGERS:
                conn.exec_driver_sql(statement)
    engine.dispose()


def note(db: Database, count: int, detail: str = "entry") -> None:
    with db.write() as session:
        for index in range(count):
            append_journal(
                session,
                at=T0 + timedelta(seconds=index),
                action=JournalAction.NOTE,
                detail=f"{detail} {index}",
            )


def verify(db: Database) -> Verification:
    return JournalChain(db).verify()


def test_entries_single_and_bulk_are_chained_in_order(db: Database) -> None:
    add_site(db)
    desk = AlarmDesk(db)
    note(db, 3)
    desk.ingest([cid(130, zone=1, at=T0), cid(131, zone=2, at=T0 + timedelta(seconds=1))])  # bulk path
    with db.read() as session:
        rows = list(journal_store.chained_rows(session))
        head = journal_store.chain_head(session)
        assert journal_store.unchained_row(session) is None
    assert [r.position for r in rows] == list(range(1, len(rows) + 1))
    assert JournalAction.ALARM_RAISED in {r.action for r in rows}
    previous = GENESIS
    for row in rows:
        assert row.hash == entry_hash(
            previous, row.position or 0, row.at, row.action, row.detail, None, row.alarm_id, row.site_id
        )
        previous = row.hash
    assert head == (len(rows), previous)
    result = verify(db)
    assert result.intact and result.entries == len(rows) and result.summary().startswith("chain intact")


def test_a_rolled_back_transaction_leaves_no_entry_and_no_gap(db: Database) -> None:
    note(db, 1)

    def abandoned() -> None:
        with db.write() as session:
            append_journal(session, at=T0, action=JournalAction.NOTE, detail="undone")
            raise RuntimeError("abandon")

    with pytest.raises(RuntimeError):
        abandoned()
    note(db, 1, "after")
    with db.read() as session:
        rows = list(journal_store.chained_rows(session))
    assert [(r.position, r.detail) for r in rows] == [(1, "entry 0"), (2, "after 0")]
    assert verify(db).intact


def test_an_edited_entry_is_found(db: Database) -> None:
    note(db, 5)
    with rogue(db) as conn:
        conn.execute(text("UPDATE journal SET detail = 'nothing happened' WHERE position = 3"))
    problem = verify(db).problem
    assert problem is not None and problem.kind is BreakKind.EDITED and problem.position == 3
    assert "entry at position 3 (journal id" in problem.message and "edited" in problem.message


def test_a_deleted_entry_is_found(db: Database) -> None:
    note(db, 5)
    with rogue(db) as conn:
        conn.execute(text("DELETE FROM journal WHERE position = 2"))
    problem = verify(db).problem
    assert problem is not None and problem.kind is BreakKind.MISSING and problem.position == 2
    assert "missing (deleted)" in problem.message


def test_the_last_entries_deleted_are_found_by_the_head(db: Database) -> None:
    note(db, 5)
    with rogue(db) as conn:
        conn.execute(text("DELETE FROM journal WHERE position >= 4"))
    problem = verify(db).problem
    assert problem is not None and problem.kind is BreakKind.MISSING and problem.position == 4


def test_an_entry_inserted_by_plain_sql_is_found(db: Database) -> None:
    note(db, 3)
    with rogue(db) as conn:  # an app role could do this one: INSERT is granted
        conn.execute(
            text("INSERT INTO journal (at, action, detail) VALUES (:at, 'note', 'alibi')"),
            {"at": T0.replace(tzinfo=None)},
        )
    problem = verify(db).problem
    assert (
        problem is not None and problem.kind is BreakKind.INSERTED and "outside the chain" in problem.message
    )


def test_an_entry_inserted_into_the_chain_is_found(db: Database) -> None:
    """Renumbered to make room, even with a hash computed right: the next entry's hash gives it away."""
    note(db, 4)
    with rogue(db) as conn:
        conn.execute(text("UPDATE journal SET position = position + 1000 WHERE position >= 3"))
        conn.execute(text("UPDATE journal SET position = position - 999 WHERE position >= 1000"))
        previous = conn.execute(text("SELECT hash FROM journal WHERE position = 2")).scalar_one()
        forged = entry_hash(previous, 3, T0, "note", "alibi", None, None, None)
        conn.execute(
            text(
                "INSERT INTO journal (at, action, detail, position, hash) VALUES (:at, 'note', 'alibi', 3, :h)"
            ),
            {"at": T0 if db.dialect == "postgresql" else T0.replace(tzinfo=None), "h": forged},
        )
        conn.execute(text("UPDATE journal_head SET position = position + 1"))
    problem = verify(db).problem
    assert problem is not None and problem.kind is BreakKind.INSERTED and problem.position == 3, problem


def test_an_insert_with_a_wrong_hash_is_told_from_an_edit(db: Database) -> None:
    note(db, 4)
    with rogue(db) as conn:
        conn.execute(text("UPDATE journal SET position = position + 1000 WHERE position >= 2"))
        conn.execute(text("UPDATE journal SET position = position - 999 WHERE position >= 1000"))
        conn.execute(
            text("INSERT INTO journal (at, action, detail, position, hash) VALUES (:at, 'note', 'x', 2, :h)"),
            {"at": T0 if db.dialect == "postgresql" else T0.replace(tzinfo=None), "h": "f" * 64},
        )
        conn.execute(text("UPDATE journal_head SET position = position + 1"))
    problem = verify(db).problem
    assert problem is not None and problem.kind is BreakKind.INSERTED and problem.position == 2, problem


@pytest.mark.postgres
def test_several_writers_at_once_leave_a_gap_free_intact_chain(postgres: PostgresFactory | None) -> None:
    """PostgreSQL only: SQLite serialises its writers on the file's lock already."""
    if postgres is None:
        skip_or_fail(f"PostgreSQL is not reachable at {PG_URL}")
    assert postgres is not None
    database = Database.from_url(postgres.new_database())
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            for index in range(40):
                with database.write() as session:
                    for part in range(1 + index % 3):
                        append_journal(
                            session,
                            at=T0 + timedelta(milliseconds=index),
                            action=JournalAction.NOTE,
                            detail=f"writer {number} entry {index}.{part}",
                        )
        except BaseException as exc:  # reported below, with the thread's name
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,), name=f"writer-{n}") for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    expected = 6 * sum(1 + i % 3 for i in range(40))
    with database.read() as session:
        positions = [row.position for row in journal_store.chained_rows(session)]
        ids_by_position = session.execute(text("SELECT id FROM journal ORDER BY position")).scalars().all()
    assert positions == list(range(1, expected + 1))
    assert ids_by_position == sorted(ids_by_position)  # one transaction's rows together, commits in order
    result = JournalChain(database).verify()
    assert result.intact and result.entries == expected
    database.dispose()


def test_the_migration_chains_rows_written_before_it(empty_db_url: str) -> None:
    engine = create_engine_for(empty_db_url)
    migrate.upgrade(engine, "0011")
    with engine.begin() as conn:
        at = T0 if engine.dialect.name == "postgresql" else T0.replace(tzinfo=None)
        for index in range(7):
            conn.execute(
                text("INSERT INTO journal (at, action, detail) VALUES (:at, 'note', :d)"),
                {"at": at + timedelta(seconds=index), "d": f'old {index} with "quotes"\nand a line'},
            )
        conn.execute(
            text(
                "INSERT INTO call (direction, purpose, created_at, workstation, remote_uri, end_reason,"
                " recording_path, recording_size, recording_sha256) VALUES ('outgoing', 'dial', :at, '',"
                " 'sip:x@y', '', '/nowhere.wav', 10, :sha)"
            ),
            {"at": at, "sha": "a" * 64},
        )
    migrate.upgrade(engine)
    database = Database(engine)
    with database.read() as session:
        rows = list(journal_store.chained_rows(session))
    assert [r.detail.split(" with")[0] for r in rows[:7]] == [f"old {i}" for i in range(7)]
    assert rows[7].action == JournalAction.RECORDING_FINGERPRINTED and "a" * 64 in rows[7].detail
    result = JournalChain(database).verify()
    assert result.entries == 8
    # the chain holds; the recording file named by the old call is not there, and that is said
    assert result.problem is not None and result.problem.kind is BreakKind.RECORDING_MISSING
    migrate.downgrade(engine, "0011")
    migrate.upgrade(engine)
    engine.dispose()

"""Online backup of a SQLite station: the main database and its inbox file, consistent together.

The two files only make sense as a pair: the main database holds the mark saying how much of the
inbox is filed. Copied one after the other while the receiver runs, a signal could be in neither
copy (arrived after the inbox was copied, filed before the main file was), or the inbox copy could
be older than the main copy's mark. So both copies are taken from read snapshots opened while the
inbox's write lock is held for a moment (the receiver's ACKs wait that long, a millisecond or
so): every signal ACKed before is then in the inbox snapshot or filed in the main one, and a
signal in both is at or below the mark, which the placer recognises. The snapshots are copied
with SQLite's backup API, WAL content included, into plain single files (rollback journal), which
are written under temporary names and renamed once checked (`PRAGMA integrity_check`).

PostgreSQL databases are not copied here: pg_dump is the tool, and their inbox is a table of the
database, inside the dump.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from console.storage.engine import DatabaseError
from console.storage.inbox import inbox_file_for

_LOCK_WAIT_S = 30.0


class NotAFileDatabase(DatabaseError):
    """The URL is not a SQLite file (PostgreSQL, or an in-memory database): nothing to copy here."""


@dataclass(frozen=True, slots=True)
class CopiedFile:
    """One file copied: where from, where to, and what the copy holds (read back from the copy)."""

    source: Path
    copy: Path
    summary: str


def sqlite_file(url: str) -> Path:
    """The SQLite file of `url`; NotAFileDatabase for anything else."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        raise NotAFileDatabase(
            "this is a PostgreSQL database: back it up with pg_dump (for example"
            " `pg_dump --format=custom --file DIR/vigie.dump URL`); its inbox is a table of that"
            " database, inside the dump, and there is no inbox file to copy"
        )
    database = parsed.database or ""
    if backend != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        raise NotAFileDatabase(f"{url!r} is not a SQLite database file: nothing to back up")
    return Path(database)


def backup_station(url: str, target_dir: Path) -> list[CopiedFile]:
    """Copy the SQLite database of `url` and its inbox file into `target_dir`, under the same
    names, while the receiver and the consoles keep working. Refuses to overwrite a copy."""
    main = sqlite_file(url)
    if not main.is_file():
        raise DatabaseError(f"no database at {main}")
    inbox = inbox_file_for(main)
    sources = [main, inbox] if inbox.is_file() else [main]
    target_dir.mkdir(parents=True, exist_ok=True)
    copies = [target_dir / source.name for source in sources]
    for copy in copies:
        if copy.exists():
            raise DatabaseError(f"{copy} exists already: back up into an empty folder")
    partial = [copy.with_name(f".{copy.name}.partial") for copy in copies]
    with ExitStack() as stack:
        readers = [stack.enter_context(_connection(source)) for source in sources]
        with _inbox_held(inbox if len(sources) == 2 else None):
            for reader in readers:  # a read snapshot of each, taken while no inbox row can change
                reader.execute("BEGIN")
                reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for reader, path in zip(readers, partial, strict=True):
            path.unlink(missing_ok=True)
            with _connection(path) as writer:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    done = []
    for source, path, copy in zip(sources, partial, copies, strict=True):
        summary = _check(path, is_inbox=source == inbox)
        path.rename(copy)
        done.append(CopiedFile(source, copy, summary))
    return done


@contextmanager
def _connection(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(path, timeout=_LOCK_WAIT_S, isolation_level=None)
    try:
        yield connection
    finally:
        connection.close()


@contextmanager
def _inbox_held(inbox: Path | None) -> Iterator[None]:
    """The inbox's write lock: no signal appended (no ACK) and none deleted by the placer meanwhile."""
    if inbox is None:
        yield
        return
    with _connection(inbox) as guard:
        guard.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            guard.execute("ROLLBACK")


def _check(path: Path, *, is_inbox: bool) -> str:
    """Open the copy as a database again, check it page by page, and say what it holds."""
    with _connection(path) as copy:
        verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise DatabaseError(f"the copy {path} failed its integrity check: {verdict}")
        if is_inbox:
            waiting = copy.execute("SELECT count(*) FROM signal_inbox").fetchone()[0]
            return f"{waiting} signals in the inbox, integrity ok"
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables or "signal" not in tables:
            return "no Vigie schema, integrity ok"
        revision = copy.execute("SELECT version_num FROM alembic_version").fetchone()
        signals = copy.execute("SELECT count(*) FROM signal").fetchone()[0]
        return f"schema {revision[0] if revision else '?'}, {signals} signals filed, integrity ok"

"""Engine set-up: SQLite in WAL mode by default, any SQLAlchemy URL (PostgreSQL for several desks).

SQLite is tuned for the receiver's promise (an ACK means the signal is on disk): WAL with
synchronous=FULL, foreign keys on, and write transactions that start with BEGIN IMMEDIATE so two
processes (the receiver service and a console) wait for each other instead of failing.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import InterfaceError as SAInterfaceError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.outage import DatabaseError as DatabaseError
from console.domain.outage import DatabaseUnavailable as DatabaseUnavailable
from console.paths import data_dir as data_dir
from console.storage import report_upkeep as _report_upkeep  # noqa: F401  (the summaries' session hooks)


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'vigie.sqlite'}"


def _normalise_url(url: str) -> str:
    """Accept plain `postgresql://` URLs and use psycopg 3, the driver installed with Vigie."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def create_engine_for(url: str, *, must_exist: bool = False) -> Engine:
    """Create an engine for `url`; with `must_exist`, a missing SQLite file is an error, not a new file."""
    url = _normalise_url(url)
    parsed = make_url(url)
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            path = Path(database)
            if must_exist and not path.exists():
                raise DatabaseError(f"no database at {path} (create it with `vigie db init --db {url}`)")
            if not path.parent.exists():
                raise DatabaseError(f"folder {path.parent} does not exist")
        kwargs["connect_args"] = {"timeout": 30}
    elif parsed.get_backend_name() == "postgresql":
        kwargs["pool_pre_ping"] = True
        kwargs["connect_args"] = {"connect_timeout": 5}
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(f"cannot use database URL {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine)
    return engine


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's implicit BEGIN is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if not options.get("vigie_write"):
            conn.exec_driver_sql("BEGIN DEFERRED")
            return
        dbapi_connection = conn.connection.dbapi_connection
        synchronous = "FULL" if options.get("vigie_durable", True) else "NORMAL"
        if conn.info.get("vigie_synchronous", "FULL") != synchronous:
            dbapi_connection.execute(f"PRAGMA synchronous={synchronous}")
            conn.info["vigie_synchronous"] = synchronous
        try:
            _begin_immediate(dbapi_connection)
        except sqlite3.Error as exc:  # worded and classified like any other statement's failure
            raise OperationalError("BEGIN IMMEDIATE", None, exc) from exc


def _begin_immediate(dbapi_connection: Any, deadline_s: float = 30.0) -> None:
    """BEGIN IMMEDIATE, waiting for another writer in steps of a fraction of a millisecond.

    SQLite's own busy handler sleeps 1, 2, 5, 10, 15, 20… ms between attempts: a receiver waiting
    behind a 3 ms transaction of another process would wait 8 ms, and its ACKs with it.
    """
    dbapi_connection.execute("PRAGMA busy_timeout=0")
    try:
        give_up = time.monotonic() + deadline_s
        pause = 0.0001
        while True:
            try:
                dbapi_connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > give_up:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.002)
    finally:
        dbapi_connection.execute("PRAGMA busy_timeout=30000")


def check_connection(engine: Engine) -> None:
    """Open and close one connection, turning driver errors into a readable DatabaseUnavailable."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except (OperationalError, SAInterfaceError) as exc:
        raise DatabaseUnavailable(describe_db_error(exc)) from exc


# SQLite reports a statement it cannot run (a bug in Vigie's SQL, a schema not migrated) with the
# same OperationalError as a locked or missing file: these words tell the two apart.
_SQLITE_STATEMENT_FAULTS = (
    "no such table",
    "no such column",
    "has no column named",
    "syntax error",
    'near "',
)


def is_unavailable(exc: BaseException) -> bool:
    """The database could not be reached or the connection dropped (retry later), as opposed to
    the database refusing a statement (a bug, bad data, a constraint): retrying would not help.
    The one place that sorts database errors; everything else asks it (or `unavailable_raised`)."""
    if isinstance(exc, OperationalError) and isinstance(getattr(exc, "orig", None), sqlite3.OperationalError):
        message = str(exc.orig).lower()
        return not any(words in message for words in _SQLITE_STATEMENT_FAULTS)
    if isinstance(exc, (OperationalError, SAInterfaceError)):
        return True
    return bool(getattr(exc, "connection_invalidated", False))


def describe_db_error(exc: BaseException) -> str:
    """First line of the driver's message: enough for a banner or a one-line CLI error."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip().splitlines()
    return text[0] if text else type(original).__name__


@contextmanager
def unavailable_raised() -> Iterator[None]:
    """Driver errors that mean the database is away become DatabaseUnavailable (banner, retry);
    any other database error goes through as it is."""
    try:
        yield
    except DBAPIError as exc:
        if is_unavailable(exc):
            raise DatabaseUnavailable(describe_db_error(exc)) from exc
        raise


T = TypeVar("T")


def write_retried(
    db: Database,
    work: Callable[[Session], T],
    *,
    retries: int,
    conflicts: tuple[type[BaseException], ...],
    durable: bool = True,
) -> T:
    """Run `work` in a write transaction, replayed on fresh state while it meets one of `conflicts`
    (another writer got in the way); the last conflict is raised to the caller to word it. The one
    error policy of every desk: an outage is DatabaseUnavailable, any other database error a bug."""
    for attempt in range(retries + 1):
        try:
            with unavailable_raised(), db.write(durable=durable) as session:
                return work(session)
        except conflicts:
            if attempt == retries:
                raise
    raise AssertionError("unreachable")


class Database:
    """The engine and how sessions are opened on it: `read()` for queries, `write()` for changes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Databases opened beside this one and closed with it (the receiver's inbox file on SQLite).
        self.companions: dict[str, Database] = {}

    @classmethod
    def from_url(cls, url: str, *, must_exist: bool = False) -> Database:
        return cls(create_engine_for(url, must_exist=must_exist))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self, *, durable: bool = True) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on any exception.

        `durable=False` is for work that can be redone from what is durable (grouping stored
        signals into alarms): its commit does not wait for the disk, and a power cut may undo it,
        never partly. The next durable commit makes it durable too (one log, written in order).
        """
        with self._sessions() as session:
            connection = session.connection(execution_options={"vigie_write": True, "vigie_durable": durable})
            if not durable and connection.dialect.name == "postgresql":
                connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        for companion in self.companions.values():
            companion.dispose()
        self.engine.dispose()

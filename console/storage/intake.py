"""The receiver's first stage in SQL: append received signals to the inbox, as fast as the disk allows.

An ACK may only leave once its signal is durable, so the statements on that path are kept to what
durability needs: one look-up of already stored retries and one executemany into `signal_inbox`,
a table with a single index, written with driver-level SQL (no per-row ORM or Core parameter
processing). Appending to `signal` itself would write a page of each of its six indexes per
transmitter per commit: 200 pages for a batch of 50, measured, against about 8 here. The
placement stage (`console.services.placement`) later files the rows into `signal`, grouped into
alarms, hundreds at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from console.domain.event_codes import CATALOGUE, EventCode
from console.domain.signals import Protocol, Qualifier, Signal
from console.storage.tables import SignalInboxRow
from console.storage.types import as_utc

_INBOX = SignalInboxRow.__table__  # type: ignore[attr-defined]

# Columns of the inbox, in the order of the tuples of `append_signals` and of `inbox_signals`' query.
INBOX_COLUMNS: tuple[str, ...] = (
    "received_at",
    "account",
    "line",
    "receiver",
    "sequence",
    "protocol",
    "qualifier",
    "event_system",
    "event_code",
    "zone",
    "partition",
    "panel_time",
    "peer",
    "extended",
    "raw",
    "dedupe_key",
)
_RECEIVED, _PANEL_TIME = INBOX_COLUMNS.index("received_at"), INBOX_COLUMNS.index("panel_time")

# Columns of `signal` written when a signal is filed, in the order of `file_signals`' tuples.
SIGNAL_COLUMNS: tuple[str, ...] = (
    "received_at",
    "site_id",
    "transmitter_id",
    "alarm_id",
    "account",
    "line",
    "receiver",
    "sequence",
    "protocol",
    "qualifier",
    "event_system",
    "event_code",
    "category",
    "priority",
    "zone",
    "partition",
    "panel_time",
    "peer",
    "extended",
    "raw",
    "dedupe_key",
)


class _Statements:
    """Driver-level SQL for one dialect (placeholders differ; timestamps are bound like the ORM does)."""

    def __init__(self, connection: Connection) -> None:
        dialect = connection.dialect
        self.dialect = dialect.name
        self.mark = "?" if dialect.paramstyle == "qmark" else "%s"
        columns = ", ".join(f'"{name}"' for name in INBOX_COLUMNS)
        marks = ", ".join([self.mark] * len(INBOX_COLUMNS))
        self.insert = f"INSERT INTO signal_inbox ({columns}) VALUES ({marks})"
        self.select = f"SELECT id, {columns} FROM signal_inbox WHERE id > {self.mark} ORDER BY id LIMIT "
        self.select_up_to = (
            f"SELECT id, {columns} FROM signal_inbox WHERE id <= {self.mark} ORDER BY id LIMIT "
        )
        filed = ", ".join(f'"{name}"' for name in SIGNAL_COLUMNS)
        self.file = f"INSERT INTO signal ({filed}) VALUES ({self.marks(len(SIGNAL_COLUMNS))})"
        # What `UTCDateTime` stores: naive UTC text on SQLite (SQLAlchemy's format, microseconds
        # always written, so text order is time order), timestamptz on PostgreSQL.
        self.to_db: Callable[[datetime], Any] = _sqlite_utc_text if self.dialect == "sqlite" else as_utc
        self.from_db: Callable[[Any], datetime] = (
            (lambda text: datetime.fromisoformat(text).replace(tzinfo=UTC))
            if self.dialect == "sqlite"
            else (lambda value: value.astimezone(UTC))
        )

    def marks(self, count: int) -> str:
        return ", ".join([self.mark] * count)


_STATEMENTS: dict[str, _Statements] = {}


def _statements(connection: Connection) -> _Statements:
    name = f"{connection.dialect.name}:{connection.dialect.paramstyle}"
    found = _STATEMENTS.get(name)
    if found is None:
        found = _STATEMENTS[name] = _Statements(connection)
    return found


def _sqlite_utc_text(value: datetime) -> str:
    return as_utc(value).replace(tzinfo=None).isoformat(" ", "microseconds")


def stored_dedupe_keys(
    session: Session, messages: Iterable[tuple[str, int | None, str]], since: datetime
) -> set[str]:
    """Which of these messages, as (account, sequence, digest), are stored already: in the inbox,
    or filed since `since` (the de-duplication window). For an inbox in the main database."""
    wanted = list(messages)
    return inbox_dedupe_keys(session, wanted) | filed_dedupe_keys(session, wanted, since)


def inbox_dedupe_keys(session: Session, messages: Iterable[tuple[str, int | None, str]]) -> set[str]:
    """Which of these messages are in the inbox (filed or not yet)."""
    keys = sorted({key for _, _, key in messages})
    if not keys:
        return set()
    connection = session.connection()
    sql = _statements(connection)
    return {
        row[0]
        for row in connection.exec_driver_sql(
            f"SELECT dedupe_key FROM signal_inbox WHERE dedupe_key IN ({sql.marks(len(keys))})", tuple(keys)
        )
    }


def filed_dedupe_keys(
    session: Session, messages: Iterable[tuple[str, int | None, str]], since: datetime
) -> set[str]:
    """Which of these messages are filed in `signal` since `since`: found through (account,
    sequence), then compared by digest."""
    wanted = {(account.upper(), sequence, key) for account, sequence, key in messages}
    if not wanted:
        return set()
    connection = session.connection()
    sql = _statements(connection)
    known = {key for _, _, key in wanted}
    pairs = sorted({(account, sequence) for account, sequence, _ in wanted}, key=str)
    exact = [(account, sequence) for account, sequence in pairs if sequence is not None]
    terms = " OR ".join([f"(account = {sql.mark} AND sequence = {sql.mark})"] * len(exact))
    if any(sequence is None for _, sequence in pairs):
        accounts = sorted({account for account, sequence in pairs if sequence is None})
        terms = " OR ".join(
            filter(None, [terms, f"(account IN ({sql.marks(len(accounts))}) AND sequence IS NULL)"])
        )
    else:
        accounts = []
    rows = connection.exec_driver_sql(
        f"SELECT dedupe_key FROM signal WHERE ({terms}) AND received_at >= {sql.mark}",
        (*[value for pair in exact for value in pair], *accounts, sql.to_db(since)),
    )
    return {row[0] for row in rows if row[0] in known}


def inbox_row(signal: Signal, dedupe_key: str | None) -> tuple[Any, ...]:
    """A signal's values in `INBOX_COLUMNS` order (text made storable: PostgreSQL refuses NUL)."""
    return (
        signal.received_at,
        signal.account.upper(),
        signal.line,
        signal.receiver,
        signal.sequence,
        signal.protocol.value,
        signal.qualifier.value,
        signal.event.system.value,
        signal.event.code,
        signal.zone,
        signal.partition,
        signal.panel_time,
        storable_text(signal.peer),
        json.dumps(signal.extended, ensure_ascii=False) if signal.extended else "",
        storable_text(signal.raw),
        dedupe_key,
    )


def storable_text(text: str) -> str:
    """PostgreSQL text cannot hold NUL; a frame may. Keep it visible, escaped, instead of failing."""
    return text.replace("\x00", "\\x00")


def storable_time(session: Session, value: datetime) -> Any:
    """A datetime as this dialect's driver-level SQL stores it (naive UTC text on SQLite)."""
    return _statements(session.connection()).to_db(value)


def append_signals(session: Session, rows: Sequence[tuple[Any, ...]]) -> None:
    """Append `inbox_row` tuples (UTC-aware datetimes) to the inbox."""
    if not rows:
        return
    connection = session.connection()
    sql = _statements(connection)
    to_db = sql.to_db
    prepared = []
    for row in rows:
        values = list(row)
        values[_RECEIVED] = to_db(values[_RECEIVED])
        if values[_PANEL_TIME] is not None:
            values[_PANEL_TIME] = to_db(values[_PANEL_TIME])
        prepared.append(tuple(values))
    connection.exec_driver_sql(sql.insert, prepared)


def inbox_signals(session: Session, limit: int, after_id: int = 0) -> list[tuple[int, Signal]]:
    """The oldest signals of the inbox after `after_id`, with their inbox ids, in arrival order."""
    return _inbox_signals(session, "select", limit, after_id)


def inbox_signals_up_to(session: Session, limit: int, up_to_id: int) -> list[tuple[int, Signal]]:
    """Signals of the inbox at or below `up_to_id` (the mark): normally filed already, left by a
    placer that died before its clean-up; `filed_inbox_rows` tells which really are."""
    return _inbox_signals(session, "select_up_to", limit, up_to_id)


def _inbox_signals(session: Session, query: str, limit: int, bound: int) -> list[tuple[int, Signal]]:
    connection = session.connection()
    sql = _statements(connection)
    from_db, protocols, qualifiers, lookup = sql.from_db, _PROTOCOLS, _QUALIFIERS, _event
    found = []
    for row in connection.exec_driver_sql(getattr(sql, query) + str(int(limit)), (bound,)):
        signal = Signal(
            received_at=from_db(row[1]),
            account=row[2],
            line=row[3],
            receiver=row[4],
            sequence=row[5],
            protocol=protocols[row[6]],
            qualifier=qualifiers[row[7]],
            event=lookup(row[8], row[9]),
            zone=row[10],
            partition=row[11],
            panel_time=None if row[12] is None else from_db(row[12]),
            peer=row[13],
            extended=json.loads(row[14]) if row[14] else {},
            raw=row[15],
            dedupe_key=row[16],
        )
        found.append((row[0], signal))
    return found


def filed_inbox_rows(session: Session, rows: Sequence[tuple[int, Signal]]) -> set[int]:
    """Which of these inbox rows `signal` holds: same account, sequence, time received (to the
    microsecond, as the placer copies it), event, zone, partition and digest; each filed copy
    accounts for one row. An id says nothing once an inbox file was replaced by an older copy."""
    connection = session.connection()
    sql = _statements(connection)
    wanted: dict[tuple[Any, ...], list[int]] = {}
    for inbox_id, signal in rows:
        key = (
            signal.account.upper(),
            signal.sequence,
            sql.to_db(signal.received_at),
            signal.event.system.value,
            signal.event.code,
            signal.qualifier.value,
            signal.zone,
            signal.partition,
            signal.dedupe_key,
        )
        wanted.setdefault(key, []).append(inbox_id)
    m = sql.mark
    same = "IS" if sql.dialect == "sqlite" else "IS NOT DISTINCT FROM"
    query = (
        f"SELECT count(*) FROM signal WHERE account = {m} AND sequence {same} {m} AND received_at = {m}"
        f" AND event_system = {m} AND event_code = {m} AND qualifier = {m} AND zone {same} {m}"
        f" AND partition {same} {m} AND dedupe_key {same} {m}"
    )
    found: set[int] = set()
    for key, ids in wanted.items():
        copies = int(connection.exec_driver_sql(query, key).scalar_one())
        found.update(ids[:copies])
    return found


def remove_from_inbox(session: Session, ids: Sequence[int]) -> int:
    """Delete filed signals from the inbox (by id: on PostgreSQL ids may commit out of order);
    returns how many were still there."""
    if not ids:
        return 0
    connection = session.connection()
    sql = _statements(connection)
    result = connection.exec_driver_sql(
        f"DELETE FROM signal_inbox WHERE id IN ({sql.marks(len(ids))})", tuple(ids)
    )
    return int(result.rowcount)


def file_signals(
    session: Session, filed: Sequence[tuple[Signal, int | None, int | None, int | None]]
) -> None:
    """Insert signals into `signal` as (signal, site id, transmitter id, alarm id), in one executemany."""
    if not filed:
        return
    connection = session.connection()
    sql = _statements(connection)
    to_db = sql.to_db
    rows = [
        (
            to_db(signal.received_at),
            site_id,
            transmitter_id,
            alarm_id,
            signal.account.upper(),
            signal.line,
            signal.receiver,
            signal.sequence,
            signal.protocol.value,
            signal.qualifier.value,
            signal.event.system.value,
            signal.event.code,
            signal.event.category.value,
            int(signal.event.priority),
            signal.zone,
            signal.partition,
            None if signal.panel_time is None else to_db(signal.panel_time),
            storable_text(signal.peer),
            json.dumps(signal.extended, ensure_ascii=False) if signal.extended else "",
            storable_text(signal.raw),
            signal.dedupe_key,
        )
        for signal, site_id, transmitter_id, alarm_id in filed
    ]
    connection.exec_driver_sql(sql.file, rows)


def inbox_size(session: Session, after_id: int = 0) -> int:
    connection = session.connection()
    sql = _statements(connection)
    return int(
        connection.exec_driver_sql(
            f"SELECT count(*) FROM signal_inbox WHERE id > {sql.mark}", (after_id,)
        ).scalar_one()
    )


_PROTOCOLS = {protocol.value: protocol for protocol in Protocol}
_QUALIFIERS = {qualifier.value: qualifier for qualifier in Qualifier}


@lru_cache(maxsize=4096)
def _event(system: str, code: str) -> EventCode:
    return CATALOGUE.lookup(system, code)

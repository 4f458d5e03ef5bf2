"""Keeping the report's summaries with the alarms, in the transaction that writes them.

Every alarm write of the console goes through storage/alarms.py or storage/bulk.py, which say
which alarms a transaction changes (`before_change` before an UPDATE, `inserted` and `changed`
after). The first time an alarm is met in a transaction its counts are read as they stand (the
"before"); at commit the same aggregate queries run over those alarms as they now are, and the
difference is added to the summaries (console/storage/report_summary.py). ORM writes of AlarmRow
(the tests' fixtures) are caught by flush hooks. A plain SQL write to `alarm` outside these paths
is not seen: run `report_summary.rebuild` after one (the bench's generator does).

Locks (PostgreSQL): the difference is written by one statement per summary, rows in key order, in
a `before_commit` hook placed before the journal's (which takes the chain's head last): every
transaction takes summary rows in the same order, so two cannot deadlock on them, and holds them
only from that statement to its commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from console.storage.report_summary import SUMMARIES, Counts, Key, count_names, key_names, summaries_of
from console.storage.tables import AlarmRow

_BEFORE = "vigie_report_before"  # {summary: {key: counts}} of the alarms as first met
_SEEN = "vigie_report_seen"  # ids whose "before" is taken (or that this transaction inserted)
_TOUCHED = "vigie_report_touched"  # ids to count again at commit


def before_change(session: Session, ids: Iterable[int]) -> None:
    """Call before an UPDATE of these alarms: their counts as they stand, the first time each is met."""
    seen: set[int] = session.info.setdefault(_SEEN, set())
    new = [i for i in ids if i not in seen]
    if not new:
        return
    seen.update(new)
    before: dict[str, Counts] = session.info.setdefault(_BEFORE, {})
    for name, counts in summaries_of(session, new).items():
        _add(before.setdefault(name, {}), counts, 1)


def inserted(session: Session, ids: Iterable[int]) -> None:
    """Call after an INSERT: these alarms counted nowhere before this transaction."""
    ids = list(ids)
    session.info.setdefault(_SEEN, set()).update(ids)
    session.info.setdefault(_TOUCHED, set()).update(ids)


def changed(session: Session, ids: Iterable[int]) -> None:
    """Call after an UPDATE (with before_change before it): count these alarms again at commit."""
    ids = set(ids)
    if not ids <= session.info.get(_SEEN, set()):
        raise RuntimeError("report_summary.changed without before_change: the summaries would drift")
    session.info.setdefault(_TOUCHED, set()).update(ids)


def _add(into: Counts, counts: Mapping[Key, Sequence[int]], sign: int) -> None:
    for key, values in counts.items():
        current = into.setdefault(key, [0] * len(values))
        for i, value in enumerate(values):
            current[i] += sign * value


def _upsert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    names = count_names(table)
    dialect = session.get_bind().dialect.name
    statement = (sqlite if dialect == "sqlite" else postgresql).insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=key_names(table),
        set_={name: table.c[name] + statement.excluded[name] for name in names},
    )
    session.execute(statement, rows)


def write_pending(session: Session) -> None:
    """Add the difference between the touched alarms' counts now and as first met."""
    touched: set[int] | None = session.info.pop(_TOUCHED, None)
    before: dict[str, Counts] = session.info.pop(_BEFORE, None) or {}
    session.info.pop(_SEEN, None)
    if not touched:
        return
    after = summaries_of(session, touched)
    for table, _query in SUMMARIES:
        delta: Counts = {}
        _add(delta, after.get(table.name, {}), 1)
        _add(delta, before.get(table.name, {}), -1)
        keys, names = key_names(table), count_names(table)
        rows = [
            {**dict(zip(keys, key, strict=True)), **dict(zip(names, values, strict=True))}
            for key, values in sorted(delta.items())
            if any(values)
        ]
        if rows:
            _upsert(session, table, rows)


@event.listens_for(Session, "before_commit", insert=True)  # before the journal's hook: see above
def _write_pending(session: Session) -> None:
    """Flush first: ORM rows added just before the commit are flushed after the commit hooks."""
    session.flush()
    write_pending(session)


@event.listens_for(Session, "after_transaction_end")
def _forget_pending(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        for name in (_BEFORE, _SEEN, _TOUCHED):
            session.info.pop(name, None)


@event.listens_for(Session, "before_flush")
def _orm_before(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    """AlarmRow objects changed or deleted through the ORM: their counts before the flush writes."""
    ids = [
        obj.id
        for obj in (*session.dirty, *session.deleted)
        if isinstance(obj, AlarmRow)
        and obj.id is not None
        and (obj in session.deleted or session.is_modified(obj))
    ]
    if ids:
        before_change(session, ids)


@event.listens_for(Session, "after_flush")
def _orm_after(session: Session, _flush: UOWTransaction) -> None:
    rows = [obj for obj in (*session.new, *session.dirty, *session.deleted) if isinstance(obj, AlarmRow)]
    new = [obj.id for obj in rows if obj in session.new and obj.id is not None]
    if new:
        inserted(session, new)
    seen = session.info.get(_SEEN, set())
    others = [obj.id for obj in rows if obj not in session.new and obj.id is not None and obj.id in seen]
    if others:
        changed(session, others)

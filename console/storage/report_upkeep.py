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
_SEEN = "vigie_report_seen"  # {summary: ids whose "before" is taken, or inserted by this transaction}
_TOUCHED = "vigie_report_touched"  # {summary: ids to count again at commit}
_ORM_CHANGED = "vigie_report_orm_changed"  # AlarmRow ids a flush under way updates or deletes
ALL = tuple(table.name for table, _query in SUMMARIES)
CATEGORY_ONLY = ("report_hour",)  # an UPDATE that changes no column but `category` moves only this one


def _per_summary(session: Session, name: str) -> dict[str, set[int]]:
    found: dict[str, set[int]] = session.info.setdefault(name, {})
    return found


def before_change(session: Session, ids: Iterable[int], summaries: Sequence[str] = ALL) -> None:
    """Call before an UPDATE of these alarms: their counts as they stand, the first time each is
    met, in the summaries the UPDATE can move (all of them unless said)."""
    seen = _per_summary(session, _SEEN)
    wanted = list(ids)
    new = {name: [i for i in wanted if i not in seen.setdefault(name, set())] for name in summaries}
    tables = tuple(name for name, fresh in new.items() if fresh)
    if not tables:
        return
    before: dict[str, Counts] = session.info.setdefault(_BEFORE, {})
    for name in tables:
        seen[name].update(new[name])
        _add(before.setdefault(name, {}), summaries_of(session, new[name], (name,))[name], 1)


def inserted(session: Session, ids: Iterable[int]) -> None:
    """Call after an INSERT: these alarms counted nowhere before this transaction."""
    ids = list(ids)
    seen, touched = _per_summary(session, _SEEN), _per_summary(session, _TOUCHED)
    for name in ALL:
        seen.setdefault(name, set()).update(ids)
        touched.setdefault(name, set()).update(ids)


def changed(session: Session, ids: Iterable[int], summaries: Sequence[str] = ALL) -> None:
    """Call after an UPDATE (with before_change before it, for the same summaries): count these
    alarms again at commit."""
    ids = set(ids)
    seen, touched = _per_summary(session, _SEEN), _per_summary(session, _TOUCHED)
    for name in summaries:
        if not ids <= seen.get(name, set()):
            raise RuntimeError("report_upkeep.changed without before_change: the summaries would drift")
        touched.setdefault(name, set()).update(ids)


def _add(into: Counts, counts: Mapping[Key, Sequence[int]], sign: int) -> None:
    for key, values in counts.items():
        current = into.setdefault(key, [0] * len(values))
        for i, value in enumerate(values):
            current[i] += sign * value


_UPSERTS: dict[tuple[str, str], Any] = {}


def _upsert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Add `rows` to the summary's rows of the same keys (made when missing); the statement is
    built once per backend, like the queries (console/storage/report_summary._of_ids)."""
    dialect = session.get_bind().dialect.name
    statement = _UPSERTS.get((table.name, dialect))
    if statement is None:
        base = (sqlite if dialect == "sqlite" else postgresql).insert(table)
        statement = _UPSERTS[(table.name, dialect)] = base.on_conflict_do_update(
            index_elements=key_names(table),
            set_={name: table.c[name] + base.excluded[name] for name in count_names(table)},
        )
    session.execute(statement, rows)


def write_pending(session: Session) -> None:
    """Add the difference between the touched alarms' counts now and as first met."""
    touched: dict[str, set[int]] = session.info.pop(_TOUCHED, None) or {}
    before: dict[str, Counts] = session.info.pop(_BEFORE, None) or {}
    session.info.pop(_SEEN, None)
    for table, _query in SUMMARIES:
        ids = touched.get(table.name)
        if not ids:
            continue
        delta: Counts = {}
        _add(delta, summaries_of(session, ids, (table.name,))[table.name], 1)
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
        for name in (_BEFORE, _SEEN, _TOUCHED, _ORM_CHANGED):
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
    session.info[_ORM_CHANGED] = ids


@event.listens_for(Session, "after_flush")
def _orm_after(session: Session, _flush: UOWTransaction) -> None:
    new = [obj.id for obj in session.new if isinstance(obj, AlarmRow) and obj.id is not None]
    if new:
        inserted(session, new)
    announced = session.info.pop(_ORM_CHANGED, None)
    if announced:
        changed(session, announced)

"""Set-based reads and writes for the receiver's hot path: one statement per kind of row per batch.

The ORM costs a few hundred microseconds per row in statement building and flushing; a receiver
committing thousands of signals a second cannot afford that, so batches go through Core
statements with executemany instead.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, case, insert, or_, select, update
from sqlalchemy.orm import Session

from console.domain.alarm import Alarm, AlarmState
from console.domain.alarm_path import Trip
from console.domain.priority import EventCategory
from console.domain.transmitter_match import pick_transmitter
from console.storage import report_upkeep
from console.storage.alarms import StaleAlarm, alarm_columns_query, alarm_of
from console.storage.tables import (
    AlarmRow,
    ChangeRow,
    SignalRow,
    SiteRow,
    TransmitterRow,
)

_ALARM = AlarmRow.__table__  # type: ignore[attr-defined]
_SIGNAL = SignalRow.__table__  # type: ignore[attr-defined]
_CHANGE = ChangeRow.__table__  # type: ignore[attr-defined]
_TRANSMITTER = TransmitterRow.__table__  # type: ignore[attr-defined]
_SITE = SiteRow.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class TransmitterRef:
    id: int
    site_id: int
    account: str
    line: str
    overdue: bool


def transmitters_for(
    session: Session, wanted_keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], TransmitterRef | None]:
    """Resolve (account, line) keys like `sites.find_transmitter`, for a whole batch in one query."""
    keys = set(wanted_keys)
    wanted = sorted({account for account, _ in keys})
    rows = session.execute(
        select(
            _TRANSMITTER.c.id,
            _TRANSMITTER.c.site_id,
            _TRANSMITTER.c.account,
            _TRANSMITTER.c.line,
            _TRANSMITTER.c.test_overdue_since,
        ).where(_TRANSMITTER.c.account.in_(wanted))
    ).all()
    by_account: dict[str, list[TransmitterRef]] = {}
    for row in rows:
        ref = TransmitterRef(row.id, row.site_id, row.account, row.line, row.test_overdue_since is not None)
        by_account.setdefault(row.account, []).append(ref)
    resolved: dict[tuple[str, str], TransmitterRef | None] = {}
    for account, line in keys:
        resolved[(account, line)] = pick_transmitter(by_account.get(account, []), line, _line_of)
    return resolved


def _line_of(ref: TransmitterRef) -> str:
    return ref.line


def site_names(session: Session, site_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    ids = sorted(set(site_ids))
    if not ids:
        return {}
    rows = session.execute(select(_SITE.c.id, _SITE.c.code, _SITE.c.name).where(_SITE.c.id.in_(ids))).all()
    return {row.id: (row.code, row.name) for row in rows}


def open_alarms_for(session: Session, site_ids: Iterable[int], unknown_sources: Iterable[str]) -> list[Alarm]:
    """Open alarms of these sites, and of these sources of unknown accounts (alarms without a site).

    Plain columns, not ORM entities: building entities was a third of the receiver's commit time.
    """
    sites, sources = sorted(set(site_ids)), sorted(set(unknown_sources))
    if not sites and not sources:
        return []
    conditions = []
    if sites:
        conditions.append(_ALARM.c.site_id.in_(sites))
    if sources:
        conditions.append(_ALARM.c.site_id.is_(None) & _ALARM.c.source.in_(sources))
    query = alarm_columns_query().where(_ALARM.c.state != AlarmState.CLOSED.value, or_(*conditions))
    return [alarm_of(r) for r in session.execute(query)]


def update_joined_alarms(
    session: Session, alarms: Sequence[Alarm], recategorised: Collection[int] | None = None
) -> None:
    """Write what joining signals changed (count, last signal, priority, title, category),
    version-checked. `recategorised`: the alarms whose category the joining changed, as the caller
    read them (the version check proves the rows still hold that): only those move the report's
    summaries; None counts every alarm of the batch again."""
    if not alarms:
        return
    moved = [a.id for a in alarms if recategorised is None or a.id in recategorised]
    report_upkeep.before_change(session, moved, report_upkeep.CATEGORY_ONLY)
    result = session.execute(
        update(_ALARM)
        .where(_ALARM.c.id == bindparam("b_id"), _ALARM.c.version == bindparam("b_version"))
        .values(
            priority=bindparam("b_priority"),
            category=bindparam("b_category"),
            title=bindparam("b_title"),
            title_event=bindparam("b_title_event"),
            title_zone=bindparam("b_title_zone"),
            path_confirmed_at=bindparam("b_path"),
            signal_count=bindparam("b_count"),
            last_signal_at=bindparam("b_last"),
            source_accounts=bindparam("b_accounts"),
            version=bindparam("b_version") + 1,
        ),
        [
            {
                "b_id": a.id,
                "b_version": a.version,
                "b_priority": int(a.priority),
                "b_category": a.category.value,
                "b_title": a.title,
                "b_title_event": a.title_event,
                "b_title_zone": a.title_zone,
                "b_path": a.path_confirmed_at,
                "b_count": a.signal_count,
                "b_last": a.last_signal_at,
                "b_accounts": a.source_accounts,
            }
            for a in alarms
        ],
    )
    if result.rowcount != len(alarms):  # type: ignore[attr-defined]
        raise StaleAlarm("an alarm of the batch was changed elsewhere")
    report_upkeep.changed(session, moved, report_upkeep.CATEGORY_ONLY)


def accounts_filed_in(
    session: Session, alarm_ids: Iterable[int], accounts: Iterable[str]
) -> dict[int, set[str]]:
    """Which of `accounts` already have signals filed in each of these alarms (unknown sources)."""
    ids, wanted = sorted(set(alarm_ids)), sorted(set(accounts))
    if not ids or not wanted:
        return {}
    rows = session.execute(
        select(_SIGNAL.c.alarm_id, _SIGNAL.c.account)
        .where(_SIGNAL.c.alarm_id.in_(ids), _SIGNAL.c.account.in_(wanted))
        .distinct()
    ).all()
    found: dict[int, set[str]] = {}
    for alarm_id, account in rows:
        found.setdefault(alarm_id, set()).add(account)
    return found


def trips_of(session: Session, alarm_ids: Iterable[int]) -> dict[int, list[Trip]]:
    """The stored trips (new intrusion events on a zone) of these alarms."""
    ids = sorted(set(alarm_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(_SIGNAL.c.alarm_id, _SIGNAL.c.zone, _SIGNAL.c.received_at).where(
            _SIGNAL.c.alarm_id.in_(ids),
            _SIGNAL.c.category == EventCategory.INTRUSION.value,
            _SIGNAL.c.qualifier == "new",
            _SIGNAL.c.zone > 0,
        )
    ).all()
    trips: dict[int, list[Trip]] = {}
    for alarm_id, zone, at in rows:
        trips.setdefault(alarm_id, []).append(Trip(zone, at))
    return trips


def insert_rows(session: Session, table_name: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows of the change feed in one executemany. Not the journal (chained: console/storage/journal.py
    writes its rows) nor faults (console/storage/faults.record_faults): each has one insert path."""
    if rows:
        session.execute(insert(_TABLES[table_name]), list(rows))


def touch_transmitters(session: Session, last_signal: Mapping[int, datetime]) -> None:
    """Each transmitter's last sign of life moves forward only: a signal filed late (a panel's
    buffered events, an old inbox copy restored) must not make it look quiet since then."""
    if last_signal:
        column = _TRANSMITTER.c.last_signal_at
        later = case(
            (or_(column.is_(None), column < bindparam("b_at")), bindparam("b_at")),
            else_=column,
        )
        session.execute(
            update(_TRANSMITTER).where(_TRANSMITTER.c.id == bindparam("b_id")).values(last_signal_at=later),
            [{"b_id": tid, "b_at": at} for tid, at in last_signal.items()],
        )


_TABLES = {
    "change_log": _CHANGE,
}

"""Alarm and journal persistence, with the optimistic locking several desks rely on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy import select as core_select
from sqlalchemy.orm import Session
from sqlmodel import col, or_, select

from console.domain.alarm import Alarm, AlarmState
from console.domain.journal import JournalAction
from console.domain.shift import TakeTimes
from console.domain.site import JournalEntry
from console.storage import journal, report_upkeep
from console.storage.changes import record_changes
from console.storage.journal import JournalDraft
from console.storage.mapping import alarm_from_columns, journal_from_row
from console.storage.tables import AlarmRow, JournalRow, OperatorRow, SiteRow

_ALARM = AlarmRow.__table__  # type: ignore[attr-defined]


class StaleAlarm(Exception):
    """The alarm changed since it was read (another desk acted first)."""


def alarm_columns_query() -> Any:
    """Alarm columns with their site's code and name and their holder's login (never the holder's
    password hash: the receiver's database role may not read it), the shape `alarm_of` takes.

    Plain Core rows, not ORM entities: building entities cost half of the queue's reads (its
    feed polls every 50 ms, and its snapshot holds every open alarm), on a worker thread that
    takes the interpreter lock from the GUI thread meanwhile."""
    alarm, site = _ALARM, SiteRow.__table__  # type: ignore[attr-defined]
    holder = OperatorRow.__table__.alias("holder")  # type: ignore[attr-defined]
    return core_select(
        alarm, site.c.code.label("site_code"), site.c.name.label("site_name"), holder.c.login.label("login")
    ).select_from(
        alarm.outerjoin(site, alarm.c.site_id == site.c.id).outerjoin(
            holder, alarm.c.operator_id == holder.c.id
        )
    )


def alarm_of(row: Any) -> Alarm:
    """The alarm of a row of `alarm_columns_query`."""
    return alarm_from_columns(row, row.site_code or "", row.site_name or "", row.login)


def get_alarm(session: Session, alarm_id: int) -> Alarm | None:
    found = session.execute(alarm_columns_query().where(_ALARM.c.id == alarm_id)).first()
    return alarm_of(found) if found else None


def get_alarms(session: Session, alarm_ids: Iterable[int]) -> list[Alarm]:
    ids = sorted(set(alarm_ids))
    if not ids:
        return []
    return [alarm_of(r) for r in session.execute(alarm_columns_query().where(_ALARM.c.id.in_(ids)))]


def open_alarms(session: Session) -> list[Alarm]:
    query = alarm_columns_query().where(_ALARM.c.state != AlarmState.CLOSED.value)
    return [alarm_of(r) for r in session.execute(query)]


def open_alarm_for(session: Session, site_id: int | None, account: str) -> Alarm | None:
    """The site's open alarm; for an unknown account (no site), the open alarm of that account."""
    query = alarm_columns_query().where(_ALARM.c.state != AlarmState.CLOSED.value)
    if site_id is not None:
        query = query.where(_ALARM.c.site_id == site_id)
    else:
        query = query.where(_ALARM.c.site_id.is_(None), _ALARM.c.account == account)
    found = session.execute(query).first()
    return alarm_of(found) if found else None


def insert_alarm(session: Session, alarm: Alarm) -> Alarm:
    """Store a new alarm (its `id` is ignored) and return it with the database's id.

    A Core statement rather than an ORM row: the receiver's batches call it on their hot path.
    """
    table = AlarmRow.__table__  # type: ignore[attr-defined]
    alarm_id = session.execute(
        insert(table).returning(table.c.id),
        {
            "site_id": alarm.site_id,
            "account": alarm.account,
            "state": alarm.state.value,
            "priority": int(alarm.priority),
            "category": alarm.category.value,
            "title": alarm.title,
            "title_event": alarm.title_event,
            "title_zone": alarm.title_zone,
            "created_at": alarm.created_at,
            "last_signal_at": alarm.last_signal_at,
            "signal_count": alarm.signal_count,
            "source": alarm.source,
            "source_accounts": alarm.source_accounts,
            "source_period": alarm.source_period,
            "version": 1,
        },
    ).scalar_one()
    report_upkeep.inserted(session, [int(alarm_id)])
    return replace(alarm, id=int(alarm_id), version=1)


def save_alarm(session: Session, alarm: Alarm, *, closed_by: int | None = None) -> Alarm:
    """Write an alarm's new state if nobody changed it since `alarm.version` was read.

    `last_activity_at` is not written here but by `note_operator_activity`, which only moves it
    forward: a stale copy saved later must not take it back.
    """
    values: dict[str, object] = {
        "state": alarm.state.value,
        "priority": int(alarm.priority),
        "category": alarm.category.value,
        "title": alarm.title,
        "title_event": alarm.title_event,
        "title_zone": alarm.title_zone,
        "path_confirmed_at": alarm.path_confirmed_at,
        "last_signal_at": alarm.last_signal_at,
        "signal_count": alarm.signal_count,
        "taken_at": alarm.taken_at,
        "verifying_at": alarm.verifying_at,
        "dispatched_at": alarm.dispatched_at,
        "closed_at": alarm.closed_at,
        "operator_id": alarm.operator_id,
        "disposition": alarm.disposition.value if alarm.disposition else None,
        "closing_comment": alarm.closing_comment,
        "version": alarm.version + 1,
    }
    if closed_by is not None:
        values["closed_by"] = closed_by
    report_upkeep.before_change(session, [alarm.id])
    result = session.execute(
        update(AlarmRow)
        .where(col(AlarmRow.id) == alarm.id, col(AlarmRow.version) == alarm.version)
        .values(**values)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleAlarm(f"alarm {alarm.id} was changed elsewhere")
    report_upkeep.changed(session, [alarm.id])
    return replace(alarm, version=alarm.version + 1)


def append_journal(
    session: Session,
    *,
    at: datetime,
    action: str,
    detail: str = "",
    operator_id: int | None = None,
    alarm_id: int | None = None,
    site_id: int | None = None,
) -> None:
    """One journal row (chained at commit by console/storage/journal.py); an entry on an alarm also
    tells the consoles showing it to reload it (its journal is on their screen), and an operator's
    entry counts as activity on it."""
    journal.append(
        session,
        JournalDraft(
            at=at, action=action, detail=detail, operator_id=operator_id, alarm_id=alarm_id, site_id=site_id
        ),
    )
    if alarm_id is not None:
        if operator_id is not None:
            note_operator_activity(session, alarm_id, at)
        record_changes(session, "alarm", [alarm_id], at)


def note_operator_activity(session: Session, alarm_id: int, at: datetime) -> None:
    """Move the alarm's last activity forward (never back).

    Called for every journal entry an operator writes on an alarm, whatever wrote it (an action, a
    ticked step, a note, a call, a dispatch), so stall detection needs nothing from new features.
    The version is not bumped: activity is no state change, and must not make a concurrent
    action or signal fail its version check.
    """
    session.execute(
        update(AlarmRow)
        .where(
            col(AlarmRow.id) == alarm_id,
            or_(col(AlarmRow.last_activity_at).is_(None), col(AlarmRow.last_activity_at) < at),
        )
        .values(last_activity_at=at)
    )


def journal_for_alarm(session: Session, alarm_id: int) -> list[JournalEntry]:
    query = (
        select(JournalRow, OperatorRow.login)
        .join(OperatorRow, col(JournalRow.operator_id) == col(OperatorRow.id), isouter=True)
        .where(col(JournalRow.alarm_id) == alarm_id)
        .order_by(col(JournalRow.at), col(JournalRow.id))
    )
    return [journal_from_row(row, login) for row, login in session.execute(query).all()]


def operator_sessions(session: Session, operator_id: int) -> list[JournalEntry]:
    """An operator's sign-ins and sign-outs, oldest first: who was at the console, and when."""
    query = (
        select(JournalRow, OperatorRow.login)
        .join(OperatorRow, col(JournalRow.operator_id) == col(OperatorRow.id), isouter=True)
        .where(
            col(JournalRow.operator_id) == operator_id,
            col(JournalRow.action).in_([JournalAction.LOGIN.value, JournalAction.LOGOUT.value]),
        )
        .order_by(col(JournalRow.at), col(JournalRow.id))
    )
    return [journal_from_row(row, login) for row, login in session.execute(query).all()]


def take_times_since(
    session: Session, since: datetime, changed_since: datetime | None = None
) -> dict[int, TakeTimes]:
    """Creation, take and close times of the alarms raised since `since` (a shift's service level),
    by alarm id; with `changed_since`, only those raised, taken or closed since then (a refresh)."""
    query = select(AlarmRow.id, AlarmRow.created_at, AlarmRow.taken_at, AlarmRow.closed_at).where(
        col(AlarmRow.created_at) >= since
    )
    if changed_since is not None:
        query = query.where(
            or_(
                col(AlarmRow.created_at) >= changed_since,
                col(AlarmRow.taken_at) >= changed_since,
                col(AlarmRow.closed_at) >= changed_since,
            )
        )
    return {
        alarm_id: TakeTimes(created, taken, closed)
        for alarm_id, created, taken, closed in session.execute(query).all()
    }

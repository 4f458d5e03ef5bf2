"""Dispatch persistence: the requests, their steps, and the site's agreed guard delay.

Writes run inside the caller's transaction and are version-checked like alarms: two desks
marking the same guard on site cannot both succeed. Every step is journaled and noted in the
change feed under the alarm, so the other consoles showing that alarm reload its dispatches.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import insert, update
from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.dispatch import Dispatch, DispatchKind, check_agreed_delay
from console.domain.journal import JournalAction
from console.storage.alarms import append_journal
from console.storage.tables import AlarmRow, DispatchRow, SiteRow


class StaleDispatch(Exception):
    """The dispatch changed since it was read (another desk recorded a step first)."""


def dispatch_from_row(row: DispatchRow) -> Dispatch:
    if row.id is None:
        raise ValueError("row has no id yet (not flushed)")
    return Dispatch(
        id=row.id,
        alarm_id=row.alarm_id,
        kind=DispatchKind(row.kind),
        requested_at=row.requested_at,
        provider=row.provider,
        reference=row.reference,
        agreed_delay_min=row.agreed_delay_min,
        on_site_at=row.on_site_at,
        report_at=row.report_at,
        report=row.report,
        cancelled_at=row.cancelled_at,
        cancel_reason=row.cancel_reason,
        version=row.version,
    )


def insert_dispatch(session: Session, dispatch: Dispatch, requested_by: int | None) -> Dispatch:
    """Store a new request (its `id` is ignored) and return it with the database's id."""
    table = DispatchRow.__table__  # type: ignore[attr-defined]
    dispatch_id = session.execute(
        insert(table).returning(table.c.id),
        {
            "alarm_id": dispatch.alarm_id,
            "kind": dispatch.kind.value,
            "provider": dispatch.provider,
            "reference": dispatch.reference,
            "agreed_delay_min": dispatch.agreed_delay_min,
            "requested_at": dispatch.requested_at,
            "requested_by": requested_by,
            "report": "",
            "cancel_reason": "",
            "version": 1,
        },
    ).scalar_one()
    return replace(dispatch, id=int(dispatch_id), version=1)


def save_dispatch(session: Session, dispatch: Dispatch) -> Dispatch:
    """Write a dispatch's steps if nobody changed it since `dispatch.version` was read."""
    result = session.execute(
        update(DispatchRow)
        .where(col(DispatchRow.id) == dispatch.id, col(DispatchRow.version) == dispatch.version)
        .values(
            on_site_at=dispatch.on_site_at,
            report_at=dispatch.report_at,
            report=dispatch.report,
            cancelled_at=dispatch.cancelled_at,
            cancel_reason=dispatch.cancel_reason,
            version=dispatch.version + 1,
        )
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleDispatch(f"dispatch {dispatch.id} was changed elsewhere")
    return replace(dispatch, version=dispatch.version + 1)


def get_dispatch(session: Session, dispatch_id: int) -> Dispatch | None:
    row = session.get(DispatchRow, dispatch_id, populate_existing=True)
    return dispatch_from_row(row) if row is not None else None


def dispatches_for_alarm(session: Session, alarm_id: int) -> list[Dispatch]:
    rows = session.execute(
        select(DispatchRow)
        .where(col(DispatchRow.alarm_id) == alarm_id)
        .order_by(col(DispatchRow.requested_at), col(DispatchRow.id))
    ).scalars()
    return [dispatch_from_row(r) for r in rows]


def open_dispatches(session: Session) -> list[Dispatch]:
    """Dispatches still awaited or on site, oldest request first (for the queue's follow-up)."""
    rows = session.execute(
        select(DispatchRow)
        .where(col(DispatchRow.report_at).is_(None), col(DispatchRow.cancelled_at).is_(None))
        .order_by(col(DispatchRow.requested_at), col(DispatchRow.id))
    ).scalars()
    return [dispatch_from_row(r) for r in rows]


def site_guard_delay(session: Session, site_id: int | None) -> int | None:
    """The site contract's guard delay in minutes; None when the site names none (or is unknown)."""
    if site_id is None:
        return None
    return session.execute(select(SiteRow.guard_delay_min).where(col(SiteRow.id) == site_id)).scalar()


def set_site_guard_delay(session: Session, site_id: int, minutes: int | None) -> None:
    check_agreed_delay(minutes)
    session.execute(update(SiteRow).where(col(SiteRow.id) == site_id).values(guard_delay_min=minutes))


def alarm_site(session: Session, alarm_id: int) -> int | None:
    return session.execute(select(AlarmRow.site_id).where(col(AlarmRow.id) == alarm_id)).scalar()


def journal_step(
    session: Session,
    dispatch: Dispatch,
    action: JournalAction,
    detail: str,
    *,
    at: datetime,
    operator_id: int | None,
    site_id: int | None,
) -> None:
    """The journal entry of a step (it makes the consoles showing the alarm reload it)."""
    append_journal(
        session,
        at=at,
        action=action,
        detail=detail,
        operator_id=operator_id,
        alarm_id=dispatch.alarm_id,
        site_id=site_id,
    )

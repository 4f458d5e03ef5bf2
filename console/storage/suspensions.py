"""Test and out-of-service periods, and what a test period received (its installer's report)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import and_, or_
from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.signals import Qualifier
from console.domain.test_mode import Suspension, SuspensionPeriod
from console.storage.tables import OperatorRow, SignalRow, SuspensionRow


def _zones_text(zones: Iterable[int]) -> str:
    return ",".join(str(z) for z in sorted(set(zones)))


def _period(row: SuspensionRow, login: str | None = None) -> SuspensionPeriod:
    return SuspensionPeriod(
        id=row.id or 0,
        site_id=row.site_id,
        kind=Suspension(row.kind),
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        reason=row.reason,
        account=row.account,
        zones=frozenset(int(z) for z in row.zones.split(",") if z),
        ended_at=row.ended_at,
        created_by=login or "",
    )


def add_period(
    session: Session,
    site_id: int,
    kind: Suspension,
    starts_at: datetime,
    ends_at: datetime | None,
    reason: str,
    *,
    account: str | None,
    zones: Iterable[int],
    created_by: int | None,
    now: datetime,
) -> SuspensionPeriod:
    row = SuspensionRow(
        site_id=site_id,
        kind=kind.value,
        starts_at=starts_at,
        ends_at=ends_at,
        account=account.upper() if account else None,
        zones=_zones_text(zones),
        reason=reason.strip(),
        created_by=created_by,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return _period(row)


def end_period(session: Session, period_id: int, at: datetime) -> SuspensionPeriod | None:
    """Lift a period at `at` (a no-op for one already over); None when there is no such period."""
    row = session.get(SuspensionRow, period_id)
    if row is None:
        return None
    current = _period(row)
    if current.end is None or current.end > at:
        row.ended_at = at
        session.flush()
    return _period(row)


def period(session: Session, period_id: int) -> SuspensionPeriod | None:
    row = session.get(SuspensionRow, period_id)
    return None if row is None else _period(row)


def periods_overlapping(
    session: Session, site_ids: Iterable[int] | None, start: datetime, end: datetime
) -> list[SuspensionPeriod]:
    """Periods of these sites (all sites: None) applying at some time in [start, end]."""
    query = (
        select(SuspensionRow, OperatorRow.login)
        .outerjoin(OperatorRow, col(OperatorRow.id) == col(SuspensionRow.created_by))
        .where(
            col(SuspensionRow.starts_at) <= end,
            or_(col(SuspensionRow.ends_at).is_(None), col(SuspensionRow.ends_at) > start),
            or_(col(SuspensionRow.ended_at).is_(None), col(SuspensionRow.ended_at) > start),
        )
    )
    if site_ids is not None:
        ids = sorted(set(site_ids))
        if not ids:
            return []
        query = query.where(col(SuspensionRow.site_id).in_(ids))
    rows = session.execute(query.order_by(col(SuspensionRow.starts_at))).all()
    return [_period(row, login) for row, login in rows]


def signals_of_period(session: Session, found: SuspensionPeriod, until: datetime) -> list[SignalRow]:
    """The site's signals received in the period (up to `until` if it is not over), in order,
    restricted to its account and zones; restores left out (the installer wants what was tripped)."""
    end = found.end or until
    query = select(SignalRow).where(
        col(SignalRow.site_id) == found.site_id,
        col(SignalRow.received_at) >= found.starts_at,
        col(SignalRow.received_at) < min(end, until),
        col(SignalRow.qualifier) != Qualifier.RESTORE.value,
    )
    if found.account is not None:
        query = query.where(col(SignalRow.account) == found.account)
    if found.zones:
        query = query.where(and_(col(SignalRow.zone).in_(sorted(found.zones))))
    return list(session.execute(query.order_by(col(SignalRow.received_at), col(SignalRow.id))).scalars())

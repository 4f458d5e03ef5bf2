"""The technical analysis' aggregate queries: one GROUP BY per list over the period, same SQL on both backends.

Each function returns the domain's facts; the ranking rules (what is late, what flaps) are applied
by console/domain/analysis.py. `site_id` narrows a query to one site, for the site summary. The
period filters use the (account|site, time) indexes the history search already has.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from console.domain.analysis import FalseAlarmFacts, FaultFacts, PeriodicTestFacts, StationFacts, ZoneFacts
from console.domain.journal import JournalAction
from console.domain.report import FALSE_ALARMS, NOT_AN_ALARM, ReportPeriod
from console.storage.tables import (
    AlarmRow,
    CallRow,
    JournalRow,
    SignalRow,
    SiteRow,
    StationStatusRow,
    TransmissionFaultRow,
    TransmitterRow,
)
from console.storage.types import UTCDateTime

A = AlarmRow.__table__.c  # type: ignore[attr-defined]
C = CallRow.__table__.c  # type: ignore[attr-defined]
F = TransmissionFaultRow.__table__.c  # type: ignore[attr-defined]
J = JournalRow.__table__.c  # type: ignore[attr-defined]
_SITES = SiteRow.__table__  # type: ignore[attr-defined]
S = _SITES.c
G = SignalRow.__table__.c  # type: ignore[attr-defined]
T = TransmitterRow.__table__.c  # type: ignore[attr-defined]
ST = StationStatusRow.__table__.c  # type: ignore[attr-defined]

_NOT_ZONE_EVENTS = ("test", "open_close", "information")  # a zone's churn, not a panel's routine


def site_id_of(session: Session, code: str) -> tuple[int, str] | None:
    row = session.execute(select(S.id, S.name).where(S.code == code)).first()
    return (int(row[0]), str(row[1])) if row else None


def periodic_tests(
    session: Session, period: ReportPeriod, now: datetime, limit: int, site_id: int | None = None
) -> list[PeriodicTestFacts]:
    """Transmitters with a test interval that are overdue, never heard from, or whose site missed tests."""
    missed = (
        select(J.site_id.label("site_id"), func.count().label("missed"))
        .where(J.action == JournalAction.MISSED_TEST.value, J.at >= period.start, J.at < period.end)
        .group_by(J.site_id)
        .subquery()
    )
    missed_count = func.coalesce(missed.c.missed, 0)
    # Overdue now, then never heard from, then only missed in the period: the LIMIT keeps the worst.
    late_first = case((T.test_overdue_since.is_not(None), 0), (T.last_signal_at.is_(None), 1), else_=2)
    query = (
        select(
            T.account,
            S.code,
            T.test_interval_s,
            T.last_signal_at,
            T.test_overdue_since,
            T.created_at,
            missed_count,
        )
        .join(_SITES, S.id == T.site_id)
        .outerjoin(missed, missed.c.site_id == T.site_id)
        .where(
            T.test_interval_s.is_not(None),
            (T.test_overdue_since.is_not(None)) | (T.last_signal_at.is_(None)) | (missed_count > 0),
        )
        .order_by(late_first, T.test_overdue_since, missed_count.desc(), T.account)
        .limit(limit)
    )
    if site_id is not None:
        query = query.where(T.site_id == site_id)
    return [
        PeriodicTestFacts(r[0], r[1], int(r[2]), r[3], r[4], r[5], int(r[6])) for r in session.execute(query)
    ]


def transmission_faults(
    session: Session, period: ReportPeriod, site_id: int | None = None
) -> list[FaultFacts]:
    """Faults per (account, kind) in the period, with the largest clock skew (by magnitude)."""
    codes = (
        select(T.account, func.min(S.code).label("code"), func.min(T.site_id).label("site_id"))
        .join(_SITES, S.id == T.site_id)
        .group_by(T.account)
        .subquery()
    )
    skew = func.max(func.abs(F.skew_s))
    query = (
        select(F.account, codes.c.code, F.kind, func.count(), func.min(F.at), func.max(F.at), skew)
        .outerjoin(codes, codes.c.account == F.account)
        .where(F.account.is_not(None), F.at >= period.start, F.at < period.end)
        .group_by(F.account, codes.c.code, F.kind)
    )
    if site_id is not None:
        query = query.where(codes.c.site_id == site_id)
    return [
        FaultFacts(r[0], r[1], r[2], int(r[3]), r[4], r[5], float(r[6]) if r[6] is not None else None)
        for r in session.execute(query)
    ]


def zone_churn(
    session: Session, period: ReportPeriod, min_pairs: int, limit: int, site_id: int | None = None
) -> list[ZoneFacts]:
    """Alarm and restore signals per (site, zone); only zones with at least `min_pairs` of both."""
    alarms = func.sum(case((G.qualifier == "new", 1), else_=0))
    restores = func.sum(case((G.qualifier == "restore", 1), else_=0))
    pairs = case((alarms < restores, alarms), else_=restores)
    query = (
        select(G.site_id, G.zone, alarms, restores, func.min(G.received_at), func.max(G.received_at))
        .where(
            G.site_id.is_not(None),
            G.zone.is_not(None),
            G.received_at >= period.start,
            G.received_at < period.end,
            G.category.not_in(_NOT_ZONE_EVENTS),
        )
        .group_by(G.site_id, G.zone)
        .having(pairs >= min_pairs)
        .order_by(pairs.desc(), G.site_id, G.zone)
        .limit(limit)
    )
    if site_id is not None:
        query = query.where(G.site_id == site_id)
    rows = session.execute(query).all()
    codes = _codes(session, [r[0] for r in rows])
    return [ZoneFacts(codes[r[0]], int(r[1]), int(r[2]), int(r[3]), r[4], r[5]) for r in rows]


def false_alarms(
    session: Session, period: ReportPeriod, limit: int, site_id: int | None = None
) -> list[FalseAlarmFacts]:
    """Sites by false alarms among their alarms created in the period (tests and cancellations aside)."""
    false = A.disposition.in_([d.value for d in FALSE_ALARMS])
    counted = and_(A.disposition.is_not(None), A.disposition.not_in([d.value for d in NOT_AN_ALARM]))
    false_count = func.sum(case((false, 1), else_=0))
    query = (
        select(
            A.site_id,
            false_count,
            func.sum(case((counted, 1), else_=0)),
            func.min(case((false, A.created_at)), type_=UTCDateTime()),
            func.max(case((false, A.created_at)), type_=UTCDateTime()),
        )
        .where(A.site_id.is_not(None), A.created_at >= period.start, A.created_at < period.end)
        .group_by(A.site_id)
        .having(false_count > 0)
        .order_by(false_count.desc(), A.site_id)
        .limit(limit)
    )
    if site_id is not None:
        query = query.where(A.site_id == site_id)
    rows = session.execute(query).all()
    codes = _codes(session, [r[0] for r in rows])
    return [FalseAlarmFacts(codes[r[0]], int(r[1]), int(r[2]), r[3], r[4]) for r in rows]


def station_faults(session: Session, period: ReportPeriod) -> list[StationFacts]:
    """Equipment not "ok" now, failed calls (the telephone) and recording faults in the period."""
    facts = [
        StationFacts(r[0], 1, r[1], r[1], {"kind": "journal"})
        for r in session.execute(select(ST.component, ST.updated_at).where(ST.state != "ok"))
    ]
    calls = session.execute(
        select(func.count(), func.min(C.created_at), func.max(C.created_at)).where(
            C.end_status == "failed", C.created_at >= period.start, C.created_at < period.end
        )
    ).one()
    if calls[0]:
        facts.append(
            StationFacts("telephone", int(calls[0]), calls[1], calls[2], {"kind": "calls", "state": "failed"})
        )
    recording = JournalAction.CALL_RECORDING_FAULT.value
    journal = session.execute(
        select(func.count(), func.min(J.at), func.max(J.at)).where(
            J.action == recording, J.at >= period.start, J.at < period.end
        )
    ).one()
    if journal[0]:
        facts.append(
            StationFacts(
                "recording", int(journal[0]), journal[1], journal[2], {"kind": "journal", "code": recording}
            )
        )
    return facts


def _codes(session: Session, ids: list[Any]) -> dict[Any, str]:
    return {r[0]: r[1] for r in session.execute(select(S.id, S.code).where(S.id.in_(ids)))}

"""The report's aggregate queries, and saved reports.

Every figure is a GROUP BY over the period's alarms (created in [start, end), `ix_alarm_created_at`),
so a year of a station costs a few scans, never a million rows in Python. Durations are computed
in milliseconds by the database (julianday on SQLite, epoch on PostgreSQL) and rounded, so a take
of exactly 30 s counts as within 30 s on both backends.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, literal, select
from sqlalchemy.orm import Session

from console.domain.report import (
    FALSE_ALARMS,
    HANDLE_EDGES_S,
    NOT_AN_ALARM,
    TAKE_EDGES_S,
    DispatchFigures,
    Histogram,
    OperatorWorkload,
    ReportError,
    ReportPeriod,
    ReportScope,
    ScopeKind,
    ServiceLevelFigures,
    SiteFalseAlarms,
    StationReport,
    local_counts,
    rank_false_alarms,
)
from console.domain.service_level import ServiceTargets
from console.storage.tables import AlarmRow, DispatchRow, OperatorRow, ReportRow, SiteRow

A = AlarmRow.__table__.c  # type: ignore[attr-defined]
D = DispatchRow.__table__.c  # type: ignore[attr-defined]
S = SiteRow.__table__.c  # type: ignore[attr-defined]
O = OperatorRow.__table__.c  # type: ignore[attr-defined]  # noqa: E741


def _ms(start: Any, end: Any, dialect: str) -> ColumnElement[Any]:
    """Milliseconds from `start` to `end`, whole."""
    if dialect == "sqlite":
        return func.round((func.julianday(end) - func.julianday(start)) * 86_400_000.0)
    return func.round(func.date_part("epoch", end - start) * 1000)


def _utc_hour(column: Any, dialect: str) -> ColumnElement[Any]:
    """'YYYY-MM-DD HH' of a UTC timestamp (SQLite stores naive UTC text)."""
    if dialect == "sqlite":
        return func.substr(column, 1, 13)
    return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD HH24")


def _bucket(ms: ColumnElement[Any], edges: tuple[int, ...]) -> ColumnElement[Any]:
    whens = [(ms < edges[i + 1] * 1000, i) for i in range(len(edges) - 1)]
    return case(*whens, else_=len(edges) - 1)


@dataclass(frozen=True, slots=True)
class _Filter:
    where: ColumnElement[bool]


def _scope_filter(session: Session, period: ReportPeriod, scope: ReportScope) -> _Filter:
    """The period's alarms within the scope; an unknown site code or login is refused by name."""
    conditions: list[ColumnElement[bool]] = [A.created_at >= period.start, A.created_at < period.end]
    if scope.kind is ScopeKind.SITES:
        rows = session.execute(select(S.id, S.code).where(S.code.in_(scope.site_codes))).all()
        missing = sorted(set(scope.site_codes) - {r.code for r in rows})
        if missing:
            raise ReportError(f"unknown site: {', '.join(missing)}", "unknown_site", codes=", ".join(missing))
        conditions.append(A.site_id.in_([r.id for r in rows]))
    elif scope.kind is ScopeKind.OPERATOR:
        operator_id = session.execute(select(O.id).where(O.login == scope.operator_login)).scalar()
        if operator_id is None:
            raise ReportError(
                f"unknown operator: {scope.operator_login}",
                "unknown_operator",
                login=scope.operator_login or "",
            )
        conditions.append(A.operator_id == operator_id)
    return _Filter(and_(*conditions))


def _hourly(session: Session, f: _Filter, dialect: str) -> list[tuple[datetime, str, int]]:
    hour = _utc_hour(A.created_at, dialect).label("hour")
    rows = session.execute(
        select(hour, A.category, func.count()).where(f.where).group_by(hour, A.category)
    ).all()
    return [(datetime.strptime(h, "%Y-%m-%d %H").replace(tzinfo=UTC), c, n) for h, c, n in rows]


def _service(
    session: Session, f: _Filter, dialect: str, targets: ServiceTargets, alarms: int
) -> ServiceLevelFigures:
    take_ms = _ms(A.created_at, A.taken_at, dialect)
    take_bucket = _bucket(take_ms, TAKE_EDGES_S).label("bucket")
    first = func.sum(case((take_ms <= round(targets.take_within_s * 1000), 1), else_=0))
    second = func.sum(case((take_ms <= round(targets.take_late_s * 1000), 1), else_=0))
    take_rows = session.execute(
        select(take_bucket, func.count(), first, second)
        .where(f.where, A.taken_at.is_not(None))
        .group_by(take_bucket)
    ).all()
    handle_bucket = _bucket(_ms(A.taken_at, A.closed_at, dialect), HANDLE_EDGES_S).label("bucket")
    handle_rows = session.execute(
        select(handle_bucket, func.count())
        .where(f.where, A.taken_at.is_not(None), A.closed_at.is_not(None))
        .group_by(handle_bucket)
    ).all()
    return ServiceLevelFigures(
        alarms=alarms,
        taken=sum(int(r[1]) for r in take_rows),
        within_first=sum(int(r[2] or 0) for r in take_rows),
        within_second=sum(int(r[3] or 0) for r in take_rows),
        take=Histogram.from_buckets(TAKE_EDGES_S, {int(r[0]): int(r[1]) for r in take_rows}),
        handling=Histogram.from_buckets(HANDLE_EDGES_S, {int(r[0]): int(r[1]) for r in handle_rows}),
        targets=targets,
    )


def _false_alarms(session: Session, f: _Filter) -> tuple[SiteFalseAlarms, ...]:
    false_values = [d.value for d in FALSE_ALARMS]
    counted = and_(A.disposition.is_not(None), A.disposition.not_in([d.value for d in NOT_AN_ALARM]))
    rows = session.execute(
        select(
            S.code,
            S.name,
            func.sum(case((counted, 1), else_=0)),
            func.sum(case((A.disposition.in_(false_values), 1), else_=0)),
        )
        .select_from(AlarmRow.__table__.join(SiteRow.__table__, A.site_id == S.id))  # type: ignore[attr-defined]
        .where(f.where)
        .group_by(S.code, S.name)
    ).all()
    return rank_false_alarms(SiteFalseAlarms(c, n, int(t or 0), int(x or 0)) for c, n, t, x in rows)


def _dispatches(session: Session, f: _Filter, dialect: str) -> tuple[DispatchFigures, ...]:
    arrived_ms = _ms(D.requested_at, D.on_site_at, dialect)
    delay = D.agreed_delay_min.is_not(None)
    arrived = D.on_site_at.is_not(None)

    def count_if(condition: ColumnElement[bool]) -> ColumnElement[Any]:
        return func.sum(case((condition, 1), else_=0))

    rows = session.execute(
        select(
            D.kind,
            func.count(),
            count_if(delay),
            count_if(and_(delay, arrived, arrived_ms <= D.agreed_delay_min * 60_000)),
            count_if(and_(delay, arrived, arrived_ms > D.agreed_delay_min * 60_000)),
            count_if(and_(delay, ~arrived, D.cancelled_at.is_(None))),
            count_if(and_(~arrived, D.cancelled_at.is_not(None))),
        )
        .select_from(DispatchRow.__table__.join(AlarmRow.__table__, D.alarm_id == A.id))  # type: ignore[attr-defined]
        .where(f.where)
        .group_by(D.kind)
        .order_by(D.kind)
    ).all()
    return tuple(DispatchFigures(str(r[0]), *(int(v or 0) for v in r[1:])) for r in rows)


def _workload(session: Session, f: _Filter, dialect: str) -> tuple[OperatorWorkload, ...]:
    closed = and_(A.taken_at.is_not(None), A.closed_at.is_not(None))
    rows = session.execute(
        select(
            O.login,
            O.display_name,
            func.sum(case((A.taken_at.is_not(None), 1), else_=0)),
            func.sum(case((closed, 1), else_=0)),
            func.sum(case((closed, _ms(A.taken_at, A.closed_at, dialect)), else_=literal(0))),
        )
        .select_from(AlarmRow.__table__.join(OperatorRow.__table__, A.operator_id == O.id))  # type: ignore[attr-defined]
        .where(f.where)
        .group_by(O.login, O.display_name)
    ).all()
    loads = [
        OperatorWorkload(lg, dn, int(t or 0), int(c or 0), float(ms or 0) / 1000) for lg, dn, t, c, ms in rows
    ]
    return tuple(sorted(loads, key=lambda w: (-w.taken, w.login)))


def build_report(
    session: Session,
    period: ReportPeriod,
    scope: ReportScope,
    *,
    zone: ZoneInfo,
    targets: ServiceTargets,
    author: str,
    built_at: datetime,
) -> StationReport:
    """All the figures of a report, from a handful of aggregate queries."""
    dialect = session.get_bind().dialect.name
    f = _scope_filter(session, period, scope)
    per_day, per_hour = local_counts(_hourly(session, f, dialect), period, zone)
    alarms = sum(d.total for d in per_day)
    return StationReport(
        period=period,
        scope=scope,
        zone=zone.key,
        author=author,
        built_at=built_at,
        per_day=per_day,
        per_hour=per_hour,
        service=_service(session, f, dialect, targets, alarms),
        false_alarms=_false_alarms(session, f),
        dispatches=_dispatches(session, f, dialect),
        workload=_workload(session, f, dialect),
    )


@dataclass(frozen=True, slots=True)
class SavedReport:
    id: int
    created_at: datetime
    author_id: int
    comment: str
    report: StationReport


def save_report(session: Session, report: StationReport, comment: str, author_id: int, at: datetime) -> int:
    row = ReportRow(
        created_at=at,
        author_id=author_id,
        period_start=report.period.start,
        period_end=report.period.end,
        scope=report.scope.key(),
        comment=comment,
        figures=json.dumps(report.to_json(), ensure_ascii=False),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def saved_reports(session: Session, limit: int = 50) -> Sequence[SavedReport]:
    """The latest saved reports, newest first."""
    rows = session.execute(select(ReportRow).order_by(ReportRow.id.desc()).limit(limit)).scalars()  # type: ignore[union-attr]
    return [
        SavedReport(
            r.id or 0, r.created_at, r.author_id, r.comment, StationReport.from_json(json.loads(r.figures))
        )
        for r in rows
    ]

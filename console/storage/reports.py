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

from sqlalchemy import BigInteger, ColumnElement, and_, case, cast, func, literal, select
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


def _whole(ms: ColumnElement[Any], unit_ms: int, dialect: str, *, up: bool) -> ColumnElement[Any]:
    """A duration in whole units, never negative (a clock skew is no time at all). Rounded up for
    take times, so that ms <= T * unit exactly when the result <= T (the targets are counted
    exactly; a histogram edge may take a take up to 0.1 s early); down for handling times."""
    whole = (cast(ms, BigInteger) + (unit_ms - 1 if up else 0)) // unit_ms
    return func.max(whole, 0) if dialect == "sqlite" else func.greatest(whole, 0)


def _histogram(rows: Sequence[Any], unit_s: float, edges: tuple[int, ...]) -> Histogram:
    buckets: dict[int, int] = {}
    for units, count in rows:
        value = int(units) * unit_s
        index = next((i for i in range(len(edges) - 1) if value < edges[i + 1]), len(edges) - 1)
        buckets[index] = buckets.get(index, 0) + int(count)
    return Histogram.from_buckets(edges, buckets)


def _service(
    session: Session, f: _Filter, dialect: str, targets: ServiceTargets, alarms: int
) -> ServiceLevelFigures:
    """Take times in tenths of a second and handling times in minutes, grouped by the database
    (a few hundred groups for a year): the bucket edges and the 30 s / 60 s targets fall on them."""
    take = _whole(_ms(A.created_at, A.taken_at, dialect), 100, dialect, up=True).label("take")
    take_rows = session.execute(
        select(take, func.count()).where(f.where, A.taken_at.is_not(None)).group_by(take)
    ).all()
    handle = _whole(_ms(A.taken_at, A.closed_at, dialect), 60_000, dialect, up=False).label("handle")
    handle_rows = session.execute(
        select(handle, func.count())
        .where(f.where, A.taken_at.is_not(None), A.closed_at.is_not(None))
        .group_by(handle)
    ).all()
    first, second = targets.take_within_s * 10, targets.take_late_s * 10
    return ServiceLevelFigures(
        alarms=alarms,
        taken=sum(int(n) for _, n in take_rows),
        within_first=sum(int(n) for k, n in take_rows if int(k) <= first),
        within_second=sum(int(n) for k, n in take_rows if int(k) <= second),
        take=_histogram(take_rows, 0.1, TAKE_EDGES_S),
        handling=_histogram(handle_rows, 60.0, HANDLE_EDGES_S),
        targets=targets,
    )


def _false_alarms(session: Session, f: _Filter) -> tuple[SiteFalseAlarms, ...]:
    """Grouped by site id over the alarms alone; the few sites' codes are read after."""
    false_values = [d.value for d in FALSE_ALARMS]
    counted = and_(A.disposition.is_not(None), A.disposition.not_in([d.value for d in NOT_AN_ALARM]))
    rows = session.execute(
        select(
            A.site_id,
            func.sum(case((counted, 1), else_=0)),
            func.sum(case((A.disposition.in_(false_values), 1), else_=0)),
        )
        .where(f.where, A.site_id.is_not(None))
        .group_by(A.site_id)
    ).all()
    names = {
        r.id: (r.code, r.name)
        for r in session.execute(select(S.id, S.code, S.name).where(S.id.in_([r[0] for r in rows])))
    }
    return rank_false_alarms(
        SiteFalseAlarms(*names[site], int(t or 0), int(x or 0)) for site, t, x in rows if site in names
    )


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
            A.operator_id,
            func.count(A.taken_at),
            func.sum(case((closed, 1), else_=0)),
            func.sum(case((closed, _ms(A.taken_at, A.closed_at, dialect)), else_=literal(0))),
        )
        .where(f.where, A.operator_id.is_not(None))
        .group_by(A.operator_id)
    ).all()
    names = {
        r.id: (r.login, r.display_name)
        for r in session.execute(select(O.id, O.login, O.display_name).where(O.id.in_([r[0] for r in rows])))
    }
    loads = [
        OperatorWorkload(*names[op], int(t or 0), int(c or 0), float(ms or 0) / 1000)
        for op, t, c, ms in rows
        if op in names
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

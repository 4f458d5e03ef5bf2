"""The report's aggregate queries, and saved reports.

Every figure is a GROUP BY over the period's alarms (created in [start, end), `ix_alarm_report`),
so a year of a station costs a few scans, never a million rows in Python; the station's report
reads the whole hours, days and months of its period from the summaries instead
(console/storage/report_summary.py) and only the partial ones at its edges from the alarms.
Durations are computed in milliseconds by the database (julianday on SQLite, epoch on
PostgreSQL) and rounded, so a take of exactly 30 s counts as within 30 s on both backends.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
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
    SavedReportEntry,
    ScopeKind,
    ServiceLevelFigures,
    SiteFalseAlarms,
    StationReport,
    local_counts,
    rank_false_alarms,
)
from console.domain.service_level import ServiceTargets
from console.storage import report_summary
from console.storage.report_summary import (
    SUMMARY_TARGETS,
    Range,
    Tally,
    handle_minutes,
    ms_between,
    take_tenths,
)
from console.storage.tables import AlarmRow, DispatchRow, OperatorRow, ReportRow, SiteRow

A = AlarmRow.__table__.c  # type: ignore[attr-defined]
D = DispatchRow.__table__.c  # type: ignore[attr-defined]
S = SiteRow.__table__.c  # type: ignore[attr-defined]
O = OperatorRow.__table__.c  # type: ignore[attr-defined]  # noqa: E741


def _utc_hour(column: Any, dialect: str) -> ColumnElement[Any]:
    """'YYYY-MM-DD HH' of a UTC timestamp (SQLite stores naive UTC text)."""
    if dialect == "sqlite":
        return func.substr(column, 1, 13)
    return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD HH24")


@dataclass(frozen=True, slots=True)
class _Scope:
    """The scope's conditions on alarms, to which each query adds the spans of time it reads."""

    conditions: tuple[ColumnElement[bool], ...] = ()

    def over(self, spans: Sequence[Range]) -> ColumnElement[bool] | None:
        """Alarms of the scope created in any of `spans` ([start, end)); None when all are empty."""
        within = [and_(A.created_at >= a, A.created_at < b) for a, b in spans if a < b]
        return and_(or_(*within), *self.conditions) if within else None


def _scope_filter(session: Session, scope: ReportScope) -> _Scope:
    """An unknown site code or login is refused by name."""
    if scope.kind is ScopeKind.SITES:
        rows = session.execute(select(S.id, S.code).where(S.code.in_(scope.site_codes))).all()
        missing = sorted(set(scope.site_codes) - {r.code for r in rows})
        if missing:
            raise ReportError(f"unknown site: {', '.join(missing)}", "unknown_site", codes=", ".join(missing))
        return _Scope((A.site_id.in_([r.id for r in rows]),))
    if scope.kind is ScopeKind.OPERATOR:
        operator_id = session.execute(select(O.id).where(O.login == scope.operator_login)).scalar()
        if operator_id is None:
            raise ReportError(
                f"unknown operator: {scope.operator_login}",
                "unknown_operator",
                login=scope.operator_login or "",
            )
        return _Scope((A.operator_id == operator_id,))
    return _Scope()


def _bucket(units: int, unit_s: float, edges: tuple[int, ...]) -> int:
    value = units * unit_s
    return next((i for i in range(len(edges) - 1) if value < edges[i + 1]), len(edges) - 1)


def raw_hours(session: Session, where: ColumnElement[bool], targets: ServiceTargets, tally: Tally) -> None:
    """Counts per UTC hour and category, takes in tenths of a second and handling times in minutes,
    grouped by the database (a few hundred groups for a year): the bucket edges and the 30 s / 60 s
    targets fall on them."""
    dialect = session.get_bind().dialect.name
    hour = _utc_hour(A.created_at, dialect).label("hour")
    for h, c, n in session.execute(
        select(hour, A.category, func.count()).where(where).group_by(hour, A.category)
    ):
        tally.hourly.append((datetime.strptime(h, "%Y-%m-%d %H").replace(tzinfo=UTC), c, int(n)))
    take = take_tenths(dialect).label("take")
    first, second = targets.take_within_s * 10, targets.take_late_s * 10
    for k, n in session.execute(
        select(take, func.count()).where(where, A.taken_at.is_not(None)).group_by(take)
    ):
        tally.taken += int(n)
        tally.within_first += int(n) if int(k) <= first else 0
        tally.within_second += int(n) if int(k) <= second else 0
        tally.take[_bucket(int(k), 0.1, TAKE_EDGES_S)] += int(n)
    handle = handle_minutes(dialect).label("handle")
    handled = select(handle, func.count()).where(where, A.taken_at.is_not(None), A.closed_at.is_not(None))
    for m, n in session.execute(handled.group_by(handle)):
        tally.handling[_bucket(int(m), 60.0, HANDLE_EDGES_S)] += int(n)


def raw_sites(session: Session, where: ColumnElement[bool], tally: Tally) -> None:
    """False alarms grouped by site id over the alarms alone (the sites' codes are read after)."""
    counted = and_(A.disposition.is_not(None), A.disposition.not_in([d.value for d in NOT_AN_ALARM]))
    rows = session.execute(
        select(
            A.site_id,
            func.sum(case((counted, 1), else_=0)),
            func.sum(case((A.disposition.in_([d.value for d in FALSE_ALARMS]), 1), else_=0)),
        )
        .where(where, A.site_id.is_not(None))
        .group_by(A.site_id)
    ).all()
    for site, t, x in rows:
        tally.add_site(int(site), int(t or 0), int(x or 0))


def raw_operators(session: Session, where: ColumnElement[bool], tally: Tally) -> None:
    dialect = session.get_bind().dialect.name
    closed = and_(A.taken_at.is_not(None), A.closed_at.is_not(None))
    rows = session.execute(
        select(
            A.operator_id,
            func.count(),
            func.count(A.taken_at),
            func.sum(case((closed, 1), else_=0)),
            func.sum(case((closed, ms_between(A.taken_at, A.closed_at, dialect)), else_=literal(0))),
        )
        .where(where, A.operator_id.is_not(None))
        .group_by(A.operator_id)
    )
    for op, held, t, c, ms in rows:
        tally.add_operator(int(op), int(held), int(t or 0), int(c or 0), int(ms or 0))


def _dispatches(session: Session, where: ColumnElement[bool], dialect: str) -> tuple[DispatchFigures, ...]:
    arrived_ms = ms_between(D.requested_at, D.on_site_at, dialect)
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
        .where(where)
        .group_by(D.kind)
        .order_by(D.kind)
    ).all()
    return tuple(DispatchFigures(str(r[0]), *(int(v or 0) for v in r[1:])) for r in rows)


def _tally(
    session: Session, period: ReportPeriod, scope: _Scope, targets: ServiceTargets, whole: bool
) -> Tally:
    """The alarms' counts: with `whole` (the station's report at the summaries' targets) the whole
    hours, days and months of the period from the summaries and only its edges from the alarms."""
    tally = Tally()
    spans = {"hours": [(period.start, period.end)], "days": [(period.start, period.end)]}
    spans["months"] = spans["days"]
    if whole:
        spans = report_summary.read_whole(session, period, tally)
    if (where := scope.over(spans["hours"])) is not None:
        raw_hours(session, where, targets, tally)
    if (where := scope.over(spans["days"])) is not None:
        raw_operators(session, where, tally)
    if (where := scope.over(spans["months"])) is not None:
        raw_sites(session, where, tally)
    return tally


def _false_alarms(session: Session, tally: Tally) -> tuple[SiteFalseAlarms, ...]:
    names = {
        r.id: (r.code, r.name)
        for r in session.execute(select(S.id, S.code, S.name).where(S.id.in_(list(tally.sites))))
    }
    return rank_false_alarms(
        SiteFalseAlarms(*names[site], t, x) for site, (t, x) in tally.sites.items() if site in names
    )


def _workload(session: Session, tally: Tally) -> tuple[OperatorWorkload, ...]:
    held = [op for op, counts in tally.operators.items() if counts[0] > 0]
    names = {
        r.id: (r.login, r.display_name)
        for r in session.execute(select(O.id, O.login, O.display_name).where(O.id.in_(held)))
    }
    loads = [
        OperatorWorkload(*names[op], taken, closed, float(ms) / 1000)
        for op, (_held, taken, closed, ms) in tally.operators.items()
        if op in names and op in held
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
    summaries: bool = True,
) -> StationReport:
    """All the figures of a report, from a handful of aggregate queries. The station's report at
    the summaries' targets reads the summaries (`summaries=False`: the alarms only, the reference
    the tests compare them with); a site's or an operator's report reads its alarms by index."""
    dialect = session.get_bind().dialect.name
    f = _scope_filter(session, scope)
    whole = summaries and scope.kind is ScopeKind.STATION and targets == SUMMARY_TARGETS
    tally = _tally(session, period, f, targets, whole)
    per_day, per_hour = local_counts(tally.hourly, period, zone)
    alarms = sum(d.total for d in per_day)
    everything = f.over([(period.start, period.end)])
    assert everything is not None
    service = ServiceLevelFigures(
        alarms=alarms,
        taken=tally.taken,
        within_first=tally.within_first,
        within_second=tally.within_second,
        take=Histogram(TAKE_EDGES_S, tuple(tally.take)),
        handling=Histogram(HANDLE_EDGES_S, tuple(tally.handling)),
        targets=targets,
    )
    return StationReport(
        period=period,
        scope=scope,
        zone=zone.key,
        author=author,
        built_at=built_at,
        per_day=per_day,
        per_hour=per_hour,
        service=service,
        false_alarms=_false_alarms(session, tally),
        dispatches=_dispatches(session, everything, dialect),
        workload=_workload(session, tally),
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


R = ReportRow.__table__.c  # type: ignore[attr-defined]


def _entries(session: Session, where: ColumnElement[bool] | None, limit: int) -> list[SavedReportEntry]:
    query = (
        select(R.id, R.created_at, O.display_name, R.period_start, R.period_end, R.scope, R.comment)
        .select_from(ReportRow.__table__.outerjoin(OperatorRow.__table__, R.author_id == O.id))  # type: ignore[attr-defined]
        .order_by(R.id.desc())
        .limit(limit)
    )
    rows = session.execute(query.where(where) if where is not None else query)
    return [
        SavedReportEntry(
            int(r.id),
            r.created_at,
            r.display_name or "?",
            ReportPeriod(r.period_start, r.period_end),
            ReportScope.from_key(r.scope),
            r.comment,
        )
        for r in rows
    ]


def saved_report_entries(session: Session, limit: int = 200) -> list[SavedReportEntry]:
    """The latest saved reports as listed, newest first: their figures are not read (a year's
    report is some hundred kilobytes of JSON; they are opened one by one)."""
    return _entries(session, None, limit)


def saved_report(session: Session, report_id: int) -> tuple[SavedReportEntry, StationReport] | None:
    """One saved report as it was built, with its entry; None when there is no such report."""
    found = _entries(session, R.id == report_id, 1)
    if not found:
        return None
    figures = session.execute(select(R.figures).where(R.id == report_id)).scalar_one()
    return found[0], StationReport.from_json(json.loads(figures))

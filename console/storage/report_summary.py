"""The report's summaries: counts per UTC hour, day and month of the alarms created then.

A year's station report over a million alarms took about 9 s of scans; the summaries hold what
the report adds up (tables.REPORT_HOUR, REPORT_OPERATOR_DAY, REPORT_SITE_MONTH), so the report
reads some thousands of rows for the whole hours, days and months of its period (`read_whole`),
and the alarms themselves only for the partial ones at its edges (console/storage/reports.py).

One aggregate query per summary (`hour_select`, ...) is both the rebuild (migration 0016, a bulk
load) and, filtered on some alarms, what report_upkeep.py adds and takes away as alarms change:
a summary is by construction what the raw query gives, the backend's rounding of durations
included. The expressions for durations are shared with the raw report for the same reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Table,
    and_,
    bindparam,
    case,
    cast,
    delete,
    func,
    insert,
)
from sqlalchemy import select as sa_select
from sqlalchemy.orm import Session

from console.domain.report import FALSE_ALARMS, HANDLE_EDGES_S, NOT_AN_ALARM, TAKE_EDGES_S, ReportPeriod
from console.domain.service_level import ServiceTargets
from console.storage.tables import (
    HANDLE_BUCKETS,
    OPERATOR_COUNTS,
    REPORT_HOUR,
    REPORT_OPERATOR_DAY,
    REPORT_SITE_MONTH,
    TAKE_BUCKETS,
    AlarmRow,
)

A = AlarmRow.__table__.c  # type: ignore[attr-defined]
SUMMARY_TARGETS = ServiceTargets(30.0, 60.0)  # the take_le_30 / take_le_60 columns
Key = tuple[Any, ...]
Counts = dict[Key, list[int]]


# --- the expressions shared with the raw report -------------------------------------------------


def ms_between(start: Any, end: Any, dialect: str) -> ColumnElement[Any]:
    """Milliseconds from `start` to `end`, whole."""
    if dialect == "sqlite":
        return func.round((func.julianday(end) - func.julianday(start)) * 86_400_000.0)
    return func.round(func.date_part("epoch", end - start) * 1000)


def whole_units(ms: ColumnElement[Any], unit_ms: int, dialect: str, *, up: bool) -> ColumnElement[Any]:
    """A duration in whole units, never negative (a clock skew is no time at all). Rounded up for
    take times, so that ms <= T * unit exactly when the result <= T (the targets are counted
    exactly; a histogram edge may take a take up to 0.1 s early); down for handling times."""
    whole = (cast(ms, BigInteger) + (unit_ms - 1 if up else 0)) // unit_ms
    return func.max(whole, 0) if dialect == "sqlite" else func.greatest(whole, 0)


def take_tenths(dialect: str) -> ColumnElement[Any]:
    return whole_units(ms_between(A.created_at, A.taken_at, dialect), 100, dialect, up=True)


def handle_minutes(dialect: str) -> ColumnElement[Any]:
    return whole_units(ms_between(A.taken_at, A.closed_at, dialect), 60_000, dialect, up=False)


def month_of(moment: datetime) -> int:
    utc = moment.astimezone(UTC)
    return utc.year * 12 + utc.month - 1


def month_start(month: int) -> datetime:
    return datetime(month // 12, month % 12 + 1, 1, tzinfo=UTC)


def _hour(dialect: str) -> ColumnElement[Any]:
    if dialect == "sqlite":  # naive UTC text
        return cast(func.strftime("%s", A.created_at), BigInteger) // 3600
    return cast(func.floor(func.date_part("epoch", A.created_at) / 3600), BigInteger)


def _month(dialect: str) -> ColumnElement[Any]:
    if dialect == "sqlite":
        year, month = func.substr(A.created_at, 1, 4), func.substr(A.created_at, 6, 2)
    else:
        utc = func.timezone("UTC", A.created_at)
        year, month = func.date_part("year", utc), func.date_part("month", utc)
    return cast(cast(year, BigInteger) * 12 + cast(month, BigInteger) - 1, BigInteger)


# --- the aggregate queries: one per summary, the rebuild's and the increments' -----------------


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.sum(case((condition, 1), else_=0))


def _bucket_counts(units: ColumnElement[Any], edges: Sequence[int]) -> list[ColumnElement[Any]]:
    """Counts per bucket [edges[i], edges[i+1]) of a duration in whole units, the edges given in
    those units: integer comparisons, the same buckets as the raw report's histograms on the same
    units (tests/storage/test_report_summary.py checks the two agree at every edge)."""
    columns = []
    for i, low in enumerate(edges):
        condition = units >= low if i + 1 == len(edges) else and_(units >= low, units < edges[i + 1])
        columns.append(_count_if(condition))
    return columns


TAKE_EDGES_TENTHS = tuple(edge * 10 for edge in TAKE_EDGES_S)
HANDLE_EDGES_MIN = tuple(edge // 60 for edge in HANDLE_EDGES_S)
assert all(edge % 60 == 0 for edge in HANDLE_EDGES_S), "handling buckets are whole minutes"


def hour_select(dialect: str, where: ColumnElement[bool] | None = None) -> Any:
    take = take_tenths(dialect)
    handle = handle_minutes(dialect)
    taken = A.taken_at.is_not(None)
    handled = and_(taken, A.closed_at.is_not(None))
    hour = _hour(dialect).label("hour")
    query = sa_select(
        hour,
        A.category,
        func.count().label("alarms"),
        _count_if(taken).label("taken"),
        _count_if(and_(taken, take <= 300)).label("take_le_30"),
        _count_if(and_(taken, take <= 600)).label("take_le_60"),
        *(
            c.label(n)
            for c, n in zip(_bucket_counts(case((taken, take)), TAKE_EDGES_TENTHS), TAKE_BUCKETS, strict=True)
        ),
        _count_if(handled).label("handled"),
        *(
            c.label(n)
            for c, n in zip(
                _bucket_counts(case((handled, handle)), HANDLE_EDGES_MIN), HANDLE_BUCKETS, strict=True
            )
        ),
    ).group_by(hour, A.category)
    return query.where(where) if where is not None else query


def operator_select(dialect: str, where: ColumnElement[bool] | None = None) -> Any:
    handled = and_(A.taken_at.is_not(None), A.closed_at.is_not(None))
    day = (_hour(dialect) // 24).label("day")
    query = (
        sa_select(
            day,
            A.operator_id,
            func.count().label("held"),
            func.count(A.taken_at).label("taken"),
            _count_if(handled).label("closed"),
            cast(
                func.coalesce(func.sum(case((handled, ms_between(A.taken_at, A.closed_at, dialect)))), 0),
                BigInteger,
            ).label("handled_ms"),
        )
        .where(A.operator_id.is_not(None))
        .group_by(day, A.operator_id)
    )
    return query.where(where) if where is not None else query


def site_select(dialect: str, where: ColumnElement[bool] | None = None) -> Any:
    counted = and_(A.disposition.is_not(None), A.disposition.not_in([d.value for d in NOT_AN_ALARM]))
    month = _month(dialect).label("month")
    query = (
        sa_select(
            month,
            A.site_id,
            _count_if(counted).label("closed"),
            _count_if(A.disposition.in_([d.value for d in FALSE_ALARMS])).label("false_alarms"),
        )
        .where(A.site_id.is_not(None))
        .group_by(month, A.site_id)
    )
    return query.where(where) if where is not None else query


SUMMARIES: tuple[tuple[Table, Any], ...] = (
    (REPORT_HOUR, hour_select),
    (REPORT_OPERATOR_DAY, operator_select),
    (REPORT_SITE_MONTH, site_select),
)


def key_names(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def count_names(table: Table) -> list[str]:
    return [c.name for c in table.columns if not c.primary_key]


def rebuild(connection: Connection | Session) -> None:
    """Every summary again from the alarms (migration 0016; after a bulk load)."""
    dialect = (
        connection.get_bind().dialect.name if isinstance(connection, Session) else connection.dialect.name
    )
    for table, query in SUMMARIES:
        connection.execute(delete(table))
        names = [*key_names(table), *count_names(table)]
        connection.execute(insert(table).from_select(names, query(dialect)))


_OF_IDS: dict[tuple[str, str], Any] = {}


def _of_ids(table: Table, query: Any, dialect: str) -> Any:
    """The summary's query for some alarms, built once per backend: building its expression tree
    (thirty CASE columns) took longer than running it on a handful of rows, twice a transaction."""
    found = _OF_IDS.get((table.name, dialect))
    if found is None:
        found = _OF_IDS[(table.name, dialect)] = query(dialect, A.id.in_(bindparam("ids", expanding=True)))
    return found


def summaries_of(
    session: Session, ids: Iterable[int], names: Sequence[str] | None = None
) -> dict[str, Counts]:
    """What these alarms add to each summary (or to those named), as the database holds them now."""
    wanted = sorted(set(ids))
    dialect = session.get_bind().dialect.name
    found: dict[str, Counts] = {}
    for table, query in SUMMARIES:
        if names is not None and table.name not in names:
            continue
        keys, columns = key_names(table), count_names(table)
        counts: Counts = {}
        statement = _of_ids(table, query, dialect)
        for chunk in range(0, len(wanted), 500):
            for row in session.execute(statement, {"ids": wanted[chunk : chunk + 500]}).mappings().all():
                key = tuple(row[k] for k in keys)
                current = counts.setdefault(key, [0] * len(columns))
                for i, column in enumerate(columns):
                    current[i] += int(row[column] or 0)
        found[table.name] = counts
    return found


# --- reading them: the whole hours, days and months of a period -------------------------------


@dataclass(slots=True)
class Tally:
    """What the report adds up, from the alarms themselves or from the summaries."""

    hourly: list[tuple[datetime, str, int]] = field(default_factory=list)
    taken: int = 0
    within_first: int = 0
    within_second: int = 0
    take: list[int] = field(default_factory=lambda: [0] * len(TAKE_EDGES_S))
    handling: list[int] = field(default_factory=lambda: [0] * len(HANDLE_EDGES_S))
    sites: dict[int, list[int]] = field(default_factory=dict)  # site id: [closed, false alarms]
    operators: dict[int, list[int]] = field(default_factory=dict)  # id: [held, taken, closed, ms]

    def add_site(self, site_id: int, closed: int, false_alarms: int) -> None:
        counts = self.sites.setdefault(site_id, [0, 0])
        counts[0] += closed
        counts[1] += false_alarms

    def add_operator(self, operator_id: int, held: int, taken: int, closed: int, ms: int) -> None:
        counts = self.operators.setdefault(operator_id, [0, 0, 0, 0])
        for i, value in enumerate((held, taken, closed, ms)):
            counts[i] += value


Range = tuple[datetime, datetime]


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_HOUR, _DAY = timedelta(hours=1), timedelta(days=1)


def _whole_units(start: datetime, end: datetime, size: timedelta) -> tuple[int, int]:
    """The units of `size` since the epoch lying wholly inside [start, end): [first, last)."""
    return -((_EPOCH - start) // size), (end - _EPOCH) // size


def _spans(start: datetime, end: datetime, first: int, last: int, at: Any) -> list[Range]:
    """What the whole units [first, last) leave of [start, end) (`at(unit)`: where a unit starts)."""
    return [(start, at(first)), (at(last), end)] if first < last else [(start, end)]


def read_whole(session: Session, period: ReportPeriod, tally: Tally) -> dict[str, list[Range]]:
    """Add the summaries' counts of the period's whole UTC hours (charts, service level), days
    (workload) and months (false alarms) to `tally`; returns, per grain, the spans of the period
    left for the raw queries (its partial hours, days and months)."""
    start, end = period.start, period.end
    h0, h1 = _whole_units(start, end, _HOUR)
    d0, d1 = _whole_units(start, end, _DAY)
    m0 = month_of(start) + (0 if start == month_start(month_of(start)) else 1)
    m1 = month_of(end)
    spans = {
        "hours": _spans(start, end, h0, h1, lambda h: _EPOCH + h * _HOUR),
        "days": _spans(start, end, d0, d1, lambda d: _EPOCH + d * _DAY),
        "months": _spans(start, end, m0, m1, month_start),
    }
    h = REPORT_HOUR.c
    if h1 > h0:
        rows = session.execute(  # all(): one fetch, not a driver call per row (50 000 rows a year)
            sa_select(h.hour, h.category, h.alarms).where(h.hour >= h0, h.hour < h1, h.alarms > 0)
        ).all()
        starts: dict[int, datetime] = {}
        for hour, category, n in rows:
            if hour not in starts:
                starts[hour] = _EPOCH + int(hour) * _HOUR
            tally.hourly.append((starts[hour], category, int(n)))
        names = ["taken", "take_le_30", "take_le_60", *TAKE_BUCKETS, *HANDLE_BUCKETS]
        sums = session.execute(
            sa_select(*(func.coalesce(func.sum(h[n]), 0) for n in names)).where(h.hour >= h0, h.hour < h1)
        ).one()
        totals = dict(zip(names, (int(v) for v in sums), strict=True))
        tally.taken += totals["taken"]
        tally.within_first += totals["take_le_30"]
        tally.within_second += totals["take_le_60"]
        for i, name in enumerate(TAKE_BUCKETS):
            tally.take[i] += totals[name]
        for i, name in enumerate(HANDLE_BUCKETS):
            tally.handling[i] += totals[name]
    o = REPORT_OPERATOR_DAY.c
    if d1 > d0:
        by_operator = session.execute(
            sa_select(o.operator_id, *(func.sum(o[n]) for n in OPERATOR_COUNTS))
            .where(o.day >= d0, o.day < d1)
            .group_by(o.operator_id)
        ).all()
        for op, held, taken, closed, ms in by_operator:
            tally.add_operator(int(op), int(held), int(taken), int(closed), int(ms))
    m = REPORT_SITE_MONTH.c
    if m1 > m0:
        by_site = session.execute(
            sa_select(m.site_id, func.sum(m.closed), func.sum(m.false_alarms))
            .where(m.month >= m0, m.month < m1)
            .group_by(m.site_id)
        ).all()
        for site, closed, false_alarms in by_site:
            tally.add_site(int(site), int(closed), int(false_alarms))
    return spans

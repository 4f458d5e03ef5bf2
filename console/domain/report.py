"""A supervision report's figures, and the rules that turn the database's counts into them.

The database only counts (per UTC hour and category, per delay bucket, per site, per operator):
a year of a station is a million alarms, so no figure here ever needs the rows themselves.
Percentiles come from the bucketed histograms (linear within a bucket), which is exact enough
for a report read against 30 s and 60 s targets and keeps the cost of a report independent of
how many alarms it covers.

Days and hours are the station's local time (a configured zone, Europe/Paris by default): a
supervisor reads "Tuesday 21:00" as the floor lived it, and the police's or an insurer's
questions are asked in local time too. The database groups by UTC hour, which maps to exactly
one local hour in every zone whose offset is whole hours (all of Europe, DST included).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from console.domain.alarm import Disposition
from console.domain.priority import EventCategory
from console.domain.service_level import ServiceTargets

DEFAULT_ZONE = "Europe/Paris"
REQUIRED_FIRST = 0.80  # share of alarms taken within the first target (EN 50518, as often quoted)
REQUIRED_SECOND = 0.985  # within the second target
TAKE_EDGES_S: tuple[int, ...] = (0, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600)
HANDLE_EDGES_S: tuple[int, ...] = (0, 60, 120, 300, 600, 900, 1800, 3600, 7200)
FALSE_ALARMS = frozenset(
    {Disposition.FALSE_ALARM_USER, Disposition.FALSE_ALARM_TECHNICAL, Disposition.FALSE_ALARM_ENVIRONMENT}
)
# A test is not an alarm call: it counts neither as a false alarm nor in the denominator.
NOT_AN_ALARM = frozenset({Disposition.TEST})
MAX_DAYS = 366 + 1


class ReportError(ValueError):
    """A report that cannot be built as asked; `code` lets a view word it beside the field."""

    def __init__(self, message: str, code: str, **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """[start, end) in UTC; built from local days with `of_days` so that it covers whole days."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ReportError("a report's period needs time zones", "period_naive")
        if self.end <= self.start:
            raise ReportError("the period ends before it starts", "period_reversed")
        if self.end - self.start > timedelta(days=MAX_DAYS):
            raise ReportError("a report covers at most a year", "period_too_long")

    @classmethod
    def of_days(cls, first: date, last: date, zone: ZoneInfo) -> ReportPeriod:
        """From local midnight of `first` to local midnight after `last` (both days included)."""
        if last < first:
            raise ReportError("the period ends before it starts", "period_reversed")
        start = datetime.combine(first, time(0), zone).astimezone(UTC)
        return cls(start, datetime.combine(last + timedelta(days=1), time(0), zone).astimezone(UTC))

    def days(self, zone: ZoneInfo) -> list[date]:
        """The local days the period touches, in order."""
        first = self.start.astimezone(zone).date()
        last = (self.end - timedelta(microseconds=1)).astimezone(zone).date()
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def last_days(now: datetime, zone: ZoneInfo, days: int = 7) -> ReportPeriod:
    """The last `days` local days, today included."""
    today = now.astimezone(zone).date()
    return ReportPeriod.of_days(today - timedelta(days=days - 1), today, zone)


def this_month(now: datetime, zone: ZoneInfo) -> ReportPeriod:
    today = now.astimezone(zone).date()
    first = today.replace(day=1)
    return ReportPeriod.of_days(first, _next_month(first) - timedelta(days=1), zone)


def last_month(now: datetime, zone: ZoneInfo) -> ReportPeriod:
    first_this = now.astimezone(zone).date().replace(day=1)
    last = first_this - timedelta(days=1)
    return ReportPeriod.of_days(last.replace(day=1), last, zone)


def _next_month(first: date) -> date:
    return (
        first.replace(year=first.year + 1, month=1)
        if first.month == 12
        else first.replace(month=first.month + 1)
    )


class ScopeKind(StrEnum):
    STATION = "station"
    SITES = "sites"
    OPERATOR = "operator"


@dataclass(frozen=True, slots=True)
class ReportScope:
    """The whole station, a site or a group of sites (by code), or the alarms one operator held."""

    kind: ScopeKind = ScopeKind.STATION
    site_codes: tuple[str, ...] = ()
    operator_login: str | None = None

    def __post_init__(self) -> None:
        if self.kind is ScopeKind.SITES and not self.site_codes:
            raise ReportError("name at least one site code", "scope_no_site")
        if self.kind is ScopeKind.OPERATOR and not self.operator_login:
            raise ReportError("name the operator", "scope_no_operator")

    @classmethod
    def sites(cls, codes: Iterable[str]) -> ReportScope:
        cleaned = tuple(dict.fromkeys(c.strip().upper() for c in codes if c.strip()))
        return cls(ScopeKind.SITES, site_codes=cleaned)

    @classmethod
    def operator(cls, login: str) -> ReportScope:
        return cls(ScopeKind.OPERATOR, operator_login=login.strip())

    def key(self) -> str:
        """How the scope is stored and journaled: `station`, `sites:A,B`, `operator:login`."""
        if self.kind is ScopeKind.SITES:
            return "sites:" + ",".join(self.site_codes)
        if self.kind is ScopeKind.OPERATOR:
            return f"operator:{self.operator_login}"
        return "station"

    @classmethod
    def from_key(cls, key: str) -> ReportScope:
        kind, _, rest = key.partition(":")
        if kind == ScopeKind.SITES:
            return cls.sites(rest.split(","))
        if kind == ScopeKind.OPERATOR:
            return cls.operator(rest)
        return cls()


@dataclass(frozen=True, slots=True)
class Histogram:
    """Counts per bucket [edges[i], edges[i+1]); the last bucket is open-ended."""

    edges: tuple[int, ...]
    counts: tuple[int, ...]

    @classmethod
    def from_buckets(cls, edges: tuple[int, ...], buckets: Mapping[int, int]) -> Histogram:
        return cls(edges, tuple(buckets.get(i, 0) for i in range(len(edges))))

    @property
    def total(self) -> int:
        return sum(self.counts)

    def percentile(self, q: float) -> float | None:
        """The q-th quantile (0 < q < 1), linear within its bucket; the open last bucket gives its
        lower edge (a lower bound: the report says "at least")."""
        if not self.total:
            return None
        rank = q * self.total
        seen = 0
        for i, count in enumerate(self.counts):
            if count and seen + count >= rank:
                if i == len(self.edges) - 1:
                    return float(self.edges[i])
                low, high = self.edges[i], self.edges[i + 1]
                return low + (high - low) * (rank - seen) / count
            seen += count
        return float(self.edges[-1])


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class ServiceLevelFigures:
    alarms: int
    taken: int
    within_first: int
    within_second: int
    take: Histogram
    handling: Histogram
    targets: ServiceTargets = field(default_factory=ServiceTargets)

    @property
    def share_first(self) -> float | None:
        return share(self.within_first, self.taken)

    @property
    def share_second(self) -> float | None:
        return share(self.within_second, self.taken)

    @property
    def meets_targets(self) -> bool | None:
        """Both shares at or above what the standard asks; None without a taken alarm."""
        first, second = self.share_first, self.share_second
        if first is None or second is None:
            return None
        return first >= REQUIRED_FIRST and second >= REQUIRED_SECOND


@dataclass(frozen=True, slots=True)
class DayCounts:
    day: date
    counts: Mapping[str, int]  # category value -> alarms

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class SiteFalseAlarms:
    site_code: str
    site_name: str
    closed: int  # closed with a disposition, tests left out
    false_alarms: int

    @property
    def rate(self) -> float | None:
        return share(self.false_alarms, self.closed)


@dataclass(frozen=True, slots=True)
class DispatchFigures:
    kind: str
    requested: int
    with_delay: int
    on_time: int
    late: int
    not_arrived: int  # agreed delay, neither arrived nor cancelled
    cancelled: int

    @property
    def on_time_share(self) -> float | None:
        return share(self.on_time, self.on_time + self.late + self.not_arrived)


@dataclass(frozen=True, slots=True)
class OperatorWorkload:
    login: str
    display_name: str
    taken: int
    closed: int
    handled_s: float  # from take to close, summed over the alarms it closed

    @property
    def mean_handled_s(self) -> float | None:
        return self.handled_s / self.closed if self.closed else None


@dataclass(frozen=True, slots=True)
class StationReport:
    period: ReportPeriod
    scope: ReportScope
    zone: str
    author: str
    built_at: datetime
    per_day: tuple[DayCounts, ...]
    per_hour: tuple[Mapping[str, int], ...]  # 24 local hours, category value -> alarms
    service: ServiceLevelFigures
    false_alarms: tuple[SiteFalseAlarms, ...]  # highest rate first
    dispatches: tuple[DispatchFigures, ...]
    workload: tuple[OperatorWorkload, ...]

    @property
    def total(self) -> int:
        return sum(d.total for d in self.per_day)

    def categories(self) -> list[str]:
        """The categories present, in the order of EventCategory (most serious first)."""
        present = {c for d in self.per_day for c, n in d.counts.items() if n}
        known = [c.value for c in EventCategory if c.value in present]
        return known + sorted(present - set(known))

    def to_json(self) -> dict[str, Any]:
        """Everything the report shows, for the saved report (reopened later without the database)."""
        s = self.service
        return {
            "period": [self.period.start.isoformat(), self.period.end.isoformat()],
            "scope": self.scope.key(),
            "zone": self.zone,
            "author": self.author,
            "built_at": self.built_at.isoformat(),
            "per_day": [[d.day.isoformat(), dict(d.counts)] for d in self.per_day],
            "per_hour": [dict(h) for h in self.per_hour],
            "service": {
                "alarms": s.alarms,
                "taken": s.taken,
                "within_first": s.within_first,
                "within_second": s.within_second,
                "targets": [s.targets.take_within_s, s.targets.take_late_s],
                "take": [list(s.take.edges), list(s.take.counts)],
                "handling": [list(s.handling.edges), list(s.handling.counts)],
            },
            "false_alarms": [[f.site_code, f.site_name, f.closed, f.false_alarms] for f in self.false_alarms],
            "dispatches": [
                [d.kind, d.requested, d.with_delay, d.on_time, d.late, d.not_arrived, d.cancelled]
                for d in self.dispatches
            ],
            "workload": [[w.login, w.display_name, w.taken, w.closed, w.handled_s] for w in self.workload],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StationReport:
        s = data["service"]
        return cls(
            period=ReportPeriod(*(datetime.fromisoformat(v) for v in data["period"])),
            scope=ReportScope.from_key(data["scope"]),
            zone=data["zone"],
            author=data["author"],
            built_at=datetime.fromisoformat(data["built_at"]),
            per_day=tuple(DayCounts(date.fromisoformat(d), dict(c)) for d, c in data["per_day"]),
            per_hour=tuple(dict(h) for h in data["per_hour"]),
            service=ServiceLevelFigures(
                alarms=s["alarms"],
                taken=s["taken"],
                within_first=s["within_first"],
                within_second=s["within_second"],
                take=Histogram(tuple(s["take"][0]), tuple(s["take"][1])),
                handling=Histogram(tuple(s["handling"][0]), tuple(s["handling"][1])),
                targets=ServiceTargets(*s["targets"]),
            ),
            false_alarms=tuple(SiteFalseAlarms(*row) for row in data["false_alarms"]),
            dispatches=tuple(DispatchFigures(*row) for row in data["dispatches"]),
            workload=tuple(OperatorWorkload(*row) for row in data["workload"]),
        )


@dataclass(frozen=True, slots=True)
class SavedReportEntry:
    """A saved report as the list of saved reports shows it (its figures are read when opened)."""

    id: int
    created_at: datetime
    author: str  # the display name of the supervisor who saved it
    period: ReportPeriod
    scope: ReportScope
    comment: str


def local_counts(
    hourly: Iterable[tuple[datetime, str, int]], period: ReportPeriod, zone: ZoneInfo
) -> tuple[tuple[DayCounts, ...], tuple[dict[str, int], ...]]:
    """Counts per UTC hour and category, as local days (every day of the period, empty ones too)
    and as the 24 local hours of the day summed over the period."""
    days: dict[date, dict[str, int]] = {d: {} for d in period.days(zone)}
    hours: list[dict[str, int]] = [{} for _ in range(24)]
    locals_of: dict[datetime, datetime] = {}  # a year is 8 760 hours in some 50 000 rows
    for utc_hour, category, count in hourly:
        local = locals_of.get(utc_hour)
        if local is None:
            local = locals_of[utc_hour] = utc_hour.astimezone(zone)
        day = days.setdefault(local.date(), {})
        day[category] = day.get(category, 0) + count
        hours[local.hour][category] = hours[local.hour].get(category, 0) + count
    return tuple(DayCounts(d, c) for d, c in sorted(days.items())), tuple(hours)


def rank_false_alarms(sites: Iterable[SiteFalseAlarms]) -> tuple[SiteFalseAlarms, ...]:
    """Highest rate first, then most false alarms (a site with 5 of 5 before one with 1 of 1)."""
    counted = [s for s in sites if s.closed]
    return tuple(sorted(counted, key=lambda s: (-(s.rate or 0.0), -s.false_alarms, s.site_code)))

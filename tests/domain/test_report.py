"""The report's rules: periods in local days, local counts from UTC hours, percentiles, rates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.domain.report import (
    Histogram,
    ReportError,
    ReportPeriod,
    ReportScope,
    ScopeKind,
    ServiceLevelFigures,
    SiteFalseAlarms,
    last_days,
    last_month,
    local_counts,
    rank_false_alarms,
    this_month,
)

PARIS = ZoneInfo("Europe/Paris")


def test_a_period_of_local_days_covers_whole_days_dst_included() -> None:
    # 25 October 2026: Paris goes back from UTC+2 to UTC+1, the day has 25 hours.
    period = ReportPeriod.of_days(date(2026, 10, 25), date(2026, 10, 25), PARIS)
    assert period.start == datetime(2026, 10, 24, 22, tzinfo=UTC)
    assert period.end - period.start == timedelta(hours=25)
    assert period.days(PARIS) == [date(2026, 10, 25)]


@pytest.mark.parametrize(
    ("first", "last", "code"),
    [
        (date(2026, 11, 3), date(2026, 11, 2), "period_reversed"),
        (date(2025, 1, 1), date(2026, 6, 1), "period_too_long"),
    ],
)
def test_impossible_periods_are_refused_with_a_code(first: date, last: date, code: str) -> None:
    with pytest.raises(ReportError) as refused:
        ReportPeriod.of_days(first, last, PARIS)
    assert refused.value.code == code


def test_quick_periods_follow_the_local_calendar() -> None:
    # 1 January 00:30 in Paris is still 31 December in UTC: "this month" is January.
    now = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert this_month(now, PARIS).days(PARIS)[0] == date(2027, 1, 1)
    assert len(this_month(now, PARIS).days(PARIS)) == 31
    month = last_month(now, PARIS).days(PARIS)
    assert (month[0], month[-1]) == (date(2026, 12, 1), date(2026, 12, 31))
    week = last_days(now, PARIS).days(PARIS)
    assert (week[0], week[-1], len(week)) == (date(2026, 12, 26), date(2027, 1, 1), 7)


def test_utc_hours_become_local_days_and_hours_and_empty_days_stay() -> None:
    period = ReportPeriod.of_days(date(2026, 11, 2), date(2026, 11, 4), PARIS)
    hourly = [
        (datetime(2026, 11, 2, 23, tzinfo=UTC), "fire", 2),  # 00:xx on the 3rd in Paris
        (datetime(2026, 11, 2, 7, tzinfo=UTC), "intrusion", 3),
        (datetime(2026, 11, 3, 7, tzinfo=UTC), "intrusion", 1),
    ]
    days, hours = local_counts(hourly, period, PARIS)
    assert [(d.day.day, dict(d.counts)) for d in days] == [
        (2, {"intrusion": 3}),
        (3, {"fire": 2, "intrusion": 1}),
        (4, {}),
    ]
    assert hours[0] == {"fire": 2} and hours[8] == {"intrusion": 4} and sum(map(len, hours)) == 2


def test_percentiles_interpolate_within_buckets_and_bound_the_open_one() -> None:
    h = Histogram.from_buckets((0, 10, 20, 30), {0: 5, 1: 5})
    assert h.total == 10 and h.counts == (5, 5, 0, 0)
    assert h.percentile(0.5) == 10.0 and h.percentile(0.9) == 18.0
    assert Histogram.from_buckets((0, 10), {1: 3}).percentile(0.5) == 10.0  # at least 10
    assert Histogram.from_buckets((0, 10), {}).percentile(0.5) is None


def test_service_level_shares_and_targets() -> None:
    empty = Histogram.from_buckets((0, 10), {})
    good = ServiceLevelFigures(
        alarms=210, taken=200, within_first=170, within_second=197, take=empty, handling=empty
    )
    assert good.share_first == 0.85 and good.share_second == 0.985 and good.meets_targets is True
    short = ServiceLevelFigures(
        alarms=10, taken=10, within_first=9, within_second=9, take=empty, handling=empty
    )
    assert short.meets_targets is False
    none = ServiceLevelFigures(alarms=3, taken=0, within_first=0, within_second=0, take=empty, handling=empty)
    assert none.share_first is None and none.meets_targets is None


def test_false_alarm_ranking_highest_rate_first_then_most_false_alarms() -> None:
    ranked = rank_false_alarms(
        [
            SiteFalseAlarms("A", "a", 1, 1),
            SiteFalseAlarms("B", "b", 5, 5),
            SiteFalseAlarms("C", "c", 10, 2),
            SiteFalseAlarms("D", "d", 0, 0),  # nothing closed: no rate, not listed
        ]
    )
    assert [s.site_code for s in ranked] == ["B", "A", "C"] and ranked[2].rate == 0.2


def test_scopes_are_validated_normalised_and_keyed() -> None:
    scope = ReportScope.sites([" lyo-0001", "LYO-0001", "par-0002", ""])
    assert scope.site_codes == ("LYO-0001", "PAR-0002") and scope.key() == "sites:LYO-0001,PAR-0002"
    assert ReportScope.from_key(scope.key()) == scope
    assert ReportScope.from_key("operator:amelie").kind is ScopeKind.OPERATOR
    assert ReportScope.from_key("station") == ReportScope()
    with pytest.raises(ReportError, match="site"):
        ReportScope.sites([" ", ""])
    with pytest.raises(ReportError):
        ReportScope.operator("  ")

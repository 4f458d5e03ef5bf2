"""The current shift and its live share of alarms taken within the targets."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.service_level import ServiceTargets
from console.domain.shift import (
    DEFAULT_SHIFT_STARTS,
    Share,
    ShareTargets,
    Shift,
    TakeTimes,
    current_shift,
    parse_shift_starts,
    shift_share,
)

PARIS = ZoneInfo("Europe/Paris")
START = datetime(2026, 11, 29, 13, 0, tzinfo=UTC)  # 14:00 in Paris (UTC+1 in winter)
SHIFT = Shift(START, START + timedelta(hours=8))
TARGETS = ServiceTargets(30, 60)


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


def times(created_s: float, taken_s: float | None = None, closed_s: float | None = None) -> TakeTimes:
    return TakeTimes(
        at(created_s),
        at(taken_s) if taken_s is not None else None,
        at(closed_s) if closed_s is not None else None,
    )


@pytest.mark.parametrize(
    ("local", "start", "end"),
    [
        ("2026-11-29 15:30", "2026-11-29 14:00", "2026-11-29 22:00"),
        ("2026-11-29 14:00", "2026-11-29 14:00", "2026-11-29 22:00"),
        ("2026-11-29 23:10", "2026-11-29 22:00", "2026-11-30 06:00"),
        ("2026-11-30 02:00", "2026-11-29 22:00", "2026-11-30 06:00"),
        ("2026-11-30 05:59", "2026-11-29 22:00", "2026-11-30 06:00"),
    ],
)
def test_current_shift_in_local_time(local: str, start: str, end: str) -> None:
    now = datetime.fromisoformat(local).replace(tzinfo=PARIS)
    shift = current_shift(now, DEFAULT_SHIFT_STARTS, PARIS)
    assert shift.start == datetime.fromisoformat(start).replace(tzinfo=PARIS)
    assert shift.end == datetime.fromisoformat(end).replace(tzinfo=PARIS)
    assert shift.start.tzinfo is UTC


def test_night_shift_across_the_autumn_clock_change_lasts_nine_hours() -> None:
    now = datetime(2026, 10, 25, 1, 0, tzinfo=UTC)  # 03:00 summer → 02:00 winter in Paris that night
    shift = current_shift(now, DEFAULT_SHIFT_STARTS, PARIS)
    assert shift.end - shift.start == timedelta(hours=9)


def test_parse_shift_starts() -> None:
    assert parse_shift_starts("22:00, 06:00;14:00") == (time(6), time(14), time(22))
    assert parse_shift_starts(["07:00", "19:00"]) == (time(7), time(19))
    with pytest.raises(ValueError):
        parse_shift_starts("")
    with pytest.raises(ValueError):
        parse_shift_starts("seven")


def test_share_counts_taken_alarms_against_each_target() -> None:
    alarms = [times(0, 10), times(5, 40), times(10, 80), times(20, 50, 300)]  # waited 10, 35, 70, 30 s
    share = shift_share(alarms, SHIFT, at(400), TARGETS)
    assert share.first == Share(counted=4, within=2)  # 30 s exactly is within
    assert share.second == Share(counted=4, within=3)
    assert share.first.ratio == 0.5 and share.second.ratio == 0.75
    assert share.pending == 0


def test_untaken_alarm_counts_as_a_miss_once_the_target_expired() -> None:
    share = shift_share([times(0)], SHIFT, at(45), TARGETS)
    assert share.first == Share(1, 0) and share.second == Share(0, 0) and share.pending == 0
    share = shift_share([times(0)], SHIFT, at(20), TARGETS)
    assert share.first == Share(0, 0) and share.pending == 1
    assert share.first.ratio is None and share.first.meets(80) is None


def test_alarm_cleared_by_the_system_before_the_target_does_not_count() -> None:
    share = shift_share([times(0, None, 20), times(0, None, 90)], SHIFT, at(400), TARGETS)
    assert share.first == Share(1, 0) and share.second == Share(1, 0) and share.pending == 0


def test_alarms_of_other_shifts_are_ignored() -> None:
    share = shift_share([times(-10, 0), times(8 * 3600, 8 * 3600 + 5)], SHIFT, at(9 * 3600), TARGETS)
    assert share.first.counted == 0 and share.second.counted == 0


def test_meets_target() -> None:
    assert Share(10, 8).meets(80) is True
    assert Share(10, 7).meets(80) is False
    assert Share(200, 197).meets(98.5) is True


def test_share_targets_are_percentages() -> None:
    assert ShareTargets() == ShareTargets(80, 98.5)
    with pytest.raises(ValueError):
        ShareTargets(0, 98.5)
    with pytest.raises(ValueError):
        ShareTargets(80, 120)


@given(st.lists(st.tuples(st.floats(0, 3600), st.one_of(st.none(), st.floats(0, 600))), max_size=50))
def test_shares_are_consistent(raw: list[tuple[float, float | None]]) -> None:
    alarms = [times(c, c + w if w is not None else None) for c, w in raw]
    share = shift_share(alarms, SHIFT, at(4000), TARGETS)
    for part in (share.first, share.second):
        assert 0 <= part.within <= part.counted <= len(alarms)
    assert share.first.within <= share.second.within  # whatever is within 30 s is within 60 s

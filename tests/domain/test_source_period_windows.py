"""Periods of the unknown-source grouping: fixed windows of UTC time, the same on every receiver."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from console.domain.unknown_source import PERIOD_S, period_of


def test_periods_are_fixed_windows_of_the_clock() -> None:
    top = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
    assert period_of(top) == period_of(top + timedelta(minutes=59, seconds=59))
    assert period_of(top + timedelta(hours=1)) == period_of(top) + 1
    assert period_of(top - timedelta(microseconds=1)) == period_of(top) - 1
    assert PERIOD_S == 3600


def test_the_same_instant_in_another_time_zone_is_the_same_period() -> None:
    paris = datetime(2026, 12, 3, 15, 30, tzinfo=timezone(timedelta(hours=1)))
    assert period_of(paris) == period_of(datetime(2026, 12, 3, 14, 30, tzinfo=UTC))


def test_a_period_must_be_positive() -> None:
    with pytest.raises(ValueError):
        period_of(datetime(2026, 12, 3, tzinfo=UTC), 0)

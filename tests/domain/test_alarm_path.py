"""Path confirmation: two distinct intrusion zones within the window."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from console.domain.alarm_path import Trip, confirm_path, is_trip
from console.domain.priority import EventCategory
from tests.factories import T0


def trip(zone: int, seconds: float) -> Trip:
    return Trip(zone, T0 + timedelta(seconds=seconds))


def test_two_zones_within_the_window_confirm() -> None:
    confirmation = confirm_path([trip(3, 0), trip(5, 40)], window_s=120)
    assert confirmation is not None
    assert (confirmation.first.zone, confirmation.second.zone) == (3, 5)
    assert confirmation.describe() == "zones 3 → 5 within 40 s"


def test_same_zone_twice_does_not_confirm() -> None:
    assert confirm_path([trip(3, 0), trip(3, 10), trip(3, 20)]) is None


def test_zones_too_far_apart_do_not_confirm() -> None:
    assert confirm_path([trip(3, 0), trip(5, 121)], window_s=120) is None
    assert confirm_path([trip(3, 0), trip(5, 120)], window_s=120) is not None  # the window is inclusive


def test_the_earliest_confirming_pair_is_reported_whatever_the_arrival_order() -> None:
    confirmation = confirm_path([trip(9, 300), trip(5, 50), trip(3, 0), trip(3, 280)], window_s=60)
    assert confirmation is not None
    assert (confirmation.first.zone, confirmation.second.zone) == (3, 5)


def test_only_new_intrusions_on_a_zone_are_trips() -> None:
    assert is_trip(EventCategory.INTRUSION, "new", 4)
    assert not is_trip(EventCategory.INTRUSION, "restore", 4)
    assert not is_trip(EventCategory.INTRUSION, "new", 0)
    assert not is_trip(EventCategory.FIRE, "new", 4)


@given(st.lists(st.tuples(st.integers(1, 6), st.floats(0, 600)), max_size=12), st.floats(1, 300))
def test_confirmation_agrees_with_a_brute_force_check(raw: list[tuple[int, float]], window: float) -> None:
    trips = [trip(zone, seconds) for zone, seconds in raw]
    expected = any(
        a.zone != b.zone and abs(a.at - b.at) <= timedelta(seconds=window) for a in trips for b in trips
    )
    assert (confirm_path(trips, window) is not None) == expected

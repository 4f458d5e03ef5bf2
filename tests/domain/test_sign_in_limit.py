"""The sign-in lock: five refusals within a quarter of an hour, counted at the moment of the attempt."""

from __future__ import annotations

from datetime import timedelta

from console.domain.sign_in_limit import MAX_FAILURES, WINDOW, is_locked
from tests.factories import T0


def test_locked_from_the_fifth_recent_refusal_until_they_age() -> None:
    failures = [T0 + timedelta(minutes=i) for i in range(MAX_FAILURES)]
    assert not is_locked(failures[:-1], failures[-2])
    assert is_locked(failures, failures[-1])
    assert is_locked(failures, failures[0] + WINDOW)  # the oldest is still within the window
    assert not is_locked(failures, failures[0] + WINDOW + timedelta(seconds=1))
    assert not is_locked([], T0)
    assert not is_locked(failures, T0 - timedelta(minutes=1))  # refusals after "now" do not count

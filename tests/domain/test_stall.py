"""Taken but not progressed: which alarms are stalled, and for how long."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from console.domain.alarm import Action, AlarmState, apply_action
from console.domain.stall import idle_seconds, is_stalled, last_activity, stalled_alarms
from tests.domain.test_alarm_lifecycle import AMELIE, T0, new_alarm


def taken(at_s: float = 0, **changes: object):  # type: ignore[no-untyped-def]
    alarm = apply_action(new_alarm(**changes), Action.TAKE, AMELIE, T0 + timedelta(seconds=at_s)).alarm
    return alarm


def test_taking_counts_as_activity_and_the_idle_clock_starts_there() -> None:
    alarm = taken(at_s=10)
    assert alarm.last_activity_at == T0 + timedelta(seconds=10)
    assert idle_seconds(alarm, T0 + timedelta(seconds=100)) == 90


def test_stalled_only_past_the_threshold() -> None:
    alarm = taken()
    assert not is_stalled(alarm, T0 + timedelta(seconds=180), after_s=180)
    assert is_stalled(alarm, T0 + timedelta(seconds=181), after_s=180)


def test_later_activity_resets_the_clock() -> None:
    alarm = replace(taken(), last_activity_at=T0 + timedelta(seconds=150))
    assert not is_stalled(alarm, T0 + timedelta(seconds=300), after_s=180)
    assert is_stalled(alarm, T0 + timedelta(seconds=331), after_s=180)


def test_verifying_can_stall_but_new_and_dispatched_cannot() -> None:
    later = T0 + timedelta(hours=1)
    verifying = apply_action(taken(), Action.VERIFY, AMELIE, T0).alarm
    assert verifying.state is AlarmState.VERIFYING and is_stalled(verifying, later)
    assert not is_stalled(new_alarm(), later)
    dispatched = apply_action(taken(), Action.DISPATCH, AMELIE, T0).alarm
    assert not is_stalled(dispatched, later)  # waiting on the responders, not on the operator


def test_rows_from_before_the_column_fall_back_on_the_take_time() -> None:
    alarm = replace(taken(at_s=5), last_activity_at=None)
    assert last_activity(alarm) == T0 + timedelta(seconds=5)
    assert last_activity(new_alarm()) is None and idle_seconds(new_alarm(), T0) is None


def test_stalled_alarms_longest_idle_first() -> None:
    a = taken(id=1)
    b = replace(taken(id=2), last_activity_at=T0 + timedelta(seconds=100))
    c = replace(taken(id=3), last_activity_at=T0 + timedelta(seconds=290))
    found = stalled_alarms([b, new_alarm(id=4), c, a], T0 + timedelta(seconds=300), after_s=180)
    assert [(s.alarm.id, s.idle_s) for s in found] == [(1, 300), (2, 200)]

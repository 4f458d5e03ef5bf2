"""A site is handled by one operator at a time: taking someone else's alarm is refused by name."""

from __future__ import annotations

import pytest

from console.domain.alarm import Action, TransitionError, apply_action
from tests.domain.test_alarm_lifecycle import AMELIE, BRUNO, CHEF, T0, new_alarm


def test_taking_an_alarm_someone_holds_names_the_holder() -> None:
    held = apply_action(new_alarm(), Action.TAKE, AMELIE, T0).alarm
    with pytest.raises(TransitionError, match=r"Alarm 7 \(LYO-0001\) is already taken by amelie\."):
        apply_action(held, Action.TAKE, BRUNO, T0)
    with pytest.raises(TransitionError, match="already taken by amelie"):
        apply_action(held, Action.TAKE, CHEF, T0)  # a supervisor takes over by other means, not by T


def test_every_action_counts_as_activity() -> None:
    taken = apply_action(new_alarm(), Action.TAKE, AMELIE, T0).alarm
    assert taken.last_activity_at == T0
    later = T0.replace(minute=5)
    assert apply_action(taken, Action.VERIFY, AMELIE, later).alarm.last_activity_at == later

"""Alarm lifecycle rules: allowed moves, who may make them, what closing requires."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.alarm import (
    Action,
    Alarm,
    AlarmState,
    Disposition,
    Operator,
    Role,
    TransitionError,
    allowed_actions,
    apply_action,
)
from console.domain.priority import EventCategory, Priority

T0 = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
AMELIE = Operator(1, "amelie", "Amélie")
BRUNO = Operator(2, "bruno", "Bruno")
CHEF = Operator(3, "chef", "Chef de salle", Role.SUPERVISOR)


def new_alarm(**changes: object) -> Alarm:
    alarm = Alarm(
        id=7,
        site_id=1,
        site_code="LYO-0001",
        site_name="Pharmacie",
        account="4A21",
        state=AlarmState.NEW,
        priority=Priority.INTRUSION,
        category=EventCategory.INTRUSION,
        title="Intrusion",
        created_at=T0,
        last_signal_at=T0,
    )
    return replace(alarm, **changes)  # type: ignore[arg-type]


def test_full_path_records_each_timestamp() -> None:
    alarm = new_alarm()
    steps = [
        (Action.TAKE, AlarmState.TAKEN, "taken_at"),
        (Action.VERIFY, AlarmState.VERIFYING, "verifying_at"),
        (Action.DISPATCH, AlarmState.DISPATCHED, "dispatched_at"),
    ]
    at = T0
    for action, state, stamp in steps:
        at += timedelta(seconds=10)
        transition = apply_action(alarm, action, AMELIE, at)
        assert transition.before is alarm.state
        alarm = transition.alarm
        assert alarm.state is state
        assert getattr(alarm, stamp) == at
    closed = apply_action(
        alarm, Action.CLOSE, AMELIE, at, disposition=Disposition.CONFIRMED_INTRUSION, comment=" Police "
    )
    assert closed.alarm.state is AlarmState.CLOSED
    assert closed.alarm.closing_comment == "Police"
    assert closed.detail == "confirmed_intrusion: Police"
    assert not closed.alarm.is_open


def test_take_records_the_operator() -> None:
    taken = apply_action(new_alarm(), Action.TAKE, AMELIE, T0).alarm
    assert (taken.operator_id, taken.operator_login) == (1, "amelie")


def test_new_alarm_cannot_be_closed_without_being_taken() -> None:
    with pytest.raises(TransitionError, match="Cannot close an alarm that is new"):
        apply_action(new_alarm(), Action.CLOSE, AMELIE, T0, disposition=Disposition.TEST, comment="x")


@pytest.mark.parametrize(
    ("disposition", "comment", "message"),
    [(None, "ok", "disposition"), (Disposition.TEST, "", "comment"), (Disposition.TEST, "   ", "comment")],
)
def test_closing_needs_disposition_and_comment(
    disposition: Disposition | None, comment: str, message: str
) -> None:
    taken = apply_action(new_alarm(), Action.TAKE, AMELIE, T0).alarm
    with pytest.raises(TransitionError, match=message):
        apply_action(taken, Action.CLOSE, AMELIE, T0, disposition=disposition, comment=comment)


def test_only_the_holder_or_a_supervisor_may_act() -> None:
    taken = apply_action(new_alarm(), Action.TAKE, AMELIE, T0).alarm
    with pytest.raises(TransitionError, match="handled by amelie"):
        apply_action(taken, Action.VERIFY, BRUNO, T0)
    released = apply_action(taken, Action.RELEASE, CHEF, T0, comment="Amelie is off sick").alarm
    assert released.state is AlarmState.NEW and released.operator_id is None


def test_closed_alarm_allows_nothing() -> None:
    assert allowed_actions(AlarmState.CLOSED) == frozenset()


@given(st.lists(st.sampled_from(list(Action)), max_size=12))
def test_any_sequence_of_actions_stays_within_the_state_machine(actions: list[Action]) -> None:
    alarm = new_alarm()
    for action in actions:
        try:
            transition = apply_action(
                alarm, action, AMELIE, T0, disposition=Disposition.TEST, comment="essai"
            )
        except TransitionError:
            assert action not in allowed_actions(alarm.state)
            continue
        assert action in allowed_actions(alarm.state)
        alarm = transition.alarm
        if alarm.state is AlarmState.NEW:
            assert alarm.operator_id is None
        else:
            assert alarm.operator_id == AMELIE.id

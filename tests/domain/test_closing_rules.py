"""Closing rules: a comment of a few words, a skip reason that says something, a life-safety test confirmed."""

from __future__ import annotations

import pytest

from console.domain.alarm import (
    Disposition,
    TransitionError,
    check_procedure_before_close,
    needs_test_confirmation,
    word_count,
)
from console.domain.priority import EventCategory, Priority
from tests.domain.test_alarm_lifecycle import new_alarm


def test_words_are_counted_as_an_operator_counts_them() -> None:
    assert word_count("") == 0 and word_count(None) == 0
    assert word_count("  ok  ") == 1
    assert word_count("x - .") == 1  # punctuation alone is no word
    assert word_count("Client joint, fausse manip") == 4


@pytest.mark.parametrize("reason", ["", "x", "   ", "ok", "- x"])
def test_a_skip_reason_of_one_word_or_a_letter_is_refused(reason: str) -> None:
    with pytest.raises(TransitionError):
        check_procedure_before_close([2, 3], reason)


def test_a_skip_reason_of_two_words_is_journaled_and_no_missing_step_needs_none() -> None:
    assert check_procedure_before_close([2, 3], "client sur place") == "steps 2, 3 not done: client sur place"
    assert check_procedure_before_close([], "") == ""


@pytest.mark.parametrize(
    ("category", "priority", "asked"),
    [
        (EventCategory.FIRE, Priority.LIFE_SAFETY, True),
        (EventCategory.PANIC, Priority.LIFE_SAFETY, True),
        (EventCategory.MEDICAL, Priority.LIFE_SAFETY, True),
        (EventCategory.DURESS, Priority.LIFE_SAFETY, True),
        (EventCategory.INTRUSION, Priority.INTRUSION, False),
    ],
)
def test_only_a_life_safety_alarm_closed_as_test_asks_for_confirmation(
    category: EventCategory, priority: Priority, asked: bool
) -> None:
    alarm = new_alarm(category=category, priority=priority)
    assert needs_test_confirmation(alarm, Disposition.TEST) is asked
    assert needs_test_confirmation(alarm, Disposition.FALSE_ALARM_USER) is False

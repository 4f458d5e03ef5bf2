"""Which tone sounds when: by priority, at arrival, then repeated while such an alarm waits."""

from __future__ import annotations

from datetime import timedelta

from console.domain.alert_tones import REPEAT_S, Tone, ToneScheduler, tone_for
from console.domain.priority import Priority
from tests.domain.test_alarm_lifecycle import T0


def test_each_priority_level_has_its_tone() -> None:
    assert tone_for(Priority.LIFE_SAFETY) is Tone.URGENT
    assert tone_for(Priority.INTRUSION) is Tone.MEDIUM
    assert tone_for(Priority.TECHNICAL) is Tone.LOW
    assert REPEAT_S[Tone.URGENT] < REPEAT_S[Tone.MEDIUM] < REPEAT_S[Tone.LOW]


def test_arrival_sounds_then_repeats_while_the_alarm_waits() -> None:
    scheduler = ToneScheduler({Tone.URGENT: 4, Tone.MEDIUM: 10, Tone.LOW: 30})
    assert scheduler.arrival(Priority.LIFE_SAFETY, T0) is Tone.URGENT
    heard = []
    for second in range(1, 13):
        tone = scheduler.reminder(Priority.LIFE_SAFETY, T0 + timedelta(seconds=second))
        if tone is not None:
            heard.append((second, tone))
    assert heard == [(4, Tone.URGENT), (8, Tone.URGENT), (12, Tone.URGENT)]


def test_silent_once_nothing_waits_and_fresh_cycle_after() -> None:
    scheduler = ToneScheduler()
    scheduler.arrival(Priority.INTRUSION, T0)
    assert scheduler.reminder(None, T0 + timedelta(seconds=60)) is None
    # a waiting alarm seen again (e.g. released back to the queue) sounds at once
    assert scheduler.reminder(Priority.INTRUSION, T0 + timedelta(seconds=61)) is Tone.MEDIUM


def test_most_urgent_waiting_alarm_decides_and_escalation_is_immediate() -> None:
    scheduler = ToneScheduler()
    scheduler.arrival(Priority.TECHNICAL, T0)
    assert scheduler.reminder(Priority.TECHNICAL, T0 + timedelta(seconds=1)) is None
    assert scheduler.reminder(Priority.LIFE_SAFETY, T0 + timedelta(seconds=2)) is Tone.URGENT
    assert scheduler.reminder(Priority.LIFE_SAFETY, T0 + timedelta(seconds=3)) is None

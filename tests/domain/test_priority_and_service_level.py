"""Queue order and service-level clocks."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from console.domain.priority import EventCategory, Priority, default_priority
from console.domain.service_level import (
    ClockLevel,
    ServiceTargets,
    clock_level,
    service_level,
    waiting_seconds,
)
from tests.domain.test_alarm_lifecycle import T0, new_alarm


@pytest.mark.parametrize(
    ("category", "priority"),
    [
        (EventCategory.FIRE, Priority.LIFE_SAFETY),
        (EventCategory.PANIC, Priority.LIFE_SAFETY),
        (EventCategory.DURESS, Priority.LIFE_SAFETY),
        (EventCategory.MEDICAL, Priority.LIFE_SAFETY),
        (EventCategory.INTRUSION, Priority.INTRUSION),
        (EventCategory.TECHNICAL, Priority.TECHNICAL),
        (EventCategory.TEST, Priority.INFORMATION),
    ],
)
def test_default_priorities(category: EventCategory, priority: Priority) -> None:
    assert default_priority(category) is priority


def test_queue_orders_by_priority_then_age() -> None:
    old_intrusion = new_alarm(id=1, created_at=T0)
    young_fire = new_alarm(id=2, priority=Priority.LIFE_SAFETY, created_at=T0 + timedelta(minutes=5))
    young_intrusion = new_alarm(id=3, created_at=T0 + timedelta(minutes=1))
    technical = new_alarm(id=4, priority=Priority.TECHNICAL, created_at=T0 - timedelta(hours=1))
    ordered = sorted([technical, young_intrusion, old_intrusion, young_fire], key=lambda a: a.sort_key())
    assert [a.id for a in ordered] == [2, 1, 3, 4]


def test_clock_escalates_until_taken() -> None:
    targets = ServiceTargets(30, 60)
    alarm = new_alarm()
    assert clock_level(alarm, T0 + timedelta(seconds=30), targets) is ClockLevel.ON_TIME
    assert clock_level(alarm, T0 + timedelta(seconds=31), targets) is ClockLevel.WARNING
    assert clock_level(alarm, T0 + timedelta(seconds=61), targets) is ClockLevel.LATE
    taken = replace(alarm, taken_at=T0 + timedelta(seconds=20))
    assert clock_level(taken, T0 + timedelta(hours=2), targets) is ClockLevel.ON_TIME
    assert waiting_seconds(taken, T0 + timedelta(hours=2)) == 20


def test_service_level_counts_taken_alarms_only() -> None:
    targets = ServiceTargets(30, 60)
    alarms = [
        replace(new_alarm(id=1), taken_at=T0 + timedelta(seconds=10)),
        replace(new_alarm(id=2), taken_at=T0 + timedelta(seconds=45)),
        replace(new_alarm(id=3), taken_at=T0 + timedelta(seconds=90)),
        new_alarm(id=4),
    ]
    report = service_level(alarms, targets)
    assert (report.taken, report.within_first, report.within_second) == (3, 1, 2)
    assert report.share_first == pytest.approx(1 / 3)
    assert service_level([], targets).share_first is None


def test_targets_must_be_ordered() -> None:
    with pytest.raises(ValueError, match="targets"):
        ServiceTargets(60, 30)


def test_taking_past_an_overdue_life_safety_alarm_names_it() -> None:
    """Taking an alarm while a more urgent life-safety alarm waits past its target must be asked."""
    from console.domain.alarm import AlarmState
    from console.domain.service_level import life_safety_left_waiting

    targets = ServiceTargets(30, 60)
    intrusion = new_alarm(id=1, created_at=T0 - timedelta(minutes=5))
    fire = new_alarm(id=2, priority=Priority.LIFE_SAFETY, category=EventCategory.FIRE, created_at=T0)
    panic = new_alarm(
        id=3,
        priority=Priority.LIFE_SAFETY,
        category=EventCategory.PANIC,
        created_at=T0 + timedelta(seconds=5),
    )
    alarms = [intrusion, fire, panic]
    # Within the target nobody is left waiting too long: no question.
    assert life_safety_left_waiting(intrusion, alarms, T0 + timedelta(seconds=30), targets) is None
    # Past it, taking the intrusion leaves the fire (first in queue order) waiting: named.
    late = T0 + timedelta(seconds=40)
    assert life_safety_left_waiting(intrusion, alarms, late, targets) == fire
    # The younger panic leaves the older fire waiting; the fire itself is the most urgent: no question.
    assert life_safety_left_waiting(panic, alarms, late, targets) == fire
    assert life_safety_left_waiting(fire, alarms, late, targets) is None
    # A life-safety alarm someone already holds is not waiting.
    held = [intrusion, replace(fire, state=AlarmState.TAKEN, taken_at=T0 + timedelta(seconds=35)), panic]
    assert life_safety_left_waiting(intrusion, held, late, targets) == panic
    # Only life safety counts: an old intrusion left waiting does not ask.
    technical = new_alarm(id=4, priority=Priority.TECHNICAL, created_at=T0)
    assert life_safety_left_waiting(technical, [intrusion, technical], late, targets) is None

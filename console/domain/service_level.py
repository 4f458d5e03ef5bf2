"""Service-level clocks: how long an alarm has waited to be taken, against the station's targets.

EN 50518 is often quoted as 80 % of alarms accepted within 30 s and 98.5 % within 60 s; the
figures are not checked against the standard's text here, so they are configuration.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from console.domain.alarm import Alarm, AlarmState
from console.domain.priority import Priority


class ClockLevel(IntEnum):
    """Escalating urgency of an alarm's waiting time."""

    ON_TIME = 0
    WARNING = 1  # past the first target, not yet taken
    LATE = 2  # past the second target, not yet taken


@dataclass(frozen=True, slots=True)
class ServiceTargets:
    take_within_s: float = 30.0
    take_late_s: float = 60.0

    def __post_init__(self) -> None:
        if not 0 < self.take_within_s <= self.take_late_s:
            raise ValueError("service targets must satisfy 0 < first target <= second target")


def waiting_seconds(alarm: Alarm, now: datetime) -> float:
    """Seconds the alarm waited (or has been waiting) to be taken."""
    end = alarm.taken_at if alarm.taken_at is not None else now
    return max(0.0, (end - alarm.created_at).total_seconds())


def age_seconds(alarm: Alarm, now: datetime) -> float:
    end = alarm.closed_at if alarm.closed_at is not None else now
    return max(0.0, (end - alarm.created_at).total_seconds())


def clock_level(alarm: Alarm, now: datetime, targets: ServiceTargets) -> ClockLevel:
    waited = waiting_seconds(alarm, now)
    if waited > targets.take_late_s:
        return ClockLevel.LATE
    if waited > targets.take_within_s:
        return ClockLevel.WARNING
    return ClockLevel.ON_TIME


def life_safety_left_waiting(
    chosen: Alarm, alarms: Iterable[Alarm], now: datetime, targets: ServiceTargets
) -> Alarm | None:
    """The life-safety alarm that taking `chosen` would leave waiting past its take-within target.

    Only an untaken life-safety alarm that comes before `chosen` in queue order counts (more urgent:
    a higher priority, or the same one and older), so taking the most urgent alarm never asks; of
    several, the first in queue order is named. None when nobody's life is left waiting.
    """
    chosen_key = chosen.sort_key()
    overdue = [
        alarm
        for alarm in alarms
        if alarm.id != chosen.id
        and alarm.state is AlarmState.NEW
        and alarm.priority is Priority.LIFE_SAFETY
        and alarm.sort_key() < chosen_key
        and waiting_seconds(alarm, now) > targets.take_within_s
    ]
    return min(overdue, key=Alarm.sort_key, default=None)


@dataclass(frozen=True, slots=True)
class ServiceLevelReport:
    taken: int
    within_first: int
    within_second: int

    @property
    def share_first(self) -> float | None:
        return self.within_first / self.taken if self.taken else None

    @property
    def share_second(self) -> float | None:
        return self.within_second / self.taken if self.taken else None


def service_level(alarms: Iterable[Alarm], targets: ServiceTargets) -> ServiceLevelReport:
    """Share of taken alarms that were taken within each target (untaken alarms are not counted)."""
    taken = first = second = 0
    for alarm in alarms:
        if alarm.taken_at is None:
            continue
        taken += 1
        waited = (alarm.taken_at - alarm.created_at).total_seconds()
        first += waited <= targets.take_within_s
        second += waited <= targets.take_late_s
    return ServiceLevelReport(taken=taken, within_first=first, within_second=second)

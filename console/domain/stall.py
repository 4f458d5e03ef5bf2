"""Taken but not progressed: an alarm someone holds while nothing happens on it.

Taking an alarm stops the waiting clock, so a taken alarm left aside (operator called away, a
second alarm, a forgotten window) would look handled while nobody handles it. An alarm taken or
under verification with no operator activity (action, ticked step, note, call: anything the
journal records with an operator) for longer than the station's threshold is *stalled*, and the
supervisor is told. Dispatched alarms wait on the responders, not the operator: not counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from console.domain.alarm import Alarm, AlarmState

DEFAULT_STALL_AFTER_S = 180.0
STALLABLE_STATES = frozenset({AlarmState.TAKEN, AlarmState.VERIFYING})


@dataclass(frozen=True, slots=True)
class Stalled:
    """A stalled alarm and how long nothing has happened on it."""

    alarm: Alarm
    idle_s: float


def last_activity(alarm: Alarm) -> datetime | None:
    """When an operator last did something on the alarm; taking it counts (older rows lack the column)."""
    stamps = [t for t in (alarm.last_activity_at, alarm.taken_at) if t is not None]
    return max(stamps) if stamps else None


def idle_seconds(alarm: Alarm, now: datetime) -> float | None:
    """Seconds since the holder's last activity, for an alarm in a state that can stall; else None."""
    if alarm.state not in STALLABLE_STATES:
        return None
    since = last_activity(alarm)
    if since is None:
        return None
    return max(0.0, (now - since).total_seconds())


def is_stalled(alarm: Alarm, now: datetime, after_s: float = DEFAULT_STALL_AFTER_S) -> bool:
    idle = idle_seconds(alarm, now)
    return idle is not None and idle > after_s


def stalled_alarms(
    alarms: Iterable[Alarm], now: datetime, after_s: float = DEFAULT_STALL_AFTER_S
) -> list[Stalled]:
    """The stalled alarms, longest idle first (what a supervisor should look at first)."""
    found = []
    for alarm in alarms:
        if alarm.state not in STALLABLE_STATES:  # most of a busy queue: skip it cheaply
            continue
        idle = idle_seconds(alarm, now)
        if idle is not None and idle > after_s:
            found.append(Stalled(alarm, idle))
    found.sort(key=lambda s: (-s.idle_s, s.alarm.id))
    return found

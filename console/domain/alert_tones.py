"""Which tone the console sounds, and when: by priority, repeated while such an alarm waits.

An operator must hear from the sound alone how urgent the waiting work is: a fast high tone for
life safety (fire, panic, duress, medical), a medium one for intrusion, a low one for technical
faults. A new alarm always sounds its tone; then the most urgent untaken alarm's tone repeats, the
more urgent the more often, until nothing waits. Qt-free so the choice is tested without audio.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from console.domain.priority import Priority


class Tone(StrEnum):
    URGENT = "urgent"
    MEDIUM = "medium"
    LOW = "low"


TONE_OF_PRIORITY: dict[Priority, Tone] = {
    Priority.LIFE_SAFETY: Tone.URGENT,
    Priority.INTRUSION: Tone.MEDIUM,
    Priority.TECHNICAL: Tone.LOW,
    Priority.INFORMATION: Tone.LOW,
}

REPEAT_S: dict[Tone, float] = {Tone.URGENT: 4.0, Tone.MEDIUM: 10.0, Tone.LOW: 30.0}


def tone_for(priority: Priority) -> Tone:
    return TONE_OF_PRIORITY[priority]


class ToneScheduler:
    """Decides, at each clock tick, whether a reminder tone is due."""

    def __init__(self, repeat_s: dict[Tone, float] | None = None) -> None:
        self._repeat_s = dict(repeat_s or REPEAT_S)
        self._last_at: dict[Tone, datetime] = {}

    def arrival(self, priority: Priority, now: datetime) -> Tone:
        """A new alarm: its tone sounds at once, and its repetition starts from now."""
        tone = tone_for(priority)
        self._last_at[tone] = now
        return tone

    def reminder(self, most_urgent_waiting: Priority | None, now: datetime) -> Tone | None:
        """The tone to repeat now for the most urgent untaken alarm, or None (not due, or none waits)."""
        if most_urgent_waiting is None:
            self._last_at.clear()  # silence; the next arrival starts a fresh cycle
            return None
        tone = tone_for(most_urgent_waiting)
        last = self._last_at.get(tone)
        if last is not None and (now - last).total_seconds() < self._repeat_s[tone]:
            return None
        self._last_at[tone] = now
        return tone

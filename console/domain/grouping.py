"""Grouping: which alarm a newly received signal belongs to.

A site has at most one open alarm at a time; every new signal of that site joins it, so the
operator sees one incident with its whole story (the intruder's path, the restore, the opening by
the keyholder) instead of a queue flooded with rows. Restores and purely informative signals
never open an alarm on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from console.domain.alarm import Alarm, AlarmState
from console.domain.priority import INFORMATIONAL_CATEGORIES, EventCategory
from console.domain.signals import Qualifier, Signal


class Placement(StrEnum):
    JOIN = "join"  # attach to the site's open alarm
    NEW_ALARM = "new_alarm"  # open a new alarm for this signal
    RECORD_ONLY = "record_only"  # keep in the site's history, nothing for the queue


@dataclass(frozen=True, slots=True)
class GroupingDecision:
    placement: Placement
    alarm: Alarm | None = None  # the alarm joined, already updated with the signal


def raises_alarm(signal: Signal) -> bool:
    """Whether a signal, alone, deserves an operator's attention."""
    if signal.is_restore or signal.qualifier is Qualifier.STATUS:
        return False
    return signal.category not in INFORMATIONAL_CATEGORIES


def place_signal(signal: Signal, open_alarm: Alarm | None) -> GroupingDecision:
    """Decide where a signal goes given the site's open alarm (or None).

    Joining escalates the alarm's priority when the new signal is more urgent (a fire during an
    intrusion becomes a life-safety alarm) and retitles it after the most urgent event.
    """
    if open_alarm is not None and open_alarm.state is not AlarmState.CLOSED:
        updated = replace(
            open_alarm,
            signal_count=open_alarm.signal_count + 1,
            last_signal_at=max(open_alarm.last_signal_at, signal.received_at),
        )
        if raises_alarm(signal) and signal.priority < open_alarm.priority:
            updated = replace(
                updated, priority=signal.priority, category=signal.category, title=alarm_title(signal)
            )
        return GroupingDecision(Placement.JOIN, updated)
    if raises_alarm(signal):
        return GroupingDecision(Placement.NEW_ALARM)
    return GroupingDecision(Placement.RECORD_ONLY)


def alarm_title(signal: Signal, lang: str = "en") -> str:
    """Short title of an alarm after the signal that raised it: event label and zone."""
    label = signal.event.label(lang)
    if signal.zone and signal.category not in (  # zone 0 is "no zone" (the panel itself)
        EventCategory.TECHNICAL,
        EventCategory.SUPERVISION,
    ):
        return f"{label} – zone {signal.zone}"  # the same word in French and English
    return label

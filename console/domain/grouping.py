"""Grouping: which alarm a newly received signal belongs to.

A site has at most one open alarm at a time; every new signal of that site joins it, so the
operator sees one incident with its whole story (the intruder's path, the restore, the opening by
the keyholder) instead of a queue flooded with rows. Restores and purely informative signals
never open an alarm on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from console.domain.alarm import Alarm, AlarmState
from console.domain.event_codes import CATALOGUE
from console.domain.priority import INFORMATIONAL_CATEGORIES, EventCategory
from console.domain.schedule import LATE_TO_CLOSE, UNEXPECTED_OPENING
from console.domain.signals import Qualifier, Signal
from console.domain.unknown_source import unknown_source_title


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
                updated,
                priority=signal.priority,
                category=signal.category,
                title=alarm_title(signal),
                title_event=title_event(signal),
                title_zone=signal.zone,
            )
        return GroupingDecision(Placement.JOIN, updated)
    if raises_alarm(signal):
        return GroupingDecision(Placement.NEW_ALARM)
    return GroupingDecision(Placement.RECORD_ONLY)


@dataclass(frozen=True, slots=True)
class Escalation:
    """A joining signal more urgent than the alarm so far: the alarm takes its priority and title."""

    signal: Signal
    before: Alarm
    after: Alarm


def join_signals(alarm: Alarm, signals: Sequence[Signal]) -> tuple[Alarm, list[Escalation]]:
    """The open `alarm` after `signals` joined it in order: the same result as `place_signal` on
    each in turn, built once (a receiver joins thousands of signals a second to a few alarms)."""
    if alarm.state is AlarmState.CLOSED:
        raise ValueError("signals cannot join a closed alarm")
    escalations: list[Escalation] = []
    current = alarm
    count, last = alarm.signal_count, alarm.last_signal_at
    for signal in signals:
        count += 1
        if signal.received_at > last:
            last = signal.received_at
        if signal.priority < current.priority and raises_alarm(signal):
            escalated = replace(
                current,
                signal_count=count,
                last_signal_at=last,
                priority=signal.priority,
                category=signal.category,
                title=alarm_title(signal),
                title_event=title_event(signal),
                title_zone=signal.zone,
            )
            escalations.append(Escalation(signal, current, escalated))
            current = escalated
    if signals:
        current = replace(current, signal_count=count, last_signal_at=last)
    return current, escalations


MISSED_TEST = "VIGIE:missed_test"


def title_event(signal: Signal) -> str:
    return f"{signal.event.system.value}:{signal.event.code}"


def _with_zone(label: str, zone: int | None, category: EventCategory) -> str:
    # zone 0 is "no zone" (the panel itself); technical events name no zone
    if zone and category not in (EventCategory.TECHNICAL, EventCategory.SUPERVISION):
        return f"{label} – zone {zone}"  # the same word in French and English
    return label


def alarm_title(signal: Signal, lang: str = "en") -> str:
    """Short title of an alarm after the signal that raised it: event label and zone."""
    return _with_zone(signal.event.label(lang), signal.zone, signal.category)


def localized_title(alarm: Alarm, lang: str) -> str:
    """The alarm's title in the console's language, from what it records of its event."""
    fr = lang == "fr"
    if alarm.title_event == MISSED_TEST:
        return (
            f"Test cyclique manquant – compte {alarm.account}"
            if fr
            else f"Missed periodic test – account {alarm.account}"
        )
    if alarm.title_event == UNEXPECTED_OPENING:
        return "Mise hors service hors horaires" if fr else "Opening outside the hours"
    if alarm.title_event == LATE_TO_CLOSE:
        return "Retard de mise en service" if fr else "Late to close"
    if not alarm.title_event or ":" not in alarm.title_event:
        return alarm.title
    system, code = alarm.title_event.split(":", 1)
    try:
        event = CATALOGUE.lookup(system, code)
    except ValueError:
        return alarm.title
    text = _with_zone(event.label(lang), alarm.title_zone, event.category)
    if alarm.site_id is None:
        return unknown_source_title(alarm.source, alarm.source_accounts, alarm.account, text, lang)
    return text

"""Event categories and the priority order an operator works in.

Life safety first (fire, panic, duress, medical), then intrusion, then technical faults, then
information; within a priority the oldest alarm comes first.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum, StrEnum


class EventCategory(StrEnum):
    """What kind of incident a signal reports; drives priority and the customer procedure used."""

    FIRE = "fire"
    PANIC = "panic"
    DURESS = "duress"
    MEDICAL = "medical"
    INTRUSION = "intrusion"
    TAMPER = "tamper"
    TECHNICAL = "technical"
    SUPERVISION = "supervision"
    OPEN_CLOSE = "open_close"
    TEST = "test"
    INFORMATION = "information"


class Priority(IntEnum):
    """Lower value is more urgent, so sorting ascending gives the operator's order."""

    LIFE_SAFETY = 1
    INTRUSION = 2
    TECHNICAL = 3
    INFORMATION = 4

    @property
    def label_en(self) -> str:
        return _PRIORITY_LABELS[self][1]

    @property
    def label_fr(self) -> str:
        return _PRIORITY_LABELS[self][0]


_PRIORITY_LABELS: dict[Priority, tuple[str, str]] = {
    Priority.LIFE_SAFETY: ("Sécurité des personnes", "Life safety"),
    Priority.INTRUSION: ("Intrusion", "Intrusion"),
    Priority.TECHNICAL: ("Technique", "Technical"),
    Priority.INFORMATION: ("Information", "Information"),
}

DEFAULT_PRIORITY: dict[EventCategory, Priority] = {
    EventCategory.FIRE: Priority.LIFE_SAFETY,
    EventCategory.PANIC: Priority.LIFE_SAFETY,
    EventCategory.DURESS: Priority.LIFE_SAFETY,
    EventCategory.MEDICAL: Priority.LIFE_SAFETY,
    EventCategory.INTRUSION: Priority.INTRUSION,
    EventCategory.TAMPER: Priority.INTRUSION,
    EventCategory.TECHNICAL: Priority.TECHNICAL,
    EventCategory.SUPERVISION: Priority.TECHNICAL,
    EventCategory.OPEN_CLOSE: Priority.INFORMATION,
    EventCategory.TEST: Priority.INFORMATION,
    EventCategory.INFORMATION: Priority.INFORMATION,
}

# Categories whose signals only inform: recorded, attached to an open alarm if there is one,
# but never enough on their own to put a new alarm in the queue.
INFORMATIONAL_CATEGORIES: frozenset[EventCategory] = frozenset(
    {EventCategory.OPEN_CLOSE, EventCategory.TEST, EventCategory.INFORMATION}
)


def default_priority(category: EventCategory) -> Priority:
    return DEFAULT_PRIORITY[category]


def queue_sort_key(
    priority: Priority | int, created_at: datetime, alarm_id: int
) -> tuple[int, datetime, int]:
    """Key of an alarm in the operator's queue: priority, then age (oldest first), then id for stability."""
    return (int(priority), created_at, alarm_id)

"""Colours with a meaning: priority tints and service-level clock colours, in one place."""

from __future__ import annotations

from PySide6.QtGui import QColor

from console.domain.priority import Priority
from console.domain.service_level import ClockLevel

PRIORITY_TINT: dict[Priority, QColor] = {
    Priority.LIFE_SAFETY: QColor("#ffcdd2"),
    Priority.INTRUSION: QColor("#ffe0b2"),
    Priority.TECHNICAL: QColor("#fff9c4"),
    Priority.INFORMATION: QColor("#eceff1"),
}

PRIORITY_STRONG: dict[Priority, QColor] = {
    Priority.LIFE_SAFETY: QColor("#c62828"),
    Priority.INTRUSION: QColor("#ef6c00"),
    Priority.TECHNICAL: QColor("#f9a825"),
    Priority.INFORMATION: QColor("#78909c"),
}

CLOCK_COLOUR: dict[ClockLevel, QColor | None] = {
    ClockLevel.ON_TIME: None,
    ClockLevel.WARNING: QColor("#ffb300"),
    ClockLevel.LATE: QColor("#d50000"),
}

# A taken alarm nobody progresses (stall): distinct from priority, clock and path colours.
STALL_COLOUR = QColor("#4527a0")

TRIPPED_ZONE = QColor("#e53935")
IDLE_ZONE = QColor("#1e88e5")
RESTORED_ZONE = QColor("#43a047")
PATH_COLOUR = QColor("#6a1b9a")  # the alarm path: distinct from tripped red and idle blue

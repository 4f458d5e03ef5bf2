"""Alarm path (cheminement): detectors tripping one after another across the site.

Two distinct intrusion zones tripping within a short window are a path an intruder walked: a
doubt-removal method operators are trained for, which confirms the alarm. The window is the
station's setting (two minutes by default, a figure to agree with the customer and the insurer).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.priority import EventCategory

DEFAULT_WINDOW_S = 120.0


@dataclass(frozen=True, slots=True)
class Trip:
    """One detector tripping: a new intrusion event on a zone, at a time."""

    zone: int
    at: datetime


@dataclass(frozen=True, slots=True)
class PathConfirmation:
    first: Trip
    second: Trip

    def describe(self) -> str:
        gap = (self.second.at - self.first.at).total_seconds()
        return f"zones {self.first.zone} → {self.second.zone} within {gap:.0f} s"


def is_trip(category: EventCategory, qualifier: str, zone: int | None) -> bool:
    """Only a new intrusion event on a real zone counts (not a restore, not the panel itself)."""
    return category is EventCategory.INTRUSION and qualifier == "new" and bool(zone)


def confirm_path(trips: Iterable[Trip], window_s: float = DEFAULT_WINDOW_S) -> PathConfirmation | None:
    """The earliest pair of trips on two different zones no further apart than the window, if any."""
    window = timedelta(seconds=window_s)
    ordered = sorted(trips, key=lambda t: t.at)
    for index, second in enumerate(ordered):
        for first in reversed(ordered[:index]):
            if second.at - first.at > window:
                break
            if first.zone != second.zone:
                return PathConfirmation(first, second)
    return None

"""The current shift and its live service level: share of its alarms taken within each target.

Stations work in shifts (06:00, 14:00, 22:00 by default, local time) and judge each one by the
share of alarms accepted within 30 s and within 60 s (EN 50518 is often quoted as 80 % and
98.5 %; figures not checked against the standard, hence configuration).

An alarm counts for a target once its outcome against that target is known: taken (within the
target or not), or still untaken when the target expired (a miss, even before anyone takes
it, so a backlog shows at once). An alarm still waiting under the target is pending; one the
system cleared before the target expired (a missed test whose link came back) never needed
taking and is not counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NamedTuple

from console.domain.service_level import ServiceTargets

DEFAULT_SHIFT_STARTS: tuple[time, ...] = (time(6, 0), time(14, 0), time(22, 0))


class TakeTimes(NamedTuple):
    """What the share needs of an alarm (the storage query returns only this)."""

    created_at: datetime
    taken_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True, slots=True)
class ShareTargets:
    """Shares the station commits to, in percent, for the first and second take-within targets."""

    first_pct: float = 80.0
    second_pct: float = 98.5

    def __post_init__(self) -> None:
        if not (0 < self.first_pct <= 100 and 0 < self.second_pct <= 100):
            raise ValueError("share targets are percentages between 0 and 100")


@dataclass(frozen=True, slots=True)
class Shift:
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Share:
    counted: int
    within: int

    @property
    def ratio(self) -> float | None:
        return self.within / self.counted if self.counted else None

    def meets(self, target_pct: float) -> bool | None:
        """Whether the share reaches the target; None while nothing counts yet."""
        ratio = self.ratio
        return None if ratio is None else ratio * 100 >= target_pct - 1e-9


@dataclass(frozen=True, slots=True)
class ShiftShare:
    shift: Shift
    first: Share  # within targets.take_within_s
    second: Share  # within targets.take_late_s
    pending: int  # untaken alarms still under the first target


def parse_shift_starts(text: str | Sequence[str]) -> tuple[time, ...]:
    """'06:00, 14:00, 22:00' (or a list of such) to sorted start times; ValueError on nonsense."""
    parts = text.replace(";", ",").replace(" ", ",").split(",") if isinstance(text, str) else list(text)
    starts = sorted({time.fromisoformat(p.strip()) for p in parts if p.strip()})
    if not starts:
        raise ValueError("no shift start time")
    return tuple(starts)


def current_shift(now: datetime, starts: Sequence[time], tz: tzinfo | None = None) -> Shift:
    """The shift `now` falls in, in UTC; start times are wall-clock times in `tz` (None: the system's zone)."""
    local_now = now.astimezone(tz)
    day = local_now.date()
    candidates = sorted(
        _at(d, t, tz) for d in (day - timedelta(days=1), day, day + timedelta(days=1)) for t in starts
    )
    start = max(c for c in candidates if c <= now)
    end = min(c for c in candidates if c > now)
    return Shift(start=start.astimezone(UTC), end=end.astimezone(UTC))


def _at(day: date, wall: time, tz: tzinfo | None) -> datetime:
    if tz is None:
        return datetime.combine(day, wall).astimezone()  # the system's zone, daylight saving included
    return datetime.combine(day, wall, tzinfo=tz)


def shift_share(
    alarms: Iterable[TakeTimes], shift: Shift, now: datetime, targets: ServiceTargets
) -> ShiftShare:
    """Share of the shift's alarms taken within each target (see the module docstring for what counts)."""
    limits = (targets.take_within_s, targets.take_late_s)
    counted = [0, 0]
    within = [0, 0]
    pending = 0
    for alarm in alarms:
        if not shift.start <= alarm.created_at < shift.end:
            continue
        if alarm.taken_at is not None:
            waited = (alarm.taken_at - alarm.created_at).total_seconds()
            for i, limit in enumerate(limits):
                counted[i] += 1
                within[i] += waited <= limit
            continue
        end = alarm.closed_at or now
        waited = (end - alarm.created_at).total_seconds()
        for i, limit in enumerate(limits):
            counted[i] += waited > limit  # missed; under the limit it is pending or cleared in time
        pending += alarm.closed_at is None and waited <= limits[0]
    return ShiftShare(
        shift=shift,
        first=Share(counted[0], within[0]),
        second=Share(counted[1], within[1]),
        pending=pending,
    )

"""A site's opening hours, and the two alarms of the trade they decide: an opening outside them, and
a site not closed (armed) by its closing time plus a grace.

A shop is opened (its panel disarmed) by its staff in the morning and closed (armed) at night. The
station knows its weekly hours, with exceptions: holidays (closed all day) and one-off days (other
hours). An opening outside the hours, beyond a tolerance for early staff, may be a burglar with a
stolen code or a duress; a site left open past closing time is a door left unlocked. Both raise an
alarm of their own for the operator to call the site's contacts.

Hours are wall-clock times of the site's own time zone, so that 08:00 stays 08:00 across daylight
saving. A closing at or before the opening time ends the next day (a night shift, 22:00-06:00).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from console.domain.signals import Qualifier, Signal

EARLY_OPENING = timedelta(minutes=30)  # staff opening this long before the hours are expected
CLOSING_GRACE = timedelta(minutes=15)  # a site still open this long after closing time is late
UNEXPECTED_OPENING = "VIGIE:unexpected_opening"  # title events of the two alarms (grouping renders them)
LATE_TO_CLOSE = "VIGIE:late_to_close"


@dataclass(frozen=True, slots=True)
class Hours:
    """One span of opening hours in a day, in the site's wall-clock time."""

    opens: time
    closes: time

    def on(self, day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """The span as aware datetimes for `day`; a closing not after the opening is the next day's."""
        start = datetime.combine(day, self.opens, tzinfo=zone)
        end_day = day if self.closes > self.opens else day + timedelta(days=1)
        return start, datetime.combine(end_day, self.closes, tzinfo=zone)


@dataclass(frozen=True, slots=True)
class Schedule:
    """A site's weekly hours (Monday = 0) and its exceptions: a day listed in `exceptions` takes
    those hours instead of the week's; an empty tuple is a day closed all day (a holiday)."""

    timezone: str
    weekly: Mapping[int, tuple[Hours, ...]] = field(default_factory=dict)
    exceptions: Mapping[date, tuple[Hours, ...]] = field(default_factory=dict)
    labels: Mapping[date, str] = field(default_factory=dict)  # why an exception day is one

    def hours_on(self, day: date) -> tuple[Hours, ...]:
        if day in self.exceptions:
            return self.exceptions[day]
        return self.weekly.get(day.weekday(), ())

    def local_day(self, at: datetime) -> date:
        """The site's own date at `at` (hours are read in the site's time zone)."""
        return at.astimezone(ZoneInfo(self.timezone)).date()

    def spans(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        """Every opening span (aware, the site's zone) that overlaps [start, end], in order."""
        zone = ZoneInfo(self.timezone)
        first = start.astimezone(zone).date() - timedelta(days=1)  # a night span from the day before
        last = end.astimezone(zone).date()
        found = []
        day = first
        while day <= last:
            for hours in self.hours_on(day):
                opens, closes = hours.on(day, zone)
                if closes >= start and opens <= end:
                    found.append((opens, closes))
            day += timedelta(days=1)
        return sorted(found)

    @property
    def is_empty(self) -> bool:
        """No hours at all: nothing is expected, so nothing is judged (a site without a schedule)."""
        return not any(self.weekly.values()) and not self.exceptions


class Arming(StrEnum):
    OPENED = "opened"  # disarmed: staff on site
    CLOSED = "closed"  # armed: site left


@dataclass(frozen=True, slots=True)
class SiteArming:
    """The site's last opening or closing, as the operator needs it ("open since 07:50")."""

    state: Arming
    changed_at: datetime


# Contact ID open/close events (qualifier 1 opening, 3 closing); 441/442 (armed stay) are closings.
_CID_OPEN_CLOSE = frozenset({"400", "401", "402", "403", "407", "408", "409"})
_CID_CLOSINGS = frozenset({"441", "442"})
# SIA DCS: real openings and closings (the panel's own "fail to", "late to" notices are not).
_SIA_OPENINGS = frozenset({"OP", "OA", "OG", "OQ", "OR", "OS", "OJ", "OK"})
_SIA_CLOSINGS = frozenset({"CL", "CA", "CG", "CQ", "CS", "CP", "CF", "CW", "CJ", "CK"})


def arming_change(signal: Signal) -> Arming | None:
    """Whether a signal opens (disarms) or closes (arms) the site; None for any other event."""
    code = signal.event.code
    if code in _SIA_OPENINGS:
        return Arming.OPENED
    if code in _SIA_CLOSINGS:
        return Arming.CLOSED
    if code in _CID_CLOSINGS and signal.qualifier is not Qualifier.STATUS:
        return Arming.CLOSED
    if code in _CID_OPEN_CLOSE:
        if signal.qualifier is Qualifier.NEW:
            return Arming.OPENED
        if signal.qualifier is Qualifier.RESTORE:
            return Arming.CLOSED
    return None


def is_unexpected_opening(schedule: Schedule, at: datetime, early: timedelta = EARLY_OPENING) -> bool:
    """An opening at `at` outside every span of hours (each widened by `early` before it)."""
    if schedule.is_empty:
        return False
    return not any(opens - early <= at <= closes for opens, closes in schedule.spans(at - early, at + early))


def missed_closing(
    schedule: Schedule,
    state: Arming | None,
    state_at: datetime | None,
    now: datetime,
    already_raised_for: datetime | None = None,
    grace: timedelta = CLOSING_GRACE,
) -> datetime | None:
    """The closing time the site has missed, if it should be alarmed now; else None.

    A site is late to close when it was opened (its last arming change is an opening, at
    `state_at`), a scheduled closing came after that opening, and `grace` has passed since then
    without a closing. Only the latest such closing counts, and not when an alarm was already
    raised for it (`already_raised_for`): one alarm per missed closing.
    """
    if state is not Arming.OPENED or state_at is None or schedule.is_empty:
        return None
    closings = [
        closes for _, closes in schedule.spans(state_at, now - grace) if state_at < closes <= now - grace
    ]
    if not closings:
        return None
    missed = max(closings)
    if already_raised_for is not None and missed <= already_raised_for:
        return None
    return missed


def weekly_from_rows(rows: Iterable[tuple[int, time, time]]) -> dict[int, tuple[Hours, ...]]:
    """Weekly hours from (weekday, opens, closes) rows, each day's spans in order."""
    days: dict[int, list[Hours]] = {}
    for weekday, opens, closes in rows:
        if not 0 <= weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {weekday}")
        days.setdefault(weekday, []).append(Hours(opens, closes))
    return {day: tuple(sorted(spans, key=lambda h: h.opens)) for day, spans in days.items()}


_DAYS = {
    name: index
    for index, names in enumerate(
        [
            ("mon", "lun"),
            ("tue", "mar"),
            ("wed", "mer"),
            ("thu", "jeu"),
            ("fri", "ven"),
            ("sat", "sam"),
            ("sun", "dim"),
        ]
    )
    for name in names
}


class HoursError(ValueError):
    """Opening hours that cannot be read; the message names the part at fault."""


def _clock_time(text: str, part: str) -> time:
    try:
        hours, minutes = (int(n) for n in text.split(":"))
        return time(0) if (hours, minutes) == (24, 0) else time(hours, minutes)
    except ValueError:
        raise HoursError(f"{text!r} in {part!r} is not a time like 08:00") from None


def parse_week(text: str) -> list[tuple[int, time, time]]:
    """Weekly hours written as people write them: "Mon-Fri 08:00-12:00 14:00-19:00; Sat 09:00-12:00"
    (English or French day names, ";" between groups, "24:00" for midnight) -> (weekday, opens,
    closes) spans. "" is no hours at all."""
    spans: list[tuple[int, time, time]] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        words = part.split()
        if len(words) < 2:
            raise HoursError(f"{part!r}: days then hours, like 'Mon-Fri 08:00-19:00'")
        days: list[int] = []
        for group in words[0].lower().split(","):
            first, _, last = group.partition("-")
            if first[:3] not in _DAYS or (last and last[:3] not in _DAYS):
                raise HoursError(f"{group!r} in {part!r} is not a day or a range of days like Mon-Fri")
            start, end = _DAYS[first[:3]], _DAYS[(last or first)[:3]]
            days += [(start + n) % 7 for n in range(((end - start) % 7) + 1)]
        for span in words[1:]:
            opens, sep, closes = span.partition("-")
            if not sep:
                raise HoursError(f"{span!r} in {part!r} is not a span like 08:00-12:00")
            opening, closing = _clock_time(opens, part), _clock_time(closes, part)
            if opening == closing:
                raise HoursError(f"{span!r} in {part!r} opens and closes at the same time")
            spans += [(day, opening, closing) for day in days]
    return spans


def format_week(weekly: Mapping[int, tuple[Hours, ...]]) -> str:
    """The week in `parse_week`'s notation (English day names), days with the same hours grouped."""
    names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    groups: list[tuple[list[int], tuple[Hours, ...]]] = []
    for day in range(7):
        hours = weekly.get(day, ())
        if not hours:
            continue
        if groups and groups[-1][1] == hours and groups[-1][0][-1] == day - 1:
            groups[-1][0].append(day)
        else:
            groups.append(([day], hours))
    parts = []
    for days, hours in groups:
        label = names[days[0]] if len(days) == 1 else f"{names[days[0]]}-{names[days[-1]]}"
        spans = " ".join(
            f"{h.opens:%H:%M}-{'24:00' if h.closes == time(0) else f'{h.closes:%H:%M}'}" for h in hours
        )
        parts.append(f"{label} {spans}")
    return "; ".join(parts)

"""Opening hours: openings outside them, and sites left open past closing time (issue 12, item 2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.domain.event_codes import CATALOGUE
from console.domain.schedule import (
    Arming,
    Hours,
    HoursError,
    Schedule,
    arming_change,
    format_week,
    is_unexpected_opening,
    missed_closing,
    parse_week,
    weekly_from_rows,
)
from console.domain.signals import Qualifier
from tests.factories import cid, sia

PARIS = ZoneInfo("Europe/Paris")
WEEKDAYS = {day: (Hours(time(8), time(12)), Hours(time(14), time(19))) for day in range(5)}
SHOP = Schedule("Europe/Paris", WEEKDAYS | {5: (Hours(time(9), time(13)),)})
CHRISTMAS = date(2026, 12, 25)  # a Friday
WITH_HOLIDAYS = replace(
    SHOP,
    exceptions={CHRISTMAS: (), date(2026, 12, 27): (Hours(time(10), time(16)),)},  # a Sunday sale
)


def paris(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("at", "unexpected"),
    [
        (paris(2, 7, 45), False),  # Wednesday, staff 15 minutes early
        (paris(2, 7, 29), True),  # more than the 30 minutes' tolerance
        (paris(2, 13, 0), True),  # the lunch break
        (paris(2, 13, 40), False),  # 20 minutes before the afternoon
        (paris(2, 18, 59), False),
        (paris(2, 19, 1), True),
        (paris(5, 10, 0), False),  # Saturday morning
        (paris(6, 10, 0), True),  # Sunday
        (paris(25, 9, 0), True),  # Christmas: closed all day
        (paris(27, 11, 0), False),  # the Sunday sale
        (paris(27, 17, 0), True),
    ],
)
def test_openings_outside_the_hours(at: datetime, unexpected: bool) -> None:
    assert is_unexpected_opening(WITH_HOLIDAYS, at) is unexpected


def test_hours_are_wall_clock_times_across_daylight_saving() -> None:
    # 2026-03-29: Paris moves from UTC+1 to UTC+2; 08:00 is 07:00 UTC before, 06:00 UTC after.
    before, after = datetime(2026, 3, 27, 7, 0, tzinfo=UTC), datetime(2026, 3, 30, 6, 0, tzinfo=UTC)
    assert not is_unexpected_opening(SHOP, before) and not is_unexpected_opening(SHOP, after)
    assert is_unexpected_opening(SHOP, after - timedelta(minutes=31))


def test_a_night_span_ends_the_next_morning() -> None:
    depot = Schedule("Europe/Paris", {0: (Hours(time(22), time(6)),)})  # Monday night
    assert not is_unexpected_opening(depot, paris(7, 23, 0))  # Monday 23:00
    assert not is_unexpected_opening(depot, paris(8, 5, 30))  # Tuesday 05:30, same span
    assert is_unexpected_opening(depot, paris(8, 22, 0))  # Tuesday night: no span
    assert missed_closing(depot, Arming.OPENED, paris(7, 22, 5), paris(8, 6, 16)) == paris(8, 6, 0)


def test_a_site_still_open_after_closing_time_and_grace_is_late() -> None:
    opened = paris(2, 7, 55)
    assert missed_closing(SHOP, Arming.OPENED, opened, paris(2, 12, 14)) is None  # within the grace
    assert missed_closing(SHOP, Arming.OPENED, opened, paris(2, 12, 15)) == paris(2, 12, 0)
    # Alarmed once for noon; the next one is the evening's closing.
    assert (
        missed_closing(SHOP, Arming.OPENED, opened, paris(2, 15, 0), already_raised_for=paris(2, 12, 0))
        is None
    )
    assert missed_closing(SHOP, Arming.OPENED, opened, paris(2, 19, 20), paris(2, 12, 0)) == paris(2, 19, 0)
    assert missed_closing(SHOP, Arming.OPENED, opened, paris(2, 19, 20)) == paris(2, 19, 0)  # the latest


def test_a_closed_site_or_an_opening_after_closing_time_is_not_late() -> None:
    assert missed_closing(SHOP, Arming.CLOSED, paris(2, 19, 5), paris(2, 23, 0)) is None
    # Opened at 21:00 (that was an unexpected opening): late only at the next closing, tomorrow noon.
    assert missed_closing(SHOP, Arming.OPENED, paris(2, 21, 0), paris(3, 11, 0)) is None
    assert missed_closing(SHOP, Arming.OPENED, paris(2, 21, 0), paris(3, 12, 15)) == paris(3, 12, 0)
    assert (
        missed_closing(Schedule("Europe/Paris"), Arming.OPENED, paris(2, 8), paris(9, 8)) is None
    )  # no hours


def test_a_holiday_has_no_closing_to_miss() -> None:
    opened = paris(24, 14, 0)  # Christmas Eve afternoon, a Thursday
    assert missed_closing(WITH_HOLIDAYS, Arming.OPENED, opened, paris(25, 20, 0)) == paris(24, 19, 0)
    assert missed_closing(WITH_HOLIDAYS, Arming.OPENED, opened, paris(25, 20, 0), paris(24, 19, 0)) is None


def test_which_signals_open_or_close_a_site() -> None:
    assert arming_change(cid(401, qualifier=1)) is Arming.OPENED
    assert arming_change(cid(401, qualifier=3)) is Arming.CLOSED
    assert arming_change(cid(441, qualifier=3)) is Arming.CLOSED  # armed stay
    assert arming_change(cid(401, qualifier=6)) is None  # a status report
    assert arming_change(cid(454)) is None  # the panel's own "failed to close"
    assert arming_change(cid(130)) is None
    assert arming_change(sia("OP")) is Arming.OPENED
    assert arming_change(sia("CL")) is Arming.CLOSED
    assert arming_change(sia("OT")) is None  # "late to close" as a panel reports it
    assert CATALOGUE.lookup("SIA", "OT").label_en == "Late to close"
    assert Qualifier.from_contact_id(3) is Qualifier.RESTORE


def test_weekdays_are_checked() -> None:
    with pytest.raises(ValueError):
        weekly_from_rows([(7, time(8), time(9))])


def test_weekly_hours_are_read_as_people_write_them() -> None:
    spans = parse_week("Mon-Fri 08:00-12:00 14:00-19:00; sam 9:00-12:30; Sun 22:00-06:00")
    weekly = weekly_from_rows(spans)
    assert weekly[0] == (Hours(time(8), time(12)), Hours(time(14), time(19)))
    assert weekly[5] == (Hours(time(9), time(12, 30)),) and weekly[6] == (Hours(time(22), time(6)),)
    assert 4 in weekly and len(spans) == 12
    assert format_week(weekly) == "Mon-Fri 08:00-12:00 14:00-19:00; Sat 09:00-12:30; Sun 22:00-06:00"
    assert parse_week(format_week(weekly)) == spans
    assert weekly_from_rows(parse_week("Fri-Mon 10:00-24:00"))[0] == (Hours(time(10), time(0)),)  # wraps
    assert parse_week("") == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Mon-Fri", "days then hours"),
        ("Moonday 08:00-12:00", "not a day"),
        ("Mon 08:00", "not a span"),
        ("Mon 08:00-25:00", "not a time"),
        ("Mon 08:00-08:00", "same time"),
    ],
)
def test_unreadable_hours_say_which_part(text: str, fragment: str) -> None:
    with pytest.raises(HoursError, match=fragment):
        parse_week(text)

"""Opening hours at work: openings outside them (decided as signals are filed) and sites left open
past closing time (a watch run with the periodic-test one). The rules are `domain.schedule`'s."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from console.domain.journal import JournalAction
from console.domain.priority import EventCategory, Priority
from console.domain.schedule import (
    CLOSING_GRACE,
    EARLY_OPENING,
    LATE_TO_CLOSE,
    Arming,
    Schedule,
    arming_change,
    format_week,
    is_unexpected_opening,
    missed_closing,
    parse_week,
    weekly_from_rows,
)
from console.domain.signals import Signal
from console.services.supervision import StationAlarm, raise_station_alarm
from console.services.test_mode import silenced
from console.storage import alarms as alarm_store
from console.storage import schedules as schedule_store
from console.storage.engine import Database, unavailable_raised
from console.storage.sites import site_by_code


def note_openings(
    session: Session, signals: Sequence[Signal], site_of: Sequence[int | None]
) -> dict[int, str]:
    """Record each site's openings and closings of the batch, in order; return, by signal index,
    the openings outside the site's hours with a sentence saying so (for the journal)."""
    changes = [
        (index, site_id, change)
        for index, (signal, site_id) in enumerate(zip(signals, site_of, strict=True))
        if site_id is not None and (change := arming_change(signal)) is not None
    ]
    if not changes:
        return {}
    schedules = schedule_store.schedules_of(session, {site_id for _, site_id, _ in changes})
    unexpected: dict[int, str] = {}
    for index, site_id, change in changes:
        at = signals[index].received_at
        schedule_store.note_arming(session, site_id, change, at)
        schedule = schedules.get(site_id)
        if (
            change is Arming.OPENED
            and schedule is not None
            and is_unexpected_opening(schedule, at, EARLY_OPENING)
        ):
            unexpected[index] = f"opened at {_local(at, schedule)}, outside the site's hours"
    return unexpected


def _local(at: datetime, schedule: Schedule) -> str:
    return f"{at.astimezone(ZoneInfo(schedule.timezone)):%a %Y-%m-%d %H:%M} ({schedule.timezone})"


class ScheduleWatch:
    """Raises "late to close" alarms; `check()` is called every few seconds by the receiver service."""

    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def check(self) -> list[int]:
        """An alarm (or a journal line on the site's open one) per site now late to close."""
        now = self._clock()
        with unavailable_raised(), self._db.write() as session:
            opened = schedule_store.opened_sites(session)
            if not opened:
                return []
            schedules = schedule_store.schedules_of(session, {state.site_id for state in opened})
            quiet = silenced(session, now)
            touched = []
            for state in opened:
                schedule = schedules.get(state.site_id)
                if schedule is None or quiet(state.site_id, None):
                    continue
                missed = missed_closing(
                    schedule, state.state, state.changed_at, now, state.late_close_for, CLOSING_GRACE
                )
                if missed is not None:
                    touched.append(
                        self._raise_late_close(
                            session, state.site_id, state.changed_at, missed, schedule, now
                        )
                    )
            return touched

    def _raise_late_close(
        self,
        session: Session,
        site_id: int,
        opened_at: datetime,
        missed: datetime,
        schedule: Schedule,
        now: datetime,
    ) -> int:
        schedule_store.mark_late_close(session, site_id, missed)
        detail = f"opened {_local(opened_at, schedule)}, not closed by {_local(missed, schedule)}"
        raised = StationAlarm(
            site_id, "", "Late to close", LATE_TO_CLOSE, EventCategory.OPEN_CLOSE, Priority.TECHNICAL
        )
        return raise_station_alarm(session, raised, JournalAction.LATE_TO_CLOSE, detail, now)


class SiteHours:
    """Setting a site's hours (the command line, the import, the administration): checked by the
    domain's parser, journaled with the hours before and after."""

    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def set_week(self, site_code: str, text: str, by: str, operator_id: int | None = None) -> str:
        """Replace the site's weekly hours by `text` (`parse_week`); returns them as stored.
        HoursError for unreadable hours, LookupError for an unknown site."""
        spans = parse_week(text)
        with unavailable_raised(), self._db.write() as session:
            site = _site(session, site_code)
            before = schedule_store.schedules_of(session, [site.id]).get(site.id)
            schedule_store.set_weekly_hours(session, site.id, spans)
            after = format_week(weekly_from_rows(spans))
            was = format_week(before.weekly) if before else ""
            alarm_store.append_journal(
                session,
                at=self._clock(),
                action=JournalAction.HOURS_CHANGED,
                detail=f"{site.code}: week {was or 'none'} -> {after or 'none'} (by {by})",
                operator_id=operator_id,
                site_id=site.id,
            )
        return after

    def set_day(
        self, site_code: str, day: date, text: str, label: str, by: str, operator_id: int | None = None
    ) -> None:
        """Give one day other hours ("09:00-12:00 14:00-17:00"), or none (`text` ""): a holiday."""
        spans = [(opens, closes) for _, opens, closes in parse_week(f"mon {text}")] if text.strip() else []
        with unavailable_raised(), self._db.write() as session:
            site = _site(session, site_code)
            schedule_store.set_exception(session, site.id, day, spans, label)
            hours = " ".join(f"{o:%H:%M}-{c:%H:%M}" for o, c in spans) or "closed"
            alarm_store.append_journal(
                session,
                at=self._clock(),
                action=JournalAction.HOURS_CHANGED,
                detail=f"{site.code}: {day.isoformat()} {hours}{' (' + label + ')' if label else ''} (by {by})",
                operator_id=operator_id,
                site_id=site.id,
            )

    def show(self, site_code: str) -> Schedule | None:
        with unavailable_raised(), self._db.read() as session:
            site = _site(session, site_code)
            return schedule_store.schedules_of(session, [site.id]).get(site.id)


@dataclass(frozen=True, slots=True)
class _Site:
    id: int
    code: str


def _site(session: Session, code: str) -> _Site:
    site = site_by_code(session, code)
    if site is None or site.id is None:
        raise LookupError(f"no site {code!r}")
    return _Site(site.id, site.code)

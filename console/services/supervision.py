"""Periodic-test supervision: a transmitter that stops calling in is itself an alarm.

Each account may have a test interval; when nothing (event, periodic test or NULL link test) has
arrived within the interval plus a grace period, a technical "missed periodic test" alarm is
raised once. The next signal from that account clears it: an untaken missed-test alarm closes by
itself, one an operator already holds only gets a journal line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.alarm import Alarm, AlarmState, system_clear
from console.domain.grouping import MISSED_TEST
from console.domain.journal import JournalAction
from console.domain.priority import EventCategory, Priority
from console.services.test_mode import silenced
from console.storage import alarms as alarm_store
from console.storage.engine import Database, unavailable_raised
from console.storage.tables import SiteRow, TransmitterRow


def grace_period(interval_s: int, fraction: float = 0.1, minimum_s: float = 60.0) -> timedelta:
    """How late a test may be before it counts as missed: a tenth of the interval, at least a minute."""
    return timedelta(seconds=max(minimum_s, interval_s * fraction))


def clear_overdue(session: Session, transmitter: TransmitterRow, at: datetime) -> int | None:
    """A signal arrived from an overdue transmitter: note it, and close the missed-test alarm if untouched."""
    transmitter.test_overdue_since = None
    alarm = alarm_store.open_alarm_for(session, transmitter.site_id, transmitter.account)
    if alarm is None:
        return None
    alarm_store.append_journal(
        session,
        at=at,
        action=JournalAction.LINK_RESTORED,
        detail=f"account {transmitter.account}: signal received at {at:%H:%M:%S} UTC",
        alarm_id=alarm.id,
        site_id=alarm.site_id,
    )
    if (
        alarm.state is AlarmState.NEW
        and alarm.category is EventCategory.SUPERVISION
        and alarm.signal_count == 0
    ):
        comment = "Link restored before the alarm was taken; cleared automatically."
        alarm_store.save_alarm(session, system_clear(alarm, at, comment))
        alarm_store.append_journal(
            session,
            at=at,
            action=JournalAction.CLOSE,
            detail=comment,
            alarm_id=alarm.id,
            site_id=alarm.site_id,
        )
    return alarm.id


class PeriodicTestWatch:
    """Raises missed-test alarms; `check()` is called every few seconds by the receiver service."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        grace_fraction: float = 0.1,
        min_grace_s: float = 60.0,
    ) -> None:
        self._db = db
        self._clock = clock
        self._grace_fraction = grace_fraction
        self._min_grace_s = min_grace_s

    def check(self) -> list[int]:
        """Raise an alarm for every transmitter whose test is overdue; returns the alarms touched."""
        now = self._clock()
        with unavailable_raised(), self._db.write() as session:
            # each alarm's MISSED_TEST journal line tells the consoles (one change row per alarm)
            return [
                self._raise_missed_test(session, transmitter, now, due)
                for transmitter, due in self._overdue(session, now)
            ]

    def _overdue(self, session: Session, now: datetime) -> list[tuple[TransmitterRow, datetime]]:
        candidates = session.execute(
            select(TransmitterRow).where(
                col(TransmitterRow.test_interval_s).is_not(None),
                col(TransmitterRow.test_overdue_since).is_(None),
            )
        ).scalars()
        overdue = []
        quiet = silenced(session, now)  # on test or out of service: the panel may well be off
        for transmitter in candidates:
            if quiet(transmitter.site_id, transmitter.account):
                continue
            interval = transmitter.test_interval_s or 0
            last = transmitter.last_signal_at or transmitter.created_at
            due = (
                last
                + timedelta(seconds=interval)
                + grace_period(interval, self._grace_fraction, self._min_grace_s)
            )
            if now > due:
                overdue.append((transmitter, due))
        return overdue

    def _raise_missed_test(
        self, session: Session, transmitter: TransmitterRow, now: datetime, due: datetime
    ) -> int:
        transmitter.test_overdue_since = now
        last = transmitter.last_signal_at
        detail = (
            f"account {transmitter.account}: nothing received since {last:%Y-%m-%d %H:%M:%S} UTC"
            if last
            else f"account {transmitter.account}: never heard from"
        ) + f"; expected by {due:%H:%M:%S} UTC"
        return raise_station_alarm(
            session,
            StationAlarm(
                transmitter.site_id,
                transmitter.account,
                f"Missed periodic test – account {transmitter.account}",
                MISSED_TEST,
                EventCategory.SUPERVISION,
                Priority.TECHNICAL,
            ),
            JournalAction.MISSED_TEST,
            detail,
            now,
        )


@dataclass(frozen=True, slots=True)
class StationAlarm:
    """An alarm the station raises of its own (no signal behind it): a missed test, a late closing."""

    site_id: int
    account: str
    title: str
    title_event: str  # rendered per language by domain.grouping.localized_title
    category: EventCategory
    priority: Priority


def raise_station_alarm(
    session: Session, raised: StationAlarm, action: JournalAction, detail: str, now: datetime
) -> int:
    """Journal `action` on the site's open alarm, or on a new one made for it; returns the alarm's id."""
    alarm = alarm_store.open_alarm_for(session, raised.site_id, raised.account)
    if alarm is None:
        site = session.get(SiteRow, raised.site_id)
        alarm = alarm_store.insert_alarm(
            session,
            Alarm(
                id=0,
                site_id=raised.site_id,
                site_code=site.code if site else "",
                site_name=site.name if site else "",
                account=raised.account,
                state=AlarmState.NEW,
                priority=raised.priority,
                category=raised.category,
                title=raised.title,
                created_at=now,
                last_signal_at=now,
                signal_count=0,
                title_event=raised.title_event,
            ),
        )
        alarm_store.append_journal(
            session,
            at=now,
            action=JournalAction.ALARM_RAISED,
            detail=alarm.title,
            alarm_id=alarm.id,
            site_id=alarm.site_id,
        )
    alarm_store.append_journal(
        session, at=now, action=action, detail=detail, alarm_id=alarm.id, site_id=alarm.site_id
    )
    return alarm.id

"""What the operator's queue needs from the database: the open alarms, then what changed.

Runs off the GUI thread (the view hands results over in batches); raises DatabaseUnavailable
when the database cannot be reached, so the console can show a banner and try again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from console.domain.alarm import Alarm
from console.domain.alarm_record import AlarmRecord
from console.domain.shift import TakeTimes
from console.domain.site import JournalEntry, SignalRecord, SiteFile
from console.domain.station import ComponentStatus, stranded_inbox
from console.services.alarm_records import read_record
from console.storage import alarms as alarm_store
from console.storage.changes import ChangeCursor, ChangeListener, last_change_id
from console.storage.engine import Database, unavailable_raised
from console.storage.inbox import inbox_backlog
from console.storage.signals import signals_for_alarm
from console.storage.sites import load_site_file
from console.storage.station import read_statuses


class QueueFeed:
    """Snapshot of open alarms, then increments from the change feed."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._cursor: ChangeCursor | None = None

    def snapshot(self) -> list[Alarm]:
        """All open alarms; later `changes()` calls report what changed after this snapshot."""
        with unavailable_raised(), self._db.read() as session:
            cursor = ChangeCursor(last_id=last_change_id(session))
            alarms = alarm_store.open_alarms(session)
        self._cursor = cursor
        return alarms

    def changes(self) -> list[Alarm]:
        """Alarms changed since the last call, closed ones included (so views can drop them)."""
        if self._cursor is None:
            return self.snapshot()
        with unavailable_raised(), self._db.read() as session:
            changed = self._cursor.poll(session)
            return alarm_store.get_alarms(session, changed.get("alarm", ()))

    def listener(self, on_change: Callable[[], None]) -> ChangeListener | None:
        """A push channel for changes where the database has one (PostgreSQL), else None: poll."""
        if not ChangeListener.supported(self._db.engine):
            return None
        return ChangeListener(self._db.engine, on_change)

    def shift_take_times(
        self, since: datetime, changed_since: datetime | None = None
    ) -> dict[int, TakeTimes]:
        """Creation, take and close times of the alarms raised since the shift began, by alarm id
        (only those raised, taken or closed since `changed_since` when given)."""
        with unavailable_raised(), self._db.read() as session:
            return alarm_store.take_times_since(session, since, changed_since)

    def station_status(self) -> list[ComponentStatus]:
        """Heartbeats of the station's equipment (receivers), and ACKed signals left unfiled."""
        with unavailable_raised(), self._db.read() as session:
            statuses = read_statuses(session)
        with unavailable_raised():
            count, oldest = inbox_backlog(self._db)
        stranded = stranded_inbox(count, oldest, datetime.now(UTC))
        return statuses if stranded is None else [*statuses, stranded]


class SiteDesk:
    """Read side of the site window: the site file, the alarm's signals and journal.

    Called on the site window's worker thread (views/site/site_feed.py), never on the GUI thread.
    """

    def __init__(self, db: Database, lang: str = "en") -> None:
        self._db = db
        self.lang = lang

    def alarm_record(self, alarm: Alarm) -> AlarmRecord:
        """Everything the site window shows of `alarm`, in one read transaction (one moment)."""
        with unavailable_raised(), self._db.read() as session:
            return read_record(session, alarm, self.lang)

    def site_file(self, site_id: int) -> SiteFile | None:
        with unavailable_raised(), self._db.read() as session:
            return load_site_file(session, site_id)

    def alarm_signals(self, alarm_id: int) -> list[SignalRecord]:
        with unavailable_raised(), self._db.read() as session:
            return signals_for_alarm(session, alarm_id, self.lang)

    def alarm_journal(self, alarm_id: int) -> list[JournalEntry]:
        with unavailable_raised(), self._db.read() as session:
            return alarm_store.journal_for_alarm(session, alarm_id)

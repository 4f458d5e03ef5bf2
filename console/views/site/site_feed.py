"""The site window's reads, on a worker: the GUI thread asks for an alarm and is told when it is ready.

Opening an alarm, and every change of the alarm shown (a signal joins it, another console writes
in its journal), needs its site file, signals, journal, dispatches and calls. Read on the GUI thread,
those five queries froze both windows (and, in single-workstation mode, the receiver's ACKs)
whenever SQLite was busy. Here they run on the feed's thread; while one read is under way, further
requests are coalesced into one: only the latest alarm asked for is read next, and a record of an
alarm no longer wanted is dropped rather than shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from console.domain.alarm import Alarm
from console.domain.alarm_record import AlarmRecord
from console.services.queue_feed import SiteDesk
from console.views.background import Background


class SiteFeed(QObject):
    record_loaded = Signal(object)  # AlarmRecord of the alarm asked for last
    load_failed = Signal(object, object)  # Alarm, Exception (an outage, or a bug already logged)

    def __init__(self, desk: SiteDesk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._background = Background("site_feed", self)
        self._reading: Alarm | None = None
        self._next: Alarm | None = None

    @property
    def busy(self) -> bool:
        """A read is under way or waiting (tests wait for the window to settle)."""
        return self._reading is not None or self._next is not None

    @property
    def wanted(self) -> Alarm | None:
        """The alarm whose record will be shown next, if any is on its way."""
        return self._next or self._reading

    def request(self, alarm: Alarm) -> None:
        """Read `alarm`'s record; a request made during a read replaces any other one waiting."""
        if self._reading is not None:
            self._next = alarm
            return
        self._start(alarm)

    def stop(self) -> None:
        self._next = None
        self._background.stop()

    def _start(self, alarm: Alarm) -> None:
        self._reading = alarm
        self._background.run(lambda: self._desk.alarm_record(alarm), self._on_loaded, self._on_failed)

    def _on_loaded(self, record: AlarmRecord) -> None:
        superseded = self._next is not None and self._next.id != record.alarm.id
        self._finish()
        if not superseded:
            self.record_loaded.emit(record)

    def _on_failed(self, error: Exception) -> None:
        alarm = self._reading
        self._finish()
        if alarm is not None:
            self.load_failed.emit(alarm, error)

    def _finish(self) -> None:
        self._reading = None
        waiting, self._next = self._next, None
        if waiting is not None:
            self._start(waiting)

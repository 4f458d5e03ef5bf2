"""Brings database changes to the GUI thread in batches, without ever blocking it.

A single worker thread polls the change feed; its results cross to the GUI thread through a
queued Qt signal, one batch per poll, so a flood of signals costs one model update per poll
rather than one per alarm. When the database is unreachable the feed says so (for the banner)
and keeps retrying; on recovery it reloads the whole queue, because changes may have been missed.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from console.domain.outage import DatabaseUnavailable
from console.services.queue_feed import QueueFeed

log = logging.getLogger(__name__)


class LiveFeed(QObject):
    snapshot_loaded = Signal(list)  # list[Alarm]: replace the queue
    alarms_changed = Signal(list)  # list[Alarm]: merge into the queue
    database_status_changed = Signal(bool, str)  # reachable, message
    station_status_loaded = Signal(list)  # list[ComponentStatus], every few seconds
    _change_notified = Signal()  # from the listener thread: poll now rather than at the next tick
    _poll_done = Signal(object, object, bool)  # (alarms, statuses) or None, error or None, was_snapshot

    def __init__(
        self, feed: QueueFeed, interval_ms: int = 50, status_every: int = 60, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._feed = feed
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vigie-feed")
        self._in_flight = False
        self._poll_again = False
        self._need_snapshot = True
        self._reachable: bool | None = None
        self._status_every = status_every
        self._polls = 0
        self._stopped = False
        self._poll_timer = QTimer(self)
        self._poll_timer.setObjectName("queue_feed_poll")
        self._poll_timer.setInterval(interval_ms)
        self._poll_timer.timeout.connect(self.poll_now)
        self._poll_done.connect(self._on_poll_done)
        self._change_notified.connect(self.poll_now)
        self._listener = feed.listener(self._change_notified.emit)

    def start(self) -> None:
        self.poll_now()
        self._poll_timer.start()
        if self._listener is not None:
            self._listener.start()

    def stop(self) -> None:
        self._stopped = True  # a re-poll or a change notice already queued must not reach the executor
        self._poll_timer.stop()
        if self._listener is not None:
            self._listener.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)

    @property
    def reachable(self) -> bool | None:
        return self._reachable

    @Slot()
    def poll_now(self) -> None:
        """Start a poll unless one is running (a slow database must not pile requests up)."""
        if self._stopped:
            return
        if self._in_flight:
            self._poll_again = True  # a change was announced meanwhile: look once more after
            return
        self._in_flight = True
        snapshot = self._need_snapshot
        with_status = self._polls % self._status_every == 0
        self._polls += 1
        future = self._executor.submit(self._poll, snapshot, with_status)
        future.add_done_callback(lambda f: self._deliver(f, snapshot))

    def _poll(self, snapshot: bool, with_status: bool) -> tuple[list[object], list[object] | None]:
        alarms: list[object] = list(self._feed.snapshot() if snapshot else self._feed.changes())
        status: list[object] | None = list(self._feed.station_status()) if with_status else None
        return alarms, status

    def _deliver(self, future: Future[Any], snapshot: bool) -> None:
        # Runs on the worker thread: only emit, the queued connection does the rest.
        if future.cancelled():  # the feed is stopping: a poll that never ran has nothing to say
            return
        try:
            self._poll_done.emit(future.result(), None, snapshot)
        except DatabaseUnavailable as exc:
            self._poll_done.emit(None, exc, snapshot)
        except Exception as exc:  # a bug: logged as a fault, and the feed goes on for the shift
            log.exception("the queue's feed failed (not an outage: a bug)")
            self._poll_done.emit(None, exc, snapshot)

    @Slot(object, object, bool)
    def _on_poll_done(
        self, result: tuple[list[object], list[object] | None] | None, error: Exception | None, snapshot: bool
    ) -> None:
        self._in_flight = False
        if self._poll_again:
            self._poll_again = False
            QTimer.singleShot(0, self.poll_now)
        if error is not None or result is None:
            self._need_snapshot = True  # start again from a whole snapshot
            if isinstance(error, DatabaseUnavailable):  # a bug is a fault shown, not a banner
                self._set_reachable(False, str(error))
            return
        self._set_reachable(True, "")
        alarms, status = result
        if status is not None:
            self.station_status_loaded.emit(status)
        if snapshot:
            self._need_snapshot = False
            self.snapshot_loaded.emit(alarms or [])
        elif alarms:
            self.alarms_changed.emit(alarms)

    def _set_reachable(self, reachable: bool, message: str) -> None:
        if reachable != self._reachable:
            self._reachable = reachable
            self.database_status_changed.emit(reachable, message)

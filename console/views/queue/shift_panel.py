"""The shift's live service level, always in sight: share of its alarms taken within each target.

`ShiftWatch` reads the shift's alarms (open and closed) from the database on a worker thread and
computes the share there (`console.domain.shift`), so the GUI thread only shows a result;
`ShiftPanel` shows it coloured against the station's targets. After the first read of a shift,
each refresh reads only the alarms raised, taken or closed lately: a busy shift's thousands of
alarms are not read again every few seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, time, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from console.domain.service_level import ServiceTargets
from console.domain.shift import Share, ShareTargets, Shift, ShiftShare, TakeTimes, current_shift, shift_share
from console.views.formatting import format_time

# (shift start, changed since or None) -> take times by alarm id: raised since the shift start, and
# when given, raised, taken or closed since the second time.
Fetch = Callable[[datetime, datetime | None], dict[int, TakeTimes]]
REFRESH_MS = 10_000  # and at once after this desk's own actions
# Re-read what changed a little before the last read: commits land after their timestamps, and
# workstations' clocks differ by a little. Now and then read the whole shift again, so a change
# committed later than that (a transaction stuck on a lock) still counts.
OVERLAP = timedelta(seconds=10)
FULL_READ_EVERY = timedelta(minutes=5)

_MET = "background: #2e7d32; color: white; padding: 1px 6px; border-radius: 3px; font-weight: bold;"
_MISSED = "background: #c62828; color: white; padding: 1px 6px; border-radius: 3px; font-weight: bold;"
_NONE = "color: #757575; padding: 1px 6px;"


class ShiftWatch(QObject):
    share_ready = Signal(object)  # ShiftShare
    shift_started = Signal(object)  # Shift: the clock crossed into a new shift (not at start-up)
    _done = Signal(object, object)  # ShiftShare or None, error or None (from the worker thread)

    def __init__(
        self,
        fetch: Fetch,
        targets: ServiceTargets,
        starts: Sequence[time],
        clock: Callable[[], datetime],
        interval_ms: int = REFRESH_MS,
        tz: tzinfo | None = None,  # of the shift start times; None: the machine's own zone
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._targets = targets
        self._starts = tuple(starts)
        self._clock = clock
        self._tz = tz
        self._executor: ThreadPoolExecutor | None = None
        self._in_flight = False
        self._again = False  # asked while computing: compute once more after
        # Worker-thread state (one worker, so never two computations at once):
        self._known: dict[int, TakeTimes] = {}
        self._known_shift: Shift | None = None
        self._read_at: datetime | None = None
        self._full_read_at: datetime | None = None
        self.shift: Shift | None = None
        self.latest: ShiftShare | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setObjectName("shift_figures_refresh")
        self._refresh_timer.setInterval(interval_ms)
        self._refresh_timer.timeout.connect(self.refresh)
        self._done.connect(self._on_done)

    def start(self) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vigie-shift")
        self.refresh()
        self._refresh_timer.start()

    def stop(self) -> None:
        self._refresh_timer.stop()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self._in_flight = self._again = False

    @Slot()
    def refresh(self) -> None:
        """Note a shift change at once; compute the share unless a computation is still running."""
        if self._executor is None:  # stopped: the window (or its model) is going away
            return
        now = self._clock()
        shift = current_shift(now, self._starts, self._tz)
        if self.shift is not None and shift != self.shift:
            self.shift_started.emit(shift)
        self.shift = shift
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        future = self._executor.submit(self._compute, shift, now)
        future.add_done_callback(self._deliver)

    def _compute(self, shift: Shift, now: datetime) -> ShiftShare:
        if shift != self._known_shift:
            self._known, self._known_shift, self._read_at = {}, shift, None
        full = (
            self._read_at is None or self._full_read_at is None or now - self._full_read_at > FULL_READ_EVERY
        )
        since = None if full or self._read_at is None else self._read_at - OVERLAP
        self._known.update(self._fetch(shift.start, since))
        self._read_at = now
        if full:
            self._full_read_at = now
        return shift_share(self._known.values(), shift, now, self._targets)

    def _deliver(self, future: Future[Any]) -> None:
        # Worker thread: only emit; a cancelled computation (stop()) has nothing to say.
        if future.cancelled():
            return
        try:
            result, error = future.result(), None
        except Exception as exc:  # the database is down: the live feed's banner says so already
            result, error = None, exc
        try:
            self._done.emit(result, error)
        except RuntimeError:  # the watch was deleted meanwhile (window closed): nobody to tell
            pass

    @Slot(object, object)
    def _on_done(self, share: ShiftShare | None, _error: Exception | None) -> None:
        self._in_flight = False
        if self._again:
            self._again = False
            QTimer.singleShot(0, self, self.refresh)  # dropped if the watch is deleted first
        if share is not None and share.shift == self.shift:
            self.latest = share
            self.share_ready.emit(share)


class ShiftPanel(QWidget):
    """'Shift 14:00–22:00  ≤ 30 s 92 %  ≤ 60 s 97 %', each share green when it meets its target."""

    def __init__(
        self, service: ServiceTargets, targets: ShareTargets, parent: QWidget | None = None, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shift_panel")
        self._lang = lang
        self._service = service
        self._targets = targets
        self.title = QLabel(self.tr("Shift"))
        self.first = QLabel()
        self.first.setObjectName("shift_first")
        self.second = QLabel()
        self.second.setObjectName("shift_second")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        for label in (self.title, self.first, self.second):
            layout.addWidget(label)
        self.show_share(None)

    @Slot(object)
    def show_share(self, share: ShiftShare | None) -> None:
        if share is not None:
            start, end = (
                format_time(t, self._lang, seconds=False) for t in (share.shift.start, share.shift.end)
            )
            self.title.setText(self.tr("Shift %1–%2").replace("%1", start).replace("%2", end))
        service, targets = self._service, self._targets
        pairs = (
            (self.first, share.first if share else None, service.take_within_s, targets.first_pct),
            (self.second, share.second if share else None, service.take_late_s, targets.second_pct),
        )
        tips = []
        for label, part, limit_s, target_pct in pairs:
            label.setText(self._figure(part, limit_s))
            met = part.meets(target_pct) if part is not None else None
            label.setStyleSheet(_NONE if met is None else _MET if met else _MISSED)
            tips.append(self._tip(part, limit_s, target_pct))
        if share is not None and share.pending:
            tips.append(
                self.tr("Waiting, still under %1 s: %2")
                .replace("%1", _number(self._service.take_within_s))
                .replace("%2", str(share.pending))
            )
        self.setToolTip("\n".join(tips))

    def _figure(self, part: Share | None, limit_s: float) -> str:
        ratio = part.ratio if part is not None else None
        shown = "—" if ratio is None else f"{ratio * 100:.0f} %"
        return self.tr("≤ %1 s: %2").replace("%1", _number(limit_s)).replace("%2", shown)

    def _tip(self, part: Share | None, limit_s: float, target_pct: float) -> str:
        return (
            self.tr("Taken within %1 s: %2 of %3 alarms of the shift (target %4 %)")
            .replace("%1", _number(limit_s))
            .replace("%2", str(part.within if part else 0))
            .replace("%3", str(part.counted if part else 0))
            .replace("%4", _number(target_pct))
        )


def _number(value: float) -> str:
    return f"{value:g}"

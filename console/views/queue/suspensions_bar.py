"""The queue's reminder of sites whose alarms are held back: "On test: LYO-0001 until 16:15 ·
PAR-0002 out of service". A site on test sends no alarm to the queue, so the operator must see
that it is on test, until when, and why (in the tooltip), without opening it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from console.domain.test_mode import Suspension
from console.services.test_mode import ActivePeriod, SuspensionDesk
from console.views.background import Background

REFRESH_MS = 30_000  # and at once after this console's own changes


class SuspensionsBar(QLabel):
    def __init__(
        self, desk: SuspensionDesk, zone: ZoneInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("suspensions_bar")
        self.setStyleSheet("color: #e65100; font-weight: bold; padding: 0 6px;")
        self._desk = desk
        self._zone = zone
        self._calls = Background("suspensions", self)
        self.periods: list[ActivePeriod] = []
        self._timer = QTimer(self)
        self._timer.setObjectName("suspensions_refresh")
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.hide()
        self.refresh()

    def stop(self) -> None:
        self._timer.stop()
        self._calls.stop()

    @Slot()
    def refresh(self) -> None:
        if self._calls.pending == 0:  # a slow database: one read at a time
            self._calls.run(self._desk.active, self._on_active, lambda _error: None)

    def _on_active(self, periods: list[ActivePeriod]) -> None:
        self.periods = periods
        if not periods:
            self.clear()
            self.hide()
            return
        parts, tips = [], []
        for active in periods:
            period = active.period
            if period.kind is Suspension.TEST and period.end is not None:
                parts.append(
                    self.tr("%1 until %2")
                    .replace("%1", active.site_code)
                    .replace("%2", self._time(period.end))
                )
            else:
                parts.append(self.tr("%1 out of service").replace("%1", active.site_code))
            tips.append(f"{active.site_code} {active.site_name}: {period.reason}")
        self.setText(self.tr("On test: %1").replace("%1", " · ".join(parts)))
        self.setToolTip("\n".join(tips))
        self.show()

    def _time(self, at: datetime) -> str:
        return f"{at.astimezone(self._zone):%H:%M}"

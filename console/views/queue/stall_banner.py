"""The supervisor's alert: alarms taken but not progressed, with who holds them and for how long.

Shown above the queue, in the stall colour of the rows it lists, while any alarm is stalled;
hidden otherwise. Operators do not get it: they see their own stalled alarm marked in the queue.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from console.domain.stall import Stalled
from console.views.queue.alarm_queue_model import format_age

MAX_LISTED = 5


class StallBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stall_banner")
        self.setWordWrap(True)
        self.setStyleSheet("background: #4527a0; color: white; padding: 6px; font-weight: bold;")
        self.hide()

    def show_stalled(self, stalled: list[Stalled]) -> None:
        if not stalled:
            self.hide()
            return
        items = [
            self.tr("%1 %2 (%3, no activity for %4)")
            .replace("%1", s.alarm.site_code or s.alarm.account)
            .replace("%2", s.alarm.site_name)
            .replace("%3", s.alarm.operator_login or "?")
            .replace("%4", format_age(s.idle_s))
            for s in stalled[:MAX_LISTED]
        ]
        if len(stalled) > MAX_LISTED:
            items.append(self.tr("and %1 more").replace("%1", str(len(stalled) - MAX_LISTED)))
        self.setText(self.tr("Taken but not progressed: %1").replace("%1", "; ".join(items)))
        self.show()

"""The station's equipment in the queue window: the database banner and the receiver and database
indicators of the status bar."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel

from console.domain.station import ComponentStatus

RECEIVER_SILENCE_S = 20.0  # four missed heartbeats: the receiver (or its path to the database) is gone


class StationIndicators(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.banner = QLabel()
        self.banner.setObjectName("database_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #b71c1c; color: white; padding: 6px; font-weight: bold;")
        self.banner.hide()
        self.receiver_label = QLabel()
        self.receiver_label.setObjectName("receiver_status")
        self.database_label = QLabel()

    @Slot(bool, str)
    def set_database_status(self, reachable: bool, message: str) -> None:
        if reachable:
            self.banner.hide()
            self.database_label.setText(self.tr("Database: OK"))
            self.database_label.setStyleSheet("color: #2e7d32;")
        else:
            self.banner.setText(
                self.tr("Database unreachable — the queue may be out of date; retrying. (%1)").replace(
                    "%1", message
                )
            )
            self.banner.show()
            self.database_label.setText(self.tr("Database: DOWN"))
            self.database_label.setStyleSheet("color: #c62828; font-weight: bold;")

    @Slot(list)
    def set_station_status(self, statuses: list[ComponentStatus]) -> None:
        """Receivers as station equipment: OK, in fault, or silent (no heartbeat for a while)."""
        receivers = [s for s in statuses if s.component.startswith("receiver")]
        if not receivers:
            self.receiver_label.setText(self.tr("Receiver: none"))
            self.receiver_label.setStyleSheet("color: #757575;")
            self.receiver_label.setToolTip(self.tr("No receiver has reported to this database."))
            return
        now = datetime.now(UTC)
        problems = []
        for status in receivers:
            silent_s = (now - status.updated_at).total_seconds()
            if status.state == "stopped":
                problems.append(self.tr("%1 stopped").replace("%1", status.component))
            elif silent_s > RECEIVER_SILENCE_S:
                problems.append(
                    self.tr("%1 silent for %2 s")
                    .replace("%1", status.component)
                    .replace("%2", str(int(silent_s)))
                )
            elif status.state != "ok":
                problems.append(f"{status.component}: {status.detail}")
        self.receiver_label.setToolTip("\n".join(f"{s.component}: {s.state}, {s.detail}" for s in receivers))
        if problems:
            self.receiver_label.setText(self.tr("Receiver: FAULT — %1").replace("%1", "; ".join(problems)))
            self.receiver_label.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            self.receiver_label.setText(self.tr("Receiver: OK"))
            self.receiver_label.setStyleSheet("color: #2e7d32;")

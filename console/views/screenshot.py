"""`vigie demo --screenshot`: handle a few alarms as an operator would, then save queue, site and plan.

The pictures are taken on the third alarm opened, after two were taken, ticked and closed through
the close dialog: what an operator sees mid-shift, not the console's first refresh.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialogButtonBox

from console.domain.alarm import Alarm, AlarmState, Disposition
from console.domain.priority import EventCategory
from console.views.workstation import Workstation

HANDLED_BEFORE_SHOT = 2  # alarms taken, ticked and closed before the pictures


class ScreenshotTaker(QObject):
    """Handles a few alarms, opens one with its plan, saves both windows, then says it is done."""

    finished = Signal(int)  # exit code

    def __init__(
        self, workstation: Workstation, folder: Path, timeout_s: float, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._workstation = workstation
        self._folder = folder
        self._deadline = timeout_s
        self._elapsed = 0.0
        self._opened: Alarm | None = None
        self._handled = 0
        self.exit_code: int | None = None
        self._check_timer = QTimer(self)
        self._check_timer.setObjectName("screenshot_readiness_check")
        self._check_timer.setInterval(250)
        self._check_timer.timeout.connect(self._on_check)

    def start(self) -> None:
        self._check_timer.start()

    @Slot()
    def _on_check(self) -> None:
        self._elapsed += 0.25
        workstation = self._workstation
        alarms = workstation.model.alarms()
        if self._opened is None:
            target = self._pick_alarm(alarms)
            if target is not None:
                workstation.queue_window.take_alarm(target)
                self._opened = target
                return
        shown = workstation.site_window.alarm
        if self._opened is not None and shown is not None and shown.id == self._opened.id:
            if self._handled < HANDLED_BEFORE_SHOT:
                self._handle(shown)
                return
            if workstation.site_window.plan.zone_items:
                self._save()
                return
        if self._elapsed >= self._deadline:
            print(
                f"vigie demo: no alarm with a plan after {self._deadline:.0f} s; no screenshot",
                file=sys.stderr,
            )
            self._finish(1)

    def _pick_alarm(self, alarms: list[Alarm]) -> Alarm | None:
        """An intrusion whose path crossed several zones makes the most telling picture; after a
        while, any new alarm of a known site will do."""
        if len(alarms) < 4:
            return None
        candidates = [a for a in alarms if a.state is AlarmState.NEW and a.site_id is not None]
        walk = [a for a in candidates if a.category is EventCategory.INTRUSION and a.signal_count >= 3]
        if walk:
            return walk[0]
        patience_over = self._elapsed >= min(20.0, self._deadline / 2)
        return candidates[0] if candidates and patience_over else None

    def _handle(self, alarm: Alarm) -> None:
        """Tick the first step, close through the dialog with a comment, go on to the next alarm."""
        site = self._workstation.site_window
        if site.checklist.rowCount():
            site.checklist.setData(
                site.checklist.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
            )
        dialog = self._workstation.queue_window.close_alarm(alarm, site)
        dialog.disposition_box.setCurrentIndex(
            dialog.disposition_box.findData(Disposition.FALSE_ALARM_USER.value)
        )
        dialog.comment_edit.setPlainText(
            "Gérant joint au téléphone : fausse manipulation, site remis en service."
        )
        dialog.skip_reason_edit.setText("Gérant joint, levée de doute faite par téléphone")
        buttons = dialog.findChild(QDialogButtonBox)
        if buttons is not None:
            buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():  # refused (its reason is on the dialog): leave this alarm open
            dialog.reject()
        self._handled += 1
        self._opened = None

    def _save(self) -> None:
        self._folder.mkdir(parents=True, exist_ok=True)
        ok = self._workstation.queue_window.grab().save(str(self._folder / "queue.png"))
        ok = self._workstation.site_window.grab().save(str(self._folder / "site.png")) and ok
        ok = self._workstation.site_window.plan.grab().save(str(self._folder / "plan.png")) and ok
        print(f"screenshots written to {self._folder}" if ok else "vigie demo: could not write screenshots")
        self._finish(0 if ok else 1)

    def _finish(self, code: int) -> None:
        self._check_timer.stop()
        self.exit_code = code
        self.finished.emit(code)

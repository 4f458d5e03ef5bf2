"""`vigie demo --screenshot`: wait for a lively queue and a site with its plan; save queue, site and plan."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from console.domain.alarm import Alarm, AlarmState
from console.domain.priority import EventCategory
from console.views.workstation import Workstation


class ScreenshotTaker(QObject):
    """Waits for a lively queue and a site with its plan, saves both windows, then says it is done."""

    finished = Signal(int)  # exit code

    def __init__(
        self, workstation: Workstation, folder: Path, timeout_s: float, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._workstation = workstation
        self._folder = folder
        self._deadline = timeout_s
        self._elapsed = 0.0
        self._opened = False
        self.exit_code: int | None = None
        self._check_timer = QTimer(self)
        self._check_timer.setInterval(250)
        self._check_timer.timeout.connect(self._on_check)

    def start(self) -> None:
        self._check_timer.start()

    @Slot()
    def _on_check(self) -> None:
        self._elapsed += 0.25
        workstation = self._workstation
        alarms = workstation.model.alarms()
        if not self._opened:
            target = self._pick_alarm(alarms)
            if target is not None:
                workstation.queue_window.take_alarm(target)
                self._opened = True
                return
        if self._opened and workstation.site_window.plan.zone_items:
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

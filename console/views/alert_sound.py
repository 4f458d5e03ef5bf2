"""The chime for a new alarm; silent when VIGIE_MUTE is set (tests, screenshots)."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QSoundEffect

from console.resources import resource


class AlertSound(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = bool(os.environ.get("VIGIE_MUTE"))
        self.played = 0  # how many times it rang: shown in the status bar's tooltip, read by tests
        self._effect: QSoundEffect | None = None
        if not self.muted:  # no audio device is opened at all when muted
            self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(str(resource("sounds", "new_alarm.wav"))))
            self._effect.setVolume(0.8)

    def ring(self) -> None:
        self.played += 1
        if self._effect is not None:
            self._effect.play()

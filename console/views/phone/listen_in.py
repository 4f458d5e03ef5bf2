"""Audio doubt removal: listen to the site through its audio module, talk down if needed, conclude.

The operator calls the module (or the module calls in after a Contact ID 606), listens first with
the microphone off, watches the site's sound level, and records a verdict on the call: an
intrusion heard, or nothing abnormal. The softphone panel drives the call; this box shows it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from console.domain.calls import DoubtVerdict

LEVEL_FLOOR_DBFS = -60
LEVEL_INTERVAL_MS = 100


class ListenInBox(QGroupBox):
    listen_requested = Signal()
    verdict_chosen = Signal(str)  # DoubtVerdict

    def __init__(self, talk_button: QPushButton, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Audio doubt removal"), parent)
        self.setObjectName("listen_in")
        self._level_source: Callable[[], float] | None = None
        self.listen_button = QPushButton(self.tr("Listen in"))
        self.listen_button.setObjectName("phone_listen_in_button")
        self.listen_button.clicked.connect(self.listen_requested)
        self.hint = QLabel(self.tr("Listen-in to follow: the site's audio module will call the station."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #1565c0; font-weight: bold;")
        self.level_bar = QProgressBar()
        self.level_bar.setObjectName("site_audio_level")
        self.level_bar.setRange(LEVEL_FLOOR_DBFS, 0)
        self.verdict_buttons = {
            DoubtVerdict.POSITIVE: QPushButton(self.tr("Doubt positive (intrusion heard)")),
            DoubtVerdict.NEGATIVE: QPushButton(self.tr("Doubt negative")),
        }
        self.verdict_buttons[DoubtVerdict.POSITIVE].setStyleSheet(
            "QPushButton:enabled { color: #c62828; font-weight: bold; }"
        )
        for verdict, button in self.verdict_buttons.items():
            button.setObjectName(f"verdict_{verdict.value}")
            button.clicked.connect(lambda _checked=False, v=verdict: self.verdict_chosen.emit(v.value))
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdict_recorded")
        self.verdict_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.listen_button)
        top.addWidget(talk_button)
        top.addStretch(1)
        verdicts = QHBoxLayout()
        for button in self.verdict_buttons.values():
            verdicts.addWidget(button)
        verdicts.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.level_bar)
        layout.addLayout(verdicts)
        layout.addWidget(self.verdict_label)
        self._level_meter_timer = QTimer(self)
        self._level_meter_timer.setObjectName("listen_in_level_meter")
        self._level_meter_timer.setInterval(LEVEL_INTERVAL_MS)
        self._level_meter_timer.timeout.connect(self._on_level_tick)
        self.show_level(float("-inf"))

    def follow_level(self, source: Callable[[], float] | None) -> None:
        """Read the site's level (dBFS) from `source` every 100 ms; None stops the meter."""
        self._level_source = source
        if source is None:
            self._level_meter_timer.stop()
            self.show_level(float("-inf"))
        elif not self._level_meter_timer.isActive():
            self._level_meter_timer.start()

    def show_level(self, dbfs: float) -> None:
        shown = (
            min(0, math.floor(dbfs)) if dbfs > LEVEL_FLOOR_DBFS else LEVEL_FLOOR_DBFS
        )  # -inf, NaN: silence
        self.level_bar.setValue(shown)
        self.level_bar.setFormat(
            self.tr("Site audio: %1 dBFS").replace("%1", str(shown))
            if shown > LEVEL_FLOOR_DBFS
            else self.tr("Site audio: silence")
        )

    def show_verdict(self, verdict: DoubtVerdict | None) -> None:
        text = self.verdict_buttons[verdict].text() if verdict is not None else ""
        self.verdict_label.setText(self.tr("Verdict recorded: %1").replace("%1", text) if text else "")

    @Slot()
    def _on_level_tick(self) -> None:
        if self._level_source is not None:
            self.show_level(self._level_source())

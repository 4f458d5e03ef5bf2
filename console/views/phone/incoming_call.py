"""An incoming call offered to this console: a ringtone and a non-modal offer naming who calls.

The workstation decides whether to offer the call (the operator holding the caller's site's alarm
gets it, else every console rings); this module only rings and asks. The ringtone is generated
like the alarm tones (no audio file to ship) but warbles, so nobody takes a call for an alarm;
under VIGIE_MUTE no audio device is opened, but rings are still counted for the tests.
"""

from __future__ import annotations

import io
import math
import os
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTemporaryDir, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.views.queue.alert_sound import SAMPLE_RATE

RING_ON_S = 1.0
RING_OFF_S = 2.0
_WARBLE = (1000.0, 1250.0)  # Hz, alternated 20 times a second: a telephone, not an alarm
_WARBLE_HZ = 20


def ring_wav(sample_rate: int = SAMPLE_RATE) -> bytes:
    """One ring period (warble, then silence) as a mono 16-bit WAV, looped while the offer is up."""
    on = int(RING_ON_S * sample_rate)
    fade = int(0.01 * sample_rate)
    samples = []
    phase = 0.0
    for i in range(on):
        frequency = _WARBLE[int(i * _WARBLE_HZ / sample_rate) % 2]
        phase += 2 * math.pi * frequency / sample_rate
        envelope = min(1.0, i / fade, (on - 1 - i) / fade)
        samples.append(int(math.sin(phase) * envelope * 0.7 * 32767))
    samples.extend([0] * int(RING_OFF_S * sample_rate))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return buffer.getvalue()


class Ringtone(QObject):
    """Rings while at least one call is offered; `rings` counts starts (also when silent)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.silent = bool(os.environ.get("VIGIE_MUTE"))
        self.rings = 0
        self.ringing = False
        self._effect: QSoundEffect | None = None
        self._folder: QTemporaryDir | None = None

    def start(self) -> None:
        if self.ringing:
            return
        self.ringing = True
        self.rings += 1
        effect = self._load()
        if effect is not None:
            effect.play()

    def stop(self) -> None:
        self.ringing = False
        if self._effect is not None:
            self._effect.stop()

    def _load(self) -> QSoundEffect | None:
        if self.silent or self._effect is not None:
            return self._effect
        self._folder = QTemporaryDir()
        if not self._folder.isValid():
            return None
        path = Path(self._folder.path()) / "ring.wav"
        path.write_bytes(ring_wav())
        self._effect = QSoundEffect(self)
        self._effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect.setLoopCount(QSoundEffect.Loop.Infinite.value)
        self._effect.setVolume(0.8)
        return self._effect


class IncomingCallOffer(QDialog):
    """Who is calling, with Answer (F9) and Decline; non-modal, so the queue stays usable."""

    answer_clicked = Signal(int)  # call handle
    decline_clicked = Signal(int)

    def __init__(self, handle: int, caller: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.WindowStaysOnTopHint)
        self.handle = handle
        self.setObjectName("incoming_call_offer")
        self.setModal(False)
        self.setWindowTitle(self.tr("Incoming call"))
        self.caller = QLabel(caller)
        self.caller.setObjectName("incoming_caller")
        self.caller.setTextFormat(Qt.TextFormat.RichText)
        self.caller.setWordWrap(True)
        self.details = QLabel(details)
        self.details.setObjectName("incoming_details")
        self.details.setWordWrap(True)
        self.answer_button = QPushButton(self.tr("Answer (F9)"))
        self.answer_button.setObjectName("incoming_answer")
        self.answer_button.setStyleSheet(
            "background: #2e7d32; color: white; font-weight: bold; padding: 6px 14px;"
        )
        self.decline_button = QPushButton(self.tr("Decline"))
        self.decline_button.setObjectName("incoming_decline")
        self.answer_button.clicked.connect(lambda: self.answer_clicked.emit(self.handle))
        self.decline_button.clicked.connect(lambda: self.decline_clicked.emit(self.handle))
        answer = QAction(self.tr("Answer"), self)
        answer.setShortcut(QKeySequence("F9"))
        answer.triggered.connect(self.answer_button.click)
        self.addAction(answer)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.decline_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caller)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.setMinimumWidth(360)

    def text(self) -> str:
        """What the offer says, as plain words (for tests and the accessibility tree)."""
        return f"{self.caller.text()}\n{self.details.text()}"

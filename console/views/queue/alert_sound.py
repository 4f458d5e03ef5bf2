"""The console's tones: one per priority level, generated at start-up, repeated while alarms wait.

`console.domain.alert_tones` decides which tone and when; this plays it. The tones are synthesised
here (no audio file to ship or license): urgent is fast and high, medium two falling notes, low one
soft note, so an operator away from the screen knows how urgent the waiting work is. The operator
may mute them for the shift. Under VIGIE_MUTE (tests, screenshots) no audio device is opened at
all, but what would have sounded is still counted.
"""

from __future__ import annotations

import logging
import math
import os
import struct
from collections import deque
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTemporaryDir, QUrl, Slot
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from console.domain.alert_tones import Tone, ToneScheduler
from console.domain.priority import Priority

log = logging.getLogger(__name__)

SAMPLE_RATE = 44100  # the rate sound cards play natively

# (frequency Hz, duration s) notes, 0 Hz for a pause; volume per tone.
TONE_NOTES: dict[Tone, list[tuple[float, float]]] = {
    Tone.URGENT: [(1400, 0.11), (0, 0.04), (1000, 0.11), (0, 0.04)] * 3,
    Tone.MEDIUM: [(880, 0.2), (0, 0.08), (660, 0.28)],
    Tone.LOW: [(440, 0.35)],
}
TONE_VOLUME: dict[Tone, float] = {Tone.URGENT: 0.9, Tone.MEDIUM: 0.7, Tone.LOW: 0.5}


def tone_wav(tone: Tone, sample_rate: int = SAMPLE_RATE) -> bytes:
    """A mono 16-bit WAV of the tone; short fades at each note's ends so the speaker does not click."""
    samples: list[int] = []
    fade = int(0.005 * sample_rate)
    for frequency, duration in TONE_NOTES[tone]:
        count = int(duration * sample_rate)
        for i in range(count):
            if frequency == 0:
                samples.append(0)
                continue
            envelope = min(1.0, i / fade, (count - 1 - i) / fade) if fade else 1.0
            value = math.sin(2 * math.pi * frequency * i / sample_rate) * envelope * 0.8
            samples.append(int(value * 32767))
    data = struct.pack(f"<{len(samples)}h", *samples)
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + len(data),
        b"WAVE",
        b"fmt ",
        16,
        1,  # PCM
        1,  # mono
        sample_rate,
        sample_rate * 2,
        2,
        16,
        b"data",
        len(data),
    )
    return header + data


class AlertSound(QObject):
    def __init__(self, parent: QObject | None = None, scheduler: ToneScheduler | None = None) -> None:
        super().__init__(parent)
        self.silent = bool(os.environ.get("VIGIE_MUTE"))  # no audio device at all
        self.muted = False  # the operator's choice, for the shift
        self.played = 0  # tones sounded (or that would have, when silent): read by tests
        self.history: deque[Tone] = deque(maxlen=100)  # the latest tones, for tests and support
        self._scheduler = scheduler or ToneScheduler()
        self._effects: dict[Tone, QSoundEffect] = {}
        self._folder: QTemporaryDir | None = None
        if not self.silent:
            # Without an output device every play() is a failed attempt on the GUI thread (tens of
            # milliseconds under a flood of alarms): load the tones when a device is there, or appears.
            self._devices = QMediaDevices(self)
            self._devices.audioOutputsChanged.connect(self._on_outputs_changed)
            self._on_outputs_changed()

    @property
    def audible(self) -> bool:
        """Whether tones reach a loudspeaker (False when muted by the environment or no device)."""
        return bool(self._effects)

    @Slot()
    def _on_outputs_changed(self) -> None:
        if QMediaDevices.audioOutputs():
            if not self._effects:
                self._load_effects()
            return
        for effect in self._effects.values():
            effect.deleteLater()
        self._effects.clear()
        log.warning("no audio output device: alarm tones cannot be heard")

    def ring(self, priority: Priority = Priority.INTRUSION, now: datetime | None = None) -> None:
        """A new alarm arrived: sound its priority's tone now."""
        self._play(self._scheduler.arrival(priority, now or datetime.now(UTC)))

    def remind(self, most_urgent_waiting: Priority | None, now: datetime) -> None:
        """Called every clock tick: repeat the most urgent waiting alarm's tone when due."""
        tone = self._scheduler.reminder(most_urgent_waiting, now)
        if tone is not None:
            self._play(tone)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if muted:
            for effect in self._effects.values():
                effect.stop()

    def _play(self, tone: Tone) -> None:
        if self.muted:
            return
        self.played += 1
        self.history.append(tone)
        effect = self._effects.get(tone)
        if effect is not None:
            effect.play()

    def _load_effects(self) -> None:
        self._folder = QTemporaryDir()  # removed with this object
        if not self._folder.isValid():
            return
        for tone in Tone:
            path = Path(self._folder.path()) / f"{tone.value}.wav"
            path.write_bytes(tone_wav(tone))
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(TONE_VOLUME[tone])
            self._effects[tone] = effect

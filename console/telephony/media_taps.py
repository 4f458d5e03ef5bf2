"""A listening point on a call's far-end audio: the level meter, and the self-test's capture.

A pjsua2 `AudioMediaPort` in the conference bridge, fed only by the call's audio (never by the
operator's microphone), so what it measures is the site's sound alone. Its callback runs on
pjmedia's clock thread: it only writes plain attributes under a lock, read by the Qt thread.
"""

from __future__ import annotations

import math
import threading
from array import array

import pjsua2 as pj

CLOCK_RATE = 16000
FRAME_MS = 20
FRAME_BYTES = CLOCK_RATE * FRAME_MS // 1000 * 2


def pcm_format() -> pj.MediaFormatAudio:
    """16 kHz, mono, 16-bit, 20 ms: the conference bridge's own format, so nothing is resampled."""
    fmt = pj.MediaFormatAudio()
    fmt.type = pj.PJMEDIA_TYPE_AUDIO
    fmt.clockRate = CLOCK_RATE
    fmt.channelCount = 1
    fmt.bitsPerSample = 16
    fmt.frameTimeUsec = FRAME_MS * 1000
    return fmt


class FarEndTap(pj.AudioMediaPort):  # type: ignore[misc]
    """Measures (and optionally keeps) what the far end sends."""

    def __init__(self, name: str, capture_seconds: float = 0.0) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._level_dbfs = -math.inf
        self._frames = 0
        self._capture_limit = int(capture_seconds * CLOCK_RATE * 2)
        self._captured = bytearray()
        self.createPort(name, pcm_format())

    def onFrameReceived(self, frame: pj.MediaFrame) -> None:
        try:
            if frame.type != pj.PJMEDIA_FRAME_TYPE_AUDIO or frame.size == 0:
                return
            pcm = bytes(frame.buf)[: frame.size]
            samples = array("h")
            samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
            mean_square = sum(s * s for s in samples) / max(1, len(samples))
            level = 10 * math.log10(mean_square / 32768.0**2) if mean_square > 0 else -math.inf
            with self._lock:
                self._level_dbfs = level
                self._frames += 1
                room = self._capture_limit - len(self._captured)
                if room > 0:
                    self._captured += pcm[:room]
        except Exception:
            pass  # never let an exception out of a pjmedia callback

    def onFrameRequested(self, frame: pj.MediaFrame) -> None:
        frame.type = pj.PJMEDIA_FRAME_TYPE_NONE

    @property
    def level_dbfs(self) -> float:
        with self._lock:
            return self._level_dbfs

    @property
    def frames(self) -> int:
        with self._lock:
            return self._frames

    def captured(self) -> bytes:
        with self._lock:
            return bytes(self._captured)

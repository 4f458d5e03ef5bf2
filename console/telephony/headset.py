"""The operator's headset: pjsua2's conference bridge wired to the system's microphone and earpiece.

The pjsua2 wheel has no sound-device driver (the endpoint runs on the null device), so without this
bridge the softphone could neither hear nor speak. A `pj.AudioMediaPort` named "headset" sits in the
conference bridge and exchanges 20 ms frames (16 kHz, mono, 16-bit) with QtMultimedia: a QAudioSource
for the microphone, a QAudioSink for the earpiece, both in push mode.

Two threads meet here. pjmedia's clock thread calls the port's callbacks every 20 ms; the Qt thread
reads the microphone and feeds the earpiece. They share only `_Exchange`, two bounded byte rings under
one lock: the clock thread never touches a Qt object, and its callbacks swallow every exception (an
exception escaping a pjsua2 callback keeps objects alive through the traceback).

Devices come and go (USB headsets): the bridge follows `QMediaDevices`, falls back to the default
device when the chosen one vanishes, returns to it when it is back, and says so through
`device_changed`. A device that stops with an error is reopened once; failing again, it is set aside
for the next one. With no device at all it still works: the caller hears silence, received audio is
dropped.

Qt 6.11's PulseAudio backend has blind spots the bridge works around or lives with: it reports a
device's removal only when the default device changes with it (PulseAudio meanwhile moves our stream
to the default device on its own, so sound goes on), never reports the last device going, and does not
turn a stream killed by the server into an error state.
"""

from __future__ import annotations

import array
import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import Any

import pjsua2 as pj
from PySide6.QtCore import QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSink, QAudioSource, QMediaDevices, QtAudio

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000
FRAME_MS = 20
FRAME_BYTES = SAMPLE_RATE * FRAME_MS // 1000 * 2  # 640: 320 samples of 16 bits
RING_BYTES = 10 * FRAME_BYTES  # 200 ms: more is latency, not safety
# After the microphone ran dry, wait for 40 ms of it, so that Qt's chunks don't alternate with silence.
PREFILL_BYTES = 2 * FRAME_BYTES
IDLE_S = 0.1  # no frame asked for this long: nobody listens to the port, the microphone's backlog is stale
EARPIECE_TICK_MS = 10
LEVEL_HOLD_S = 0.25  # a level older than this is silence (the call ended, the device closed)
INPUT, OUTPUT = "input", "output"
RECOVER_MS = 300  # after a device error, before reopening
# Qt's device buffers: ~80 ms, enough against jitter, short enough to talk over.
DEVICE_BUFFER_BYTES = 4 * FRAME_BYTES


def rms_dbfs(pcm: bytes) -> float:
    """RMS level of signed 16-bit little-endian PCM in dBFS; -inf for silence or nothing."""
    samples = array.array("h", pcm[: len(pcm) & ~1])
    if not samples:
        return -math.inf
    mean_square = sum(s * s for s in samples) / len(samples)
    return 10 * math.log10(mean_square / (32768.0 * 32768.0)) if mean_square else -math.inf


def audio_devices() -> tuple[list[tuple[bytes, str]], list[tuple[bytes, str]]]:
    """(inputs, outputs) as (QAudioDevice.id(), description), for the settings dialog."""
    inputs = [(bytes(d.id().data()), d.description()) for d in QMediaDevices.audioInputs()]
    outputs = [(bytes(d.id().data()), d.description()) for d in QMediaDevices.audioOutputs()]
    return inputs, outputs


def _audio_format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(SAMPLE_RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


def _device_id(device: QAudioDevice | None) -> bytes | None:
    return None if device is None or device.isNull() else bytes(device.id().data())


class _Exchange:
    """What the Qt thread and pjmedia's clock thread share: two bounded rings and counters, one lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.microphone = bytearray()
        self.earpiece = bytearray()
        self.microphone_open = False  # no device: silence is normal, not an underrun
        self.earpiece_open = False  # no device: received audio is dropped, not queued
        self.muted = False
        self.primed = False
        self.last_pull = 0.0
        self.counters = dict.fromkeys(
            (
                "frames_out",
                "frames_in",
                "underruns",
                "microphone_overflows",
                "earpiece_overflows",
                "callback_errors",
            ),
            0,
        )

    def _push(self, ring: bytearray, data: bytes) -> bool:
        ring += data
        excess = len(ring) - RING_BYTES
        if excess > 0:
            del ring[: excess + (excess & 1)]  # drop the oldest, keep whole samples
            return True
        return False

    def push_microphone(self, data: bytes) -> None:
        """Qt thread: what the microphone captured."""
        with self.lock:
            if time.monotonic() - self.last_pull > IDLE_S:
                # Nobody has pulled for a while (no call): keep only the newest audio, count nothing.
                self.microphone += data
                del self.microphone[: max(0, len(self.microphone) - PREFILL_BYTES) & ~1]
                return
            if self._push(self.microphone, data):
                self.counters["microphone_overflows"] += 1

    def pull_microphone(self, size: int) -> bytes | None:
        """Clock thread: the next frame for the call, or None for silence."""
        with self.lock:
            self.last_pull = time.monotonic()
            self.counters["frames_out"] += 1
            if not self.primed:
                self.primed = len(self.microphone) >= PREFILL_BYTES
            if not self.primed or len(self.microphone) < size:
                self.primed = False
                if self.microphone_open:
                    self.counters["underruns"] += 1
                return None
            data = bytes(self.microphone[:size])
            del self.microphone[:size]
            return None if self.muted else data

    def push_earpiece(self, data: bytes) -> None:
        """Clock thread: what the far end said."""
        with self.lock:
            self.counters["frames_in"] += 1
            if self.earpiece_open and self._push(self.earpiece, data):
                self.counters["earpiece_overflows"] += 1

    def pull_earpiece(self, size: int) -> bytes:
        """Qt thread: up to `size` bytes (whole samples) for the earpiece."""
        with self.lock:
            size = min(size, len(self.earpiece)) & ~1
            data = bytes(self.earpiece[:size])
            del self.earpiece[:size]
            return data

    def count_error(self) -> None:
        """Clock thread, from a callback's `except`: must not raise in turn."""
        try:
            with self.lock:
                self.counters["callback_errors"] += 1
        except BaseException:
            pass


class _HeadsetPort(pj.AudioMediaPort):  # type: ignore[misc]
    """The conference port; its callbacks run on pjmedia's clock thread and touch only the exchange."""

    def __init__(self, exchange: _Exchange) -> None:
        super().__init__()
        self._exchange = exchange
        self._silence = pj.ByteVector(bytes(FRAME_BYTES))

    def onFrameRequested(self, frame: Any) -> None:
        try:
            size = frame.size or FRAME_BYTES
            data = self._exchange.pull_microphone(size)
            frame.type = pj.PJMEDIA_FRAME_TYPE_AUDIO
            if data is None:
                frame.buf = self._silence if size == FRAME_BYTES else pj.ByteVector(bytes(size))
            else:
                frame.buf = pj.ByteVector(data)
            frame.size = size
        except BaseException:
            self._exchange.count_error()

    def onFrameReceived(self, frame: Any) -> None:
        try:
            if frame.type == pj.PJMEDIA_FRAME_TYPE_AUDIO and frame.size:
                self._exchange.push_earpiece(bytes(frame.buf))
        except BaseException:
            self._exchange.count_error()


@dataclass
class _Side:
    """One direction's device state, Qt thread only."""

    wanted: bytes | None  # the operator's choice, None for the system default
    device: QAudioDevice | None = None  # the device in use (a null device when there is none)
    audio: QAudioSource | QAudioSink | None = None
    io: QIODevice | None = None
    retried: bool = False  # reopened once after an error already
    broken: bytes | None = None  # failed twice: skipped until the device list changes


class HeadsetBridge(QObject):
    """Connects the call audio to the operator's microphone and earpiece; lives on the Qt thread."""

    device_changed = Signal(str)

    def __init__(
        self,
        input_device_id: bytes | None = None,
        output_device_id: bytes | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sides = {INPUT: _Side(input_device_id), OUTPUT: _Side(output_device_id)}
        self._names: dict[bytes, str] = {}  # descriptions of devices seen, to name one that vanished
        self._exchange = _Exchange()
        self._port: _HeadsetPort | None = None
        self._reopens = 0
        self._last_mic = (b"", 0.0)
        self._last_ear = (b"", 0.0)
        self._devices = QMediaDevices(self)
        self._devices.audioInputsChanged.connect(lambda: self._follow(INPUT))
        self._devices.audioOutputsChanged.connect(lambda: self._follow(OUTPUT))
        self._earpiece_timer = QTimer(self)
        self._earpiece_timer.setObjectName("headset_earpiece_retry")
        self._earpiece_timer.setInterval(EARPIECE_TICK_MS)
        self._earpiece_timer.timeout.connect(self._feed_earpiece)

    # -- public API -------------------------------------------------------------------------------

    def start(self) -> None:
        """Create the conference port and open the devices; the pjsua2 library must be started."""
        if self._port is not None:
            return
        fmt = pj.MediaFormatAudio()
        fmt.init(pj.PJMEDIA_FORMAT_PCM, SAMPLE_RATE, 1, FRAME_MS * 1000, 16)
        port = _HeadsetPort(self._exchange)
        port.createPort("headset", fmt)
        self._port = port
        self._open(INPUT)
        self._open(OUTPUT)

    @property
    def media(self) -> pj.AudioMedia:
        """The conference port: `call_audio.startTransmit(media)` and `media.startTransmit(call_audio)`."""
        if self._port is None:
            raise RuntimeError("HeadsetBridge.start() has not been called (or stop() has)")
        return self._port

    def set_devices(self, input_device_id: bytes | None, output_device_id: bytes | None) -> None:
        """Use other devices (None: the system default); the conference port and its connections stay."""
        for kind, wanted in ((INPUT, input_device_id), (OUTPUT, output_device_id)):
            side = self._sides[kind]
            if wanted != side.wanted or side.device is None:
                side.wanted, side.retried, side.broken = wanted, False, None
                if self._port is not None:
                    self._follow(kind, explicit=True)

    def set_microphone_muted(self, muted: bool) -> None:
        """Muted: the caller hears silence; the microphone keeps running so its level still shows."""
        with self._exchange.lock:
            self._exchange.muted = muted

    def microphone_level(self) -> float:
        """Level of the last 20 ms captured, in dBFS (-inf..0), muted or not."""
        return self._level(self._last_mic)

    def earpiece_level(self) -> float:
        """Level of the last 20 ms sent to the earpiece, in dBFS (-inf..0)."""
        return self._level(self._last_ear)

    def stats(self) -> dict[str, int]:
        """frames_in (from the call), frames_out (to the call), underruns, overflows and their detail."""
        with self._exchange.lock:
            counters = dict(self._exchange.counters)
        counters["overflows"] = counters["microphone_overflows"] + counters["earpiece_overflows"]
        counters["reopens"] = self._reopens
        return counters

    def current_devices(self) -> tuple[bytes | None, bytes | None]:
        """Ids of the (input, output) devices in use; None where none is open."""
        return _device_id(self._sides[INPUT].device), _device_id(self._sides[OUTPUT].device)

    def stop(self) -> None:
        """Close the devices and destroy the port; call before `libDestroy` (else pjmedia aborts). Idempotent.

        The port is destroyed explicitly, not left to the garbage collector: a reference kept elsewhere
        (a call's wiring) would otherwise outlive `libDestroy` and abort the process when released.
        After this, `media` raises and no one may use an AudioMedia obtained from it.
        """
        self._earpiece_timer.stop()
        self._close(INPUT)
        self._close(OUTPUT)
        port, self._port = self._port, None
        if port is not None and port.thisown:
            port.__swig_destroy__(port)  # removes it from the conference bridge and disowns the proxy

    # -- devices ----------------------------------------------------------------------------------

    def _pick(self, kind: str) -> QAudioDevice:
        """The chosen device if present, else the default (a null device when there is none)."""
        side = self._sides[kind]
        devices = QMediaDevices.audioInputs() if kind == INPUT else QMediaDevices.audioOutputs()
        for device in devices:
            self._names[bytes(device.id().data())] = device.description()
        for device in devices:
            if side.wanted is not None and side.wanted != side.broken and _device_id(device) == side.wanted:
                return device
        default = QMediaDevices.defaultAudioInput() if kind == INPUT else QMediaDevices.defaultAudioOutput()
        return QAudioDevice() if side.broken is not None and _device_id(default) == side.broken else default

    def _follow(self, kind: str, explicit: bool = False) -> None:
        """Reopen `kind` when the device to use is not the one open; say why unless the user asked."""
        if self._port is None:
            return
        side = self._sides[kind]
        side.broken = None  # the list changed: a device that failed may work again
        device = self._pick(kind)
        if side.device is not None and _device_id(device) == _device_id(side.device) and not explicit:
            if side.wanted is not None and _device_id(device) == side.wanted:
                # Qt 6.11's PulseAudio backend never reports a device's removal (only additions and
                # default changes) while PulseAudio silently moves our stream to the default device:
                # the chosen device may have gone and come back unseen. Reopen it to be really on it.
                self._open(kind)
            return
        side.retried = False
        self._open(kind)
        if not explicit or (side.wanted is not None and _device_id(device) != side.wanted):
            self._tell(kind, device)

    def _what(self, kind: str) -> str:
        return self.tr("Microphone") if kind == INPUT else self.tr("Earpiece")

    def _tell(self, kind: str, device: QAudioDevice) -> None:
        wanted = self._sides[kind].wanted
        if device.isNull():
            message = self.tr("%1: no device available").replace("%1", self._what(kind))
        elif wanted is not None and _device_id(device) == wanted:
            message = self.tr("%1: back on “%2”").replace("%2", device.description())
        elif wanted is not None:
            message = (
                self.tr("%1: “%2” is gone, using “%3”")
                .replace("%2", self._names.get(wanted, "?"))
                .replace("%3", device.description())
            )
        else:
            message = self.tr("%1: now using “%2”").replace("%2", device.description())
        self._emit(message.replace("%1", self._what(kind)))

    def _emit(self, message: str) -> None:
        log.info("%s", message)
        self.device_changed.emit(message)

    def _open(self, kind: str) -> None:
        self._close(kind)
        side = self._sides[kind]
        device = side.device = self._pick(kind)
        if device.isNull():
            return
        if not device.isFormatSupported(_audio_format()):
            log.warning("%s does not take 16 kHz mono 16-bit audio; trying anyway", device.description())
        audio: QAudioSource | QAudioSink
        if kind == INPUT:
            audio = QAudioSource(device, _audio_format(), self)
        else:
            audio = QAudioSink(device, _audio_format(), self)
        audio.setBufferSize(DEVICE_BUFFER_BYTES)
        side.audio = audio  # before start(): it may report its failure from inside start()
        # PySide6 6.11 cannot convert the QAudio::State argument: take none, ask state().
        audio.stateChanged.connect(lambda: self._on_state(kind, audio))
        io = side.io = audio.start()
        if kind == INPUT:
            if io is not None:
                io.readyRead.connect(self._read_microphone)
            with self._exchange.lock:
                self._exchange.microphone.clear()
                self._exchange.primed = False
                self._exchange.microphone_open = io is not None
        else:
            with self._exchange.lock:
                self._exchange.earpiece.clear()
                self._exchange.earpiece_open = io is not None
            if io is not None:
                self._earpiece_timer.start()
        self._on_state(kind, audio)  # a synchronous failure does not always emit stateChanged

    def _close(self, kind: str) -> None:
        side = self._sides[kind]
        audio, side.audio, side.io, side.device = side.audio, None, None, None
        with self._exchange.lock:
            if kind == INPUT:
                self._exchange.microphone_open = False
                self._exchange.microphone.clear()
            else:
                self._exchange.earpiece_open = False
                self._exchange.earpiece.clear()
        if kind == OUTPUT:
            self._earpiece_timer.stop()
        if audio is not None:
            audio.blockSignals(True)  # our own stop is not a device error
            audio.stop()
            audio.deleteLater()

    def _on_state(self, kind: str, audio: QAudioSource | QAudioSink) -> None:
        """A device that stops with an error is reopened once; failing again, the next one is used."""
        side = self._sides[kind]
        if audio is not side.audio or audio.signalsBlocked():
            return  # not ours any more, or its failure is being handled
        if audio.state() != QtAudio.State.StoppedState or audio.error() == QtAudio.Error.NoError:
            return
        audio.blockSignals(True)
        error = audio.error().name
        log.warning("%s stopped with %s", kind, error)
        if side.retried:
            QTimer.singleShot(0, self, lambda: self._give_up(kind, audio, error))
        else:
            side.retried = True
            # Unplugging may show first as an error, then as a shorter device list: give it time.
            QTimer.singleShot(RECOVER_MS, self, lambda: self._recover(kind, audio, error))

    def _recover(self, kind: str, audio: QAudioSource | QAudioSink, error: str) -> None:
        side = self._sides[kind]
        if self._port is None or audio is not side.audio:
            return  # closed, or already replaced because the device list changed
        if _device_id(self._pick(kind)) != _device_id(side.device):
            self._follow(kind)  # the device is gone: fall back, and say so
            return
        self._reopens += 1
        self._open(kind)
        self._emit(self.tr("%1 failed (%2), reopened").replace("%1", self._what(kind)).replace("%2", error))

    def _give_up(self, kind: str, audio: QAudioSource | QAudioSink, error: str) -> None:
        side = self._sides[kind]
        if self._port is None or audio is not side.audio:
            return
        failed = side.device
        side.broken = _device_id(failed)
        self._open(kind)
        fallback = side.device
        message = (
            self.tr("%1: “%2” failed again (%3), using “%4”").replace("%4", fallback.description())
            if fallback is not None and not fallback.isNull()
            else self.tr("%1: “%2” failed again (%3), no other device")
        )
        name = failed.description() if failed is not None else "?"
        self._emit(message.replace("%1", self._what(kind)).replace("%2", name).replace("%3", error))

    # -- audio on the Qt thread -------------------------------------------------------------------

    def _read_microphone(self) -> None:
        io = self._sides[INPUT].io
        if io is None:
            return
        data = bytes(io.readAll().data())
        if data:
            self._exchange.push_microphone(data)
            self._last_mic = (data[-FRAME_BYTES:], time.monotonic())

    def _feed_earpiece(self) -> None:
        side = self._sides[OUTPUT]
        if not isinstance(side.audio, QAudioSink) or side.io is None:
            return
        free = side.audio.bytesFree()
        if free <= 0:
            return
        data = self._exchange.pull_earpiece(free)
        if data:
            side.io.write(data)
            self._last_ear = (data[-FRAME_BYTES:], time.monotonic())

    @staticmethod
    def _level(last: tuple[bytes, float]) -> float:
        data, when = last
        if not data or time.monotonic() - when > LEVEL_HOLD_S:
            return -math.inf
        return rms_dbfs(data)

"""Drive the HeadsetBridge through real audio devices and a real SIP echo peer; print what came back.

Run in its own process (`python -m tests.telephony.headset_probe SCENARIO --sip-port N ...`) with the
environment of a private PulseAudio server (tests/telephony/pulse.py): QtMultimedia binds to the
audio server it sees when it initialises, and pjsua2 allows one Endpoint per process.

A 700 Hz tone is written into the server's pipe source (the default "microphone"), and parec records
the default sink's monitor (what the default "earpiece" plays). Scenarios:

- `echo`: before any call the bridge hears the tone, yet the earpiece stays silent (the tone may only
  reach it through the call); then a call to `sipp -rtp_echo` sends the tone to the peer, which sends
  it back, and the earpiece plays it; muted, the echo is silent.
- `hotplug`: a chosen USB headset (null devices) is unplugged mid-call, the default devices take over
  (the echo is heard on them), it is plugged back and the bridge returns to it.
- `no-device`: no sound device at all; a call still runs through the bridge without errors.

The last stdout line is `HEADSET_PROBE {json}`: per phase the recording's dominant frequency, RMS
level, 700 Hz level and gaps, the bridge's counters, and what the bridge reported. Exit code 0 when
the run and the teardown (in the order pjsua2 needs, or the process aborts) went through.
"""

from __future__ import annotations

import argparse
import cmath
import contextlib
import fcntl
import gc
import json
import math
import os
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pjsua2 as pj
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtMultimedia import QMediaDevices

from console.telephony.headset import HeadsetBridge, audio_devices

RATE = 16000
TONE_HZ = 700.0
TONE_AMPLITUDE = 0.5  # -9 dBFS RMS
CHUNK_S = 0.02
AHEAD_S = 0.1  # how far the writer keeps ahead of real time in the FIFO (its pipe holds 128 ms)
ANALYSIS_SAMPLES = 8192  # 0.5 s, a power of two for the FFT
FLOOR_DBFS = -120.0


# -- signal analysis (pure Python: numpy is not a dependency) ---------------------------------------


def _fft(values: list[complex]) -> list[complex]:
    """Iterative radix-2 FFT; len(values) must be a power of two."""
    n = len(values)
    out = list(values)
    j = 0
    for i in range(1, n):
        bit = n >> 1
        while j & bit:
            j ^= bit
            bit >>= 1
        j |= bit
        if i < j:
            out[i], out[j] = out[j], out[i]
    size = 2
    while size <= n:
        step = cmath.exp(-2j * math.pi / size)
        half = size // 2
        for start in range(0, n, size):
            w = 1 + 0j
            for k in range(start, start + half):
                t = w * out[k + half]
                out[k + half] = out[k] - t
                out[k] += t
                w *= step
        size *= 2
    return out


def dominant_frequency(samples: list[float]) -> float:
    """Frequency of the strongest spectral peak (Hann window, parabolic interpolation), 0 for silence."""
    n = len(samples)
    windowed = [complex(s * (0.5 - 0.5 * math.cos(2 * math.pi * i / (n - 1)))) for i, s in enumerate(samples)]
    magnitudes = [abs(x) for x in _fft(windowed)[: n // 2]]
    k = max(range(1, n // 2 - 1), key=magnitudes.__getitem__)
    if magnitudes[k] <= 0:
        return 0.0
    a, b, c = (math.log(max(magnitudes[i], 1e-12)) for i in (k - 1, k, k + 1))
    denominator = a - 2 * b + c
    delta = 0.5 * (a - c) / denominator if denominator else 0.0
    return (k + delta) * RATE / n


def level_dbfs(samples: list[float]) -> float:
    """RMS level in dBFS (floored)."""
    mean_square = sum(s * s for s in samples) / len(samples)
    return 10 * math.log10(mean_square) if mean_square > 0 else FLOOR_DBFS


def tone_dbfs(samples: list[float], frequency: float) -> float:
    """RMS level of the component at `frequency` ± 15 Hz (Goertzel), in dBFS (floored)."""
    best = 0.0
    n = len(samples)
    for f in (frequency + d for d in range(-15, 16, 5)):
        coefficient = 2 * math.cos(2 * math.pi * f / RATE)
        s1 = s2 = 0.0
        for x in samples:
            s1, s2 = x + coefficient * s1 - s2, s1
        power = s1 * s1 + s2 * s2 - coefficient * s1 * s2
        best = max(best, math.sqrt(max(power, 0.0)) * 2 / n / math.sqrt(2))
    return 20 * math.log10(best) if best > 0 else FLOOR_DBFS


def analyse(raw: bytes) -> dict[str, float]:
    """Frequency and levels of the middle of a recording (s16le mono 16 kHz)."""
    count = len(raw) // 2
    samples = [s / 32768.0 for s in struct.unpack(f"<{count}h", raw[: count * 2])]
    if len(samples) < ANALYSIS_SAMPLES:
        return {"seconds": count / RATE, "frequency": 0.0, "level": FLOOR_DBFS, "tone_700": FLOOR_DBFS}
    start = (len(samples) - ANALYSIS_SAMPLES) // 2
    window = samples[start : start + ANALYSIS_SAMPLES]
    block = RATE // 100
    quiet = sum(level_dbfs(window[i : i + block]) < -40 for i in range(0, len(window) - block + 1, block))
    return {
        "seconds": count / RATE,
        "quiet_10ms_blocks": quiet,  # gaps in what was heard (underruns on the way)
        "frequency": round(dominant_frequency(window), 1),
        "level": round(level_dbfs(window), 1),
        "tone_700": round(tone_dbfs(window, TONE_HZ), 1),
    }


# -- the microphone: a tone writer paced in real time ------------------------------------------------


class ToneWriter(threading.Thread):
    """Writes the tone into the pipe source's FIFO at real-time pace, a little ahead."""

    def __init__(self, fifo: Path) -> None:
        super().__init__(daemon=True)
        self.fifo = fifo
        self.stopping = threading.Event()

    def run(self) -> None:
        fd = os.open(self.fifo, os.O_WRONLY)
        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 4096)  # a small pipe: what is written is heard soon
        chunk = int(RATE * CHUNK_S)
        written = 0
        began = time.monotonic()
        try:
            while not self.stopping.is_set():
                ahead = written / RATE - (time.monotonic() - began)
                if ahead > AHEAD_S:
                    time.sleep(min(ahead - AHEAD_S, CHUNK_S))
                    continue
                values = (
                    int(32767 * TONE_AMPLITUDE * math.sin(2 * math.pi * TONE_HZ * (written + i) / RATE))
                    for i in range(chunk)
                )
                os.write(fd, struct.pack(f"<{chunk}h", *values))
                written += chunk
        except OSError:
            pass  # the server went away
        finally:
            os.close(fd)


# -- pjsua2 ----------------------------------------------------------------------------------------


class EchoCall(pj.Call):  # type: ignore[misc]
    """The call to sipp; wires its audio to the headset on every media change (re-INVITEs move it)."""

    def __init__(self, account: pj.Account, bridge: HeadsetBridge) -> None:
        super().__init__(account)
        self.bridge = bridge
        self.state = pj.PJSIP_INV_STATE_NULL
        self.media_connections = 0
        self.errors: list[str] = []

    def onCallState(self, prm: Any) -> None:
        try:
            self.state = self.getInfo().state
        except BaseException as exc:
            self.errors.append(repr(exc))

    def onCallMediaState(self, prm: Any) -> None:
        try:
            info = self.getInfo()  # keep it: `.media` of a temporary CallInfo reads freed memory
            for media in info.media:
                if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                    audio = self.getAudioMedia(media.index)
                    audio.startTransmit(self.bridge.media)
                    self.bridge.media.startTransmit(audio)
                    self.media_connections += 1
        except BaseException as exc:
            self.errors.append(repr(exc))


def create_endpoint() -> tuple[pj.Endpoint, pj.Account]:
    """An endpoint driven from the Qt thread, on 127.0.0.1 only, with no sound device."""
    endpoint = pj.Endpoint()
    endpoint.libCreate()
    config = pj.EpConfig()
    config.uaConfig.threadCnt = 0
    config.uaConfig.mainThreadOnly = True
    config.logConfig.level = 0
    config.logConfig.consoleLevel = 0
    config.logConfig.msgLogging = 0
    endpoint.libInit(config)
    transport = pj.TransportConfig()
    transport.port = 0
    transport.boundAddress = "127.0.0.1"
    endpoint.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
    endpoint.libStart()
    endpoint.audDevManager().setNullDev()
    account_config = pj.AccountConfig()
    account_config.idUri = "sip:console@127.0.0.1"
    account_config.mediaConfig.transportConfig.boundAddress = "127.0.0.1"
    account_config.mediaConfig.transportConfig.publicAddress = "127.0.0.1"
    account = pj.Account()
    account.create(account_config)
    return endpoint, account


# -- the scenario ----------------------------------------------------------------------------------


def wait_for(predicate: Callable[[], bool], timeout: float) -> bool:
    """Run the Qt event loop (hence pjsua2 and the bridge) until `predicate` holds or `timeout` passes."""
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(10)
    check.timeout.connect(lambda: loop.quit() if predicate() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    if predicate():
        return True
    check.start()
    deadline.start(int(timeout * 1000))
    loop.exec()
    check.stop()
    deadline.stop()
    return predicate()


class Recorder:
    """One parec on the sink's monitor for the whole run, read by a thread; phases are slices of it.

    A single long-lived stream, rather than one parec per phase: a PulseAudio null sink that nothing
    listens to sleeps with a long latency, and a newly attached recorder can wait ~2 s for its first byte.
    """

    def __init__(self, monitor: str) -> None:
        self.data = bytearray()
        self.lock = threading.Lock()
        self.parec = subprocess.Popen(
            ["parec", "-d", monitor, "--format=s16le", f"--rate={RATE}", "--channels=1", "--latency-msec=20"],
            stdout=subprocess.PIPE,
        )
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        assert self.parec.stdout is not None
        while chunk := os.read(self.parec.stdout.fileno(), 65536):
            with self.lock:
                self.data += chunk

    def size(self) -> int:
        with self.lock:
            return len(self.data)

    def phase(self, seconds: float) -> bytes:
        """The next `seconds` of what the sink played (the Qt loop runs meanwhile)."""
        start = self.size()
        end = start + int(seconds * RATE) * 2
        wait_for(lambda: self.size() >= end, seconds + 3.0)
        with self.lock:
            return bytes(self.data[start:end])

    def close(self) -> None:
        self.parec.terminate()
        try:
            self.parec.wait(5)
        except subprocess.TimeoutExpired:
            self.parec.kill()
            self.parec.wait(5)
        self.thread.join(2.0)


class Harness:
    """The endpoint, its event pump, the bridge and the call, torn down in the order pjsua2 needs."""

    def __init__(self, args: argparse.Namespace, result: dict[str, Any]) -> None:
        self.args = args
        self.result = result
        self.recorder: Recorder | None = None
        self.endpoint, self.account = create_endpoint()
        self.pump = QTimer()
        self.pump.setInterval(10)
        self.pump.timeout.connect(lambda: self.endpoint.libHandleEvents(0))
        self.pump.start()
        self.writer = ToneWriter(args.fifo)
        self.bridge: HeadsetBridge | None = None
        self.call: EchoCall | None = None

    def start_bridge(self, input_id: bytes | None = None, output_id: bytes | None = None) -> HeadsetBridge:
        bridge = HeadsetBridge(input_id, output_id)
        bridge.device_changed.connect(lambda message: self.result["device_changes"].append(message))
        bridge.start()
        self.bridge = bridge
        return bridge

    def devices(self) -> list[str | None]:
        assert self.bridge is not None
        return [None if i is None else i.decode() for i in self.bridge.current_devices()]

    def call_echo(self) -> EchoCall:
        """Call the echo peer and wait until the call is confirmed (its audio is wired on media state)."""
        assert self.bridge is not None
        call = self.call = EchoCall(self.account, self.bridge)
        call.makeCall(f"sip:echo@127.0.0.1:{self.args.sip_port}", pj.CallOpParam(True))
        self.result["confirmed"] = wait_for(lambda: call.state == pj.PJSIP_INV_STATE_CONFIRMED, 5.0)
        return call

    def start_recording(self) -> bool:
        """Record the default sink's monitor from now on; whether its first bytes came."""
        recorder = self.recorder = Recorder(self.args.monitor)
        return wait_for(lambda: recorder.size() > 0, 5.0)

    def record(self, name: str, seconds: float = 0.7, settle: float = 0.0) -> dict[str, Any]:
        """What the default sink played for `seconds` after `settle` (what the sink had buffered still
        playing out), with the bridge's counters over that time."""
        assert self.bridge is not None and self.recorder is not None
        before = self.bridge.stats()
        began = time.monotonic()
        self.recorder.phase(settle)
        raw = self.recorder.phase(seconds)
        (self.args.workdir / f"{name}.raw").write_bytes(raw)  # kept for a human to listen to
        heard: dict[str, Any] = analyse(raw)
        heard["wall_seconds"] = round(time.monotonic() - began, 2)
        after = self.bridge.stats()
        heard["stats"] = {key: after[key] - before[key] for key in after}
        return heard

    def hang_up(self) -> None:
        call = self.call
        if call is not None and call.state != pj.PJSIP_INV_STATE_DISCONNECTED:
            self.result["media_connections"] = call.media_connections
            self.result["call_errors"] = call.errors
            call.hangup(pj.CallOpParam(True))
            wait_for(lambda: call.state == pj.PJSIP_INV_STATE_DISCONNECTED, 3.0)

    def close(self) -> None:
        self.writer.stopping.set()
        if self.bridge is not None:
            self.result["stats"] = self.bridge.stats()
        self.pump.stop()
        if self.bridge is not None:
            self.bridge.stop()
        self.call = None
        gc.collect()
        self.account.shutdown()
        self.endpoint.libDestroy(pj.PJSUA_DESTROY_NO_RX_MSG)
        if self.recorder is not None:
            self.recorder.close()
        if self.writer.is_alive():
            self.writer.join(2.0)


def scenario_echo(h: Harness) -> None:
    """Before the call the tone reaches the bridge, not the earpiece; in the call its echo does."""
    bridge = h.start_bridge()
    h.writer.start()
    h.result["recording"] = h.start_recording()
    h.result["microphone_heard"] = wait_for(lambda: bridge.microphone_level() > -30, 5.0)
    h.result["microphone_level"] = round(bridge.microphone_level(), 1)
    h.result["before_call"] = h.record("before_call")
    h.call_echo()
    answered = time.monotonic()
    h.result["echo_heard"] = wait_for(lambda: bridge.earpiece_level() > -40, 5.0)
    h.result["echo_after_s"] = round(time.monotonic() - answered, 3)
    h.result["earpiece_level"] = round(bridge.earpiece_level(), 1)
    h.result["in_call"] = h.record("in_call", 1.0)
    # Muted: the peer gets silence, so its echo is silence too.
    bridge.set_microphone_muted(True)
    h.result["mute_heard"] = wait_for(lambda: bridge.earpiece_level() < -60, 5.0)
    h.result["muted"] = h.record("muted", 0.6, settle=0.3)
    h.result["muted_microphone_level"] = round(bridge.microphone_level(), 1)
    h.hang_up()


def pactl(*args: str) -> str:
    return subprocess.run(
        ["pactl", *args], capture_output=True, text=True, check=True, timeout=10
    ).stdout.strip()


def scenario_hotplug(h: Harness) -> None:
    """A USB headset chosen, unplugged mid-call (the default devices take over), plugged back, broken.

    Plugging makes the USB devices the defaults, as a desktop does (module-switch-on-connect): Qt 6.11's
    PulseAudio backend reports a removal only through the change of default it causes.
    """
    h.writer.start()

    def plug() -> list[str]:
        modules = [
            pactl("load-module", "module-null-source", "source_name=usb_mic", "description=USB-microphone"),
            pactl(
                "load-module",
                "module-null-sink",
                "sink_name=usb_ear",
                "sink_properties=device.description=USB-earpiece",
            ),
        ]
        pactl("set-default-source", "usb_mic")
        pactl("set-default-sink", "usb_ear")
        return modules

    h.result["recording"] = h.start_recording()
    usb = plug()
    h.result["usb_listed"] = wait_for(lambda: _listed(b"usb_mic", b"usb_ear"), 5.0)
    bridge = h.start_bridge(b"usb_mic", b"usb_ear")
    h.result["on_usb"] = h.devices()
    h.call_echo()
    # The USB microphone is silent and the echo plays on the USB earpiece: the headset sink hears nothing.
    h.result["usb_phase"] = h.record("usb_phase")

    for module in usb:
        pactl("unload-module", module)
    wait_for(lambda: h.devices() == ["mic", "headset"], 5.0)
    h.result["after_unplug"] = h.devices()
    h.result["echo_heard"] = wait_for(lambda: bridge.earpiece_level() > -40, 5.0)
    h.result["fallback_phase"] = h.record("fallback_phase")

    usb = plug()
    wait_for(lambda: h.devices() == ["usb_mic", "usb_ear"], 5.0)
    h.result["after_replug"] = h.devices()
    h.result["replug_phase"] = h.record("replug_phase")

    # A device Qt still lists but that fails to open (unplugged while not the default: Qt 6.11 does not
    # see it go): chosen again, it fails, is reopened once, fails again, and the default takes over.
    qt_saw = [0]
    qt_devices = QMediaDevices()
    qt_devices.audioInputsChanged.connect(lambda: qt_saw.__setitem__(0, qt_saw[0] + 1))
    qt_devices.audioOutputsChanged.connect(lambda: qt_saw.__setitem__(0, qt_saw[0] + 1))
    pactl("set-default-source", "mic")
    pactl("set-default-sink", "headset")
    wait_for(lambda: qt_saw[0] >= 2, 5.0)  # Qt saw the defaults change, so will not refresh again
    for module in usb:
        pactl("unload-module", module)
    bridge.set_devices(None, None)
    bridge.set_devices(b"usb_mic", b"usb_ear")
    wait_for(lambda: bridge.stats()["reopens"] >= 2 and h.devices() == ["mic", "headset"], 5.0)
    h.result["after_failure"] = h.devices()
    h.hang_up()


def scenario_no_device(h: Harness) -> None:
    """No sound device at all (Qt 6.11 reports none vanishing, so they are gone before Qt starts)."""
    for module in pactl("list", "short", "modules").splitlines():
        index, name = module.split()[:2]
        if name in ("module-null-sink", "module-pipe-source"):
            pactl("unload-module", index)
    bridge = h.start_bridge()
    h.result["devices"] = h.devices()
    h.call_echo()
    wait_for(lambda: bridge.stats()["frames_out"] >= 25, 5.0)
    h.result["microphone_level"] = max(bridge.microphone_level(), FLOOR_DBFS)
    h.result["earpiece_level"] = max(bridge.earpiece_level(), FLOOR_DBFS)
    h.hang_up()


def _listed(input_id: bytes, output_id: bytes) -> bool:
    inputs, outputs = audio_devices()
    return input_id in dict(inputs) and output_id in dict(outputs)


SCENARIOS = {"echo": scenario_echo, "hotplug": scenario_hotplug, "no-device": scenario_no_device}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--sip-port", type=int, required=True, help="`sipp -sn uas -rtp_echo` on 127.0.0.1")
    parser.add_argument("--fifo", type=Path, required=True, help="the pipe source's FIFO (the microphone)")
    parser.add_argument("--monitor", default="headset.monitor", help="what the default sink plays")
    parser.add_argument("--workdir", type=Path, required=True, help="where to put the recordings")
    args = parser.parse_args(argv)
    app = QCoreApplication(sys.argv[:1])  # noqa: F841 - QtMultimedia needs the application object
    result: dict[str, Any] = {"device_changes": []}
    began = time.monotonic()
    harness: Harness | None = None
    try:
        harness = Harness(args, result)
        SCENARIOS[args.scenario](harness)
    except Exception as exc:
        result["error"] = repr(exc)
    finally:
        if harness is not None:
            harness.close()
    result["seconds"] = round(time.monotonic() - began, 2)
    print("HEADSET_PROBE " + json.dumps(result), flush=True)
    return 1 if "error" in result else 0


if __name__ == "__main__":
    sys.exit(main())

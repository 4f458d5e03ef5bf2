"""Benchmark: the softphone engine against local SIPp peers: set-up time, CPU per recorded call, gaps.

What it measures
----------------
One ``Softphone`` (console/telephony/engine.py) in this process, on 127.0.0.1 with a free SIP port,
pumped the way the console pumps it: ``handle_events()`` every ``--pump-ms`` (10 ms, a QTimer's
cadence) on the main thread, nothing else running. Every call is recorded by the engine as in
production (16 kHz mono WAV into a temporary folder, removed at the end unless ``--keep``).
The peers are SIPp processes (Debian's sip-tester) on fresh ports; their CPU is not ours and is
reported apart.

1. Set-up time: ``--calls`` (20) calls, one after the other, to one ``sipp -sn uas -m N``. For each,
   ``time.monotonic()`` just before ``place_call()``, then in the listener at the RINGING event
   (SIPp's 180), the ANSWERED event (200 received, ACK sent) and ``recording_started`` (media up,
   recorder connected). Each call is hung up and its end and final recording awaited before the next
   (RECIPES: calls placed back to back too fast exhaust the socket table). Printed: p50 / p95 / max
   in ms (nearest rank). The pump's period bounds the resolution: an event is seen at the next tick,
   and ``place_call()`` comes right after a tick, so the figures hold almost a whole pump period
   (with the console's timer a click falls anywhere in the period: half of one on average).
   ``--pump-ms 1`` shows what is left of SIP and media set-up themselves.
2. CPU per recorded call: ``time.process_time()`` (every thread of this process: the pump, and
   pjsua2's media clock and conference bridge) over ``--cpu-window`` seconds (10) with 0 calls (the
   pump alone), 1 call, then 4 simultaneous calls, each call to its own ``sipp -sn uas -rtp_echo``
   and playing a tone (``play_tone``); 1 s of settling after the last call is set up is not counted.
   Printed in % of one core, with the increment per call over the idle baseline, the split between
   the main thread and the others (from /proc/self/task), SIPp's CPU and the rest of the machine.
3. Gaps: 4 simultaneous recorded calls for ``--duration`` seconds (60), each to its own
   ``sipp -sn uas -rtp_echo`` and playing its own tone (600, 800, 1000, 1200 Hz). Then hang up,
   wait for ``recording_final`` of all four and cut every recording into 20 ms windows with
   ``console.telephony.tone.tone_segments`` for that call's frequency. A recording mixes the tone
   sent and its echo, both at that frequency, so every window between the first and the last with
   the tone must have it: a window without it is a gap (a frame the recorder lost or a frame of
   silence), and another call's tone leaking in would show as gaps too. Per call: recorded
   duration, tone span (first to last tone window) against the wall time from ``play_tone`` to the
   end of the call, gap windows, longest gap, level (of the middle second). PASS when there is no
   gap window and the tone span is not more than 100 ms shorter than that wall time (a recorder
   dropping frames without writing silence would leave no gap but a shorter span; both ends are
   seen at the same pump tick, so the two agree within a frame or two). The CPU of that run is
   printed too (a second 4-call figure, over the whole duration). The level differs from call to
   call (-6 to -16 dBFS here, the same from run to run): the tone sent and its echo add up with a
   phase set by the round trip and the frequency; a level is not a verdict.

The analysis is pure Python (numpy is not a dependency of the project); on the development
machine 4 x 60 s of recording take under half a second. The time it took is printed.

Usage: ``.venv/bin/python bench/telephony.py [--calls 20] [--duration 60] [--cpu-window 10]
[--pump-ms 10] [--keep] [--quick]``; ``--quick`` is a smoke run (5 calls, 3 s windows, 10 s).

Exit status: 0 when every call was set up and every recording is free of gaps; 1 when a recording
has a gap, lacks its tone or is short (a finding: the figures are printed all the same); 3 when the
run itself broke (a call not answered, SIPp failing, the engine refusing); 2 for bad options.
Timings never change the exit status.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import math
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from types import FrameType

from console.domain.calls import CallDirection, CallEnd, CallEventKind
from console.telephony.engine import PhoneError, RegistrationState, Softphone
from console.telephony.settings import PhoneSettings
from console.telephony.tone import read_wav_samples, rms_dbfs, tone_segments

TONES_HZ = (600, 800, 1000, 1200)
WINDOW_S = 0.02  # tone_segments' window: one media frame
# A recorder that drops frames without writing silence makes the tone shorter than the call; both
# ends are seen at the same pump tick, so beyond a few frames of slack it is a finding.
SHORTFALL_LIMIT_S = 0.1
SETTLE_S = 1.0  # after the last call of a CPU window is set up, before the window starts
ANSWER_TIMEOUT_S = 5.0
END_TIMEOUT_S = 5.0
SIPP_STOP_TIMEOUT_S = 5.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


FULL: dict[str, float] = {"calls": 20, "cpu_window": 10.0, "duration": 60.0}
QUICK: dict[str, float] = {"calls": 5, "cpu_window": 3.0, "duration": 10.0}


class BenchError(Exception):
    """The run broke (as opposed to a finding); worded for the person running the bench."""


# --------------------------------------------------------------------------------------------
# The engine's listener
# --------------------------------------------------------------------------------------------


@dataclass
class CallTrack:
    """What the listener saw of one call, on the monotonic clock."""

    handle: int
    created: float
    placed: float | None = None  # just before place_call(), set by the bench
    ringing: float | None = None
    answered: float | None = None
    recording: float | None = None
    ended: float | None = None
    end: CallEnd | None = None
    reason: str = ""
    recording_path: Path | None = None
    final_path: Path | None = None


@dataclass
class Listener:
    """The engine's PhoneListener: times every fact as it is reported (on the pumping thread)."""

    tracks: dict[int, CallTrack] = field(default_factory=dict)
    errors: list[tuple[int | None, str]] = field(default_factory=list)

    def call_created(
        self, handle: int, direction: CallDirection, remote_uri: str, at: datetime, tag: object
    ) -> None:
        self.tracks[handle] = CallTrack(handle, time.monotonic())

    def call_event(self, handle: int, kind: CallEventKind, at: datetime, detail: str) -> None:
        now = time.monotonic()
        track = self.tracks.get(handle)
        if track is None:
            return
        if kind is CallEventKind.RINGING and track.ringing is None:
            track.ringing = now
        elif kind is CallEventKind.ANSWERED and track.answered is None:
            track.answered = now

    def call_ended(self, handle: int, end: CallEnd, at: datetime, reason: str) -> None:
        track = self.tracks.get(handle)
        if track is not None:
            track.ended, track.end, track.reason = time.monotonic(), end, reason

    def recording_started(self, handle: int, path: Path) -> None:
        track = self.tracks.get(handle)
        if track is not None:
            track.recording, track.recording_path = time.monotonic(), path

    def recording_final(self, handle: int, path: Path) -> None:
        track = self.tracks.get(handle)
        if track is not None:
            track.final_path = path

    def dtmf_received(self, handle: int, digit: str) -> None:
        pass

    def registration_changed(self, state: RegistrationState, detail: str) -> None:
        pass

    def phone_error(self, handle: int | None, message: str) -> None:
        self.errors.append((handle, message))


# --------------------------------------------------------------------------------------------
# SIPp peers
# --------------------------------------------------------------------------------------------


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """In the child before exec (Linux): SIGTERM it if the bench dies without its finally blocks."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@dataclass
class Peer:
    """A running ``sipp -sn uas``, answering ``calls`` calls then exiting."""

    name: str
    process: subprocess.Popen[bytes]
    port: int
    workdir: Path

    @property
    def uri(self) -> str:
        return f"sip:peer@127.0.0.1:{self.port}"

    def output_tail(self, lines: int = 5) -> str:
        text = (self.workdir / "sipp.out").read_text(errors="replace").strip().splitlines()
        return " | ".join(line.strip() for line in text[-lines:] if line.strip())

    def cpu_seconds(self) -> float:
        return _proc_cpu_seconds(Path(f"/proc/{self.process.pid}/stat")) or 0.0

    def wait_done(self, timeout: float = SIPP_STOP_TIMEOUT_S) -> int | None:
        """SIPp's exit status once its calls are done (0: every scenario passed); None: still running."""
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=SIPP_STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_peer(workdir: Path, name: str, *, calls: int, echo: bool) -> Peer:
    """``sipp -sn uas`` on fresh ports (a stale SIPp on a port fails silently), ``-rtp_echo`` if echo."""
    sipp = shutil.which("sipp")
    if sipp is None:
        raise BenchError("sipp is not installed (Debian package sip-tester)")
    directory = workdir / "sipp" / name
    directory.mkdir(parents=True, exist_ok=True)
    port, media_port = free_udp_port(), free_udp_port()
    args = [
        sipp, "-sn", "uas",
        "-i", "127.0.0.1", "-p", str(port), "-mi", "127.0.0.1", "-mp", str(media_port),
        "-m", str(calls), "-nostdin", "-trace_err",
        *(["-rtp_echo"] if echo else []),
    ]  # fmt: skip
    with (directory / "sipp.out").open("wb") as out:
        process = subprocess.Popen(
            args, cwd=directory, stdout=out, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent
        )
    peer = Peer(name, process, port, directory)
    time.sleep(0.2)  # let it bind before the console sends anything
    if process.poll() is not None:
        raise BenchError(f"sipp {name} exited at once ({process.returncode}): {peer.output_tail()}")
    return peer


# --------------------------------------------------------------------------------------------
# CPU accounting (Linux /proc; process_time() is portable and is the figure)
# --------------------------------------------------------------------------------------------


def _proc_cpu_seconds(stat: Path) -> float | None:
    """utime + stime of a process or thread, from its /proc stat file."""
    try:
        fields = stat.read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _threads() -> dict[int, tuple[str, float]]:
    """This process's threads: id -> (name, CPU seconds so far)."""
    threads: dict[int, tuple[str, float]] = {}
    with contextlib.suppress(OSError):
        for task in Path("/proc/self/task").iterdir():
            seconds = _proc_cpu_seconds(task / "stat")
            if seconds is None:
                continue
            with contextlib.suppress(OSError):
                threads[int(task.name)] = ((task / "comm").read_text().strip(), seconds)
    return threads


def _machine_busy_seconds() -> float | None:
    """CPU seconds used by the whole machine (all cores, every process), from /proc/stat."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values[:8]) - idle) / CLOCK_TICKS


@dataclass
class CpuWindow:
    calls: int
    seconds: float
    ours_pct: float
    main_pct: float | None  # the pumping thread
    others_pct: float | None  # pjsua2's threads (media clock, conference bridge, ...)
    busiest_others: list[tuple[str, float]]
    sipp_pct: float
    rest_pct: float | None  # every other process on the machine


class CpuMeter:
    def __init__(self, peers: Sequence[Peer]) -> None:
        self.peers = list(peers)
        self.wall = time.monotonic()
        self.process = time.process_time()
        self.threads = _threads()
        self.sipp = sum(peer.cpu_seconds() for peer in self.peers)
        self.machine = _machine_busy_seconds()

    def stop(self, calls: int) -> CpuWindow:
        wall = time.monotonic() - self.wall
        process = time.process_time() - self.process
        sipp = sum(peer.cpu_seconds() for peer in self.peers) - self.sipp
        machine_now = _machine_busy_seconds()
        threads = _threads()
        main_id = os.getpid()
        main_pct: float | None = None
        others_pct: float | None = None
        busiest: list[tuple[str, float]] = []
        if threads:
            deltas = {
                tid: (name, seconds - self.threads.get(tid, (name, 0.0))[1])
                for tid, (name, seconds) in threads.items()
            }
            main_pct = 100 * deltas.get(main_id, ("", 0.0))[1] / wall
            others = [
                (name, 100 * seconds / wall) for tid, (name, seconds) in deltas.items() if tid != main_id
            ]
            others_pct = sum(pct for _, pct in others)
            busiest = sorted((item for item in others if item[1] >= 0.05), key=lambda item: -item[1])[:4]
        rest: float | None = None
        if self.machine is not None and machine_now is not None:
            rest = 100 * (machine_now - self.machine - process - sipp) / wall
        return CpuWindow(
            calls, wall, 100 * process / wall, main_pct, others_pct, busiest, 100 * sipp / wall, rest
        )


# --------------------------------------------------------------------------------------------
# Driving the engine
# --------------------------------------------------------------------------------------------


class Bench:
    def __init__(self, phone: Softphone, listener: Listener, workdir: Path, pump_s: float) -> None:
        self.phone = phone
        self.listener = listener
        self.workdir = workdir
        self.pump_s = pump_s
        self.peers: list[Peer] = []
        self._last_tick = 0.0

    def _tick(self) -> None:
        """One pump, a period after the previous one (a QTimer's way, late ticks not caught up)."""
        wait = self._last_tick + self.pump_s - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_tick = time.monotonic()
        self.phone.handle_events()

    def pump_until(self, condition: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() >= deadline:
                return False
            self._tick()
        return True

    def pump_for(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._tick()

    def peer(self, name: str, *, calls: int, echo: bool) -> Peer:
        peer = start_peer(self.workdir, name, calls=calls, echo=echo)
        self.peers.append(peer)
        return peer

    def stop_peers(self) -> None:
        for peer in self.peers:
            peer.stop()
        self.peers.clear()

    def dial(self, peer: Peer, tag: str) -> CallTrack:
        """Place a call, wait until it is answered and its recording started; raise if it is not.

        The call is placed right after a pump tick, every time: the set-up times hold a whole period.
        """
        self._tick()
        placed = time.monotonic()
        try:
            handle = self.phone.place_call(peer.uri, tag)
        except PhoneError as exc:
            raise BenchError(f"{tag}: {exc}") from exc
        track = self.listener.tracks[handle]
        track.placed = placed
        up = self.pump_until(
            lambda: track.ended is not None or (track.answered is not None and track.recording is not None),
            ANSWER_TIMEOUT_S,
        )
        if track.ended is not None:
            raise BenchError(f"{tag}: the call to {peer.name} ended ({track.end}: {track.reason})")
        if not up:
            raise BenchError(
                f"{tag}: no answer with media from {peer.name} within {ANSWER_TIMEOUT_S:g} s "
                f"(sipp: {peer.output_tail(2)})"
            )
        return track

    def hang_up(self, tracks: Sequence[CallTrack]) -> None:
        """Hang up, wait for every end and final recording."""
        for track in tracks:
            if track.ended is None:
                with contextlib.suppress(PhoneError):  # already ending on its own: seen below
                    self.phone.hangup(track.handle)
        done = self.pump_until(
            lambda: all(t.ended is not None and t.final_path is not None for t in tracks), END_TIMEOUT_S
        )
        if not done:
            late = [t.handle for t in tracks if t.ended is None or t.final_path is None]
            raise BenchError(
                f"calls {late}: not ended or recording not final {END_TIMEOUT_S:g} s after hang-up"
            )
        self.pump_until(lambda: not self.phone.calls, 1.0)

    def check_peers_done(self) -> None:
        """Every SIPp of the phase exits 0 once its calls are over; then they are forgotten."""
        for peer in self.peers:
            status = peer.wait_done()
            if status != 0:
                raise BenchError(
                    f"sipp {peer.name} {'still running' if status is None else f'exited {status}'}: "
                    f"{peer.output_tail()}"
                )
        self.peers.clear()


# --------------------------------------------------------------------------------------------
# The three phases
# --------------------------------------------------------------------------------------------


def percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def setup_times(bench: Bench, calls: int) -> None:
    print(f"\n== Set-up time: {calls} calls, one at a time, to one `sipp -sn uas -m {calls}` ==")
    peer = bench.peer("setup", calls=calls, echo=False)
    rows: list[tuple[float, float, float]] = []
    for i in range(calls):
        track = bench.dial(peer, f"set-up call {i + 1}")
        bench.hang_up([track])
        assert track.placed is not None and track.answered is not None and track.recording is not None
        ringing = (track.ringing - track.placed) * 1000 if track.ringing is not None else math.nan
        rows.append(
            (ringing, (track.answered - track.placed) * 1000, (track.recording - track.placed) * 1000)
        )
    bench.check_peers_done()
    print(f"  {'from place_call() to':<24}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'min ms':>9}  slowest call")
    for column, label in enumerate(("RINGING (180)", "ANSWERED (200, ACK)", "recording started")):
        values = [row[column] for row in rows if not math.isnan(row[column])]
        if not values:
            print(f"  {label:<24}{'never seen':>9}")
            continue
        worst = max(
            range(len(rows)), key=lambda k: -math.inf if math.isnan(rows[k][column]) else rows[k][column]
        )
        print(
            f"  {label:<24}{percentile(values, 50):9.1f}{percentile(values, 95):9.1f}"
            f"{max(values):9.1f}{min(values):9.1f}  #{worst + 1}"
        )
    missing = sum(1 for row in rows if math.isnan(row[0]))
    if missing:
        print(f"  ({missing} calls reported ANSWERED without RINGING first)")
    print(f"  first call: ringing {rows[0][0]:.1f} ms, answered {rows[0][1]:.1f} ms (included above)")


@dataclass
class ToneCall:
    track: CallTrack
    tone_hz: int
    tone_started: float  # monotonic, just after play_tone()


def start_tone_calls(bench: Bench, count: int, label: str) -> list[ToneCall]:
    """`count` calls, each to its own `sipp -rtp_echo`, each playing its own tone."""
    calls: list[ToneCall] = []
    for i in range(count):
        peer = bench.peer(f"{label}-{i + 1}", calls=1, echo=True)
        track = bench.dial(peer, f"{label} call {i + 1}")
        tone_hz = TONES_HZ[i % len(TONES_HZ)]
        try:
            bench.phone.play_tone(track.handle, tone_hz)
        except PhoneError as exc:
            raise BenchError(f"{label} call {i + 1}: {exc}") from exc
        calls.append(ToneCall(track, tone_hz, time.monotonic()))
    return calls


def measure_cpu(bench: Bench, calls: int, seconds: float) -> CpuWindow:
    tone_calls = start_tone_calls(bench, calls, f"cpu{calls}")
    bench.pump_for(SETTLE_S)
    meter = CpuMeter(bench.peers)
    bench.pump_for(seconds)
    window = meter.stop(calls)
    bench.hang_up([call.track for call in tone_calls])
    bench.check_peers_done()
    return window


def print_cpu(windows: Sequence[CpuWindow]) -> None:
    print(
        f"  {'calls':>5}{'window s':>10}{'ours %':>9}{'per call':>10}{'main %':>8}{'others %':>10}"
        f"{'sipp %':>8}{'rest %':>8}  busiest other threads"
    )
    idle = next((w for w in windows if w.calls == 0), None)
    for w in windows:
        per_call = "-"
        if idle is not None and w.calls:
            per_call = f"{(w.ours_pct - idle.ours_pct) / w.calls:+.2f}"
        threads = ", ".join(f"{name} {pct:.1f}" for name, pct in w.busiest_others) or "-"
        print(
            f"  {w.calls:>5}{w.seconds:10.1f}{w.ours_pct:9.2f}{per_call:>10}{_pct(w.main_pct):>8}"
            f"{_pct(w.others_pct):>10}{w.sipp_pct:8.1f}{_pct(w.rest_pct):>8}  {threads}"
        )


def _pct(value: float | None) -> str:
    return "?" if value is None else f"{value:.1f}"


@dataclass
class Verdict:
    tone_hz: int
    recorded_s: float
    tone_span_s: float
    tone_wall_s: float
    gap_windows: int
    longest_gap_ms: float
    level_dbfs: float
    analysis_s: float

    @property
    def problems(self) -> list[str]:
        if self.tone_span_s == 0:
            return ["no tone found"]
        found = [f"{self.gap_windows} gap windows"] if self.gap_windows else []
        shortfall = self.tone_wall_s - self.tone_span_s
        if shortfall > SHORTFALL_LIMIT_S:
            found.append(f"tone {shortfall * 1000:.0f} ms shorter than the call: frames dropped")
        return found

    @property
    def passed(self) -> bool:
        return not self.problems


def analyse(path: Path, tone_hz: int, tone_wall_s: float) -> Verdict:
    started = time.perf_counter()
    samples, rate = read_wav_samples(path)
    windows = tone_segments(samples, rate, tone_hz, WINDOW_S)
    with_tone = [i for i, present in enumerate(windows) if present]
    gaps = longest = run = 0
    span = 0.0
    if with_tone:
        first, last = with_tone[0], with_tone[-1]
        span = (last - first + 1) * WINDOW_S
        for present in windows[first : last + 1]:
            run = 0 if present else run + 1
            gaps += not present
            longest = max(longest, run)
    middle = len(samples) // 2
    level = rms_dbfs(samples[max(0, middle - rate // 2) : middle + rate // 2])
    return Verdict(
        tone_hz,
        len(samples) / rate,
        span,
        tone_wall_s,
        gaps,
        longest * WINDOW_S * 1000,
        level,
        time.perf_counter() - started,
    )


def gap_run(bench: Bench, seconds: float) -> tuple[list[Verdict], CpuWindow]:
    print(
        f"\n== Gaps: {len(TONES_HZ)} simultaneous recorded calls for {seconds:g} s, "
        f"each to its own `sipp -sn uas -rtp_echo`, tones {', '.join(map(str, TONES_HZ))} Hz =="
    )
    tone_calls = start_tone_calls(bench, len(TONES_HZ), "gaps")
    meter = CpuMeter(bench.peers)
    bench.pump_for(seconds)
    window = meter.stop(len(tone_calls))
    bench.hang_up([call.track for call in tone_calls])
    bench.check_peers_done()
    verdicts: list[Verdict] = []
    analysis_started = time.perf_counter()
    for call in tone_calls:
        track = call.track
        assert track.final_path is not None and track.ended is not None
        verdicts.append(analyse(track.final_path, call.tone_hz, track.ended - call.tone_started))
    analysis_s = time.perf_counter() - analysis_started
    audio_s = sum(v.recorded_s for v in verdicts)
    print(
        f"  {'call':>4}{'tone Hz':>9}{'recorded s':>12}{'tone span s':>13}{'tone wall s':>13}"
        f"{'gap windows':>13}{'longest gap ms':>16}{'level dBFS':>12}  verdict"
    )
    for i, v in enumerate(verdicts, 1):
        print(
            f"  {i:>4}{v.tone_hz:>9}{v.recorded_s:12.2f}{v.tone_span_s:13.2f}{v.tone_wall_s:13.2f}"
            f"{v.gap_windows:>13}{v.longest_gap_ms:16.0f}{v.level_dbfs:12.1f}  "
            f"{'PASS' if v.passed else 'FAIL: ' + ', '.join(v.problems)}"
        )
    print(
        f"  analysis: {audio_s:.0f} s of audio in {analysis_s:.1f} s "
        "(tone_segments, pure-Python Goertzel, 20 ms windows)"
    )
    return verdicts, window


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def _sipp_version() -> str:
    try:
        out = subprocess.run(["sipp", "-v"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return next((line.strip() for line in out.splitlines() if "SIPp v" in line), "?")


def _load() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "?"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Benchmark the softphone engine against local SIPp: set-up time, CPU per recorded call, gaps.",
        epilog="See the top of this file for what is measured and how to read the figures.",
    )
    parser.add_argument("--calls", type=int, help="calls for the set-up time (20; --quick: 5)")
    parser.add_argument("--duration", type=float, help="seconds of the 4-call gap run (60; --quick: 10)")
    parser.add_argument("--cpu-window", type=float, help="seconds of each CPU window (10; --quick: 3)")
    parser.add_argument("--pump-ms", type=float, default=10.0, help="handle_events() period in ms (10)")
    parser.add_argument(
        "--keep", action="store_true", help="keep the recordings and SIPp logs (path printed)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 5 calls, 3 s CPU windows, 10 s gap run (options given win)",
    )
    return parser


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    preset = QUICK if args.quick else FULL
    for name, value in preset.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.calls < 1 or args.duration <= 0 or args.cpu_window <= 0 or args.pump_ms <= 0:
        print("bench: --calls, --duration, --cpu-window and --pump-ms must be > 0", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    workdir = Path(tempfile.mkdtemp(prefix="vigie-bench-telephony-"))
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs, load {_load()}, "
        f"CPython {platform.python_version()}, pjsua2-python {_version('pjsua2-python')}, {_sipp_version()}"
    )
    print(
        f"pump every {args.pump_ms:g} ms; {args.calls} set-up calls, CPU windows {args.cpu_window:g} s, "
        f"gap run {args.duration:g} s; recordings in {workdir}"
    )
    listener = Listener()
    phone = Softphone(
        PhoneSettings(recordings_dir=workdir / "recordings", bind_host="127.0.0.1", sip_port=0), listener
    )
    bench = Bench(phone, listener, workdir, args.pump_ms / 1000)
    status = 0
    try:
        phone.start()
        setup_times(bench, args.calls)

        print(
            f"\n== CPU per recorded call: {args.cpu_window:g} s windows, each call to its own "
            "`sipp -sn uas -rtp_echo` with a tone =="
        )
        windows = [measure_cpu(bench, calls, args.cpu_window) for calls in (0, 1, 4)]
        print_cpu(windows)

        verdicts, gap_window = gap_run(bench, args.duration)
        print(f"\n  CPU over the {args.duration:g} s gap run:")
        print_cpu([windows[0], gap_window])

        failed = [i for i, v in enumerate(verdicts, 1) if not v.passed]
        if failed:
            print(f"\nFINDING: recordings with gaps or without their tone: calls {failed} (exit 1)")
            status = 1
        else:
            print("\nrun OK: every call set up, every recording free of gaps")
        if listener.errors:
            print(f"engine errors reported: {listener.errors[:5]}")
    except BenchError as exc:
        print(f"\nbench: the run broke: {exc}", file=sys.stderr)
        status = 3
    except PhoneError as exc:
        print(f"\nbench: the engine refused: {exc}", file=sys.stderr)
        status = 3
    except KeyboardInterrupt:
        print("\nbench: interrupted", file=sys.stderr)
        status = 130
    finally:
        phone.shutdown()  # hangs up what is left, releases recorders, destroys pjsua2 in order
        bench.stop_peers()
        print(f"load at the end: {_load()}")
        if args.keep:
            print(f"recordings and SIPp logs kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main())

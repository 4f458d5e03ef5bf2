"""Benchmark: the operator's console under a signal flood, with thousands of alarms already open.

The issue: "5 000 open alarms in the queue and 200 new signals per second for 30 s; prints the
longest event-loop stall and the p99 time from a signal's arrival to its row being in the model.
Targets: stall under 50 ms, p99 under 100 ms."

What it measures
----------------
Set-up (not measured): a fresh SQLite database in a temp dir (``migrate.upgrade``), ``--alarms``
+ 200 sites, each with one transmitter (account ``F00000`` + n in hex, line 1); the spare sites are as many as the
flood's new alarms need (at least 200), one operator, then
one burglary signal (Contact ID 1 130, zone 1) per site for the first ``--alarms`` sites, ingested by
``AlarmDesk.ingest`` in batches of 500: that many alarms are open, one signal each.

Initial snapshot: a real ``Workstation`` (QApplication, offscreen platform, QSettings in the temp
dir, ``poll_interval_ms`` from ``--poll-ms``, 50 by default as in the console) is shown; the time
until its model holds every open alarm is reported (``snapshot``).

Site windows: during the flood, every ``--open-every-ms`` (500) a random open alarm is opened in
the site window (``Workstation.open_alarm``), as an operator going from alarm to alarm; its record
is read by the site feed's worker and drawn on the GUI thread, inside the stall measurement. The
time from the request to the record drawn is reported (``site window drawn``).

Flood: for ``--duration`` seconds a writer thread (standing for the receiver; another
``AlarmDesk`` on the same database) ingests ``--rate`` signals per second, in ``--batches`` batches
per second (20 signals per 100 ms slot by default, at a random moment of the slot so that batches
meet the console's polls at every phase), each batch one transaction. 90 % of the signals
are burglary signals on a random open alarm's site: they JOIN that alarm (signal count + 1, the
row is updated in place). 10 % come from a quiet (spare) site's transmitter: each raises a new
alarm on its site (a row is inserted). For every batch the writer notes ``time.perf_counter()`` just
after ``ingest`` returned (the commit time) and the alarms it touched (``IngestResult``); it keeps
each alarm's expected signal count itself.

In the GUI thread, meanwhile:

- ``stall``: a 10 ms precise QTimer notes the gap between consecutive timeouts; stall = gap - 10 ms.
  Measured over the flood only (the snapshot's own is reported apart: ``longest stall meanwhile``).
- ``latency``: handlers on the model's ``rowsInserted`` and ``dataChanged`` (rows of one change,
  not the clock column's repaint) and on the LiveFeed's ``alarms_changed`` (connected after the
  workstation's, so it runs after the model merged the batch) note, per alarm, the first time the
  model shows each new signal count. Afterwards each (batch, alarm) is matched: a new alarm is seen
  when it first appears in the model, a join when the model's ``signal_count`` reaches the count
  expected after that batch. latency = seen - commit. After the flood the GUI gets ``--drain``
  seconds (2) to show what is still on its way; what it never shows is counted as ``never seen``.

How to read the output
----------------------
- ``stall max`` / ``stall p99``: in ms; max is the figure the issue targets (< 50 ms). An
  operator notices a frozen window from about 100 ms.
- ``latency p50 / p99 / max``: commit-to-model in ms, per (batch, alarm). With polling, the
  floor is the poll interval: a change committed just after a poll waits up to ``--poll-ms``, so
  p99 ~ poll interval + poll duration + model update. p99 is the target (< 100 ms); with a
  300 ms poll it cannot be met whatever the speed of the code, hence the console's 50 ms
  (on PostgreSQL, the LISTEN/NOTIFY push channel comes first; not measured here).
- ``never seen`` must be 0, otherwise the latency figures are meaningless (rows lost).
- ``full (gen-2) GC passes``: Python's garbage collections of the oldest generation during the
  flood, timed with ``gc.callbacks``, and which thread triggered them. A pass scans every tracked
  object (thousands of ``Alarm`` values, ORM state, Qt wrappers) while holding the GIL, so it
  freezes the GUI thread even when the LiveFeed's worker triggered it; the line says how many of
  the stalls over the target overlapped one. ``--gc-freeze`` is a what-if: ``gc.freeze()`` once the
  snapshot is loaded (the console does not do it today), to see the stalls without those passes.
- ``GUI thread during the stalls``: the kernel's account (``/proc/thread-self/schedstat``) of the
  GUI thread over the stalls of 50 ms or more: on a CPU (its own work: painting, slots), waiting
  for a CPU (other processes: on a shared machine, the load), or neither (blocked: mostly waiting
  for the interpreter lock another thread holds). Say which before changing code.
- ``--event-times``: every event the GUI thread handles at the top level, timed by type and
  receiver (an ``UpdateRequest`` to a window is its repaint), plus the paints of each widget and
  the longest events. Its Python ``notify`` takes the interpreter lock at every event, so small
  events look slower than they are under contention: compare between runs, not with the target.
- ``--writer-process``: a what-if, the writer in a spawned process of its own (as a receiver run
  apart from the console would be): what the console's thread costs the GUI thread in
  interpreter-lock waits is the difference with a plain run.
- ``--switch-interval-ms``: a what-if on ``sys.setswitchinterval`` (how long a thread waiting
  for the interpreter lock lets the holder run before asking for it), instead of the 1 ms the
  workstation sets (``GUI_SWITCH_INTERVAL_S``); 5 is Python's default.
- The writer is a thread of this process, so it competes with the GUI thread for the GIL, as the
  LiveFeed's worker thread does; in production the receiver is another process. ``writer busy``
  says what share of the time it spent in ``ingest``.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_flood.py [--duration 30] [--alarms 5000]
[--rate 200] [--poll-ms 50] [--open-every-ms 500] [--gc-freeze] [--event-times] [--json FILE]``.
The JSON also holds the long stalls' (start, end) in ``time.perf_counter()`` (CLOCK_MONOTONIC) and
the GUI thread's native id, to match them with ``perf record -k CLOCK_MONOTONIC`` samples. Exit status 1 when a target is missed or a signal
never reached the model.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import multiprocessing
import os
import platform
import random
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from console.domain.alarm import Alarm, Operator, Role
from console.domain.signals import Signal, contact_id_signal
from console.services.alarm_desk import AlarmDesk
from console.services.queue_feed import QueueFeed, SiteDesk
from console.storage import migrate
from console.storage.engine import Database
from console.storage.operators import add_operator
from console.storage.sites import add_transmitter, ensure_site
from console.views.workstation import Workstation

SPARE_SITES = 200  # at least: sites with a transmitter but no open alarm (the 5 200 sites)
SETUP_BATCH = 500
ACCOUNT_BASE = 0xF00000  # site accounts: F00000 + n
NEW_SHARE = 0.10  # share of flood signals raising a new alarm (on a quiet site); the rest join open ones


def spare_sites(rate: int, duration: float) -> int:
    """Quiet sites enough for every new alarm of the flood to open on its own site. (Accounts of no
    site no longer do: unknown-account traffic is aggregated into one alarm per source.)"""
    return max(SPARE_SITES, math.ceil(rate * duration * NEW_SHARE * 1.2) + 50)


TICK_MS = 10
STALL_TARGET_MS = 50.0
LATENCY_TARGET_MS = 100.0
SNAPSHOT_TIMEOUT_S = 300.0
BURGLARY = 130


def account_of(n: int) -> str:
    return f"{ACCOUNT_BASE + n:X}"


def burglary(account: str, zone: int = 1) -> Signal:
    return contact_id_signal(
        received_at=datetime.now(UTC),
        account=account,
        qualifier=1,
        code=BURGLARY,
        partition=1,
        zone=zone,
        line="1",
        raw=f'"ADM-CID"0001L1#{account}[#{account}|1{BURGLARY:03d}01 {zone:03d}]',
    )


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile; NaN when there are no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


# --------------------------------------------------------------------------------------------
# Set-up
# --------------------------------------------------------------------------------------------


@dataclass
class Setup:
    db: Database
    operator: Operator
    alarm_of_site: list[int]  # alarm id per site index (first `alarms` sites)
    seconds: float


def build_database(workdir: Path, alarms: int, spare: int) -> Setup:
    started = time.perf_counter()
    db = Database.from_url(f"sqlite:///{workdir / 'flood.sqlite'}")
    migrate.upgrade(db.engine)
    sites = alarms + spare
    for first in range(0, sites, 1000):
        with db.write() as session:
            for n in range(first, min(first + 1000, sites)):
                site, _ = ensure_site(session, f"S-{n:05d}", f"Site {n}")
                add_transmitter(session, site, account_of(n), line="1")
    with db.write() as session:
        operator = add_operator(session, "bench", "Bench", "secret-bench", Role.OPERATOR)
    desk = AlarmDesk(db)
    alarm_of_site: list[int] = []
    for first in range(0, alarms, SETUP_BATCH):
        result = desk.ingest(
            [burglary(account_of(n)) for n in range(first, min(first + SETUP_BATCH, alarms))]
        )
        alarm_of_site.extend(result.new_alarm_ids)
    if len(alarm_of_site) != alarms:
        raise RuntimeError(f"set-up opened {len(alarm_of_site)} alarms, expected {alarms}")
    return Setup(db, operator, alarm_of_site, time.perf_counter() - started)


# --------------------------------------------------------------------------------------------
# Writer thread
# --------------------------------------------------------------------------------------------


@dataclass
class Expectation:
    """After the batch committed at `committed`, alarm `alarm_id` must show `count` signals."""

    committed: float
    alarm_id: int
    count: int  # 0 for a new alarm: any appearance counts
    new: bool


@dataclass
class WriterLog:
    expectations: list[Expectation] = field(default_factory=list)
    batches: int = 0
    signals: int = 0
    new_alarms: int = 0
    joins: int = 0
    busy_s: float = 0.0
    late_batches: int = 0  # batches that started more than one period late
    error: str | None = None
    started: float = 0.0
    finished: float = 0.0


class Writer(threading.Thread):
    def __init__(self, db: Database, alarm_of_site: list[int], rate: int, per_second: int, duration: float):
        super().__init__(name="bench-writer", daemon=True)
        self._desk = AlarmDesk(db)
        self._alarm_of_site = alarm_of_site
        self._counts = dict.fromkeys(alarm_of_site, 1)
        self._period = 1.0 / per_second
        self._per_batch = max(1, round(rate / per_second))
        self._duration = duration
        self._random = random.Random(20261129)
        self._jitter = random.Random(1129)
        self._next_quiet = 0
        self.log = WriterLog()

    def run(self) -> None:
        log = self.log
        log.started = start = time.perf_counter()
        slot = start
        new_carry = 0.0
        try:
            while slot < start + self._duration:
                # Anywhere in its slot, at random: a batch period that divides the poll interval
                # would otherwise always meet the poll at the same phase and bias the latencies.
                due = slot + self._jitter.uniform(0.0, self._period)
                now = time.perf_counter()
                if now < due:
                    time.sleep(due - now)
                elif now - due > self._period:
                    log.late_batches += 1
                new_carry += self._per_batch * NEW_SHARE
                new_here = int(new_carry)
                new_carry -= new_here
                self._one_batch(new_here)
                slot += self._period
        except Exception as exc:  # reported, not raised: the GUI side must still finish
            log.error = f"{type(exc).__name__}: {exc}"
        log.finished = time.perf_counter()

    def _one_batch(self, new_here: int) -> None:
        signals: list[Signal] = []
        joined: list[int] = []
        for i in range(self._per_batch):
            if i < new_here:
                signals.append(burglary(account_of(len(self._alarm_of_site) + self._next_quiet)))
                self._next_quiet += 1  # a quiet site's first alarm
            else:
                site = self._random.randrange(len(self._alarm_of_site))
                signals.append(burglary(account_of(site)))
                joined.append(self._alarm_of_site[site])
        self._random.shuffle(signals)
        began = time.perf_counter()
        result = self._desk.ingest(signals)
        committed = time.perf_counter()
        log = self.log
        log.busy_s += committed - began
        log.batches += 1
        log.signals += len(signals)
        for alarm_id in joined:
            self._counts[alarm_id] += 1
        for alarm_id in dict.fromkeys(joined):
            log.expectations.append(Expectation(committed, alarm_id, self._counts[alarm_id], False))
        for alarm_id in result.new_alarm_ids:
            log.expectations.append(Expectation(committed, alarm_id, 0, True))
        log.new_alarms += len(result.new_alarm_ids)
        log.joins += len(joined)
        unexpected = set(result.updated_alarm_ids) - set(joined)
        if len(result.new_alarm_ids) != new_here or unexpected:
            raise RuntimeError(
                f"batch did not do what was planned: {len(result.new_alarm_ids)} new alarms "
                f"(planned {new_here}), updated {sorted(unexpected)} unexpectedly"
            )


def _write_in_child(
    url: str, alarm_of_site: list[int], rate: int, per_second: int, duration: float, conn: Connection
) -> None:
    """`--writer-process`: the writer's loop in a process of its own (its own interpreter lock)."""
    db = Database.from_url(url)
    writer = Writer(db, alarm_of_site, rate, per_second, duration)
    conn.send("ready")
    conn.recv()  # go
    writer.run()
    conn.send(writer.log)
    db.dispose()


class WriterProcess:
    """The writer in a spawned child process, as a receiver in its own process would be: the same
    batches, commit times on the same clock (perf_counter is CLOCK_MONOTONIC, system-wide)."""

    def __init__(self, url: str, alarm_of_site: list[int], rate: int, per_second: int, duration: float):
        context = multiprocessing.get_context("spawn")  # never fork a process running Qt
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_write_in_child,
            args=(url, alarm_of_site, rate, per_second, duration, child),
            name="bench-writer",
            daemon=True,
        )
        self._process.start()
        self._ready = False
        self._log: WriterLog | None = None

    def ready(self) -> bool:
        if not self._ready and self._conn.poll():
            self._ready = self._conn.recv() == "ready"
        return self._ready

    def start(self) -> None:
        self._conn.send("go")

    def is_alive(self) -> bool:
        if self._log is None and self._conn.poll():
            self._log = self._conn.recv()
            self._process.join()
        return self._log is None and self._process.is_alive()

    @property
    def log(self) -> WriterLog:
        if self._log is None:
            return WriterLog(error="the writer process died")
        return self._log


# --------------------------------------------------------------------------------------------
# GUI-side probes
# --------------------------------------------------------------------------------------------


class StallSampler(threading.Thread):
    """`--stall-stacks`: while the GUI thread has not ticked for 30 ms, note where it is (its
    innermost frames in console/ or PySide6 calls), every 5 ms; the report lists the places seen
    most. A sampling profiler's poor cousin, for machines without py-spy."""

    def __init__(self, probe: StallProbe, gui_thread: int) -> None:
        super().__init__(name="bench-stall-sampler", daemon=True)
        self.probe = probe
        self.gui_thread = gui_thread
        self.samples: Counter[str] = Counter()
        self.running = True

    def run(self) -> None:
        while self.running:
            time.sleep(0.005)
            last = self.probe._last
            if last is None or time.perf_counter() - last < 0.030:
                continue
            frame = sys._current_frames().get(self.gui_thread)
            places: list[str] = []
            while frame is not None and len(places) < 4:
                name = frame.f_code.co_filename
                if "/console/" in name or "/bench/" in name:
                    places.append(f"{Path(name).name}:{frame.f_lineno} {frame.f_code.co_name}")
                frame = frame.f_back
            self.samples[" < ".join(places) or "(in Qt, no Python frame)"] += 1


class StallProbe:
    """A 10 ms timer; the gaps between its timeouts, minus 10 ms, are the event loop's stalls."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.stalls_ms: list[float] = []
        self.long_stalls: list[tuple[float, float]] = []  # (start, end) of stalls >= the target
        # Of each long stall: (wall, on CPU, waiting for a CPU) in ms, from the kernel's schedstat
        # of the GUI thread; the rest of the wall time the thread was blocked (the interpreter
        # lock, a mutex, I/O), not running and not preempted.
        self.long_split: list[tuple[float, float, float]] = []
        self._last: float | None = None
        self._sched_fd: int | None = None
        self._sched: tuple[int, int] = (0, 0)

    def _schedstat(self) -> tuple[int, int]:
        """(ns on CPU, ns runnable but waiting for a CPU) of the thread that opened the file."""
        if self._sched_fd is None:
            return (0, 0)
        fields = os.pread(self._sched_fd, 64, 0).split()
        return int(fields[0]), int(fields[1])

    def start(self) -> None:
        if self._sched_fd is None and os.path.exists("/proc/thread-self/schedstat"):
            self._sched_fd = os.open("/proc/thread-self/schedstat", os.O_RDONLY)  # the GUI thread's
        self._sched = self._schedstat()
        self._last = time.perf_counter()
        self.stalls_ms = []
        self.timer.start()

    def restart_window(self) -> list[float]:
        """Hand back the stalls so far and start a new window."""
        done, self.stalls_ms = self.stalls_ms, []
        return done

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.restart_window()

    def _tick(self) -> None:
        now = time.perf_counter()
        sched = self._schedstat()
        if self._last is not None:
            stall = max(0.0, (now - self._last) * 1000 - TICK_MS)
            self.stalls_ms.append(stall)
            if stall >= STALL_TARGET_MS:
                self.long_stalls.append((self._last, now))
                cpu, runq = ((b - a) / 1e6 for a, b in zip(self._sched, sched, strict=True))
                self.long_split.append(((now - self._last) * 1000, cpu, runq))
        self._sched = sched
        self._last = now


@dataclass(frozen=True)
class GcPass:
    start: float
    ms: float
    generation: int
    thread: str


class GcProbe:
    """Times the interpreter's garbage collections (any thread: a pass holds the GIL, so it stalls
    the GUI thread whichever thread triggered it)."""

    def __init__(self) -> None:
        self.passes: list[GcPass] = []
        self._started = 0.0

    def __enter__(self) -> GcProbe:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *_exc: object) -> None:
        gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._started = now
        else:
            ms = (now - self._started) * 1000
            self.passes.append(GcPass(self._started, ms, info["generation"], threading.current_thread().name))

    def between(self, start: float, end: float) -> list[GcPass]:
        return [p for p in self.passes if start <= p.start <= end]


class ModelWatcher:
    """Notes, per alarm, the first time the model showed each signal count."""

    def __init__(self, station: Workstation) -> None:
        self.model = station.model
        self.seen: dict[int, list[tuple[int, float]]] = {}  # alarm id -> [(count, first seen at)]
        self._last_count: dict[int, int] = {}
        self.active = False
        self.model.rowsInserted.connect(self._on_rows)
        self.model.dataChanged.connect(self._on_data_changed)
        station.live_feed.alarms_changed.connect(self._on_alarms_changed)

    def _note(self, alarm: Alarm | None, at: float) -> None:
        if alarm is None or self._last_count.get(alarm.id) == alarm.signal_count:
            return
        self._last_count[alarm.id] = alarm.signal_count
        self.seen.setdefault(alarm.id, []).append((alarm.signal_count, at))

    def _on_rows(self, parent: QModelIndex, first: int, last: int) -> None:
        if not self.active:
            return
        at = time.perf_counter()
        for row in range(first, last + 1):
            self._note(self.model.alarm_at(row), at)

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles: object) -> None:
        if not self.active or bottom_right.row() - top_left.row() > 50:
            return  # the clock column's repaint of every row: no new state there
        at = time.perf_counter()
        for row in range(top_left.row(), bottom_right.row() + 1):
            self._note(self.model.alarm_at(row), at)

    def _on_alarms_changed(self, alarms: list[Alarm]) -> None:
        if not self.active:
            return
        at = time.perf_counter()
        for alarm in alarms:
            self._note(self.model.alarm(alarm.id), at)

    def first_seen(self, expectation: Expectation) -> float | None:
        for count, at in self.seen.get(expectation.alarm_id, ()):
            if expectation.new or count >= expectation.count:
                return at
        return None


class SiteSwitcher:
    """The operator going from alarm to alarm on the second screen during the flood: every
    `every_ms` a random open alarm is opened in the site window; notes how long each takes to be
    drawn (request to `show_alarm` of its record), which includes the site feed's read."""

    def __init__(self, station: Workstation, every_ms: int, seed: int = 7) -> None:
        self.station = station
        self.rng = random.Random(seed)
        self.asked: dict[int, float] = {}
        self.open_ms: list[float] = []
        self.opened = 0
        self.timer = QTimer()
        self.timer.setObjectName("bench_site_switch")
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self._switch)
        station.site_feed.record_loaded.connect(self._on_loaded)

    def start(self) -> None:
        if self.timer.interval() > 0:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _switch(self) -> None:
        count = self.station.model.rowCount()
        if not count:
            return
        alarm = self.station.model.alarm_at(self.rng.randrange(count))
        if alarm is None:
            return
        self.asked.setdefault(alarm.id, time.perf_counter())
        self.opened += 1
        self.station.open_alarm(alarm)

    def _on_loaded(self, record: Any) -> None:
        asked = self.asked.pop(record.alarm.id, None)
        if asked is not None:
            self.open_ms.append((time.perf_counter() - asked) * 1000)


class TimedApplication(QApplication):
    """`--event-times`: times every event delivered at the top level (not nested in another), by
    event type and receiver, to tell which paint or slot makes a stall. Costs a Python call per
    event, so its own figures are a little slower than a plain run's."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.depth = 0
        self.spent: defaultdict[str, float] = defaultdict(float)  # ms per (event, receiver), top level
        self.cpu: defaultdict[str, float] = defaultdict(float)  # of which the GUI thread on a CPU
        self.count: Counter[str] = Counter()
        self.longest: list[tuple[float, str]] = []  # (ms, what) of top-level events over 20 ms
        self.painted: defaultdict[str, float] = defaultdict(float)  # ms per widget painted, nested too
        self.active = False

    def notify(self, receiver: Any, event: Any) -> bool:
        if not self.active or self.depth:
            if self.active and event.type() == QEvent.Type.Paint:  # a widget painted within an update
                began = time.perf_counter()
                self.depth += 1
                try:
                    return bool(super().notify(receiver, event))
                finally:
                    self.depth -= 1
                    what = f"paint {_describe(receiver)}"
                    self.painted[what] += (time.perf_counter() - began) * 1000
                    self.count[what] += 1
            self.depth += 1
            try:
                return bool(super().notify(receiver, event))
            finally:
                self.depth -= 1
        self.depth += 1
        began, began_cpu = time.perf_counter(), time.thread_time()
        try:
            return bool(super().notify(receiver, event))
        finally:
            self.depth -= 1
            ms = (time.perf_counter() - began) * 1000
            what = f"{event.type().name} -> {_describe(receiver)}"
            self.spent[what] += ms
            self.cpu[what] += (time.thread_time() - began_cpu) * 1000
            self.count[what] += 1
            if ms >= 20:
                self.longest.append((ms, what))


def _describe(receiver: Any) -> str:
    """A receiver named by its class and the first object name up its parents."""
    name, node = "", receiver
    while node is not None and (not name or name.startswith("qt_")):
        name = node.objectName() if hasattr(node, "objectName") else ""
        node = node.parent() if hasattr(node, "parent") else None
    return f"{type(receiver).__name__}({name})"


def wait_until(app: QApplication, condition: Any, timeout_s: float) -> bool:
    """Run the event loop until `condition()` is true (checked every 10 ms) or the timeout."""
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    check = QTimer()
    check.setInterval(TICK_MS)

    def _check() -> None:
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    check.timeout.connect(_check)
    check.start()
    if not condition():
        loop.exec()
    check.stop()
    return bool(condition())


# --------------------------------------------------------------------------------------------
# Run
# --------------------------------------------------------------------------------------------


def run(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    spare = spare_sites(args.rate, args.duration)
    print(f"set-up: {args.alarms + spare} sites, {args.alarms} open alarms ...", flush=True)
    setup = build_database(workdir, args.alarms, spare)
    print(f"set-up done in {setup.seconds:.1f} s", flush=True)
    db = setup.db
    operator = setup.operator

    app = QApplication.instance() or (
        TimedApplication(sys.argv[:1]) if args.event_times else QApplication(sys.argv[:1])
    )
    assert isinstance(app, QApplication)
    settings = QSettings(str(workdir / "console.ini"), QSettings.Format.IniFormat)
    station = Workstation(
        AlarmDesk(db), QueueFeed(db), SiteDesk(db), operator, settings, poll_interval_ms=args.poll_ms
    )
    watcher = ModelWatcher(station)
    gc_probe = GcProbe().__enter__()
    probe = StallProbe()
    sampler = StallSampler(probe, threading.get_ident()) if args.stall_stacks else None
    if sampler is not None:
        sampler.start()
    probe.start()
    shown = time.perf_counter()
    station.show()
    if args.switch_interval_ms is not None:  # what-if: instead of the console's own
        sys.setswitchinterval(args.switch_interval_ms / 1000)
    loaded = wait_until(app, lambda: station.model.rowCount() >= args.alarms, SNAPSHOT_TIMEOUT_S)
    snapshot_s = time.perf_counter() - shown
    if not loaded:
        raise RuntimeError(f"the model holds {station.model.rowCount()} rows after {snapshot_s:.0f} s")
    wait_until(app, lambda: False, 0.5)  # let the first paint of the full table settle
    if args.gc_freeze:  # what-if: the console moving what it has loaded out of the collector's sight
        gc.collect()
        gc.freeze()
    snapshot_stalls = probe.restart_window()
    print(f"initial snapshot: {args.alarms} rows in {snapshot_s * 1000:.0f} ms", flush=True)

    print(f"flood: {args.rate} signals/s for {args.duration:.0f} s (pid {os.getpid()}) ...", flush=True)
    writer: Writer | WriterProcess = (
        WriterProcess(
            db.engine.url.render_as_string(hide_password=False),
            setup.alarm_of_site,
            args.rate,
            args.batches,
            args.duration,
        )
        if args.writer_process
        else Writer(db, setup.alarm_of_site, args.rate, args.batches, args.duration)
    )
    if isinstance(writer, WriterProcess) and not wait_until(app, writer.ready, 60):
        raise RuntimeError("the writer process did not start")
    switcher = SiteSwitcher(station, args.open_every_ms)
    watcher.active = True
    probe.restart_window()
    probe.long_stalls = []
    probe.long_split = []
    flood_start = time.perf_counter()
    if isinstance(app, TimedApplication):
        app.active = True
    writer.start()
    switcher.start()
    wait_until(app, lambda: not writer.is_alive(), args.duration + 120)
    switcher.stop()
    flood_stalls = probe.restart_window()
    flood_end = time.perf_counter()
    long_stalls = list(probe.long_stalls)
    long_split = list(probe.long_split)
    log = writer.log

    def all_seen() -> bool:
        return all(watcher.first_seen(e) is not None for e in log.expectations[-200:])

    wait_until(app, all_seen, args.drain)
    if isinstance(app, TimedApplication):
        app.active = False
        flood_s = flood_end - flood_start
        print(f"GUI-thread time by top-level event during the flood ({flood_s:.0f} s), ms (on CPU):")
        for what, spent in sorted(app.spent.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {spent:8.0f} ({app.cpu[what]:6.0f})  {app.count[what]:6d}x  {what}")
        print("paint events by widget, ms:")
        for what, spent in sorted(app.painted.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {spent:8.0f}  {app.count[what]:6d}x  {what}")
        print("longest events (ms):")
        for spent, what in sorted(app.longest, reverse=True)[:15]:
            print(f"  {spent:6.1f}  {what}")
    probe.stop()
    if sampler is not None:
        sampler.running = False
        print("where the GUI thread was during stalls (5 ms samples):")
        for place, count in sampler.samples.most_common(12):
            print(f"  {count:5d}  {place}")
    gc_probe.__exit__()
    if args.gc_freeze:
        gc.unfreeze()
    watcher.active = False
    rows_after = station.model.rowCount()
    station.shutdown()
    db.dispose()

    latencies: list[float] = []
    new_latencies: list[float] = []
    join_latencies: list[float] = []
    never = 0
    for expectation in log.expectations:
        at = watcher.first_seen(expectation)
        if at is None:
            never += 1
            continue
        ms = max(0.0, (at - expectation.committed) * 1000)
        latencies.append(ms)
        (new_latencies if expectation.new else join_latencies).append(ms)

    window = max(1e-9, log.finished - log.started)
    full_passes = [p for p in gc_probe.between(flood_start, flood_end) if p.generation == 2]
    stalls_in_gc = sum(
        1
        for begin, end in long_stalls
        if any(p.start < end and p.start + p.ms / 1000 > begin for p in full_passes)
    )
    result: dict[str, Any] = {
        "config": {
            "alarms": args.alarms,
            "sites": args.alarms + spare,
            "rate": args.rate,
            "batches_per_s": args.batches,
            "duration_s": args.duration,
            "poll_interval_ms": args.poll_ms,
            "new_share": NEW_SHARE,
            "gc_freeze": args.gc_freeze,
            "writer_process": args.writer_process,
            "switch_interval_ms": sys.getswitchinterval() * 1000,
            "database": "SQLite (WAL, synchronous=FULL), temp dir",
        },
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
        },
        "setup_s": setup.seconds,
        "snapshot_ms": snapshot_s * 1000,
        "snapshot_stall_max_ms": max(snapshot_stalls, default=math.nan),
        "writer": {
            "batches": log.batches,
            "signals": log.signals,
            "signals_per_s": log.signals / window,
            "new_alarms": log.new_alarms,
            "joins": log.joins,
            "busy_pct": 100 * log.busy_s / window,
            "mean_ingest_ms": 1000 * log.busy_s / max(1, log.batches),
            "late_batches": log.late_batches,
            "error": log.error,
        },
        "stall_ms": {
            "max": max(flood_stalls, default=math.nan),
            "p99": percentile(flood_stalls, 99),
            "p50": percentile(flood_stalls, 50),
            "ticks": len(flood_stalls),
            "over_50": sum(1 for s in flood_stalls if s >= STALL_TARGET_MS),
        },
        "long_stalls_split": {  # the GUI thread's time during the stalls >= the target, summed
            "wall_ms": sum(w for w, _c, _r in long_split),
            "cpu_ms": sum(c for _w, c, _r in long_split),
            "runqueue_ms": sum(r for _w, _c, r in long_split),
        },
        "gc_full_passes": {
            "count": len(full_passes),
            "max_ms": max((p.ms for p in full_passes), default=math.nan),
            "threads": sorted({p.thread for p in full_passes}),
            "long_stalls_during_one": stalls_in_gc,
        },
        "latency_ms": {
            "p50": percentile(latencies, 50),
            "p99": percentile(latencies, 99),
            "max": max(latencies, default=math.nan),
            "new_p99": percentile(new_latencies, 99),
            "join_p99": percentile(join_latencies, 99),
            "measured": len(latencies),
            "never_seen": never,
        },
        "site_window": {
            "opened": switcher.opened,
            "drawn": len(switcher.open_ms),
            "open_p50_ms": percentile(switcher.open_ms, 50),
            "open_p99_ms": percentile(switcher.open_ms, 99),
            "open_max_ms": max(switcher.open_ms, default=math.nan),
            "every_ms": args.open_every_ms,
        },
        "long_stalls": [[begin, end] for begin, end in long_stalls],  # perf_counter (CLOCK_MONOTONIC)
        "gui_thread_native_id": threading.get_native_id(),
        "rows_after": rows_after,
        "rows_expected": args.alarms + log.new_alarms,
    }
    stall_ok = result["stall_ms"]["max"] < STALL_TARGET_MS
    latency_ok = result["latency_ms"]["p99"] < LATENCY_TARGET_MS and never == 0
    result["targets"] = {
        "stall_max_ms": STALL_TARGET_MS,
        "latency_p99_ms": LATENCY_TARGET_MS,
        "stall_met": stall_ok,
        "latency_met": latency_ok,
    }
    return result


def _no_nan(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_nan(v) for v in value]
    return value


def print_report(result: dict[str, Any]) -> None:
    cfg, w, s, lat = result["config"], result["writer"], result["stall_ms"], result["latency_ms"]
    targets = result["targets"]

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    print()
    print(
        f"Vigie UI flood: {cfg['alarms']} open alarms, {cfg['rate']} signals/s for {cfg['duration_s']:.0f} s, "
        f"poll every {cfg['poll_interval_ms']} ms ({result['machine']['cpus']} CPUs, "
        f"Python {result['machine']['python']})"
    )
    print(
        f"  set-up {result['setup_s']:.1f} s; initial snapshot {result['snapshot_ms']:.0f} ms "
        f"(longest stall meanwhile {result['snapshot_stall_max_ms']:.0f} ms)"
    )
    print(
        f"  writer: {w['signals']} signals in {w['batches']} batches ({w['signals_per_s']:.0f}/s), "
        f"{w['new_alarms']} new alarms, {w['joins']} joins; ingest {w['mean_ingest_ms']:.1f} ms/batch, "
        f"busy {w['busy_pct']:.0f} %, late batches {w['late_batches']}"
    )
    g = result["gc_full_passes"]
    print(
        f"  full (gen-2) GC passes during the flood: {g['count']}, longest {g['max_ms']:.0f} ms, "
        f"triggered by {', '.join(g['threads']) or '-'}; stalls >= {STALL_TARGET_MS:.0f} ms overlapping one: "
        f"{g['long_stalls_during_one']} of {result['stall_ms']['over_50']}"
        + ("  [--gc-freeze: heap frozen after the snapshot]" if cfg["gc_freeze"] else "")
    )
    split = result["long_stalls_split"]
    if split["wall_ms"] > 0:
        wall = split["wall_ms"]
        blocked = max(0.0, wall - split["cpu_ms"] - split["runqueue_ms"])
        print(
            f"  GUI thread during the stalls >= {STALL_TARGET_MS:.0f} ms ({wall:.0f} ms in all): on CPU "
            f"{100 * split['cpu_ms'] / wall:.0f} %, waiting for a CPU {100 * split['runqueue_ms'] / wall:.0f} %, "
            f"blocked (interpreter lock, I/O) {100 * blocked / wall:.0f} %"
        )
    if w["error"]:
        print(f"  WRITER FAILED: {w['error']}")
    print(f"  rows in the model at the end: {result['rows_after']} (expected {result['rows_expected']})")
    print()
    header = f"  {'figure':<28}{'value':>12}  {'target':>10}  verdict"
    print(header)
    print("  " + "-" * (len(header) - 2))
    rows: list[tuple[str, float | int, str, str]] = [
        ("event-loop stall max (ms)", s["max"], f"< {STALL_TARGET_MS:.0f}", verdict(targets["stall_met"])),
        ("event-loop stall p99 (ms)", s["p99"], "", ""),
        ("stalls >= 50 ms (count)", s["over_50"], "", ""),
        ("signal-to-row p50 (ms)", lat["p50"], "", ""),
        ("signal-to-row p99 (ms)", lat["p99"], f"< {LATENCY_TARGET_MS:.0f}", verdict(targets["latency_met"])),
        ("signal-to-row max (ms)", lat["max"], "", ""),
        ("  new alarms p99 (ms)", lat["new_p99"], "", ""),
        ("  joins p99 (ms)", lat["join_p99"], "", ""),
        ("(batch, alarm) measured", lat["measured"], "", ""),
        ("never seen", lat["never_seen"], "0", "met" if lat["never_seen"] == 0 else "MISSED"),
        ("site windows opened", result["site_window"]["opened"], "", ""),
        ("site window drawn p50 (ms)", result["site_window"]["open_p50_ms"], "", ""),
        ("site window drawn p99 (ms)", result["site_window"]["open_p99_ms"], "", ""),
    ]
    for name, value, target, ok in rows:
        shown = f"{value:>12d}" if isinstance(value, int) else f"{value:>12.1f}"
        print(f"  {name:<28}{shown}  {target:>10}  {ok}".rstrip())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Event-loop stalls and signal-to-row latency of the console under a signal flood.",
    )
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of flood (30)")
    parser.add_argument("--alarms", type=int, default=5000, help="open alarms before the flood (5000)")
    parser.add_argument("--rate", type=int, default=200, help="signals per second (200)")
    parser.add_argument("--batches", type=int, default=10, help="write transactions per second (10)")
    parser.add_argument(
        "--poll-ms", type=int, default=50, help="LiveFeed poll interval in ms (50, the console's default)"
    )
    parser.add_argument("--drain", type=float, default=2.0, help="seconds allowed after the flood (2)")
    parser.add_argument(
        "--stall-stacks", action="store_true", help="sample where the GUI thread is during stalls"
    )
    parser.add_argument(
        "--open-every-ms",
        type=int,
        default=500,
        help="open a random alarm in the site window this often during the flood, 0 for never (500)",
    )
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="what-if: gc.freeze() after the snapshot (not what the console does today)",
    )
    parser.add_argument(
        "--writer-process",
        action="store_true",
        help="what-if: the writer in a process of its own instead of a thread of the console's",
    )
    parser.add_argument(
        "--event-times", action="store_true", help="time the GUI thread's events by type and receiver"
    )
    parser.add_argument(
        "--switch-interval-ms",
        type=float,
        help="what-if: sys.setswitchinterval instead of the console's (1 ms; Python's default is 5 ms)",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--workdir", type=Path, help="keep the database and settings here (default: temp dir)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        result = run(args, args.workdir)
    else:
        with tempfile.TemporaryDirectory(prefix="vigie-ui-flood-") as tmp:
            result = run(args, Path(tmp))
    print_report(result)
    if args.json is not None:
        args.json.write_text(json.dumps(_no_nan(result), indent=2, allow_nan=False) + "\n", "utf-8")
        print(f"figures written to {args.json}")
    ok = result["targets"]["stall_met"] and result["targets"]["latency_met"] and not result["writer"]["error"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: Vigie's DC-09 receiver against pysiaalarm's, plain and AES-128, on loopback TCP.

What it measures
----------------
Five targets, one after the other, each a receiver running in its own process (the fifth,
``vigie-attack``, is ``vigie-plain`` while ``bench/attackers.py`` floods it from 127.0.0.2 and
127.0.0.3 with garbage and frames of ever new unregistered accounts; its figures are printed
beside the quiet run's, with how the attack was shaped and the receiver's own counters of what it
refused):

1. ``vigie-plain``: ``python -m console receive --db sqlite:///TMP/plain/bench.sqlite --listen
   127.0.0.1:0``, with 50 accounts (line 1, no key) registered beforehand by ``python -m console
   accounts add``. Vigie commits every signal to SQLite (WAL, synchronous=FULL) before its ACK.
2. ``vigie-aes``: the same with each account registered with an AES-128 key.
3. ``pysiaalarm-plain``: ``pysiaalarm.aio.SIAClient`` (the receiver Home Assistant uses) on
   127.0.0.1 with the same 50 ``SIAAccount`` and an async callback that does nothing. It answers
   before handing the event to the callback and persists nothing.
4. ``pysiaalarm-aes``: the same with the AES-128 key. pysiaalarm uses the key's ASCII text as the
   key bytes; Vigie is given the hex of those same bytes, so both decrypt the very same frames.

The load generator (this process, asyncio) opens 50 TCP connections, one account each, and keeps
exactly one frame in flight per connection: send, read the whole answer (up to CR), send the
next. Every frame is ``"ADM-CID"`` (``"*ADM-CID"`` for AES), sequence counting up per connection,
``R0`` (pysiaalarm writes the R field it received into its ACK, so it must be there) and ``L1``
(pysiaalarm requires L), data ``#ACCT|1130 01 ZZZ`` (burglary, zone varying) and the current UTC
time as timestamp (both receivers refuse one outside 40 s before / 20 s after their clock). Both
receivers get frames built by the same code for the same accounts and sequences; only the
timestamp and the random AES pad differ from run to run.

For each target: 1 s of warm-up (not counted), then ``--duration`` seconds (10 by default) during
which every answer read is classified (ACK with the frame's sequence, NAK, DUH, other, none within
2 s, connection closed) and each ACK's latency is timed with ``time.perf_counter`` from just
before the write to the end of the answer. A connection that times out or is closed is reopened.

How to read the output
----------------------
- ``msg/s``: ACKs read per second of the measured window. This is a closed loop (50 frames in
  flight, no more), so throughput and latency are tied: mean latency ~ 50 / msg/s (Little's law).
- ``p50`` / ``p99``: ACK latency percentiles in ms (nearest rank).
- ``non-ACK``: NAK + DUH + other + no answer + closed. It must be 0 for the run to be valid; the
  script exits with status 1 otherwise.
- ``srv CPU``: CPU time of the receiver process (all its threads) over the window, in % of one
  core; ``gen CPU`` the same for this load generator. On a 2-core machine the generator and the
  receiver share the cores, so a receiver at ~100 % is bound by its own Python code (GIL).
  ``other``: CPU used by every other process on the machine meanwhile (from /proc/stat); above
  15 % of a core the script warns that the figure is disturbed (rerun on a quiet machine).
- ``stored`` (Vigie only): rows in the ``signal`` table after the receiver stopped, to compare
  with ``ACKs total`` (every ACK read during the whole run, warm-up included); it must not be lower.
- Ratios Vigie/pysiaalarm of msg/s for plain and AES: above 1 means Vigie is faster, although it
  does strictly more work per frame (a durable commit before each ACK).

Usage: ``.venv/bin/python bench/receiver.py [--duration 10] [--json FILE] [--targets ...]``.
``--py-spy DIR`` also samples each receiver process, all threads, with py-spy (``.venv/bin/pip install
py-spy``) during its load, writes ``DIR/TARGET.txt`` (collapsed stacks, for flamegraph tools) and
prints, per thread, how busy it was and which functions dominate. cProfile is not used: it sees
only the main thread, and Vigie's storage work runs in its commit thread. Sampling slows the
receiver a little: use the figures of a run without ``--py-spy``.

Fairness of the attack run: in production the attackers are other machines; here they share the
receiver's 2 cores, so by default ``bench/attackers.py`` is paced to a stated hostile rate (4 MB/s
of garbage, 2000 unknown-account frames/s, 200 connection attempts/s per attacking address) rather
than to as fast as its own process runs; ``--attack-garbage-bytes-per-s``,
``--attack-unknown-frames-per-s`` and ``--attack-connects-per-s`` change it (0: unlimited). ``--pin``
puts the receiver (its threads and placement process) on CPU 0 and the load generator and the
attackers on CPU 1 (sched_setaffinity, as ``taskset`` does), for every target alike. Both are
printed with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import json
import math
import os
import platform
import random
import shutil
import signal
import socket
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.receiver.codec import build_frame, parse_response

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
LINE = "1"
RECEIVER = "0"
# 16 ASCII characters that are also hex digits, as Home Assistant's pysiaalarm setup requires;
# pysiaalarm uses their ASCII bytes as the AES-128 key, Vigie is given the hex of those bytes.
AES_KEY_TEXT = "A1B2C3D4E5F60718"
AES_KEY = AES_KEY_TEXT.encode("ascii")
ACCOUNT_BASE = 0x10001  # accounts 10001 .. 10032 (hex) for 50 connections
STARTUP_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 15.0
VERIFY_EVERY = 100  # fully parse (CRC, decryption) every Nth answer of a connection, and its first
EXIT_PORT_TAKEN = 3  # the pysiaalarm child could not listen: the parent retries on another port
DISTURBED_PCT = 15.0  # CPU % of one core used by other processes that makes a figure suspect
TARGETS = ("vigie-plain", "vigie-attack", "vigie-aes", "pysiaalarm-plain", "pysiaalarm-aes")
ATTACK_TARGET = "vigie-attack"  # vigie-plain's load, with bench/attackers.py flooding from other addresses
GARBAGE_PEER, UNKNOWN_PEER = "127.0.0.2", "127.0.0.3"  # as in bench/attackers.py
_PAD_ALPHABET = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in "|[]")


class BenchError(Exception):
    """Something did not start or stop as expected; worded for the person running the bench."""


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass
class Tally:
    """Answers of one target, counted over the measured window (``acks_total``: whole run)."""

    acks: int = 0
    naks: int = 0
    duhs: int = 0
    other: int = 0
    no_answer: int = 0
    closed: int = 0
    bad_ack: int = 0  # an ACK with the wrong sequence or that does not verify (CRC, decryption)
    acks_total: int = 0
    latencies: list[float] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)

    @property
    def non_ack(self) -> int:
        return self.naks + self.duhs + self.other + self.no_answer + self.closed + self.bad_ack

    def note(self, text: str) -> None:
        if len(self.examples) < 5:
            self.examples.append(text)


@dataclass
class Figures:
    target: str
    duration_s: float
    messages_per_s: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    acks: int
    non_ack: int
    naks: int
    duhs: int
    other: int
    no_answer: int
    closed: int
    bad_ack: int
    acks_total: int
    server_cpu_pct: float | None
    generator_cpu_pct: float
    other_cpu_pct: float | None  # every other process on the machine over the window
    stored_signals: int | None = None
    backlog: int | None = None  # Vigie: signals ACKed but not yet filed into alarms at the window's end
    examples: list[str] = field(default_factory=list)
    attack: dict[str, Any] | None = None  # vigie-attack: what the attackers did and what it left behind


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of already sorted values; NaN for none."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(fraction * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


# --------------------------------------------------------------------------------------------
# Load generator
# --------------------------------------------------------------------------------------------


def account_of(index: int) -> str:
    return f"{ACCOUNT_BASE + index:X}"


def _fast_pad(rng: random.Random) -> Callable[[int], str]:
    """Random printable pad, cheaper than the codec's default (secrets): the generator shares the CPU."""
    return lambda count: "".join(rng.choices(_PAD_ALPHABET, k=count))


class Window:
    """The measured window: answers read between ``start`` and ``end`` (perf_counter) count."""

    def __init__(self) -> None:
        self.start = float("inf")
        self.end = float("inf")
        self.stop_sending = float("inf")

    def counts(self, moment: float) -> bool:
        return self.start <= moment < self.end


async def _connect(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    reader, writer = await asyncio.open_connection(HOST, port)
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return reader, writer


def _close(writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(Exception):
        writer.close()


async def run_connection(
    index: int,
    port: int,
    key: bytes | None,
    window: Window,
    tally: Tally,
    ready: asyncio.Event,
    go: asyncio.Event,
    timeout_s: float,
) -> None:
    """One simulated panel: one account, one frame in flight, until the window's send deadline."""
    account = account_of(index)
    rng = random.Random(index)
    pad = _fast_pad(rng)
    reader, writer = await _connect(port)
    ready.set()
    await go.wait()
    sequence = 0
    answered = 0
    perf = time.perf_counter
    try:
        while perf() < window.stop_sending:
            sequence = sequence % 9999 + 1
            zone = sequence % 999 + 1
            frame = build_frame(
                "ADM-CID",
                sequence,
                account,
                f"#{account}|1130 01 {zone:03d}",
                receiver=RECEIVER,
                line=LINE,
                timestamp=datetime.now(UTC),
                key=key,
                pad=pad,
            )
            started = perf()
            try:
                writer.write(frame)
                answer = await asyncio.wait_for(reader.readuntil(b"\r"), timeout_s)
            except TimeoutError:
                if window.counts(perf()):
                    tally.no_answer += 1
                    tally.note(f"no answer within {timeout_s} s to {frame!r}")
                _close(writer)
                reader, writer = await _connect(port)
                continue
            except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as exc:
                if window.counts(perf()):
                    tally.closed += 1
                    tally.note(f"connection closed ({type(exc).__name__}) after {frame!r}")
                _close(writer)
                reader, writer = await _connect(port)
                continue
            finished = perf()
            answered += 1
            verdict = _classify(answer, sequence, key, full=answered == 1 or answered % VERIFY_EVERY == 0)
            if verdict == "ACK":
                tally.acks_total += 1
            if not window.counts(finished):
                continue
            if verdict == "ACK":
                tally.acks += 1
                tally.latencies.append(finished - started)
                continue
            if verdict == "NAK":
                tally.naks += 1
            elif verdict == "DUH":
                tally.duhs += 1
            elif verdict == "BAD_ACK":
                tally.bad_ack += 1
            else:
                tally.other += 1
            tally.note(f"{verdict}: sent {frame!r}, got {answer!r}")
    finally:
        _close(writer)


def _classify(answer: bytes, sequence: int, key: bytes | None, *, full: bool) -> str:
    """``ACK`` (right sequence), ``BAD_ACK``, ``NAK``, ``DUH`` or ``OTHER``.

    Cheap check by default (ID and echoed sequence); ``full`` also checks length, CRC and, for an
    encrypted ACK, that it decrypts with the account's key.
    """
    quote = answer.find(b'"')
    end = answer.find(b'"', quote + 1)
    if quote < 0 or end < 0:
        return "OTHER"
    answer_id = answer[quote + 1 : end].lstrip(b"*")
    if answer_id != b"ACK":
        return answer_id.decode("latin-1") if answer_id in (b"NAK", b"DUH") else "OTHER"
    if answer[end + 1 : end + 5] != b"%04d" % sequence:
        return "BAD_ACK"
    if full:
        try:
            response = parse_response(answer.strip(b"\n\r"), key)
        except Exception:
            return "BAD_ACK"
        if response.sequence != sequence or response.encrypted != (key is not None):
            return "BAD_ACK"
    return "ACK"


def _cpu_seconds(pid: int) -> float | None:
    """utime + stime of a process (all threads) and of its running descendants (Vigie's placement
    process), from /proc; None where there is no /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    for child in _children(pid):
        total += _cpu_seconds(child) or 0.0
    return total


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _machine_busy_seconds() -> float | None:
    """CPU seconds spent by the whole machine, all cores (not idle, not waiting for I/O)."""
    try:
        fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    except (OSError, ValueError, IndexError):
        return None
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class CpuUse:
    """CPU over the measured window, in % of one core."""

    server: float | None
    generator: float
    other: float | None
    attackers: float | None = None  # the attack process (vigie-attack), not counted in `other`


def _cpu_use(
    duration_s: float,
    server: tuple[float | None, float | None],
    generator: tuple[float, float],
    machine: tuple[float | None, float | None],
    attackers: tuple[float | None, float | None] = (None, None),
) -> CpuUse:
    def pct(seconds: float) -> float:
        return 100.0 * seconds / duration_s

    server_s = None if server[0] is None or server[1] is None else server[1] - server[0]
    generator_s = generator[1] - generator[0]
    attackers_s = None if attackers[0] is None or attackers[1] is None else attackers[1] - attackers[0]
    other = None
    if server_s is not None and machine[0] is not None and machine[1] is not None:
        other = max(0.0, pct(machine[1] - machine[0] - server_s - generator_s - (attackers_s or 0.0)))
    return CpuUse(
        None if server_s is None else pct(server_s),
        pct(generator_s),
        other,
        None if attackers_s is None else pct(attackers_s),
    )


async def generate_load(
    target: str,
    port: int,
    key: bytes | None,
    server_pid: int,
    *,
    attacker_pid: int | None = None,
    connections: int,
    warmup_s: float,
    duration_s: float,
    timeout_s: float,
) -> tuple[Tally, CpuUse]:
    """Run the load; the answers and the CPU use over the measured window."""
    tally = Tally()
    window = Window()
    go = asyncio.Event()
    readies = [asyncio.Event() for _ in range(connections)]
    tasks = [
        asyncio.create_task(
            run_connection(i, port, key, window, tally, readies[i], go, timeout_s), name=f"{target}-{i}"
        )
        for i in range(connections)
    ]
    try:
        all_ready: asyncio.Future[Any] = asyncio.ensure_future(asyncio.gather(*(r.wait() for r in readies)))
        watched: list[asyncio.Future[Any]] = [all_ready, *tasks]
        await asyncio.wait(watched, timeout=STARTUP_TIMEOUT_S, return_when=asyncio.FIRST_COMPLETED)
        all_ready.cancel()
        for task in tasks:
            if task.done():  # a connection ends before the start only by failing
                error = task.exception()
                raise BenchError(
                    f"{target}: cannot connect to {HOST}:{port}: {type(error).__name__}: {error}"
                )
        if not all(ready.is_set() for ready in readies):
            raise BenchError(f"{target}: {connections} connections not open after {STARTUP_TIMEOUT_S} s")
        now = time.perf_counter()
        window.start = now + warmup_s
        window.end = window.start + duration_s
        window.stop_sending = window.end
        go.set()
        await asyncio.sleep(max(0.0, window.start - time.perf_counter()))
        server_before, client_before, machine_before = (
            _cpu_seconds(server_pid),
            time.process_time(),
            _machine_busy_seconds(),
        )
        attackers_before = _cpu_seconds(attacker_pid) if attacker_pid is not None else None
        await asyncio.sleep(max(0.0, window.end - time.perf_counter()))
        server_after, client_after, machine_after = (
            _cpu_seconds(server_pid),
            time.process_time(),
            _machine_busy_seconds(),
        )
        attackers_after = _cpu_seconds(attacker_pid) if attacker_pid is not None else None
        # Connections stop sending at the window's end; give the last answers time to arrive.
        results = await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout_s + 5)
        for result in results:
            if isinstance(result, BaseException):
                raise BenchError(f"{target}: a connection failed: {type(result).__name__}: {result}")
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    cpu = _cpu_use(
        duration_s,
        (server_before, server_after),
        (client_before, client_after),
        (machine_before, machine_after),
        (attackers_before, attackers_after),
    )
    return tally, cpu


# --------------------------------------------------------------------------------------------
# Receivers as subprocesses
# --------------------------------------------------------------------------------------------


def _die_with_parent() -> None:
    """In the child before exec (Linux): SIGTERM it if the bench dies without its finally blocks."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def spawn_options(cpus: frozenset[int] | None = None) -> dict[str, Any]:
    """Options of a child process: it dies with the bench and, with `cpus`, runs on those CPUs only
    (its threads and children inherit it: the receiver's commit thread and placement process)."""
    if sys.platform != "linux":
        return {}
    if cpus is None:
        return {"preexec_fn": _die_with_parent}

    def prepare() -> None:
        _die_with_parent()
        os.sched_setaffinity(0, cpus)

    return {"preexec_fn": prepare}


@dataclass
class Server:
    target: str
    process: asyncio.subprocess.Process
    port: int
    log: Path


async def _run_checked(args: Sequence[str], what: str) -> None:
    process = await asyncio.create_subprocess_exec(
        *args, cwd=REPO, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, **spawn_options()
    )
    out, err = await process.communicate()
    if process.returncode != 0:
        detail = (err or out).decode("utf-8", "replace").strip().splitlines()
        raise BenchError(f"{what} failed (exit {process.returncode}): {detail[-1] if detail else '?'}")


async def prepare_vigie_db(
    directory: Path, key: bytes | None, connections: int, template: Path | None = None
) -> str:
    """A fresh database with the accounts registered through the command line; returns its URL.

    With `template` (a directory), the accounts are registered there once and its files copied
    for the next target with the same key (vigie-plain and vigie-attack): 50 `accounts add`
    processes take minutes on a busy machine.
    """
    if template is not None:
        if not (template / "bench.sqlite").exists():
            await prepare_vigie_db(template, key, connections)
        directory.mkdir(parents=True, exist_ok=True)
        for file in template.glob("bench*"):
            shutil.copy2(file, directory / file.name)
        return f"sqlite:///{directory / 'bench.sqlite'}"
    directory.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{directory / 'bench.sqlite'}"
    await _run_checked([sys.executable, "-m", "console", "db", "init", "--db", url], f"vigie db init {url}")
    limit = asyncio.Semaphore(max(2, os.cpu_count() or 2))

    async def add(index: int) -> None:
        args = [sys.executable, "-m", "console", "accounts", "add", "--db", url]
        args += ["--site", f"BENCH{index + 1:02d}", "--account", account_of(index), "--line", LINE]
        if key is not None:
            args += ["--aes-key", key.hex().upper()]
        async with limit:
            await _run_checked(args, f"vigie accounts add {account_of(index)}")

    await asyncio.gather(*(add(i) for i in range(connections)))
    return url


async def _wait_listening(process: asyncio.subprocess.Process, log: Path, what: str) -> int:
    """Port from the ``listening on tcp HOST:PORT`` line; BenchError with the log's tail otherwise."""
    assert process.stdout is not None
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while True:
        remaining = deadline - time.monotonic()
        try:
            line = await asyncio.wait_for(process.stdout.readline(), max(0.1, remaining))
        except TimeoutError:
            raise BenchError(f"{what} did not say 'listening on tcp' within {STARTUP_TIMEOUT_S} s") from None
        if not line:
            await process.wait()
            tail = log.read_text("utf-8", "replace").strip().splitlines()[-5:] if log.exists() else []
            detail = "\n  ".join(tail) or "(no output)"
            raise BenchError(f"{what} exited with status {process.returncode} before listening:\n  {detail}")
        text = line.decode("utf-8", "replace").strip()
        if text.startswith("listening on tcp "):
            return int(text.rpartition(":")[2])


async def start_vigie(
    target: str, url: str, workdir: Path, placement: str | None = None, cpus: frozenset[int] | None = None
) -> Server:
    log = workdir / f"{target}.log"
    args = [sys.executable, "-m", "console", "receive", "--db", url, "--listen", f"{HOST}:0"]
    if placement:
        args += ["--placement", placement]
    with log.open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            *args, cwd=REPO, stdout=asyncio.subprocess.PIPE, stderr=stderr, **spawn_options(cpus)
        )
    server = Server(target, process, 0, log)
    try:
        server.port = await _wait_listening(process, log, f"{target} (`{' '.join(args[1:])}`)")
    except BaseException:
        await stop_server(server)
        raise
    return server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


async def start_pysiaalarm(
    target: str, key_text: str | None, connections: int, workdir: Path, cpus: frozenset[int] | None = None
) -> Server:
    """pysiaalarm in its own process, on a port found free just before (retried if taken since)."""
    log = workdir / f"{target}.log"
    last_error: BenchError | None = None
    for _attempt in range(3):
        port = free_port()
        args = [sys.executable, str(Path(__file__).resolve()), "--serve-pysiaalarm", str(port)]
        args += ["--connections", str(connections)]
        if key_text is not None:
            args += ["--pysiaalarm-key", key_text]
        with log.open("wb") as stderr:
            process = await asyncio.create_subprocess_exec(
                *args, cwd=REPO, stdout=asyncio.subprocess.PIPE, stderr=stderr, **spawn_options(cpus)
            )
        server = Server(target, process, port, log)
        try:
            server.port = await _wait_listening(process, log, f"{target} (pysiaalarm.aio.SIAClient)")
            return server
        except BenchError as exc:
            await stop_server(server)
            if process.returncode != EXIT_PORT_TAKEN:
                raise
            last_error = exc
        except BaseException:
            await stop_server(server)
            raise
    assert last_error is not None
    raise last_error


async def stop_server(server: Server) -> None:
    """SIGTERM (Vigie commits its last batch, cProfile writes its file), SIGKILL if it lingers."""
    process = server.process
    if process.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(process.wait(), STOP_TIMEOUT_S)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()


def inbox_backlog(db_file: Path) -> int:
    """Signals ACKed but not yet filed: the inbox file's rows past the placer's mark (SQLite)."""
    inbox_file = db_file.with_name(f"{db_file.stem}.inbox{db_file.suffix}")
    if not inbox_file.exists():
        return count_rows(db_file, "signal_inbox")
    inbox = sqlite3.connect(f"file:{inbox_file}?mode=ro", uri=True)
    main = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        (epoch,) = inbox.execute("SELECT epoch FROM inbox_meta").fetchone()
        found = main.execute("SELECT last_id FROM inbox_mark WHERE epoch = ?", (epoch,)).fetchone()
        mark = found[0] if found else 0
        return int(inbox.execute("SELECT count(*) FROM signal_inbox WHERE id > ?", (mark,)).fetchone()[0])
    finally:
        inbox.close()
        main.close()


def count_rows(db_file: Path, table: str) -> int:
    connection = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        return int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        connection.close()


# --------------------------------------------------------------------------------------------
# pysiaalarm server mode (the child process)
# --------------------------------------------------------------------------------------------


def serve_pysiaalarm(port: int, connections: int, key_text: str | None) -> int:
    """Run pysiaalarm's asyncio TCP receiver with a do-nothing callback until SIGTERM."""
    from pysiaalarm.account import SIAAccount
    from pysiaalarm.aio.client import SIAClient
    from pysiaalarm.event import SIAEvent

    async def ignore(event: SIAEvent) -> None:
        return None

    async def serve() -> None:
        accounts = []
        for index in range(connections):
            SIAAccount.validate_account(account_of(index), key_text)  # what Home Assistant checks
            accounts.append(SIAAccount(account_of(index), key_text))
        # SIAClient.__new__ picks the TCP subclass (the default protocol).
        client = SIAClient(HOST, port, accounts, ignore)  # type: ignore[abstract]
        await client.async_start()
        print(f"listening on tcp {HOST}:{port}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await stop.wait()
        await client.async_stop()

    try:
        asyncio.run(serve())
    except OSError as exc:
        print(f"pysiaalarm cannot listen on {HOST}:{port}: {exc}", file=sys.stderr)
        return EXIT_PORT_TAKEN
    return 0


# --------------------------------------------------------------------------------------------
# Orchestration and report
# --------------------------------------------------------------------------------------------


@dataclass
class Options:
    duration_s: float
    warmup_s: float
    connections: int
    timeout_s: float
    targets: list[str]
    workdir: Path
    py_spy: Path | None
    placement: str | None = None
    pin: Pinning | None = None  # receiver on some CPUs, load generator and attackers on the others
    attack_shape: AttackShape = field(default_factory=lambda: AttackShape())


@dataclass(frozen=True)
class Pinning:
    """`--pin`: which CPUs the receiver (with its threads and placement process) may use, and which
    the load generator and the attackers may; set with sched_setaffinity, as `taskset` does."""

    receiver: frozenset[int]
    load: frozenset[int]

    def describe(self) -> str:
        return (
            f"receiver (all threads, placement process) on CPU {_cpu_list(self.receiver)}, "
            f"load generator and attackers on CPU {_cpu_list(self.load)}"
        )


def _cpu_list(cpus: frozenset[int]) -> str:
    return ",".join(str(cpu) for cpu in sorted(cpus))


@dataclass(frozen=True)
class AttackShape:
    """Limits passed to bench/attackers.py; None: the attackers' own defaults (printed back), 0: unlimited."""

    garbage_bytes_per_s: float | None = None
    unknown_frames_per_s: float | None = None
    connects_per_s: float | None = None

    def arguments(self) -> list[str]:
        args: list[str] = []
        for name, value in asdict(self).items():
            if value is not None:
                args += [f"--{name.replace('_', '-')}", f"{value:g}"]
        return args


async def bench_target(target: str, options: Options) -> Figures:
    vigie = target.startswith("vigie")
    aes = target.endswith("aes")
    key = AES_KEY if aes else None
    db_file: Path | None = None
    attacked = target == ATTACK_TARGET
    attacker: asyncio.subprocess.Process | None = None
    if vigie:
        directory = options.workdir / ("aes" if aes else "attack" if attacked else "plain")
        print(f"[{target}] registering {options.connections} accounts with `python -m console accounts add`")
        template = options.workdir / ("template-aes" if aes else "template-plain")
        url = await prepare_vigie_db(directory, key, options.connections, template)
        db_file = directory / "bench.sqlite"
        cpus = options.pin.receiver if options.pin else None
        server = await start_vigie(target, url, options.workdir, options.placement, cpus)
    else:
        server = await start_pysiaalarm(
            target,
            AES_KEY_TEXT if aes else None,
            options.connections,
            options.workdir,
            options.pin.receiver if options.pin else None,
        )
    print(
        f"[{target}] receiver pid {server.process.pid} on {HOST}:{server.port}; "
        f"{options.warmup_s:g} s warm-up + {options.duration_s:g} s measured; load average {_load_average()}"
    )
    sampler = await start_py_spy(target, server, options) if options.py_spy is not None else None
    attack: dict[str, Any] | None = None
    try:
        if attacked:
            attacker = await start_attackers(
                server.port,
                options.warmup_s + options.duration_s + 3,
                options.attack_shape,
                options.pin.load if options.pin else None,
            )
        tally, cpu = await generate_load(
            target,
            server.port,
            key,
            server.process.pid,
            attacker_pid=attacker.pid if attacker is not None else None,
            connections=options.connections,
            warmup_s=options.warmup_s,
            duration_s=options.duration_s,
            timeout_s=options.timeout_s,
        )
        backlog = inbox_backlog(db_file) if db_file is not None else None
        if attacker is not None:
            attack = await finish_attackers(attacker)
            attack["cpu_pct_in_window"] = cpu.attackers
    finally:
        if attacker is not None and attacker.returncode is None:
            attacker.kill()
            await attacker.wait()
        if sampler is not None:
            await finish_py_spy(sampler)
        await stop_server(server)
    stored = None
    if db_file is not None:
        stored = count_rows(db_file, "signal") + inbox_backlog(db_file)
        if attack is not None:
            attack.update(attack_left_behind(db_file))
            attack["receiver"] = receiver_counters(server.log)
    latencies = sorted(tally.latencies)
    return Figures(
        target=target,
        duration_s=options.duration_s,
        messages_per_s=tally.acks / options.duration_s,
        p50_ms=percentile(latencies, 0.50) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000,
        max_ms=(latencies[-1] if latencies else float("nan")) * 1000,
        acks=tally.acks,
        non_ack=tally.non_ack,
        naks=tally.naks,
        duhs=tally.duhs,
        other=tally.other,
        no_answer=tally.no_answer,
        closed=tally.closed,
        bad_ack=tally.bad_ack,
        acks_total=tally.acks_total,
        server_cpu_pct=cpu.server,
        generator_cpu_pct=cpu.generator,
        other_cpu_pct=cpu.other,
        stored_signals=stored,
        backlog=backlog,
        examples=tally.examples,
        attack=attack,
    )


async def start_attackers(
    port: int, seconds: float, shape: AttackShape, cpus: frozenset[int] | None
) -> asyncio.subprocess.Process:
    """bench/attackers.py in a process of its own (its own interpreter lock), for `seconds`."""
    args = [sys.executable, str(Path(__file__).resolve().with_name("attackers.py"))]
    args += ["--port", str(port), "--seconds", f"{seconds:g}", *shape.arguments()]
    return await asyncio.create_subprocess_exec(
        *args, cwd=REPO, stdout=asyncio.subprocess.PIPE, **spawn_options(cpus)
    )


async def finish_attackers(process: asyncio.subprocess.Process) -> dict[str, Any]:
    out, _ = await asyncio.wait_for(process.communicate(), STOP_TIMEOUT_S)
    lines = out.decode("utf-8", "replace").strip().splitlines()
    if process.returncode != 0 or not lines:
        raise BenchError(f"the attackers exited with status {process.returncode}")
    return dict(json.loads(lines[-1]))


def receiver_counters(log: Path) -> dict[str, int] | None:
    """The counters `vigie receive` logs when it stops (answers, refusals, closed peers, faults)."""
    marker = "receiver counters: "
    for line in reversed(log.read_text("utf-8", "replace").splitlines()):
        if marker in line:
            return {str(k): int(v) for k, v in json.loads(line.split(marker, 1)[1]).items()}
    return None


def attack_left_behind(db_file: Path) -> dict[str, int]:
    """What the floods cost the station: alarms of unknown sources, their signals, fault rows."""
    connection = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        alarms, signals = connection.execute(
            "SELECT count(*), coalesce(sum(signal_count), 0) FROM alarm WHERE site_id IS NULL"
        ).fetchone()
        (faults,) = connection.execute("SELECT count(*) FROM transmission_fault").fetchone()
    finally:
        connection.close()
    return {"unknown_alarms": int(alarms), "unknown_signals_stored": int(signals), "fault_rows": int(faults)}


def _fmt(value: float | None, pattern: str) -> str:
    return "-" if value is None else format(value, pattern)


def _load_average() -> str:
    """`uptime`'s three figures: other sessions share this machine."""
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "?"


def ratio(figures: dict[str, Figures], vigie: str, peer: str) -> float | None:
    if vigie not in figures or peer not in figures or figures[peer].messages_per_s == 0:
        return None
    return figures[vigie].messages_per_s / figures[peer].messages_per_s


def report(figures: dict[str, Figures], options: Options) -> dict[str, Any]:
    cpus = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print()
    print(
        f"DC-09 receiver benchmark: {options.connections} TCP connections on {HOST}, one ADM-CID frame "
        f"in flight each, {options.duration_s:g} s measured per target after {options.warmup_s:g} s warm-up"
    )
    print(f"python {python} ({sys.executable}), {cpus} CPUs ({usable} usable), {platform.platform()}")
    print(f"CPU pinning: {options.pin.describe() if options.pin else 'none'}; load average {_load_average()}")
    print()
    header = (
        f"{'target':<18} {'msg/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'non-ACK':>7} "
        f"{'srv CPU':>7} {'gen CPU':>7} {'other':>6} {'ACKs total':>10} {'stored':>7} {'backlog':>7}"
    )
    print(header)
    print("-" * len(header))
    for figure in figures.values():
        print(
            f"{figure.target:<18} {figure.messages_per_s:>8.0f} {figure.p50_ms:>7.2f} {figure.p99_ms:>7.2f} "
            f"{figure.max_ms:>7.1f} {figure.non_ack:>7d} {_fmt(figure.server_cpu_pct, '.0f') + '%':>7} "
            f"{figure.generator_cpu_pct:>6.0f}% {_fmt(figure.other_cpu_pct, '.0f') + '%':>6} "
            f"{figure.acks_total:>10d} "
            f"{_fmt(figure.stored_signals, 'd'):>7} {_fmt(figure.backlog, 'd'):>7}"
        )
    print()
    ratios = {
        "plain": ratio(figures, "vigie-plain", "pysiaalarm-plain"),
        "aes": ratio(figures, "vigie-aes", "pysiaalarm-aes"),
    }
    for kind, value in ratios.items():
        if value is not None:
            print(f"Vigie/pysiaalarm {kind:<5}: {value:.2f}x messages/s")
    attack_summary = report_attack(figures, options.pin)
    print()
    print(
        "Vigie commits every signal to SQLite (WAL, synchronous=FULL) before its ACK; pysiaalarm sends\n"
        "its ACK before handing the event to the application and persists nothing."
    )
    problems: list[str] = []
    for figure in figures.values():
        if figure.non_ack:
            problems.append(
                f"{figure.target}: {figure.non_ack} non-ACK answers (NAK {figure.naks}, DUH {figure.duhs}, "
                f"other {figure.other}, bad ACK {figure.bad_ack}, no answer {figure.no_answer}, "
                f"closed {figure.closed})"
            )
            problems.extend(f"    {example}" for example in figure.examples)
        if figure.acks == 0:
            problems.append(f"{figure.target}: no ACK at all")
        if figure.stored_signals is not None and figure.stored_signals < figure.acks_total:
            problems.append(
                f"{figure.target}: {figure.acks_total} ACKs read but only {figure.stored_signals} signals stored"
            )
    valid = not problems
    print("run VALID: every frame was ACKed" if valid else "run NOT VALID:\n  " + "\n  ".join(problems))
    disturbed = [
        f"{f.target} ({f.other_cpu_pct:.0f} %)"
        for f in figures.values()
        if f.other_cpu_pct is not None and f.other_cpu_pct > DISTURBED_PCT
    ]
    if disturbed:
        print(
            f"WARNING: other processes used CPU during {', '.join(disturbed)} (% of one core); "
            "those figures are disturbed, rerun on a quiet machine"
        )
    return {
        "python": python,
        "cpu_count": cpus,
        "usable_cpus": usable,
        "platform": platform.platform(),
        "connections": options.connections,
        "duration_s": options.duration_s,
        "warmup_s": options.warmup_s,
        "timeout_s": options.timeout_s,
        "frame": "ADM-CID, R0 L1, #ACCT|1130 01 ZZZ, UTC timestamp; AES-128 CBC for the aes targets",
        "persistence": {
            "vigie": "every signal committed to SQLite (WAL, synchronous=FULL) before its ACK",
            "pysiaalarm": "none; ACK sent before the event reaches the application",
        },
        "pinning": options.pin.describe() if options.pin else None,
        "load_average_at_end": _load_average(),
        "targets": {name: asdict(figure) for name, figure in figures.items()},
        "ratios_vigie_over_pysiaalarm": ratios,
        "under_attack": attack_summary,
        "valid": valid,
        "disturbed": disturbed,
        "problems": problems,
    }


def report_attack(figures: dict[str, Figures], pin: Pinning | None) -> dict[str, Any] | None:
    """The good connections' figures under attack beside the quiet run's, how the attack was shaped,
    what it did and what the receiver's defences did about it."""
    attacked, quiet = figures.get(ATTACK_TARGET), figures.get("vigie-plain")
    if attacked is None or attacked.attack is None:
        return None
    attack = attacked.attack
    for line in describe_attack(attack, pin):
        print(line)
    summary: dict[str, Any] = {"attack": attack, "p99_ms": attacked.p99_ms}
    if quiet is not None and quiet.messages_per_s:
        share = attacked.messages_per_s / quiet.messages_per_s
        met = share >= 0.8 and attacked.p99_ms < 50.0
        print(
            f"  good connections: {attacked.messages_per_s:.0f} msg/s, p99 {attacked.p99_ms:.1f} ms; quiet run "
            f"{quiet.messages_per_s:.0f} msg/s, p99 {quiet.p99_ms:.1f} ms: {100 * share:.0f} % of quiet "
            f"(target: at least 80 %, p99 under 50 ms: {'met' if met else 'NOT met'})"
        )
        summary.update(share_of_quiet=share, target_met=met)
    return summary


def _limit(value: float, unit: str, scale: float = 1.0) -> str:
    return "unlimited" if not value else f"at most {value / scale:g} {unit}"


def describe_attack(attack: dict[str, Any], pin: Pinning | None) -> list[str]:
    """Lines saying how the attack was shaped, what it sent and got, and the receiver's counters."""
    shape = attack.get("shape", {})
    seconds = float(attack.get("seconds") or 1.0)

    def rate(name: str, scale: float = 1.0) -> str:
        return f"{float(attack.get(name, 0)) / seconds / scale:.{1 if scale > 1 else 0}f}"

    garbage_limit = float(shape.get("garbage_bytes_per_s", 0))
    lines = [
        "",
        f"Under attack ({ATTACK_TARGET}), for {seconds:g} s (warm-up and window included); how it was shaped:",
        f"  garbage from {GARBAGE_PEER}: {shape.get('garbage_connections')} connections writing empty frames "
        f"and random bytes, never reading, {_limit(garbage_limit, 'MB/s', 1e6)}"
        + (f" ({garbage_limit * 8 / 1e6:g} Mbit/s)" if garbage_limit else "")
        + f": sent {float(attack.get('garbage_bytes', 0)) / 1e6:.0f} MB, {rate('garbage_bytes', 1e6)} MB/s",
        f"  unknown accounts from {UNKNOWN_PEER}: {shape.get('unknown_connections')} connections, one frame in "
        f"flight each, {_limit(float(shape.get('unknown_frames_per_s', 0)), 'frames/s')}: "
        f"sent {attack.get('unknown_frames', 0):.0f} frames, {rate('unknown_frames')}/s",
        f"  connection attempts per address {_limit(float(shape.get('connects_per_s', 0)), '/s')}: "
        f"garbage {attack.get('garbage_connect_attempts', 0):.0f} ({rate('garbage_connect_attempts')}/s), "
        f"unknown {attack.get('unknown_connect_attempts', 0):.0f} ({rate('unknown_connect_attempts')}/s)",
        f"  attackers' CPU {_fmt(attack.get('cpu_pct_in_window'), '.0f')} % of a core in the window; CPU pinning: "
        + (pin.describe() if pin else "none (every process may run on every CPU)"),
        f"  the attackers read: unknown ACK {attack.get('unknown_ack', 0):.0f}, DUH "
        f"{attack.get('unknown_duh', 0):.0f}, NAK {attack.get('unknown_nak', 0):.0f}; connections closed "
        f"by the receiver: garbage {attack.get('garbage_closed_by_receiver', 0):.0f}, unknown "
        f"{attack.get('unknown_closed_by_receiver', 0):.0f}",
    ]
    counters = attack.get("receiver")
    if counters:
        lines.append(
            f"  receiver's counters (whole run): frames {counters.get('frames')}, ACK {counters.get('acks')}, "
            f"NAK {counters.get('naks')}, DUH {counters.get('duhs')}; unknown-account frames stored "
            f"{counters.get('unknown_frames')}, refused {counters.get('unknown_refused')}; connections closed for "
            f"refused frames {counters.get('garbage_closed')}, for unread answers {counters.get('unread_closed')}, "
            f"refused at the cap {counters.get('refused_connections')}; faults aggregated into counts "
            f"{counters.get('faults_aggregated')}, dropped {counters.get('faults_dropped')}; key reloads "
            f"{counters.get('key_reloads')}"
        )
    else:
        lines.append("  receiver's counters: not found in its log")
    lines.append(
        f"  left behind: {attack.get('unknown_alarms')} alarm(s) of unknown sources holding "
        f"{attack.get('unknown_signals_stored')} signals, {attack.get('fault_rows')} transmission_fault rows"
    )
    return lines


PY_SPY_RATE = 100  # samples per second


def py_spy_binary() -> str | None:
    beside = Path(sys.executable).parent / "py-spy"
    return str(beside) if beside.exists() else shutil.which("py-spy")


async def start_py_spy(target: str, server: Server, options: Options) -> asyncio.subprocess.Process:
    """Sample every thread of the receiver (active samples only) for warm-up + measured window."""
    assert options.py_spy is not None
    binary = py_spy_binary()
    if binary is None:
        raise BenchError("--py-spy needs py-spy: .venv/bin/pip install py-spy")
    seconds = math.ceil(options.warmup_s + options.duration_s)
    args = [binary, "record", "--pid", str(server.process.pid), "--duration", str(seconds)]
    args += [
        "--rate",
        str(PY_SPY_RATE),
        "--threads",
        "--format",
        "raw",
        "-o",
        str(options.py_spy / f"{target}.txt"),
    ]
    log = options.workdir / f"{target}.py-spy.log"
    with log.open("wb") as output:
        return await asyncio.create_subprocess_exec(*args, stdout=output, stderr=output, **spawn_options())


async def finish_py_spy(process: asyncio.subprocess.Process) -> None:
    try:
        await asyncio.wait_for(process.wait(), STOP_TIMEOUT_S)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()


def summarize_py_spy(path: Path, seconds: float, top: int = 14) -> None:
    """Per thread: busy share of the sampled time, then top functions by inclusive and own samples."""
    per_thread: dict[str, Counter[str]] = {}
    own: dict[str, Counter[str]] = {}
    samples: Counter[str] = Counter()
    for line in path.read_text("utf-8", "replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        thread, *frames = stack.split(";")
        samples[thread] += count
        inclusive = per_thread.setdefault(thread, Counter())
        for frame in set(frames):
            inclusive[frame] += count
        if frames:
            own.setdefault(thread, Counter())[frames[-1]] += count
    ticks = PY_SPY_RATE * seconds
    for thread, count in samples.most_common():
        print(f"\n  {thread}: on CPU {100 * count / ticks:.0f} % of the sampled time ({count} samples)")
        if count < 0.02 * ticks:
            continue
        print("    inclusive (Vigie and pysiaalarm frames):")
        shown = 0
        for frame, hits in per_thread[thread].most_common():
            if "console/" in frame or "pysiaalarm/" in frame:
                print(f"      {100 * hits / count:5.1f} %  {frame}")
                shown += 1
                if shown == top:
                    break
        print("    own time (leaf frames):")
        for frame, hits in own.get(thread, Counter()).most_common(8):
            print(f"      {100 * hits / count:5.1f} %  {frame}")


def print_profiles(options: Options, figures: dict[str, Figures]) -> None:
    assert options.py_spy is not None
    for target in figures:
        path = options.py_spy / f"{target}.txt"
        if not path.exists():
            print(f"\n(no py-spy samples for {target}: see {options.workdir / (target + '.py-spy.log')})")
            continue
        print(f"\n===== py-spy, {target}: {path} =====")
        summarize_py_spy(path, math.ceil(options.warmup_s + options.duration_s))


async def run(options: Options) -> dict[str, Any]:
    # SIGINT / SIGTERM cancel the run, so that every finally block stops its receiver.
    main_task = asyncio.current_task()
    assert main_task is not None
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, main_task.cancel)
    figures: dict[str, Figures] = {}
    for target in options.targets:
        figures[target] = await bench_target(target, options)
    result = report(figures, options)
    if options.py_spy is not None:
        print_profiles(options, figures)
    return result


def _targets(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in TARGETS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"targets are among {', '.join(TARGETS)}; not {', '.join(unknown)}")
    return names


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Benchmark Vigie's DC-09 receiver against pysiaalarm (plain and AES-128).",
        epilog="See the top of this file for what is measured and how to read the figures.",
    )
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds per target (10)")
    parser.add_argument("--warmup", type=float, default=1.0, help="uncounted seconds before (1)")
    parser.add_argument("--connections", type=int, default=50, help="TCP connections, one account each (50)")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds to wait for an answer (2)")
    parser.add_argument(
        "--targets", type=_targets, default=list(TARGETS), help=f"comma-separated among {','.join(TARGETS)}"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--workdir", type=Path, help="keep databases and logs here (default: a temp dir)")
    parser.add_argument(
        "--py-spy",
        type=Path,
        metavar="DIR",
        help="sample each receiver with py-spy (all threads), write DIR/TARGET.txt, print the top functions",
    )
    parser.add_argument(
        "--placement",
        choices=["process", "thread", "off"],
        help="passed to `vigie receive --placement` (default: the receiver's own default)",
    )
    parser.add_argument(
        "--pin",
        action="store_true",
        help="receiver (threads, placement process) on CPU 0, load generator and attackers on CPU 1",
    )
    shaping = parser.add_argument_group(
        "attack shape (vigie-attack; default: bench/attackers.py's, printed with the figures; 0: unlimited)"
    )
    shaping.add_argument(
        "--attack-garbage-bytes-per-s", type=float, metavar="N", help="garbage flood, all connections"
    )
    shaping.add_argument(
        "--attack-unknown-frames-per-s", type=float, metavar="N", help="unknown-account frames"
    )
    shaping.add_argument(
        "--attack-connects-per-s", type=float, metavar="N", help="connection attempts per address"
    )
    parser.add_argument("--serve-pysiaalarm", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--pysiaalarm-key", help=argparse.SUPPRESS)
    return parser


def _no_nan(value: Any) -> Any:
    """JSON-ready copy: NaN (no latency measured) becomes null."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {key: _no_nan(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_no_nan(item) for item in value]
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.serve_pysiaalarm is not None:
        return serve_pysiaalarm(args.serve_pysiaalarm, args.connections, args.pysiaalarm_key)
    if args.duration <= 0 or args.warmup < 0 or args.connections <= 0 or args.timeout <= 0:
        print("bench: --duration, --connections and --timeout must be > 0, --warmup >= 0", file=sys.stderr)
        return 2
    if args.connections > 0xFFFFF - ACCOUNT_BASE:
        print("bench: too many connections", file=sys.stderr)
        return 2
    with contextlib.ExitStack() as stack:
        if args.workdir is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="vigie-bench-")))
        else:
            workdir = args.workdir.resolve()
            workdir.mkdir(parents=True, exist_ok=True)
        py_spy = args.py_spy.resolve() if args.py_spy else None
        if py_spy is not None:
            py_spy.mkdir(parents=True, exist_ok=True)
            if py_spy_binary() is None:
                print("bench: --py-spy needs py-spy: .venv/bin/pip install py-spy", file=sys.stderr)
                return 2
            print("note: receivers are sampled by py-spy, figures are slightly lower than without it")
        pin = None
        if args.pin:
            usable = sorted(os.sched_getaffinity(0))
            if len(usable) < 2:
                print("bench: --pin needs 2 usable CPUs", file=sys.stderr)
                return 2
            pin = Pinning(receiver=frozenset(usable[:1]), load=frozenset(usable[1:2]))
            os.sched_setaffinity(0, pin.load)  # this process is the load generator
        options = Options(
            args.duration,
            args.warmup,
            args.connections,
            args.timeout,
            args.targets,
            workdir,
            py_spy,
            args.placement,
            pin,
            AttackShape(
                args.attack_garbage_bytes_per_s, args.attack_unknown_frames_per_s, args.attack_connects_per_s
            ),
        )
        try:
            result = asyncio.run(run(options))
        except BenchError as exc:
            print(f"bench: {exc}", file=sys.stderr)
            return 1
        except OSError as exc:
            print(f"bench: {exc}", file=sys.stderr)
            return 1
        except (KeyboardInterrupt, asyncio.CancelledError):
            print("bench: interrupted, receivers stopped", file=sys.stderr)
            return 130
    if args.json is not None:
        args.json.write_text(json.dumps(_no_nan(result), indent=2, allow_nan=False) + "\n", "utf-8")
        print(f"figures written to {args.json}")
    return 0 if result["valid"] else 1


if __name__ == "__main__":
    raise SystemExit(main())

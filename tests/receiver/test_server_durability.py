"""An ACK is a promise that the signal is stored: outages, group commit, SIGTERM and SIGKILL.

The receiver runs in process (asyncio, real sockets on 127.0.0.1) for the database outage and the
group commit, and as `python -m console receive` for the process-level tests. The kill test is the
one that matters: panels count every ACK they get, the receiver is killed in the middle of the
load, restarted on the same database, the panels retry their one unanswered frame, and then every
ACKed message must be in the database exactly once.
"""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import pytest
from sqlalchemy import func, text
from sqlalchemy.engine import make_url
from sqlmodel import col, select

from console.receiver.codec import Response, build_frame, parse_response
from console.receiver.server import Dc09Receiver, ReceiverConfig
from console.services.alarm_desk import AlarmDesk
from console.services.signal_intake import SignalIntake
from console.storage import migrate
from console.storage.engine import Database
from console.storage.inbox import pending_rows
from console.storage.sites import add_transmitter, ensure_site
from console.storage.tables import AlarmRow, SignalRow
from tests.conftest import PostgresFactory, skip_or_fail
from tests.factories import T0, SteppingClock, add_site

REPO = Path(__file__).resolve().parents[2]
ACCOUNT = "4A21"
TIMEOUT_S = 15.0  # only so that a broken receiver fails the test instead of hanging it


def cid_frame(seq: int, account: str = ACCOUNT, *, at: datetime = T0, zone: int = 1) -> bytes:
    return build_frame(
        "ADM-CID", seq, account, f"#{account}|1130 01 {zone % 1000:03d}", line="1", timestamp=at
    )


def stored(db: Database) -> Counter[tuple[str, int | None]]:
    """How many times each (account, sequence) is stored: filed in `signal` or still in the inbox."""
    with db.read() as session:
        rows = [tuple(row) for row in session.execute(select(SignalRow.account, SignalRow.sequence)).all()]
    rows += pending_rows(db, "account, sequence")
    return Counter((account, sequence) for account, sequence in rows)


async def read_answer(reader: asyncio.StreamReader, timeout: float = TIMEOUT_S) -> Response:
    return parse_response(await asyncio.wait_for(reader.readuntil(b"\r"), timeout))


# --------------------------------------------------------------------------------------------
# Database outage: no ACK, and the retry is stored once
# --------------------------------------------------------------------------------------------


def _move_database(postgres: PostgresFactory, old: str, new: str) -> None:
    with postgres.admin.connect() as conn:
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": old}
        )
        conn.execute(text(f'ALTER DATABASE "{old}" RENAME TO "{new}"'))


@pytest.mark.postgres
def test_no_ack_while_the_database_is_unreachable_and_the_retry_is_stored_once(
    postgres: PostgresFactory | None,
) -> None:
    if postgres is None:
        skip_or_fail("PostgreSQL is not reachable")
    assert postgres is not None
    url = postgres.new_database()
    name = make_url(url).database
    assert name is not None
    hidden = f"{name}_away"
    db = Database.from_url(url)
    add_site(db)
    clock = SteppingClock(T0)
    health_seen: list[bool] = []

    async def body() -> tuple[Response, bool, Response]:
        loop = asyncio.get_running_loop()
        receiver = Dc09Receiver(
            ReceiverConfig(tcp=(("127.0.0.1", 0),)), SignalIntake(db, AlarmDesk(db, clock)), clock
        )
        [endpoint] = await receiver.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        moved = False
        try:
            writer.write(cid_frame(1))
            before = await read_answer(reader)  # the pool holds live connections now
            await loop.run_in_executor(None, _move_database, postgres, name, hidden)
            moved = True
            writer.write(cid_frame(2))
            try:
                unexpected = await asyncio.wait_for(reader.readuntil(b"\r"), 2.0)
            except TimeoutError:
                unexpected = b""
            assert unexpected == b"", f"answered while the database was away: {unexpected!r}"
            for _ in range(int(TIMEOUT_S / 0.05)):  # the failed commit marks the store unhealthy
                if not receiver.store_healthy:
                    break
                await asyncio.sleep(0.05)
            health_seen.append(receiver.store_healthy)
            await loop.run_in_executor(None, _move_database, postgres, hidden, name)
            moved = False
            writer.write(cid_frame(2))  # the panel's retry, same bytes
            retry = await read_answer(reader)
            return before, not health_seen[0], retry
        finally:
            if moved:
                await loop.run_in_executor(None, _move_database, postgres, hidden, name)
            writer.close()
            await receiver.stop()

    try:
        before, unhealthy, retry = asyncio.run(body())
        assert (before.id, before.sequence) == ("ACK", 1)
        assert unhealthy, "store_healthy stayed True while the database was unreachable"
        assert (retry.id, retry.sequence, retry.account) == ("ACK", 2, ACCOUNT)
        assert stored(db) == {(ACCOUNT, 1): 1, (ACCOUNT, 2): 1}
    finally:
        db.dispose()


# --------------------------------------------------------------------------------------------
# Group commit
# --------------------------------------------------------------------------------------------


def test_frames_arriving_together_share_commits(db: Database) -> None:
    add_site(db)
    clock = SteppingClock(T0)
    count = 50

    async def body() -> tuple[list[Response], int]:
        receiver = Dc09Receiver(
            ReceiverConfig(tcp=(("127.0.0.1", 0),)), SignalIntake(db, AlarmDesk(db, clock)), clock
        )
        [endpoint] = await receiver.start()
        connections = [await asyncio.open_connection("127.0.0.1", endpoint.port) for _ in range(count)]
        try:
            for seq, (_, writer) in enumerate(connections, start=1):
                writer.write(cid_frame(seq, zone=seq))  # all written in one loop turn
            answers = await asyncio.gather(*(read_answer(reader) for reader, _ in connections))
            return list(answers), receiver._committer.batches
        finally:
            for _, writer in connections:
                writer.close()
            await receiver.stop()

    answers, batches = asyncio.run(body())
    assert sorted((a.id, a.sequence) for a in answers) == [("ACK", seq) for seq in range(1, count + 1)]
    assert batches < count
    assert stored(db) == {(ACCOUNT, seq): 1 for seq in range(1, count + 1)}


# --------------------------------------------------------------------------------------------
# The receiver as a process
# --------------------------------------------------------------------------------------------


class ReceiverProcess:
    """`python -m console receive` on 127.0.0.1 with ports picked by the system."""

    def __init__(self, db_url: str, log: Path, extra: Sequence[str] = ()) -> None:
        self._log: IO[bytes] = log.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "console",
                "receive",
                "--db",
                db_url,
                "--listen",
                "127.0.0.1:0",
                "--udp",
                "127.0.0.1:0",
                *extra,
            ],
            stdout=subprocess.PIPE,
            stderr=self._log,
            cwd=REPO,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        self.endpoints: dict[str, tuple[str, int]] = {}
        deadline = time.monotonic() + 60
        while len(self.endpoints) < 2:
            line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            if line is None:
                raise AssertionError(f"receiver exited early, see {log}")
            words = line.split()  # "listening on tcp 127.0.0.1:PORT"
            assert words[:2] == ["listening", "on"], line
            host, port = words[3].rsplit(":", 1)
            self.endpoints[words[2]] = (host, int(port))

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            self.lines.put(raw.decode().strip())
        self.lines.put(None)

    @property
    def tcp_port(self) -> int:
        return self.endpoints["tcp"][1]

    def terminate(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=TIMEOUT_S)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=TIMEOUT_S)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT_S)
        self._log.close()


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Iterator[tuple[str, Database]]:
    url = f"sqlite:///{tmp_path / 'receiver.sqlite'}"
    db = Database.from_url(url)
    migrate.upgrade(db.engine)
    yield url, db
    db.dispose()


def read_answer_blocking(sock: socket.socket, buffer: bytearray) -> bytes:
    """One answer LF..CR from a blocking socket; ConnectionError when the receiver went away."""
    while (end := buffer.find(b"\r")) < 0:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionResetError("receiver closed the connection")
        buffer += chunk
    answer = bytes(buffer[: end + 1])
    del buffer[: end + 1]
    return answer


@pytest.mark.slow
def test_sigterm_stops_the_receiver_cleanly_after_storing(
    sqlite_file: tuple[str, Database], tmp_path: Path
) -> None:
    url, db = sqlite_file
    add_site(db)
    receiver = ReceiverProcess(url, tmp_path / "receiver.log")
    try:
        assert set(receiver.endpoints) == {"tcp", "udp"}
        assert all(host == "127.0.0.1" and port > 0 for host, port in receiver.endpoints.values())
        now = datetime.now(UTC)
        with socket.create_connection(("127.0.0.1", receiver.tcp_port), timeout=TIMEOUT_S) as sock:
            sock.sendall(cid_frame(7, at=now))
            tcp_answer = parse_response(read_answer_blocking(sock, bytearray()))
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.settimeout(TIMEOUT_S)
            udp.sendto(cid_frame(8, at=now), receiver.endpoints["udp"])
            udp_answer = parse_response(udp.recv(4096))
        assert (tcp_answer.id, tcp_answer.sequence) == ("ACK", 7)
        assert (udp_answer.id, udp_answer.sequence) == ("ACK", 8)
        assert receiver.terminate() == 0
    finally:
        receiver.close()
    assert stored(db) == {(ACCOUNT, 7): 1, (ACCOUNT, 8): 1}
    assert placement_of(db) == {ACCOUNT: 2}  # grouped before the service exited


@dataclass
class Panel:
    """One transmitter on its own connection: one frame outstanding, sequence counting up."""

    account: str
    next_seq: int = 1
    acked: set[int] = field(default_factory=set)
    unanswered: int | None = None
    problems: list[str] = field(default_factory=list)

    def frame(self, seq: int) -> bytes:
        # A fresh timestamp on every attempt, as panels do; the retry keeps seq and content.
        return cid_frame(seq, self.account, at=datetime.now(UTC), zone=seq)

    def exchange(self, sock: socket.socket, buffer: bytearray, seq: int) -> None:
        self.unanswered = seq
        sock.sendall(self.frame(seq))
        answer = parse_response(read_answer_blocking(sock, buffer))
        if (answer.id, answer.sequence, answer.account) != ("ACK", seq, self.account):
            self.problems.append(f"{self.account} seq {seq}: {answer.raw}")
            raise ConnectionAbortedError(answer.raw)
        self.acked.add(seq)
        self.unanswered = None

    def run_until_cut(self, port: int, stop: threading.Event) -> None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT_S) as sock:
                buffer = bytearray()
                while not stop.is_set():
                    self.exchange(sock, buffer, self.next_seq)
                    self.next_seq += 1
        except OSError:
            pass  # the receiver died under us: `unanswered` holds the frame to retry

    def retry(self, port: int) -> None:
        if self.unanswered is None:
            return
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT_S) as sock:
                self.exchange(sock, bytearray(), self.unanswered)
        except OSError as exc:
            self.problems.append(f"{self.account}: retry of seq {self.unanswered} failed: {exc!r}")


def _register_panels(db: Database, panels: list[Panel]) -> None:
    with db.write() as session:
        for number, panel in enumerate(panels):
            site, _ = ensure_site(session, f"KIL-{number:04d}", f"Site {panel.account}")
            add_transmitter(session, site, panel.account, line="1")


def _run_panels(panels: list[Panel], port: int, seconds: float) -> tuple[list[threading.Thread], Any]:
    stop = threading.Event()
    threads = [threading.Thread(target=p.run_until_cut, args=(port, stop), daemon=True) for p in panels]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    return threads, stop


@pytest.mark.slow
@pytest.mark.parametrize("kill_after_s", [0.5, 1.0, 1.5])
def test_kill_under_load_loses_no_acked_frame_and_stores_none_twice(
    sqlite_file: tuple[str, Database], tmp_path: Path, kill_after_s: float
) -> None:
    url, db = sqlite_file
    panels = [Panel(account=f"{2000 + i}") for i in range(20)]
    _register_panels(db, panels)

    first = ReceiverProcess(url, tmp_path / "receiver.log")
    try:
        threads, stop = _run_panels(panels, first.tcp_port, kill_after_s)
        placers = children_of(first.process.pid)  # its `vigie place` process
        first.kill()  # SIGKILL: no chance to finish the batch in flight or send its ACKs
    finally:
        first.close()
    assert placers, "the receiver runs its placement in a child process by default"
    assert wait_until_gone(placers), f"placement processes outlived their receiver: {placers}"
    for thread in threads:
        thread.join(TIMEOUT_S)
    stop.set()
    assert not any(thread.is_alive() for thread in threads)
    acked_before_kill = sum(len(p.acked) for p in panels)
    assert acked_before_kill > 0, "the load never got going; the kill proves nothing"

    second = ReceiverProcess(url, tmp_path / "receiver.log")
    try:
        for panel in panels:
            panel.retry(second.tcp_port)
        assert second.terminate() == 0
    finally:
        second.close()

    assert [problem for p in panels for problem in p.problems] == []
    counts = stored(db)
    twice = {key: n for key, n in counts.items() if n > 1}
    assert twice == {}, f"stored more than once: {twice}"
    acked = {(p.account, seq) for p in panels for seq in p.acked}
    missing = acked - set(counts)
    assert missing == set(), f"ACKed but not stored: {sorted(missing)}"
    # Every panel's unanswered frame was retried and ACKed, so nothing is stored that no ACK covers.
    assert set(counts) == acked
    with db.read() as session:
        unregistered = session.execute(
            select(SignalRow.account).where(col(SignalRow.site_id).is_(None)).limit(1)
        ).first()
    assert unregistered is None
    # Signals ACKed by the killed receiver but not yet grouped were grouped by the second one.
    assert placement_of(db) == {p.account: len(p.acked) for p in panels if p.acked}


def children_of(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def wait_until_gone(pids: list[int], patience_s: float = 10.0) -> bool:
    give_up = time.monotonic() + patience_s
    while time.monotonic() < give_up:
        if not any(Path(f"/proc/{pid}").exists() for pid in pids):
            return True
        time.sleep(0.05)
    return False


def placement_of(db: Database) -> dict[str, int]:
    """Per account: signals in its site's alarm, checked against the alarm's own count; inbox empty."""
    assert pending_rows(db, "id") == []
    with db.read() as session:
        rows = session.execute(
            select(AlarmRow.id, AlarmRow.account, AlarmRow.signal_count, func.count(col(SignalRow.id)))
            .join(SignalRow, col(SignalRow.alarm_id) == col(AlarmRow.id))
            .group_by(col(AlarmRow.id), col(AlarmRow.account), col(AlarmRow.signal_count))
        ).all()
    assert all(count == joined for _, _, count, joined in rows), rows
    accounts = [account for _, account, _, _ in rows]
    assert len(accounts) == len(set(accounts)), "one alarm per site"
    return {account: joined for _, account, _, joined in rows}


# --------------------------------------------------------------------------------------------
# Bugs found here, fixed since: kept as regression tests
# --------------------------------------------------------------------------------------------


def test_stop_does_not_wait_for_a_panel_that_keeps_sending(sqlite_db: Database) -> None:
    add_site(sqlite_db)
    clock = SteppingClock(T0)
    flood = b"".join(cid_frame(seq, zone=seq) for seq in range(1, 3001))

    async def body() -> tuple[bool, int]:
        receiver = Dc09Receiver(
            ReceiverConfig(tcp=(("127.0.0.1", 0),)),
            SignalIntake(sqlite_db, AlarmDesk(sqlite_db, clock)),
            clock,
        )
        [endpoint] = await receiver.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        acks, after_stop = 0, 0
        stopping = False

        async def count() -> None:
            nonlocal acks, after_stop
            while True:
                await read_answer(reader)
                acks += 1
                after_stop += stopping

        loop = asyncio.get_running_loop()
        counter = loop.create_task(count())
        writer.write(flood)  # pipelined: the panel always has its next frame queued
        while acks < 3:
            await asyncio.sleep(0.01)
        stopping = True
        stopper = loop.create_task(receiver.stop())
        for _ in range(int(TIMEOUT_S / 0.01)):  # stop() completes, or the panel is still being served
            if stopper.done() or after_stop >= 20:
                break
            await asyncio.sleep(0.01)
        stopped = stopper.done()
        writer.close()  # end the flood, so that stop() can complete in any case
        await asyncio.wait_for(stopper, 60)
        counter.cancel()
        await asyncio.gather(counter, return_exceptions=True)
        return stopped, after_stop

    stopped, acks_after_stop = asyncio.run(body())
    assert stopped, f"stop() still serving the panel after {acks_after_stop} more ACKs"
    assert acks_after_stop <= 2


def test_stopping_with_a_panel_connected_logs_no_error(
    sqlite_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    add_site(sqlite_db)
    clock = SteppingClock(T0)
    caplog.set_level(logging.ERROR)

    async def body() -> Response:
        receiver = Dc09Receiver(
            ReceiverConfig(tcp=(("127.0.0.1", 0),)),
            SignalIntake(sqlite_db, AlarmDesk(sqlite_db, clock)),
            clock,
        )
        [endpoint] = await receiver.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        writer.write(cid_frame(1))
        answer = await read_answer(reader)
        await receiver.stop()  # the panel is still connected, as panels usually are
        writer.close()
        return answer

    assert asyncio.run(body()).id == "ACK"
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []

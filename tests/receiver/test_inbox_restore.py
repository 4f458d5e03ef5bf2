"""The SQLite inbox file and its mark: an old copy of the inbox restored, and online backups.

The receiver stores each ACKed signal in `vigie.inbox.sqlite`; the placer files it into the main
database together with a mark (the last inbox id filed). An old copy of the inbox file put back
(same epoch, a lower id counter) used to give the next signals ids at or below the mark: they
were skipped, then deleted, silently. These tests run the receiver on real sockets, restore such
a copy between runs and check that every ACKed signal reaches the main database.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import col

from console.receiver.codec import build_frame, parse_response
from console.receiver.server import ReceiverConfig
from console.services.alarm_desk import AlarmDesk
from console.services.placement import SignalPlacement
from console.services.receiver_service import ReceiverService
from console.storage import migrate
from console.storage.engine import Database
from console.storage.inbox import inbox_path, pending_rows
from console.storage.tables import AlarmRow, SignalRow, TransmissionFaultRow
from tests.factories import add_site

REPO = Path(__file__).resolve().parents[2]
ACCOUNT = "4A21"
TIMEOUT_S = 15.0  # only so that a broken receiver fails the test instead of hanging it


def frame(seq: int, code: int, zone: int = 1) -> bytes:
    at = datetime.now(UTC) - timedelta(seconds=1)
    return build_frame(
        "ADM-CID", seq, ACCOUNT, f"#{ACCOUNT}|1{code:03d} 01 {zone:03d}", line="1", timestamp=at
    )


def run_receiver(url: str, frames: Sequence[bytes], placement: str = "thread") -> list[tuple[str, int]]:
    """One run of the receiver service on `url` (placement on its writer thread): send `frames`
    over TCP one by one, return the answers; stopping files what is left in the inbox."""
    db = Database.from_url(url)

    async def body() -> list[tuple[str, int]]:
        service = ReceiverService(db, ReceiverConfig(tcp=(("127.0.0.1", 0),)), placement=placement)
        [endpoint] = await service.start()
        answers = []
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
            for raw in frames:
                writer.write(raw)
                answer = parse_response(await asyncio.wait_for(reader.readuntil(b"\r"), TIMEOUT_S))
                answers.append((answer.id, answer.sequence))
            writer.close()
        finally:
            await service.stop()
        return answers

    try:
        return asyncio.run(body())
    finally:
        db.dispose()


def filed(url: str) -> list[tuple[int | None, str, int | None]]:
    """(sequence, event code, alarm id) of every signal filed in the main database."""
    db = Database.from_url(url)
    try:
        with db.read() as session:
            rows = session.execute(
                select(SignalRow.sequence, SignalRow.event_code, SignalRow.alarm_id).order_by(
                    col(SignalRow.id)
                )
            ).all()
        assert pending_rows(db, "id") == []
        return [tuple(row) for row in rows]
    finally:
        db.dispose()


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite file (the backup API: the WAL's content included)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def put_back(copy: Path, inbox: Path) -> None:
    """Restore `copy` as the inbox file, as an administrator restoring a backup would."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{inbox}{suffix}").unlink(missing_ok=True)
    copy_sqlite(copy, inbox)


@pytest.fixture
def station(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'vigie.sqlite'}"
    db = Database.from_url(url)
    migrate.upgrade(db.engine)
    add_site(db)
    db.dispose()
    return url


def test_an_old_copy_of_the_inbox_put_back_loses_no_acked_signal(
    station: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = tmp_path / "vigie.inbox.sqlite"
    assert run_receiver(station, [frame(1, 130, 1)], placement="off") == [("ACK", 1)]
    assert inbox_path(Database.from_url(station)) == inbox
    old_copy = tmp_path / "old-inbox.sqlite"
    copy_sqlite(inbox, old_copy)  # a backup of the inbox alone, taken then: it holds signal 1, unfiled

    assert run_receiver(station, [frame(2, 130, 2), frame(3, 130, 3)]) == [("ACK", 2), ("ACK", 3)]
    put_back(old_copy, inbox)  # ids 1 to 3 are filed; the copy's counter says 1, and it holds 1

    caplog.set_level(logging.WARNING, logger="console")
    # a fire, then a panic: the next ids the old copy hands out are at or below the mark
    assert run_receiver(station, [frame(4, 110, 4), frame(5, 120, 5)]) == [("ACK", 4), ("ACK", 5)]

    stored = filed(station)
    assert [(seq, code) for seq, code, _ in stored] == [
        (1, "130"),
        (2, "130"),
        (3, "130"),
        (4, "110"),
        (5, "120"),
    ]
    assert all(alarm is not None for _, _, alarm in stored)
    with Database.from_url(station).read() as session:  # the fire and the panic raised the site's alarm
        [(category, count)] = session.execute(select(AlarmRow.category, AlarmRow.signal_count)).all()
    assert (category, count) == ("fire", 5)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("is behind the main database" in m and "start after 3" in m for m in warnings), warnings
    with Database.from_url(station).read() as session:
        kinds = session.execute(select(TransmissionFaultRow.kind)).scalars().all()
    assert kinds == ["inbox_behind_mark"]


# --------------------------------------------------------------------------------------------
# `vigie db backup`: both files, consistent, while the receiver writes
# --------------------------------------------------------------------------------------------


def copy_contents(url: str) -> Counter[int | None]:
    """How many times each sequence is in a station's copy: filed, or waiting above the mark."""
    db = Database.from_url(url)
    try:
        with db.read() as session:
            rows = list(session.execute(select(SignalRow.sequence)).scalars())
        return Counter(rows + [sequence for (sequence,) in pending_rows(db, "sequence")])
    finally:
        db.dispose()


def test_a_backup_taken_while_the_receiver_writes_holds_every_signal_acked_before_it(
    station: str, tmp_path: Path
) -> None:
    target = tmp_path / "backup"
    db = Database.from_url(station)

    async def body() -> tuple[list[int], list[int], subprocess.CompletedProcess[bytes]]:
        service = ReceiverService(
            db, ReceiverConfig(tcp=(("127.0.0.1", 0),)), placement="thread", placement_poll_s=0.05
        )
        [endpoint] = await service.start()
        acked: list[int] = []
        stop = asyncio.Event()

        async def panel() -> None:
            reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
            seq = 1
            while not stop.is_set():
                writer.write(frame(seq, 130, seq % 1000))
                answer = parse_response(await asyncio.wait_for(reader.readuntil(b"\r"), TIMEOUT_S))
                assert (answer.id, answer.sequence) == ("ACK", seq)
                acked.append(seq)
                seq = seq % 9999 + 1
            writer.close()

        sending = asyncio.get_running_loop().create_task(panel())
        try:
            while len(acked) < 50 and not sending.done():
                await asyncio.sleep(0.01)
            before = list(acked)
            command = ["-m", "console", "db", "backup", "--db", station, "--to", str(target)]
            process = await asyncio.create_subprocess_exec(
                sys.executable, *command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO
            )
            out, err = await asyncio.wait_for(process.communicate(), 120)
            during = acked[len(before) :]
            stop.set()
            await sending
        finally:
            stop.set()
            await asyncio.gather(sending, return_exceptions=True)
            await service.stop()
        assert process.returncode is not None
        return before, during, subprocess.CompletedProcess(command, process.returncode, out, err)

    try:
        before, during, result = asyncio.run(body())
    finally:
        db.dispose()
    assert result.returncode == 0, result.stderr.decode()
    assert during, "no frame was ACKed while the backup ran: it proves nothing"
    assert sorted(path.name for path in target.iterdir()) == ["vigie.inbox.sqlite", "vigie.sqlite"]
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 2 and all("integrity ok" in line for line in lines), lines

    copy_url = f"sqlite:///{target / 'vigie.sqlite'}"
    held = copy_contents(copy_url)
    assert {seq: n for seq, n in held.items() if n > 1} == {}, "a signal twice in the copy"
    assert set(before) <= set(held), f"ACKed before the backup, not in it: {set(before) - set(held)}"
    assert set(held) <= set(before) | set(during)

    copy = Database.from_url(copy_url)  # the copy works as a station: its placer files the rest
    try:
        placement = SignalPlacement(AlarmDesk(copy))
        while placement.place_pending().placed:
            pass
        with copy.read() as session:
            faults = session.execute(select(TransmissionFaultRow.kind)).scalars().all()
            [count] = session.execute(select(AlarmRow.signal_count)).scalars().all()
    finally:
        copy.dispose()
    assert faults == []  # the pair is consistent: no inbox behind its mark
    assert copy_contents(copy_url) == held
    assert count == sum(held.values())

"""The receiver's two stages on each backend: signals ACKed from the inbox, then filed into alarms.

The first stage (SignalIntake) only appends to `signal_inbox`; the second (SignalPlacement) groups
the inbox's signals into alarms exactly as the one-stage `AlarmDesk.ingest` does, in arrival order,
chunk after chunk, and nothing is lost or filed twice between them.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlmodel import col

from console.receiver.batch import Outcome, Received
from console.receiver.codec import build_frame, parse_response
from console.receiver.server import ReceiverConfig
from console.services.alarm_desk import AlarmDesk
from console.services.placement import SignalPlacement
from console.services.receiver_service import ReceiverService
from console.services.signal_intake import SignalIntake
from console.storage import migrate
from console.storage.engine import Database
from console.storage.inbox import inbox_of, inbox_path, pending_rows
from console.storage.sites import find_transmitter
from console.storage.tables import AlarmRow, JournalRow, SignalRow, TransmissionFaultRow
from tests.factories import SteppingClock, add_site, cid


def received(clock: SteppingClock, code: int, zone: int, seq: int, account: str = "4A21") -> Received:
    signal = cid(code, zone=zone, at=clock.now, seq=seq, account=account)
    return Received(
        account=account,
        line="1",
        dedupe_key=f"{account}-{seq}",
        signals=(signal,),
        received_at=clock.now,
        peer="192.0.2.7",
        sequence=seq,
    )


def filed(db: Database) -> list[tuple[int | None, str, int | None]]:
    with db.read() as session:
        rows = session.execute(
            select(SignalRow.alarm_id, SignalRow.event_code, SignalRow.zone).order_by(col(SignalRow.id))
        ).all()
    return [tuple(row) for row in rows]


def test_the_inbox_is_filed_in_order_chunk_by_chunk(db: Database) -> None:
    add_site(db)
    clock = SteppingClock()
    desk = AlarmDesk(db, clock)
    intake = SignalIntake(db, desk)
    # an intruder walks across zones 3, 4 and 5, then the panel is set (402: opening/closing, informative)
    for seq, (code, zone) in enumerate([(132, 3), (132, 4), (132, 5), (402, 0), (130, 6)], start=1):
        intake.store([received(clock, code, zone, seq)])
        clock.advance(5)
    assert len(pending_rows(db, "id")) == 5
    with db.read() as session:
        assert session.execute(select(AlarmRow.id)).all() == []  # nothing grouped before placement

    placement = SignalPlacement(desk, chunk=2, clock=clock)
    assert [placement.place_pending().placed for _ in range(4)] == [2, 2, 1, 0]

    [alarm_id] = {alarm for alarm, _, _ in filed(db)}
    assert [(code, zone) for _, code, zone in filed(db)] == [
        ("132", 3),
        ("132", 4),
        ("132", 5),
        ("402", 0),
        ("130", 6),
    ]
    assert pending_rows(db, "id") == []
    with db.read() as session:
        alarm = session.get(AlarmRow, alarm_id)
        assert alarm is not None and alarm.signal_count == 5
        actions = (
            session.execute(
                select(JournalRow.action)
                .where(col(JournalRow.alarm_id) == alarm_id)
                .order_by(col(JournalRow.id))
            )
            .scalars()
            .all()
        )
    # zones 3 then 4 within the window: the path confirmed the alarm, across two chunks
    assert actions == ["alarm_raised", "path_confirmed"]


def test_placement_matches_the_one_stage_ingest(db_url: str, tmp_path: Path) -> None:
    one_stage = Database.from_url(f"sqlite:///{tmp_path / 'one.sqlite'}")
    migrate.upgrade(one_stage.engine)
    two_stage = Database.from_url(db_url)
    specs = [(130, 1, "4A21"), (110, 9, "4A21"), (130, 2, "5B30"), (602, 0, "4A21"), (131, 4, "FFFE")]
    for db in (one_stage, two_stage):
        add_site(db)
        add_site(db, code="PAR-0002", account="5B30", name="Boulangerie")
    clock = SteppingClock()
    items = [received(clock, code, zone, seq, account) for seq, (code, zone, account) in enumerate(specs, 1)]

    AlarmDesk(one_stage, SteppingClock()).ingest([s for item in items for s in item.signals])
    desk = AlarmDesk(two_stage, SteppingClock())
    SignalIntake(two_stage, desk).store(items)
    result = SignalPlacement(desk).place_pending()

    assert result.placed == len(specs)
    assert result.ingest is not None and result.ingest.unknown_accounts == frozenset({"FFFE"})

    def alarms(db: Database) -> list[tuple[object, ...]]:
        with db.read() as session:
            return [
                tuple(row)
                for row in session.execute(
                    select(
                        AlarmRow.account, AlarmRow.priority, AlarmRow.title, AlarmRow.signal_count
                    ).order_by(col(AlarmRow.account))
                ).all()
            ]

    assert alarms(two_stage) == alarms(one_stage)
    assert [(code, zone) for _, code, zone in filed(two_stage)] == [(c, z) for _, c, z in filed(one_stage)]
    with two_stage.read() as session:
        faults = session.execute(select(TransmissionFaultRow.kind, TransmissionFaultRow.account)).all()
    assert [tuple(f) for f in faults] == [("unknown_account", "FFFE")]
    two_stage.dispose()
    one_stage.dispose()


def test_a_write_that_need_not_wait_for_the_disk_still_commits(db: Database) -> None:
    add_site(db)
    with db.write(durable=False) as session:
        session.execute(text("UPDATE site SET name = 'Renamed'"))
    with db.write() as session:  # and a durable one after it, on the same connection
        session.execute(text("UPDATE site SET city = 'Lyon'"))
    with db.read() as session:
        assert session.execute(text("SELECT name, city FROM site")).one() == ("Renamed", "Lyon")


def test_sqlite_writers_wait_for_each_other_instead_of_failing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'busy.sqlite'}"
    first, second = Database.from_url(url), Database.from_url(url)
    migrate.upgrade(first.engine)
    holding, order = threading.Event(), []

    def hold() -> None:
        with first.write() as session:
            session.execute(
                text("INSERT INTO change_log (at, entity, entity_id) VALUES ('2026-01-01', 'a', 1)")
            )
            holding.set()
            time.sleep(0.2)
            order.append("first")

    thread = threading.Thread(target=hold)
    thread.start()
    assert holding.wait(5)
    with second.write() as session:  # BEGIN IMMEDIATE retried until the first writer commits
        session.execute(text("INSERT INTO change_log (at, entity, entity_id) VALUES ('2026-01-01', 'b', 2)"))
        order.append("second")
    thread.join()
    assert order == ["first", "second"]
    first.dispose()
    second.dispose()


@pytest.mark.parametrize("mode", ["thread", "process"])
def test_the_receiver_service_raises_the_alarm_after_the_ack(tmp_path: Path, mode: str) -> None:
    url = f"sqlite:///{tmp_path / 'station.sqlite'}"
    db = Database.from_url(url)
    migrate.upgrade(db.engine)
    add_site(db)

    async def scenario() -> tuple[str, list[tuple[str, int]]]:
        service = ReceiverService(db, ReceiverConfig(tcp=(("127.0.0.1", 0),)), placement=mode)
        [endpoint] = await service.start()
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
            frame = build_frame("ADM-CID", 5, "4A21", "#4A21|1130 01 007", line="1", timestamp=service_now())
            writer.write(frame)
            answer = parse_response(await asyncio.wait_for(reader.readuntil(b"\r"), 10))
            writer.close()
            give_up = time.monotonic() + 30  # a child process has to start: poll, don't time
            while time.monotonic() < give_up:
                with db.read() as session:
                    alarms = session.execute(select(AlarmRow.title, AlarmRow.signal_count)).all()
                if alarms:
                    return answer.id, [tuple(a) for a in alarms]
                await asyncio.sleep(0.05)
            return answer.id, []
        finally:
            await service.stop()

    answer, alarms = asyncio.run(scenario())
    assert answer == "ACK"
    assert alarms == [("Burglary – zone 7", 1)]
    db.dispose()


def service_now() -> datetime:
    return datetime.now(UTC) - timedelta(seconds=1)


# --------------------------------------------------------------------------------------------
# SQLite: the inbox is a file of its own, filed with a mark
# --------------------------------------------------------------------------------------------


def test_on_sqlite_the_inbox_is_a_file_beside_the_database(sqlite_db: Database, tmp_path: Path) -> None:
    assert inbox_path(sqlite_db) == tmp_path / "vigie.inbox.sqlite"
    assert inbox_of(sqlite_db) is not sqlite_db
    add_site(sqlite_db)
    clock = SteppingClock()
    SignalIntake(sqlite_db, AlarmDesk(sqlite_db, clock)).store([received(clock, 130, 1, 1)])
    with sqlite_db.read() as session:  # the main database's own inbox table stays empty
        assert session.execute(text("SELECT count(*) FROM signal_inbox")).scalar_one() == 0
    assert len(pending_rows(sqlite_db, "id")) == 1


def test_a_placer_dying_between_its_commit_and_the_inbox_cleanup_files_nothing_twice(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.storage import inbox as inbox_store

    add_site(sqlite_db)
    clock = SteppingClock()
    desk = AlarmDesk(sqlite_db, clock)
    intake = SignalIntake(sqlite_db, desk)
    for seq in (1, 2, 3):
        intake.store([received(clock, 132, seq, seq)])
        clock.advance(1)

    def die(*_args: object) -> None:
        raise RuntimeError("killed after filing, before the inbox cleanup")

    monkeypatch.setattr(inbox_store, "forget_filed", die)
    with pytest.raises(RuntimeError):
        SignalPlacement(desk, clock=clock).place_pending()
    assert len(filed(sqlite_db)) == 3  # filed with the mark...
    with inbox_of(sqlite_db).read() as session:  # ...still in the inbox file
        assert session.execute(text("SELECT count(*) FROM signal_inbox")).scalar_one() == 3
    monkeypatch.undo()

    intake.store([received(clock, 132, 4, 4)])
    placement = SignalPlacement(desk, clock=clock)
    assert placement.place_pending().placed == 1  # only the new one
    assert [zone for _, _, zone in filed(sqlite_db)] == [1, 2, 3, 4]
    assert placement.backlog() == 0
    with inbox_of(sqlite_db).read() as session:  # and the leftovers are gone
        assert session.execute(text("SELECT count(*) FROM signal_inbox")).scalar_one() == 0


def test_a_new_inbox_file_starts_from_its_own_beginning(sqlite_db: Database, tmp_path: Path) -> None:
    """Ids restart in a new file: a mark kept per file (epoch) does not skip its first signals."""
    add_site(sqlite_db)
    clock = SteppingClock()
    desk = AlarmDesk(sqlite_db, clock)
    for seq in (1, 2):
        SignalIntake(sqlite_db, desk).store([received(clock, 132, seq, seq)])
        clock.advance(1)
    assert SignalPlacement(desk, clock=clock).place_pending().placed == 2
    sqlite_db.companions.pop("inbox").dispose()
    for name in ("vigie.inbox.sqlite", "vigie.inbox.sqlite-wal", "vigie.inbox.sqlite-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    SignalIntake(sqlite_db, desk).store([received(clock, 132, 3, 3)])
    assert SignalPlacement(desk, clock=clock).place_pending().placed == 1
    assert [zone for _, _, zone in filed(sqlite_db)] == [1, 2, 3]


def test_signals_given_ids_below_the_mark_under_a_running_placer_are_filed_not_deleted(
    sqlite_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    """The inbox file's counter set back while it is open (the check on opening cannot see it):
    rows at or below the mark that the main database does not hold are filed, and said."""
    add_site(sqlite_db)
    clock = SteppingClock()
    desk = AlarmDesk(sqlite_db, clock)
    intake = SignalIntake(sqlite_db, desk)
    placement = SignalPlacement(desk, clock=clock)
    for seq in (1, 2, 3):
        intake.store([received(clock, 132, seq, seq)])
        clock.advance(1)
    assert placement.place_pending().placed == 3
    with inbox_of(sqlite_db).write() as session:
        session.execute(text("UPDATE sqlite_sequence SET seq = 1 WHERE name = 'signal_inbox'"))
    for seq in (4, 5):  # they get inbox ids 2 and 3, at or below the mark (3)
        intake.store([received(clock, 110, seq, seq)])
        clock.advance(1)
    caplog.set_level(logging.WARNING, logger="console")
    assert placement.place_pending().placed == 2
    assert [(code, zone) for _, code, zone in filed(sqlite_db)] == [
        ("132", 1),
        ("132", 2),
        ("132", 3),
        ("110", 4),
        ("110", 5),
    ]
    assert placement.place_pending().placed == 0  # filed once
    with inbox_of(sqlite_db).read() as session:
        assert session.execute(text("SELECT count(*) FROM signal_inbox")).scalar_one() == 0
    with sqlite_db.read() as session:
        faults = session.execute(select(TransmissionFaultRow.kind, TransmissionFaultRow.detail)).all()
    assert [kind for kind, _ in faults] == ["inbox_unfiled_below_mark"]
    assert "2 signals" in faults[0][1]
    assert any("never filed" in r.getMessage() for r in caplog.records)


def test_an_inbox_file_from_before_link_tests_kept_extended_data_gets_the_column(tmp_path: Path) -> None:
    """An inbox file written by an older receiver (its link test table without `extended`) is
    altered on opening: its waiting link test is applied, and a new XNM keeps its data."""
    url = f"sqlite:///{tmp_path / 'vigie.sqlite'}"
    db = Database.from_url(url)
    migrate.upgrade(db.engine)
    add_site(db)
    clock = SteppingClock()
    old = sqlite3.connect(tmp_path / "vigie.inbox.sqlite")
    old.executescript(
        "CREATE TABLE link_test_inbox (id INTEGER PRIMARY KEY AUTOINCREMENT, account VARCHAR(16) NOT NULL,"
        " line VARCHAR(8) NOT NULL, received_at DATETIME NOT NULL);"
        "CREATE TABLE inbox_meta (epoch VARCHAR(36) NOT NULL); INSERT INTO inbox_meta VALUES ('old');"
    )
    old.execute(
        "INSERT INTO link_test_inbox (account, line, received_at) VALUES ('4A21', '1', ?)",
        (clock.now.replace(tzinfo=None).isoformat(" ", "microseconds"),),
    )
    old.commit()
    old.close()
    desk = AlarmDesk(db, clock)
    placement = SignalPlacement(desk, clock=clock)
    assert placement.place_pending().placed == 0  # the old link test is applied

    def transmitter_state() -> tuple[datetime | None, str | None]:
        with db.read() as session:
            transmitter = find_transmitter(session, "4A21", "1")
            assert transmitter is not None
            return transmitter.last_signal_at, transmitter.last_test_extended

    assert transmitter_state() == (clock.now, None)
    clock.advance(30)
    xnm = Received("4A21", "1", "xnm-1", (), clock.now, "192.0.2.7", True, 1, {"G": "1"})
    assert SignalIntake(db, desk).store([xnm]) == [Outcome.LINK_TEST]
    placement.place_pending()
    assert transmitter_state() == (clock.now, '{"G": "1"}')
    db.dispose()

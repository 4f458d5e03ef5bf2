"""`vigie history` lists every ACKed signal, filed into alarms or still waiting in the receiver's
inbox (as after a receiver was killed between its ACK and the placement): issue 13, item 2."""

from __future__ import annotations

import json

from console.receiver.batch import Outcome, Received
from console.services.alarm_desk import AlarmDesk
from console.services.placement import SignalPlacement
from console.services.signal_intake import SignalIntake
from console.storage.engine import Database
from tests.cli.test_cli import vigie
from tests.factories import SteppingClock, add_site, cid


def acked(clock: SteppingClock, seq: int, account: str = "4A21") -> Received:
    signal = cid(130, account=account, at=clock.now, seq=seq)
    return Received(account, "1", f"k{seq}", (signal,), clock.now, "127.0.0.1", sequence=seq)


def test_history_lists_acked_signals_not_filed_yet(db_url: str) -> None:
    db = Database.from_url(db_url)
    add_site(db, code="LYO-0001", account="4A21")
    clock = SteppingClock()
    desk = AlarmDesk(db, clock)
    intake = SignalIntake(db, desk)
    assert list(intake.store([acked(clock, 1)])) == [Outcome.STORED]
    SignalPlacement(desk, clock=clock).place_pending()
    clock.advance(5)
    # ACKed, then the receiver dies before its placement: in the inbox only.
    assert list(intake.store([acked(clock, 2), acked(clock, 3, account="9F99")])) == [Outcome.STORED] * 2

    def listed(*extra: str) -> list[tuple[int, str | None, bool]]:
        result = vigie("history", "--db", db_url, *extra)
        assert result.returncode == 0, result.stderr
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        return [(line["sequence"], line["site"], line["filed"]) for line in lines]

    assert listed() == [(1, "LYO-0001", True), (2, "LYO-0001", False), (3, None, False)]
    assert listed("--site", "LYO-0001") == [(1, "LYO-0001", True), (2, "LYO-0001", False)]
    SignalPlacement(desk, clock=clock).place_pending()  # a receiver, or `vigie place`, files them
    assert listed() == [(1, "LYO-0001", True), (2, "LYO-0001", True), (3, None, True)]  # each once
    db.dispose()


def test_consoles_show_acked_signals_left_unfiled(db_url: str) -> None:
    """The queue window's receiver indicator reads this: a fault once the oldest has waited 10 s."""
    from datetime import UTC, datetime, timedelta

    from console.services.queue_feed import QueueFeed

    db = Database.from_url(db_url)
    add_site(db, code="LYO-0001", account="4A21")
    feed = QueueFeed(db)
    assert [s.component for s in feed.station_status()] == []  # no inbox file made by asking
    clock = SteppingClock(datetime.now(UTC) - timedelta(seconds=30))
    intake = SignalIntake(db, AlarmDesk(db, clock))
    assert list(intake.store([acked(clock, 1), acked(clock, 2)])) == [Outcome.STORED] * 2
    [stranded] = feed.station_status()
    assert (stranded.component, stranded.state) == ("receiver inbox", "fault")
    assert stranded.detail.startswith("2 acknowledged signal(s) not filed into alarms since ")
    SignalPlacement(AlarmDesk(db, clock), clock=clock).place_pending()
    assert feed.station_status() == []
    db.dispose()

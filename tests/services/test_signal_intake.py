"""The receiver's intake on each backend: retries stored once, and not counted as signs of life again
(a copy replayed by whoever cut the line must not keep the supervision satisfied)."""

from __future__ import annotations

from datetime import timedelta

from console.receiver.batch import Outcome, Received
from console.services.alarm_desk import AlarmDesk
from console.services.placement import SignalPlacement
from console.services.signal_intake import SignalIntake
from console.storage.engine import Database
from console.storage.inbox import pending_rows
from console.storage.signals import history
from console.storage.sites import find_transmitter
from tests.factories import SteppingClock, add_site, cid


def received(clock: SteppingClock, key: str = "k1") -> Received:
    signal = cid(130, at=clock.now, seq=42)
    return Received(
        account="4A21",
        line="1",
        dedupe_key=key,
        signals=(signal,),
        received_at=clock.now,
        peer="127.0.0.1",
        sequence=42,
    )


def test_retry_is_stored_once_and_does_not_refresh_the_link(db: Database) -> None:
    add_site(db)
    clock = SteppingClock()
    original = clock.now
    desk = AlarmDesk(db, clock)
    intake = SignalIntake(db, desk)
    assert list(intake.store([received(clock)])) == [Outcome.STORED]
    clock.advance(30)
    assert list(intake.store([received(clock)])) == [Outcome.DUPLICATE]  # found in the inbox
    assert SignalPlacement(desk, clock=clock).place_pending().placed == 1
    clock.advance(30)
    assert list(intake.store([received(clock)])) == [Outcome.DUPLICATE]  # found filed in `signal`
    SignalPlacement(desk, clock=clock).place_pending()
    with db.read() as session:
        transmitter = find_transmitter(session, "4A21", "1")
        assert transmitter is not None and transmitter.last_signal_at == original  # the original counted
        assert len(list(history(session))) == 1
    assert pending_rows(db, "id") == []


def test_the_same_message_after_the_window_is_a_new_one(db: Database) -> None:
    add_site(db)
    clock = SteppingClock()
    desk = AlarmDesk(db, clock)
    intake = SignalIntake(db, desk, dedupe_window_s=600)
    assert list(intake.store([received(clock)])) == [Outcome.STORED]
    SignalPlacement(desk, clock=clock).place_pending()
    clock.advance(601)
    assert list(intake.store([received(clock)])) == [Outcome.STORED]


def test_same_key_twice_in_one_batch_is_stored_once(db: Database) -> None:
    add_site(db)
    clock = SteppingClock()
    intake = SignalIntake(db, AlarmDesk(db, clock))
    first = received(clock)
    retry = received(SteppingClock(clock.now + timedelta(seconds=1)))
    assert list(intake.store([first, retry])) == [Outcome.STORED, Outcome.DUPLICATE]


def test_a_signal_filed_late_never_moves_the_last_sign_of_life_back(db: Database) -> None:
    """A panel's buffered events, or an old inbox copy restored, arrive after newer ones."""
    add_site(db)
    clock = SteppingClock()
    desk = AlarmDesk(db, clock)
    newest = clock.now
    desk.ingest([cid(602, zone=None, at=newest)])  # a periodic test, now
    desk.ingest([cid(130, at=newest - timedelta(hours=3))])  # an intrusion from three hours ago
    with db.read() as session:
        transmitter = find_transmitter(session, "4A21", "1")
        assert transmitter is not None and transmitter.last_signal_at == newest
    later = newest + timedelta(minutes=5)
    desk.ingest([cid(602, zone=None, at=later)])  # and forward it still goes
    with db.read() as session:
        transmitter = find_transmitter(session, "4A21", "1")
        assert transmitter is not None and transmitter.last_signal_at == later

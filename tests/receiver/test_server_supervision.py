"""Periodic tests: a transmitter that stops calling in raises one alarm; its next frame clears it.

The clock steps by hand, the missed-test check runs as the receiver service calls it, and the frame
that restores the link arrives over a real socket through the receiver, on both backends.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from sqlmodel import col, select

from console.domain.alarm import AlarmState
from console.domain.journal import JournalAction
from console.domain.priority import EventCategory
from console.domain.site import JournalEntry
from console.receiver.codec import Response, build_frame, parse_response
from console.receiver.server import Dc09Receiver, ReceiverConfig
from console.services.alarm_desk import AlarmDesk
from console.services.placement import SignalPlacement
from console.services.signal_intake import SignalIntake
from console.services.supervision import PeriodicTestWatch
from console.storage import alarms as alarm_store
from console.storage.engine import Database
from console.storage.sites import find_transmitter
from console.storage.tables import AlarmRow
from tests.factories import T0, SteppingClock, add_operator_to, add_site

ACCOUNT = "4A21"
INTERVAL_S = 600
GRACE_S = 60  # a tenth of the interval, but at least a minute
TIMEOUT_S = 15.0


def supervised(db: Database, clock: SteppingClock) -> int:
    """A site whose transmitter tests every 10 minutes and was last heard of now."""
    site_id = add_site(db)
    with db.write() as session:
        transmitter = find_transmitter(session, ACCOUNT, "1")
        assert transmitter is not None
        transmitter.test_interval_s = INTERVAL_S
        transmitter.last_signal_at = clock.now
    return site_id


def open_alarms(db: Database) -> list[tuple[int, str, str, str]]:
    with db.read() as session:
        rows = session.execute(
            select(AlarmRow.id, AlarmRow.title, AlarmRow.state, AlarmRow.category).where(
                col(AlarmRow.state) != AlarmState.CLOSED.value
            )
        ).all()
    return [(row[0], row[1], row[2], row[3]) for row in rows]


def journal(db: Database, alarm_id: int) -> list[JournalEntry]:
    with db.read() as session:
        return alarm_store.journal_for_alarm(session, alarm_id)


def overdue_since(db: Database) -> datetime | None:
    with db.read() as session:
        transmitter = find_transmitter(session, ACCOUNT, "1")
        assert transmitter is not None
        return transmitter.test_overdue_since


def send_through_receiver(db: Database, clock: SteppingClock, frame: bytes) -> Response:
    async def main() -> Response:
        receiver = Dc09Receiver(
            ReceiverConfig(tcp=(("127.0.0.1", 0),)), SignalIntake(db, AlarmDesk(db, clock)), clock
        )
        [endpoint] = await receiver.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        try:
            writer.write(frame)
            return parse_response(await asyncio.wait_for(reader.readuntil(b"\r"), TIMEOUT_S))
        finally:
            writer.close()
            await receiver.stop()

    answer = asyncio.run(main())
    # The receiver's second stage (grouping into alarms, supervision) runs after the ACK.
    SignalPlacement(AlarmDesk(db, clock), clock=clock).place_pending()
    return answer


def raise_missed_test(db: Database, clock: SteppingClock) -> int:
    watch = PeriodicTestWatch(db, clock)
    clock.advance(INTERVAL_S + GRACE_S)  # exactly due: not late yet
    assert watch.check() == []
    clock.advance(1)
    [alarm_id] = watch.check()
    return alarm_id


def restoring_frame(kind: str, at: datetime) -> bytes:
    if kind == "null-link-test":
        return build_frame("NULL", 9, ACCOUNT, "", line="1", timestamp=at)
    return build_frame("ADM-CID", 9, ACCOUNT, f"#{ACCOUNT}|1602 00 000", line="1", timestamp=at)


# --------------------------------------------------------------------------------------------


def test_a_missed_periodic_test_raises_one_alarm(db: Database) -> None:
    clock = SteppingClock(T0)
    supervised(db, clock)
    alarm_id = raise_missed_test(db, clock)
    late = clock.now

    clock.advance(300)
    assert PeriodicTestWatch(db, clock).check() == []  # still overdue: no second alarm
    [(only_id, title, state, category)] = open_alarms(db)
    assert only_id == alarm_id
    assert title.startswith("Missed periodic test")
    assert (state, category) == (AlarmState.NEW.value, EventCategory.SUPERVISION.value)
    assert overdue_since(db) == late
    actions = [entry.action for entry in journal(db, alarm_id)]
    assert actions == [JournalAction.ALARM_RAISED, JournalAction.MISSED_TEST]


@pytest.mark.parametrize("kind", ["null-link-test", "periodic-test-signal"])
def test_the_next_frame_closes_an_untaken_missed_test_alarm(db: Database, kind: str) -> None:
    clock = SteppingClock(T0)
    supervised(db, clock)
    alarm_id = raise_missed_test(db, clock)
    clock.advance(120)
    restored_at = clock.now

    answer = send_through_receiver(db, clock, restoring_frame(kind, restored_at))

    assert (answer.id, answer.sequence) == ("ACK", 9)
    with db.read() as session:
        alarm = alarm_store.get_alarm(session, alarm_id)
        transmitter = find_transmitter(session, ACCOUNT, "1")
        assert transmitter is not None
        seen = (transmitter.test_overdue_since, transmitter.last_signal_at)
    assert alarm is not None
    assert alarm.state is AlarmState.CLOSED
    assert alarm.closed_at == restored_at
    assert seen == (None, restored_at)
    entries = journal(db, alarm_id)
    tail = [(e.action, e.operator_login, e.at) for e in entries[-2:]]
    assert tail == [
        (JournalAction.LINK_RESTORED, None, restored_at),
        (JournalAction.CLOSE, None, restored_at),  # closed by the system, not by an operator
    ]
    assert all(alarm_id != row[0] for row in open_alarms(db))
    # With the link back, the supervision starts over: nothing is due until a new interval passed.
    clock.advance(INTERVAL_S)
    assert PeriodicTestWatch(db, clock).check() == []


@pytest.mark.parametrize("kind", ["null-link-test", "periodic-test-signal"])
def test_a_taken_missed_test_alarm_is_only_journaled(db: Database, kind: str) -> None:
    clock = SteppingClock(T0)
    supervised(db, clock)
    alarm_id = raise_missed_test(db, clock)
    operator = add_operator_to(db)
    AlarmDesk(db, clock).take(alarm_id, operator)
    clock.advance(120)

    answer = send_through_receiver(db, clock, restoring_frame(kind, clock.now))

    assert (answer.id, answer.sequence) == ("ACK", 9)
    with db.read() as session:
        alarm = alarm_store.get_alarm(session, alarm_id)
    assert alarm is not None
    assert alarm.state is AlarmState.TAKEN  # only an operator closes what an operator holds
    assert alarm.operator_login == operator.login
    actions = [entry.action for entry in journal(db, alarm_id)]
    assert JournalAction.LINK_RESTORED in actions
    assert JournalAction.CLOSE not in actions
    assert overdue_since(db) is None

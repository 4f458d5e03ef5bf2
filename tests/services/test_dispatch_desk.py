"""Dispatches through the real database on each backend: steps, journal, change feed, alarm state."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from console.domain.alarm import AlarmState, Disposition, Operator, Role
from console.domain.dispatch import DispatchError, DispatchKind, DispatchStatus
from console.domain.journal import JournalAction
from console.services.alarm_desk import AlarmDesk
from console.services.dispatch_desk import DispatchDesk
from console.storage import alarms as alarm_store
from console.storage import dispatch as dispatch_store
from console.storage.changes import ChangeCursor, last_change_id
from console.storage.dispatch import StaleDispatch
from console.storage.engine import Database
from console.storage.tables import DispatchRow
from tests.factories import SteppingClock, add_operator_to, add_site, cid


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def alarm_desk(db: Database, clock: SteppingClock) -> AlarmDesk:
    return AlarmDesk(db, clock)


@pytest.fixture
def desk(db: Database, clock: SteppingClock) -> DispatchDesk:
    return DispatchDesk(db, clock, default_guard_delay_min=30)


@pytest.fixture
def amelie(db: Database) -> Operator:
    return add_operator_to(db, "amelie")


@pytest.fixture
def site_id(db: Database) -> int:
    return add_site(db)


@pytest.fixture
def taken(alarm_desk: AlarmDesk, clock: SteppingClock, amelie: Operator, site_id: int) -> int:
    """An intrusion alarm of the site, taken by amelie."""
    alarm_id = alarm_desk.ingest([cid(132, zone=3, at=clock.now)]).new_alarm_ids[0]
    clock.advance(10)
    alarm_desk.take(alarm_id, amelie)
    clock.advance(50)
    return alarm_id


def journal_actions(db: Database, alarm_id: int) -> list[str]:
    with db.read() as session:
        return [e.action for e in alarm_store.journal_for_alarm(session, alarm_id)]


def dispatch_rows(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(DispatchRow)).scalar_one()


def test_guard_request_moves_the_alarm_to_dispatched_with_the_contract_delay(
    db: Database, desk: DispatchDesk, clock: SteppingClock, amelie: Operator, site_id: int, taken: int
) -> None:
    desk.set_site_guard_delay(site_id, 20)
    with db.read() as session:
        before = alarm_store.get_alarm(session, taken)
        cursor = ChangeCursor(last_id=last_change_id(session))
    assert before is not None and before.state is AlarmState.TAKEN

    dispatch = desk.request(taken, DispatchKind.GUARD, amelie, provider="Securitas Lyon", reference="M-881")

    assert dispatch.id > 0 and dispatch.alarm_id == taken and dispatch.version == 1
    assert dispatch.agreed_delay_min == 20 and dispatch.requested_at == clock.now
    with db.read() as session:
        after = alarm_store.get_alarm(session, taken)
        journal = alarm_store.journal_for_alarm(session, taken)
        changed = cursor.poll(session)
        stored = dispatch_store.get_dispatch(session, dispatch.id)
    assert after is not None and after.state is AlarmState.DISPATCHED
    assert after.dispatched_at == clock.now and after.version == before.version + 1
    assert stored == dispatch
    assert journal[-1].action == JournalAction.DISPATCH_REQUESTED and journal[-1].operator_login == "amelie"
    assert journal[-1].detail == f"#{dispatch.id} guard — Securitas Lyon, ref M-881, agreed delay 20 min"
    assert changed == {"alarm": {taken}}


def test_without_a_contract_delay_the_station_default_applies_and_police_has_none(
    db: Database, desk: DispatchDesk, amelie: Operator, taken: int
) -> None:
    guard = desk.request(taken, DispatchKind.GUARD, amelie, provider="Securitas")
    police = desk.request(taken, DispatchKind.POLICE, amelie, reference="17-4412")
    assert guard.agreed_delay_min == 30 and police.agreed_delay_min is None
    assert desk.agreed_delay(None, DispatchKind.GUARD) == 30
    assert desk.agreed_delay(None, DispatchKind.FIRE) is None
    assert [d.id for d in desk.for_alarm(taken)] == [guard.id, police.id]


def test_a_second_dispatch_leaves_a_dispatched_alarm_as_it_is(
    db: Database, desk: DispatchDesk, clock: SteppingClock, amelie: Operator, taken: int
) -> None:
    desk.request(taken, DispatchKind.GUARD, amelie, provider="Securitas")
    with db.read() as session:
        first = alarm_store.get_alarm(session, taken)
    clock.advance(120)
    desk.request(taken, DispatchKind.POLICE, amelie)
    with db.read() as session:
        second = alarm_store.get_alarm(session, taken)
    assert first is not None and second is not None
    assert second.state is AlarmState.DISPATCHED and second.dispatched_at == first.dispatched_at
    assert second.version == first.version


def test_on_site_then_report_are_timed_and_journaled(
    db: Database, desk: DispatchDesk, clock: SteppingClock, amelie: Operator, taken: int
) -> None:
    dispatch = desk.request(taken, DispatchKind.GUARD, amelie, provider="Securitas")
    requested_at = clock.now
    bruno = add_operator_to(db, "bruno")  # another operator answers the guard's call
    arrived = desk.on_site(dispatch.id, bruno, at=clock.advance(25 * 60) - timedelta(minutes=1))
    assert arrived.on_site_at == requested_at + timedelta(minutes=24) and arrived.version == 2
    clock.advance(15 * 60)
    reported = desk.report(dispatch.id, "Tour done, back door forced, police called", amelie)
    assert reported.status is DispatchStatus.REPORTED and reported.report_at == clock.now
    assert desk.for_alarm(taken) == [reported]
    with db.read() as session:
        journal = alarm_store.journal_for_alarm(session, taken)
    steps = [(e.action, e.operator_login) for e in journal if e.action.startswith("dispatch_")]
    assert steps == [
        (JournalAction.DISPATCH_REQUESTED, "amelie"),
        (JournalAction.DISPATCH_ON_SITE, "bruno"),
        (JournalAction.DISPATCH_REPORT, "amelie"),
    ]
    assert journal[-2].detail == f"#{dispatch.id} guard — Securitas, on site after 24:00"
    assert journal[-1].detail.endswith(": Tour done, back door forced, police called")


def test_late_arrival_is_written_in_the_journal(
    db: Database, desk: DispatchDesk, clock: SteppingClock, amelie: Operator, taken: int
) -> None:
    dispatch = desk.request(taken, DispatchKind.GUARD, amelie, provider="Securitas")
    clock.advance(42 * 60)
    desk.on_site(dispatch.id, amelie)
    with db.read() as session:
        last = alarm_store.journal_for_alarm(session, taken)[-1]
    assert last.detail.endswith("on site after 42:00, late (agreed 30 min)")


def test_open_dispatches_leave_out_reported_and_cancelled_ones(
    db: Database, desk: DispatchDesk, clock: SteppingClock, amelie: Operator, taken: int
) -> None:
    guard = desk.request(taken, DispatchKind.GUARD, amelie, provider="Securitas")
    keyholder = desk.request(taken, DispatchKind.KEYHOLDER, amelie, provider="M. Dupuis")
    police = desk.request(taken, DispatchKind.POLICE, amelie)
    clock.advance(60)
    desk.on_site(guard.id, amelie)
    clock.advance(60)
    desk.report(guard.id, "nothing found", amelie)
    cancelled = desk.cancel(keyholder.id, "Police on the way, keyholder not needed", amelie)
    assert cancelled.cancelled_at == clock.now and cancelled.status is DispatchStatus.CANCELLED
    assert [d.id for d in desk.open_dispatches()] == [police.id]
    assert journal_actions(db, taken).count(JournalAction.DISPATCH_CANCELLED) == 1


def test_refusals_write_nothing(
    db: Database,
    desk: DispatchDesk,
    alarm_desk: AlarmDesk,
    clock: SteppingClock,
    amelie: Operator,
    taken: int,
) -> None:
    dispatch = desk.request(taken, DispatchKind.GUARD, amelie, provider="Securitas")
    before = journal_actions(db, taken)
    with pytest.raises(DispatchError, match="on site before the report") as refused:
        desk.report(dispatch.id, "ok", amelie)
    assert refused.value.code == "not_on_site"
    with pytest.raises(DispatchError) as unnamed:
        desk.request(taken, DispatchKind.TECHNICIAN, amelie, provider=" ")
    assert unnamed.value.field == "provider"
    with pytest.raises(DispatchError) as future:
        desk.on_site(dispatch.id, amelie, at=clock.now + timedelta(minutes=5))
    assert future.value.code == "in_future"
    with pytest.raises(DispatchError, match="does not exist"):
        desk.on_site(9999, amelie)
    assert journal_actions(db, taken) == before and dispatch_rows(db) == 1
    assert desk.for_alarm(taken) == [dispatch]


def test_a_new_alarm_must_be_taken_and_someone_elses_refuses(
    db: Database,
    desk: DispatchDesk,
    alarm_desk: AlarmDesk,
    clock: SteppingClock,
    amelie: Operator,
    site_id: int,
) -> None:
    alarm_id = alarm_desk.ingest([cid(130, zone=1, at=clock.now)]).new_alarm_ids[0]
    with pytest.raises(DispatchError, match="Take the alarm"):
        desk.request(alarm_id, DispatchKind.POLICE, amelie)
    alarm_desk.take(alarm_id, amelie)
    bruno = add_operator_to(db, "bruno")
    with pytest.raises(DispatchError, match="handled by amelie"):
        desk.request(alarm_id, DispatchKind.POLICE, bruno)
    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    assert desk.request(alarm_id, DispatchKind.POLICE, chef).agreed_delay_min is None
    with pytest.raises(DispatchError, match="does not exist"):
        desk.request(424242, DispatchKind.POLICE, amelie)
    assert dispatch_rows(db) == 1


def test_the_report_may_arrive_after_the_alarm_was_closed(
    db: Database,
    desk: DispatchDesk,
    alarm_desk: AlarmDesk,
    clock: SteppingClock,
    amelie: Operator,
    taken: int,
) -> None:
    dispatch = desk.request(taken, DispatchKind.GUARD, amelie, provider="Securitas")
    clock.advance(600)
    desk.on_site(dispatch.id, amelie)
    alarm_desk.close(taken, amelie, Disposition.FALSE_ALARM_ENVIRONMENT, "Cat in the shop")
    clock.advance(300)
    assert desk.report(dispatch.id, "Cat found inside", amelie).report == "Cat found inside"
    with pytest.raises(DispatchError, match="closed"):
        desk.request(taken, DispatchKind.POLICE, amelie)


def test_writes_are_version_checked(
    db: Database, desk: DispatchDesk, clock: SteppingClock, amelie: Operator, taken: int
) -> None:
    dispatch = desk.request(taken, DispatchKind.GUARD, amelie, provider="Securitas")
    clock.advance(60)
    desk.on_site(dispatch.id, amelie)  # another desk's view still holds version 1
    with pytest.raises(StaleDispatch), db.write() as session:
        dispatch_store.save_dispatch(session, dispatch)
    with pytest.raises(DispatchError, match="already on site"):  # the desk re-reads, then refuses
        desk.on_site(dispatch.id, amelie)


def test_site_guard_delay_is_configurable_and_checked(db: Database, desk: DispatchDesk, site_id: int) -> None:
    desk.set_site_guard_delay(site_id, 15)
    assert desk.agreed_delay(site_id, DispatchKind.GUARD) == 15
    with pytest.raises(DispatchError, match="between 1 and"):
        desk.set_site_guard_delay(site_id, 0)
    desk.set_site_guard_delay(site_id, None)
    assert desk.agreed_delay(site_id, DispatchKind.GUARD) == 30

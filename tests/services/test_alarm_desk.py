"""Signals to alarms and operator actions, through the real database on each backend."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from console.domain.alarm import Action, AlarmState, Disposition, ReleaseReasonRequired, Role, TransitionError
from console.domain.journal import JournalAction
from console.domain.priority import EventCategory, Priority
from console.services.alarm_desk import AlarmDesk
from console.storage import alarms as alarm_store
from console.storage.changes import ChangeCursor
from console.storage.engine import Database
from console.storage.signals import history, signals_for_alarm
from console.storage.tables import AlarmRow, SignalRow
from tests.factories import SteppingClock, add_operator_to, add_site, cid, sia


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def desk(db: Database, clock: SteppingClock) -> AlarmDesk:
    return AlarmDesk(db, clock)


def test_intrusion_signal_raises_an_alarm_for_its_site(
    db: Database, desk: AlarmDesk, clock: SteppingClock
) -> None:
    site_id = add_site(db)
    result = desk.ingest([cid(132, zone=3, at=clock.now)])
    assert result.stored == 1 and len(result.new_alarm_ids) == 1
    with db.read() as session:
        alarm = alarm_store.get_alarm(session, result.new_alarm_ids[0])
        assert alarm is not None
        assert alarm.site_id == site_id and alarm.site_code == "LYO-0001"
        assert alarm.state is AlarmState.NEW
        assert alarm.priority is Priority.INTRUSION and alarm.category is EventCategory.INTRUSION
        assert alarm.created_at == clock.now
        assert "3" in alarm.title
        journal = alarm_store.journal_for_alarm(session, alarm.id)
        assert [e.action for e in journal] == [JournalAction.ALARM_RAISED]
        stored = signals_for_alarm(session, alarm.id)
        assert [(s.event_code, s.zone) for s in stored] == [("132", 3)]


def test_later_signals_of_the_site_join_its_open_alarm_and_escalate(
    db: Database, desk: AlarmDesk, clock: SteppingClock
) -> None:
    add_site(db)
    first = desk.ingest([cid(132, zone=3, at=clock.now)]).new_alarm_ids[0]
    second = desk.ingest([cid(134, zone=4, at=clock.advance(5)), cid(110, zone=9, at=clock.advance(2))])
    assert second.new_alarm_ids == () and second.updated_alarm_ids == (first,)
    with db.read() as session:
        alarm = alarm_store.get_alarm(session, first)
        assert alarm is not None
        assert alarm.signal_count == 3
        assert alarm.priority is Priority.LIFE_SAFETY and alarm.category is EventCategory.FIRE
        assert alarm.last_signal_at == clock.now
        actions = [e.action for e in alarm_store.journal_for_alarm(session, first)]
        # zones 3 then 4 within seconds: the intruder's path confirms it before the fire escalates it
        assert actions == [
            JournalAction.ALARM_RAISED,
            JournalAction.PATH_CONFIRMED,
            JournalAction.PRIORITY_RAISED,
        ]


def test_restore_and_periodic_test_alone_raise_no_alarm(db: Database, desk: AlarmDesk) -> None:
    add_site(db)
    result = desk.ingest([cid(132, zone=3, qualifier=3), cid(602, zone=0), sia("OP", zone=2)])
    assert result.stored == 3 and result.new_alarm_ids == ()
    with db.read() as session:
        assert session.execute(select(func.count()).select_from(AlarmRow)).scalar_one() == 0
        assert session.execute(select(func.count()).select_from(SignalRow)).scalar_one() == 3


def test_signal_from_unknown_account_raises_an_unknown_account_alarm(db: Database, desk: AlarmDesk) -> None:
    result = desk.ingest([cid(130, account="FFFE"), cid(131, account="FFFE")])
    assert len(result.new_alarm_ids) == 1
    with db.read() as session:
        alarm = alarm_store.get_alarm(session, result.new_alarm_ids[0])
        assert alarm is not None and alarm.site_id is None
        assert alarm.account == "FFFE" and "Unknown account FFFE" in alarm.title
        assert alarm.signal_count == 2


def test_take_and_close_write_each_step_to_the_journal(
    db: Database, desk: AlarmDesk, clock: SteppingClock
) -> None:
    add_site(db)
    operator = add_operator_to(db)
    alarm_id = desk.ingest([cid(130, at=clock.now)]).new_alarm_ids[0]
    taken_at = clock.advance(12)
    taken = desk.take(alarm_id, operator)
    assert taken.state is AlarmState.TAKEN and taken.operator_login == "amelie" and taken.taken_at == taken_at
    closed_at = clock.advance(90)
    closed = desk.close(alarm_id, operator, Disposition.FALSE_ALARM_USER, "Client joint, erreur de code")
    assert closed.state is AlarmState.CLOSED and closed.closed_at == closed_at
    with db.read() as session:
        stored = alarm_store.get_alarm(session, alarm_id)
        assert stored is not None and stored.disposition is Disposition.FALSE_ALARM_USER
        assert stored.closing_comment == "Client joint, erreur de code"
        journal = alarm_store.journal_for_alarm(session, alarm_id)
    assert [(e.action, e.operator_login) for e in journal] == [
        (JournalAction.ALARM_RAISED, None),
        (JournalAction.TAKE, "amelie"),
        (JournalAction.CLOSE, "amelie"),
    ]
    assert [e.at for e in journal][1:] == [taken_at, closed_at]


def test_second_desk_cannot_take_an_alarm_already_taken(db: Database, desk: AlarmDesk) -> None:
    add_site(db)
    amelie, bruno = add_operator_to(db, "amelie"), add_operator_to(db, "bruno")
    alarm_id = desk.ingest([cid(130)]).new_alarm_ids[0]
    desk.take(alarm_id, amelie)
    with pytest.raises(TransitionError, match="taken"):
        desk.take(alarm_id, bruno)
    with pytest.raises(TransitionError, match="handled by amelie"):
        desk.act(alarm_id, Action.VERIFY, bruno)


def test_supervisor_may_act_on_an_alarm_held_by_someone_else(db: Database, desk: AlarmDesk) -> None:
    add_site(db)
    amelie = add_operator_to(db, "amelie")
    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    alarm_id = desk.ingest([cid(130)]).new_alarm_ids[0]
    desk.take(alarm_id, amelie)
    with pytest.raises(ReleaseReasonRequired):  # taking it from someone: the journal says why
        desk.act(alarm_id, Action.RELEASE, chef)
    released = desk.act(alarm_id, Action.RELEASE, chef, comment="Amelie called away")
    assert released.state is AlarmState.NEW
    journal = [e for e in desk_journal(db, alarm_id) if e.action == JournalAction.RELEASE]
    assert [(e.operator_login, e.detail) for e in journal] == [
        ("chef", "released from amelie: Amelie called away")
    ]


def desk_journal(db: Database, alarm_id: int) -> list[Any]:
    with db.read() as session:
        return alarm_store.journal_for_alarm(session, alarm_id)


def test_stale_version_is_refused(db: Database, desk: AlarmDesk) -> None:
    add_site(db)
    operator = add_operator_to(db)
    alarm_id = desk.ingest([cid(130)]).new_alarm_ids[0]
    with db.read() as session:
        snapshot = alarm_store.get_alarm(session, alarm_id)
    assert snapshot is not None
    desk.take(alarm_id, operator)
    with pytest.raises(alarm_store.StaleAlarm), db.write() as session:
        alarm_store.save_alarm(session, snapshot)


def test_database_refuses_a_second_open_alarm_for_a_site(db: Database, desk: AlarmDesk) -> None:
    add_site(db)
    alarm_id = desk.ingest([cid(130)]).new_alarm_ids[0]
    with db.read() as session:
        alarm = alarm_store.get_alarm(session, alarm_id)
    assert alarm is not None
    with pytest.raises(IntegrityError), db.write() as session:
        alarm_store.insert_alarm(session, alarm)


def test_closing_reopens_the_site_for_a_new_alarm(db: Database, desk: AlarmDesk) -> None:
    add_site(db)
    operator = add_operator_to(db)
    first = desk.ingest([cid(130)]).new_alarm_ids[0]
    desk.take(first, operator)
    desk.close(first, operator, Disposition.TEST, "Essai technicien")
    second = desk.ingest([cid(130)]).new_alarm_ids
    assert len(second) == 1 and second[0] != first


def test_change_cursor_sees_every_change_once(db: Database, desk: AlarmDesk) -> None:
    add_site(db)
    add_site(db, "PAR-0002", "5B30")
    operator = add_operator_to(db)
    cursor = ChangeCursor()
    with db.read() as session:
        assert cursor.poll(session) == {}
    a = desk.ingest([cid(130)]).new_alarm_ids[0]
    b = desk.ingest([cid(110, account="5B30")]).new_alarm_ids[0]
    with db.read() as session:
        assert cursor.poll(session) == {"alarm": {a, b}}
        assert cursor.poll(session) == {}
    desk.take(b, operator)
    with db.read() as session:
        assert cursor.poll(session) == {"alarm": {b}}
    assert cursor.pending_gaps == 0


def test_history_streams_signals_in_order_with_filters(
    db: Database, desk: AlarmDesk, clock: SteppingClock
) -> None:
    add_site(db)
    add_site(db, "PAR-0002", "5B30")
    desk.ingest([cid(130, at=clock.now, seq=7), cid(602, account="5B30", at=clock.advance(60), seq=8)])
    rows = list(history_rows(db))
    assert [(r["site"], r["event_code"], r["sequence"]) for r in rows] == [
        ("LYO-0001", "130", 7),
        ("PAR-0002", "602", 8),
    ]
    assert str(rows[0]["raw"]).startswith('"ADM-CID"0007')
    assert [r["site"] for r in history_rows(db, site_code="PAR-0002")] == ["PAR-0002"]
    assert [r["event_code"] for r in history_rows(db, since=clock.now)] == ["602"]


def history_rows(db: Database, **filters: object) -> list[dict[str, object]]:
    with db.read() as session:
        return list(history(session, **filters))  # type: ignore[arg-type]


def test_two_intrusion_zones_in_sequence_confirm_the_alarm_once(
    db: Database, desk: AlarmDesk, clock: SteppingClock
) -> None:
    add_site(db)
    alarm_id = desk.ingest([cid(132, zone=3, at=clock.now)]).new_alarm_ids[0]
    desk.ingest([cid(132, zone=3, at=clock.advance(5))])  # the same zone again: no path
    with db.read() as session:
        alarm = alarm_store.get_alarm(session, alarm_id)
    assert alarm is not None and alarm.path_confirmed_at is None
    confirmed_at = clock.advance(20)
    desk.ingest([cid(134, zone=5, at=confirmed_at), cid(132, zone=6, at=clock.advance(3))])
    with db.read() as session:
        alarm = alarm_store.get_alarm(session, alarm_id)
        journal = alarm_store.journal_for_alarm(session, alarm_id)
    assert alarm is not None and alarm.path_confirmed_at == confirmed_at
    paths = [e for e in journal if e.action == JournalAction.PATH_CONFIRMED]
    assert [e.detail for e in paths] == ["zones 3 → 5 within 20 s"]  # from the latest trip of zone 3


def test_zones_further_apart_than_the_window_do_not_confirm(db: Database, clock: SteppingClock) -> None:
    add_site(db)
    desk = AlarmDesk(db, clock, path_window_s=60)
    alarm_id = desk.ingest([cid(132, zone=3, at=clock.now)]).new_alarm_ids[0]
    desk.ingest([cid(132, zone=5, at=clock.advance(61)), cid(130, zone=4, qualifier=3, at=clock.advance(1))])
    with db.read() as session:
        alarm = alarm_store.get_alarm(session, alarm_id)
    assert alarm is not None and alarm.path_confirmed_at is None


def test_path_within_one_batch_confirms_a_new_alarm(
    db: Database, desk: AlarmDesk, clock: SteppingClock
) -> None:
    add_site(db)
    result = desk.ingest([cid(134, zone=1, at=clock.now), cid(132, zone=2, at=clock.advance(4))])
    with db.read() as session:
        alarm = alarm_store.get_alarm(session, result.new_alarm_ids[0])
    assert alarm is not None and alarm.path_confirmed_at == clock.now and alarm.version == 2


def test_closing_needs_mandatory_steps_done_or_a_reason(db: Database, desk: AlarmDesk) -> None:
    from console.domain.priority import EventCategory as Category
    from console.domain.site import ProcedureStep
    from console.storage.sites import add_procedure, site_by_code

    add_site(db)
    operator = add_operator_to(db)
    with db.write() as session:
        site = site_by_code(session, "LYO-0001")
        assert site is not None
        add_procedure(
            session,
            site,
            Category.INTRUSION,
            "Intrusion",
            [("Écouter le site", True), ("Informer par SMS", False), ("Appeler le 17", True)],
        )
    alarm_id = desk.ingest([cid(130)]).new_alarm_ids[0]
    desk.take(alarm_id, operator)
    with pytest.raises(TransitionError, match="Mandatory procedure steps not done: 1, 3"):
        desk.close(alarm_id, operator, Disposition.FALSE_ALARM_USER, "Erreur de code")
    with db.read() as session:
        from console.storage.sites import mandatory_steps

        steps = mandatory_steps(session, site.id, Category.INTRUSION)  # type: ignore[arg-type]
    first = next(step_id for step_id, rank in steps.items() if rank == 1)
    desk.record_step_done(alarm_id, ProcedureStep(first, 1, "Écouter le site"), operator)
    with pytest.raises(TransitionError, match="not done: 3"):
        desk.close(alarm_id, operator, Disposition.FALSE_ALARM_USER, "Erreur de code")
    closed = desk.close(
        alarm_id, operator, Disposition.FALSE_ALARM_USER, "Erreur de code", "client joint avant"
    )
    assert closed.state is AlarmState.CLOSED
    with db.read() as session:
        close = [
            e for e in alarm_store.journal_for_alarm(session, alarm_id) if e.action == JournalAction.CLOSE
        ]
    assert close[0].detail.endswith("(steps 3 not done: client joint avant)")


def test_each_desk_write_tells_the_consoles_once(db: Database, desk: AlarmDesk) -> None:
    """One change row per alarm and transaction: the journal line written with it already says so."""
    from console.storage.tables import ChangeRow

    add_site(db)
    amelie = add_operator_to(db)
    alarm_id = desk.ingest([cid(130)]).new_alarm_ids[0]

    def rows() -> int:
        with db.read() as session:
            query = select(func.count()).select_from(ChangeRow).where(col(ChangeRow.entity_id) == alarm_id)
            return int(session.execute(query).scalar_one())

    before = rows()
    desk.take(alarm_id, amelie)
    assert rows() == before + 1
    desk.record_zones_acknowledged(alarm_id, [1], amelie)
    assert rows() == before + 2
    desk.close(alarm_id, amelie, Disposition.FALSE_ALARM_USER, "Client joint, fausse manipulation")
    assert rows() == before + 3

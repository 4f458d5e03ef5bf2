"""What the queue's supervision needs from the database, on each backend: the holder's last
activity (stall detection), the shift's take times, and refusals that name who holds an alarm."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from sqlalchemy import text

from console.domain.alarm import AlarmState, TransitionError
from console.domain.shift import TakeTimes
from console.domain.site import ProcedureStep
from console.services.alarm_desk import AlarmDesk
from console.services.queue_feed import QueueFeed
from console.storage import alarms as alarm_store
from console.storage import alarms as alarm_store_module
from console.storage import migrate
from console.storage.engine import Database, create_engine_for
from tests.factories import SteppingClock, add_operator_to, add_site, cid


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def desk(db: Database, clock: SteppingClock) -> AlarmDesk:
    return AlarmDesk(db, clock)


def test_operator_actions_and_ticked_steps_move_the_last_activity(
    db: Database, desk: AlarmDesk, clock: SteppingClock
) -> None:
    add_site(db)
    amelie = add_operator_to(db)
    alarm_id = desk.ingest([cid(132, at=clock.now)]).new_alarm_ids[0]
    feed = QueueFeed(db)
    feed.snapshot()
    with db.read() as session:
        assert alarm_store.get_alarm(session, alarm_id).last_activity_at is None  # type: ignore[union-attr]

    taken_at = clock.advance(12)
    taken = desk.take(alarm_id, amelie)
    assert taken.last_activity_at == taken_at
    version = taken.version

    ticked_at = clock.advance(100)
    desk.record_step_done(alarm_id, ProcedureStep(id=1, rank=1, text="Call the site"), amelie)
    changed = {a.id: a for a in feed.changes()}  # other consoles learn of it through the change feed
    assert changed[alarm_id].last_activity_at == ticked_at
    assert changed[alarm_id].version == version  # activity is no state change: no version conflict
    with db.read() as session:
        stored = alarm_store.get_alarm(session, alarm_id)
    assert stored is not None and stored.last_activity_at == ticked_at and stored.state is AlarmState.TAKEN


def test_last_activity_never_moves_back_and_system_entries_do_not_count(
    db: Database, desk: AlarmDesk, clock: SteppingClock
) -> None:
    add_site(db)
    amelie = add_operator_to(db)
    alarm_id = desk.ingest([cid(132, at=clock.now)]).new_alarm_ids[0]
    desk.take(alarm_id, amelie)
    latest = clock.advance(60)
    with db.write() as session:
        alarm_store.append_journal(
            session, at=latest, action="note", operator_id=amelie.id, alarm_id=alarm_id
        )
    with db.write() as session:
        alarm_store.append_journal(
            session,
            at=latest - timedelta(seconds=30),
            action="note",
            operator_id=amelie.id,
            alarm_id=alarm_id,
        )
        alarm_store.append_journal(
            session, at=latest + timedelta(seconds=90), action="link_restored", alarm_id=alarm_id
        )
    with db.read() as session:
        assert alarm_store.get_alarm(session, alarm_id).last_activity_at == latest  # type: ignore[union-attr]


def test_take_times_of_the_shift(db: Database, desk: AlarmDesk, clock: SteppingClock) -> None:
    add_site(db, "LYO-0001", "4A21")
    add_site(db, "LYO-0002", "4A22")
    amelie = add_operator_to(db)
    before = desk.ingest([cid(132, at=clock.now)]).new_alarm_ids[0]
    shift_start = clock.advance(60)
    created = clock.advance(5)
    during = desk.ingest([cid(132, account="4A22", at=created)]).new_alarm_ids[0]
    clock.advance(20)
    desk.take(during, amelie)
    assert before != during
    feed = QueueFeed(db)
    assert feed.shift_take_times(shift_start) == {
        during: TakeTimes(created, created + timedelta(seconds=20), None)
    }
    # a refresh reads only what was raised, taken or closed lately
    assert feed.shift_take_times(shift_start, changed_since=created + timedelta(seconds=10)) == {
        during: TakeTimes(created, created + timedelta(seconds=20), None)
    }
    assert feed.shift_take_times(shift_start, changed_since=created + timedelta(seconds=21)) == {}


def test_taking_an_alarm_someone_holds_names_them(
    db: Database, desk: AlarmDesk, clock: SteppingClock
) -> None:
    add_site(db)
    amelie = add_operator_to(db, "amelie")
    bruno = add_operator_to(db, "bruno")
    alarm_id = desk.ingest([cid(132, at=clock.now)]).new_alarm_ids[0]
    desk.take(alarm_id, amelie)
    with pytest.raises(TransitionError, match=r"\(LYO-0001\) is already taken by amelie"):
        desk.take(alarm_id, bruno)


def test_losing_the_race_to_take_names_the_winner(
    db: Database, desk: AlarmDesk, clock: SteppingClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both desks read the alarm as new; the slower one's version check fails after the other committed."""
    add_site(db)
    amelie = add_operator_to(db, "amelie")
    bruno = add_operator_to(db, "bruno")
    alarm_id = desk.ingest([cid(132, at=clock.now)]).new_alarm_ids[0]
    with db.read() as session:
        as_read = alarm_store.get_alarm(session, alarm_id)
    assert as_read is not None
    desk.take(alarm_id, amelie)
    real_get = alarm_store_module.get_alarm
    stale = iter([as_read])
    monkeypatch.setattr(alarm_store_module, "get_alarm", lambda s, i: next(stale, None) or real_get(s, i))
    with pytest.raises(TransitionError, match="just taken by amelie"):
        desk.take(alarm_id, bruno)


def test_migration_fills_last_activity_from_the_journal(empty_db_url: str) -> None:
    engine = create_engine_for(empty_db_url)
    migrate.upgrade(engine, "0005")
    utc = "" if engine.dialect.name == "sqlite" else "+00"  # SQLite keeps naive UTC
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO operator (id, login, display_name, role, password_hash, active, created_at)"
                " VALUES (1, 'amelie', 'Amelie', 'operator', 'x', :yes, :at)"
            ),
            {"yes": True, "at": "2026-11-29 22:00:00" + utc},
        )
        conn.execute(
            text(
                "INSERT INTO alarm (id, account, state, priority, category, title, created_at, last_signal_at,"
                " signal_count, version, operator_id) VALUES (1, '4A21', 'taken', 2, 'intrusion', 'x',"
                " :at, :at, 1, 2, 1)"
            ),
            {"at": "2026-11-29 22:00:00" + utc},
        )
        for at, operator in (
            ("2026-11-29 22:00:10", 1),
            ("2026-11-29 22:03:00", 1),
            ("2026-11-29 22:09:00", None),
        ):
            conn.execute(
                text(
                    "INSERT INTO journal (at, operator_id, alarm_id, action, detail) VALUES (:at, :op, 1, 'note', '')"
                ),
                {"at": at + utc, "op": operator},
            )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        filled = conn.execute(text("SELECT last_activity_at FROM alarm WHERE id = 1")).scalar_one()
    if not isinstance(filled, str):
        filled = filled.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    assert filled.startswith("2026-11-29 22:03:00")
    engine.dispose()

"""A shift change: the alarms the leaving operator holds become the next one's, journaled."""

from __future__ import annotations

from sqlmodel import col, select

from console.domain.alarm import Action, AlarmState
from console.domain.journal import JournalAction
from console.services.alarm_desk import AlarmDesk
from console.services.shift_change import ShiftChange
from console.storage import alarms as alarm_store
from console.storage.engine import Database
from console.storage.tables import JournalRow
from tests.factories import T0, SteppingClock, add_operator_to, add_site, cid


def test_the_next_operator_takes_every_alarm_held(db: Database) -> None:
    for code, account in (("LYO-0001", "4A21"), ("PAR-0002", "5B32"), ("MAR-0003", "6C43")):
        add_site(db, code=code, account=account)
    clock = SteppingClock(T0)
    desk, shift = AlarmDesk(db, clock), ShiftChange(db, clock)
    leaving, next_one, colleague = (
        add_operator_to(db, "amelie"),
        add_operator_to(db, "bruno"),
        add_operator_to(db, "chloe"),
    )
    ids = [
        desk.ingest([cid(130, account=a, at=clock.advance(1), seq=n)]).new_alarm_ids[0]
        for n, a in enumerate(("4A21", "5B32", "6C43"))
    ]
    desk.take(ids[0], leaving)
    desk.act(ids[0], Action.VERIFY, leaving)
    desk.take(ids[1], leaving)
    desk.take(ids[2], colleague)  # not amelie's: stays with Chloé

    assert shift.hand_over("amelie", leaving) == []  # signing in again as oneself moves nothing
    moved = shift.hand_over("amelie", next_one, "desk-2")
    assert sorted(moved) == ids[:2]
    with db.read() as session:
        alarms = {a.id: a for a in alarm_store.open_alarms(session)}
        details = session.execute(
            select(JournalRow.alarm_id, JournalRow.detail).where(
                col(JournalRow.action) == JournalAction.HANDED_OVER.value
            )
        ).all()
    assert [(alarms[i].operator_login, alarms[i].state) for i in ids] == [
        ("bruno", AlarmState.VERIFYING),
        ("bruno", AlarmState.TAKEN),
        ("chloe", AlarmState.TAKEN),
    ]
    assert sorted(details) == [(ids[0], "amelie -> bruno at desk-2"), (ids[1], "amelie -> bruno at desk-2")]
    assert shift.hand_over("amelie", next_one) == []  # nothing left
    assert shift.hand_over("nobody", next_one) == []

"""A past alarm's record, read-only, for the supervisor: every part of it, one alarm after another."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from console.domain.alarm import Disposition, Role
from console.domain.calls import CallDirection, CallPurpose, CallRecord
from console.domain.dispatch import DispatchKind
from console.domain.journal import JournalAction
from console.services.alarm_desk import AlarmDesk
from console.services.alarm_records import AlarmRecords
from console.services.authority import Authority
from console.services.dispatch_desk import DispatchDesk
from console.storage import calls as call_store
from console.storage.engine import Database
from console.storage.tables import JournalRow
from console.views.supervision.record_window import AlarmRecordWindow
from tests.factories import SteppingClock, add_operator_to, add_site, cid


def handled_alarm(db: Database, clock: SteppingClock, account: str, code: str) -> int:
    """Two intrusion zones in turn, taken, a guard sent, a call with a recording, closed."""
    add_site(db, code, account, f"Site {code}")
    desk = AlarmDesk(db, clock)
    amelie = add_operator_to(db, f"op{account.lower()}", Role.OPERATOR)
    alarm_id = desk.ingest([cid(130, zone=1, account=account, at=clock.now)]).new_alarm_ids[0]
    clock.advance(20)
    desk.ingest([cid(130, zone=2, account=account, at=clock.now)])
    desk.take(alarm_id, amelie)
    DispatchDesk(db, clock).request(alarm_id, DispatchKind.GUARD, amelie, provider="Securitas")
    with db.write() as session:
        call = call_store.insert_call(
            session,
            CallRecord(
                0, CallDirection.OUTGOING, CallPurpose.CALLBACK, "sip:gerant@example", clock.now, alarm_id
            ),
        )
        call_store.set_recording(session, call.id, f"/records/{code}.wav", clock.now)
        call_store.set_fingerprint(session, call.id, 1234, "ab" * 32, clock.now)
    desk.close(alarm_id, amelie, Disposition.FALSE_ALARM_USER, "Gérant joint, fausse manipulation")
    return alarm_id


def test_a_supervisor_reads_each_record_in_turn_and_sends_a_call_to_the_audit(
    qtbot: Any, db: Database
) -> None:
    clock = SteppingClock()
    first = handled_alarm(db, clock, "4A21", "LYO-0001")
    clock.advance(timedelta(hours=1).total_seconds())
    second = handled_alarm(db, clock, "5B32", "PAR-0002")
    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    window = AlarmRecordWindow(AlarmRecords(db, Authority(db, clock)), chef)
    qtbot.addWidget(window)
    window.show()
    wanted: list[tuple[int, int]] = []
    window.call_audit_wanted.connect(lambda call_id, alarm_id: wanted.append((call_id, alarm_id)))
    for alarm_id, code in ((first, "LYO-0001"), (second, "PAR-0002"), (first, "LYO-0001")):
        with qtbot.waitSignal(window.record_shown, timeout=10000):
            window.open_alarm(alarm_id)
        assert code in window.header.text() and "by op" in window.header.text()
        assert "False alarm" in window.header.text() and "Gérant joint" in window.header.text()
        assert code in window.windowTitle()
        assert window.signals.rowCount() == 2
        assert len(window.plan.path_items) == 0  # no plan for these sites: nothing drawn, no crash
        actions = [e.action for e in window.journal.records()]
        assert JournalAction.TAKE in actions and JournalAction.CLOSE in actions
        assert [d.provider for d in window.dispatches.dispatches()] == ["Securitas"]
        assert [c.recording_path for c in window.calls.records()] == [f"/records/{code}.wav"]
        assert "abababababab" in str(window.calls.index(0, 6).data())
        assert not window.play_button.isEnabled()
        window.calls_view.selectRow(0)
        assert window.play_button.isEnabled()
        window.play_button.click()
    assert [alarm for _call, alarm in wanted] == [first, second, first]
    assert wanted[0] == wanted[2] and wanted[0][0] != wanted[1][0]


def test_an_operator_is_refused_and_an_unknown_alarm_is_said(qtbot: Any, db: Database) -> None:
    clock = SteppingClock()
    alarm_id = handled_alarm(db, clock, "4A21", "LYO-0001")
    amelie = add_operator_to(db, "amelie", Role.OPERATOR)
    refused = AlarmRecordWindow(AlarmRecords(db, Authority(db, clock)), amelie)
    qtbot.addWidget(refused)
    refused.open_alarm(alarm_id)
    qtbot.waitUntil(lambda: not refused.busy)
    assert refused.message.isVisibleTo(refused) and "supervisors and admins" in refused.message.text()
    assert refused.record is None
    with db.read() as session:
        rows = session.scalars(
            select(JournalRow).where(col(JournalRow.action) == JournalAction.AUDIT_REFUSED)
        )
        assert [r.operator_id for r in rows] == [amelie.id]

    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    window = AlarmRecordWindow(AlarmRecords(db, Authority(db, clock)), chef)
    qtbot.addWidget(window)
    window.open_alarm(alarm_id + 1000)
    qtbot.waitUntil(lambda: not window.busy)
    assert f"No alarm {alarm_id + 1000}" in window.message.text()

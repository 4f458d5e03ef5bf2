"""End to end in the GUI: a signal arrives, its row appears, the operator takes it and closes it
with the keyboard, and the journal holds each step in order with timestamps and operator."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.domain.alarm import AlarmState, Disposition
from console.domain.journal import JournalAction
from console.services.alarm_desk import AlarmDesk
from console.storage import alarms as alarm_store
from console.storage.engine import Database
from console.views.queue.close_dialog import CloseAlarmDialog
from console.views.workstation import Workstation
from tests.factories import add_site, cid
from tests.views.harness import running_workstation, settle


@pytest.fixture
def workstation(qtbot, sqlite_db: Database, tmp_path: Path):  # type: ignore[no-untyped-def]
    add_site(sqlite_db)
    yield from running_workstation(qtbot, sqlite_db, tmp_path)


def test_signal_to_closed_alarm_by_keyboard(qtbot, workstation: Workstation, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]
    model = workstation.model
    window = workstation.queue_window
    receiver_desk = AlarmDesk(sqlite_db)  # stands for the receiver: another writer on the database
    alarm_id = receiver_desk.ingest([cid(132, zone=3, at=datetime.now(UTC))]).new_alarm_ids[0]

    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.alarm_at(0).id == alarm_id  # type: ignore[union-attr]
    assert workstation.sound.played == 1

    with qtbot.waitActive(window):
        window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_T)
    settle(qtbot, workstation)
    assert model.alarm(alarm_id).state is AlarmState.TAKEN  # type: ignore[union-attr]
    assert workstation.site_window.alarm is not None and workstation.site_window.alarm.id == alarm_id
    assert workstation.site_window.signals.rowCount() == 1

    qtbot.keyClick(window.table, Qt.Key.Key_C)
    dialog = window.findChild(CloseAlarmDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)  # keys go where the operator's focus is: the dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # nothing filled in: refused, errors shown by the fields
    assert dialog.isVisible() and dialog.disposition_error.isVisible() and dialog.comment_error.isVisible()
    dialog.disposition_box.setFocus()
    index = dialog.disposition_box.findData(Disposition.FALSE_ALARM_USER.value)
    assert index > 0
    for _ in range(index):
        qtbot.keyClick(dialog.disposition_box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.disposition_box, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.comment_edit, "Gerant joint, erreur de code")
    qtbot.keyClick(dialog.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)

    with sqlite_db.read() as session:
        journal = alarm_store.journal_for_alarm(session, alarm_id)
        stored = alarm_store.get_alarm(session, alarm_id)
    assert stored is not None and stored.state is AlarmState.CLOSED
    assert stored.disposition is Disposition.FALSE_ALARM_USER
    assert stored.closing_comment == "Gerant joint, erreur de code"
    assert [e.action for e in journal] == [
        JournalAction.ALARM_RAISED,
        JournalAction.TAKE,
        JournalAction.CLOSE,
    ]
    assert [e.operator_login for e in journal] == [None, "amelie", "amelie"]
    times = [e.at for e in journal]
    assert times == sorted(times) and all(t.tzinfo is not None for t in times)
    QApplication.processEvents()

"""An intrusion alarm handled from arrival to closing with the keyboard alone, on both windows:
take, open the site, look at the plan (acknowledge, replay the path), tick a procedure step, close."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.domain.alarm import AlarmState, Disposition
from console.domain.journal import JournalAction
from console.domain.priority import EventCategory
from console.domain.site import DetectorType
from console.services.alarm_desk import AlarmDesk
from console.storage import alarms as alarm_store
from console.storage.engine import Database
from console.storage.sites import add_plan, add_procedure, add_zone, site_by_code
from console.views.queue.close_dialog import CloseAlarmDialog
from console.views.workstation import Workstation
from tests.factories import add_site, cid
from tests.views.harness import running_workstation, settle

SVG = b"""<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 300' width='400' height='300'>
<rect x='0' y='0' width='400' height='300' fill='white'/></svg>"""


def add_intrusion_site(db: Database) -> None:
    """A site with a plan, two detectors on it and an intrusion procedure (second step mandatory)."""
    add_site(db)
    with db.write() as session:
        site = site_by_code(session, "LYO-0001")
        assert site is not None
        plan = add_plan(session, site, 0, "Rez-de-chaussée", "image/svg+xml", SVG)
        add_zone(session, site, 1, "Porte", DetectorType.DOOR_CONTACT, plan, 40, 150)
        add_zone(session, site, 2, "Officine", DetectorType.PIR, plan, 200, 150)
        add_procedure(
            session,
            site,
            EventCategory.INTRUSION,
            "Intrusion",
            [("Écouter le site", False), ("Appeler le gérant", True)],
        )


@pytest.fixture
def workstation(qtbot, sqlite_db: Database, tmp_path: Path):  # type: ignore[no-untyped-def]
    add_intrusion_site(sqlite_db)
    yield from running_workstation(qtbot, sqlite_db, tmp_path)


def test_intrusion_alarm_by_keyboard_alone(qtbot, workstation: Workstation, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]
    model = workstation.model
    queue = workstation.queue_window
    site = workstation.site_window
    now = datetime.now(UTC)
    alarm_id = (
        AlarmDesk(sqlite_db)  # stands for the receiver
        .ingest([cid(130, zone=1, at=now - timedelta(seconds=20)), cid(130, zone=2, at=now)])
        .new_alarm_ids[0]
    )
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)

    with qtbot.waitActive(queue):
        queue.activateWindow()
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_T)
    settle(qtbot, workstation)
    assert model.alarm(alarm_id).state is AlarmState.TAKEN  # type: ignore[union-attr]

    qtbot.keyClick(queue.table, Qt.Key.Key_Return)  # to the site window, onto its plan
    qtbot.waitUntil(site.isActiveWindow)
    settle(qtbot, workstation)
    assert site.alarm is not None and site.alarm.id == alarm_id
    assert site.focusWidget() is site.plan.view
    assert len(site.plan.path_items) >= 3  # two numbered trips and the arrow between them
    assert not site.plan.acknowledged  # the tripped zones flash
    qtbot.keyClick(site.plan.view, Qt.Key.Key_A)
    assert site.plan.acknowledged
    assert site.statusBar().currentMessage() == "Tripped zones acknowledged: 1, 2"
    qtbot.waitUntil(
        lambda: any(e.action == JournalAction.ZONES_ACKNOWLEDGED for e in site.journal.records()),
        timeout=5000,
    )
    assert site.plan.acknowledged  # the journal's refresh does not make the zones flash again
    qtbot.keyClick(site.plan.view, Qt.Key.Key_A)  # once is enough: not journaled twice
    assert site.statusBar().currentMessage() == "The tripped zones are already acknowledged"
    qtbot.keyClick(site.plan.view, Qt.Key.Key_P)
    assert site.plan.replaying

    qtbot.keyClick(site.plan.view, Qt.Key.Key_F6)  # plan -> procedure
    checklist = site.checklist_view
    assert site.focusWidget() is checklist
    assert checklist.currentIndex().row() == 0
    qtbot.keyClick(checklist, Qt.Key.Key_Down)
    qtbot.keyClick(checklist, Qt.Key.Key_Up)
    qtbot.keyClick(checklist, Qt.Key.Key_Down)
    assert checklist.currentIndex().row() == 1
    qtbot.keyClick(checklist, Qt.Key.Key_Space)  # the mandatory step: "Appeler le gérant"
    ticked = site.checklist.index(1, 0)
    assert ticked.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert checklist.currentIndex().row() == 0  # on to the step still open: one key per step
    qtbot.waitUntil(
        lambda: any(e.action == JournalAction.STEP_DONE for e in site.journal.records()), timeout=5000
    )
    step_rows = [r for r, e in enumerate(site.journal.records()) if e.action == JournalAction.STEP_DONE]
    shown = site.journal.index(step_rows[0], 3).data()
    assert shown == "Appeler le gérant"  # words, not the step's row id
    qtbot.keyClick(site, Qt.Key.Key_F6)  # procedure -> contacts
    assert site.focusWidget() is site.contacts_view
    qtbot.keyClick(site, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # straight back to the plan
    assert site.focusWidget() is site.plan.view

    qtbot.keyClick(site.plan.view, Qt.Key.Key_C)  # close from the site window
    dialog = site.findChild(CloseAlarmDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.disposition_box
    index = dialog.disposition_box.findData(Disposition.CONFIRMED_INTRUSION.value)
    assert index > 0
    for _ in range(index):
        qtbot.keyClick(dialog.disposition_box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.disposition_box, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.comment_edit
    qtbot.keyClicks(dialog.comment_edit, "Gerant joint, police sur place")
    qtbot.keyClick(dialog.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)

    with sqlite_db.read() as session:
        journal = alarm_store.journal_for_alarm(session, alarm_id)
        stored = alarm_store.get_alarm(session, alarm_id)
    assert stored is not None and stored.state is AlarmState.CLOSED
    assert stored.disposition is Disposition.CONFIRMED_INTRUSION
    assert stored.closing_comment == "Gerant joint, police sur place"
    handled = [e for e in journal if e.operator_login is not None]
    assert [e.action for e in handled] == [
        JournalAction.TAKE,
        JournalAction.ZONES_ACKNOWLEDGED,
        JournalAction.STEP_DONE,
        JournalAction.CLOSE,
    ]
    assert handled[1].detail == "zones 1, 2"
    assert all(e.operator_login == "amelie" for e in handled)
    assert "Appeler le gérant" in handled[2].detail
    times = [e.at for e in handled]
    assert times == sorted(times) and all(t.tzinfo is not None for t in times)
    QApplication.processEvents()

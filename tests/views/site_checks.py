"""Checks shared by the site-window tests: what each panel shows, and the operator's keyboard moves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from console.domain.alarm import Disposition
from console.domain.alarm_record import done_step_ids
from console.services.dispatch_desk import DispatchDesk
from console.services.queue_feed import SiteDesk
from console.storage.engine import Database
from console.views.queue.close_dialog import CloseAlarmDialog
from console.views.workstation import Workstation
from tests.views.harness import settle


def assert_shows(station: Workstation, db: Database, alarm_id: int) -> None:
    """Every panel of the site window belongs to this alarm, as the database has it now."""
    site = station.site_window
    desk = SiteDesk(db)
    alarm = station.model.alarm(alarm_id)
    assert alarm is not None and alarm.site_id is not None
    expected = desk.site_file(alarm.site_id)
    assert expected is not None
    assert site.alarm is not None and site.alarm.id == alarm_id
    assert expected.site.name in site.header.text()
    assert expected.site.code in site.windowTitle()
    assert [c.name for c in site.contacts.records()] == [c.name for c in expected.contacts]
    procedure = expected.procedure_for(site.alarm.category)
    journal = desk.alarm_journal(alarm_id)
    shown_steps = [site.checklist.data(site.checklist.index(r, 0)) for r in range(site.checklist.rowCount())]
    if procedure is None:  # a site without a procedure for this kind of alarm says so
        assert "No procedure" in site.procedure_title.text()
        assert shown_steps == [] and site.checklist.done_steps() == set()
    else:
        assert procedure.title in site.procedure_title.text()
        assert [s.split(". ", 1)[1].split(" (")[0] for s in shown_steps] == [s.text for s in procedure.steps]
        assert site.checklist.done_steps() == done_step_ids(journal) & {s.id for s in procedure.steps}
    assert [s.id for s in site.signals.records()] == [s.id for s in desk.alarm_signals(alarm_id)]
    assert [e.id for e in site.journal.records()] == [e.id for e in journal]
    shown_plan = site.plan.current_plan()
    if expected.plans:
        assert shown_plan is not None and shown_plan.id in {p.id for p in expected.plans}
    else:
        assert shown_plan is None
    placed = {z.id for z in expected.zones if z.plan_id is not None}  # a zone on no plan is not drawn
    assert {item.zone.id for item in site.plan.zone_items.values()} == placed
    assert site.dispatch_panel.alarm is not None and site.dispatch_panel.alarm.id == alarm_id
    if site.dispatch_panel.attached:  # the dispatches listed are this alarm's, as stored
        stored = [d.id for d in DispatchDesk(db).for_alarm(alarm_id)]
        assert [d.id for d in site.dispatch_panel.model.dispatches()] == stored
    assert site.softphone_panel.alarm is not None and site.softphone_panel.alarm.id == alarm_id
    assert [c.name for c in site.softphone_panel.contact_calls.contacts()] == [
        c.name for c in expected.contacts
    ]
    assert not any(frame.faulty for frame in site.panel_frames.values())


def shows(qtbot: Any, station: Workstation, db: Database, alarm_id: int) -> None:
    """Once the site window has drawn what it was last asked for, it shows this alarm, as stored."""
    settle(qtbot, station)
    assert_shows(station, db, alarm_id)


def open_in_queue(qtbot: Any, station: Workstation, alarm_id: int) -> None:
    """Back to the queue, select the alarm's row, Return: as an operator switches alarms."""
    queue = station.queue_window
    if not queue.isActiveWindow():
        with qtbot.waitActive(queue):
            queue.activateWindow()
    queue.table.setFocus()
    assert queue.select_alarm(alarm_id)
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: station.site_window.alarm is not None and station.site_window.alarm.id == alarm_id
    )
    settle(qtbot, station)


def fill_close_dialog(qtbot: Any, dialog: CloseAlarmDialog) -> None:
    """A disposition and a comment, then Ctrl+Return, as the operator closes."""
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.disposition_box.setCurrentIndex(
        dialog.disposition_box.findData(Disposition.FALSE_ALARM_USER.value)
    )
    qtbot.keyClicks(dialog.comment_edit, "Client joint, fausse manipulation du gerant")
    qtbot.keyClick(dialog.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.waiting)  # recorded (the dialog goes) or refused (it says why)

"""The dispatch panel: Qt's model contract, the late colour, and a guard followed from the keyboard."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from console.domain.alarm import Alarm, Operator
from console.domain.alarm_record import AlarmRecord
from console.domain.dispatch import Dispatch, DispatchKind, DispatchStatus
from console.domain.journal import JournalAction
from console.domain.service_level import ClockLevel
from console.services.alarm_desk import AlarmDesk
from console.services.dispatch_desk import DispatchDesk
from console.services.queue_feed import SiteDesk
from console.storage import alarms as alarm_store
from console.storage.engine import Database
from console.views.palette import CLOCK_COLOUR
from console.views.site.dispatch_model import DISPATCH_ROLE, Column, DispatchTableModel
from console.views.site.dispatch_panel import DispatchPanel
from console.views.site.site_window import SiteWindow
from tests.factories import T0, SteppingClock, add_operator_to, add_site, cid

LATE = CLOCK_COLOUR[ClockLevel.LATE]


def guard(id: int = 1, **changes: object) -> Dispatch:
    dispatch = Dispatch(id, 7, DispatchKind.GUARD, T0, provider="Securitas", agreed_delay_min=30)
    return replace(dispatch, **changes)  # type: ignore[arg-type]


def background(model: DispatchTableModel, row: int, column: Column) -> object:
    brush = model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
    return brush.color() if isinstance(brush, QBrush) else None


def text(model: DispatchTableModel, row: int, column: Column) -> str:
    return str(model.data(model.index(row, column)))


# --- the model -----------------------------------------------------------------------------------


def test_model_contract_through_updates(qtmodeltester: object) -> None:
    clock = SteppingClock()
    model = DispatchTableModel(clock)
    police = Dispatch(2, 7, DispatchKind.POLICE, T0, reference="17-4412")
    model.set_dispatches([guard(), police])
    qtmodeltester.check(model)  # type: ignore[attr-defined]  # keeps checking every later change
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    clock.advance(600)
    model.tick()
    model.set_dispatches([guard(on_site_at=clock.now, version=2), police, guard(3, provider="Iris")])
    assert resets == [] and model.rowCount() == 3  # an update and an append keep the rows
    assert model.data(model.index(0, 0), DISPATCH_ROLE).on_site_at == clock.now
    model.set_dispatches([police])
    assert resets == [True] and model.rowCount() == 1


def test_clock_turns_late_past_the_agreed_delay_and_stops_at_arrival() -> None:
    clock = SteppingClock()
    model = DispatchTableModel(clock)
    model.set_dispatches([guard(), Dispatch(2, 7, DispatchKind.POLICE, T0)])
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, _roles: changed.append((top.column(), bottom.column())))
    clock.advance(29 * 60 + 50)
    model.tick()
    assert changed == [(Column.ELAPSED, Column.STATUS)]  # the tick repaints the clocks only
    assert text(model, 0, Column.ELAPSED) == "29:50" and background(model, 0, Column.ELAPSED) is None
    assert text(model, 0, Column.STATUS) == "Awaited, 1 min left"
    assert text(model, 0, Column.AGREED) == "30 min" and text(model, 1, Column.AGREED) == "—"

    clock.advance(75)  # 31:05 and nobody there
    model.tick()
    assert background(model, 0, Column.ELAPSED) == LATE and background(model, 0, Column.STATUS) == LATE
    assert background(model, 0, Column.PROVIDER) is None
    assert text(model, 0, Column.STATUS) == "Overdue by 2 min"
    assert text(model, 1, Column.ELAPSED) == "31:05" and background(model, 1, Column.ELAPSED) is None
    assert text(model, 1, Column.STATUS) == "Awaited"  # police: elapsed time, no verdict

    model.set_dispatches([guard(on_site_at=T0 + timedelta(minutes=25))])
    clock.advance(3600)
    model.tick()
    assert text(model, 0, Column.ELAPSED) == "25:00" and background(model, 0, Column.ELAPSED) is None
    assert text(model, 0, Column.STATUS) == "On site, on time"


def test_status_words_for_each_step() -> None:
    model = DispatchTableModel(lambda: T0 + timedelta(hours=2))
    late = T0 + timedelta(minutes=44, seconds=10)
    model.set_dispatches(
        [
            guard(1, on_site_at=late, report_at=late, report="Door forced"),
            guard(2, cancelled_at=T0 + timedelta(minutes=3), cancel_reason="Password given"),
        ]
    )
    assert text(model, 0, Column.STATUS) == "Reported, late by 15 min"
    assert text(model, 0, Column.REPORT) == "Door forced"
    assert text(model, 1, Column.STATUS) == "Cancelled" and text(model, 1, Column.REPORT) == "Password given"
    assert text(model, 1, Column.ELAPSED) == "03:00"
    assert "Door forced" in str(model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole))


# --- the panel in the site window, on a real database -------------------------------------------


class Desk:
    def __init__(self, db: Database, clock: SteppingClock, operator: Operator) -> None:
        self.db = db
        self.clock = clock
        self.operator = operator
        self.alarms = AlarmDesk(db, clock)
        self.dispatches = DispatchDesk(db, clock)
        self.site_desk = SiteDesk(db)

    def record(self, alarm: Alarm) -> AlarmRecord:
        """The alarm's record as the site feed reads it (dispatches and the site's delay included)."""
        return self.site_desk.alarm_record(alarm)

    def new_alarm(self, take: bool = True) -> Alarm:
        alarm_id = self.alarms.ingest([cid(132, zone=3, at=self.clock.now)]).new_alarm_ids[0]
        self.clock.advance(20)
        if take:
            self.alarms.take(alarm_id, self.operator)
        return self.alarm(alarm_id)

    def alarm(self, alarm_id: int) -> Alarm:
        with self.db.read() as session:
            found = alarm_store.get_alarm(session, alarm_id)
        assert found is not None
        return found


def settle(qtbot: Any, panel: DispatchPanel) -> None:
    """Wait for the panel's worker: the step sent is answered (the panel never blocks on it)."""
    qtbot.waitUntil(lambda: not panel.busy)


@pytest.fixture
def desk(sqlite_db: Database) -> Desk:
    add_site(sqlite_db)
    return Desk(sqlite_db, SteppingClock(), add_operator_to(sqlite_db))


@pytest.fixture
def window(qtbot, desk: Desk) -> SiteWindow:  # type: ignore[no-untyped-def]
    site = SiteWindow()
    qtbot.addWidget(site)
    site.resize(1400, 900)
    site.dispatch_panel.attach(desk.dispatches, desk.operator)
    site.show()
    site.apply_default_layout()
    with qtbot.waitActive(site):
        site.activateWindow()
    return site


def test_guard_requested_on_site_and_reported_from_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, window: SiteWindow, desk: Desk
) -> None:
    panel = window.dispatch_panel
    alarm = desk.new_alarm()
    window.show_alarm(desk.record(alarm))
    panel.table.setFocus()

    qtbot.keyClick(panel.table, Qt.Key.Key_I)
    assert panel.forms.isVisible() and panel.kind_box.hasFocus()
    assert panel.kind_box.currentData() == DispatchKind.GUARD.value
    assert panel.delay_label.text() == "Agreed delay: 30 min"
    qtbot.keyClick(panel.kind_box, Qt.Key.Key_Return)  # nobody named: refused next to the field
    settle(qtbot, panel)
    assert (
        panel.provider_error.isVisible()
        and panel.provider_error.text() == "Name who is sent (company or person)."
    )
    assert panel.model.rowCount() == 0
    qtbot.keyClick(panel.kind_box, Qt.Key.Key_Tab)
    qtbot.keyClicks(panel.provider_edit, "Securitas Lyon")
    qtbot.keyClick(panel.provider_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(panel.reference_edit, "M-881")
    qtbot.keyClick(panel.reference_edit, Qt.Key.Key_Return)
    settle(qtbot, panel)
    assert not panel.forms.isVisible() and panel.model.rowCount() == 1
    requested = panel.model.dispatch_at(0)
    assert requested is not None and (requested.provider, requested.reference) == ("Securitas Lyon", "M-881")
    assert desk.alarm(alarm.id).state.value == "dispatched"
    assert panel.table.hasFocus() and panel.target() == requested

    desk.clock.advance(12 * 60)
    qtbot.keyClick(panel.table, Qt.Key.Key_S)
    settle(qtbot, panel)
    arrived = panel.model.dispatch_at(0)
    assert (
        arrived is not None
        and arrived.status is DispatchStatus.ON_SITE
        and arrived.on_site_at == desk.clock.now
    )
    assert text(panel.model, 0, Column.STATUS) == "On site, on time"

    qtbot.keyClick(panel.table, Qt.Key.Key_E)
    assert panel.text_edit.hasFocus()
    qtbot.keyClick(panel.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, panel)
    assert panel.text_error.isVisible() and panel.text_error.text() == "Write what the responder reported."
    qtbot.keyClicks(panel.text_edit, "Ronde faite, porte arriere fracturee")
    qtbot.keyClick(panel.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, panel)
    assert not panel.forms.isVisible()
    reported = panel.model.dispatch_at(0)
    assert reported is not None and reported.report == "Ronde faite, porte arriere fracturee"
    assert desk.dispatches.for_alarm(alarm.id) == [reported]
    with desk.db.read() as session:
        actions = [e.action for e in alarm_store.journal_for_alarm(session, alarm.id)]
    assert actions[-3:] == [
        JournalAction.DISPATCH_REQUESTED,
        JournalAction.DISPATCH_ON_SITE,
        JournalAction.DISPATCH_REPORT,
    ]


def test_reference_mnemonic_reaches_its_field_each_time_the_form_opens(  # type: ignore[no-untyped-def]
    qtbot, window: SiteWindow, desk: Desk
) -> None:
    """Alt+F ("Re&ference") focuses the reference field: the label sits beside a layout, not a widget."""
    panel = window.dispatch_panel
    window.show_alarm(desk.record(desk.new_alarm()))
    for _ in range(2):
        panel.table.setFocus()
        qtbot.keyClick(panel.table, Qt.Key.Key_I)
        assert panel.kind_box.hasFocus()
        qtbot.keyClick(panel.kind_box, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(panel.reference_edit.hasFocus)
        qtbot.keyClick(panel.reference_edit, Qt.Key.Key_Escape)


def test_late_guard_turns_red_as_the_clock_ticks(qtbot, window: SiteWindow, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    panel = window.dispatch_panel
    alarm = desk.new_alarm()
    desk.dispatches.set_site_guard_delay(alarm.site_id or 0, 20)
    desk.dispatches.request(alarm.id, DispatchKind.GUARD, desk.operator, provider="Securitas")
    window.show_alarm(desk.record(desk.alarm(alarm.id)))
    assert background(panel.model, 0, Column.ELAPSED) is None
    desk.clock.advance(20 * 60 + 1)
    panel._timer.timeout.emit()  # the panel's one-second tick, without waiting for it
    assert text(panel.model, 0, Column.ELAPSED) == "20:01"
    assert background(panel.model, 0, Column.ELAPSED) == LATE
    assert text(panel.model, 0, Column.STATUS) == "Overdue by 1 min"


def test_cancel_needs_a_reason_and_refusals_show_in_the_form(qtbot, window: SiteWindow, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    panel = window.dispatch_panel
    untaken = desk.new_alarm(take=False)
    window.show_alarm(desk.record(untaken))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_I)
    for _ in range(list(DispatchKind).index(DispatchKind.POLICE)):
        qtbot.keyClick(panel.kind_box, Qt.Key.Key_Down)
    assert panel.delay_label.text() == "No agreed delay: the elapsed time is shown"
    qtbot.keyClick(panel.kind_box, Qt.Key.Key_Return)
    settle(qtbot, panel)
    assert panel.request_error.isVisible()
    assert panel.request_error.text() == "Take the alarm before requesting a dispatch."
    qtbot.keyClick(panel.kind_box, Qt.Key.Key_Escape)
    assert not panel.forms.isVisible() and panel.table.hasFocus()

    desk.alarms.take(untaken.id, desk.operator)
    window.show_alarm(desk.record(desk.alarm(untaken.id)))
    desk.dispatches.request(untaken.id, DispatchKind.POLICE, desk.operator)
    panel.reload()
    settle(qtbot, panel)
    assert not panel.actions_by_name["report"].isEnabled()  # not on site yet
    qtbot.keyClick(panel.table, Qt.Key.Key_X)
    qtbot.keyClick(panel.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, panel)
    assert panel.text_error.text() == "Give the reason for cancelling."
    qtbot.keyClicks(panel.text_edit, "Client joint, mot de passe correct")
    qtbot.keyClick(panel.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, panel)
    cancelled = panel.model.dispatch_at(0)
    assert cancelled is not None and cancelled.status is DispatchStatus.CANCELLED
    assert (
        not panel.actions_by_name["cancel"].isEnabled() and not panel.actions_by_name["on_site"].isEnabled()
    )


def test_another_alarm_clears_the_panel(qtbot, window: SiteWindow, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    panel = window.dispatch_panel
    alarm = desk.new_alarm()
    desk.dispatches.request(alarm.id, DispatchKind.FIRE, desk.operator)
    window.show_alarm(desk.record(desk.alarm(alarm.id)))
    assert panel.model.rowCount() == 1
    window.show_nothing()
    assert panel.model.rowCount() == 0 and not panel.actions_by_name["request"].isEnabled()


def test_the_form_proposes_who_the_procedure_names_never_the_last_one_sent(
    qtbot, window: SiteWindow, desk: Desk
) -> None:
    from console.domain.priority import EventCategory
    from console.domain.site import Procedure, ProcedureStep

    panel = window.dispatch_panel
    guard_procedure = Procedure(
        1,
        EventCategory.INTRUSION,
        "Intrusion",
        (
            ProcedureStep(11, 1, "Écouter le site"),
            ProcedureStep(12, 2, "Envoyer l'agent d'intervention à la demande des forces de l'ordre"),
        ),
    )
    fire_procedure = Procedure(
        2, EventCategory.FIRE, "Incendie", (ProcedureStep(21, 1, "Appeler les pompiers (18) et le gardien"),)
    )
    first = desk.new_alarm()
    for round_ in range(2):  # a shift: the same kinds of alarm, one after another
        panel.set_alarm(desk.alarm(first.id), guard_procedure, {11} if round_ else set())
        panel.table.setFocus()
        qtbot.keyClick(panel.table, Qt.Key.Key_I)
        assert panel.kind_box.currentData() == DispatchKind.GUARD.value
        for _ in range(list(DispatchKind).index(DispatchKind.POLICE)):  # the operator sends the police
            qtbot.keyClick(panel.kind_box, Qt.Key.Key_Down)
        assert panel.kind_box.currentData() == DispatchKind.POLICE.value
        qtbot.keyClick(panel.kind_box, Qt.Key.Key_Return)
        settle(qtbot, panel)
        assert not panel.forms.isVisible()
        fire = replace(desk.alarm(first.id), id=first.id + 100 + round_, category=EventCategory.FIRE)
        panel.set_alarm(fire, fire_procedure)  # the next alarm shown: a fire
        panel.open_request_form()
        assert panel.kind_box.currentData() == DispatchKind.FIRE.value  # not the police sent before
        panel.close_form()
        panel.set_alarm(desk.alarm(first.id), None)  # a site without a procedure: the category's usual one
        panel.open_request_form()
        assert panel.kind_box.currentData() == DispatchKind.GUARD.value
        panel.close_form()

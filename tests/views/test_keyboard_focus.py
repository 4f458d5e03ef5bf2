"""Keyboard and focus across both windows, as an operator types during a shift: single letters in
text fields are text, never actions; Down leaves the search for the list; F2 goes between the
windows; F1 lists every key of both; sign-out and quit are in the menus and journaled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QMessageBox, QPlainTextEdit, QWidget

from console.domain.alarm import AlarmState
from console.domain.journal import JournalAction
from console.services.alarm_desk import AlarmDesk
from console.storage import alarms as alarm_store
from console.storage.engine import Database
from console.views.session_menu import ShortcutsDialog
from console.views.shortcuts_help import documented_keys
from console.views.workstation import Workstation
from tests.factories import cid
from tests.views.harness import running_workstation, settle
from tests.views.test_keyboard_intrusion import add_intrusion_site

PORTABLE = QKeySequence.SequenceFormat.PortableText


@pytest.fixture
def workstation(qtbot, sqlite_db: Database, tmp_path: Path) -> Iterator[Workstation]:  # type: ignore[no-untyped-def]
    add_intrusion_site(sqlite_db)
    yield from running_workstation(qtbot, sqlite_db, tmp_path, dispatch=True, suspensions=True, guard=True)


def new_alarm(db: Database, zone: int = 1) -> int:
    return (
        AlarmDesk(db)
        .ingest([cid(130, zone=zone, at=datetime.now(UTC) - timedelta(seconds=5))])
        .new_alarm_ids[0]
    )


def activate(qtbot, window: QMainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitActive(window):
        window.activateWindow()


def shortcut_keys(window: QWidget) -> set[str]:
    """Every key sequence an action or a shortcut of the window answers."""
    keys = {
        sequence.toString(PORTABLE)
        for action in window.findChildren(QAction)
        if action.isVisible() or action.parent() is window
        for sequence in action.shortcuts()
    }
    keys |= {shortcut.key().toString(PORTABLE) for shortcut in window.findChildren(QShortcut)}
    return {key for key in keys if key}


def single_letter_actions(window: QWidget) -> list[QAction]:
    return [
        action
        for action in window.findChildren(QAction)
        if any(len(s.toString(PORTABLE)) == 1 and s.toString(PORTABLE).isalpha() for s in action.shortcuts())
    ]


def window_wide_keys(window: QWidget) -> dict[str, set[str]]:
    """Key -> the actions answering it anywhere in the window (WindowShortcut context)."""
    found: dict[str, set[str]] = {}
    actions = set(window.findChildren(QAction)) | set(window.actions())
    for action in actions:
        if action.shortcutContext() is not Qt.ShortcutContext.WindowShortcut:
            continue
        for sequence in action.shortcuts():
            if sequence.toString(PORTABLE):
                found.setdefault(sequence.toString(PORTABLE), set()).add(action.objectName() or action.text())
    return found


def test_no_key_means_two_things_in_one_window(workstation: Workstation) -> None:
    """An ambiguous key does nothing at all in Qt: Supervision on F9 silenced Answer (F9) in the queue."""
    for window in (workstation.queue_window, workstation.site_window):
        clashes = {key: names for key, names in window_wide_keys(window).items() if len(names) > 1}
        assert not clashes, f"{window.objectName()}: {clashes}"


def test_f1_lists_every_key_of_both_windows(qtbot, workstation: Workstation) -> None:  # type: ignore[no-untyped-def]
    documented = documented_keys()
    for window in (workstation.queue_window, workstation.site_window):
        missing = shortcut_keys(window) - documented
        assert not missing, f"{window.objectName()}: keys not in the F1 panel: {sorted(missing)}"
    for window in (workstation.site_window, workstation.queue_window):  # F1 answers on either screen
        activate(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        qtbot.waitUntil(
            lambda w=window: w.findChild(ShortcutsDialog, "shortcuts_help") is not None, timeout=2000
        )
        box = window.findChild(ShortcutsDialog, "shortcuts_help")
        assert isinstance(box, ShortcutsDialog) and box.isVisible()
        assert box.height() <= window.screen().availableGeometry().height()  # it fits: the list scrolls
        text = box.text()
        for words in (
            "acknowledge the flashing tripped zones",
            "Take the selected alarm",
            "send DTMF",
            "Dispatch: request a guard",
            "Go to the site window",
            "Sign out",
            "Quit",
        ):
            assert words in text
        box.close()


def test_single_letters_in_text_fields_are_text_never_actions(
    qtbot, workstation: Workstation, sqlite_db: Database
) -> None:
    queue, site = workstation.queue_window, workstation.site_window
    alarm_id = new_alarm(sqlite_db)
    qtbot.waitUntil(lambda: workstation.model.rowCount() == 1, timeout=5000)
    activate(qtbot, queue)
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_T)
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    qtbot.waitUntil(site.isActiveWindow)
    settle(qtbot, workstation)
    qtbot.keyClick(site.plan.view, Qt.Key.Key_I)  # the dispatch request form: its fields are text fields
    assert site.dispatch_panel.forms.isVisible()
    checked = 0
    for window in (queue, site):
        activate(qtbot, window)
        actions = single_letter_actions(window)
        letters = "".join(sorted({a.shortcut().toString(PORTABLE).lower() for a in actions}))
        assert len(letters) >= (5 if window is queue else 6)
        fired: list[str] = []
        for action in actions:
            action.triggered.connect(lambda _c=False, a=action, out=fired: out.append(a.objectName()))
        fields = [
            f
            for f in window.findChildren(QWidget)
            if isinstance(f, (QLineEdit, QPlainTextEdit))
            and f.isVisible()
            and f.isEnabled()
            and not f.isReadOnly()
        ]
        assert fields
        for field in fields:
            field.setFocus()
            qtbot.keyClicks(field, letters)
            typed = field.text() if isinstance(field, QLineEdit) else field.toPlainText()
            assert letters in typed, f"{field.objectName()} lost letters: {typed!r}"
            checked += 1
        assert fired == [], f"{window.objectName()}: letters typed in a text field fired {fired}"
    assert checked >= 3  # the queue's search, the dispatch form's name and reference at least
    assert workstation.model.alarm(alarm_id).state is AlarmState.TAKEN  # type: ignore[union-attr]


def test_down_leaves_the_search_for_the_alarms_it_found(
    qtbot, workstation: Workstation, sqlite_db: Database
) -> None:
    queue = workstation.queue_window
    alarm_id = new_alarm(sqlite_db)
    qtbot.waitUntil(lambda: workstation.model.rowCount() == 1, timeout=5000)
    activate(qtbot, queue)
    qtbot.keyClick(queue.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is queue.filter_bar.search
    qtbot.keyClicks(queue.filter_bar.search, "LYO")
    qtbot.keyClick(queue.filter_bar.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is queue.table
    assert queue.filter_bar.search.text() == "LYO"  # the filter stays
    qtbot.keyClick(queue.table, Qt.Key.Key_T)  # and the keys act on the list again
    settle(qtbot, workstation)
    assert workstation.model.alarm(alarm_id).state is AlarmState.TAKEN  # type: ignore[union-attr]


def test_f2_goes_between_the_queue_and_the_site_window(
    qtbot, workstation: Workstation, sqlite_db: Database
) -> None:
    queue, site = workstation.queue_window, workstation.site_window
    first = new_alarm(sqlite_db, 1)
    qtbot.waitUntil(lambda: workstation.model.rowCount() >= 1, timeout=5000)
    activate(qtbot, queue)
    for _round in range(3):  # back and forth, as a shift does
        qtbot.keyClick(queue.table, Qt.Key.Key_Return)
        qtbot.waitUntil(site.isActiveWindow)
        shown = site.alarm
        assert shown is not None
        qtbot.keyClick(site.plan.view, Qt.Key.Key_F2)
        qtbot.waitUntil(queue.isActiveWindow)
        assert QApplication.focusWidget() is queue.table
        assert queue.selected_alarm().id == shown.id  # type: ignore[union-attr]
        qtbot.keyClick(queue.table, Qt.Key.Key_F2)
        qtbot.waitUntil(site.isActiveWindow)
        assert site.focusWidget() is site.plan.view
        qtbot.keyClick(site.plan.view, Qt.Key.Key_F2)
        qtbot.waitUntil(queue.isActiveWindow)
        qtbot.keyClick(queue.table, Qt.Key.Key_Down)
    assert site.alarm is not None and site.alarm.id == first


def take_one(qtbot, workstation: Workstation, db: Database) -> None:  # type: ignore[no-untyped-def]
    """An alarm arrives and the operator takes it with T in the queue."""
    new_alarm(db)
    qtbot.waitUntil(lambda: workstation.model.rowCount() == 1, timeout=5000)
    activate(qtbot, workstation.queue_window)
    qtbot.keyClick(workstation.queue_window.table, Qt.Key.Key_T)
    settle(qtbot, workstation)
    assert workstation.held_alarms()


def session_actions(db: Database, operator_id: int) -> list[tuple[str, str]]:
    with db.read() as session:
        return [(e.action, e.detail) for e in alarm_store.operator_sessions(session, operator_id)]


def test_sign_out_is_refused_while_alarms_are_held_then_journaled(
    qtbot, workstation: Workstation, sqlite_db: Database
) -> None:
    queue, site = workstation.queue_window, workstation.site_window
    me = workstation.operator
    signed_out: list[bool] = []
    workstation.signed_out.connect(lambda: signed_out.append(True))
    take_one(qtbot, workstation, sqlite_db)
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    qtbot.waitUntil(site.isActiveWindow)
    qtbot.keyClick(
        site.plan.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert signed_out == []
    assert (
        site.statusBar().currentMessage()
        == "Release or close the alarms you hold before signing out: LYO-0001"
    )
    assert session_actions(sqlite_db, me.id) == []
    qtbot.keyClick(site.plan.view, Qt.Key.Key_F2)
    qtbot.waitUntil(queue.isActiveWindow)
    qtbot.keyClick(queue.table, Qt.Key.Key_R)  # released: nobody holds it now
    qtbot.waitUntil(lambda: not workstation.held_alarms(), timeout=5000)
    qtbot.keyClick(
        queue.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert signed_out == [True]
    assert session_actions(sqlite_db, me.id) == [(JournalAction.LOGOUT, "")]
    menus = [a.text() for a in queue.menuBar().actions()]
    assert menus[0] == "&Console" and menus[-1] == "&Help"


def test_quit_asks_first_when_alarms_are_held_and_is_journaled(
    qtbot, workstation: Workstation, sqlite_db: Database
) -> None:
    queue = workstation.queue_window
    left: list[bool] = []
    workstation.quit_confirmed.connect(lambda: left.append(True))
    take_one(qtbot, workstation, sqlite_db)
    qtbot.keyClick(queue.table, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = workstation.quit_box
    assert box.isVisible() and "You still hold 1 alarm" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.No).click()
    assert left == []
    qtbot.keyClick(queue.table, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    workstation.quit_box.button(QMessageBox.StandardButton.Yes).click()
    assert left == [True]
    assert session_actions(sqlite_db, workstation.operator.id) == [(JournalAction.LOGOUT, "quit")]

"""Leaving the desk: Ctrl+L covers both windows; a wrong password is refused without a hint; alarms
arriving meanwhile are counted on the lock screen; the right password unlocks; another operator's
sign-in on the lock screen ends the session for a hand-over, with the leaving login."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from console.services.alarm_desk import AlarmDesk
from console.services.shift_change import ShiftChange
from console.services.sign_in import sign_in
from console.storage.engine import Database
from console.views.workstation import Workstation
from tests.factories import add_operator_to, add_site, cid
from tests.views.harness import running_workstation
from tests.views.site_checks import open_in_queue


@pytest.fixture
def workstation(qtbot: Any, sqlite_db: Database, tmp_path: Path) -> Iterator[Workstation]:
    add_site(sqlite_db, code="LYO-0001", account="4A21")
    add_site(sqlite_db, code="PAR-0002", account="5B32")
    yield from running_workstation(qtbot, sqlite_db, tmp_path, guard=True)


def test_lock_unlock_then_hand_over(qtbot: Any, workstation: Workstation, sqlite_db: Database) -> None:
    desk = AlarmDesk(sqlite_db)
    held = desk.ingest([cid(130, account="4A21", at=datetime.now(UTC), seq=1)]).new_alarm_ids[0]
    qtbot.waitUntil(lambda: workstation.model.rowCount() == 1, timeout=5000)
    open_in_queue(qtbot, workstation, held)
    workstation.queue_window.table.setFocus()
    desk.take(held, workstation.operator)
    qtbot.waitUntil(lambda: len(workstation.held_alarms()) == 1, timeout=5000)
    guard = workstation.session_guard
    assert guard is not None

    queue = workstation.queue_window
    qtbot.keyClick(queue.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible())
    dialog = guard.dialog
    assert dialog is not None
    for window in (queue, workstation.site_window):  # nothing of the sites shows while away
        curtain = window.findChild(QWidget, "lock_curtain")
        assert curtain is not None and curtain.isVisible() and curtain.geometry() == window.rect()

    # An alarm arrives while away: the lock screen counts it.
    desk.ingest([cid(110, account="5B32", at=datetime.now(UTC), seq=2)])
    qtbot.waitUntil(lambda: "1 alarm(s) waiting" in dialog.waiting.text(), timeout=5000)

    # Escape does not unlock; a wrong password is refused with no hint.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and guard.locked
    qtbot.keyClicks(dialog.password, "not the password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() == "Wrong login or password.", timeout=5000)
    assert guard.locked and dialog.password.text() == ""
    login = workstation.operator.login
    qtbot.keyClicks(dialog.password, f"secret-{login}")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not guard.locked, timeout=5000)
    assert guard.dialog is None

    # Lock again; the next operator signs in on the lock screen: the session ends for a hand-over.
    add_operator_to(sqlite_db, "bruno")
    with qtbot.waitActive(queue):
        queue.activateWindow()
    qtbot.keyClick(queue.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible())
    dialog = guard.dialog
    assert dialog is not None
    dialog.login.clear()
    qtbot.keyClicks(dialog.login, "bruno")
    assert dialog.unlock.text() == "Take &over" and "hands over" in dialog.message.text()
    qtbot.keyClicks(dialog.password, "secret-bruno")
    with qtbot.waitSignal(workstation.handed_over, timeout=5000) as handed:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert handed.args == [login]
    # What the next console does at bruno's sign-in: the held alarm becomes his.
    bruno = sign_in(sqlite_db, "bruno", "secret-bruno")
    assert bruno is not None
    assert ShiftChange(sqlite_db).hand_over(login, bruno) == [held]

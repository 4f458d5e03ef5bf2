"""Ctrl+Shift+S opens the supervision window for supervisors and admins, from either operator window; not for operators."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from console.domain.alarm import Role
from console.storage.engine import Database
from console.views.supervision.window import SupervisionWindow
from console.views.workstation import Workstation
from tests.views.harness import running_workstation


@pytest.fixture
def supervisor_station(qtbot: Any, sqlite_db: Database, tmp_path: Path) -> Iterator[Workstation]:
    yield from running_workstation(qtbot, sqlite_db, tmp_path, role=Role.SUPERVISOR)


@pytest.fixture
def operator_station(qtbot: Any, sqlite_db: Database, tmp_path: Path) -> Iterator[Workstation]:
    yield from running_workstation(qtbot, sqlite_db, tmp_path)


def test_ctrl_shift_s_opens_the_window_from_both_windows_and_it_remembers_the_page(
    qtbot: Any, supervisor_station: Workstation, tmp_path: Path
) -> None:
    station = supervisor_station
    window = SupervisionWindow(station.operator, station._settings)
    qtbot.addWidget(window)
    for name in ("history", "calls"):
        window.add_page(name, QLabel(name), name.title())
    station.attach_supervision(window)
    for operator_window in (station.queue_window, station.site_window):
        window.hide()
        with qtbot.waitActive(operator_window):
            operator_window.activateWindow()
        action = operator_window.actions_by_name["supervision"]
        assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+S"
        action.trigger()
        qtbot.waitUntil(window.isVisible)
    assert window.current_page() == "history"
    window.show_page("calls")
    again = SupervisionWindow(station.operator, station._settings)
    qtbot.addWidget(again)
    for name in ("history", "calls"):
        again.add_page(name, QLabel(name), name.title())
    assert again.current_page() == "calls"  # the last tool used comes back first


def test_an_operator_has_no_supervision(qtbot: Any, operator_station: Workstation) -> None:
    station = operator_station
    for operator_window in (station.queue_window, station.site_window):
        assert not operator_window.actions_by_name["supervision"].isEnabled()
    station.show_supervision()  # even if asked directly, there is nothing to show
    assert station.supervision_window is None

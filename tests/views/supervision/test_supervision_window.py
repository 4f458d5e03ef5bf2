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


def test_the_composed_window_opens_a_search_result_as_its_record(
    qtbot: Any, sqlite_db: Database, tmp_path: Path
) -> None:
    """As app.py builds it: history search, Return on a result, the record window shows that alarm."""
    from PySide6.QtCore import QSettings, Qt

    from console.app import supervision_window
    from console.domain.alarm import Role
    from console.services.alarm_desk import AlarmDesk
    from tests.factories import add_operator_to, add_site, cid

    add_site(sqlite_db, "LYO-0001", "4A21", "Pharmacie")
    add_site(sqlite_db, "PAR-0002", "5B32", "Bijouterie")
    desk = AlarmDesk(sqlite_db)
    ids = {account: desk.ingest([cid(130, account=account)]).new_alarm_ids[0] for account in ("4A21", "5B32")}
    chef = add_operator_to(sqlite_db, "chef", Role.SUPERVISOR)
    window = supervision_window(
        sqlite_db, chef, QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat), "en"
    )
    qtbot.addWidget(window)
    window.show()
    assert window.current_page() == "history" and window.record_window is not None
    page = window.pages["history"]
    for code, account in (("LYO-0001", "4A21"), ("PAR-0002", "5B32")):  # one search, then another
        page.set_filters({"kind": "alarms", "site": code})  # type: ignore[attr-defined]
        assert page.search()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1)  # type: ignore[attr-defined]
        page.table.setFocus()  # type: ignore[attr-defined]
        page.table.setCurrentIndex(page.model.index(0, 0))  # type: ignore[attr-defined]
        with qtbot.waitSignal(window.record_window.record_shown, timeout=10000) as shown:
            qtbot.keyClick(page.table, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        assert shown.args == [ids[account]]
        assert window.record_window.isVisible() and code in window.record_window.header.text()
    window.record_window.close()
    page.stop()  # type: ignore[attr-defined]

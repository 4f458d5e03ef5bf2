"""A whole workstation (queue and site windows) on a test database, for keyboard-flow tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from console.domain.alarm import Role
from console.services.alarm_desk import AlarmDesk
from console.services.dispatch_desk import DispatchDesk
from console.services.queue_feed import QueueFeed, SiteDesk
from console.services.shift_change import ShiftChange
from console.services.sign_in import sign_in
from console.services.test_mode import SuspensionDesk
from console.storage.engine import Database
from console.views.session_guard import SessionGuard
from console.views.workstation import Workstation
from tests.factories import add_operator_to


def running_workstation(
    qtbot: Any,
    db: Database,
    tmp_path: Path,
    *,
    dispatch: bool = False,
    role: Role = Role.OPERATOR,
    suspensions: bool = False,
    guard: bool = False,
) -> Iterator[Workstation]:
    """Shown, polling its change feed every 50 ms, signed in as a fresh operator; shut down after.
    With `dispatch`, the site window's dispatch panel works on the database, as in the console;
    with `suspensions`, the site window's Tests menu and the queue's reminder too; with `guard`,
    the lock and the hand-over (its passwords: secret-<login>)."""
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    station = Workstation(
        AlarmDesk(db),
        QueueFeed(db),
        SiteDesk(db),
        add_operator_to(db) if role is Role.OPERATOR else add_operator_to(db, "chef", role),
        settings,
        poll_interval_ms=50,
        dispatch_desk=DispatchDesk(db) if dispatch else None,
        suspension_desk=SuspensionDesk(db) if suspensions else None,
    )
    if guard:
        station.attach_session_guard(
            SessionGuard(
                (station.queue_window, station.site_window),
                station.operator,
                ShiftChange(db),
                lambda login, password: sign_in(db, login, password, workstation="test-desk"),
                lambda: sum(1 for a in station.model.alarms() if a.is_open and a.operator_id is None),
                lambda: datetime.now(UTC),
                station,
            )
        )
    qtbot.addWidget(station.queue_window)
    qtbot.addWidget(station.site_window)
    station.show()
    yield station
    station.shutdown()


def settle(qtbot: Any, station: Workstation) -> None:
    """Wait until the site window shows the record it was last asked for (it is read off the GUI
    thread) and the workstation's writes are answered: what the operator sees once it is drawn."""
    qtbot.waitUntil(lambda: station.site_settled)

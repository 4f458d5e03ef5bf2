"""Every timer of a running workstation says what it is for (qutebrowser's rule): a timer left
running after a test, or firing too often, is then found by its name, not by its address."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer

from console.storage.engine import Database
from console.views.workstation import Workstation
from tests.factories import add_site
from tests.views.harness import running_workstation


@pytest.fixture
def workstation(qtbot, sqlite_db: Database, tmp_path: Path) -> Iterator[Workstation]:
    add_site(sqlite_db)
    yield from running_workstation(qtbot, sqlite_db, tmp_path, dispatch=True, suspensions=True, guard=True)


def timers(*roots: QObject) -> list[QTimer]:
    found: list[QTimer] = []
    for root in roots:
        found += root.findChildren(QTimer)
    return found


def test_every_timer_has_a_purpose_name(workstation: Workstation) -> None:
    everything = timers(workstation, workstation.queue_window, workstation.site_window)
    ours = [t for t in everything if not t.objectName().startswith("qt_")]  # Qt's own widgets' timers
    assert len(ours) >= 8  # the queue's clocks and feed, the plan's flash, dispatch and call clocks...
    unnamed = [t for t in ours if not t.objectName()]
    assert not unnamed, f"{len(unnamed)} timers without a name (setObjectName says what each is for)"
    names = {t.objectName() for t in ours}
    assert {
        "queue_feed_poll",
        "queue_waiting_clocks",
        "plan_tripped_zones_flash",
        "dispatch_clocks_tick",
    } <= names

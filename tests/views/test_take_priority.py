"""T never undercuts priority: the console's own selection does not decide, the operator's does,
and leaving an overdue life-safety alarm waiting is asked first. A real workstation on SQLite."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from console.domain.alarm import AlarmState, Disposition
from console.services.alarm_desk import AlarmDesk
from console.storage.engine import Database
from console.views.workstation import Workstation
from tests.factories import add_site, cid
from tests.views.harness import running_workstation, settle

SITES = [("LYO-0001", "4A21"), ("LYO-0002", "4A22"), ("LYO-0003", "4A23"), ("LYO-0004", "4A24")]


@pytest.fixture
def workstation(qtbot, sqlite_db: Database, tmp_path: Path):  # type: ignore[no-untyped-def]
    for code, account in SITES:
        add_site(sqlite_db, code=code, account=account, name=f"Site {code}")
    yield from running_workstation(qtbot, sqlite_db, tmp_path)


def selected_site(workstation: Workstation) -> str | None:
    alarm = workstation.queue_window.selected_alarm()
    return alarm.site_code if alarm is not None else None


def state_of(workstation: Workstation, site: str) -> AlarmState:
    return next(a.state for a in workstation.model.alarms() if a.site_code == site)


def test_t_takes_the_most_urgent_unless_the_operator_chose(
    qtbot, workstation: Workstation, sqlite_db: Database
) -> None:
    window = workstation.queue_window
    model = workstation.model
    receiver = AlarmDesk(sqlite_db)
    now = datetime.now(UTC)
    receiver.ingest([cid(132, account="4A21", at=now)])  # an intrusion
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert selected_site(workstation) == "LYO-0001"  # the console starts on it
    receiver.ingest([cid(301, account="4A22", at=now)])  # a technical fault, below it
    receiver.ingest([cid(110, account="4A23", at=now)])  # a fire: arrives above the selection
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    # The console's own pick follows the fire: what is highlighted is what T takes (seen in the
    # demo: the highlight stayed on an intrusion while two fires waited above it).
    qtbot.waitUntil(lambda: selected_site(workstation) == "LYO-0003", timeout=5000)

    with qtbot.waitActive(window):
        window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_T)  # T takes the fire
    settle(qtbot, workstation)
    assert state_of(workstation, "LYO-0003") is AlarmState.TAKEN
    assert state_of(workstation, "LYO-0001") is AlarmState.NEW
    assert workstation.site_window.alarm is not None and workstation.site_window.alarm.site_code == "LYO-0003"
    qtbot.keyClick(window.table, Qt.Key.Key_T)  # then the intrusion
    settle(qtbot, workstation)
    assert state_of(workstation, "LYO-0001") is AlarmState.TAKEN
    assert state_of(workstation, "LYO-0002") is AlarmState.NEW
    receiver.ingest([cid(130, account="4A24", at=now + timedelta(seconds=1))])  # another intrusion
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=5000)

    # The operator goes down to the technical fault on purpose: T takes that one.
    window.select_alarm(next(a.id for a in model.alarms() if a.site_code == "LYO-0001"))
    rows = [a.site_code for a in model.alarms()]
    for _ in range(rows.index("LYO-0002") - rows.index("LYO-0001")):
        qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert selected_site(workstation) == "LYO-0002" and window.table.deliberate
    qtbot.keyClick(window.table, Qt.Key.Key_T)
    settle(qtbot, workstation)
    assert state_of(workstation, "LYO-0002") is AlarmState.TAKEN
    assert state_of(workstation, "LYO-0004") is AlarmState.NEW
    assert not window.table.deliberate  # the console selected the taken alarm itself

    # Closing the fire: the selection goes to the most urgent new alarm, whatever was around it.
    fire = next(a for a in model.alarms() if a.site_code == "LYO-0003")
    window.select_alarm(fire.id)
    AlarmDesk(sqlite_db).close(
        fire.id, workstation.operator, Disposition.CONFIRMED_FIRE, "Pompiers sur place"
    )
    qtbot.waitUntil(lambda: model.alarm(fire.id) is None, timeout=5000)
    assert selected_site(workstation) == "LYO-0004"
    qtbot.keyClick(window.table, Qt.Key.Key_T)
    settle(qtbot, workstation)
    assert state_of(workstation, "LYO-0004") is AlarmState.TAKEN


def test_leaving_an_overdue_life_safety_alarm_is_asked(
    qtbot, workstation: Workstation, sqlite_db: Database
) -> None:
    window = workstation.queue_window
    model = workstation.model
    receiver = AlarmDesk(sqlite_db, clock=lambda: datetime.now(UTC) - timedelta(minutes=2))
    receiver.ingest(
        [cid(120, account="4A23", at=datetime.now(UTC) - timedelta(minutes=2))]
    )  # panic, 2 min ago
    AlarmDesk(sqlite_db).ingest([cid(132, account="4A21", at=datetime.now(UTC))])
    AlarmDesk(sqlite_db).ingest([cid(131, account="4A22", at=datetime.now(UTC))])
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    assert next(a.site_code for a in model.alarms()) == "LYO-0003"
    with qtbot.waitActive(window):
        window.activateWindow()
    window.table.setFocus()
    window.select_alarm(next(a.id for a in model.alarms() if a.site_code == "LYO-0003"))

    def ask_for(site: str) -> QMessageBox:
        if not window.isActiveWindow():  # the question just answered had the focus
            with qtbot.waitActive(window):
                window.activateWindow()
        rows = [a.site_code for a in model.alarms()]
        window.select_alarm(model.alarms()[0].id)
        for _ in range(rows.index(site)):
            qtbot.keyClick(window.table, Qt.Key.Key_Down)
        assert selected_site(workstation) == site and window.table.deliberate
        qtbot.keyClick(window.table, Qt.Key.Key_T)
        box = window.take_confirmation
        assert box is not None and box.objectName() == "take_confirmation"
        qtbot.waitUntil(box.isVisible)
        assert "LYO-0003" in box.text() and "target" in box.text()  # names the waiting alarm
        assert site in box.informativeText()
        assert state_of(workstation, site) is AlarmState.NEW  # nothing taken before the answer
        return box

    box = ask_for("LYO-0001")
    insist = box.findChild(QPushButton, "take_chosen")
    assert insist is not None
    insist.click()  # the operator insists
    settle(qtbot, workstation)
    assert state_of(workstation, "LYO-0001") is AlarmState.TAKEN
    assert state_of(workstation, "LYO-0003") is AlarmState.NEW

    box = ask_for("LYO-0002")
    assert box.defaultButton() is box.findChild(QPushButton, "take_waiting")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: the life-safety alarm instead
    settle(qtbot, workstation)
    assert state_of(workstation, "LYO-0003") is AlarmState.TAKEN
    assert state_of(workstation, "LYO-0002") is AlarmState.NEW
    assert workstation.site_window.alarm is not None and workstation.site_window.alarm.site_code == "LYO-0003"

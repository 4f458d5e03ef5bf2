"""An installer calls in while the operator handles the pharmacy's alarm: the operator puts two of
its zones on test from the site window, by keyboard, mistakes included; the walk test stays out of
the queue; the queue and the header say the site is on test; the installer's report is read and
saved as a PDF; the test is ended; another site's alarm shows none of it (issue 12, item 3)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from console.domain.site import DetectorType
from console.services.alarm_desk import AlarmDesk
from console.storage.engine import Database
from console.storage.sites import add_zone, site_by_code
from console.views.workstation import Workstation
from tests.factories import add_site, cid
from tests.pdf_text import pdf_text
from tests.views.harness import running_workstation, settle
from tests.views.site_checks import assert_shows, open_in_queue


@pytest.fixture
def workstation(qtbot: Any, sqlite_db: Database, tmp_path: Path) -> Iterator[Workstation]:
    add_site(sqlite_db, code="LYO-0001", account="4A21", name="Pharmacie")
    add_site(sqlite_db, code="PAR-0002", account="5B32", name="Entrepôt")
    with sqlite_db.write() as session:
        site = site_by_code(session, "LYO-0001")
        assert site is not None
        for number, name in ((1, "Porte"), (2, "Couloir"), (3, "Réserve")):
            add_zone(session, site, number, name, DetectorType.PIR)
    yield from running_workstation(qtbot, sqlite_db, tmp_path, suspensions=True)


def header(station: Workstation) -> str:
    return station.site_window.header.text()


def signal_count(station: Workstation, alarm_id: int) -> int:
    alarm = station.model.alarm(alarm_id)
    assert alarm is not None
    return alarm.signal_count


def test_an_installer_calls_in(
    qtbot: Any, workstation: Workstation, sqlite_db: Database, tmp_path: Path
) -> None:
    desk, now = AlarmDesk(sqlite_db), datetime.now(UTC)
    pharmacy = desk.ingest([cid(130, zone=3, account="4A21", at=now, seq=1)]).new_alarm_ids[0]
    warehouse = desk.ingest([cid(130, account="5B32", at=now, seq=2)]).new_alarm_ids[0]
    qtbot.waitUntil(lambda: workstation.model.rowCount() == 2, timeout=5000)
    control, site = workstation.on_test, workstation.site_window
    assert control is not None and workstation.suspensions_bar is not None
    open_in_queue(qtbot, workstation, pharmacy)
    assert not control.end_action.isEnabled()

    # Ctrl+Shift+T, a wrong zone list first: the message is beside the field, nothing is stored.
    with qtbot.waitActive(site):
        site.activateWindow()
    qtbot.keyClick(
        site, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: control.dialog is not None and control.dialog.isVisible())
    dialog = control.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.reason, "Alarmes Dupont, walk test")
    qtbot.keyClicks(dialog.zones, "1, deux")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.errors["zones"].isVisible() and "commas" in dialog.errors["zones"].text()
    assert dialog.isVisible()
    dialog.zones.clear()
    qtbot.keyClicks(dialog.zones, "1,2")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    # The header and the queue say so.
    qtbot.waitUntil(lambda: "ON TEST until" in header(workstation), timeout=5000)
    assert "zones 1, 2" in header(workstation) and "Alarmes Dupont, walk test" in header(workstation)
    bar = workstation.suspensions_bar
    qtbot.waitUntil(lambda: bar.isVisible() and "On test: LYO-0001 until" in bar.text(), timeout=5000)
    assert control.end_action.isEnabled()

    # The walk test: zones 1 and 2 are filed, not queued; zone 3 still joins the alarm.
    for seq, zone in enumerate((1, 2, 1), start=3):
        desk.ingest([cid(130, zone=zone, account="4A21", at=datetime.now(UTC), seq=seq)])
    desk.ingest([cid(130, zone=3, account="4A21", at=datetime.now(UTC), seq=9)])
    qtbot.waitUntil(lambda: signal_count(workstation, pharmacy) == 2, timeout=5000)
    assert workstation.model.rowCount() == 2

    # The installer's report: what was heard, what was not.
    control.report_action.trigger()
    qtbot.waitUntil(
        lambda: control.report_dialog is not None and control.report_dialog.isVisible(), timeout=5000
    )
    assert control.report_dialog is not None
    text = control.report_dialog.findChild(QPlainTextEdit, "installer_report_text")
    assert text is not None
    report = text.toPlainText()
    assert (
        "3 signals received" in report and "Zones heard: 1, 2" in report and "Every zone was heard." in report
    )
    pdf = tmp_path / "LYO-0001-test.pdf"
    control.save_pdf(pdf, report.splitlines())
    assert "Zones heard: 1, 2" in pdf_text(pdf)
    control.report_dialog.reject()

    # The installer is done early: the test ends, the header and the queue's reminder clear.
    control.end_action.trigger()
    qtbot.waitUntil(lambda: "ON TEST" not in header(workstation), timeout=5000)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    desk.ingest([cid(130, zone=1, account="4A21", at=datetime.now(UTC) + timedelta(seconds=1), seq=10)])
    qtbot.waitUntil(lambda: signal_count(workstation, pharmacy) == 3, timeout=5000)

    open_in_queue(qtbot, workstation, warehouse)
    assert_shows(workstation, sqlite_db, warehouse)
    assert "ON TEST" not in header(workstation)
    open_in_queue(qtbot, workstation, pharmacy)
    settle(qtbot, workstation)
    assert_shows(workstation, sqlite_db, pharmacy)
    assert "ON TEST" not in header(workstation)

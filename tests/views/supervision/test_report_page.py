"""The report page as a supervisor uses it: build, comment, save, export, build another period."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from console.domain.journal import JournalAction
from console.services.authority import Authority
from console.services.reports import Reports
from console.storage.engine import Database
from console.storage.tables import JournalRow, ReportRow
from console.views.supervision.report_page import ReportPage
from console.views.supervision.report_tables import RowsModel, figure_headers, figure_rows
from tests.pdf_text import pdf_text
from tests.report_station import PARIS, PERIOD, Station, build_station

NOW = datetime(2026, 11, 18, 10, tzinfo=UTC)


@pytest.fixture
def station(sqlite_db: Database) -> Station:
    return build_station(sqlite_db)


def make_page(qtbot: Any, db: Database, operator: Any) -> ReportPage:
    page = ReportPage(Reports(db, Authority(db), zone=PARIS), operator, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    return page


def build(qtbot: Any, page: ReportPage, first: date, last: date) -> None:
    page.set_period(first, last)
    with qtbot.waitSignal(page.report_built, timeout=10_000):
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)


def figures(page: ReportPage) -> dict[str, str]:
    return dict((label, value) for label, value in page.models["figures"].rows())


def day_labels(page: ReportPage) -> list[str]:
    chart = page.chart_views["per_day"].chart()
    axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    return list(axis.categories())


def test_every_model_passes_the_model_tester(
    qtmodeltester: Any, sqlite_db: Database, station: Station
) -> None:
    from console.storage.reports import build_report

    with sqlite_db.read() as session:
        from console.domain.report import ReportScope
        from console.domain.service_level import ServiceTargets

        report = build_report(
            session, PERIOD, ReportScope(), zone=PARIS, targets=ServiceTargets(), author="Chef", built_at=NOW
        )
    model = RowsModel(figure_headers())
    model.set_rows(figure_rows(report))
    qtmodeltester.check(model)
    empty = RowsModel(["a", "b"])
    qtmodeltester.check(empty)


def test_build_comment_save_export_then_another_period(
    qtbot: Any, qtmodeltester: Any, sqlite_db: Database, station: Station, tmp_path: Path, monkeypatch: Any
) -> None:
    page = make_page(qtbot, sqlite_db, station.chef)
    assert not page.save_button.isEnabled() and not page.export_button.isEnabled()

    build(qtbot, page, date(2026, 11, 2), date(2026, 11, 3))
    for model in page.models.values():
        qtmodeltester.check(model)
    assert figures(page)["Alarms"] == "5" and figures(page)["Taken within 30 s"] == "50.0 % (2/4)"
    assert day_labels(page) == ["02/11", "03/11"]
    assert page.models["false_alarms"].rows()[0][:2] == ["LYO-0001", "Pharmacie"]
    assert [r[0] for r in page.models["workload"].rows()] == ["Amelie", "Bruno"]
    assert page.status.text() == "5 alarms in the period."
    assert "2026-11-02 – 2026-11-03" in page.heading.text()

    qtbot.keyClicks(page.comment, "Deux fausses alarmes a Lyon")  # QTest types ASCII only
    page.comment.insertPlainText(" le matin du 2, vérifié.")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.action_message.text() == "Saved as report 1."
    with sqlite_db.read() as session:
        saved = [(r.comment, r.author_id) for r in session.scalars(select(ReportRow))]
    assert saved == [("Deux fausses alarmes a Lyon le matin du 2, vérifié.", station.chef.id)]

    pdf = tmp_path / "rapport.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), "PDF"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.action_message.text() == f"Exported to {pdf}."
    text = pdf_text(pdf)
    assert "Deux fausses alarmes a Lyon le matin du 2, vérifié." in text and "Author: Chef" in text
    assert "Period: 2026-11-02 – 2026-11-03 (Europe/Paris)" in text and "Alarms 5" in text

    build(qtbot, page, date(2026, 11, 3), date(2026, 11, 3))
    assert figures(page)["Alarms"] == "3" and day_labels(page) == ["03/11"]
    assert [r[0] for r in page.models["workload"].rows()] == ["Bruno"]
    assert page.action_message.text() == ""  # the last message was about the other report
    with sqlite_db.read() as session:
        actions = [r.action for r in session.scalars(select(JournalRow))]
    assert actions == [JournalAction.REPORT_SAVED, JournalAction.REPORT_EXPORTED]
    page.stop()


def test_wrong_fields_get_their_message_beside_them(
    qtbot: Any, sqlite_db: Database, station: Station
) -> None:
    page = make_page(qtbot, sqlite_db, station.chef)
    page.set_period(date(2026, 11, 5), date(2026, 11, 2))
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert page.period_error.text() == "The period ends before it starts."
    assert page.report is None

    page.set_period(date(2026, 11, 2), date(2026, 11, 3))
    page.scope_combo.setCurrentIndex(page.scope_combo.findData("sites"))
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert page.period_error.text() == "" and page.scope_error.text() == "Name at least one site code."

    qtbot.keyClicks(page.scope_edit, "par-0002, NOPE-1")
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.scope_error.text() == "Unknown site: NOPE-1", timeout=10_000)
    assert page.report is None

    page.scope_edit.setText("par-0002")
    with qtbot.waitSignal(page.report_built, timeout=10_000):
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert page.scope_error.text() == "" and figures(page)["Alarms"] == "2"
    page.stop()


def test_quick_periods_fill_the_dates(qtbot: Any, sqlite_db: Database, station: Station) -> None:
    page = make_page(qtbot, sqlite_db, station.chef)
    assert (page.from_edit.date().toString("yyyy-MM-dd"), page.to_edit.date().toString("yyyy-MM-dd")) == (
        "2026-11-12",
        "2026-11-18",
    )
    buttons = {b.text(): b for b in page.findChildren(type(page.build_button))}
    qtbot.mouseClick(buttons["Last month"], Qt.MouseButton.LeftButton)
    assert page.from_edit.date().toString("yyyy-MM-dd") == "2026-10-01"
    assert page.to_edit.date().toString("yyyy-MM-dd") == "2026-10-31"
    qtbot.mouseClick(buttons["This month"], Qt.MouseButton.LeftButton)
    assert page.to_edit.date().toString("yyyy-MM-dd") == "2026-11-30"
    page.stop()


def test_an_operator_session_is_refused_and_told(qtbot: Any, sqlite_db: Database, station: Station) -> None:
    page = make_page(qtbot, sqlite_db, station.amelie)
    page.set_period(date(2026, 11, 2), date(2026, 11, 3))
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text() == "Reports are for supervisors and admins.", timeout=10_000)
    assert page.report is None and not page.save_button.isEnabled()
    with sqlite_db.read() as session:
        assert [r.action for r in session.scalars(select(JournalRow))] == [JournalAction.AUDIT_REFUSED]
    page.stop()


def test_the_supervision_window_has_the_reports_page(
    qtbot: Any, sqlite_db: Database, station: Station
) -> None:
    from PySide6.QtCore import QSettings

    from console.app import supervision_window

    settings = QSettings(
        str(Path(sqlite_db.engine.url.database or "").parent / "s.ini"), QSettings.Format.IniFormat
    )
    window = supervision_window(sqlite_db, station.chef, settings, "en")
    qtbot.addWidget(window)
    page = window.show_page("reports")
    assert isinstance(page, ReportPage) and window.tabs.tabText(window.tabs.indexOf(page)) == "Reports"
    page.stop()

"""Saved reports reopened from the report page, and the page's numbers in French.

The sequence a supervisor follows: two reports built and saved with their comments, the first
reopened from the list (shown as it was saved, its comment read-only), its PDF exported again
and read back; then a new report brings the draft comment back.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select
from sqlmodel import col

from console.domain.journal import JournalAction
from console.services.authority import Authority
from console.services.reports import Reports
from console.storage.engine import Database
from console.storage.tables import JournalRow
from console.views.supervision.report_page import ReportPage
from tests.pdf_text import pdf_text
from tests.report_station import PARIS, Station, build_station

NOW = datetime(2026, 11, 18, 10, tzinfo=UTC)


@pytest.fixture
def station(sqlite_db: Database) -> Station:
    return build_station(sqlite_db)


def make_page(qtbot: Any, db: Database, operator: Any, lang: str = "en") -> ReportPage:
    page = ReportPage(Reports(db, Authority(db), zone=PARIS), operator, lang, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.resize(1500, 1000)
    with qtbot.waitSignal(page.saved.listed, timeout=10_000):
        page.show()  # the list is read the first time it is shown
    return page


def build(qtbot: Any, page: ReportPage, first: date, last: date) -> None:
    page.set_period(first, last)
    with qtbot.waitSignal(page.report_built, timeout=10_000):
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)


def save(qtbot: Any, page: ReportPage, comment: str) -> None:
    page.comment.setPlainText(comment)
    with qtbot.waitSignal(page.saved.listed, timeout=10_000):  # the list is read again
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


def figures(page: ReportPage) -> dict[str, str]:
    return dict((label, value) for label, value in page.models["figures"].rows())


def listed(page: ReportPage) -> list[list[str]]:
    model = page.saved.model
    return [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def axis_ink(page: ReportPage, chart: str, labels: bool) -> int:
    """Dark pixels in the strip left of a chart's plot, where its value axis writes the counts
    (Qt draws none for a "%d" label format once numbers are localised)."""
    view = page.chart_views[chart]
    axis = next(a for a in view.chart().axes() if isinstance(a, QValueAxis))
    axis.setLabelsVisible(labels)
    image = view.grab().toImage()
    left = int(view.chart().plotArea().left())
    return sum(
        1
        for x in range(max(0, left - 40), left)
        for y in range(image.height())
        if image.pixelColor(x, y).lightness() < 110
    )


def journal(db: Database) -> list[tuple[str, str]]:
    with db.read() as session:
        return [
            (r.action, r.detail) for r in session.scalars(select(JournalRow).order_by(col(JournalRow.id)))
        ]


def test_two_reports_saved_the_first_reopened_and_exported_again(
    qtbot: Any, qtmodeltester: Any, sqlite_db: Database, station: Station, tmp_path: Path, monkeypatch: Any
) -> None:
    page = make_page(qtbot, sqlite_db, station.chef)
    assert listed(page) == [] and page.saved.message.text() == "No saved report yet."

    build(qtbot, page, date(2026, 11, 2), date(2026, 11, 3))
    save(qtbot, page, "Deux fausses alarmes à Lyon le 2 au matin.")
    build(qtbot, page, date(2026, 11, 3), date(2026, 11, 3))
    assert figures(page)["Alarms"] == "3"
    save(qtbot, page, "Le 3 seul : un feu à Paris.")
    qtmodeltester.check(page.saved.model)
    rows = listed(page)
    assert [r[:3] + r[4:] for r in rows] == [
        ["2026-11-03 – 2026-11-03", "Whole station", "Chef", "Le 3 seul : un feu à Paris."],
        ["2026-11-02 – 2026-11-03", "Whole station", "Chef", "Deux fausses alarmes à Lyon le 2 au matin."],
    ]
    assert all(r[3] for r in rows)  # when each was saved, in the operator's format

    page.comment.setPlainText("Brouillon en cours")  # a draft of the next report, not lost below
    page.saved.select_row(1)
    with qtbot.waitSignal(page.report_built, timeout=10_000):
        qtbot.mouseClick(page.saved.open_button, Qt.MouseButton.LeftButton)
    assert page.saved_id == 1
    assert (page.from_edit.date().toString("yyyy-MM-dd"), page.to_edit.date().toString("yyyy-MM-dd")) == (
        "2026-11-02",
        "2026-11-03",
    )
    assert figures(page)["Alarms"] == "5" and figures(page)["Taken within 30 s"] == "50.0 % (2/4)"
    assert [r[0] for r in page.models["workload"].rows()] == ["Amelie", "Bruno"]
    assert "2026-11-02 – 2026-11-03 (Europe/Paris)" in page.heading.text()
    assert "Saved report 1, by Chef" in page.heading.text()
    assert page.comment.toPlainText() == "Deux fausses alarmes à Lyon le 2 au matin."
    assert page.comment.isReadOnly() and not page.save_button.isEnabled() and page.export_button.isEnabled()

    pdf = tmp_path / "rapport-1.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), "PDF"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.action_message.text() == f"Exported to {pdf}."
    text = pdf_text(pdf)
    assert "Deux fausses alarmes à Lyon le 2 au matin." in text and "Author: Chef" in text
    assert "Period: 2026-11-02 – 2026-11-03 (Europe/Paris)" in text and "Alarms 5" in text
    assert "Taken within 30 s 50.0 % (2/4)" in text

    scope_period = "station 2026-11-01T23:00:00+00:00/2026-11-03T23:00:00+00:00"
    assert journal(sqlite_db)[-2:] == [
        (JournalAction.REPORT_OPENED, f"report 1: {scope_period}"),
        (JournalAction.REPORT_EXPORTED, f"report 1: {scope_period} -> {pdf}"),
    ]
    assert [a for a, _ in journal(sqlite_db)[:2]] == [JournalAction.REPORT_SAVED, JournalAction.REPORT_SAVED]

    build(qtbot, page, date(2026, 11, 2), date(2026, 11, 2))
    assert page.saved_id is None and "Saved report" not in page.heading.text()
    assert page.comment.toPlainText() == "Brouillon en cours" and not page.comment.isReadOnly()
    assert page.save_button.isEnabled()
    page.stop()


def test_an_operator_session_is_not_listed_saved_reports(
    qtbot: Any, sqlite_db: Database, station: Station
) -> None:
    page = ReportPage(Reports(sqlite_db, Authority(sqlite_db), zone=PARIS), station.amelie, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.show()
    assert page.saved.message.text() == "Reports are for supervisors and admins."
    qtbot.mouseClick(page.saved.refresh_button, Qt.MouseButton.LeftButton)  # asked anyway: refused
    qtbot.waitUntil(lambda: journal(sqlite_db) == [(JournalAction.AUDIT_REFUSED, "list saved reports")])
    page.stop()


def test_french_numbers_on_the_page_in_the_charts_and_in_the_pdf(
    qtbot: Any, french: Any, sqlite_db: Database, station: Station, tmp_path: Path
) -> None:
    page = make_page(qtbot, sqlite_db, station.chef, "fr")
    build(qtbot, page, date(2026, 11, 2), date(2026, 11, 3))
    values = [value for _label, value in page.models["figures"].rows()]
    assert "50,0 % (2/4)" in values and "75,0 % (3/4)" in values and "66,7 % (2/3)" in values
    assert page.models["false_alarms"].rows()[0][4] == "100,0 %"
    assert [r[3] for r in page.models["workload"].rows()] == ["0,3 h", "0,4 h"]
    service = page.chart_views["service"].chart()
    assert service.localizeNumbers() and service.locale().name().startswith("fr")
    assert any("98,5 %" in series.name() for series in service.series())
    assert axis_ink(page, "per_day", True) > axis_ink(page, "per_day", False)  # the counts are drawn
    pdf = tmp_path / "rapport.pdf"
    assert page.export_to(pdf)
    text = pdf_text(pdf)
    assert "50,0 % (2/4)" in text and "66,7 % (2/3)" in text and "100,0 %" in text
    assert "98,5 %" in text  # the charts' target line, drawn as text in the PDF
    page.stop()

"""The history page as a supervisor uses it: type filters, search, scroll, sort, open, export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from console.domain.history import HistoryKind
from console.services.authority import Authority
from console.services.history import HistorySearch
from console.storage.engine import Database
from console.views.supervision.history_page import HistoryPage
from tests.history_data import ALARMS, Station, build_station


@pytest.fixture
def station(sqlite_db: Database) -> Station:
    return build_station(sqlite_db)


@pytest.fixture
def page(qtbot: Any, sqlite_db: Database, station: Station) -> Iterator[HistoryPage]:
    widget = HistoryPage(HistorySearch(sqlite_db, Authority(sqlite_db)), station.supervisor, page_size=8)
    qtbot.addWidget(widget)
    widget.resize(1300, 500)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.stop()


def search(qtbot: Any, page: HistoryPage) -> None:
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() > 0)


def shown_ids(page: HistoryPage) -> list[int]:
    rows = [page.model.row_at(n) for n in range(page.model.rowCount())]
    return [r.id for r in rows if r is not None]


def scroll_to_the_end(qtbot: Any, page: HistoryPage) -> None:
    while page.model.has_more:
        count = page.model.rowCount()
        page.table.scrollToBottom()  # the view asks the model for more (canFetchMore / fetchMore)
        qtbot.waitUntil(lambda count=count: page.model.rowCount() > count)


def test_type_search_scroll_sort_and_open(qtbot: Any, page: HistoryPage, station: Station) -> None:
    qtbot.keyClicks(page.fields["site"], "pharmacie")
    search(qtbot, page)
    # a page (two, if the view asked for more to fill itself), not everything
    assert page.model.rowCount() in (8, 16) and page.model.has_more
    qtbot.waitUntil(lambda: not page.model.loading)
    assert str(page.model.rowCount()) in page.status.text()
    scroll_to_the_end(qtbot, page)
    expected = [x for i, x in enumerate(station.alarm_ids) if i % 3 != 1]
    assert shown_ids(page) == expected  # newest first, no gap, no duplicate across pages
    assert page.model.data(page.model.index(0, 2)) == "LYO-0001"

    header = page.table.horizontalHeader()
    site_column = page.model.columns().index("site")
    x = header.sectionViewportPosition(site_column) + header.sectionSize(site_column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    qtbot.waitUntil(lambda: page.model.query is not None and page.model.query.sort == "site")
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() > 0)
    assert page.model.query is not None
    descending = page.model.query.descending
    assert header.sortIndicatorSection() == site_column
    assert (header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder) == descending
    scroll_to_the_end(qtbot, page)
    sites = [page.model.data(page.model.index(n, site_column)) for n in range(page.model.rowCount())]
    assert sites == sorted(sites, reverse=descending) and sorted(shown_ids(page)) == sorted(expected)

    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(3, 0))
    wanted = page.model.row_at(3)
    assert wanted is not None
    with qtbot.waitSignal(page.alarm_record_wanted) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [wanted.id]
    rect = page.table.visualRect(page.model.index(5, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.alarm_record_wanted) as opened:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    fifth = page.model.row_at(5)
    assert fifth is not None and opened.args == [fifth.id]


def test_a_bad_field_is_said_beside_it_and_nothing_is_searched(qtbot: Any, page: HistoryPage) -> None:
    qtbot.keyClicks(page.fields["account"], "XYZ")
    qtbot.keyClicks(page.fields["from"], "hier")
    qtbot.keyClick(page.fields["from"], Qt.Key.Key_Return)
    for name in ("account", "from"):
        label, edit = page.problems[name], page.fields[name]
        assert label.isVisible() and label.text()
        assert abs(label.geometry().center().y() - edit.geometry().center().y()) < edit.height()
        assert label.geometry().left() >= edit.geometry().right()  # beside it, on its right
    assert not page.problems["site"].isVisible()
    assert page.model.query is None and page.model.rowCount() == 0
    page.fields["account"].setText("4a21")
    page.fields["from"].clear()
    search(qtbot, page)
    assert not page.problems["account"].isVisible()
    scroll_to_the_end(qtbot, page)  # the view may already have asked for the second page itself
    assert page.model.rowCount() == 10


def test_fields_that_mean_nothing_for_the_kind_are_greyed(page: HistoryPage) -> None:
    page.kind.setCurrentIndex(page.kind.findData("calls"))
    assert not page.fields["zone"].isEnabled() and not page.fields["account"].isEnabled()
    assert page.fields["text"].isEnabled() and page.fields["from"].isEnabled()
    page.kind.setCurrentIndex(page.kind.findData("signals"))
    assert page.fields["zone"].isEnabled() and not page.fields["text"].isEnabled()


def test_export_csv_writes_every_result_as_shown(qtbot: Any, page: HistoryPage, tmp_path: Path) -> None:
    page.fields["text"].setText("entrepôt")
    search(qtbot, page)
    path = tmp_path / "export.csv"
    with qtbot.waitSignal(page.export_finished) as done:
        page.export_csv(path)
    assert done.args[0] == 15 and "15" in page.status.text()
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 15 and all("entrepôt" in r["text"] for r in rows)
    assert [int(r["id"]) for r in rows] == shown_ids(page) + [int(r["id"]) for r in rows][
        len(shown_ids(page)) :
    ]


def test_searches_in_a_row_each_show_their_own_results(
    qtbot: Any, page: HistoryPage, station: Station
) -> None:
    for kind, count in (
        ("signals", 2 * ALARMS),
        ("journal", 2 * ALARMS - 3),
        ("calls", 10),
        ("alarms", ALARMS),
    ):
        page.kind.setCurrentIndex(page.kind.findData(kind))
        search(qtbot, page)
        scroll_to_the_end(qtbot, page)
        rows = [page.model.row_at(n) for n in range(page.model.rowCount())]
        assert {r.kind for r in rows if r is not None} == {HistoryKind(kind)}
        assert len({r.id for r in rows if r is not None}) == len(rows), kind
        assert page.model.rowCount() == count, [(r.code, r.id) for r in rows if r is not None]
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Time"
    # two searches asked for before the first answered: only the second's rows are shown
    page.kind.setCurrentIndex(page.kind.findData("signals"))
    page.search()
    page.kind.setCurrentIndex(page.kind.findData("journal"))
    page.fields["code"].setText("close")
    page.search()
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() > 0)
    qtbot.wait(100)  # the first search's page, if it comes, must be dropped
    rows = [page.model.row_at(n) for n in range(page.model.rowCount())]
    assert {(r.kind, r.code) for r in rows if r is not None} == {(HistoryKind.JOURNAL, "close")}


def test_an_operator_is_told_the_search_is_refused(qtbot: Any, sqlite_db: Database, station: Station) -> None:
    widget = HistoryPage(HistorySearch(sqlite_db, Authority(sqlite_db)), station.operator)
    qtbot.addWidget(widget)
    widget.search()
    qtbot.waitUntil(lambda: "failed" in widget.status.text())
    assert widget.model.rowCount() == 0
    widget.stop()


def test_model_contract(qtbot: Any, qtmodeltester: Any, page: HistoryPage) -> None:
    search(qtbot, page)
    qtmodeltester.check(page.model)
    page.kind.setCurrentIndex(page.kind.findData("journal"))
    search(qtbot, page)
    qtmodeltester.check(page.model)

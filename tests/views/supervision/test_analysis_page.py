"""The analysis page in the composed supervision window: lists, a row opening its history search, summaries."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt

from console.app import supervision_window
from console.domain.analysis import ListKind
from console.storage.engine import Database
from console.views.supervision.analysis_page import AnalysisPage, RankedModel
from tests.analysis_station import build_station
from tests.pdf_text import pdf_text


def test_the_ranked_model_passes_the_model_tester(qtmodeltester: Any, sqlite_db: Database) -> None:
    from console.services.analysis import TechnicalAnalysis
    from console.services.authority import Authority

    station = build_station(sqlite_db, datetime.now(UTC))
    model = RankedModel("fr")
    qtmodeltester.check(model)
    for kind in ListKind:
        model.set_rows(
            TechnicalAnalysis(sqlite_db, Authority(sqlite_db)).ranked(station.chef, kind, station.period)
        )
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_lists_open_their_history_searches_then_two_site_summaries_are_built_and_exported(
    qtbot: Any, sqlite_db: Database, tmp_path: Path
) -> None:
    station = build_station(sqlite_db, datetime.now(UTC))
    window = supervision_window(
        sqlite_db, station.chef, QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat), "en"
    )
    qtbot.addWidget(window)
    window.show()
    page = window.pages["analysis"]
    history = window.pages["history"]
    assert isinstance(page, AnalysisPage)
    with qtbot.waitSignal(page.rows_shown, timeout=10000) as shown:
        window.show_page("analysis")  # the first look reads the first list
    assert shown.args == ["late_tests"]
    assert [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())] == [
        "4A21",
        "6C43",
        "5B32",
    ]

    # (list, row subject, the history form's filled fields, how many results it shows)
    steps = [
        (ListKind.FLAPPING, "LYO-0001 3", {"kind": "signals", "site": "LYO-0001", "zone": "3"}, 9),
        (ListKind.TRANSMISSION, "4A21", {"kind": "signals", "account": "4A21"}, 14),
        (ListKind.FALSE_ALARMS, "LYO-0001", {"kind": "alarms", "site": "LYO-0001"}, 5),
        (ListKind.STATION, "telephone", {"kind": "calls", "state": "failed"}, 2),
    ]
    for kind, subject, fields, results in steps:
        window.show_page("analysis")
        with qtbot.waitSignal(page.rows_shown, timeout=10000):
            page.show_list(kind)
        assert page.model.data(page.model.index(0, 0)) == subject
        page.table.setFocus()
        page.table.setCurrentIndex(page.model.index(0, 0))
        with qtbot.waitSignal(page.history_wanted, timeout=5000) as wanted:
            qtbot.keyClick(page.table, Qt.Key.Key_Return)
        assert window.current_page() == "history"
        assert history.kind.currentData() == fields["kind"]  # type: ignore[attr-defined]
        for name, value in fields.items():
            if name != "kind":
                assert history.fields[name].text() == value  # type: ignore[attr-defined]
        assert history.fields["from"].text() == wanted.args[0]["from"]  # type: ignore[attr-defined]

        def found(expected: int = results) -> bool:
            return not history.model.loading and history.model.rowCount() == expected  # type: ignore[attr-defined]

        qtbot.waitUntil(found)

    window.show_page("analysis")
    page.site_code.setText("ZZZ-0000")
    qtbot.mouseClick(page.summary_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.site_message.text() == "Unknown site: ZZZ-0000")
    assert not page.export_text_button.isEnabled()

    exports = [("LYO-0001", "Periodic test late or missing — 4A21", False), ("NIC-0003", "6C43", True)]
    for code, expected, pdf in exports:
        page.site_code.setText(code)
        with qtbot.waitSignal(page.summary_shown, timeout=10000):
            qtbot.keyClick(page.site_code, Qt.Key.Key_Return)
        assert page.site_message.text() == ""
        shown_text = page.summary_view.toPlainText()
        assert shown_text.startswith(f"Technical fault summary — {code}") and expected in shown_text
        path = tmp_path / f"{code}.{'pdf' if pdf else 'txt'}"
        with qtbot.waitSignal(page.export_finished, timeout=10000) as finished:
            page.export_to(path, pdf=pdf)
        assert finished.args == [True] and page.action_message.text() == f"Exported to {path}."
        written = pdf_text(path) if pdf else path.read_text(encoding="utf-8")
        assert code in written and expected in written
    assert "Unstable zone" not in shown_text  # the second summary is the garage's alone
    page.stop()
    history.stop()  # type: ignore[attr-defined]

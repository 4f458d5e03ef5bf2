"""The supervision window's journal page, as the supervisor uses it: last verification, verify now
(on a worker), a break shown, the head published to a file, an operator refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import text

from console.app import supervision_window
from console.domain.alarm import Operator, Role
from console.services.journal_chain import JournalChain
from console.storage.engine import Database
from console.views.supervision.journal_page import JournalPage
from tests.factories import add_operator_to
from tests.storage.test_journal_chain import note, rogue


@pytest.fixture
def page_for(qtbot: Any, sqlite_db: Database) -> Iterator[Any]:
    pages: list[JournalPage] = []

    def make(operator: Operator) -> JournalPage:
        page = JournalPage(JournalChain(sqlite_db), operator)
        qtbot.addWidget(page)
        page.show()
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.shutdown()


def click_and_wait(qtbot: Any, page: JournalPage, button: Any) -> None:
    with qtbot.waitSignal(page.verification_finished, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verify_button.isEnabled())


def test_verify_now_then_a_break_then_publish(
    qtbot: Any, sqlite_db: Database, page_for: Any, tmp_path: Path
) -> None:
    chef = add_operator_to(sqlite_db, "chef", Role.SUPERVISOR)
    note(sqlite_db, 5)
    page = page_for(chef)
    qtbot.waitUntil(lambda: page.last_label.text() == "Never verified.")

    click_and_wait(qtbot, page, page.verify_button)
    assert page.result_label.text().startswith("Chain intact: 5 entries, 0 recordings checked")
    assert page.progress.isHidden()
    qtbot.waitUntil(lambda: "by chef: chain intact: 5 entries" in page.last_label.text())

    heads = tmp_path / "heads.txt"
    page.choose_publish_file = lambda: heads  # type: ignore[method-assign]
    click_and_wait(qtbot, page, page.publish_button)
    assert "Head published: " in page.result_label.text()
    assert heads.read_text().split()[1] == "6"  # the first verification's entry is in the chain

    with rogue(sqlite_db) as conn:
        conn.execute(text("UPDATE journal SET detail = 'rewritten' WHERE position = 2"))
    click_and_wait(qtbot, page, page.verify_button)
    assert page.result_label.text() == (
        "Chain broken: entry at position 2 (journal id 2): edited (its fields no longer match its hash)"
    )
    qtbot.waitUntil(lambda: "by chef: chain broken" in page.last_label.text())
    click_and_wait(qtbot, page, page.publish_button)
    assert "The head was not published: the chain is broken." in page.result_label.text()
    assert len(heads.read_text().splitlines()) == 1


def test_an_operator_is_refused(qtbot: Any, sqlite_db: Database, page_for: Any) -> None:
    page = page_for(add_operator_to(sqlite_db, "amelie", Role.OPERATOR))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verify_button.isEnabled() and "Only supervisors" in page.result_label.text())


def test_the_supervision_window_has_the_page(qtbot: Any, sqlite_db: Database, tmp_path: Path) -> None:
    chef = add_operator_to(sqlite_db, "chef", Role.SUPERVISOR)
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    window = supervision_window(sqlite_db, chef, settings, "en")
    qtbot.addWidget(window)
    page = window.show_page("journal")
    assert isinstance(page, JournalPage) and window.tabs.tabText(window.tabs.indexOf(page)) == "Journal chain"
    qtbot.waitUntil(lambda: page.last_label.text() == "Never verified.")
    page.shutdown()

"""A supervisor gives back to the queue an alarm another operator holds (they left, they are stuck):
the console asks why, refuses a one-word answer, and the journal keeps who it was taken from and why."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from console.domain.alarm import Action, AlarmState, ReleaseReasonRequired, Role, apply_action
from console.domain.journal import JournalAction
from console.domain.journal_text import localized_detail
from console.services.alarm_desk import AlarmDesk
from console.services.queue_feed import SiteDesk
from console.storage.engine import Database
from console.views.workstation import Workstation
from tests.factories import add_operator_to, cid
from tests.views.harness import running_workstation
from tests.views.test_keyboard_intrusion import add_intrusion_site


@pytest.fixture
def chef(qtbot, sqlite_db: Database, tmp_path: Path) -> Iterator[Workstation]:  # type: ignore[no-untyped-def]
    add_intrusion_site(sqlite_db)
    yield from running_workstation(qtbot, sqlite_db, tmp_path, role=Role.SUPERVISOR)


def test_the_domain_wants_a_reason_to_release_someone_elses_alarm(sqlite_db: Database) -> None:
    add_intrusion_site(sqlite_db)
    amelie = add_operator_to(sqlite_db)
    boss = add_operator_to(sqlite_db, "chef", Role.SUPERVISOR)
    desk = AlarmDesk(sqlite_db)
    alarm = desk.take(desk.ingest([cid(130)]).new_alarm_ids[0], amelie)
    now = datetime.now(UTC)
    for reason in (None, "", "x", "ok"):
        with pytest.raises(ReleaseReasonRequired) as refused:
            apply_action(alarm, Action.RELEASE, boss, now, comment=reason)
        assert refused.value.holder == "amelie"
    assert apply_action(alarm, Action.RELEASE, amelie, now).detail == ""  # one's own: no reason asked
    released = apply_action(alarm, Action.RELEASE, boss, now, comment="left for the drill")
    assert released.detail == "released from amelie: left for the drill"
    assert localized_detail(released.detail, "fr") == "repris à amelie : left for the drill"


def test_a_supervisor_releasing_gives_a_reason_journaled(
    qtbot, chef: Workstation, sqlite_db: Database
) -> None:
    amelie = add_operator_to(sqlite_db)
    desk = AlarmDesk(sqlite_db)
    alarm_id = desk.ingest([cid(130, at=datetime.now(UTC) - timedelta(seconds=5))]).new_alarm_ids[0]
    desk.take(alarm_id, amelie)
    queue = chef.queue_window
    qtbot.waitUntil(lambda: chef.model.alarm(alarm_id) is not None, timeout=5000)
    with qtbot.waitActive(queue):
        queue.activateWindow()
    assert queue.select_alarm(alarm_id)
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_R)
    dialog = queue.release_reason
    assert isinstance(dialog, QInputDialog) and dialog.isVisible()
    assert "amelie" in dialog.windowTitle() and "LYO-0001" in dialog.labelText()
    dialog.setTextValue("ok")
    dialog.accept()  # one word: asked again, nothing released
    qtbot.waitUntil(lambda: queue.findChild(QInputDialog, "release_reason") is not None, timeout=2000)
    again = next(d for d in queue.findChildren(QInputDialog) if d.isVisible())
    assert again.labelText().startswith("A reason of at least two words is needed.")
    assert chef.model.alarm(alarm_id).state is AlarmState.TAKEN  # type: ignore[union-attr]
    again.setTextValue("Amelie left for the fire drill")
    again.accept()
    qtbot.waitUntil(lambda: chef.model.alarm(alarm_id).state is AlarmState.NEW, timeout=5000)  # type: ignore[union-attr]
    journal = SiteDesk(sqlite_db).alarm_journal(alarm_id)
    release = [e for e in journal if e.action == JournalAction.RELEASE]
    assert [(e.operator_login, e.detail) for e in release] == [
        ("chef", "released from amelie: Amelie left for the fire drill")
    ]

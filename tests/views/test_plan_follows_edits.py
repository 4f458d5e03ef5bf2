"""A supervisor edits a site's plans on one console: another console showing that site's alarm
redraws the plan from the change feed, without the operator reopening the alarm."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.domain.alarm import Role
from console.services.alarm_desk import AlarmDesk
from console.services.plan_editing import LevelChange, PlanEditing, PlanEdits
from console.storage.engine import Database
from console.views.workstation import Workstation
from tests.factories import add_operator_to, add_site, cid
from tests.storage.test_plans import SVG
from tests.views.harness import running_workstation


@pytest.fixture
def workstation(qtbot, sqlite_db: Database, tmp_path: Path) -> Iterator[Workstation]:  # type: ignore[no-untyped-def]
    add_site(sqlite_db)
    yield from running_workstation(qtbot, sqlite_db, tmp_path)


def level_names(station: Workstation) -> list[str]:
    tabs = station.site_window.plan.tabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_a_plan_edited_elsewhere_is_redrawn_on_the_console_showing_the_site(
    qtbot, workstation: Workstation, sqlite_db: Database
) -> None:
    from datetime import UTC, datetime

    alarm_id = AlarmDesk(sqlite_db).ingest([cid(130, zone=2, at=datetime.now(UTC))]).new_alarm_ids[0]
    qtbot.waitUntil(lambda: workstation.model.alarm(alarm_id) is not None, timeout=5000)
    alarm = workstation.model.alarm(alarm_id)
    assert alarm is not None and alarm.site_id is not None
    workstation.open_alarm(alarm)
    assert level_names(workstation) == []

    chef = add_operator_to(sqlite_db, "chef", Role.SUPERVISOR)
    PlanEditing(sqlite_db).save(
        chef, alarm.site_id, PlanEdits(levels=(LevelChange(0, "Rez-de-chaussée", SVG),))
    )

    qtbot.waitUntil(lambda: level_names(workstation) == ["Rez-de-chaussée"], timeout=5000)
    assert workstation.site_window.alarm is not None and workstation.site_window.alarm.id == alarm_id

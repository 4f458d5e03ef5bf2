"""The site window tells the operator whether staff should be on site: today's hours and the last
opening or closing, alarm after alarm (a site without hours shows neither)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from console.services.alarm_desk import AlarmDesk
from console.storage.engine import Database
from console.storage.schedules import set_weekly_hours
from console.views.workstation import Workstation
from tests.factories import add_site, cid
from tests.views.harness import running_workstation, settle
from tests.views.site_checks import assert_shows, open_in_queue

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def workstation(qtbot: Any, sqlite_db: Database, tmp_path: Path) -> Iterator[Workstation]:
    shop = add_site(sqlite_db, code="LYO-0001", account="4A21", name="Pharmacie")
    add_site(sqlite_db, code="PAR-0002", account="5B32", name="Entrepôt")
    opens = (datetime.now(PARIS) + timedelta(hours=3)).replace(second=0, microsecond=0)
    with sqlite_db.write() as session:  # every day, a span three hours from now: now is outside it
        set_weekly_hours(
            session, shop, [(d, opens.time(), (opens + timedelta(hours=2)).time()) for d in range(7)]
        )
    yield from running_workstation(qtbot, sqlite_db, tmp_path)


def header(station: Workstation) -> str:
    return station.site_window.header.text()


def test_hours_and_arming_follow_the_alarm_shown(
    qtbot: Any, workstation: Workstation, sqlite_db: Database
) -> None:
    desk = AlarmDesk(sqlite_db)
    now = datetime.now(UTC)
    opening = desk.ingest([cid(401, qualifier=1, account="4A21", at=now, seq=1)]).new_alarm_ids[0]
    burglary = desk.ingest([cid(130, account="5B32", at=now + timedelta(seconds=1), seq=2)]).new_alarm_ids[0]
    qtbot.waitUntil(lambda: workstation.model.rowCount() == 2, timeout=5000)
    since = f"{now.astimezone(PARIS):%H:%M}"

    open_in_queue(qtbot, workstation, opening)
    assert_shows(workstation, sqlite_db, opening)
    assert "Opening outside the hours" in header(workstation)
    assert "Hours today: " in header(workstation) and f"open (disarmed) since {since}" in header(workstation)

    open_in_queue(qtbot, workstation, burglary)
    assert_shows(workstation, sqlite_db, burglary)
    assert "Hours today" not in header(workstation) and "since" not in header(workstation)

    # The pharmacy is closed again; its alarm, opened once more, says so.
    desk.ingest([cid(401, qualifier=3, account="4A21", at=now + timedelta(minutes=1), seq=3)])
    open_in_queue(qtbot, workstation, opening)
    settle(qtbot, workstation)
    closed = f"closed (armed) since {(now + timedelta(minutes=1)).astimezone(PARIS):%H:%M}"
    qtbot.waitUntil(lambda: closed in header(workstation), timeout=5000)
    assert "disarmed" not in header(workstation)
    open_in_queue(qtbot, workstation, burglary)
    assert_shows(workstation, sqlite_db, burglary)
    assert "Hours today" not in header(workstation)

"""On PostgreSQL a console hears of changes by NOTIFY, without waiting for its next poll."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from console.services.alarm_desk import AlarmDesk
from console.services.queue_feed import QueueFeed, SiteDesk
from console.storage.engine import Database
from console.views.workstation import Workstation
from tests.conftest import PostgresFactory, skip_or_fail
from tests.factories import add_operator_to, add_site, cid


@pytest.mark.postgres
def test_new_alarm_reaches_a_console_that_does_not_poll(
    qtbot, postgres: PostgresFactory | None, tmp_path: Path
) -> None:
    if postgres is None:
        skip_or_fail("PostgreSQL is not reachable")
    assert postgres is not None
    db = Database.from_url(postgres.new_database())
    add_site(db)
    station = Workstation(
        AlarmDesk(db),
        QueueFeed(db),
        SiteDesk(db),
        add_operator_to(db),
        QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat),
        poll_interval_ms=3_600_000,  # an hour: only a notification can bring the alarm in time
    )
    qtbot.addWidget(station.queue_window)
    qtbot.addWidget(station.site_window)
    station.show()
    listener = station.live_feed._listener
    assert listener is not None
    assert listener.listening.wait(10)
    qtbot.waitUntil(lambda: station.live_feed.reachable is True, timeout=10000)

    receiver = Database.from_url(str(db.engine.url.render_as_string(hide_password=False)))
    alarm_id = AlarmDesk(receiver).ingest([cid(130)]).new_alarm_ids[0]
    receiver.dispose()
    qtbot.waitUntil(lambda: station.model.alarm(alarm_id) is not None, timeout=10000)
    station.shutdown()
    db.dispose()

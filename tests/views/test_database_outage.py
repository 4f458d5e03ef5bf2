"""A database that goes away shows a banner and is retried; when it is back the queue reloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import text
from sqlalchemy.engine import make_url

from console.services.alarm_desk import AlarmDesk
from console.services.queue_feed import QueueFeed, SiteDesk
from console.storage.engine import Database
from console.views.workstation import Workstation
from tests.conftest import PostgresFactory, skip_or_fail
from tests.factories import add_operator_to, add_site, cid


@pytest.mark.postgres
def test_banner_while_database_is_gone_then_queue_reloads(
    qtbot, postgres: PostgresFactory | None, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    if postgres is None:
        skip_or_fail("PostgreSQL is not reachable")
    assert postgres is not None
    url = postgres.new_database()
    name = make_url(url).database
    db = Database.from_url(url)
    add_site(db)
    operator = add_operator_to(db)
    station = Workstation(
        AlarmDesk(db),
        QueueFeed(db),
        SiteDesk(db),
        operator,
        QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat),
        poll_interval_ms=50,
    )
    qtbot.addWidget(station.queue_window)
    qtbot.addWidget(station.site_window)
    station.show()
    banner = station.queue_window.banner
    qtbot.waitUntil(lambda: station.live_feed.reachable is True, timeout=5000)
    assert not banner.isVisibleTo(station.queue_window)

    hidden = f"{name}_away"
    with postgres.admin.connect() as conn:  # the server loses the database: connections fail
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name}
        )
        conn.execute(text(f'ALTER DATABASE "{name}" RENAME TO "{hidden}"'))
    try:
        qtbot.waitUntil(lambda: banner.isVisibleTo(station.queue_window), timeout=10000)
        assert "unreachable" in banner.text()
        assert "DOWN" in station.queue_window.database_label.text()
        writer = Database.from_url(make_url(url).set(database=hidden).render_as_string(hide_password=False))
        AlarmDesk(writer).ingest([cid(130)])  # meanwhile the receiver stored an alarm
        writer.dispose()
        assert station.model.rowCount() == 0
    finally:
        with postgres.admin.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": hidden},
            )
            conn.execute(text(f'ALTER DATABASE "{hidden}" RENAME TO "{name}"'))

    qtbot.waitUntil(lambda: not banner.isVisibleTo(station.queue_window), timeout=10000)
    qtbot.waitUntil(lambda: station.model.rowCount() == 1, timeout=5000)
    station.shutdown()
    db.dispose()

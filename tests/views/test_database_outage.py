"""A database that goes away shows a banner and is retried; when it is back the queue reloads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
) -> None:
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


@pytest.mark.faults_expected
def test_a_bug_in_the_feed_is_a_fault_not_a_database_banner(
    qtbot, sqlite_db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Before, any exception of a poll read as "database unavailable": the operator was told to
    wait for a database that was fine, and the bug was hidden in the banner's text."""
    import logging

    from sqlalchemy.exc import OperationalError

    from console.storage.engine import unavailable_raised

    add_site(sqlite_db)
    feed = QueueFeed(sqlite_db)
    real_changes = feed.changes
    broken = {"on": False}

    def changes() -> list[Any]:
        if broken["on"]:  # a statement the database refuses: a bug in the query, not an outage
            with unavailable_raised(), sqlite_db.read() as session:
                session.execute(text("SELECT no_such_column FROM alarm"))
        return list(real_changes())

    feed.changes = changes  # type: ignore[method-assign]
    station = Workstation(
        AlarmDesk(sqlite_db),
        feed,
        SiteDesk(sqlite_db),
        add_operator_to(sqlite_db),
        QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat),
        poll_interval_ms=50,
    )
    qtbot.addWidget(station.queue_window)
    qtbot.addWidget(station.site_window)
    station.show()
    try:
        qtbot.waitUntil(lambda: station.live_feed.reachable is True, timeout=5000)
        with caplog.at_level(logging.ERROR, logger="console"):
            broken["on"] = True
            qtbot.waitUntil(
                lambda: any("not an outage" in r.getMessage() for r in caplog.records), timeout=5000
            )
        records = [r for r in caplog.records if "not an outage" in r.getMessage()]
        assert records and records[0].exc_info is not None
        assert isinstance(records[0].exc_info[1], OperationalError)  # SQLite's word for it: not an outage
        assert station.live_feed.reachable is True  # no banner: the database is there
        assert not station.queue_window.banner.isVisibleTo(station.queue_window)
        broken["on"] = False
        AlarmDesk(sqlite_db).ingest([cid(130)])
        qtbot.waitUntil(lambda: station.model.rowCount() == 1, timeout=5000)  # the feed went on
    finally:
        station.shutdown()


def test_one_policy_sorts_database_errors(tmp_path: Path, sqlite_db: Database) -> None:
    from sqlalchemy.exc import DBAPIError

    from console.storage.engine import is_unavailable

    with pytest.raises(DBAPIError) as bug, sqlite_db.read() as session:
        session.execute(text("SELECT no_such_column FROM alarm"))
    assert not is_unavailable(bug.value)  # SQLite's OperationalError, but a statement fault
    folder = tmp_path / "a-folder"
    folder.mkdir()
    gone = Database.from_url(f"sqlite:///{folder}")  # a folder where the file should be
    with pytest.raises(DBAPIError) as away, gone.read() as session:
        session.execute(text("SELECT 1"))
    assert is_unavailable(away.value)  # the file cannot be opened: an outage, retried
    gone.dispose()

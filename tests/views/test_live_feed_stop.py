"""A stopped feed ignores the polls already queued (a re-poll after a change, a change notice)."""

from __future__ import annotations

from typing import Any

from console.services.queue_feed import QueueFeed
from console.storage.engine import Database
from console.views.queue.live_feed import LiveFeed


def test_a_poll_queued_before_stop_does_nothing_after_it(qtbot: Any, sqlite_db: Database) -> None:
    feed = LiveFeed(QueueFeed(sqlite_db), interval_ms=10_000)
    loaded: list[object] = []
    feed.snapshot_loaded.connect(loaded.append)
    feed.start()
    qtbot.waitUntil(lambda: loaded != [])
    feed.stop()
    feed.poll_now()  # raised "cannot schedule new futures after shutdown" in a Qt slot
    feed.poll_now()

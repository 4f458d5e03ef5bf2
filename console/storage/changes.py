"""Change feed: how every console learns what another desk or the receiver service changed.

Writers add a `change_log` row in the same transaction as the change. Readers poll for rows after
the last id they saw. On PostgreSQL, ids are handed out when rows are inserted but become visible
when their transaction commits, so a lower id can appear after a higher one: the reader keeps
the ids it skipped and looks for them again for a while instead of losing those changes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, text
from sqlalchemy.orm import Session
from sqlmodel import col, or_, select

from console.storage.tables import ChangeRow

NOTIFY_CHANNEL = "vigie_changes"


def record_changes(session: Session, entity: str, entity_ids: Iterable[int], at: datetime) -> None:
    """Note that these entities changed; on PostgreSQL also wake listeners when the transaction commits."""
    ids = sorted(set(entity_ids))
    for entity_id in ids:
        session.add(ChangeRow(at=at, entity=entity, entity_id=entity_id))
    if ids and session.get_bind().dialect.name == "postgresql":
        notify_listeners(session)


def notify_listeners(session: Session) -> None:
    """PostgreSQL: wake the consoles LISTENing when this transaction commits (collapsed per transaction)."""
    session.execute(text(f"NOTIFY {NOTIFY_CHANNEL}"))


def last_change_id(session: Session) -> int:
    return session.execute(select(func.max(ChangeRow.id))).scalar_one() or 0


@dataclass
class ChangeCursor:
    """A reader's position in the feed, with the skipped ids it still expects."""

    last_id: int = 0
    gap_timeout_s: float = 60.0
    _gaps: dict[int, float] = field(default_factory=dict)

    def poll(self, session: Session, limit: int = 5000) -> dict[str, set[int]]:
        """Changes since the last poll, grouped by entity: {"alarm": {ids}}."""
        now = time.monotonic()
        self._gaps = {i: t for i, t in self._gaps.items() if now - t < self.gap_timeout_s}
        condition = col(ChangeRow.id) > self.last_id
        if self._gaps:
            condition = or_(condition, col(ChangeRow.id).in_(list(self._gaps)))
        rows = session.execute(
            select(ChangeRow.id, ChangeRow.entity, ChangeRow.entity_id)
            .where(condition)
            .order_by(col(ChangeRow.id))
            .limit(limit)
        ).all()
        changed: dict[str, set[int]] = {}
        for change_id, entity, entity_id in rows:
            changed.setdefault(entity, set()).add(entity_id)
            self._gaps.pop(change_id, None)
            if change_id > self.last_id:
                for missing in range(self.last_id + 1, change_id):
                    self._gaps.setdefault(missing, now)
                self.last_id = change_id
        return changed

    @property
    def pending_gaps(self) -> int:
        return len(self._gaps)


class ChangeListener:
    """PostgreSQL: wakes a console as soon as another desk or the receiver commits a change.

    Runs LISTEN on a connection of its own in a daemon thread and calls `on_change` (from that
    thread) for every notification; polling stays as the fallback, so a lost listener only costs
    latency. Reconnects by itself after a dropped connection.
    """

    def __init__(self, engine: Any, on_change: Callable[[], None], retry_s: float = 2.0) -> None:
        self._engine = engine
        self._on_change = on_change
        self._retry_s = retry_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="vigie-listen", daemon=True)
        self.listening = threading.Event()

    @staticmethod
    def supported(engine: Any) -> bool:
        return bool(engine.dialect.name == "postgresql")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=3)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                raw = self._engine.raw_connection()
                try:
                    connection = raw.driver_connection
                    connection.autocommit = True
                    connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.listening.set()
                    while not self._stop.is_set():
                        for _ in connection.notifies(timeout=0.5):
                            self._on_change()
                finally:
                    self.listening.clear()
                    raw.invalidate()  # never hand a LISTENing connection back to the pool
            except Exception:  # the database went away: wait, then listen again
                self._stop.wait(self._retry_s)

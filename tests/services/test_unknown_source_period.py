"""Unknown accounts group per source *and period*: a flood lasting the night raises one alarm an
hour with that hour's counts, rather than feeding an alarm opened hours ago (issue 15, item 2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlmodel import col, select

from console.domain.signals import Signal
from console.domain.unknown_source import period_of
from console.services.alarm_desk import AlarmDesk
from console.storage.engine import Database
from console.storage.tables import AlarmRow
from tests.factories import T0, SteppingClock, cid

FLOODER, OTHER = "203.0.113.9", "198.51.100.4"
HOUR = timedelta(hours=1)


def from_peer(peer: str, account: str, at: datetime) -> Signal:
    return replace(cid(130, account=account, at=at), peer=peer)


def unknown_alarms(db: Database) -> list[tuple[str, int, int, int, str]]:
    """(source, signals, accounts, period, state) of each alarm without a site, oldest first."""
    with db.read() as session:
        rows = session.execute(
            select(
                AlarmRow.source,
                AlarmRow.signal_count,
                AlarmRow.source_accounts,
                AlarmRow.source_period,
                AlarmRow.state,
            )
            .where(col(AlarmRow.site_id).is_(None))
            .order_by(col(AlarmRow.id))
        ).all()
    return [tuple(row) for row in rows]


def test_a_source_gets_one_alarm_per_period_with_that_periods_counts(db: Database) -> None:
    start = T0.replace(minute=0, second=0) + timedelta(minutes=50)  # ten minutes before an hour ends
    desk = AlarmDesk(db, SteppingClock(start))
    first, second = period_of(start), period_of(start) + 1

    # 20:50-20:59: three accounts, one of them twice; the other source on its own.
    desk.ingest([from_peer(FLOODER, f"E{n:04d}", start + timedelta(minutes=n)) for n in (1, 2, 2, 3)])
    desk.ingest([from_peer(OTHER, "E0100", start + timedelta(minutes=5))])
    assert unknown_alarms(db) == [(FLOODER, 4, 3, first, "new"), (OTHER, 1, 1, first, "new")]

    # The next hour: the flood goes on; the open alarm of the hour before is left as it was.
    desk.ingest([from_peer(FLOODER, f"E{n:04d}", start + timedelta(minutes=10 + n)) for n in (3, 4)])
    assert unknown_alarms(db) == [
        (FLOODER, 4, 3, first, "new"),
        (OTHER, 1, 1, first, "new"),
        (FLOODER, 2, 2, second, "new"),  # E0003 counted again: this period's accounts
    ]

    # One batch straddling the next boundary splits between the two periods.
    edge = start + timedelta(minutes=10) + HOUR
    desk.ingest([from_peer(FLOODER, "E0009", edge - timedelta(seconds=1)), from_peer(FLOODER, "E0010", edge)])
    assert unknown_alarms(db)[2:] == [(FLOODER, 3, 3, second, "new"), (FLOODER, 1, 1, second + 1, "new")]


def test_the_period_is_a_setting_of_the_desk(db: Database) -> None:
    """With 10-minute periods, 25 minutes of flood from one source make three alarms."""
    start = T0.replace(minute=0, second=0)
    desk = AlarmDesk(db, SteppingClock(start), unknown_period_s=600)
    desk.ingest([from_peer(FLOODER, f"F{n:04d}", start + timedelta(minutes=n)) for n in range(25)])
    assert [(count, accounts) for _, count, accounts, _, _ in unknown_alarms(db)] == [
        (10, 10),
        (10, 10),
        (5, 5),
    ]

"""Whether a database is the demo's: a journal entry written when the demo fills an empty database.

The demo writes operators with documented passwords (`demo`/`demo`, a supervisor `chef`/`chef`)
and signs in without a password: pointed at a station's database it would open it to anyone. So
it only fills an empty database, marking it in the journal (append-only: the mark cannot be
removed later), and only ever writes again into a database carrying that mark.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, inspect, text
from sqlalchemy.orm import Session

from console.domain.journal import JournalAction
from console.storage.alarms import append_journal

# Tables whose rows are a station's data: any row in one of them makes a database not empty.
_STATION_TABLES = ("operator", "site", "transmitter", "alarm", "signal", "signal_inbox", "journal", "call")


def is_demo(connection: Connection) -> bool:
    """The database carries the demo's mark."""
    if not inspect(connection).has_table("journal"):
        return False
    query = text("SELECT 1 FROM journal WHERE action = :action LIMIT 1")
    return connection.execute(query, {"action": JournalAction.DEMO_LOADED.value}).first() is not None


def holds_station_data(connection: Connection) -> bool:
    """Any site, operator, alarm, signal, journal entry or call (a database without the schema holds none)."""
    present = set(inspect(connection).get_table_names())
    for table in _STATION_TABLES:
        if table in present and connection.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first():
            return True
    return False


def mark_demo(session: Session, at: datetime) -> None:
    append_journal(
        session,
        at=at,
        action=JournalAction.DEMO_LOADED,
        detail="demo station: operators demo and chef with the documented passwords, demo sites",
    )

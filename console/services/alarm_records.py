"""An alarm's whole record, read in one transaction: for the site window and the supervisor.

The operator's site window reads the record of the alarm it shows (`SiteDesk`, no role needed: it
is their alarm); a supervisor opening a past alarm from the history reads it through
`AlarmRecords`, which checks the role first (an operator's session is refused, and it is journaled).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from console.domain.alarm import Alarm, Operator
from console.domain.alarm_record import AlarmRecord
from console.services.authority import Authority
from console.storage import alarms as alarm_store
from console.storage import calls as call_store
from console.storage import dispatch as dispatch_store
from console.storage.engine import Database, unavailable_raised
from console.storage.signals import signals_for_alarm
from console.storage.sites import load_site_file


def read_record(session: Session, alarm: Alarm, lang: str) -> AlarmRecord:
    """Everything stored about `alarm`, as one moment of the database."""
    return AlarmRecord(
        alarm=alarm,
        site_file=load_site_file(session, alarm.site_id) if alarm.site_id is not None else None,
        signals=tuple(signals_for_alarm(session, alarm.id, lang)),
        journal=tuple(alarm_store.journal_for_alarm(session, alarm.id)),
        dispatches=tuple(dispatch_store.dispatches_for_alarm(session, alarm.id)),
        calls=tuple(call_store.list_calls(session, alarm_id=alarm.id)),
        site_guard_delay_min=dispatch_store.site_guard_delay(session, alarm.site_id),
    )


class AlarmRecords:
    """A past (or open) alarm's record for the supervisor: read-only, role checked."""

    def __init__(self, db: Database, authority: Authority, lang: str = "en") -> None:
        self._db = db
        self._authority = authority
        self.lang = lang

    def record(self, operator: Operator, alarm_id: int) -> AlarmRecord | None:
        """None when no alarm has this id; raises AuditRefused for an operator's session."""
        self._authority.require(operator, f"open the record of alarm {alarm_id}")
        with unavailable_raised(), self._db.read() as session:
            alarm = alarm_store.get_alarm(session, alarm_id)
            return read_record(session, alarm, self.lang) if alarm is not None else None

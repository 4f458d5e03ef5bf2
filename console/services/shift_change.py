"""An operator leaving the desk: the console locked while away, and the hand-over at a shift change.

At a shift change the operator leaving may still hold alarms being handled (a guard on the way, a
call-back awaited). Signing out is refused then; handing over is the way: the next operator signs
in on the same console and every alarm the leaving one held becomes theirs, in one transaction,
each journaled with both names, so the record says who handled what, when.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.alarm import AlarmState, Operator
from console.domain.journal import JournalAction
from console.storage import alarms as alarm_store
from console.storage.alarms import StaleAlarm
from console.storage.engine import Database, unavailable_raised, write_retried
from console.storage.operators import account_row
from console.storage.tables import AlarmRow


class ShiftChange:
    def __init__(self, db: Database, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._db = db
        self._clock = clock

    def hand_over(self, leaving_login: str, taking: Operator, workstation: str = "") -> list[int]:
        """Give `taking` every open alarm `leaving_login` holds; returns their ids (none: nothing to do)."""
        if leaving_login == taking.login:
            return []

        def work(session: Session) -> list[int]:
            leaving = account_row(session, leaving_login)
            if leaving is None or leaving.id is None:
                return []
            held_ids = session.execute(
                select(AlarmRow.id).where(
                    col(AlarmRow.operator_id) == leaving.id, col(AlarmRow.state) != AlarmState.CLOSED.value
                )
            ).scalars()
            now = self._clock()
            moved = []
            for alarm_id in held_ids:
                alarm = alarm_store.get_alarm(session, alarm_id)
                if alarm is None:
                    continue
                alarm_store.save_alarm(
                    session, replace(alarm, operator_id=taking.id, operator_login=taking.login)
                )
                where = f" at {workstation}" if workstation else ""
                alarm_store.append_journal(
                    session,
                    at=now,
                    action=JournalAction.HANDED_OVER,
                    detail=f"{leaving_login} -> {taking.login}{where}",
                    operator_id=taking.id,
                    alarm_id=alarm.id,
                    site_id=alarm.site_id,
                )
                moved.append(alarm.id)
            return moved

        return write_retried(self._db, work, retries=3, conflicts=(StaleAlarm,))

    def record_lock(self, operator: Operator, locked: bool, detail: str = "") -> None:
        """Journal a lock or an unlock of the console: an audit reads when the desk was left."""
        action = JournalAction.CONSOLE_LOCKED if locked else JournalAction.CONSOLE_UNLOCKED
        with unavailable_raised(), self._db.write() as session:
            alarm_store.append_journal(
                session, at=self._clock(), action=action, detail=detail, operator_id=operator.id
            )

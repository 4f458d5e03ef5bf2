"""The alarm desk: signals in, alarms out, and every operator action on them.

Each use case is one database transaction that writes the change, its journal entry and its
change-feed row together, so a console, the receiver service and a supervisor's audit never
disagree about what happened.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from console.domain.alarm import (
    Action,
    Alarm,
    CategoryChanged,
    Disposition,
    Operator,
    TransitionError,
    apply_action,
    check_procedure_before_close,
    missing_mandatory_steps,
)
from console.domain.alarm_path import DEFAULT_WINDOW_S
from console.domain.alarm_record import done_step_ids
from console.domain.journal import JournalAction
from console.domain.priority import EventCategory
from console.domain.signals import Signal
from console.domain.site import ProcedureStep
from console.domain.unknown_source import PERIOD_S as UNKNOWN_PERIOD_S
from console.services.ingest import IngestResult, ingest_batch
from console.services.supervision import clear_overdue
from console.storage import alarms as alarm_store
from console.storage.alarms import StaleAlarm
from console.storage.engine import Database, unavailable_raised, write_retried
from console.storage.sites import find_transmitter, mandatory_steps

Clock = Callable[[], datetime]
T = TypeVar("T")


def zones_acknowledged_detail(zones: Sequence[int]) -> str:
    """The journal's line for A on the plan: "zones 4, 5" (journal_text shows it in French)."""
    return "zones " + ", ".join(str(zone) for zone in sorted(zones))


def step_done_detail(step: ProcedureStep) -> str:
    """Journal text of a ticked step; starts with `#<step id>` so the checklist can be rebuilt from it."""
    return f"#{step.id} {step.text}"


def utc_now() -> datetime:
    return datetime.now(UTC)


class AlarmDesk:
    """Signals to alarms, and operators' actions on alarms."""

    def __init__(
        self,
        db: Database,
        clock: Clock = utc_now,
        max_retries: int = 3,
        path_window_s: float = DEFAULT_WINDOW_S,
        unknown_period_s: float = UNKNOWN_PERIOD_S,
    ) -> None:
        self._db = db
        self._clock = clock
        self._max_retries = max_retries
        self._path_window_s = path_window_s
        self._unknown_period_s = unknown_period_s

    # --- signals -------------------------------------------------------------------------

    def ingest(self, signals: Sequence[Signal]) -> IngestResult:
        """Store a batch of signals in one transaction, grouping them into alarms.

        A conflict with another writer (a desk taking the alarm being joined, another receiver
        opening the same site's alarm) rolls the whole batch back and replays it on fresh state.
        """
        if not signals:
            return IngestResult(stored=0)
        return self.in_transaction(lambda session: self.ingest_in(session, signals))

    def in_transaction(self, work: Callable[[Session], T], *, durable: bool = True) -> T:
        """Run `work` in a write transaction, replaying it when another writer got in the way."""
        return write_retried(
            self._db, work, retries=self._max_retries, conflicts=(StaleAlarm, IntegrityError), durable=durable
        )

    def ingest_in(self, session: Session, signals: Sequence[Signal]) -> IngestResult:
        """Ingest within the caller's transaction (the receiver's placement adds its own work to it)."""
        return ingest_batch(session, signals, self._clock, self._path_window_s, self._unknown_period_s)

    @property
    def database(self) -> Database:
        return self._db

    def note_link_test(
        self,
        session: Session,
        account: str,
        line: str,
        at: datetime,
        extended: Mapping[str, str] | None = None,
    ) -> int | None:
        """A link test (NULL, XNM) proves the path works: it counts for supervision but is not stored
        as a signal. Its DC-09 extended data (XNM `[][G1]`) is kept as the transmitter's last test's
        (cleared by a test without any), for the technicians."""
        transmitter = find_transmitter(session, account.upper(), line.upper())
        if transmitter is None:
            return None
        transmitter.last_signal_at = at
        transmitter.last_test_extended = json.dumps(dict(extended), ensure_ascii=False) if extended else None
        # clearing the overdue alarm journals it, which tells the consoles (one change row)
        return clear_overdue(session, transmitter, at) if transmitter.test_overdue_since else None

    # --- operator actions ----------------------------------------------------------------

    def act(
        self,
        alarm_id: int,
        action: Action,
        operator: Operator,
        *,
        disposition: Disposition | None = None,
        comment: str | None = None,
        skip_reason: str | None = None,
        shown_category: EventCategory | None = None,
    ) -> Alarm:
        """Apply an operator's action; raises TransitionError with a message for the operator.

        Closing also checks the customer's procedure for the alarm's category: every mandatory step
        ticked, or a `skip_reason` that the journal keeps with the closing. With `shown_category`
        (what the operator's screen showed), a close is refused (CategoryChanged) when the alarm has
        since become another kind: the procedure checked must be the one the operator followed.
        """
        try:
            with unavailable_raised(), self._db.write() as session:
                current = alarm_store.get_alarm(session, alarm_id)
                if current is None:
                    raise TransitionError(f"Alarm {alarm_id} does not exist.", "missing")
                at = self._clock()
                transition = apply_action(
                    current, action, operator, at, disposition=disposition, comment=comment
                )
                detail = transition.detail
                if (
                    action is Action.CLOSE
                    and shown_category is not None
                    and current.category is not shown_category
                ):
                    raise CategoryChanged(alarm_id, shown_category, current.category)
                if action is Action.CLOSE and current.site_id is not None:
                    mandatory = mandatory_steps(session, current.site_id, current.category)
                    done = (
                        done_step_ids(alarm_store.journal_for_alarm(session, alarm_id))
                        if mandatory
                        else set()
                    )
                    skipped = check_procedure_before_close(
                        missing_mandatory_steps(mandatory, done), skip_reason
                    )
                    detail = f"{detail} ({skipped})" if skipped else detail
                saved = alarm_store.save_alarm(
                    session,
                    transition.alarm,
                    closed_by=operator.id if action is Action.CLOSE else None,
                )
                alarm_store.append_journal(
                    session,
                    at=at,
                    action=JournalAction(action.value),
                    detail=detail,
                    operator_id=operator.id,
                    alarm_id=alarm_id,
                    site_id=current.site_id,
                )
                return replace(saved, operator_login=transition.alarm.operator_login)
        except StaleAlarm:
            holder = self._holder_of(alarm_id) if action is Action.TAKE else None
            if holder is not None and holder != operator.login:
                raise TransitionError(
                    f"Alarm {alarm_id} was just taken by {holder}.", "just_taken", holder=holder
                ) from None
            raise TransitionError(
                f"Alarm {alarm_id} was just changed at another workstation; the queue shows its current state.",
                "changed_elsewhere",
            ) from None

    def _holder_of(self, alarm_id: int) -> str | None:
        """Who holds the alarm now (after losing a race to take it): the refusal names them."""
        try:
            with self._db.read() as session:
                current = alarm_store.get_alarm(session, alarm_id)
        except DBAPIError:
            return None
        return current.operator_login if current is not None else None

    def record_step_done(self, alarm_id: int, step: ProcedureStep, operator: Operator) -> None:
        """Journal that the operator did one step of the customer's procedure for this alarm."""
        self._journal_on_open_alarm(alarm_id, JournalAction.STEP_DONE, step_done_detail(step), operator)

    def record_zones_acknowledged(self, alarm_id: int, zones: Sequence[int], operator: Operator) -> None:
        """Journal that the operator saw the tripped zones on the plan (A): the audit shows when."""
        self._journal_on_open_alarm(
            alarm_id, JournalAction.ZONES_ACKNOWLEDGED, zones_acknowledged_detail(zones), operator
        )

    def _journal_on_open_alarm(
        self, alarm_id: int, action: JournalAction, detail: str, operator: Operator
    ) -> None:
        """One journal line by the operator on an open alarm, told to the other consoles."""
        at = self._clock()
        with unavailable_raised(), self._db.write() as session:
            current = alarm_store.get_alarm(session, alarm_id)
            if current is None or not current.is_open:
                raise TransitionError(f"Alarm {alarm_id} is not open.", "not_open")
            alarm_store.append_journal(
                session,
                at=at,
                action=action,
                detail=detail,
                operator_id=operator.id,
                alarm_id=alarm_id,
                site_id=current.site_id,
            )

    def record_session(self, operator: Operator, action: JournalAction, detail: str = "") -> None:
        """Journal a sign-in or a sign-out: an audit reads who was at the console, and when."""
        if action not in (JournalAction.LOGIN, JournalAction.LOGOUT):
            raise ValueError(f"not a session action: {action}")
        with unavailable_raised(), self._db.write() as session:
            alarm_store.append_journal(
                session, at=self._clock(), action=action, detail=detail, operator_id=operator.id
            )

    def take(self, alarm_id: int, operator: Operator) -> Alarm:
        return self.act(alarm_id, Action.TAKE, operator)

    def close(
        self,
        alarm_id: int,
        operator: Operator,
        disposition: Disposition,
        comment: str,
        skip_reason: str | None = None,
        shown_category: EventCategory | None = None,
    ) -> Alarm:
        return self.act(
            alarm_id,
            Action.CLOSE,
            operator,
            disposition=disposition,
            comment=comment,
            skip_reason=skip_reason,
            shown_category=shown_category,
        )

"""The alarm desk: signals in, alarms out, and every operator action on them.

Each use case is one database transaction that writes the change, its journal entry and its
change-feed row together, so a console, the receiver service and a supervisor's audit never
disagree about what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from console.domain.alarm import (
    Action,
    Alarm,
    AlarmState,
    Disposition,
    Operator,
    TransitionError,
    apply_action,
)
from console.domain.grouping import Placement, alarm_title, place_signal
from console.domain.journal import JournalAction
from console.domain.signals import Signal
from console.domain.site import JournalEntry, ProcedureStep
from console.services.supervision import clear_overdue
from console.storage import alarms as alarm_store
from console.storage import changes
from console.storage import signals as signal_store
from console.storage.alarms import StaleAlarm
from console.storage.engine import Database, DatabaseUnavailable, describe_db_error
from console.storage.sites import find_transmitter
from console.storage.tables import SiteRow, TransmitterRow

Clock = Callable[[], datetime]
T = TypeVar("T")


def step_done_detail(step: ProcedureStep) -> str:
    """Journal text of a ticked step; starts with `#<step id>` so the checklist can be rebuilt from it."""
    return f"#{step.id} {step.text}"


def done_step_ids(journal: Sequence[JournalEntry]) -> set[int]:
    done: set[int] = set()
    for entry in journal:
        if entry.action == JournalAction.STEP_DONE and entry.detail.startswith("#"):
            head = entry.detail[1:].split(" ", 1)[0]
            if head.isdigit():
                done.add(int(head))
    return done


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What a batch of signals did: alarms created or updated, signals stored."""

    stored: int
    new_alarm_ids: tuple[int, ...] = ()
    updated_alarm_ids: tuple[int, ...] = ()


@dataclass
class _BatchState:
    transmitters: dict[tuple[str, str], TransmitterRow | None] = field(default_factory=dict)
    sites: dict[int, SiteRow | None] = field(default_factory=dict)
    open_alarms: dict[tuple[int | None, str], Alarm | None] = field(default_factory=dict)
    new_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)


class AlarmDesk:
    """Signals to alarms, and operators' actions on alarms."""

    def __init__(self, db: Database, clock: Clock = utc_now, max_retries: int = 3) -> None:
        self._db = db
        self._clock = clock
        self._max_retries = max_retries

    # --- signals -------------------------------------------------------------------------

    def ingest(self, signals: Sequence[Signal]) -> IngestResult:
        """Store a batch of signals in one transaction, grouping them into alarms.

        A conflict with another writer (a desk taking the alarm being joined, another receiver
        opening the same site's alarm) rolls the whole batch back and replays it on fresh state.
        """
        if not signals:
            return IngestResult(stored=0)
        return self.in_transaction(lambda session: self.ingest_in(session, signals))

    def in_transaction(self, work: Callable[[Session], T]) -> T:
        """Run `work` in a write transaction, replaying it when another writer got in the way."""
        for attempt in range(self._max_retries + 1):
            try:
                with self._db.write() as session:
                    return work(session)
            except (StaleAlarm, IntegrityError):
                if attempt == self._max_retries:
                    raise
            except OperationalError as exc:
                raise DatabaseUnavailable(describe_db_error(exc)) from exc
        raise AssertionError("unreachable")

    def ingest_in(self, session: Session, signals: Sequence[Signal]) -> IngestResult:
        """Ingest within the caller's transaction (the receiver adds its own bookkeeping to it)."""
        state = _BatchState()
        for signal in signals:
            self._ingest_one(session, state, signal)
        touched = set(state.new_ids) | set(state.updated_ids)
        changes.record_changes(session, "alarm", touched, self._clock())
        return IngestResult(
            stored=len(signals),
            new_alarm_ids=tuple(dict.fromkeys(state.new_ids)),
            updated_alarm_ids=tuple(i for i in dict.fromkeys(state.updated_ids) if i not in state.new_ids),
        )

    def note_link_test(self, session: Session, account: str, line: str, at: datetime) -> int | None:
        """A NULL link test proves the path works: it counts for supervision but is not stored as a signal."""
        transmitter = find_transmitter(session, account.upper(), line.upper())
        if transmitter is None:
            return None
        transmitter.last_signal_at = at
        touched = clear_overdue(session, transmitter, at) if transmitter.test_overdue_since else None
        if touched is not None:
            changes.record_changes(session, "alarm", [touched], at)
        return touched

    def _ingest_one(self, session: Session, state: _BatchState, signal: Signal) -> None:
        key = (signal.account.upper(), signal.line.upper())
        if key not in state.transmitters:
            state.transmitters[key] = find_transmitter(session, *key)
        transmitter = state.transmitters[key]
        site_id = transmitter.site_id if transmitter else None
        site = self._site(session, state, site_id)
        alarm_key = (site_id, key[0] if site_id is None else "")
        if transmitter is not None and transmitter.test_overdue_since is not None:
            cleared = clear_overdue(session, transmitter, signal.received_at)
            state.open_alarms.pop(alarm_key, None)  # it may just have been closed
            if cleared is not None:
                state.updated_ids.append(cleared)
        if alarm_key not in state.open_alarms:
            state.open_alarms[alarm_key] = alarm_store.open_alarm_for(session, site_id, key[0])
        open_alarm = state.open_alarms[alarm_key]
        decision = place_signal(signal, open_alarm)
        alarm_id: int | None = None
        if decision.placement is Placement.NEW_ALARM:
            alarm = self._raise_alarm(session, signal, site, key[0])
            state.open_alarms[alarm_key] = alarm
            state.new_ids.append(alarm.id)
            alarm_id = alarm.id
        elif decision.placement is Placement.JOIN:
            assert decision.alarm is not None and open_alarm is not None
            joined = alarm_store.save_alarm(session, decision.alarm)
            if joined.priority < open_alarm.priority:
                alarm_store.append_journal(
                    session,
                    at=signal.received_at,
                    action=JournalAction.PRIORITY_RAISED,
                    detail=f"{open_alarm.priority.name} -> {joined.priority.name}: {joined.title}",
                    alarm_id=joined.id,
                    site_id=site_id,
                )
            state.open_alarms[alarm_key] = joined
            state.updated_ids.append(joined.id)
            alarm_id = joined.id
        row = signal_store.insert_signal(
            session,
            signal,
            site_id=site_id,
            transmitter_id=transmitter.id if transmitter else None,
            alarm_id=alarm_id,
        )
        row.dedupe_key = signal.dedupe_key
        if transmitter is not None:
            transmitter.last_signal_at = signal.received_at

    def _site(self, session: Session, state: _BatchState, site_id: int | None) -> SiteRow | None:
        if site_id is None:
            return None
        if site_id not in state.sites:
            state.sites[site_id] = session.get(SiteRow, site_id)
        return state.sites[site_id]

    def _raise_alarm(self, session: Session, signal: Signal, site: SiteRow | None, account: str) -> Alarm:
        title = alarm_title(signal)
        if site is None:
            title = f"Unknown account {account}: {title}"
        draft = Alarm(
            id=0,
            site_id=site.id if site else None,
            site_code=site.code if site else "",
            site_name=site.name if site else "",
            account=account,
            state=AlarmState.NEW,
            priority=signal.priority,
            category=signal.category,
            title=title,
            created_at=signal.received_at,
            last_signal_at=signal.received_at,
        )
        alarm = alarm_store.insert_alarm(session, draft)
        alarm_store.append_journal(
            session,
            at=signal.received_at,
            action=JournalAction.ALARM_RAISED,
            detail=title,
            alarm_id=alarm.id,
            site_id=alarm.site_id,
        )
        return alarm

    # --- operator actions ----------------------------------------------------------------

    def act(
        self,
        alarm_id: int,
        action: Action,
        operator: Operator,
        *,
        disposition: Disposition | None = None,
        comment: str | None = None,
    ) -> Alarm:
        """Apply an operator's action; raises TransitionError with a message for the operator."""
        try:
            with self._db.write() as session:
                current = alarm_store.get_alarm(session, alarm_id)
                if current is None:
                    raise TransitionError(f"Alarm {alarm_id} does not exist.")
                at = self._clock()
                transition = apply_action(
                    current, action, operator, at, disposition=disposition, comment=comment
                )
                saved = alarm_store.save_alarm(
                    session,
                    transition.alarm,
                    closed_by=operator.id if action is Action.CLOSE else None,
                )
                alarm_store.append_journal(
                    session,
                    at=at,
                    action=JournalAction(action.value),
                    detail=transition.detail,
                    operator_id=operator.id,
                    alarm_id=alarm_id,
                    site_id=current.site_id,
                )
                changes.record_changes(session, "alarm", [alarm_id], at)
                return replace(saved, operator_login=transition.alarm.operator_login)
        except StaleAlarm:
            raise TransitionError(
                f"Alarm {alarm_id} was just changed at another workstation; the queue shows its current state."
            ) from None
        except OperationalError as exc:
            raise DatabaseUnavailable(describe_db_error(exc)) from exc

    def record_step_done(self, alarm_id: int, step: ProcedureStep, operator: Operator) -> None:
        """Journal that the operator did one step of the customer's procedure for this alarm."""
        at = self._clock()
        try:
            with self._db.write() as session:
                current = alarm_store.get_alarm(session, alarm_id)
                if current is None or not current.is_open:
                    raise TransitionError(f"Alarm {alarm_id} is not open.")
                alarm_store.append_journal(
                    session,
                    at=at,
                    action=JournalAction.STEP_DONE,
                    detail=step_done_detail(step),
                    operator_id=operator.id,
                    alarm_id=alarm_id,
                    site_id=current.site_id,
                )
                changes.record_changes(session, "journal", [alarm_id], at)
        except OperationalError as exc:
            raise DatabaseUnavailable(describe_db_error(exc)) from exc

    def take(self, alarm_id: int, operator: Operator) -> Alarm:
        return self.act(alarm_id, Action.TAKE, operator)

    def close(self, alarm_id: int, operator: Operator, disposition: Disposition, comment: str) -> Alarm:
        return self.act(alarm_id, Action.CLOSE, operator, disposition=disposition, comment=comment)

"""The dispatch desk: sending responders for an alarm and following them until their report.

Each step is one transaction holding the dispatch, its journal entry and the change-feed row.
Requesting also moves the alarm to DISPATCHED through the alarm lifecycle (a version-checked
write, as at the queue), so the queue and the site window never disagree about it. The later
steps (on site, report, cancel) may be recorded by any operator: the guard calls the station's
number, and whoever answers writes down what they say.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.domain.alarm import Action, Operator, TransitionError, apply_action
from console.domain.dispatch import (
    DEFAULT_GUARD_DELAY_MIN,
    Dispatch,
    DispatchError,
    DispatchKind,
    DispatchStatus,
    agreed_delay_for,
    cancel_dispatch,
    check_alarm_accepts_dispatch,
    journal_detail,
    mark_on_site,
    new_dispatch,
    record_report,
)
from console.domain.journal import JournalAction
from console.services.alarm_desk import Clock, utc_now
from console.storage import alarms as alarm_store
from console.storage import dispatch as dispatch_store
from console.storage.alarms import StaleAlarm
from console.storage.dispatch import StaleDispatch
from console.storage.engine import Database, unavailable_raised, write_retried

T = TypeVar("T")

_STEP_ACTIONS = {
    DispatchStatus.ON_SITE: JournalAction.DISPATCH_ON_SITE,
    DispatchStatus.REPORTED: JournalAction.DISPATCH_REPORT,
    DispatchStatus.CANCELLED: JournalAction.DISPATCH_CANCELLED,
}


class DispatchDesk:
    """Dispatch requests and their follow-up; raises DispatchError with a message for the operator."""

    def __init__(
        self,
        db: Database,
        clock: Clock = utc_now,
        default_guard_delay_min: int = DEFAULT_GUARD_DELAY_MIN,
        max_retries: int = 3,
    ) -> None:
        self._db = db
        self._clock = clock
        self._default_guard_delay_min = default_guard_delay_min
        self._max_retries = max_retries

    def now(self) -> datetime:
        return self._clock()

    # --- writes ----------------------------------------------------------------------------

    def request(
        self,
        alarm_id: int,
        kind: DispatchKind,
        operator: Operator,
        *,
        provider: str = "",
        reference: str = "",
    ) -> Dispatch:
        """Send a responder; the agreed delay is taken from the site's contract at this moment."""

        def work(session: Session) -> Dispatch:
            alarm = alarm_store.get_alarm(session, alarm_id)
            if alarm is None:
                raise DispatchError(f"Alarm {alarm_id} does not exist.", "no_alarm")
            at = self._clock()
            moves_alarm = check_alarm_accepts_dispatch(alarm, operator)
            delay = agreed_delay_for(
                kind, dispatch_store.site_guard_delay(session, alarm.site_id), self._default_guard_delay_min
            )
            dispatch = new_dispatch(
                alarm_id, kind, at, at, provider=provider, reference=reference, agreed_delay_min=delay
            )
            if moves_alarm:
                try:
                    transition = apply_action(alarm, Action.DISPATCH, operator, at)
                except TransitionError as exc:
                    raise DispatchError(str(exc), "alarm_refused") from None
                alarm_store.save_alarm(session, transition.alarm)
            stored = dispatch_store.insert_dispatch(session, dispatch, operator.id)
            dispatch_store.journal_step(
                session,
                stored,
                JournalAction.DISPATCH_REQUESTED,
                journal_detail(stored, DispatchStatus.REQUESTED),
                at=at,
                operator_id=operator.id,
                site_id=alarm.site_id,
            )
            return stored

        return self._write(work)

    def on_site(self, dispatch_id: int, operator: Operator, at: datetime | None = None) -> Dispatch:
        """The responder arrived (at `at` when the operator writes it down afterwards)."""
        return self._step(dispatch_id, operator, lambda d, now: mark_on_site(d, at or now, now))

    def report(self, dispatch_id: int, text: str, operator: Operator, at: datetime | None = None) -> Dispatch:
        return self._step(dispatch_id, operator, lambda d, now: record_report(d, text, at or now, now))

    def cancel(self, dispatch_id: int, reason: str, operator: Operator) -> Dispatch:
        return self._step(dispatch_id, operator, lambda d, now: cancel_dispatch(d, reason, now, now))

    def set_site_guard_delay(self, site_id: int, minutes: int | None) -> None:
        """The site contract's guard delay; None falls back to the station default."""
        self._write(lambda session: dispatch_store.set_site_guard_delay(session, site_id, minutes))

    # --- reads -----------------------------------------------------------------------------

    def for_alarm(self, alarm_id: int) -> list[Dispatch]:
        return self._read(lambda session: dispatch_store.dispatches_for_alarm(session, alarm_id))

    def open_dispatches(self) -> list[Dispatch]:
        return self._read(dispatch_store.open_dispatches)

    def agreed_delay(self, site_id: int | None, kind: DispatchKind) -> int | None:
        """What a request of this kind would be held to, for the form to say before sending."""
        if kind is not DispatchKind.GUARD:
            return None
        return self.agreed_delay_given(kind, self.site_guard_delay(site_id))

    def site_guard_delay(self, site_id: int | None) -> int | None:
        """The site contract's guard delay (None: the station's default applies)."""
        return self._read(lambda session: dispatch_store.site_guard_delay(session, site_id))

    def agreed_delay_given(self, kind: DispatchKind, site_guard_delay_min: int | None) -> int | None:
        """The agreed delay for a site whose contract delay is already known (no database)."""
        return agreed_delay_for(kind, site_guard_delay_min, self._default_guard_delay_min)

    # --- internals -------------------------------------------------------------------------

    def _step(
        self, dispatch_id: int, operator: Operator, change: Callable[[Dispatch, datetime], Dispatch]
    ) -> Dispatch:
        def work(session: Session) -> Dispatch:
            current = dispatch_store.get_dispatch(session, dispatch_id)
            if current is None:
                raise DispatchError(f"Dispatch {dispatch_id} does not exist.", "no_dispatch")
            now = self._clock()
            changed = change(current, now)
            saved = dispatch_store.save_dispatch(session, changed)
            step = saved.status
            dispatch_store.journal_step(
                session,
                saved,
                _STEP_ACTIONS[step],
                journal_detail(saved, step, now),
                at=now,
                operator_id=operator.id,
                site_id=dispatch_store.alarm_site(session, saved.alarm_id),
            )
            return saved

        return self._write(work)

    def _write(self, work: Callable[[Session], T]) -> T:
        """One transaction; replayed on fresh state when another desk wrote in between."""
        try:
            return write_retried(
                self._db,
                work,
                retries=self._max_retries,
                conflicts=(StaleAlarm, StaleDispatch, IntegrityError),
            )
        except (StaleAlarm, StaleDispatch, IntegrityError):
            raise DispatchError("Changed at another workstation meanwhile; try again.", "stale") from None

    def _read(self, work: Callable[[Session], T]) -> T:
        with unavailable_raised(), self._db.read() as session:
            return work(session)

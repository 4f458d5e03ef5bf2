"""Keeps the call records in step with the telephone: every engine report becomes a stored fact.

It listens to the SIP engine (it has the engine listener's methods, without importing the engine:
services stay free of pjsua2 and Qt) and writes through `CallLog`. A call must go on even when the
database does not answer: writes that fail wait in order in a backlog, retried on the next report
and by `flush()`, so nothing is lost and nothing is written out of order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from console.domain.alarm import Operator
from console.domain.calls import CallDirection, CallEnd, CallEventKind, CallPurpose
from console.services.call_log import CallLog
from console.storage.engine import DatabaseUnavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CallContext:
    """What an outgoing call is for, handed to the engine as the call's tag."""

    purpose: CallPurpose
    site_id: int | None = None
    contact_id: int | None = None
    alarm_id: int | None = None


class CallKeeper:
    def __init__(self, call_log: CallLog, operator: Operator | None) -> None:
        self.call_log = call_log
        self.operator = operator
        self._record_ids: dict[int, int] = {}  # engine handle -> call record id
        self._backlog: list[tuple[str, Callable[[], object]]] = []
        self.last_error: str | None = None

    def record_id(self, handle: int) -> int | None:
        return self._record_ids.get(handle)

    def record_ids(self) -> list[int]:
        """The records opened so far, oldest first."""
        return list(self._record_ids.values())

    @property
    def backlog(self) -> int:
        return len(self._backlog)

    # -- the engine's reports -------------------------------------------------------------------

    def call_created(
        self, handle: int, direction: CallDirection, remote_uri: str, at: datetime, tag: object
    ) -> None:
        context = tag if isinstance(tag, CallContext) else None
        purpose = (
            context.purpose
            if context
            else (CallPurpose.INCOMING if direction is CallDirection.INCOMING else CallPurpose.DIAL)
        )

        def write() -> None:
            record = self.call_log.open_call(
                direction=direction,
                purpose=purpose,
                remote_uri=remote_uri,
                at=at,
                operator=self.operator,
                site_id=context.site_id if context else None,
                contact_id=context.contact_id if context else None,
                alarm_id=context.alarm_id if context else None,
            )
            self._record_ids[handle] = record.id

        self._run(f"open call {handle}", write)

    def call_event(self, handle: int, kind: CallEventKind, at: datetime, detail: str) -> None:
        if kind is CallEventKind.CREATED:
            return  # the record's creation is that event
        self._run(
            f"{kind} on call {handle}",
            lambda: self.call_log.add_event(self._id(handle), kind, at, detail, operator=self.operator),
        )

    def call_ended(self, handle: int, end: CallEnd, at: datetime, reason: str) -> None:
        self._run(
            f"end of call {handle}",
            lambda: self.call_log.close_call(self._id(handle), end, at, reason, operator=self.operator),
        )

    def recording_started(self, handle: int, path: Path) -> None:
        self._run(
            f"recording of call {handle}", lambda: self.call_log.set_recording(self._id(handle), str(path))
        )

    def recording_final(self, handle: int, path: Path) -> None:
        self._run(f"fingerprint of call {handle}", lambda: self.call_log.finalise_recording(self._id(handle)))

    def dtmf_received(self, handle: int, digit: str) -> None:
        self._run(
            f"DTMF on call {handle}",
            lambda: self.call_log.add_event(
                self._id(handle), CallEventKind.DTMF, _now(), f"received {digit}"
            ),
        )

    def registration_changed(self, state: str, detail: str) -> None:
        pass  # station equipment: shown by the status bar, not a call record

    def phone_error(self, handle: int | None, message: str) -> None:
        pass  # the engine also reports what matters to the record as an event or an end

    # -- writing --------------------------------------------------------------------------------

    def _id(self, handle: int) -> int:
        try:
            return self._record_ids[handle]
        except KeyError:
            raise LookupError(f"no call record for handle {handle}") from None

    def _run(self, what: str, write: Callable[[], object]) -> None:
        self._backlog.append((what, write))
        self.flush()

    def flush(self) -> bool:
        """Write what waits, in order; stop at the first failure. True when nothing is left."""
        while self._backlog:
            what, write = self._backlog[0]
            try:
                write()
            except DatabaseUnavailable as exc:
                self.last_error = f"{what}: {exc}"
                log.warning("call record write delayed (%s)", self.last_error)
                return False
            except Exception:
                # Not the database's absence but a write that can never succeed (its call record
                # was never opened, say): retrying it would hold back every write after it.
                log.exception("call record write dropped: %s", what)
            self._backlog.pop(0)
        self.last_error = None
        return True


def _now() -> datetime:
    return datetime.now(UTC)

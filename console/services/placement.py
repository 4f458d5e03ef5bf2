"""The receiver's second stage: group the signals it stored (and ACKed) into alarms.

The first stage (`SignalIntake`) stores a frame's signals, durable, and the ACK leaves; this stage
then takes the inbox's signals in arrival order, applies the grouping rules (`ingest_batch`), files
them into `signal` and removes them from the inbox, all in one transaction per chunk. Because the
work list is in the database (`signal_inbox`), a crash between the two stages loses nothing:
whoever places next (this process after a restart, or another receiver on the same database)
finds the signals there.

Its commits do not wait for the disk (`Database.write(durable=False)`): a power cut can only undo
a placement, and the signals it placed are then simply placed again.

On PostgreSQL several receivers may run at once; a transaction-scoped advisory lock makes their
placements take turns, so one site's signals are always grouped in order by one of them.

On SQLite the inbox is a file of its own (`console.storage.inbox`): a chunk is filed together with
the inbox mark, durably, and only then deleted from the inbox file.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from console.domain.signals import Signal
from console.services.alarm_desk import AlarmDesk
from console.services.ingest import IngestResult
from console.storage import inbox as inbox_store
from console.storage import intake as intake_store
from console.storage.faults import FaultDraft, record_faults
from console.storage.inbox import inbox_of

log = logging.getLogger(__name__)

# Any constant will do, as long as every placer uses the same one ("VIGIE" + stage 2).
_PLACEMENT_LOCK = 0x56494749_45_02


@dataclass(frozen=True, slots=True)
class PlacementResult:
    """What one chunk of placement did; `placed` below the chunk size means the backlog is empty."""

    placed: int
    ingest: IngestResult | None = None


class InboxTaken(Exception):
    """Signals read from the inbox were filed meanwhile by another placer (two receivers' placers)."""


class SignalPlacement:
    def __init__(
        self, desk: AlarmDesk, chunk: int = 500, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self._desk = desk
        self.chunk = chunk
        self._max_attempts = 5
        self._clock = clock
        self._inbox = inbox_of(desk.database)

    def _place_from_inbox_file(self) -> PlacementResult:
        for _ in range(self._max_attempts):
            epoch, mark = inbox_store.current_mark(self._desk.database)
            with self._inbox.read() as inbox:
                waiting = intake_store.inbox_signals(inbox, self.chunk, after_id=mark)
                # at or below the mark: normally filed (a placer died before its clean-up)
                below = intake_store.inbox_signals_up_to(inbox, self.chunk, up_to_id=mark) if mark else []
                tests = inbox_store.link_tests(inbox, self.chunk)
            if not waiting and not below and not tests:
                return PlacementResult(0)
            new_mark = waiting[-1][0] if waiting else mark
            try:
                result = self._desk.in_transaction(
                    functools.partial(
                        self._file_with_mark,
                        waiting=waiting,
                        below=below,
                        tests=tests,
                        epoch=epoch,
                        mark=mark,
                        new_mark=new_mark,
                    )
                )
            except InboxTaken:
                continue
            with self._inbox.write() as inbox:
                # only what is filed now or was found filed: never a row by its id alone
                done = [inbox_id for inbox_id, _ in below] + [inbox_id for inbox_id, _ in waiting]
                inbox_store.forget_filed(inbox, done, tests[-1].id if tests else 0)
            return result
        raise InboxTaken("the inbox kept changing under this placer")

    def _file_with_mark(
        self,
        session: Session,
        *,
        waiting: list[tuple[int, Signal]],
        below: list[tuple[int, Signal]],
        tests: list[inbox_store.LinkTest],
        epoch: str,
        mark: int,
        new_mark: int,
    ) -> PlacementResult:
        if inbox_store.filed_mark(session, epoch) != mark:
            raise InboxTaken("another placer filed part of this inbox meanwhile")
        for test in tests:
            self._desk.note_link_test(session, test.account, test.line, test.received_at, test.extended)
        unfiled = []
        if below:  # checked inside the write transaction: two placers cannot both file them
            found = intake_store.filed_inbox_rows(session, below)
            unfiled = [(inbox_id, signal) for inbox_id, signal in below if inbox_id not in found]
            if unfiled:
                self._record_unfiled_below_mark(session, unfiled, mark)
        result = None
        if waiting or unfiled:
            signals = [signal for _, signal in unfiled] + [signal for _, signal in waiting]
            result = self._desk.ingest_in(session, signals)
            if result.first_heard:
                self._record_unknown_accounts(session, result)
        if waiting:
            inbox_store.set_filed_mark(session, epoch, new_mark)
        return PlacementResult(len(waiting) + len(unfiled), result)

    def _record_unfiled_below_mark(
        self, session: Session, unfiled: list[tuple[int, Signal]], mark: int
    ) -> None:
        """Signals with ids at or below the mark that were never filed (the inbox file was replaced
        under a running receiver): filed now, and said, for nothing about the inbox to go unseen."""
        ids = [inbox_id for inbox_id, _ in unfiled]
        detail = (
            f"{len(unfiled)} signals of the inbox file had ids at or below its mark {mark}"
            f" ({min(ids)}-{max(ids)}) but were never filed: filed now (was the inbox file replaced?)"
        )
        log.warning("%s", detail)
        record_faults(session, [FaultDraft(self._clock(), "inbox_unfiled_below_mark", detail)])

    def place_pending(self) -> PlacementResult:
        """File up to one chunk of the inbox in one transaction (replayed on a conflict).

        The inbox is read before the write transaction, which then holds the database's write lock
        only for the grouping and the writes.
        """
        if self._inbox is not self._desk.database:
            return self._place_from_inbox_file()
        for _ in range(self._max_attempts):
            with self._desk.database.read() as session:
                waiting = intake_store.inbox_signals(session, self.chunk)
            if not waiting:
                return PlacementResult(0)
            try:
                return self._desk.in_transaction(
                    functools.partial(self._file, waiting=waiting), durable=False
                )
            except InboxTaken:
                continue  # another placer filed them first: read the inbox again
        raise InboxTaken("the inbox kept changing under this placer")

    def _file(self, session: Session, *, waiting: list[tuple[int, Signal]]) -> PlacementResult:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PLACEMENT_LOCK})
        taken = intake_store.remove_from_inbox(session, [inbox_id for inbox_id, _ in waiting])
        if taken != len(waiting):
            raise InboxTaken(f"{len(waiting) - taken} of {len(waiting)} signals were filed by another placer")
        signals = [signal for _, signal in waiting]
        result = self._desk.ingest_in(session, signals)
        if result.first_heard:
            self._record_unknown_accounts(session, result)
        return PlacementResult(len(waiting), result)

    def _record_unknown_accounts(self, session: Session, result: IngestResult) -> None:
        """One fault per unregistered account the first time its source's alarm hears it (not one
        per message: a sender making up accounts must not write a row per frame), for the
        technicians to register it."""
        at = self._clock()
        record_faults(
            session,
            [
                FaultDraft(
                    at,
                    "unknown_account",
                    f"message from unregistered account {account}"
                    + (f" from {source}" if source else "")
                    + ", stored and raised in the alarm of its source",
                    peer=source,
                    account=account,
                )
                for source, account in result.first_heard
            ],
        )

    def backlog(self) -> int:
        """Signals stored and ACKed but not yet in an alarm (a figure for supervision and benches)."""
        _, mark = inbox_store.current_mark(self._desk.database)
        with self._inbox.read() as inbox:
            return intake_store.inbox_size(inbox, after_id=mark)

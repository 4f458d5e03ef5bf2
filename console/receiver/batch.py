"""Group commit: everything that arrived in one loop turn goes to the database in one transaction.

A transmitter's ACK is a promise that the signal is stored, so each frame waits for the commit of
its batch before being answered; batching many frames per commit is what makes that affordable
(one fsync for a whole batch on SQLite). While a batch is being written, new frames queue for the
next one, so the batch size grows by itself under load.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from console.domain.signals import Signal

log = logging.getLogger(__name__)

T = TypeVar("T")


class Outcome(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"  # a retry of a message already stored: ACK again, store nothing
    LINK_TEST = "link_test"
    REJECTED = "rejected"  # the database refused this frame's content (not the database being down)


@dataclass(frozen=True, slots=True)
class Received:
    """One accepted frame, decoded, waiting to be stored before its ACK."""

    account: str
    line: str
    dedupe_key: str
    signals: tuple[Signal, ...]
    received_at: datetime
    peer: str
    is_link_test: bool = False
    sequence: int | None = None  # the frame's; with the account, where a retry is looked for
    # A link test's DC-09 extended data by identifier (XNM `[][G1]`: {"G": "1"}); signals carry theirs.
    extended: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Fault:
    """A frame refused (NAK, DUH) or not placed, kept for the technicians."""

    at: datetime
    peer: str
    kind: str
    detail: str
    raw: str = ""
    account: str | None = None
    skew_s: float | None = None


class StoreFailed(Exception):
    """The batch could not be committed: its frames get no ACK and the transmitters will retry."""


class StoreUnavailable(Exception):
    """Raised by a store when the database cannot be reached (as opposed to refusing a frame's content)."""


StoreBatch = Callable[[Sequence[Received]], Sequence[Outcome]]
StoreFaults = Callable[[Sequence[Fault]], None]


class BatchCommitter:
    def __init__(
        self,
        store: StoreBatch,
        store_faults: StoreFaults,
        max_batch: int = 2000,
        on_committed: Callable[[int], None] | None = None,
        max_pending_faults: int = 10_000,
        fault_delay_s: float = 1.0,
    ) -> None:
        self._store = store
        self._store_faults = store_faults
        self._max_batch = max_batch
        self._max_pending_faults = max_pending_faults
        self._fault_delay_s = fault_delay_s  # faults wait at most this long behind waiting signals
        self._faults_since: float | None = None
        self.faults_dropped = 0
        self._on_committed = on_committed  # called on the loop with the number of signals stored
        self._pending: list[tuple[Received, asyncio.Future[Outcome]]] = []
        self._faults: list[Fault] = []
        self._runner: asyncio.Task[None] | None = None
        # One writer thread: SQLite has one writer anyway, and order of commits follows arrival.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vigie-commit")
        self.batches = 0
        self.committed = 0
        self.last_error: str | None = None

    async def submit(self, item: Received) -> Outcome:
        """Wait until the item is committed; raises StoreFailed when its batch could not be."""
        return await self.submit_future(item)

    def submit_future(self, item: Received) -> asyncio.Future[Outcome]:
        """The same as `submit`, as a future (for protocol callbacks, which cannot await)."""
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        self._ensure_running()
        return future

    def note_fault(self, fault: Fault) -> None:
        """Queue a fault for the next write; nobody waits for it. A full queue drops it (counted):
        diagnostics must never grow without bound while the database is slow or down."""
        if len(self._faults) >= self._max_pending_faults:
            if not self.faults_dropped:
                log.warning("transmission fault queue full (%d): faults are dropped", len(self._faults))
            self.faults_dropped += 1
            return
        if not self._faults:
            self._faults_since = asyncio.get_running_loop().time()
        self._faults.append(fault)
        self._ensure_running()

    async def drain(self) -> None:
        """Wait until everything submitted so far is written (used when stopping; submit no more)."""
        while self._runner is not None and not self._runner.done():
            await asyncio.shield(self._runner)

    def close(self) -> None:
        self._executor.shutdown(wait=True)

    async def run_in_writer(self, work: Callable[[], T]) -> T:
        """Run other database writes on the committer's thread, between batches, never beside one.

        One writing thread per process keeps SQLite's writers from waiting on each other in its
        busy handler (which sleeps in steps of milliseconds, far longer than a batch takes).
        """
        return await asyncio.get_running_loop().run_in_executor(self._executor, work)

    def _ensure_running(self) -> None:
        if self._runner is None or self._runner.done():
            loop = asyncio.get_running_loop()
            # A task, not a direct call: frames read in this and the next loop turns join the batch.
            self._runner = loop.create_task(self._run_after_this_turn())

    async def _run_after_this_turn(self) -> None:
        # Let every frame already read join: keep yielding while the batch still grows (frames of
        # other connections being parsed in the next loop turns), a few turns at most.
        for _ in range(8):
            size = len(self._pending)
            await asyncio.sleep(0)
            if len(self._pending) == size:
                break
        loop = asyncio.get_running_loop()
        while self._pending or self._faults:
            batch, self._pending = self._pending[: self._max_batch], self._pending[self._max_batch :]
            if batch:
                await self._commit(loop, batch)
            # Signals waiting go first: faults are written when none are, or after fault_delay_s.
            waited = loop.time() - (self._faults_since or 0.0)
            if self._faults and (not self._pending or waited >= self._fault_delay_s):
                faults, self._faults = self._faults, []
            else:
                faults = []
            if faults:
                try:
                    await loop.run_in_executor(self._executor, self._store_faults, faults)
                except Exception as exc:  # faults are diagnostics: never let them block signals
                    log.warning("could not record %d transmission faults: %s", len(faults), exc)

    async def _commit(
        self, loop: asyncio.AbstractEventLoop, batch: list[tuple[Received, asyncio.Future[Outcome]]]
    ) -> None:
        items = [item for item, _ in batch]
        try:
            outcomes = await loop.run_in_executor(self._executor, self._store, items)
        except StoreUnavailable as exc:
            self._fail(batch, exc)
            return
        except Exception as exc:
            # The database is up but refused something in the batch: find the culprits one by one
            # so one bad frame does not leave every other panel's frame unanswered.
            log.warning("batch of %d frames refused (%s); storing them one by one", len(items), exc)
            outcomes = []
            for item in items:
                try:
                    outcomes.extend(await loop.run_in_executor(self._executor, self._store, [item]))
                except StoreUnavailable as unavailable:
                    self._fail(batch, unavailable)
                    return
                except Exception as refused:
                    log.error(
                        "frame from %s account %s refused by the database: %s",
                        item.peer,
                        item.account,
                        refused,
                    )
                    outcomes.append(Outcome.REJECTED)
        self.last_error = None
        self.batches += 1
        self.committed += len(items)
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if not future.done():
                future.set_result(outcome)
        if self._on_committed is not None:
            stored = sum(1 for outcome in outcomes if outcome is Outcome.STORED)
            if stored:
                self._on_committed(stored)

    def _fail(self, batch: list[tuple[Received, asyncio.Future[Outcome]]], exc: Exception) -> None:
        self.last_error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        log.error("batch of %d frames not stored, no ACK sent: %s", len(batch), self.last_error)
        for _, future in batch:
            if not future.done():
                future.set_exception(StoreFailed(self.last_error))

"""The receiver as a service: the DC-09 servers, their database intake, supervision and heartbeat.

Used headless by `vigie receive` and embedded in the console in single-workstation mode; the same
code either way. Qt-free: it runs on whatever asyncio loop it is given.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import socket
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from console.domain.outage import StationKeyError
from console.receiver.server import Dc09Receiver, Endpoint, ReceiverConfig
from console.services.alarm_desk import AlarmDesk
from console.services.placement import SignalPlacement
from console.services.schedules import ScheduleWatch
from console.services.signal_intake import SignalIntake
from console.services.supervision import PeriodicTestWatch
from console.storage import faults as fault_store
from console.storage.engine import Database, DatabaseUnavailable
from console.storage.station import publish_status

log = logging.getLogger(__name__)


def _placer_command() -> list[str]:
    """How to start `vigie place` with this interpreter, or this bundle when frozen."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "place", "--parent-pid", str(os.getpid())]
    return [sys.executable, "-m", "console", "place", "--parent-pid", str(os.getpid())]


def receiver_component_name() -> str:
    return f"receiver@{socket.gethostname()}"


class ReceiverService:
    def __init__(
        self,
        db: Database,
        config: ReceiverConfig,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        heartbeat_s: float = 5.0,
        supervision_s: float = 10.0,
        placement: str = "thread",
        placement_poll_s: float = 1.0,
    ) -> None:
        self._db = db
        self._clock = clock
        self._heartbeat_s = heartbeat_s
        self._supervision_s = supervision_s
        self.desk = AlarmDesk(db, clock)
        self.intake = SignalIntake(db, self.desk)
        self.receiver = Dc09Receiver(
            config,
            self.intake,
            clock,
            on_store_failure=self._on_store_failure,
            on_stored=self._on_stored,
        )
        # Second stage: group what the receiver stored into alarms, on the receiver's writer
        # thread ("thread"), in a child `vigie place` process with its own interpreter lock
        # ("process", for high rates), or elsewhere ("off": a separate `vigie place`).
        if placement not in ("thread", "process", "off"):
            raise ValueError(f"placement must be thread, process or off, not {placement!r}")
        self.placement_mode = placement
        self.placement = SignalPlacement(self.desk, clock=clock) if placement != "off" else None
        self._placement_poll_s = placement_poll_s
        self._placement_wanted = asyncio.Event()
        self._placer: asyncio.subprocess.Process | None = None
        self._stopping = False
        self.watch = PeriodicTestWatch(db, clock)
        self.schedule_watch = ScheduleWatch(db, clock)
        self.component = receiver_component_name()
        self._tasks: list[asyncio.Task[None]] = []
        self.store_error: str | None = None
        self.faults_pruned = 0  # transmission faults deleted by the retention, since start
        self.fault_prune_batches = 0  # deletes that removed rows

    async def start(self) -> list[Endpoint]:
        """Listen and start the watches; StationKeyError (its one line) when the AES keys stored
        cannot be opened: a receiver without its keys would answer no encrypted panel."""
        await self._check_station_key()
        endpoints = await self.receiver.start()
        loop = asyncio.get_running_loop()
        self._tasks = [
            loop.create_task(self._heartbeat()),
            loop.create_task(self._supervise()),
            loop.create_task(self._retain_faults()),
        ]
        if self.placement_mode == "thread":
            self._placement_wanted.set()  # signals left unplaced by an earlier run come first
            self._tasks.append(loop.create_task(self._place()))
        elif self.placement_mode == "process":
            self._tasks.append(loop.create_task(self._supervise_placer()))
        return endpoints

    async def _check_station_key(self) -> None:
        try:
            await asyncio.get_running_loop().run_in_executor(None, self.intake.registrations)
        except StationKeyError:
            raise
        except Exception as exc:  # the database is away: the receiver loads the keys once it is back
            log.warning("AES keys not checked at the start: %s", exc)

    async def stop(self) -> None:
        self._stopping = True
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._stop_placer()
        await self.receiver.stop()
        if self.placement is not None:
            # What the last batches stored is grouped now rather than at the next start.
            await asyncio.get_running_loop().run_in_executor(None, self._place_backlog)
        await self._publish("stopped", "receiver stopped")

    def describe(self) -> str:
        listening = ", ".join(str(e) for e in self.receiver.endpoints)
        if self.store_error:
            return f"listening on {listening}; NOT ACKING, database: {self.store_error}"
        return f"listening on {listening}"

    def _on_stored(self, count: int) -> None:
        self._placement_wanted.set()

    async def _place(self) -> None:
        """Group stored signals into alarms whenever a batch was stored (and now and then, for
        signals stored by another process), one chunk per turn on the receiver's writer thread."""
        assert self.placement is not None
        placement = self.placement
        while True:
            try:
                await asyncio.wait_for(self._placement_wanted.wait(), self._placement_poll_s)
            except TimeoutError:
                pass
            self._placement_wanted.clear()
            while True:
                try:
                    result = await self.receiver.run_in_writer(placement.place_pending)
                except DatabaseUnavailable as exc:
                    log.warning("placement waits for the database: %s", exc)
                    break
                except Exception:  # a bug or a bad row must not stop alarms from being raised later
                    log.exception("placement of stored signals failed; retrying later")
                    await asyncio.sleep(self._placement_poll_s)
                    break
                if result.placed < placement.chunk:
                    break

    async def _supervise_placer(self) -> None:
        """Keep a `vigie place` child running; it exits by itself if this process dies."""
        env = dict(os.environ, VIGIE_DB=self._db.engine.url.render_as_string(hide_password=False))
        while not self._stopping:
            self._placer = await asyncio.create_subprocess_exec(
                *_placer_command(), env=env, stdout=asyncio.subprocess.DEVNULL
            )
            code = await self._placer.wait()
            if self._stopping:
                return
            log.error("placement process exited with status %s; restarting it in 1 s", code)
            await asyncio.sleep(1.0)

    async def _stop_placer(self) -> None:
        placer, self._placer = self._placer, None
        if placer is None or placer.returncode is not None:
            return
        placer.terminate()  # it finishes the chunk in hand
        try:
            await asyncio.wait_for(placer.wait(), 10.0)
        except TimeoutError:
            placer.kill()
            await placer.wait()

    def _place_backlog(self) -> None:
        assert self.placement is not None
        try:
            while self.placement.place_pending().placed >= self.placement.chunk:
                pass
        except Exception as exc:  # the next start places them
            log.warning("signals left unplaced at stop: %s", exc)

    def _on_store_failure(self, error: str | None) -> None:
        self.store_error = error
        if error:
            log.error("receiver cannot store signals, frames are left unacknowledged: %s", error)
        else:
            log.warning("receiver stores signals again")

    async def _heartbeat(self) -> None:
        while True:
            await self._publish("fault" if self.store_error else "ok", self.describe())
            await asyncio.sleep(self._heartbeat_s)

    async def _publish(self, state: str, detail: str) -> None:
        def write() -> None:
            with self._db.write() as session:
                publish_status(session, self.component, state, detail, self._clock())

        try:
            await asyncio.get_running_loop().run_in_executor(None, write)
        except Exception as exc:  # the database being down is exactly when this fails
            log.debug("heartbeat not written: %s", exc)

    async def _retain_faults(self) -> None:
        """Now and then, delete the transmission faults past their retention (age, row count).

        On a thread of its own, not the commit thread the ACKs wait for; in small transactions
        with a pause between them, so the faults the receiver writes meanwhile are not held up.
        """
        every = self.receiver.config.fault_prune_every_s
        while True:
            await asyncio.sleep(every)
            try:
                deleted = await asyncio.get_running_loop().run_in_executor(None, self.prune_faults)
            except DatabaseUnavailable as exc:
                log.warning("transmission fault retention skipped: %s", exc)
                continue
            except Exception:  # a bug must not stop the receiver: log it, try again next time
                log.exception("transmission fault retention failed")
                continue
            if deleted:
                log.info("transmission faults past their retention deleted: %d", deleted)

    def prune_faults(self, pause_s: float = 0.005) -> int:
        """Delete faults older than the retention, then the oldest beyond the row cap, a batch per
        transaction; how many went."""
        config = self.receiver.config
        cutoff = self._clock() - timedelta(days=config.fault_retention_days)
        batch = config.fault_prune_batch
        total = 0
        steps: list[Callable[[Session], int]] = [
            functools.partial(fault_store.delete_faults_before, cutoff=cutoff, limit=batch),
            functools.partial(fault_store.delete_faults_beyond, max_rows=config.fault_max_rows, limit=batch),
        ]
        for prune in steps:
            while not self._stopping:
                with self._db.write() as session:
                    deleted = prune(session)
                if deleted:
                    total += deleted
                    self.faults_pruned += deleted
                    self.fault_prune_batches += 1
                if deleted < batch:
                    break
                time.sleep(pause_s)  # let the receiver's own fault writes in between
        return total

    def _check_supervision(self) -> list[int]:
        """Missed periodic tests, then sites left open past their closing time."""
        return self.watch.check() + self.schedule_watch.check()

    async def _supervise(self) -> None:
        while True:
            await asyncio.sleep(self._supervision_s)
            try:
                raised = await asyncio.get_running_loop().run_in_executor(None, self._check_supervision)
            except DatabaseUnavailable as exc:
                log.warning("supervision check skipped: %s", exc)
                continue
            except Exception:  # supervision must outlive a bad row or a bug: log it, check again later
                log.exception("supervision check failed")
                continue
            if raised:
                log.info("supervision (missed tests, late closings): alarms %s", raised)

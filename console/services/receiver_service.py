"""The receiver as a service: the DC-09 servers, their database intake, supervision and heartbeat.

Used headless by `vigie receive` and embedded in the console in single-workstation mode; the same
code either way. Qt-free: it runs on whatever asyncio loop it is given.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from datetime import UTC, datetime

from console.receiver.server import Dc09Receiver, Endpoint, ReceiverConfig
from console.services.alarm_desk import AlarmDesk
from console.services.signal_intake import SignalIntake
from console.services.supervision import PeriodicTestWatch
from console.storage.engine import Database, DatabaseUnavailable
from console.storage.station import publish_status

log = logging.getLogger(__name__)


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
    ) -> None:
        self._db = db
        self._clock = clock
        self._heartbeat_s = heartbeat_s
        self._supervision_s = supervision_s
        self.desk = AlarmDesk(db, clock)
        self.intake = SignalIntake(db, self.desk)
        self.receiver = Dc09Receiver(config, self.intake, clock, on_store_failure=self._on_store_failure)
        self.watch = PeriodicTestWatch(db, clock)
        self.component = receiver_component_name()
        self._tasks: list[asyncio.Task[None]] = []
        self.store_error: str | None = None

    async def start(self) -> list[Endpoint]:
        endpoints = await self.receiver.start()
        loop = asyncio.get_running_loop()
        self._tasks = [loop.create_task(self._heartbeat()), loop.create_task(self._supervise())]
        return endpoints

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.receiver.stop()
        await self._publish("stopped", "receiver stopped")

    def describe(self) -> str:
        listening = ", ".join(str(e) for e in self.receiver.endpoints)
        if self.store_error:
            return f"listening on {listening}; NOT ACKING, database: {self.store_error}"
        return f"listening on {listening}"

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

    async def _supervise(self) -> None:
        while True:
            await asyncio.sleep(self._supervision_s)
            try:
                raised = await asyncio.get_running_loop().run_in_executor(None, self.watch.check)
            except DatabaseUnavailable as exc:
                log.warning("periodic-test check skipped: %s", exc)
                continue
            except Exception:  # supervision must outlive a bad row or a bug: log it, check again later
                log.exception("periodic-test check failed")
                continue
            if raised:
                log.info("missed periodic tests: alarms %s", raised)

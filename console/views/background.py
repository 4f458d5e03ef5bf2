"""Database work off the GUI thread: a view hands a call to its worker, the answer comes back queued.

In single-workstation mode the GUI thread also runs the DC-09 receiver's event loop, and SQLite may
hold a writer for seconds: a read or a write run in a slot would freeze the windows and delay the
ACKs. Each view that needs the database owns a `Background` (one thread, so its calls keep their
order) and gets `done(result)` or `failed(error)` back on the GUI thread.

An error the caller expects (an outage, a refusal) goes to `failed`; any other exception is a bug:
it is logged with its traceback (the console shows it as a fault) and goes to `failed` too, so the
view can leave its waiting state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from console.domain.alarm import TransitionError
from console.domain.dispatch import DispatchError
from console.domain.outage import DatabaseUnavailable, StationKeyError

log = logging.getLogger(__name__)

T = TypeVar("T")

EXPECTED: tuple[type[Exception], ...] = (
    DatabaseUnavailable,
    StationKeyError,
    TransitionError,
    DispatchError,
    PermissionError,
)
"""What a desk call may raise as part of the job: shown to the person, not reported as a fault."""


class Background(QObject):
    """One worker thread for a view's database calls; results delivered on the GUI thread."""

    _finished = Signal(object, object, object, object)  # done, failed, result, error

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"background_{name}")
        self._name = name
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"vigie-{name}")
        self._pending = 0
        self._stopped = False
        self._finished.connect(self._on_finished)

    @property
    def pending(self) -> int:
        """Calls submitted and not yet answered (tests wait for 0; views show "loading")."""
        return self._pending

    def run(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[Exception], None] | None = None,
        expected: tuple[type[Exception], ...] = (),
    ) -> None:
        """Run `work()` on the worker; then `done(result)` or `failed(error)` on the GUI thread.
        `expected` adds the caller's own refusals to the errors that are not logged as faults."""
        if self._stopped:
            return
        self._pending += 1
        future = self._executor.submit(work)
        future.add_done_callback(lambda f: self._deliver(f, done, failed, EXPECTED + expected))

    def stop(self) -> None:
        """Wait for the call under way; the ones not started are dropped, nothing more is delivered."""
        self._stopped = True
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _deliver(
        self,
        future: Future[Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None] | None,
        expected: tuple[type[Exception], ...],
    ) -> None:
        # On the worker thread: only emit; the queued connection brings it to the GUI thread.
        if future.cancelled():
            return
        error = future.exception()
        if error is not None and not isinstance(error, expected):
            log.error("%s: a database call failed (a bug, not an outage)", self._name, exc_info=error)
        try:
            self._finished.emit(done, failed, None if error is not None else future.result(), error)
        except RuntimeError:  # the view was deleted meanwhile (window closed): nobody to tell
            pass

    @Slot(object, object, object, object)
    def _on_finished(
        self,
        done: Callable[[Any], None],
        failed: Callable[[Exception], None] | None,
        result: Any,
        error: BaseException | None,
    ) -> None:
        self._pending -= 1
        if self._stopped:
            return
        if error is None:
            done(result)
        elif isinstance(error, Exception) and failed is not None:
            failed(error)

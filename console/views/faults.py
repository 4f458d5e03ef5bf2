"""Faults nobody would otherwise see: an exception escaping a Qt slot, an asyncio task or a thread,
or one a panel caught so the rest of a window could still be drawn.

Each one is written to the console's log (with its traceback) and shown to the operator: a red
indicator in the status bar of both windows, a message, and on a click the list of the last faults
with where the log is. Printing to a terminal nobody reads is how a site window went on showing
the previous site's contacts for a whole shift.

Everything goes through the standard `logging` module: code anywhere in `console` that catches an
exception it cannot handle logs it with `log.exception(...)`, and `FaultMonitor` turns those records
into faults. The test suite fails a test on the same records (tests/conftest.py).
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QStatusBar, QToolButton, QWidget

from console.views.formatting import format_time

log = logging.getLogger(__name__)

KEPT_FAULTS = 200  # the indicator's list; the log file has them all
LOG_BYTES = 5_000_000
LOG_BACKUPS = 3

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


@dataclass(frozen=True, slots=True)
class Fault:
    """One fault as the operator's list shows it; `details` is the traceback, also in the log."""

    at: datetime
    where: str
    summary: str
    details: str


def fault_from_record(record: logging.LogRecord) -> Fault:
    """A fault from a log record that carries an exception (`log.exception`)."""
    exc = record.exc_info[1] if record.exc_info else None
    summary = f"{type(exc).__name__}: {exc}" if exc is not None else record.getMessage()
    details = "".join(traceback.format_exception(*record.exc_info)) if record.exc_info else ""
    return Fault(
        datetime.fromtimestamp(record.created, UTC),
        record.getMessage(),
        summary.splitlines()[0] if summary else "",
        details,
    )


def is_fault(record: logging.LogRecord) -> bool:
    """A record of the console's code that carries an exception at ERROR or above."""
    return (
        record.levelno >= logging.ERROR
        and record.exc_info is not None
        and record.exc_info[1] is not None
        and (record.name == "console" or record.name.startswith("console."))
    )


class _FaultHandler(logging.Handler):
    """Hands fault records to the monitor; may run on any thread (the signal is queued to Qt's)."""

    def __init__(self, monitor: FaultMonitor) -> None:
        super().__init__(logging.ERROR)
        self._monitor = monitor

    def emit(self, record: logging.LogRecord) -> None:
        if is_fault(record):
            self._monitor.fault_logged.emit(fault_from_record(record))


class FaultMonitor(QObject):
    """Catches what would escape (slots, tasks, threads) and collects what was logged as a fault."""

    fault_logged = Signal(object)  # Fault, from any thread
    fault_raised = Signal(object)  # Fault, on the GUI thread, once kept

    def __init__(self, log_file: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.faults: deque[Fault] = deque(maxlen=KEPT_FAULTS)
        self.count = 0
        self._handler = _FaultHandler(self)
        self._file_handler: logging.Handler | None = None
        self._previous_excepthook: ExceptHook | None = None
        self._previous_threading_hook: Callable[[threading.ExceptHookArgs], Any] | None = None
        self.fault_logged.connect(self._on_fault_logged)

    def install(self) -> None:
        """Route escaping exceptions to the log, and the log's faults here. The hooks chain to the
        ones they replace (pytest-qt's, in tests), so nothing that watched before stops watching."""
        root = logging.getLogger("console")
        root.addHandler(self._handler)
        if self.log_file is not None and self._file_handler is None:
            self.log_file.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                self.log_file, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            handler.setLevel(logging.INFO)
            logging.getLogger().addHandler(handler)
            if logging.getLogger().level > logging.INFO or logging.getLogger().level == logging.NOTSET:
                logging.getLogger().setLevel(logging.INFO)
            self._file_handler = handler
        if self._previous_excepthook is None:
            self._previous_excepthook = sys.excepthook
            sys.excepthook = self._excepthook
            self._previous_threading_hook = threading.excepthook
            threading.excepthook = self._threading_hook

    def uninstall(self) -> None:
        logging.getLogger("console").removeHandler(self._handler)
        if self._file_handler is not None:
            logging.getLogger().removeHandler(self._file_handler)
            self._file_handler.close()
            self._file_handler = None
        if self._previous_excepthook is not None:
            if sys.excepthook == self._excepthook:
                sys.excepthook = self._previous_excepthook
            if threading.excepthook == self._threading_hook and self._previous_threading_hook is not None:
                threading.excepthook = self._previous_threading_hook
            self._previous_excepthook = None

    def asyncio_handler(self, loop: Any, context: dict[str, Any]) -> None:
        """For `loop.set_exception_handler`: a task that died, a callback that raised."""
        exc = context.get("exception")
        message = str(context.get("message") or "asyncio fault")
        if isinstance(exc, BaseException):
            log.error("asyncio: %s", message, exc_info=(type(exc), exc, exc.__traceback__))
        else:
            log.error("asyncio: %s", message, exc_info=(RuntimeError, RuntimeError(message), None))

    def _excepthook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught exception in a slot or callback", exc_info=(kind, exc, tb))
        if self._previous_excepthook is not None and self._previous_excepthook is not sys.__excepthook__:
            self._previous_excepthook(kind, exc, tb)

    def _threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.error(
            "uncaught exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    @Slot(object)
    def _on_fault_logged(self, fault: Fault) -> None:
        self.faults.append(fault)
        self.count += 1
        self.fault_raised.emit(fault)


class FaultIndicator(QToolButton):
    """The red "⚠ N faults" of a status bar; hidden until the first one, a click lists them."""

    def __init__(
        self, monitor: FaultMonitor, status_bar: QStatusBar, lang: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setObjectName("fault_indicator")
        self.setAutoRaise(True)
        self.setStyleSheet("color: #c62828; font-weight: bold;")
        self._monitor = monitor
        self._status_bar = status_bar
        self.clicked.connect(self.show_faults)
        monitor.fault_raised.connect(self._on_fault_raised)
        status_bar.addPermanentWidget(self)
        self._update()

    @Slot(object)
    def _on_fault_raised(self, fault: Fault) -> None:
        self._update()
        self._status_bar.showMessage(
            self.tr(
                "Internal fault: %1. The console goes on; the fault is logged (click ⚠ for details)."
            ).replace("%1", fault.where),
            15000,
        )

    def _update(self) -> None:
        count = self._monitor.count
        self.setVisible(count > 0)
        self.setText(self.tr("⚠ Faults: %1").replace("%1", str(count)))
        self.setToolTip(self._monitor.faults[-1].summary if self._monitor.faults else "")

    @Slot()
    def show_faults(self) -> QMessageBox:
        """The last faults, newest first, and where the full log is."""
        rows = "".join(
            f"<li><b>{escape(format_time(f.at, self._lang))}</b> {escape(f.where)}<br/><code>{escape(f.summary)}</code></li>"
            for f in reversed(list(self._monitor.faults)[-20:])
        )
        where = (
            self.tr("Full details in the log: %1").replace("%1", str(self._monitor.log_file))
            if self._monitor.log_file
            else ""
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Internal faults"),
            f"<ul>{rows}</ul><p>{escape(where)}</p>",
            QMessageBox.StandardButton.Close,
            self.window(),
        )
        box.setObjectName("fault_list")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

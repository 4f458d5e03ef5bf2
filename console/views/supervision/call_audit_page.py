"""The supervision window's call audit: find calls, check a recording, hear it beside its timeline, export it.

Every service call runs on the page's one worker thread (a page of calls, a re-hash of a long
recording, a journal line) and comes back through a queued signal, tagged with the selection it
was for: choosing calls quickly in a row shows each its own timeline and verdict, never an older
answer. Play enables only once the verdict is known and allows it; the first Play on a recording
is journaled before a sound is heard.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Operator
from console.domain.call_audit import (
    PAGE_SIZE,
    PLAYABLE,
    AuditedCall,
    BadFilter,
    CallFilter,
    Integrity,
    Timeline,
)
from console.domain.outage import DatabaseUnavailable
from console.services.authority import AuditRefused
from console.services.call_audit import CallAudit, Export, IntegrityCheck
from console.views.supervision.call_audit_model import AuditCallsModel, TimelineModel
from console.views.supervision.call_filters import CallFilterForm
from console.views.supervision.call_player import CallPlayer
from console.views.supervision.call_words import integrity_words

log = logging.getLogger(__name__)

_BADGE_COLOURS = {
    Integrity.VERIFIED: "#2e7d32",
    Integrity.ALTERED: "#c62828",
    Integrity.MISSING: "#c62828",
    Integrity.NOT_FINAL: "#b36b00",
    Integrity.NO_RECORDING: "#616161",
}


class CallAuditPage(QWidget):
    integrity_shown = Signal(str)  # the verdict's value, once the badge shows it
    exported = Signal(object)  # Export
    _done = Signal(str, int, object, object)  # kind, selection token, result, error (from the worker)

    def __init__(
        self,
        audit: CallAudit,
        operator: Operator,
        lang: str = "en",
        page_size: int = PAGE_SIZE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._audit = audit
        self._operator = operator
        self._page_size = page_size
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vigie-call-audit")
        self._stopped = False
        self._token = 0
        self._wanted_call: int | None = None  # asked for by another window: selected once listed
        self._filters = CallFilter()
        self._selected: AuditedCall | None = None
        self._check: IntegrityCheck | None = None
        self._done.connect(self._on_done)

        self.filters = CallFilterForm(self)
        self.filters.search_requested.connect(self.search)
        self.calls_model = AuditCallsModel(lang, self)
        self.calls_model.more_wanted.connect(self._on_more_wanted)
        self.calls_table = self._table("call_audit_calls", self.calls_model)
        self.calls_table.selectionModel().selectionChanged.connect(self._on_selection)
        self.timeline_model = TimelineModel(self)
        self.timeline_table = self._table("call_audit_timeline", self.timeline_model)
        self.timeline_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.badge = QLabel(self.tr("Choose a call to check and hear its recording"), self)
        self.badge.setObjectName("call_audit_integrity")
        self.badge.setWordWrap(True)
        self.player = CallPlayer(self)
        self.player.attach_shortcuts(self.calls_table, self.timeline_table)
        self.player.play_requested.connect(self._on_play_requested)
        self.player.position_changed.connect(self.timeline_model.follow_position)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("call_audit_export")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.status = QLabel(self)
        self.status.setObjectName("call_audit_status")
        self.status.setWordWrap(True)

        right = QWidget(self)
        side = QVBoxLayout(right)
        side.addWidget(self.badge)
        side.addWidget(self.player)
        side.addWidget(self.timeline_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(self.calls_table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def _table(self, name: str, model: Any) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # --- what the supervisor does ------------------------------------------------------------

    @Slot()
    def search(self) -> None:
        filters = self.filters.read()
        if filters is None:
            self.status.setText(self.tr("Correct the fields marked in red."))
            return
        self._filters = filters
        self.status.setText(self.tr("Searching…"))
        self._run("page", 0, lambda: self._audit.calls(self._operator, filters, size=self._page_size))

    def title(self) -> str:
        return self.tr("Call audit")

    def select_call(self, call_id: int) -> bool:
        """Select a listed call (as a click would); False when the list does not hold it."""
        row = self.calls_model.row_of(call_id)
        if row is None:
            return False
        self.calls_table.selectRow(row)
        return True

    def show_call(self, call_id: int, alarm_id: int | None) -> None:
        """Another window asks for a call (an alarm's record): list its alarm's calls, select it."""
        self.filters.clear()
        if alarm_id is not None:
            self.filters.alarm.setText(str(alarm_id))
        self._wanted_call = call_id
        self.search()

    def export_to(self, folder: Path) -> None:
        """Export the selected call into `folder` (the Export… button asks for it)."""
        if self._selected is None:
            return
        call_id = self._selected.record.id
        self.status.setText(self.tr("Exporting…"))
        self._run("export", self._token, lambda: self._audit.export(self._operator, call_id, folder))

    def stop(self) -> None:
        """Stop playing and the worker; results still on their way are dropped."""
        self._stopped = True
        self.player.player.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)

    @property
    def selected_call(self) -> AuditedCall | None:
        return self._selected

    # --- slots -------------------------------------------------------------------------------

    @Slot()
    def _on_more_wanted(self) -> None:
        last = self.calls_model.last
        if last is None:
            return
        filters, after = self._filters, last.cursor
        self._run("more", 0, lambda: self._audit.calls(self._operator, filters, after, self._page_size))

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.calls_table.selectionModel().selectedRows()
        call = self.calls_model.call_at(rows[0].row()) if rows else None
        self._token += 1
        self._selected = call
        self._check = None
        self.player.clear()
        self.export_button.setEnabled(False)
        self.timeline_model.set_timeline(Timeline())
        if call is None:
            return
        self._set_badge(None)
        call_id = call.record.id

        def work() -> tuple[Timeline, IntegrityCheck]:
            timeline = self._audit.timeline(self._operator, call_id)
            return timeline, self._audit.check(self._operator, call_id)

        self._run("selected", self._token, work)

    @Slot()
    def _on_play_requested(self) -> None:
        if self._selected is None or self._check is None:
            return
        call_id, integrity = self._selected.record.id, self._check.integrity
        self._run("played", self._token, lambda: self._audit.played(self._operator, call_id, integrity))

    @Slot()
    def _on_export_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export the call into"))
        if folder:
            self.export_to(Path(folder))

    # --- the worker --------------------------------------------------------------------------

    def _run(self, kind: str, token: int, work: Callable[[], object]) -> None:
        if self._stopped:
            return

        def finished(future: Future[object]) -> None:
            if self._stopped or future.cancelled():
                return
            error = future.exception()
            self._done.emit(kind, token, None if error else future.result(), error)

        self._executor.submit(work).add_done_callback(finished)

    @Slot(str, int, object, object)
    def _on_done(self, kind: str, token: int, result: object, error: object) -> None:
        if self._stopped or (kind != "page" and kind != "more" and token != self._token):
            return  # an answer for a call no longer selected
        if error is not None:
            self._show_error(error)
            return
        if kind in ("page", "more"):
            assert isinstance(result, list)
            has_more = len(result) >= self._page_size
            if kind == "page":
                self.calls_model.replace(result, has_more)
                self.status.setText(self._count_text())
                wanted, self._wanted_call = self._wanted_call, None
                if wanted is not None:
                    self.select_call(wanted)
            else:
                self.calls_model.append(result, has_more)
                self.status.setText(self._count_text())
        elif kind == "selected":
            assert isinstance(result, tuple)
            timeline, check = result
            self.timeline_model.set_timeline(timeline)
            self._check = check
            self._set_badge(check.integrity)
            playable = check.integrity in PLAYABLE
            self.player.load(check.path if check.found and playable else None, playable)
            self.export_button.setEnabled(True)
            self.integrity_shown.emit(check.integrity.value)
        elif kind == "played":
            self.player.start()
        elif kind == "export":
            assert isinstance(result, Export)
            self.status.setText(self.tr("Exported to %1").replace("%1", str(result.record.parent)))
            self.exported.emit(result)

    def _show_error(self, error: object) -> None:
        if isinstance(error, AuditRefused):
            text = self.tr(
                "Refused: the call audit is for supervisors and admins (the attempt is journaled)."
            )
        elif isinstance(error, DatabaseUnavailable):
            text = self.tr("The database cannot be reached: try again in a moment.")
        elif isinstance(error, BadFilter):
            self.filters.read()
            text = self.tr("Correct the fields marked in red.")
        elif isinstance(error, LookupError):
            text = self.tr("This call no longer exists.")
        elif isinstance(error, OSError):
            text = self.tr("Cannot write the export: %1").replace("%1", error.strerror or str(error))
        else:
            raise error if isinstance(error, BaseException) else RuntimeError(str(error))
        self.status.setText(text)

    def _count_text(self) -> str:
        count = self.calls_model.rowCount()
        if self.calls_model.has_more:
            return self.tr("%1 calls shown, more below").replace("%1", str(count))
        return self.tr("%1 calls found").replace("%1", str(count))

    def _set_badge(self, integrity: Integrity | None) -> None:
        if integrity is None:
            self.badge.setText(self.tr("Checking the recording against its fingerprint…"))
            self.badge.setStyleSheet("")
            return
        self.badge.setText(integrity_words()[integrity])
        self.badge.setStyleSheet(f"color: {_BADGE_COLOURS[integrity]}; font-weight: bold;")

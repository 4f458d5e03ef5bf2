"""The saved reports beside the report page: period, scope, author, when, comment; one opens it.

A saved report is shown as it was built and commented on the day (the figures kept, never
recomputed: alarms closed or reclassified since do not change what was signed), and can be
exported as a PDF again. Listing and opening go through the Reports service on the page's worker
(roles checked there; an opening is journaled as REPORT_OPENED).
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Operator
from console.domain.outage import DatabaseUnavailable
from console.domain.report import ReportError, SavedReportEntry
from console.services.authority import AuditRefused, may_audit
from console.services.reports import Reports
from console.views.background import Background
from console.views.formatting import format_date_time
from console.views.supervision.report_tables import days_text, scope_words
from console.views.table_base import ReadOnlyTableModel

_Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class SavedReportsModel(ReadOnlyTableModel):
    """One row per saved report, newest first; the entry itself under ENTRY_ROLE."""

    def __init__(self, zone: ZoneInfo, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._lang = lang
        self._entries: list[SavedReportEntry] = []
        self._headers = [
            self.tr("Period"),
            self.tr("Scope"),
            self.tr("Author"),
            self.tr("Saved"),
            self.tr("Comment"),
        ]

    def set_entries(self, entries: list[SavedReportEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> SavedReportEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def cell(self, entry: SavedReportEntry, column: int) -> str:
        if column == 0:
            return days_text(entry.period, self._zone)
        if column == 1:
            return scope_words(entry.scope)
        if column == 2:
            return entry.author
        if column == 3:
            return format_date_time(entry.created_at, self._lang)
        return " ".join(entry.comment.split())  # one line in the table, the whole text in the tooltip

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None or not 0 <= index.column() < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.comment if index.column() == 4 else self.cell(entry, index.column())
        if role == ENTRY_ROLE:
            return entry
        return None


class SavedReportsPanel(QWidget):
    """The list and its buttons; `opened(entry, report)` once a saved report is read back."""

    opened = Signal(object, object)  # SavedReportEntry, StationReport
    listed = Signal(int)  # rows in the list, each time it is read

    def __init__(
        self,
        reports: Reports,
        operator: Operator,
        background: Background,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reports = reports
        self._operator = operator
        self._background = background
        self._shown_once = False
        self.model = SavedReportsModel(reports.zone, lang, self)
        self.table = QTableView(self)
        self.table.setObjectName("saved_reports")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(150)
        self.table.doubleClicked.connect(self._on_double_click)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("saved_report_open")
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("saved_reports_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.message = QLabel(self)
        self.message.setObjectName("saved_reports_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Saved reports"), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def showEvent(self, event: QShowEvent) -> None:
        """The list is read the first time it is seen (an operator's session is not even asked:
        the service would refuse and journal it, and the window is not theirs)."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if may_audit(self._operator):
                self.refresh()
            else:
                self.message.setText(self.tr("Reports are for supervisors and admins."))

    @Slot()
    def refresh(self) -> None:
        reports, operator = self._reports, self._operator
        self._background.run(lambda: reports.saved_list(operator), self._on_listed, self._on_failed)

    def _on_listed(self, entries: list[SavedReportEntry]) -> None:
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
        self.message.setText("" if entries else self.tr("No saved report yet."))
        self.listed.emit(len(entries))

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        self.select_row(index.row())
        self.open_selected()

    @Slot()
    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        entry = self.model.entry(rows[0].row()) if rows else None
        if entry is None:
            self.message.setText(self.tr("Choose a saved report in the list."))
            return
        reports, operator, report_id = self._reports, self._operator, entry.id
        self.message.setText(self.tr("Opening report %1…").replace("%1", str(report_id)))
        self._background.run(
            lambda: reports.reopen(operator, report_id),
            lambda found: self._on_opened(*found),
            self._on_failed,
            expected=(ReportError,),
        )

    def _on_opened(self, entry: SavedReportEntry, report: object) -> None:
        self.message.clear()
        self.opened.emit(entry, report)

    def _on_failed(self, error: Exception) -> None:
        if isinstance(error, AuditRefused):
            self.message.setText(self.tr("Reports are for supervisors and admins."))
        elif isinstance(error, DatabaseUnavailable):
            self.message.setText(self.tr("The database cannot be reached: %1").replace("%1", str(error)))
        elif isinstance(error, ReportError) and error.code == "unknown_report":
            self.message.setText(
                self.tr("Report %1 is no longer there.").replace("%1", error.params.get("id", ""))
            )
        else:
            self.message.setText(self.tr("The saved reports could not be read: %1").replace("%1", str(error)))

"""The supervision window's technical analysis: ranked lists over a period, and one site's fault summary.

Every read goes to the page's worker (`Background`): a year of signals is an aggregate scan the GUI
thread must not wait for. A result that arrives after the supervisor asked for another list is
dropped. Activating a row asks for its history search (`history_wanted`, the HistoryQuery field
texts); app.py sends it to the history page. The summary is shown as the text an installer gets,
exported as that text or as a PDF of it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Operator
from console.domain.analysis import ListKind, RankedRow, SiteSummary, evidence_text, summary_lines
from console.domain.outage import DatabaseUnavailable
from console.domain.report import ReportPeriod
from console.services.analysis import TechnicalAnalysis, UnknownSite
from console.services.authority import AuditRefused
from console.views.background import Background
from console.views.supervision.report_pdf import write_text_pdf
from console.views.table_base import ReadOnlyTableModel

_ERROR_STYLE = "color: #c0392b;"
_Index = QModelIndex | QPersistentModelIndex


def _moment(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if at else ""


class RankedModel(ReadOnlyTableModel):
    """One ranked list: subject, site, count, first and last occurrence, the evidence in words."""

    def __init__(self, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.rows: list[RankedRow] = []
        self._headers = [
            QCoreApplication.translate("AnalysisPage", "Subject"),
            QCoreApplication.translate("AnalysisPage", "Site"),
            QCoreApplication.translate("AnalysisPage", "Count"),
            QCoreApplication.translate("AnalysisPage", "First"),
            QCoreApplication.translate("AnalysisPage", "Last"),
            QCoreApplication.translate("AnalysisPage", "Evidence"),
        ]

    def set_rows(self, rows: list[RankedRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            line = summary_lines([row])[0]
            cells = (
                row.subject,
                row.site or "",
                str(row.count),
                _moment(row.first_at),
                _moment(row.last_at),
                evidence_text(line, self._lang),
            )
            return cells[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AnalysisPage(QWidget):
    history_wanted = Signal(dict)  # the row's history search, as HistoryQuery field texts
    rows_shown = Signal(str)  # the list kind, each time its rows arrive
    summary_shown = Signal(str)  # the site code, each time a summary arrives
    export_finished = Signal(bool)  # written and journaled, or not

    def __init__(
        self,
        analysis: TechnicalAnalysis,
        operator: Operator,
        lang: str,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._analysis = analysis
        self._operator = operator
        self._clock = clock
        self._request = 0
        self.summary: SiteSummary | None = None
        self.background = Background("analysis", self)
        self.model = RankedModel(lang, self)
        self._build()

    def title(self) -> str:
        return self.tr("Technical analysis")

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the page comes forward, its list is read (not at the window's building)."""
        super().showEvent(event)
        if self._request == 0:
            self._on_show()

    def _build(self) -> None:
        self.period = QComboBox(self)
        self.period.setObjectName("analysis_period")
        for text, days in (
            (self.tr("Last 7 days"), 7),
            (self.tr("Last 30 days"), 30),
            (self.tr("Last 90 days"), 90),
        ):
            self.period.addItem(text, days)
        self.list_kind = QComboBox(self)
        self.list_kind.setObjectName("analysis_list")
        for text, kind in (
            (self.tr("Periodic tests late or missing"), ListKind.LATE_TESTS),
            (self.tr("Transmission faults per account"), ListKind.TRANSMISSION),
            (self.tr("Zones that flap"), ListKind.FLAPPING),
            (self.tr("Sites with the most false alarms"), ListKind.FALSE_ALARMS),
            (self.tr("The station's own faults"), ListKind.STATION),
        ):
            self.list_kind.addItem(text, kind.value)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setObjectName("analysis_show")
        self.status = QLabel(self)
        self.status.setObjectName("analysis_status")
        self.table = QTableView(self)
        self.table.setObjectName("analysis_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()

        self.site_code = QLineEdit(self)
        self.site_code.setObjectName("analysis_site")
        self.site_code.setPlaceholderText(self.tr("Site code"))
        self.site_message = QLabel(self)
        self.site_message.setObjectName("analysis_site_message")
        self.site_message.setStyleSheet(_ERROR_STYLE)
        self.summary_button = QPushButton(self.tr("Build"), self)
        self.summary_button.setObjectName("analysis_build_summary")
        self.summary_view = QPlainTextEdit(self)
        self.summary_view.setObjectName("analysis_summary")
        self.summary_view.setReadOnly(True)
        self.export_text_button = QPushButton(self.tr("Export text…"), self)
        self.export_pdf_button = QPushButton(self.tr("Export PDF…"), self)
        for button in (self.export_text_button, self.export_pdf_button):
            button.setEnabled(False)
        self.action_message = QLabel(self)
        self.action_message.setObjectName("analysis_action_message")
        self.action_message.setWordWrap(True)

        controls = QHBoxLayout()
        for widget in (QLabel(self.tr("Period"), self), self.period, self.list_kind, self.show_button):
            controls.addWidget(widget)
        controls.addWidget(self.status, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(controls)
        left_layout.addWidget(self.table)
        site_row = QHBoxLayout()
        site_row.addWidget(QLabel(self.tr("Site summary"), self))
        site_row.addWidget(self.site_code)
        site_row.addWidget(self.summary_button)
        site_row.addWidget(self.site_message, 1)
        exports = QHBoxLayout()
        exports.addWidget(self.export_text_button)
        exports.addWidget(self.export_pdf_button)
        exports.addWidget(self.action_message, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(site_row)
        right_layout.addWidget(self.summary_view)
        right_layout.addLayout(exports)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.show_button.clicked.connect(self._on_show)
        self.list_kind.currentIndexChanged.connect(self._on_show)
        self.period.currentIndexChanged.connect(self._on_show)
        self.table.activated.connect(self._on_activated)
        self.summary_button.clicked.connect(self._on_build_summary)
        self.site_code.returnPressed.connect(self._on_build_summary)
        self.export_text_button.clicked.connect(self._on_export_text)
        self.export_pdf_button.clicked.connect(self._on_export_pdf)

    # --- what the supervisor does -------------------------------------------------------------
    def current_period(self) -> ReportPeriod:
        now = self._clock()
        return ReportPeriod(now - timedelta(days=int(self.period.currentData())), now)

    def show_list(self, kind: ListKind) -> None:
        """Select a list and load it (the combo's change loads it; same list: load again)."""
        index = self.list_kind.findData(kind.value)
        if index == self.list_kind.currentIndex():
            self._on_show()
        else:
            self.list_kind.setCurrentIndex(index)

    @Slot()
    def _on_show(self) -> None:
        self._request += 1
        request, kind, period = self._request, ListKind(self.list_kind.currentData()), self.current_period()
        self.status.setText(self.tr("Searching…"))
        self.background.run(
            lambda: self._analysis.ranked(self._operator, kind, period),
            lambda rows: self._on_rows(request, kind, rows),
            lambda error: self._on_rows_failed(request, error),
        )

    def _on_rows(self, request: int, kind: ListKind, rows: list[RankedRow]) -> None:
        if request != self._request:
            return
        self.model.set_rows(rows)
        self.status.setText(self.tr("%1 rows").replace("%1", str(len(rows))))
        self.rows_shown.emit(kind.value)

    def _on_rows_failed(self, request: int, error: Exception) -> None:
        if request == self._request:
            self.status.setText(self._failure_text(error))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() < len(self.model.rows):
            self.history_wanted.emit(dict(self.model.rows[index.row()].search))

    @Slot()
    def _on_build_summary(self) -> None:
        code = self.site_code.text().strip()
        if not code:
            self.site_message.setText(self.tr("Type a site code."))
            return
        self.site_message.clear()
        period = self.current_period()
        self.summary_button.setEnabled(False)

        def work() -> SiteSummary | Exception:
            try:
                return self._analysis.site_summary(self._operator, code, period)
            except UnknownSite as exc:
                return exc

        self.background.run(work, self._on_summary, self._on_summary_failed)

    def _on_summary(self, result: SiteSummary | Exception) -> None:
        self.summary_button.setEnabled(True)
        if isinstance(result, UnknownSite):
            self.site_message.setText(self.tr("Unknown site: %1").replace("%1", result.site))
            return
        assert isinstance(result, SiteSummary)
        self.summary = result
        self.summary_view.setPlainText(self._analysis.summary_text(result))
        for button in (self.export_text_button, self.export_pdf_button):
            button.setEnabled(True)
        self.summary_shown.emit(result.site)

    def _on_summary_failed(self, error: Exception) -> None:
        self.summary_button.setEnabled(True)
        self.site_message.setText(self._failure_text(error))

    @Slot()
    def _on_export_text(self) -> None:
        if self.summary is not None:
            name = f"vigie-faults-{self.summary.site}.txt"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export text…"), name, self.tr("Text files (*.txt)")
            )
            if path:
                self.export_to(Path(path), pdf=False)

    @Slot()
    def _on_export_pdf(self) -> None:
        if self.summary is not None:
            name = f"vigie-faults-{self.summary.site}.pdf"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export PDF…"), name, self.tr("PDF files (*.pdf)")
            )
            if path:
                self.export_to(Path(path), pdf=True)

    def export_to(self, path: Path, *, pdf: bool) -> None:
        """Write the shown summary at `path` on the worker (QPdfWriter paints off the GUI thread)."""
        summary = self.summary
        if summary is None:
            return

        def work() -> Exception | None:
            try:
                self._analysis.export_summary(self._operator, summary, path, write_text_pdf if pdf else None)
            except OSError as exc:
                return exc
            return None

        self.background.run(work, lambda error: self._on_exported(path, error), self._on_export_failed)

    def _on_exported(self, path: Path, error: Exception | None) -> None:
        if error is not None:
            self._on_export_failed(error)
            return
        self.action_message.setText(self.tr("Exported to %1.").replace("%1", str(path)))
        self.export_finished.emit(True)

    def _on_export_failed(self, error: Exception) -> None:
        self.action_message.setText(self._failure_text(error))
        self.export_finished.emit(False)

    def _failure_text(self, error: Exception) -> str:
        if isinstance(error, AuditRefused):
            return self.tr("The technical analysis is for supervisors and admins.")
        if isinstance(error, DatabaseUnavailable):
            return self.tr("The database cannot be reached: %1").replace("%1", str(error))
        if isinstance(error, OSError):
            return self.tr("Cannot write the export: %1").replace("%1", str(error))
        return self.tr("The analysis failed: %1").replace("%1", str(error))

    def stop(self) -> None:
        self.background.stop()

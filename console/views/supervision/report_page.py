"""The supervision window's report page: a period and a scope, the charts, the figures, a comment.

The figures are built on a worker thread (a year of a station is several aggregate scans: the GUI
thread never waits for them); a result that arrives after the supervisor asked for another period
is dropped. The supervisor writes the first analysis in the comment box beside the charts, saves
the report (kept as built) and exports it as a PDF. The saved reports are listed below the comment
(saved_reports.py): one opened is shown as it was saved, and can be exported again. Numbers are
written as the interface's language writes them (85,1 % in French).
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Operator
from console.domain.outage import DatabaseUnavailable
from console.domain.report import (
    ReportError,
    ReportPeriod,
    ReportScope,
    SavedReportEntry,
    StationReport,
    last_days,
    last_month,
    this_month,
)
from console.services.authority import AuditRefused
from console.services.reports import Reports
from console.views.background import Background
from console.views.formatting import format_count, format_date_time
from console.views.supervision.report_charts import ALL_CHARTS
from console.views.supervision.report_pdf import write_report_pdf
from console.views.supervision.report_tables import (
    RowsModel,
    dispatch_headers,
    dispatch_rows,
    false_alarm_headers,
    false_alarm_rows,
    figure_headers,
    figure_rows,
    period_text,
    scope_text,
    workload_headers,
    workload_rows,
)
from console.views.supervision.report_words import ERROR_STYLE, day_of, error_text, failure_text, named, qdate
from console.views.supervision.saved_reports import SavedReportsPanel

log = logging.getLogger(__name__)


class ReportPage(QWidget):
    report_built = Signal(object)  # StationReport, each time one is shown (built or reopened)

    def __init__(
        self,
        reports: Reports,
        operator: Operator,
        lang: str = "en",
        parent: QWidget | None = None,
        clock: Any = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._reports = reports
        self._operator = operator
        self._lang = lang
        self._clock = clock
        self._background = Background("report", self)
        self._request = 0
        self.report: StationReport | None = None
        self.saved_id: int | None = None  # the saved report shown, if the one shown is one
        self._draft = ""  # the comment being written, while a saved report is shown
        self._build_controls()
        self._build_body()
        self._on_last_7_days()

    # --- layout -------------------------------------------------------------------------------

    def _build_controls(self) -> None:
        self.from_edit = named(QDateEdit(self), "report_from", calendar=True)
        self.to_edit = named(QDateEdit(self), "report_to", calendar=True)
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.period_error = named(QLabel(self), "report_period_error", style=ERROR_STYLE)
        quick = [
            (self.tr("Last 7 days"), self._on_last_7_days),
            (self.tr("This month"), self._on_this_month),
            (self.tr("Last month"), self._on_last_month),
        ]
        self.scope_combo = named(QComboBox(self), "report_scope")
        self.scope_combo.addItem(self.tr("Whole station"), "station")
        self.scope_combo.addItem(self.tr("Sites (codes)"), "sites")
        self.scope_combo.addItem(self.tr("Operator (login)"), "operator")
        self.scope_edit = named(QLineEdit(self), "report_scope_value")
        self.scope_edit.setPlaceholderText(self.tr("LYO-0001, LYO-0002 or a login"))
        self.scope_error = named(QLabel(self), "report_scope_error", style=ERROR_STYLE)
        self.build_button = named(QPushButton(self.tr("Build"), self), "report_build")
        self.build_button.clicked.connect(self.build)
        self.status = named(QLabel(self), "report_status")
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("From"), self), 0, 0)
        grid.addWidget(self.from_edit, 0, 1)
        grid.addWidget(QLabel(self.tr("to"), self), 0, 2)
        grid.addWidget(self.to_edit, 0, 3)
        for column, (text, slot) in enumerate(quick, start=4):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            grid.addWidget(button, 0, column)
        grid.addWidget(self.period_error, 0, 7)
        grid.addWidget(QLabel(self.tr("Scope"), self), 1, 0)
        grid.addWidget(self.scope_combo, 1, 1)
        grid.addWidget(self.scope_edit, 1, 2, 1, 3)
        grid.addWidget(self.build_button, 1, 5)
        grid.addWidget(self.scope_error, 1, 7)
        grid.addWidget(self.status, 2, 0, 1, 8)
        grid.setColumnStretch(7, 1)
        self._controls = grid

    def _build_body(self) -> None:
        charts = QWidget(self)
        chart_grid = QGridLayout(charts)
        self.chart_views: dict[str, QChartView] = {}
        for index, (name, _make) in enumerate(ALL_CHARTS):
            view = QChartView(charts)
            view.setObjectName(f"report_chart_{name}")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(420, 260)
            chart_grid.addWidget(view, index // 2, index % 2)
            self.chart_views[name] = view
        self.models: dict[str, RowsModel] = {
            "figures": RowsModel(figure_headers(), self),
            "false_alarms": RowsModel(false_alarm_headers(), self),
            "dispatches": RowsModel(dispatch_headers(), self),
            "workload": RowsModel(workload_headers(), self),
        }
        self.tables: dict[str, QTableView] = {}
        for name, model in self.models.items():
            table = named(QTableView(charts), f"report_table_{name}")
            table.setModel(model)
            table.verticalHeader().hide()
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
            table.horizontalHeader().setStretchLastSection(True)
            table.setMinimumHeight(180)
            table.setTextElideMode(Qt.TextElideMode.ElideNone)  # "85.1 % …" hides the figure itself
            self.tables[name] = table
        row = (len(ALL_CHARTS) + 1) // 2
        for index, name in enumerate(("false_alarms", "dispatches", "workload")):
            chart_grid.addWidget(self.tables[name], row + index // 2, index % 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        self.heading = named(QLabel(self), "report_heading")
        side_layout.addWidget(self.heading)
        figures = self.tables["figures"]
        figures.setParent(side)
        figures.horizontalHeader().hide()
        figures.setMinimumHeight(250)
        side_layout.addWidget(figures)
        side_layout.addWidget(QLabel(self.tr("Comment (first analysis)"), side))
        self.comment = named(QPlainTextEdit(side), "report_comment")
        self.comment.setPlaceholderText(self.tr("What the figures say, what to follow up"))
        side_layout.addWidget(self.comment, 1)
        buttons = QHBoxLayout()
        self.save_button = named(QPushButton(self.tr("Save"), side), "report_save")
        self.export_button = named(QPushButton(self.tr("Export PDF…"), side), "report_export")
        self.save_button.clicked.connect(self._on_save)
        self.export_button.clicked.connect(self._on_export)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.export_button)
        side_layout.addLayout(buttons)
        self.action_message = named(QLabel(side), "report_action_message", wrap=True)
        side_layout.addWidget(self.action_message)
        self.saved = SavedReportsPanel(self._reports, self._operator, self._background, self._lang, side)
        self.saved.opened.connect(self.show_saved)
        side_layout.addWidget(self.saved, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 5)
        splitter.setSizes([1060, 480])
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._controls)
        layout.addWidget(splitter, 1)
        self._set_report_actions(False)

    # --- period and scope ---------------------------------------------------------------------

    def set_period(self, first: date, last: date) -> None:
        self.from_edit.setDate(qdate(first))
        self.to_edit.setDate(qdate(last))

    def _set_from(self, period: ReportPeriod) -> None:
        days = period.days(self._reports.zone)
        self.set_period(days[0], days[-1])

    @Slot()
    def _on_last_7_days(self) -> None:
        self._set_from(last_days(self._clock(), self._reports.zone))

    @Slot()
    def _on_this_month(self) -> None:
        self._set_from(this_month(self._clock(), self._reports.zone))

    @Slot()
    def _on_last_month(self) -> None:
        self._set_from(last_month(self._clock(), self._reports.zone))

    def _period_scope(self) -> tuple[ReportPeriod, ReportScope] | None:
        """What the fields ask for, or None with the message beside the wrong field."""
        self.period_error.clear()
        self.scope_error.clear()
        period = scope = None
        try:
            period = ReportPeriod.of_days(
                day_of(self.from_edit.date()), day_of(self.to_edit.date()), self._reports.zone
            )
        except ReportError as exc:
            self.period_error.setText(error_text(exc))
        kind, value = self.scope_combo.currentData(), self.scope_edit.text()
        try:
            if kind == "sites":
                scope = ReportScope.sites(value.replace(";", ",").split(","))
            elif kind == "operator":
                scope = ReportScope.operator(value)
            else:
                scope = ReportScope()
        except ReportError as exc:
            self.scope_error.setText(error_text(exc))
        return (period, scope) if period is not None and scope is not None else None

    # --- build on the worker ------------------------------------------------------------------

    @Slot()
    def build(self) -> None:
        asked = self._period_scope()
        if asked is None:
            return
        self._request += 1
        request = self._request
        self.status.setText(self.tr("Building the report…"))
        reports, operator = self._reports, self._operator
        self._background.run(
            lambda: reports.build(operator, *asked),
            lambda report: self._on_built(request, report, None),
            lambda exc: self._on_built(request, None, exc),
            expected=(ReportError,),
        )

    def _on_built(self, request: int, report: StationReport | None, error: Exception | None) -> None:
        if request != self._request:
            return  # the supervisor asked for another report meanwhile
        if report is None:
            self.status.setText("")
            if isinstance(error, ReportError):
                self.scope_error.setText(error_text(error))
            else:
                self.status.setText(failure_text(error))
            return
        self.show_report(report)

    def show_report(self, report: StationReport, saved: SavedReportEntry | None = None) -> None:
        """Show `report`: just built, or a saved one (`saved`) as it was saved, its comment with it."""
        self.report = report
        self._show_comment(saved)
        lang = self._lang
        for name, make in ALL_CHARTS:
            view = self.chart_views[name]
            old = view.chart()
            view.setChart(make(report, lang))
            if old is not None:
                old.deleteLater()
        self.models["figures"].set_rows(figure_rows(report, lang))
        self.models["false_alarms"].set_rows(false_alarm_rows(report, lang))
        self.models["dispatches"].set_rows(dispatch_rows(report, lang))
        self.models["workload"].set_rows(workload_rows(report, lang))
        for table in self.tables.values():
            table.resizeColumnsToContents()
        heading = f"{period_text(report)}\n{scope_text(report)}"
        if saved is not None:
            heading += "\n" + self.tr("Saved report %1, by %2, %3").replace("%1", str(saved.id)).replace(
                "%2", saved.author
            ).replace("%3", format_date_time(saved.created_at, lang))
        self.heading.setText(heading)
        self.status.setText(
            self.tr("%1 alarms in the period.").replace("%1", format_count(report.total, lang))
        )
        self.action_message.clear()
        self._set_report_actions(True)
        self.save_button.setEnabled(saved is None)  # saved already, as it is shown
        self.report_built.emit(report)

    def _show_comment(self, saved: SavedReportEntry | None) -> None:
        """A saved report's comment, read-only (exported as it was signed); the draft of the report
        being written is kept aside meanwhile and comes back with the next report built."""
        if saved is not None:
            if self.saved_id is None:
                self._draft = self.comment.toPlainText()
            self.comment.setPlainText(saved.comment)
        elif self.saved_id is not None:
            self.comment.setPlainText(self._draft)
        self.comment.setReadOnly(saved is not None)
        self.saved_id = saved.id if saved is not None else None

    @Slot(object, object)
    def show_saved(self, entry: SavedReportEntry, report: StationReport) -> None:
        """A saved report reopened; the fields show its period and scope (Build makes it afresh)."""
        self._request += 1  # a build still under way is no longer what the page shows
        self._set_from(report.period)
        scope = report.scope
        self.scope_combo.setCurrentIndex(self.scope_combo.findData(scope.kind.value))
        self.scope_edit.setText(", ".join(scope.site_codes) or scope.operator_login or "")
        self.show_report(report, entry)

    def _set_report_actions(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.export_button.setEnabled(enabled)

    # --- save and export ----------------------------------------------------------------------

    @Slot()
    def _on_save(self) -> None:
        if self.report is None:
            return
        try:
            report_id = self._reports.save(self._operator, self.report, self.comment.toPlainText())
        except (AuditRefused, DatabaseUnavailable) as exc:
            self.action_message.setText(failure_text(exc))
            return
        self.action_message.setText(self.tr("Saved as report %1.").replace("%1", str(report_id)))
        self.saved.refresh()

    @Slot()
    def _on_export(self) -> None:
        if self.report is None:
            return
        first = self.report.period.days(self._reports.zone)[0].isoformat()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), f"vigie-report-{first}.pdf", self.tr("PDF files (*.pdf)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Write the shown report as a PDF at `path` (drawn here: Qt paints on the GUI thread)."""
        if self.report is None:
            return False
        try:
            self._reports.export_pdf(
                self._operator,
                self.report,
                self.comment.toPlainText(),
                path,
                partial(write_report_pdf, lang=self._lang),
                saved_id=self.saved_id,
            )
        except (AuditRefused, DatabaseUnavailable, OSError) as exc:
            self.action_message.setText(failure_text(exc))
            return False
        self.action_message.setText(self.tr("Exported to %1.").replace("%1", str(path)))
        return True

    def stop(self) -> None:
        """Let a build in flight finish (its result is dropped), start no other."""
        self._request += 1
        self._background.stop()


def report_page_title() -> str:
    return QCoreApplication.translate("ReportPage", "Reports")

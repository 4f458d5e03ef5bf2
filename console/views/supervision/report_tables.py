"""The report's figures as text rows: one model for the page's tables, the same rows in the PDF.

The rows are built once from the figures, so the page and the exported PDF cannot disagree on a
number or on how it is worded.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from console.domain.report import ScopeKind, StationReport, share
from console.views.supervision.report_charts import dispatch_kind_word
from console.views.table_base import ReadOnlyTableModel

Rows = list[list[str]]
_Index = QModelIndex | QPersistentModelIndex


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f} %"


def seconds(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 120:
        return f"{value:.0f} s"
    return f"{value / 60:.1f} min"


def hours(value: float) -> str:
    return f"{value / 3600:.1f} h"


def period_text(report: StationReport) -> str:
    """The local days covered, first and last included: 2026-11-02 – 2026-11-03 (Europe/Paris)."""
    zone = ZoneInfo(report.zone)
    first = report.period.start.astimezone(zone).date()
    last = (report.period.end - timedelta(microseconds=1)).astimezone(zone).date()
    return f"{first.isoformat()} – {last.isoformat()} ({report.zone})"


def scope_text(report: StationReport) -> str:
    scope = report.scope
    if scope.kind is ScopeKind.SITES:
        return QCoreApplication.translate("ReportTables", "Sites: %1").replace(
            "%1", ", ".join(scope.site_codes)
        )
    if scope.kind is ScopeKind.OPERATOR:
        return QCoreApplication.translate("ReportTables", "Operator: %1").replace(
            "%1", scope.operator_login or ""
        )
    return QCoreApplication.translate("ReportTables", "Whole station")


def figure_rows(report: StationReport) -> Rows:
    s = report.service
    first, second = f"{s.targets.take_within_s:g}", f"{s.targets.take_late_s:g}"
    counted = sum(f.closed for f in report.false_alarms)
    false = sum(f.false_alarms for f in report.false_alarms)
    timed = sum(d.on_time + d.late + d.not_arrived for d in report.dispatches)
    on_time = sum(d.on_time for d in report.dispatches)
    return [
        [QCoreApplication.translate("ReportTables", "Alarms"), str(report.total)],
        [QCoreApplication.translate("ReportTables", "Taken"), str(s.taken)],
        [
            QCoreApplication.translate("ReportTables", "Taken within %1 s").replace("%1", first),
            f"{percent(s.share_first)} ({s.within_first}/{s.taken})",
        ],
        [
            QCoreApplication.translate("ReportTables", "Taken within %1 s").replace("%1", second),
            f"{percent(s.share_second)} ({s.within_second}/{s.taken})",
        ],
        [
            QCoreApplication.translate("ReportTables", "Targets met (80 % / 98.5 %)"),
            {
                True: QCoreApplication.translate("ReportTables", "yes"),
                False: QCoreApplication.translate("ReportTables", "no"),
                None: "—",
            }[s.meets_targets],
        ],
        [
            QCoreApplication.translate("ReportTables", "Time to take, median / 90th percentile"),
            f"{seconds(s.take.percentile(0.5))} / {seconds(s.take.percentile(0.9))}",
        ],
        [
            QCoreApplication.translate("ReportTables", "Handling time, median / 90th percentile"),
            f"{seconds(s.handling.percentile(0.5))} / {seconds(s.handling.percentile(0.9))}",
        ],
        [
            QCoreApplication.translate("ReportTables", "False-alarm rate"),
            f"{percent(share(false, counted))} ({false}/{counted})",
        ],
        [
            QCoreApplication.translate("ReportTables", "Dispatches on time"),
            f"{percent(share(on_time, timed))} ({on_time}/{timed})",
        ],
    ]


def false_alarm_rows(report: StationReport) -> Rows:
    return [
        [f.site_code, f.site_name, str(f.closed), str(f.false_alarms), percent(f.rate)]
        for f in report.false_alarms
    ]


def dispatch_rows(report: StationReport) -> Rows:
    return [
        [
            dispatch_kind_word(d.kind),
            str(d.requested),
            str(d.on_time),
            str(d.late),
            str(d.not_arrived),
            str(d.cancelled),
            percent(d.on_time_share),
        ]
        for d in report.dispatches
    ]


def workload_rows(report: StationReport) -> Rows:
    return [
        [w.display_name, str(w.taken), str(w.closed), hours(w.handled_s), seconds(w.mean_handled_s)]
        for w in report.workload
    ]


def figure_headers() -> list[str]:
    return [
        QCoreApplication.translate("ReportTables", "Figure"),
        QCoreApplication.translate("ReportTables", "Value"),
    ]


def false_alarm_headers() -> list[str]:
    return [
        QCoreApplication.translate("ReportTables", "Site"),
        QCoreApplication.translate("ReportTables", "Name"),
        QCoreApplication.translate("ReportTables", "Closed"),
        QCoreApplication.translate("ReportTables", "False alarms"),
        QCoreApplication.translate("ReportTables", "Rate"),
    ]


def dispatch_headers() -> list[str]:
    return [
        QCoreApplication.translate("ReportTables", "Sent"),
        QCoreApplication.translate("ReportTables", "Requested"),
        QCoreApplication.translate("ReportTables", "On time"),
        QCoreApplication.translate("ReportTables", "Late"),
        QCoreApplication.translate("ReportTables", "Not arrived"),
        QCoreApplication.translate("ReportTables", "Cancelled"),
        QCoreApplication.translate("ReportTables", "On time"),
    ]


def workload_headers() -> list[str]:
    return [
        QCoreApplication.translate("ReportTables", "Operator"),
        QCoreApplication.translate("ReportTables", "Taken"),
        QCoreApplication.translate("ReportTables", "Closed"),
        QCoreApplication.translate("ReportTables", "Handled"),
        QCoreApplication.translate("ReportTables", "Mean per alarm"),
    ]


class RowsModel(ReadOnlyTableModel):
    """A read-only table of text rows; numbers right-aligned."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: Rows = []

    def set_rows(self, rows: Rows) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self.endResetModel()

    def rows(self) -> Rows:
        return [list(r) for r in self._rows]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if not 0 <= index.column() < len(row):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

"""The report's figures as text rows: one model for the page's tables, the same rows in the PDF.

The rows are built once from the figures, so the page and the exported PDF cannot disagree on a
number or on how it is worded.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from console.domain.report import ReportPeriod, ReportScope, ScopeKind, StationReport, share
from console.views.formatting import format_count, format_decimal, format_short
from console.views.supervision.report_charts import dispatch_kind_word
from console.views.table_base import ReadOnlyTableModel

Rows = list[list[str]]
_Index = QModelIndex | QPersistentModelIndex


def percent(value: float | None, lang: str = "en") -> str:
    return "—" if value is None else f"{format_decimal(100 * value, lang)} %"


def seconds(value: float | None, lang: str = "en") -> str:
    if value is None:
        return "—"
    if value < 120:
        return f"{format_decimal(value, lang, 0)} s"
    return f"{format_decimal(value / 60, lang)} min"


def hours(value: float, lang: str = "en") -> str:
    return f"{format_decimal(value / 3600, lang)} h"


def _of(part: int, whole: int, lang: str) -> str:
    return f"({format_count(part, lang)}/{format_count(whole, lang)})"


def period_text(report: StationReport) -> str:
    """The local days covered, first and last included: 2026-11-02 – 2026-11-03 (Europe/Paris)."""
    zone = ZoneInfo(report.zone)
    first = report.period.start.astimezone(zone).date()
    last = (report.period.end - timedelta(microseconds=1)).astimezone(zone).date()
    return f"{first.isoformat()} – {last.isoformat()} ({report.zone})"


def scope_text(report: StationReport) -> str:
    return scope_words(report.scope)


def scope_words(scope: ReportScope) -> str:
    if scope.kind is ScopeKind.SITES:
        return QCoreApplication.translate("ReportTables", "Sites: %1").replace(
            "%1", ", ".join(scope.site_codes)
        )
    if scope.kind is ScopeKind.OPERATOR:
        return QCoreApplication.translate("ReportTables", "Operator: %1").replace(
            "%1", scope.operator_login or ""
        )
    return QCoreApplication.translate("ReportTables", "Whole station")


def days_text(period: ReportPeriod, zone: ZoneInfo) -> str:
    """The local days of a period, first and last: 2026-11-02 – 2026-11-03."""
    days = period.days(zone)
    return f"{days[0].isoformat()} – {days[-1].isoformat()}"


def figure_rows(report: StationReport, lang: str = "en") -> Rows:
    s = report.service
    first, second = format_short(s.targets.take_within_s, lang), format_short(s.targets.take_late_s, lang)
    counted = sum(f.closed for f in report.false_alarms)
    false = sum(f.false_alarms for f in report.false_alarms)
    timed = sum(d.on_time + d.late + d.not_arrived for d in report.dispatches)
    on_time = sum(d.on_time for d in report.dispatches)
    return [
        [QCoreApplication.translate("ReportTables", "Alarms"), format_count(report.total, lang)],
        [QCoreApplication.translate("ReportTables", "Taken"), format_count(s.taken, lang)],
        [
            QCoreApplication.translate("ReportTables", "Taken within %1 s").replace("%1", first),
            f"{percent(s.share_first, lang)} {_of(s.within_first, s.taken, lang)}",
        ],
        [
            QCoreApplication.translate("ReportTables", "Taken within %1 s").replace("%1", second),
            f"{percent(s.share_second, lang)} {_of(s.within_second, s.taken, lang)}",
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
            f"{seconds(s.take.percentile(0.5), lang)} / {seconds(s.take.percentile(0.9), lang)}",
        ],
        [
            QCoreApplication.translate("ReportTables", "Handling time, median / 90th percentile"),
            f"{seconds(s.handling.percentile(0.5), lang)} / {seconds(s.handling.percentile(0.9), lang)}",
        ],
        [
            QCoreApplication.translate("ReportTables", "False-alarm rate"),
            f"{percent(share(false, counted), lang)} {_of(false, counted, lang)}",
        ],
        [
            QCoreApplication.translate("ReportTables", "Dispatches on time"),
            f"{percent(share(on_time, timed), lang)} {_of(on_time, timed, lang)}",
        ],
    ]


def false_alarm_rows(report: StationReport, lang: str = "en") -> Rows:
    n = partial(format_count, lang=lang)
    return [
        [f.site_code, f.site_name, n(f.closed), n(f.false_alarms), percent(f.rate, lang)]
        for f in report.false_alarms
    ]


def dispatch_rows(report: StationReport, lang: str = "en") -> Rows:
    n = partial(format_count, lang=lang)
    return [
        [
            dispatch_kind_word(d.kind),
            n(d.requested),
            n(d.on_time),
            n(d.late),
            n(d.not_arrived),
            n(d.cancelled),
            percent(d.on_time_share, lang),
        ]
        for d in report.dispatches
    ]


def workload_rows(report: StationReport, lang: str = "en") -> Rows:
    return [
        [
            w.display_name,
            format_count(w.taken, lang),
            format_count(w.closed, lang),
            hours(w.handled_s, lang),
            seconds(w.mean_handled_s, lang),
        ]
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

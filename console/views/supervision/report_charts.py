"""The report's charts (QtCharts), built from the figures alone: the page shows them, the PDF draws them.

Each function returns a fresh QChart; the caller owns it (a QChartView, or a scene while a PDF
page is painted). Titles are translated where the chart is made.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QPen

from console.domain.priority import EventCategory
from console.domain.report import REQUIRED_FIRST, REQUIRED_SECOND, Histogram, StationReport
from console.views.category_words import category_labels
from console.views.formatting import format_count, format_short

TOP_SITES = 10
_COLOURS = {
    "fire": "#d7263d",
    "panic": "#8e2c9a",
    "duress": "#5b2a86",
    "medical": "#2a9d8f",
    "intrusion": "#f18f01",
    "tamper": "#c06014",
    "technical": "#4f6d7a",
    "supervision": "#7a869a",
    "open_close": "#99c24d",
    "test": "#b8b8b8",
    "information": "#6fa8dc",
}


def _category_word(value: str) -> str:
    try:
        return category_labels()[EventCategory(value)]
    except ValueError:
        return value


def _chart(title: str, lang: str) -> QChart:
    """A chart whose generated numbers (bar labels, axes) are written as `lang` writes them."""
    chart = QChart()
    chart.setTitle(title)
    chart.setLocale(QLocale(lang))
    chart.setLocalizeNumbers(True)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def _axes(chart: QChart, labels: list[str], series: object, *, horizontal: bool = False) -> QValueAxis:
    """Category axis on x (on y for horizontal bars), value axis on the other; returns the value axis."""
    categories = QBarCategoryAxis()
    categories.append(labels)
    categories.setTruncateLabels(False)  # a site code cut to "…" tells nobody anything
    values = QValueAxis()
    values.setLabelFormat("%.0f")  # with localised numbers Qt draws no label at all for "%d"
    cat_side, val_side = (
        (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        if horizontal
        else (
            Qt.AlignmentFlag.AlignBottom,
            Qt.AlignmentFlag.AlignLeft,
        )
    )
    chart.addAxis(categories, cat_side)
    chart.addAxis(values, val_side)
    series.attachAxis(categories)  # type: ignore[attr-defined]
    series.attachAxis(values)  # type: ignore[attr-defined]
    return values


def count_axis(axis: QValueAxis, top: float) -> None:
    """Whole-number ticks from 0, at most about six of them (1, 2, 5, 10, 20, 50... apart)."""
    step = 1
    while top / step > 6:
        step = step * 5 // 2 if str(step).startswith("2") else step * 2
    axis.setRange(0, max(step, math.ceil(top / step) * step))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)


def _stacked_by_category(
    title: str, labels: list[str], report: StationReport, counts: Callable[[int, str], int], lang: str
) -> QChart:
    chart = _chart(title, lang)
    series = QStackedBarSeries()
    for category in report.categories():
        bar = QBarSet(_category_word(category))
        bar.setColor(QColor(_COLOURS.get(category, "#888888")))
        bar.append([float(counts(i, category)) for i in range(len(labels))])
        series.append(bar)
    chart.addSeries(series)
    top = max([sum(counts(i, c) for c in report.categories()) for i in range(len(labels))] or [0])
    count_axis(_axes(chart, labels, series), top)
    return chart


def per_day_chart(report: StationReport, lang: str = "en") -> QChart:
    long = len(report.per_day) > 14  # a month's labels only fit as day numbers
    labels = [d.day.strftime("%d" if long else "%d/%m") for d in report.per_day]
    return _stacked_by_category(
        QCoreApplication.translate("ReportCharts", "Alarms per day by category"),
        labels,
        report,
        lambda i, c: report.per_day[i].counts.get(c, 0),
        lang,
    )


def per_hour_chart(report: StationReport, lang: str = "en") -> QChart:
    labels = [f"{h:02d}" for h in range(24)]
    return _stacked_by_category(
        QCoreApplication.translate("ReportCharts", "Alarms per hour of the day (local time)"),
        labels,
        report,
        lambda i, c: report.per_hour[i].get(c, 0),
        lang,
    )


def service_chart(report: StationReport, lang: str = "en") -> QChart:
    """Share taken within each target, beside the share the standard asks (the target lines)."""
    s = report.service
    first, second = int(s.targets.take_within_s), int(s.targets.take_late_s)
    chart = _chart(QCoreApplication.translate("ReportCharts", "Alarms taken within the targets (%)"), lang)
    series = QBarSeries()
    bar = QBarSet(QCoreApplication.translate("ReportCharts", "Taken within"))
    bar.setColor(QColor("#2e86ab"))
    bar.append([round(100 * (s.share_first or 0.0), 1), round(100 * (s.share_second or 0.0), 1)])
    series.append(bar)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value %")
    chart.addSeries(series)
    labels = [
        QCoreApplication.translate("ReportCharts", "within %1 s").replace("%1", format_count(first, lang)),
        QCoreApplication.translate("ReportCharts", "within %1 s").replace("%1", format_count(second, lang)),
    ]
    values = _axes(chart, labels, series)
    values.setRange(0, 100)
    values.setTickCount(6)
    for index, required in enumerate((REQUIRED_FIRST, REQUIRED_SECOND)):
        line = QLineSeries()
        line.setName(
            QCoreApplication.translate("ReportCharts", "target %1 %").replace(
                "%1", format_short(100 * required, lang)
            )
        )
        line.setPen(QPen(QColor("#d7263d"), 2, Qt.PenStyle.DashLine))
        line.append(index - 0.45, 100 * required)
        line.append(index + 0.45, 100 * required)
        chart.addSeries(line)
        for axis in chart.axes():
            line.attachAxis(axis)
    return chart


def _bucket_labels(histogram: Histogram, unit_s: int) -> list[str]:
    """Each bucket by where it starts (10– is from 10 to the next label; ≥600 the open last one):
    short enough to stay readable. No "<": chart labels are rich text, it would open a tag."""
    edges = [f"{e / unit_s:g}" for e in histogram.edges]
    return [*(f"{edge}–" for edge in edges[:-1]), f"≥{edges[-1]}"]


def histogram_chart(
    histogram: Histogram, title: str, set_name: str, unit_s: int = 1, lang: str = "en"
) -> QChart:
    chart = _chart(title, lang)
    series = QBarSeries()
    bar = QBarSet(set_name)
    bar.setColor(QColor("#2e86ab"))
    bar.append([float(n) for n in histogram.counts])
    series.append(bar)
    chart.addSeries(series)
    count_axis(_axes(chart, _bucket_labels(histogram, unit_s), series), max(histogram.counts, default=0))
    chart.legend().setVisible(False)
    return chart


def take_time_chart(report: StationReport, lang: str = "en") -> QChart:
    return histogram_chart(
        report.service.take,
        QCoreApplication.translate("ReportCharts", "Time to take (seconds)"),
        QCoreApplication.translate("ReportCharts", "Alarms"),
        lang=lang,
    )


def handling_time_chart(report: StationReport, lang: str = "en") -> QChart:
    return histogram_chart(
        report.service.handling,
        QCoreApplication.translate("ReportCharts", "Handling time, take to close (minutes)"),
        QCoreApplication.translate("ReportCharts", "Alarms"),
        unit_s=60,
        lang=lang,
    )


def false_alarm_chart(report: StationReport, lang: str = "en") -> QChart:
    """The ten sites with the highest false-alarm rate (the police's response depends on it)."""
    chart = _chart(
        QCoreApplication.translate("ReportCharts", "False-alarm rate per site, top %1 (%)").replace(
            "%1", str(TOP_SITES)
        ),
        lang,
    )
    top = list(report.false_alarms[:TOP_SITES])[::-1]  # horizontal bars draw bottom-up
    series = QHorizontalBarSeries()
    bar = QBarSet(QCoreApplication.translate("ReportCharts", "False alarms"))
    bar.setColor(QColor("#f18f01"))
    bar.append([100 * (s.rate or 0.0) for s in top])
    series.append(bar)
    chart.addSeries(series)
    _axes(chart, [s.site_code for s in top], series, horizontal=True).setRange(0, 100)
    chart.legend().setVisible(False)
    return chart


def dispatch_chart(report: StationReport, lang: str = "en") -> QChart:
    chart = _chart(QCoreApplication.translate("ReportCharts", "Dispatches against the agreed delay"), lang)
    series = QStackedBarSeries()
    timed = [d for d in report.dispatches if d.with_delay]
    for name, colour, value in (
        (QCoreApplication.translate("ReportCharts", "On time"), "#2a9d8f", lambda d: d.on_time),
        (QCoreApplication.translate("ReportCharts", "Late"), "#d7263d", lambda d: d.late),
        (QCoreApplication.translate("ReportCharts", "Not arrived"), "#7a869a", lambda d: d.not_arrived),
        (QCoreApplication.translate("ReportCharts", "Cancelled"), "#b8b8b8", lambda d: d.cancelled),
    ):
        bar = QBarSet(name)
        bar.setColor(QColor(colour))
        bar.append([float(value(d)) for d in timed])
        series.append(bar)
    chart.addSeries(series)
    top = max([d.on_time + d.late + d.not_arrived + d.cancelled for d in timed] or [0])
    count_axis(_axes(chart, [dispatch_kind_word(d.kind) for d in timed], series), top)
    return chart


def workload_chart(report: StationReport, lang: str = "en") -> QChart:
    chart = _chart(QCoreApplication.translate("ReportCharts", "Operator workload"), lang)
    series = QBarSeries()
    for name, colour, value in (
        (QCoreApplication.translate("ReportCharts", "Alarms taken"), "#2e86ab", lambda w: w.taken),
        (
            QCoreApplication.translate("ReportCharts", "Hours handled"),
            "#99c24d",
            lambda w: round(w.handled_s / 3600, 1),
        ),
    ):
        bar = QBarSet(name)
        bar.setColor(QColor(colour))
        bar.append([float(value(w)) for w in report.workload])
        series.append(bar)
    chart.addSeries(series)
    top = max([max(w.taken, w.handled_s / 3600) for w in report.workload] or [0])
    count_axis(_axes(chart, [w.display_name for w in report.workload], series), top)
    return chart


def dispatch_kind_word(kind: str) -> str:
    words = {
        "guard": QCoreApplication.translate("ReportCharts", "Guard"),
        "keyholder": QCoreApplication.translate("ReportCharts", "Keyholder"),
        "technician": QCoreApplication.translate("ReportCharts", "Technician"),
        "police": QCoreApplication.translate("ReportCharts", "Police"),
        "fire": QCoreApplication.translate("ReportCharts", "Fire brigade"),
        "ambulance": QCoreApplication.translate("ReportCharts", "Ambulance"),
    }
    return words.get(kind, kind)


ALL_CHARTS: tuple[tuple[str, Callable[[StationReport, str], QChart]], ...] = (
    ("per_day", per_day_chart),
    ("per_hour", per_hour_chart),
    ("service", service_chart),
    ("take_time", take_time_chart),
    ("handling_time", handling_time_chart),
    ("false_alarms", false_alarm_chart),
    ("dispatches", dispatch_chart),
    ("workload", workload_chart),
)

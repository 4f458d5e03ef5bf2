"""A report as a PDF: the period, scope and author, the supervisor's comment, the figures, the charts.

Drawn with QPdfWriter and QPainter, so the text stays text (searchable, readable back with
pdftotext) and the charts are the page's own QtCharts rendered through a scene, vectors included.
Needs a QApplication (offscreen is enough: `vigie report` starts one on a server).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QGraphicsScene

from console.domain.report import StationReport
from console.views.supervision.report_charts import ALL_CHARTS
from console.views.supervision.report_tables import (
    Rows,
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

_DPI = 300
_CHART_SIZE = QSizeF(720, 430)  # scene pixels: the charts' fonts keep the page's proportions


def _font(size: float, bold: bool = False) -> QFont:
    """No ligatures: "confirmé" must read back as c-o-n-f-i, not as the single glyph "ﬁ"."""
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


class _Page:
    """A cursor down the page, opening a new one when what comes next does not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        self.width = float(writer.width())
        self.height = float(writer.height())
        self.y = 0.0

    def room(self, needed: float) -> None:
        if self.y + needed > self.height:
            self.writer.newPage()
            self.y = 0.0

    def text(self, text: str, size: float = 10, bold: bool = False, wrap: bool = True) -> None:
        font = _font(size, bold)
        self.painter.setFont(font)
        flags = int(Qt.AlignmentFlag.AlignLeft) | (int(Qt.TextFlag.TextWordWrap) if wrap else 0)
        bounds = self.painter.boundingRect(QRectF(0, 0, self.width, self.height), flags, text)
        self.room(bounds.height())
        self.painter.drawText(QRectF(0, self.y, self.width, bounds.height()), flags, text)
        self.y += bounds.height() + size * _DPI / 72 * 0.3

    def table(self, title: str, headers: list[str], rows: Rows) -> None:
        if not rows:
            return
        self.text(title, 12, bold=True)
        columns = len(headers)
        first = self.width * (0.45 if columns == 2 else 0.25)
        rest = (self.width - first) / max(1, columns - 1)
        font = _font(9)
        line = 9 * _DPI / 72 * 1.5
        for index, row in enumerate([headers, *rows]):
            self.room(line)
            font.setBold(index == 0)
            self.painter.setFont(font)
            x = 0.0
            for column, cell in enumerate(row):
                w = first if column == 0 else rest
                align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
                self.painter.drawText(
                    QRectF(x, self.y, w - 20, line), int(align | Qt.AlignmentFlag.AlignVCenter), cell
                )
                x += w
            self.y += line
        self.y += line * 0.6

    def chart(self, report: StationReport, make: object, left: bool, lang: str) -> None:
        """Charts two by two across the page."""
        w = (self.width - 60) / 2
        h = w * _CHART_SIZE.height() / _CHART_SIZE.width()
        if left:
            self.room(h)
        chart = make(report, lang)  # type: ignore[operator]
        scene = QGraphicsScene()
        scene.addItem(chart)
        chart.resize(_CHART_SIZE)
        if chart.layout() is not None:
            chart.layout().activate()
        x = 0.0 if left else w + 60
        scene.render(
            self.painter, QRectF(x, self.y, w, h), QRectF(0, 0, _CHART_SIZE.width(), _CHART_SIZE.height())
        )
        scene.removeItem(chart)
        del chart
        if not left:
            self.y += h + 40


@contextmanager
def _pdf_pages(path: Path, title: str) -> Iterator[tuple[QPdfWriter, _Page]]:
    """An A4 PDF at `path` and its first page; OSError (worded for the person) when it cannot be written."""
    try:
        with open(path, "wb"):
            pass  # the same error the person would get from any program, before anything is drawn
    except OSError as exc:
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc
    writer = QPdfWriter(str(path))
    writer.setResolution(_DPI)
    writer.setTitle(title)
    writer.setCreator("Vigie")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        yield writer, _Page(writer, painter)
    finally:
        painter.end()


def write_report_pdf(report: StationReport, comment: str, path: Path, lang: str = "en") -> None:
    """Write the report at `path`, its numbers as `lang` writes them; OSError (worded for the
    person) when it cannot be written."""
    title = QCoreApplication.translate("ReportPdf", "Vigie report %1").replace("%1", period_text(report))
    with _pdf_pages(path, title) as (writer, page):
        page.text(QCoreApplication.translate("ReportPdf", "Vigie — supervision report"), 16, bold=True)
        page.text(QCoreApplication.translate("ReportPdf", "Period: %1").replace("%1", period_text(report)))
        page.text(QCoreApplication.translate("ReportPdf", "Scope: %1").replace("%1", scope_text(report)))
        page.text(QCoreApplication.translate("ReportPdf", "Author: %1").replace("%1", report.author))
        page.text(
            QCoreApplication.translate("ReportPdf", "Built: %1").replace(
                "%1", report.built_at.strftime("%Y-%m-%d %H:%M UTC")
            )
        )
        page.text(QCoreApplication.translate("ReportPdf", "Comment"), 12, bold=True)
        page.text(comment.strip() or QCoreApplication.translate("ReportPdf", "(no comment)"))
        page.table(
            QCoreApplication.translate("ReportPdf", "Figures"), figure_headers(), figure_rows(report, lang)
        )
        page.table(
            QCoreApplication.translate("ReportPdf", "False alarms per site"),
            false_alarm_headers(),
            false_alarm_rows(report, lang)[:20],
        )
        page.table(
            QCoreApplication.translate("ReportPdf", "Dispatches"),
            dispatch_headers(),
            dispatch_rows(report, lang),
        )
        page.table(
            QCoreApplication.translate("ReportPdf", "Operator workload"),
            workload_headers(),
            workload_rows(report, lang),
        )
        writer.newPage()
        page.y = 0.0
        for index, (_name, make) in enumerate(ALL_CHARTS):
            page.chart(report, make, left=index % 2 == 0, lang=lang)


def write_text_pdf(title: str, text: str, path: Path) -> None:
    """A plain text (a site's fault summary) as a PDF: the title, then the text's lines as drawn."""
    with _pdf_pages(path, title) as (_writer, page):
        page.text(title, 16, bold=True)
        for line in text.splitlines():
            page.text(line or " ", 10)

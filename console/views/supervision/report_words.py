"""The report page's small helpers: named widgets, dates, and the words for its refusals and errors.

The words keep the page's translation context ("ReportPage"), so moving them here changed no
translation.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from console.domain.outage import DatabaseUnavailable
from console.domain.report import ReportError
from console.services.authority import AuditRefused

ERROR_STYLE = "color: #c0392b;"

_W = TypeVar("_W", bound=QWidget)


def named(widget: _W, name: str, *, calendar: bool = False, style: str = "", wrap: bool = False) -> _W:
    """Object names for the tests and the screenshots (the stubs take no objectName keyword)."""
    widget.setObjectName(name)
    if calendar and isinstance(widget, QDateEdit):
        widget.setCalendarPopup(True)
    if style:
        widget.setStyleSheet(style)
    if wrap and isinstance(widget, QLabel):
        widget.setWordWrap(True)
    return widget


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_of(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def error_text(error: ReportError) -> str:
    """A field's refusal, worded beside the field."""
    texts = {
        "period_reversed": QCoreApplication.translate("ReportPage", "The period ends before it starts."),
        "period_too_long": QCoreApplication.translate("ReportPage", "A report covers at most a year."),
        "scope_no_site": QCoreApplication.translate("ReportPage", "Name at least one site code."),
        "scope_no_operator": QCoreApplication.translate("ReportPage", "Name the operator (login)."),
        "unknown_site": QCoreApplication.translate("ReportPage", "Unknown site: %1").replace(
            "%1", error.params.get("codes", "")
        ),
        "unknown_operator": QCoreApplication.translate("ReportPage", "Unknown operator: %1").replace(
            "%1", error.params.get("login", "")
        ),
    }
    return texts.get(error.code, str(error))


def failure_text(error: Exception | None) -> str:
    if isinstance(error, AuditRefused):
        return QCoreApplication.translate("ReportPage", "Reports are for supervisors and admins.")
    if isinstance(error, DatabaseUnavailable):
        return QCoreApplication.translate("ReportPage", "The database cannot be reached: %1").replace(
            "%1", str(error)
        )
    if isinstance(error, OSError):
        return QCoreApplication.translate("ReportPage", "The PDF could not be written: %1").replace(
            "%1", str(error)
        )
    return QCoreApplication.translate("ReportPage", "The report failed: %1").replace("%1", str(error))

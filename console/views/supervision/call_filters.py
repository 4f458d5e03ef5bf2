"""The call audit's filter form: each field with its message beside it when what was typed is wrong.

Dates are typed in the station's local time (YYYY-MM-DD, optionally HH:MM); a date alone as the
end of the period means the whole of that day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from console.domain.call_audit import CallFilter
from console.domain.calls import CallDirection, CallEnd, CallPurpose
from console.views.supervision.call_words import direction_words, end_words, purpose_words

E = TypeVar("E", bound=StrEnum)
_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")


def parse_local(text: str, end_of_day: bool = False) -> datetime | None:
    """A local date or date-time typed by a person, as an aware datetime; ValueError when unreadable."""
    text = text.strip()
    if not text:
        return None
    for fmt in _FORMATS:
        try:
            value = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt == "%Y-%m-%d" and end_of_day:
            value += timedelta(days=1)
        return value.astimezone()
    raise ValueError(text)


class CallFilterForm(QWidget):
    search_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("call_filter_form")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.messages: dict[str, QLabel] = {}
        hint = self.tr("YYYY-MM-DD HH:MM")
        self.since = self._line("since", self.tr("From"), hint, grid, 0, 0)
        self.until = self._line("until", self.tr("To"), hint, grid, 0, 3)
        self.operator = self._line("operator_login", self.tr("Operator login"), "", grid, 1, 0)
        self.site = self._line("site_code", self.tr("Site code"), "", grid, 1, 3)
        self.alarm = self._line("alarm_id", self.tr("Alarm no."), "", grid, 2, 0)
        self.direction = self._combo("direction", self.tr("Direction"), direction_words(), grid, 2, 3)
        self.end = self._combo("end_status", self.tr("End"), end_words(), grid, 3, 0)
        self.purpose = self._combo("purpose", self.tr("Purpose"), purpose_words(), grid, 3, 3)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setObjectName("call_filter_search")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search_requested)
        grid.addWidget(self.search_button, 4, 0, 1, 2)
        for field in (self.since, self.until, self.operator, self.site, self.alarm):
            field.returnPressed.connect(self.search_requested)

    def clear(self) -> None:
        """Every field back to "any"."""
        for field in self.fields.values():
            if isinstance(field, QLineEdit):
                field.clear()
            else:
                field.setCurrentIndex(0)

    def _line(self, name: str, label: str, hint: str, grid: QGridLayout, row: int, col: int) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(f"call_filter_{name}")
        field.setPlaceholderText(hint)
        self._place(name, label, field, grid, row, col)
        return field

    def _combo(
        self, name: str, label: str, words: Mapping[E, str], grid: QGridLayout, row: int, col: int
    ) -> QComboBox:
        field = QComboBox(self)
        field.setObjectName(f"call_filter_{name}")
        field.addItem(self.tr("any"), None)
        for value, text in words.items():
            field.addItem(text, value)
        self._place(name, label, field, grid, row, col)
        return field

    def _place(
        self, name: str, label: str, field: QLineEdit | QComboBox, grid: QGridLayout, row: int, col: int
    ) -> None:
        caption = QLabel(label, self)
        caption.setBuddy(field)
        message = QLabel(self)
        message.setObjectName(f"call_filter_{name}_message")
        message.setStyleSheet("color: #c62828;")
        grid.addWidget(caption, row, col)
        grid.addWidget(field, row, col + 1)
        grid.addWidget(message, row, col + 2)
        self.fields[name] = field
        self.messages[name] = message

    def read(self) -> CallFilter | None:
        """The filter, or None with a message beside each wrong field."""
        problems: dict[str, str] = {}
        since = until = None
        alarm_id: int | None = None
        try:
            since = parse_local(self.since.text())
        except ValueError:
            problems["since"] = self.tr("Not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM")
        try:
            until = parse_local(self.until.text(), end_of_day=True)
        except ValueError:
            problems["until"] = self.tr("Not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM")
        alarm_text = self.alarm.text().strip()
        if alarm_text:
            alarm_id = int(alarm_text) if alarm_text.isdigit() else None
            if alarm_id is None or alarm_id <= 0:
                problems["alarm_id"] = self.tr("An alarm number is a whole number above 0")
        direction = self.direction.currentData()
        end = self.end.currentData()
        purpose = self.purpose.currentData()
        filters = CallFilter(
            since=since,
            until=until,
            operator_login=self.operator.text().strip() or None,
            site_code=self.site.text().strip() or None,
            alarm_id=alarm_id if "alarm_id" not in problems else None,
            direction=CallDirection(direction) if direction else None,
            end_status=CallEnd(end) if end else None,
            purpose=CallPurpose(purpose) if purpose else None,
        )
        words = {
            "before_since": self.tr("The end of the period must come after its start"),
            "too_long": self.tr("At most one year at a time"),
            "not_positive": self.tr("An alarm number is a whole number above 0"),
            "naive": self.tr("Not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM"),
        }
        for name, code in filters.problems().items():
            problems.setdefault(name, words.get(code, code))
        for name, message in self.messages.items():
            message.setText(problems.get(name, ""))
        return None if problems else filters

"""The call audit's two tables: the calls found (loaded a page at a time) and one call's timeline.

The calls model never reads the database: when the view scrolls near its end it asks for more
(`more_wanted`), and the page loads the next page on its worker and appends it. The timeline
model marks the event the recording has reached, so the supervisor sees where in the call she is.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from console.domain.call_audit import AuditedCall, Timeline, clock_text
from console.views.formatting import format_date_time
from console.views.supervision.call_words import direction_words, end_words, event_words, purpose_words
from console.views.table_base import ReadOnlyTableModel

_Index = QModelIndex | QPersistentModelIndex
CALL_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CallColumn(IntEnum):
    TIME = 0
    OPERATOR = 1
    SITE = 2
    ALARM = 3
    DIRECTION = 4
    PURPOSE = 5
    END = 6
    DURATION = 7
    REMOTE = 8


class AuditCallsModel(ReadOnlyTableModel):
    more_wanted = Signal()  # the view reached the end of what is loaded and more exists

    def __init__(self, lang: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._calls: list[AuditedCall] = []
        self._has_more = False
        self._asked = False
        self._headers = [
            self.tr("Time"),
            self.tr("Operator"),
            self.tr("Site"),
            self.tr("Alarm"),
            self.tr("Direction"),
            self.tr("Purpose"),
            self.tr("End"),
            self.tr("Talk time"),
            self.tr("Number"),
        ]

    # --- content -----------------------------------------------------------------------------

    def replace(self, calls: list[AuditedCall], has_more: bool) -> None:
        self.beginResetModel()
        self._calls = list(calls)
        self._has_more = has_more
        self._asked = False
        self.endResetModel()

    def append(self, calls: list[AuditedCall], has_more: bool) -> None:
        known = {c.record.id for c in self._calls}
        fresh = [c for c in calls if c.record.id not in known]
        if fresh:
            first = len(self._calls)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._calls.extend(fresh)
            self.endInsertRows()
        self._has_more = has_more
        self._asked = False

    def call_at(self, row: int) -> AuditedCall | None:
        return self._calls[row] if 0 <= row < len(self._calls) else None

    def row_of(self, call_id: int) -> int | None:
        return next((i for i, c in enumerate(self._calls) if c.record.id == call_id), None)

    @property
    def last(self) -> AuditedCall | None:
        return self._calls[-1] if self._calls else None

    @property
    def has_more(self) -> bool:
        return self._has_more

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._calls)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CallColumn)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._asked

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._asked = True  # one request at a time: the page answers with `append`
            self.more_wanted.emit()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        call = self.call_at(index.row()) if index.isValid() else None
        if call is None or not 0 <= index.column() < len(CallColumn):
            return None
        if role == CALL_ID_ROLE:
            return call.record.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(call, CallColumn(index.column()))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == CallColumn.SITE:
            return call.site_name
        return None

    def _text(self, call: AuditedCall, column: CallColumn) -> str:
        record = call.record
        if column is CallColumn.TIME:
            return format_date_time(record.created_at, self._lang)
        if column is CallColumn.OPERATOR:
            return call.operator_name or record.operator_login or ""
        if column is CallColumn.SITE:
            return call.site_code or ""
        if column is CallColumn.ALARM:
            return str(record.alarm_id) if record.alarm_id is not None else ""
        if column is CallColumn.DIRECTION:
            return direction_words().get(record.direction, record.direction.value)
        if column is CallColumn.PURPOSE:
            return purpose_words().get(record.purpose, record.purpose.value)
        if column is CallColumn.END:
            if record.end_status is None:
                return self.tr("in progress")
            return end_words().get(record.end_status, record.end_status.value)
        if column is CallColumn.DURATION:
            return clock_text(record.duration_s) if record.duration_s is not None else ""
        return record.remote_uri


class TimelineModel(ReadOnlyTableModel):
    """One call's events: time from the call's start, the event, its detail; the current one in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeline = Timeline()
        self._current: int | None = None
        self._headers = [self.tr("At"), self.tr("Event"), self.tr("Detail")]

    def set_timeline(self, timeline: Timeline) -> None:
        self.beginResetModel()
        self._timeline = timeline
        self._current = None
        self.endResetModel()

    @property
    def timeline(self) -> Timeline:
        return self._timeline

    @property
    def current_row(self) -> int | None:
        return self._current

    def follow_position(self, position_s: float) -> None:
        """Mark the event the recording has reached (only the rows that change are repainted)."""
        row = self._timeline.at_position(position_s)
        if row == self._current:
            return
        before, self._current = self._current, row
        for changed in (before, row):
            if changed is not None:
                self.dataChanged.emit(self.index(changed, 0), self.index(changed, 2))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._timeline.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._timeline.entries):
            return None
        entry = self._timeline.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                marker = "▶ " if index.row() == self._current else ""
                return f"{marker}+{clock_text(entry.offset_s)}"
            if index.column() == 1:
                return event_words().get(entry.event.kind, entry.event.kind.value)
            if index.column() == 2:
                return entry.event.detail
            return None
        if role == Qt.ItemDataRole.FontRole and index.row() == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and index.row() == self._current:
            return self.tr("reached by the playback")
        return None

"""Table model of the calls in progress on this console: who, and where each call stands.

The softphone panel feeds it from the bridge's reports; `tick()` repaints the state column only, so
the selection (the call the buttons act on) survives the second-by-second clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from console.domain.calls import CallDirection, CallPurpose
from console.domain.dispatch import format_elapsed
from console.views.table_base import ReadOnlyTableModel

CALL_ROLE = Qt.ItemDataRole.UserRole + 30
_Index = QModelIndex | QPersistentModelIndex
_HELD = QColor("#757575")
_RINGING = QColor("#1565c0")


class Column(IntEnum):
    WHO = 0
    STATE = 1


@dataclass
class CallLine:
    """One call as the panel shows it; `listen_in` calls have listen/talk instead of mute."""

    handle: int
    direction: CallDirection
    remote_uri: str
    label: str
    purpose: CallPurpose
    created_at: datetime
    contact_id: int | None = None
    alarm_id: int | None = None
    ringing: bool = False
    answered_at: datetime | None = None
    held: bool = False
    muted: bool = False
    listen_in: bool = False

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    @property
    def waiting_answer(self) -> bool:
        """An incoming call ringing here: the operator may answer it."""
        return self.direction is CallDirection.INCOMING and not self.answered


class ActiveCallsModel(ReadOnlyTableModel):
    def __init__(self, clock: Callable[[], datetime] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self._lines: list[CallLine] = []
        self._headers = [self.tr("Call"), self.tr("State")]

    # --- content ----------------------------------------------------------------------------

    def add(self, line: CallLine) -> None:
        if self.row_of(line.handle) is not None:
            return
        self.beginInsertRows(QModelIndex(), len(self._lines), len(self._lines))
        self._lines.append(line)
        self.endInsertRows()

    def remove(self, handle: int) -> CallLine | None:
        row = self.row_of(handle)
        if row is None:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        line = self._lines.pop(row)
        self.endRemoveRows()
        return line

    def changed(self, handle: int) -> None:
        """A line's fields were changed in place: repaint its row."""
        row = self.row_of(handle)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def line(self, handle: int) -> CallLine | None:
        return next((line for line in self._lines if line.handle == handle), None)

    def line_at(self, row: int) -> CallLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, handle: int) -> int | None:
        return next((i for i, line in enumerate(self._lines) if line.handle == handle), None)

    def lines(self) -> list[CallLine]:
        return list(self._lines)

    def tick(self) -> None:
        """Advance the talk clocks: repaint the state column only."""
        if self._lines:
            self.dataChanged.emit(
                self.index(0, Column.STATE),
                self.index(len(self._lines) - 1, Column.STATE),
                [Qt.ItemDataRole.DisplayRole],
            )

    # --- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if not 0 <= index.column() < len(Column):
            return None
        line = self._lines[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return line.label if column is Column.WHO else self.state_text(line)
        if role == CALL_ROLE:
            return line
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.remote_uri
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.STATE:
            if line.held:
                return QBrush(_HELD)
            if not line.answered:
                return QBrush(_RINGING)
        if role == Qt.ItemDataRole.FontRole and column is Column.STATE and line.waiting_answer:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def state_text(self, line: CallLine) -> str:
        if line.answered_at is None:
            if line.direction is CallDirection.INCOMING:
                return self.tr("Incoming call")
            return self.tr("Ringing…") if line.ringing else self.tr("Calling…")
        clock = format_elapsed(max(timedelta(0), self._clock() - line.answered_at))
        if line.held:
            return self.tr("On hold %1").replace("%1", clock)
        if line.listen_in:
            words = self.tr("Talking %1") if not line.muted else self.tr("Listening %1")
            return words.replace("%1", clock)
        if line.muted:
            return self.tr("In call %1, muted").replace("%1", clock)
        return self.tr("In call %1").replace("%1", clock)

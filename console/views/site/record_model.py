"""A read-only table model over a list of domain values, described by its columns.

Contacts, signals and journal entries are all shown this way: the model keeps the domain values
(never copies into items) and a column is a header plus how to read a cell from a value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from console.views.table_base import ReadOnlyTableModel

T = TypeVar("T")
RECORD_ROLE = Qt.ItemDataRole.UserRole + 10
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ColumnSpec(Generic[T]):
    header: str
    value: Callable[[T], object]
    highlight: Callable[[T], bool] | None = None  # cells to draw attention to (accessibility needs)


class RecordTableModel(ReadOnlyTableModel, Generic[T]):
    HIGHLIGHT = QColor("#fff59d")

    def __init__(self, columns: Sequence[ColumnSpec[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._headers = [column.header for column in self._columns]
        self._records: list[T] = []

    def set_records(self, records: Sequence[T]) -> None:
        """Replace the content; appends are signalled as inserted rows when the old rows are a prefix."""
        records = list(records)
        old = self._records
        if len(records) >= len(old) and records[: len(old)] == old:
            if len(records) > len(old):
                self.beginInsertRows(QModelIndex(), len(old), len(records) - 1)
                self._records = records
                self.endInsertRows()
            return
        self.beginResetModel()
        self._records = records
        self.endResetModel()

    def records(self) -> list[T]:
        return list(self._records)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.value(record)
            return "" if value is None else str(value)
        if role == RECORD_ROLE:
            return record
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and column.highlight is not None
            and column.highlight(record)
        ):
            return QBrush(self.HIGHLIGHT)
        return None

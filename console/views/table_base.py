"""What every read-only table of the console answers the same way: its header and its cell flags."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt


class ReadOnlyTableModel(QAbstractTableModel):
    """Cells selectable, never editable, never with children; headers from `self._headers`.

    Those flags are QAbstractTableModel's own: `flags` is not overridden, as a Python override is
    called for every painted cell and takes the interpreter lock each time (see the queue model).
    """

    _headers: list[str]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

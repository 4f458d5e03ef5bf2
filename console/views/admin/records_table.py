"""A page's list of records (transmitters, contacts): read-only rows, one selected at a time, its id kept."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget


class RecordsTable(QTableWidget):
    record_chosen = Signal(object)  # the record's id, None when no row is selected

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setAlternatingRowColors(True)
        self._ids: list[int] = []
        self._filling = False
        self.itemSelectionChanged.connect(self._on_selection)

    def show_rows(self, rows: Sequence[tuple[int, Sequence[str]]], selected: int | None) -> None:
        """(id, cells) per row; `selected` stays selected if still there (without a second signal)."""
        self._filling = True
        try:
            self.clearSelection()
            self.setRowCount(len(rows))
            self._ids = [record_id for record_id, _cells in rows]
            for row, (_record_id, cells) in enumerate(rows):
                for column, text in enumerate(cells):
                    self.setItem(row, column, QTableWidgetItem(text))
            if selected in self._ids:
                self.selectRow(self._ids.index(selected))
        finally:
            self._filling = False

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self._ids[rows[0].row()] if rows else None

    def select_id(self, record_id: int) -> None:
        if record_id in self._ids:
            self.selectRow(self._ids.index(record_id))
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_selection(self) -> None:
        if not self._filling:
            self.record_chosen.emit(self.selected_id())

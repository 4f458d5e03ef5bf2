"""The customer's procedure for the alarm's category, as a checklist the operator ticks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from console.domain.site import Procedure, ProcedureStep

_Index = QModelIndex | QPersistentModelIndex


class ProcedureChecklistModel(QAbstractListModel):
    step_ticked = Signal(object)  # ProcedureStep the operator just ticked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[ProcedureStep] = []
        self._done: set[int] = set()

    def set_procedure(self, procedure: Procedure | None, done_step_ids: set[int] | None = None) -> None:
        self.beginResetModel()
        self._steps = list(procedure.steps) if procedure else []
        self._done = set(done_step_ids or ()) & {step.id for step in self._steps}
        self.endResetModel()

    def update_done(self, done_step_ids: set[int]) -> None:
        """Tick the steps journaled since (here or on another console), keeping the current row."""
        added = (set(done_step_ids) & {step.id for step in self._steps}) - self._done
        self._done |= added
        for row, step in enumerate(self._steps):
            if step.id in added:
                index = self.index(row, 0)
                self.dataChanged.emit(
                    index, index, [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.FontRole]
                )

    def done_steps(self) -> set[int]:
        return set(self._done)

    def steps(self) -> tuple[ProcedureStep, ...]:
        return tuple(self._steps)

    def first_open_row(self) -> int | None:
        """The first step not done yet (where the keyboard lands), else the first step; None when empty."""
        rows = [i for i, step in enumerate(self._steps) if step.id not in self._done]
        return rows[0] if rows else (0 if self._steps else None)

    def next_open_row(self, after: ProcedureStep) -> int | None:
        """The next step not done below `after` (the procedure is read downwards), else the first open one."""
        rows = [i for i, step in enumerate(self._steps) if step.id not in self._done]
        here = next((i for i, step in enumerate(self._steps) if step.id == after.id), -1)
        below = [i for i in rows if i > here]
        return below[0] if below else (rows[0] if rows else None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._steps)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self._steps[index.row()].id not in self._done:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._steps):
            return None
        step = self._steps[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{step.rank}. {step.text}" + ("" if step.mandatory else " " + self.tr("(optional)"))
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if step.id in self._done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and step.mandatory:
            font = QFont()
            font.setBold(step.id not in self._done)
            return font
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ticking is one-way: a done step stays done (it is already in the journal)."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        step = self._steps[index.row()]
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if not checked or step.id in self._done:
            return False
        self._done.add(step.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.FontRole])
        self.step_ticked.emit(step)
        return True

"""The queue's table: the alarm rows, shown whole or through the filter proxy, and the selection.

The table shows the queue model itself while no filter is on, and the filter proxy only while
one is (see `queue_filter`); rows are found and selected by alarm id whichever it shows.

It tells a row the operator chose (a key that moved the selection, a click on a row) from one the
console selected itself (at start, after a close, after filtering): T takes the operator's choice,
but never lets the console's own pick undercut a more urgent alarm that arrived since.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from console.domain.alarm import Alarm, AlarmState
from console.views.queue.alarm_queue_model import ALARM_ROLE, AlarmQueueModel, Column
from console.views.queue.queue_filter import AlarmFilter, AlarmFilterProxy


class QueueTable(QTableView):
    def __init__(self, model: AlarmQueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarm_table")
        self.queue = model
        self.proxy = AlarmFilterProxy(model, self)
        self.setModel(model)
        self._deliberate = False  # the selected row is one the operator chose, not the console
        self._selected_row_left = False  # the selected alarm left the rows (closed): pick again
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(False)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.PRIORITY, 185),  # "Sécurité des personnes" in bold
            (Column.AGE, 70),
            (Column.SITE, 90),
            (Column.NAME, 240),
            (Column.STATE, 230),  # "⚠ Levée de doute — inactive"
        ):
            self.setColumnWidth(column, width)

    @property
    def deliberate(self) -> bool:
        """True while the selected row is the operator's own choice (a key or a click on it)."""
        return self._deliberate and self.selectionModel().hasSelection()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A key that moves the selection (Down, Page Up, Home...) is the operator choosing a row."""
        before = self.selected_alarm()
        super().keyPressEvent(event)
        after = self.selected_alarm()
        if after is not None and (before is None or after.id != before.id):
            self._deliberate = True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on a row is a choice, even on the row the console had selected."""
        super().mousePressEvent(event)
        if self.indexAt(event.position().toPoint()).isValid() and self.selected_alarm() is not None:
            self._deliberate = True

    @property
    def filtered(self) -> bool:
        return self.model() is self.proxy

    def set_filter(self, alarm_filter: AlarmFilter) -> None:
        """Show the rows the filter keeps (all of them, straight from the model, for no filter)."""
        selected = self.selected_alarm()
        if alarm_filter.active:
            self.proxy.set_filter(alarm_filter)
            self._show_rows_of(self.proxy)
        else:
            self._show_rows_of(self.queue)
            self.proxy.set_filter(alarm_filter)
        if selected is not None:
            self.select_alarm(selected.id)

    def selected_alarm(self) -> Alarm | None:
        rows = self.selectionModel().selectedRows()
        alarm = rows[0].data(ALARM_ROLE) if rows else None
        return alarm if isinstance(alarm, Alarm) else None

    def select_alarm(self, alarm_id: int) -> bool:
        """Select the alarm's row; False when it is not in the queue or the filter hides it."""
        row = self.queue.row_of(alarm_id)
        index = self.queue.index(row, 0) if row is not None else QModelIndex()
        if self.filtered:
            index = self.proxy.mapFromSource(index)
        if not index.isValid():
            return False
        self._deliberate = False  # the console chose this row, not the operator
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        return True

    def rowsAboutToBeRemoved(self, parent: QModelIndex, start: int, end: int) -> None:  # type: ignore[override]
        """Qt moves the selection to the neighbouring row; after a close it must go to the most urgent."""
        selected = self.selectionModel().selectedRows()
        if not parent.isValid() and any(start <= index.row() <= end for index in selected):
            self._selected_row_left = True
        super().rowsAboutToBeRemoved(parent, start, end)

    def settle_selection(self) -> None:
        """After rows came or went: the most urgent alarm when the selected one left, or nothing was."""
        if self._selected_row_left:
            self._selected_row_left = False
            if self.model().rowCount():
                self.select_most_urgent()
            return
        urgent = self._more_urgent_than_pick()
        if urgent is not None:
            self.select_alarm(urgent.id)
            return
        self.select_first_if_none()

    def _more_urgent_than_pick(self) -> Alarm | None:
        """The console's own pick of a new alarm moves to a more urgent one arriving above it: what
        is highlighted is what T takes. A row the operator chose, or an alarm taken, stays."""
        selected = self.selected_alarm()
        if self._deliberate or selected is None or selected.state is not AlarmState.NEW:
            return None
        urgent = self.first_shown(lambda a: a.state is AlarmState.NEW)
        return urgent if urgent is not None and urgent.id != selected.id else None

    def select_first_if_none(self) -> None:
        """With nothing selected, start on the most urgent alarm: the first new one shown in queue
        order (priority, then age), else the first row; T then takes it."""
        if self.selectionModel().hasSelection() or self.model().rowCount() == 0:
            return
        self.select_most_urgent()

    def select_most_urgent(self) -> None:
        """The console's own pick (not deliberate): the first new alarm shown, else the first row."""
        first = self.model().index(0, 0).data(ALARM_ROLE)
        alarm = self.first_shown(lambda a: a.state is AlarmState.NEW) or first
        if isinstance(alarm, Alarm):
            self.select_alarm(alarm.id)

    def first_shown(self, wanted: Callable[[Alarm], bool]) -> Alarm | None:
        """The first alarm in queue order that the table shows and `wanted` accepts."""
        if not self.filtered:
            return next((a for a in self.queue.alarms() if wanted(a)), None)
        for row in range(self.proxy.rowCount()):
            alarm = self.proxy.alarm_at(row)
            if alarm is not None and wanted(alarm):
                return alarm
        return None

    def _show_rows_of(self, rows: AlarmQueueModel | AlarmFilterProxy) -> None:
        """Put the model or the proxy under the table, keeping the columns as the operator set them."""
        if self.model() is rows:
            return
        header = self.horizontalHeader()
        layout = header.saveState()
        replaced = self.selectionModel()
        self.setModel(rows)
        header.restoreState(layout)
        replaced.deleteLater()  # Qt leaves the old selection model to its owner

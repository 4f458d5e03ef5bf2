"""The queue's table: the alarm rows, shown whole or through the filter proxy, and the selection.

The table shows the queue model itself while no filter is on, and the filter proxy only while
one is (see `queue_filter`); rows are found and selected by alarm id whichever it shows.

It repaints no more than what changed: Qt would repaint every visible cell for the clock column's
change of all rows each second, and after any row came or went, even below the last row on screen
(under a flood of new alarms, at every poll; a full repaint is some 20-30 ms of the GUI thread).

It tells a row the operator chose (a key that moved the selection, a click on a row) from one the
console selected itself (at start, after a close, after filtering): T takes the operator's choice,
but never lets the console's own pick undercut a more urgent alarm that arrived since.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from console.domain.alarm import Alarm, AlarmState
from console.views.queue.alarm_queue_model import ALARM_ROLE, AlarmQueueModel, Column
from console.views.queue.queue_filter import AlarmFilter, AlarmFilterProxy


@dataclass(frozen=True)
class _Screen:
    """What the table shows: the alarm values from its top row down, where it is scrolled, its size."""

    size: tuple[int, int]
    scroll: tuple[int, int]
    top: int  # -1: no row
    alarms: tuple[object, ...]

    def shows(self, first: int, last: int) -> bool:
        return first < self.top + len(self.alarms) and last >= self.top


class QueueTable(QTableView):
    def __init__(self, model: AlarmQueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarm_table")
        self.queue = model
        self.proxy = AlarmFilterProxy(model, self)
        self.setModel(model)
        self._deliberate = False  # the selected row is one the operator chose, not the console
        self._selected_row_left = False  # the selected alarm left the rows (closed): pick again
        self._rows_came_or_went = False  # since the last layout of the rows
        self._on_screen: _Screen | None = None  # what the last layout left on screen
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
        self._rows_came_or_went = True
        super().rowsAboutToBeRemoved(parent, start, end)

    def rowsInserted(self, parent: QModelIndex, start: int, end: int) -> None:  # type: ignore[override]
        self._rows_came_or_went = True
        super().rowsInserted(parent, start, end)

    def doItemsLayout(self) -> None:
        """After rows came or went Qt lays them out again and repaints the whole viewport; when the
        rows on screen still show the same alarm values at the same places (the rows changed below
        them), only the scroll bars need it. Anything else (a reset, a move, a filter) repaints."""
        rows_only, self._rows_came_or_went = self._rows_came_or_went, False
        if rows_only and self._on_screen is not None:
            self.updateGeometries()
            if self._screen_state() == self._on_screen:
                header = self.verticalHeader()  # Qt's own layout turns it back on after a removal
                if not header.updatesEnabled():
                    header.setUpdatesEnabled(True)
                return
        super().doItemsLayout()
        self._on_screen = self._screen_state()

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """Qt repaints the whole viewport for a change spanning many rows (the clock column, every
        second): only the rows on screen are passed on, so that repaint is the column's visible cells."""
        first, last = top_left.row(), bottom_right.row()
        if top_left.isValid() and bottom_right.isValid() and last - first > 1:
            top = self.rowAt(0)
            bottom = self.rowAt(self.viewport().height() - 1)
            if top >= 0:
                first, last = max(first, top), min(last, bottom if bottom >= 0 else last)
                if first > last:
                    return  # nothing of it on screen
                model = top_left.model()
                parent = top_left.parent()
                top_left = model.index(first, top_left.column(), parent)
                bottom_right = model.index(last, bottom_right.column(), parent)
        super().dataChanged(top_left, bottom_right, list(roles))
        shown = self._on_screen
        if shown is not None and not self._rows_came_or_went and shown.shows(first, last):
            self._on_screen = self._screen_state()  # those rows are repainted as they are now

    def _screen_state(self) -> _Screen:
        rows = self.model()
        top = self.rowAt(0)
        alarms: tuple[object, ...] = ()
        if top >= 0:
            bottom = self.rowAt(self.viewport().height() - 1)
            last = bottom if bottom >= 0 else rows.rowCount() - 1
            alarms = tuple(rows.index(row, 0).data(ALARM_ROLE) for row in range(top, last + 1))
        size = self.viewport().size()
        scroll = (self.verticalScrollBar().value(), self.horizontalScrollBar().value())
        return _Screen((size.width(), size.height()), scroll, top, alarms)

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

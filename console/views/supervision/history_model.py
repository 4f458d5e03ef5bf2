"""The history search's results: a lazy table that reads one page more as the supervisor scrolls.

Pages are read on a worker thread and come back through a queued signal, so the GUI thread never
waits for the database. Every search has a generation number: a page of an earlier search that
arrives late is dropped, so the table always shows the search last asked for. Sorting asks the
database again with the new order (a year of rows is never loaded to be sorted here).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal, Slot

from console.domain.alarm import AlarmState, Disposition
from console.domain.history import COLUMNS, UNSORTABLE, Cursor, HistoryKind, HistoryQuery, HistoryRow
from console.domain.outage import DatabaseUnavailable
from console.domain.priority import EventCategory
from console.services.authority import AuditRefused
from console.services.history import ResultPage
from console.views.category_words import category_label
from console.views.formatting import format_date_time
from console.views.table_base import ReadOnlyTableModel

log = logging.getLogger(__name__)
ROW_ROLE = Qt.ItemDataRole.UserRole + 40
_Index = QModelIndex | QPersistentModelIndex
Pager = Callable[[HistoryQuery, Cursor | None], ResultPage]


_CATEGORIES = frozenset(c.value for c in EventCategory)
_DISPOSITIONS = frozenset(d.value for d in Disposition)


def _state_words() -> dict[str, str]:
    return {  # the queue's words (its context: translated once)
        AlarmState.NEW: QCoreApplication.translate("AlarmQueueModel", "New"),
        AlarmState.TAKEN: QCoreApplication.translate("AlarmQueueModel", "Taken"),
        AlarmState.VERIFYING: QCoreApplication.translate("AlarmQueueModel", "Verifying"),
        AlarmState.DISPATCHED: QCoreApplication.translate("AlarmQueueModel", "Dispatched"),
        AlarmState.CLOSED: QCoreApplication.translate("AlarmQueueModel", "Closed"),
    }


def column_title(column: str) -> str:
    titles = {
        "at": QCoreApplication.translate("HistoryModel", "Time"),
        "id": QCoreApplication.translate("HistoryModel", "No."),
        "site": QCoreApplication.translate("HistoryModel", "Site"),
        "account": QCoreApplication.translate("HistoryModel", "Account"),
        "code": QCoreApplication.translate("HistoryModel", "Event"),
        "category": QCoreApplication.translate("HistoryModel", "Category"),
        "zone": QCoreApplication.translate("HistoryModel", "Zone"),
        "operator": QCoreApplication.translate("HistoryModel", "Operator"),
        "state": QCoreApplication.translate("HistoryModel", "State"),
        "disposition": QCoreApplication.translate("HistoryModel", "Disposition"),
        "alarm_id": QCoreApplication.translate("HistoryModel", "Alarm"),
        "text": QCoreApplication.translate("HistoryModel", "Comment or detail"),
    }
    return titles[column]


class HistoryTableModel(ReadOnlyTableModel):
    page_loaded = Signal(int)  # rows now shown, after each page
    loading_changed = Signal(bool)
    search_failed = Signal(str)  # an outage or a refusal, worded for the page's status line
    _page_done = Signal(int, object, object)  # generation, ResultPage or None, error or None

    def __init__(self, pager: Pager, lang: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pager = pager
        self._lang = lang
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vigie-history")
        self._query: HistoryQuery | None = None
        self._columns: tuple[str, ...] = COLUMNS[HistoryQuery().kind]
        self._headers = [column_title(c) for c in self._columns]
        self._rows: list[HistoryRow] = []
        self._cursor: Cursor | None = None
        self._more = False
        self._generation = 0
        self._loading = False
        self._stopped = False
        self._page_done.connect(self._on_page_done)

    @property
    def query(self) -> HistoryQuery | None:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    def columns(self) -> tuple[str, ...]:
        return self._columns

    def start(self, query: HistoryQuery) -> None:
        """Show this search's results from its first page on (what was shown goes at once)."""
        self.beginResetModel()
        self._generation += 1
        self._query = query
        self._columns = COLUMNS[query.kind]
        self._headers = [column_title(c) for c in self._columns]
        self._rows = []
        self._cursor = None
        self._more = True
        self._loading = (
            True  # the first page is asked for below: the view, told of the reset, must not ask too
        )
        self.endResetModel()
        self.loading_changed.emit(True)
        self._submit()

    def stop(self) -> None:
        self._stopped = True
        self._executor.shutdown(wait=True, cancel_futures=True)

    def row_at(self, row: int) -> HistoryRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:  # what to type in the filter to find this again
            if column == "site":
                return row.site_name or ""
            value = row.value(column)
            return "" if value is None or column == "at" else str(value)
        return None

    def _display(self, row: HistoryRow, column: str) -> str:
        """Words in the supervisor's language where the console has them; the stored value otherwise."""
        value = row.value(column)
        if value is None:
            return ""
        if column == "at":
            return format_date_time(row.at, self._lang)
        if column == "category" and value in _CATEGORIES:
            return category_label(EventCategory(value))
        if column == "disposition" and value in _DISPOSITIONS:
            return Disposition(value).label(self._lang)
        if column == "state" and row.kind is HistoryKind.ALARMS:
            return _state_words().get(str(value), str(value))
        return str(value)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._more and not self._loading and not self._stopped

    def fetchMore(self, parent: _Index) -> None:
        if self.canFetchMore(parent):
            self._request()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the same search again, ordered by the database."""
        if self._query is None or not 0 <= column < len(self._columns) or self._columns[column] in UNSORTABLE:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        name = self._columns[column]
        if (self._query.sort, self._query.descending) != (name, descending):
            self.start(self._query.sorted_by(name, descending))

    def _request(self) -> None:
        if self._stopped or self._query is None:
            return
        self._set_loading(True)
        self._submit()

    def _submit(self) -> None:
        if self._query is None:
            return
        generation, query, cursor = self._generation, self._query, self._cursor
        future = self._executor.submit(self._pager, query, cursor)
        future.add_done_callback(lambda f: self._deliver(f, generation))

    def _deliver(self, future: Future[ResultPage], generation: int) -> None:
        # On the worker thread: only emit; the queued connection brings it to the GUI thread.
        if future.cancelled():
            return
        error = future.exception()
        try:
            self._page_done.emit(generation, None if error else future.result(), error)
        except RuntimeError:  # the model was deleted meanwhile: nobody to tell
            log.debug("history page delivered after the model was deleted")

    @Slot(int, object, object)
    def _on_page_done(self, generation: int, page: ResultPage | None, error: BaseException | None) -> None:
        if generation != self._generation or self._stopped:
            return  # an earlier search's page: the table shows the search asked for last
        if error is not None or page is None:
            self._more = False
            self._set_loading(False)
            if isinstance(error, DatabaseUnavailable | AuditRefused):
                self.search_failed.emit(str(error))
                return
            raise RuntimeError("the history search failed (a bug, not an outage)") from error
        # The cursor moves before the rows go in: the view may ask for more while they are inserted.
        self._cursor = page.next_after
        self._more = page.next_after is not None
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._set_loading(False)
        self.page_loaded.emit(len(self._rows))

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    @property
    def has_more(self) -> bool:
        return self._more

"""Filtering the queue: by kind (priority or category), state, "mine", and a site search.

The proxy does not refilter on every `dataChanged` (Qt's dynamic filtering would run the Python
filter over every row each second, when the clock column repaints 5 000 rows): it checks only
the rows that really changed, and refilters when one of them crossed the filter. With no filter
it lets go of the queue model altogether (the window then shows the model itself), so an
unfiltered queue under a flood costs exactly what it cost without filters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from console.domain.alarm import Alarm, AlarmState
from console.domain.priority import DEFAULT_PRIORITY, INFORMATIONAL_CATEGORIES, EventCategory, Priority
from console.views.category_words import category_labels
from console.views.queue.alarm_queue_model import ALARM_ROLE, AlarmQueueModel, Column


def fold(text: str) -> str:
    """Case and accents ignored: 'leon' finds 'Pharmacie Léon'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class AlarmFilter:
    priority: Priority | None = None
    category: EventCategory | None = None
    state: AlarmState | None = None
    holder_id: int | None = None  # "mine": only the alarms this operator holds
    text: str = ""  # folded already (see `fold`)

    @property
    def active(self) -> bool:
        return self != AlarmFilter()

    def accepts(self, alarm: Alarm, haystack: str | None = None) -> bool:
        """Whether the alarm shows; `haystack` is its folded searchable text, when the caller keeps it."""
        if self.priority is not None and alarm.priority is not self.priority:
            return False
        if self.category is not None and alarm.category is not self.category:
            return False
        if self.state is not None and alarm.state is not self.state:
            return False
        if self.holder_id is not None and alarm.operator_id != self.holder_id:
            return False
        if self.text:
            return self.text in (haystack if haystack is not None else searchable(alarm))
        return True


def kind_key(kind: Priority | EventCategory) -> str:
    """The kind choice's item data: plain text, as Qt would turn the enums into bare ints and strings."""
    return f"p:{kind.value}" if isinstance(kind, Priority) else f"c:{kind.value}"


def searchable(alarm: Alarm) -> str:
    return fold(f"{alarm.site_code} {alarm.site_name} {alarm.account}")


class AlarmFilterProxy(QSortFilterProxyModel):
    """The queue as filtered for this operator; keeps the source's order (no sorting)."""

    def __init__(self, model: AlarmQueueModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)  # see the module docstring
        self._model = model
        self._filter = AlarmFilter()
        self._haystacks: dict[int, str] = {}  # alarm id -> folded site text (sites do not rename mid-shift)
        self._refilter_timer = QTimer(self)
        self._refilter_timer.setObjectName("queue_refilter_after_batch")
        self._refilter_timer.setSingleShot(True)
        self._refilter_timer.setInterval(0)
        self._refilter_timer.timeout.connect(self._refilter)

    @property
    def filter(self) -> AlarmFilter:
        return self._filter

    def set_filter(self, alarm_filter: AlarmFilter) -> None:
        """Filter the queue; an inactive filter detaches the proxy from the queue (see the module)."""
        if alarm_filter == self._filter and (self.sourceModel() is not None) == alarm_filter.active:
            return
        self._filter = alarm_filter
        if not alarm_filter.active:
            self._refilter_timer.stop()
            self._model.dataChanged.disconnect(self._on_source_data_changed)
            self.setSourceModel(None)  # type: ignore[arg-type]
        elif self.sourceModel() is None:
            self.setSourceModel(self._model)  # filters every row once
            self._model.dataChanged.connect(self._on_source_data_changed)
        else:
            self._refilter()

    def alarm_at(self, row: int) -> Alarm | None:
        alarm = self.index(row, 0).data(ALARM_ROLE) if 0 <= row < self.rowCount() else None
        return alarm if isinstance(alarm, Alarm) else None

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._filter.active:
            return True
        alarm = self._model.alarm_at(source_row)
        return alarm is not None and self._filter.accepts(alarm, self._haystack(alarm))

    def _haystack(self, alarm: Alarm) -> str | None:
        if not self._filter.text:
            return None
        found = self._haystacks.get(alarm.id)
        if found is None:
            if len(self._haystacks) > 50_000:  # closed alarms' entries: forget them now and then
                self._haystacks.clear()
            found = self._haystacks[alarm.id] = searchable(alarm)
        return found

    @Slot()
    def _refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @Slot(QModelIndex, QModelIndex, list)
    def _on_source_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, _roles: list[int]
    ) -> None:
        """Refilter (once, after the batch) when a changed row no longer matches its place in the filter."""
        if self._refilter_timer.isActive():
            return
        if top_left.column() == bottom_right.column() == Column.AGE:
            return  # the clock's repaint: time does not change what the filter keeps
        for row in range(top_left.row(), bottom_right.row() + 1):
            alarm = self._model.alarm_at(row)
            if alarm is None:
                continue
            shown = self.mapFromSource(self._model.index(row, 0)).isValid()
            if self._filter.accepts(alarm, self._haystack(alarm)) != shown:
                self._refilter_timer.start()
                return


class _SearchEdit(QLineEdit):
    """The search box hands the keyboard to the list below on Down, as a browser's search does."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class QueueFilterBar(QWidget):
    """Search field, kind and state choices, and "mine"; says how many alarms the filter shows."""

    filter_changed = Signal(object)  # AlarmFilter
    choice_made = Signal()  # a list or box was used: the keyboard belongs to the queue again
    leave_down = Signal()  # Down in the search box: on to the alarms it found

    def __init__(
        self, model: AlarmQueueModel, operator_id: int, lang: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queue_filter_bar")
        self._operator_id = operator_id
        self.search = _SearchEdit()
        self.search.down_pressed.connect(self.leave_down)
        self.search.setObjectName("queue_search")
        self.search.setPlaceholderText(self.tr("Search site, name or account (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        placeholder = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText())
        self.search.setMinimumWidth(placeholder + 40)  # room for the clear button: the hint stays whole
        self.kind = QComboBox()
        self.kind.setObjectName("kind_filter")
        self.kind.addItem(self.tr("All kinds"), None)
        category_labels = self._category_labels()
        for priority in Priority:
            categories = [
                c for c, p in DEFAULT_PRIORITY.items() if p is priority and c not in INFORMATIONAL_CATEGORIES
            ]
            if not categories:
                continue  # informational signals never raise an alarm on their own
            self.kind.addItem(priority.label_fr if lang == "fr" else priority.label_en, kind_key(priority))
            for category in categories:
                self.kind.addItem(f"    {category_labels[category]}", kind_key(category))
        self.state = QComboBox()
        self.state.setObjectName("state_filter")
        self.state.addItem(self.tr("All states"), None)
        for state in (AlarmState.NEW, AlarmState.TAKEN, AlarmState.VERIFYING, AlarmState.DISPATCHED):
            self.state.addItem(model.state_label(state), state.value)
        self.mine = QCheckBox(self.tr("Mine only"))
        self.mine.setObjectName("mine_filter")
        self.count_label = QLabel()
        self.count_label.setObjectName("filter_count")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        for widget in (self.search, self.kind, self.state, self.mine, self.count_label):
            self._layout.addWidget(widget)
        self._layout.addStretch(1)
        self.search.textChanged.connect(self._on_changed)
        self.kind.currentIndexChanged.connect(self._on_changed)
        self.state.currentIndexChanged.connect(self._on_changed)
        self.mine.toggled.connect(self._on_changed)
        self.kind.activated.connect(self.choice_made)
        self.state.activated.connect(self.choice_made)
        self.mine.clicked.connect(self.choice_made)

    def current(self) -> AlarmFilter:
        kind = str(self.kind.currentData() or "")
        state = self.state.currentData()
        return AlarmFilter(
            priority=Priority(int(kind[2:])) if kind.startswith("p:") else None,
            category=EventCategory(kind[2:]) if kind.startswith("c:") else None,
            state=AlarmState(state) if state else None,
            holder_id=self._operator_id if self.mine.isChecked() else None,
            text=fold(self.search.text().strip()),
        )

    def clear(self) -> None:
        """Back to the whole queue, in one filter change."""
        widgets = (self.search, self.kind, self.state, self.mine)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.kind.setCurrentIndex(0)
        self.state.setCurrentIndex(0)
        self.mine.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._on_changed()

    def add_trailing(self, widget: QWidget) -> None:
        """A widget kept at the bar's right end (the shift's figures)."""
        self._layout.addWidget(widget)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_count(self, shown: int, total: int, active: bool) -> None:
        text = self.tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", str(total)) if active else ""
        if text != self.count_label.text():  # called after every batch of a flood: no needless relayout
            self.count_label.setText(text)

    @Slot()
    def _on_changed(self) -> None:
        self.filter_changed.emit(self.current())

    def _category_labels(self) -> dict[EventCategory, str]:
        return category_labels()

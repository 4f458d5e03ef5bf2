"""Live table model of the open alarms, in the operator's order (priority, then age).

Holds the domain `Alarm` values themselves, keyed by id, and applies changes row by row
(insert, update, move, remove) so selections and scroll positions survive a busy night; it never
resets. Ages tick through `tick()`, which repaints the clock column, plus the rows that became
(or stopped being) stalled: taken with no activity for too long, shown to supervisors for every
alarm and to an operator for their own.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from console.domain.alarm import Alarm, AlarmState
from console.domain.grouping import localized_title
from console.domain.priority import Priority
from console.domain.service_level import ClockLevel, ServiceTargets, age_seconds, clock_level
from console.domain.stall import (
    DEFAULT_STALL_AFTER_S,
    STALLABLE_STATES,
    Stalled,
    idle_seconds,
    stalled_alarms,
)
from console.views.formatting import format_date_time
from console.views.palette import CLOCK_COLOUR, PRIORITY_STRONG, PRIORITY_TINT, STALL_COLOUR
from console.views.table_base import ReadOnlyTableModel

ALARM_ROLE = Qt.ItemDataRole.UserRole + 1
ALARM_ID_ROLE = Qt.ItemDataRole.UserRole + 2
STALL_ROLE = Qt.ItemDataRole.UserRole + 3  # idle seconds of a stalled alarm shown to this viewer, else None

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PRIORITY = 0
    AGE = 1
    SITE = 2
    NAME = 3
    TITLE = 4
    STATE = 5
    OPERATOR = 6
    SIGNALS = 7


_COLUMNS = tuple(Column)  # by position: cheaper than Column(n) in data(), called for every painted cell
_STYLE_ROLES = frozenset(
    (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole)
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def format_age(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 3600:
        return f"{seconds // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 3600}h{(seconds % 3600) // 60:02d}"


class AlarmQueueModel(ReadOnlyTableModel):
    """Open alarms sorted by `Alarm.sort_key()`; closed alarms leave the model."""

    alarm_arrived = Signal(int)  # id of an alarm that was not in the queue before

    def __init__(
        self,
        lang: str = "en",
        targets: ServiceTargets | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._targets = targets or ServiceTargets()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._alarms: list[Alarm] = []
        self._keys: list[tuple[int, datetime, int]] = []
        self._by_id: dict[int, Alarm] = {}
        # Version each alarm had when it left the queue (closed): a read made before the close and
        # delivered after it must not bring the alarm back as a ghost that is still "taken".
        self._gone: dict[int, int] = {}
        self._now = self._clock()
        self._viewer_id: int | None = None
        self._sees_all_stalls = True
        self._stall_after_s = DEFAULT_STALL_AFTER_S
        self._holding: set[int] = set()  # ids of alarms in a state that can stall
        self._stalled: set[int] = set()  # of those, the ones shown stalled at the last tick
        self._headers = [
            self.tr("Priority"),
            self.tr("Waiting"),
            self.tr("Site"),
            self.tr("Name"),
            self.tr("Alarm"),
            self.tr("State"),
            self.tr("Operator"),
            self.tr("Signals"),
        ]
        self._path_word = self.tr("confirmed by alarm path")
        self._stalled_word = self.tr("stalled")
        self._idle_text = self.tr("No activity for %1")
        self._holder_text = self.tr("Handled by %1")
        # Made once, not per painted cell.
        self._stall_brush = QBrush(STALL_COLOUR)
        self._clock_brush = {level: QBrush(c) if c is not None else None for level, c in CLOCK_COLOUR.items()}
        self._strong_brush = {p: QBrush(c) for p, c in PRIORITY_STRONG.items()}
        self._tint_brush = {p: QBrush(c) for p, c in PRIORITY_TINT.items()}
        self._white = QBrush(Qt.GlobalColor.white)
        self._black = QBrush(Qt.GlobalColor.black)
        self._plain_font = QFont()
        self._plain_font.setBold(False)
        self._bold_font = QFont()
        self._bold_font.setBold(True)
        self._state_labels = {
            AlarmState.NEW: self.tr("New"),
            AlarmState.TAKEN: self.tr("Taken"),
            AlarmState.VERIFYING: self.tr("Verifying"),
            AlarmState.DISPATCHED: self.tr("Dispatched"),
            AlarmState.CLOSED: self.tr("Closed"),
        }

    # --- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._alarms)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Qt's own asks rowCount and columnCount (two calls into Python) for each index, and the
        filter proxy asks for one per painted cell."""
        if parent.isValid() or not (0 <= row < len(self._alarms) and 0 <= column < len(_COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._alarms):
            return None
        return self._value(self._alarms[index.row()], _COLUMNS[index.column()], role)

    def multiData(self, index: _Index, span: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role of a cell in one call: the item delegate asks for seven per painted cell, and
        each call from Qt into Python (taking the interpreter lock) costs more than its answer."""
        if not index.isValid() or not 0 <= index.row() < len(self._alarms):
            return
        alarm = self._alarms[index.row()]
        column = _COLUMNS[index.column()]
        items: Any = [span] if isinstance(span, QModelRoleData) else span  # the stubs lack len() and []
        for i in range(len(items)):
            item = items[i]  # the delegate reuses the span: every role is set or cleared
            value = self._value(alarm, column, item.role())
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def _value(self, alarm: Alarm, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(alarm, column)
        if role == ALARM_ROLE:
            return alarm
        if role == ALARM_ID_ROLE:
            return alarm.id
        if role == STALL_ROLE:
            return idle_seconds(alarm, self._now) if self._stall_shown(alarm) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (Column.AGE, Column.SIGNALS) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(alarm)
        if role not in _STYLE_ROLES:
            return None
        stall_cell = column in (Column.STATE, Column.OPERATOR) and self._stall_shown(alarm)
        if role == Qt.ItemDataRole.BackgroundRole:
            if stall_cell:
                return self._stall_brush
            if column is Column.AGE:
                brush = self._clock_brush[self._clock_level(alarm)]
                if brush is not None:
                    return brush
            if column is Column.PRIORITY:
                return self._strong_brush[alarm.priority]
            return self._tint_brush[alarm.priority]
        if role == Qt.ItemDataRole.ForegroundRole:
            if (
                stall_cell
                or column is Column.PRIORITY
                or (column is Column.AGE and self._clock_level(alarm) is ClockLevel.LATE)
            ):
                return self._white
            return self._black
        if stall_cell or alarm.state is AlarmState.NEW or column is Column.AGE:  # the font
            bold = (
                stall_cell
                or alarm.state is AlarmState.NEW
                or self._clock_level(alarm) is not ClockLevel.ON_TIME
            )
            return self._bold_font if bold else self._plain_font
        return None

    # --- content --------------------------------------------------------------------------

    def state_label(self, state: AlarmState) -> str:
        return self._state_labels[state]

    def alarm_at(self, row: int) -> Alarm | None:
        return self._alarms[row] if 0 <= row < len(self._alarms) else None

    def alarm(self, alarm_id: int) -> Alarm | None:
        return self._by_id.get(alarm_id)

    def row_of(self, alarm_id: int) -> int | None:
        alarm = self._by_id.get(alarm_id)
        if alarm is None:
            return None
        return bisect.bisect_left(self._keys, alarm.sort_key())

    def alarms(self) -> list[Alarm]:
        return list(self._alarms)

    @property
    def targets(self) -> ServiceTargets:
        return self._targets

    def now(self) -> datetime:
        """The model's clock (injected in tests): what the window's timers compare against."""
        return self._clock()

    def set_viewer(self, operator_id: int | None, sees_all_stalls: bool, stall_after_s: float) -> None:
        """Whose queue this is: supervisors are told of every stalled alarm, an operator of their own."""
        self._viewer_id = operator_id
        self._sees_all_stalls = sees_all_stalls
        self._stall_after_s = stall_after_s
        self.tick()

    def stalled(self) -> list[Stalled]:
        """Stalled alarms this viewer is told about, longest idle first (as of the last tick)."""
        held = [self._by_id[i] for i in self._holding]
        if not self._sees_all_stalls:
            held = [a for a in held if a.operator_id == self._viewer_id]
        return stalled_alarms(held, self._now, self._stall_after_s)

    def most_urgent_waiting(self) -> Priority | None:
        """Priority of the first untaken alarm in queue order: the tone to keep sounding."""
        return next((a.priority for a in self._alarms if a.state is AlarmState.NEW), None)

    def apply(self, alarms: Iterable[Alarm]) -> None:
        """Merge a batch of changed alarms: new ones inserted, known ones updated or moved, closed removed."""
        for alarm in alarms:
            known = self._by_id.get(alarm.id)
            if known is not None and alarm.version < known.version:
                continue  # an older read arriving late
            if known is None and alarm.version <= self._gone.get(alarm.id, 0):
                continue  # an older read of an alarm already closed
            if not alarm.is_open:
                self._gone[alarm.id] = max(alarm.version, self._gone.get(alarm.id, 0))
                if known is not None:
                    self._remove(known)
            elif known is None:
                self._insert(alarm)
                self.alarm_arrived.emit(alarm.id)
            else:
                self._update(known, alarm)

    def reset_to(self, alarms: Iterable[Alarm]) -> None:
        """Replace everything (first load, or after the database came back)."""
        open_alarms = sorted((a for a in alarms if a.is_open), key=Alarm.sort_key)
        self.beginResetModel()
        self._alarms = open_alarms
        self._keys = [a.sort_key() for a in open_alarms]
        self._by_id = {a.id: a for a in open_alarms}
        self._holding = {a.id for a in open_alarms if a.state in STALLABLE_STATES}
        self._stalled = set()
        self.endResetModel()

    def tick(self) -> None:
        """Advance the clocks: repaint the waiting-time column, and the rows whose stall changed."""
        self._now = self._clock()
        stalled = {i for i in self._holding if self._stall_shown(self._by_id[i])}
        for alarm_id in sorted(stalled ^ self._stalled):
            row = self.row_of(alarm_id)
            if row is not None:
                self._emit_row_changed(row)
        self._stalled = stalled
        if self._alarms:
            self.dataChanged.emit(
                self.index(0, Column.AGE),
                self.index(len(self._alarms) - 1, Column.AGE),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole],
            )

    # --- internals ------------------------------------------------------------------------

    def _clock_level(self, alarm: Alarm) -> ClockLevel:
        return clock_level(alarm, self._now, self._targets)

    def _stall_shown(self, alarm: Alarm) -> bool:
        if alarm.id not in self._holding:  # most rows: no date arithmetic at paint time
            return False
        if not self._sees_all_stalls and alarm.operator_id != self._viewer_id:
            return False
        idle = idle_seconds(alarm, self._now)
        return idle is not None and idle > self._stall_after_s

    def _tooltip(self, alarm: Alarm) -> str:
        lines = [
            f"{alarm.site_code} {alarm.site_name}",
            localized_title(alarm, self._lang),
            format_date_time(alarm.created_at, self._lang),
        ]
        if alarm.operator_login:
            lines.append(self._holder_text.replace("%1", alarm.operator_login))
        if self._stall_shown(alarm):
            lines.append(self._idle_text.replace("%1", format_age(idle_seconds(alarm, self._now) or 0)))
        return "\n".join(lines)

    def _track(self, alarm: Alarm) -> None:
        if alarm.state in STALLABLE_STATES:
            self._holding.add(alarm.id)
        else:
            self._holding.discard(alarm.id)

    def _display(self, alarm: Alarm, column: Column) -> str:
        if column is Column.PRIORITY:
            return alarm.priority.label_fr if self._lang == "fr" else alarm.priority.label_en
        if column is Column.AGE:
            return format_age(age_seconds(alarm, self._now))
        if column is Column.SITE:
            return alarm.site_code or alarm.account
        if column is Column.NAME:
            return alarm.site_name
        if column is Column.TITLE:
            title = localized_title(alarm, self._lang)
            return f"{title}   ✔ {self._path_word}" if alarm.path_confirmed_at else title
        if column is Column.STATE:
            state = self._state_labels[alarm.state]
            return f"⚠ {state} — {self._stalled_word}" if self._stall_shown(alarm) else state
        if column is Column.OPERATOR:
            return alarm.operator_login or ""
        return str(alarm.signal_count)

    def _insert(self, alarm: Alarm) -> None:
        key = alarm.sort_key()
        row = bisect.bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._alarms.insert(row, alarm)
        self._keys.insert(row, key)
        self._by_id[alarm.id] = alarm
        self._track(alarm)
        self.endInsertRows()

    def _remove(self, alarm: Alarm) -> None:
        row = bisect.bisect_left(self._keys, alarm.sort_key())
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._alarms[row]
        del self._keys[row]
        del self._by_id[alarm.id]
        self._holding.discard(alarm.id)
        self._stalled.discard(alarm.id)
        self.endRemoveRows()

    def _update(self, known: Alarm, alarm: Alarm) -> None:
        self._track(alarm)
        old_row = bisect.bisect_left(self._keys, known.sort_key())
        new_key = alarm.sort_key()
        if new_key != self._keys[old_row]:
            del self._keys[old_row]
            target = bisect.bisect_left(self._keys, new_key)
            self._keys.insert(old_row, known.sort_key())
            # beginMoveRows counts the destination before the move; moving down means one past it.
            destination = target + 1 if target > old_row else target
            if destination not in (old_row, old_row + 1):
                self.beginMoveRows(QModelIndex(), old_row, old_row, QModelIndex(), destination)
                del self._alarms[old_row]
                del self._keys[old_row]
                self._alarms.insert(target, alarm)
                self._keys.insert(target, new_key)
                self._by_id[alarm.id] = alarm
                self.endMoveRows()
                self._emit_row_changed(target)
                return
            self._keys[old_row] = new_key
        self._alarms[old_row] = alarm
        self._by_id[alarm.id] = alarm
        self._emit_row_changed(old_row)

    def _emit_row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(_COLUMNS) - 1))

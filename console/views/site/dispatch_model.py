"""Table model of an alarm's dispatches, with each responder's clock against the agreed delay.

Holds the domain `Dispatch` values; `tick()` repaints the clock and status columns only, so a
selection survives the second-by-second update. Late responders are painted in the late colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from console.domain.dispatch import (
    DelayCheck,
    Dispatch,
    DispatchKind,
    DispatchStatus,
    Timeliness,
    check_delay,
    format_elapsed,
)
from console.domain.service_level import ClockLevel
from console.views.formatting import format_time
from console.views.palette import CLOCK_COLOUR
from console.views.table_base import ReadOnlyTableModel

DISPATCH_ROLE = Qt.ItemDataRole.UserRole + 20
_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The clock and its verdict come early: the site window's column is narrow."""

    KIND = 0
    PROVIDER = 1
    ELAPSED = 2
    AGREED = 3
    STATUS = 4
    REQUESTED = 5
    ON_SITE = 6
    REFERENCE = 7
    REPORT = 8


def _whole_minutes(delta: timedelta) -> int:
    """Minutes as an operator says them: 4 min 10 s late is "5 min" late, 0 s is 0."""
    seconds = int(abs(delta.total_seconds()))
    return -(-seconds // 60)


class DispatchTableModel(ReadOnlyTableModel):
    def __init__(
        self, clock: Callable[[], datetime] | None = None, parent: QObject | None = None, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self._now = self._clock()
        self._dispatches: list[Dispatch] = []
        headers = {
            Column.KIND: self.tr("Responder"),
            Column.PROVIDER: self.tr("Name"),
            Column.ELAPSED: self.tr("Elapsed"),
            Column.AGREED: self.tr("Agreed"),
            Column.STATUS: self.tr("Status"),
            Column.REQUESTED: self.tr("Requested"),
            Column.ON_SITE: self.tr("On site"),
            Column.REFERENCE: self.tr("Ref."),
            Column.REPORT: self.tr("Report"),
        }
        self._headers = [headers[c] for c in Column]
        self.kind_labels = {
            DispatchKind.GUARD: self.tr("Guard company"),
            DispatchKind.KEYHOLDER: self.tr("Keyholder"),
            DispatchKind.TECHNICIAN: self.tr("Technician"),
            DispatchKind.POLICE: self.tr("Police"),
            DispatchKind.FIRE: self.tr("Fire brigade"),
            DispatchKind.AMBULANCE: self.tr("Ambulance (SAMU)"),
        }

    # --- content ----------------------------------------------------------------------------

    def set_clock(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock
        self.tick()

    def set_dispatches(self, dispatches: Sequence[Dispatch]) -> None:
        """Replace the content; same rows are updated in place so the selection stays put."""
        self._now = self._clock()
        new = list(dispatches)
        old_ids = [d.id for d in self._dispatches]
        new_ids = [d.id for d in new]
        if new_ids[: len(old_ids)] != old_ids:
            self.beginResetModel()
            self._dispatches = new
            self.endResetModel()
            return
        self._dispatches[: len(old_ids)] = new[: len(old_ids)]
        if old_ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(old_ids) - 1, len(Column) - 1))
        if len(new) > len(old_ids):
            self.beginInsertRows(QModelIndex(), len(old_ids), len(new) - 1)
            self._dispatches = new
            self.endInsertRows()

    def dispatches(self) -> list[Dispatch]:
        return list(self._dispatches)

    def dispatch_at(self, row: int) -> Dispatch | None:
        return self._dispatches[row] if 0 <= row < len(self._dispatches) else None

    def row_of(self, dispatch_id: int) -> int | None:
        return next((i for i, d in enumerate(self._dispatches) if d.id == dispatch_id), None)

    def delay(self, dispatch: Dispatch) -> DelayCheck:
        return check_delay(dispatch, self._now)

    def tick(self) -> None:
        """Advance the clocks: repaint the elapsed and status columns only."""
        self._now = self._clock()
        if self._dispatches:
            self.dataChanged.emit(
                self.index(0, Column.ELAPSED),
                self.index(len(self._dispatches) - 1, Column.STATUS),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole],
            )

    # --- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._dispatches)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._dispatches):
            return None
        if not 0 <= index.column() < len(Column):
            return None
        dispatch = self._dispatches[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(dispatch, column)
        if role == DISPATCH_ROLE:
            return dispatch
        clock_cell = column in (Column.ELAPSED, Column.STATUS)
        if role == Qt.ItemDataRole.BackgroundRole and clock_cell and self.delay(dispatch).is_late:
            return QBrush(CLOCK_COLOUR[ClockLevel.LATE] or Qt.GlobalColor.red)
        if role == Qt.ItemDataRole.ForegroundRole and clock_cell and self.delay(dispatch).is_late:
            return QBrush(Qt.GlobalColor.white)
        if role == Qt.ItemDataRole.FontRole and clock_cell and dispatch.is_open:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(dispatch)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.ELAPSED, Column.AGREED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- internals --------------------------------------------------------------------------

    def _display(self, dispatch: Dispatch, column: Column) -> str:
        if column is Column.KIND:
            return self.kind_labels[dispatch.kind]
        if column is Column.PROVIDER:
            return dispatch.provider
        if column is Column.REFERENCE:
            return dispatch.reference
        if column is Column.REQUESTED:
            return format_time(dispatch.requested_at, self._lang)
        if column is Column.ON_SITE:
            return format_time(dispatch.on_site_at, self._lang)
        if column is Column.ELAPSED:
            return format_elapsed(self.delay(dispatch).elapsed)
        if column is Column.AGREED:
            minutes = dispatch.agreed_delay_min
            return self.tr("%1 min").replace("%1", str(minutes)) if minutes else "—"
        if column is Column.STATUS:
            return self.status_text(dispatch)
        if dispatch.status is DispatchStatus.CANCELLED:
            return dispatch.cancel_reason
        return dispatch.report

    def status_text(self, dispatch: Dispatch) -> str:
        delay = self.delay(dispatch)
        margin = delay.margin
        off_by = str(_whole_minutes(margin)) if margin is not None else ""
        status = dispatch.status
        if status is DispatchStatus.CANCELLED:
            return self.tr("Cancelled")
        if status is DispatchStatus.REQUESTED:
            if delay.timeliness is Timeliness.OVERDUE:
                return self.tr("Overdue by %1 min").replace("%1", off_by)
            if delay.timeliness is Timeliness.WAITING:
                return self.tr("Awaited, %1 min left").replace("%1", off_by)
            return self.tr("Awaited")
        arrived = self.tr("On site") if status is DispatchStatus.ON_SITE else self.tr("Reported")
        if delay.timeliness is Timeliness.LATE:
            return self.tr("%1, late by %2 min").replace("%1", arrived).replace("%2", off_by)
        if delay.timeliness is Timeliness.ON_TIME:
            return self.tr("%1, on time").replace("%1", arrived)
        return arrived

    def _tooltip(self, dispatch: Dispatch) -> str:
        lines = [f"{self.kind_labels[dispatch.kind]} {dispatch.provider}".strip()]
        if dispatch.report:
            lines.append(self.tr("Report: %1").replace("%1", dispatch.report))
        if dispatch.cancel_reason:
            lines.append(self.tr("Cancelled: %1").replace("%1", dispatch.cancel_reason))
        return "\n".join(lines)

"""The queue repaints what changed and no more, and what it shows is always what a fresh paint draws.

Under a flood, a repaint of every visible cell (some 20-30 ms of the GUI thread) after each poll
made the event loop stall: the clock column's change of all rows, and rows inserted below the
screen, no longer repaint the whole table; the model answers every role of a cell in one call.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QEvent, QModelRoleData, QModelRoleDataSpan, QObject, QRect, Qt
from PySide6.QtGui import QImage, QPaintEvent
from PySide6.QtWidgets import QApplication

from console.domain.alarm import Alarm, AlarmState
from console.domain.priority import EventCategory, Priority
from console.views.queue.alarm_queue_model import AlarmQueueModel, Column
from console.views.queue.queue_filter import AlarmFilter
from console.views.queue.queue_table import QueueTable
from tests.domain.test_alarm_lifecycle import T0, new_alarm

NOW = T0 + timedelta(minutes=10)
STATES = (AlarmState.NEW, AlarmState.TAKEN, AlarmState.VERIFYING, AlarmState.DISPATCHED)


def varied_alarms(count: int) -> list[Alarm]:
    """Every priority, state and clock level, some stalled, some confirmed by an alarm path."""
    alarms = []
    for n in range(1, count + 1):
        state = STATES[n % len(STATES)]
        held = state is not AlarmState.NEW
        alarms.append(
            new_alarm(
                id=n,
                site_code=f"S-{n:04d}",
                site_name=f"Site {n}",
                priority=list(Priority)[n % len(Priority)],
                category=list(EventCategory)[n % 3],
                state=state,
                created_at=NOW - timedelta(seconds=7 * n),
                signal_count=n,
                operator_id=(1 if n % 3 else 2) if held else None,
                operator_login="bob" if held else None,
                taken_at=NOW - timedelta(seconds=5 * n) if held else None,
                last_activity_at=NOW - timedelta(minutes=n) if held else None,
                path_confirmed_at=NOW if n % 5 == 0 else None,
            )
        )
    return alarms


def queue(alarms: list[Alarm]) -> AlarmQueueModel:
    model = AlarmQueueModel(clock=lambda: NOW)
    model.reset_to(alarms)
    model.set_viewer(1, True, 300.0)
    return model


class PaintLog(QObject):
    """The rectangles the table's viewport repainted."""

    def __init__(self, table: QueueTable) -> None:
        super().__init__(table)
        self.rects: list[QRect] = []
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.rects.append(event.rect())
        return False


def shown_table(qtbot: Any, model: AlarmQueueModel) -> QueueTable:
    table = QueueTable(model)
    qtbot.addWidget(table)
    table.resize(1200, 500)  # some 15 rows on screen
    table.show()
    qtbot.waitExposed(table)
    settle()
    return table


def settle() -> None:
    for _ in range(3):  # the delayed layout, then the update it asked for
        QApplication.processEvents()


def on_screen_is_fresh(table: QueueTable) -> bool:
    """What the window shows now (the offscreen platform's backing store) is what painting the
    viewport from scratch draws: nothing stale was left there."""
    settle()
    window = table.window()
    screen = QApplication.primaryScreen().grabWindow(window.winId()).toImage()
    viewport = table.viewport()
    origin = viewport.mapTo(window, viewport.rect().topLeft())
    shown = screen.copy(origin.x(), origin.y(), viewport.width(), viewport.height())
    fresh: QImage = viewport.grab().toImage().convertToFormat(shown.format())
    return shown == fresh


def test_every_role_of_a_cell_in_one_call_answers_as_data_does(qtbot: Any) -> None:
    model = queue(varied_alarms(40))
    roles = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.ToolTipRole,
    ]
    for row in range(model.rowCount()):
        for column in Column:
            index = model.index(row, column)
            for role in roles:
                item = QModelRoleData(role)
                item.setData("left over from the previous cell")  # the delegate reuses its span
                model.multiData(index, QModelRoleDataSpan(item))
                assert item.data() == model.data(index, role), (row, column, role)


def test_the_clock_repaints_only_the_clock_column_on_screen(qtbot: Any) -> None:
    model = queue(varied_alarms(300))
    table = shown_table(qtbot, model)
    log = PaintLog(table)
    model.tick()
    settle()
    age_left = table.columnViewportPosition(Column.AGE)
    age_right = age_left + table.columnWidth(Column.AGE)
    assert log.rects, "the clock column was not repainted"
    for rect in log.rects:
        assert rect.left() >= age_left - 1 and rect.right() <= age_right + 1, rect
    assert on_screen_is_fresh(table)


def test_a_row_inserted_below_the_screen_repaints_nothing_on_it(qtbot: Any) -> None:
    alarms = varied_alarms(300)
    model = queue(alarms)
    table = shown_table(qtbot, model)
    log = PaintLog(table)
    youngest = replace(alarms[0], id=1000, priority=Priority.INFORMATION, created_at=NOW)
    model.apply([youngest])
    settle()
    assert model.row_of(1000) == model.rowCount() - 1
    assert log.rects == []
    assert on_screen_is_fresh(table)

    oldest = replace(alarms[0], id=1001, priority=Priority.LIFE_SAFETY, created_at=T0 - timedelta(days=1))
    model.apply([oldest])
    settle()
    assert model.row_of(1001) == 0
    assert any(rect.contains(table.viewport().rect()) for rect in log.rects)  # every row moved down
    assert on_screen_is_fresh(table)


def test_what_is_on_screen_follows_every_kind_of_change(qtbot: Any) -> None:
    alarms = varied_alarms(300)
    model = queue(alarms)
    table = shown_table(qtbot, model)
    assert on_screen_is_fresh(table)
    shown = model.alarm_at(2)
    low = model.alarm_at(250)
    assert shown is not None and low is not None
    changes: list[tuple[str, Any]] = [
        ("a join on screen", lambda: model.apply([replace(shown, signal_count=99, version=2)])),
        (
            "an alarm from below to the top",
            lambda: model.apply([replace(low, priority=Priority.LIFE_SAFETY, version=2)]),
        ),
        (
            "a close on screen",
            lambda: model.apply([replace(shown, state=AlarmState.CLOSED, closed_at=NOW, version=3)]),
        ),
        (
            "an insert below and a join on screen at once",
            lambda: model.apply(
                [
                    replace(alarms[0], id=2000, priority=Priority.INFORMATION, created_at=NOW),
                    replace(model.alarm_at(0) or alarms[0], signal_count=55, version=9),
                ]
            ),
        ),
        ("scrolled", lambda: table.verticalScrollBar().setValue(100)),
        (
            "an insert above the screen while scrolled",
            lambda: model.apply([replace(alarms[0], id=2001, priority=Priority.LIFE_SAFETY, created_at=T0)]),
        ),
        (
            "a reload with the same alarms, new values",
            lambda: model.reset_to([replace(a, signal_count=77) for a in model.alarms()]),
        ),
        ("a filter", lambda: table.set_filter(AlarmFilter(text="s-001"))),
        (
            "an insert while filtered",
            lambda: model.apply([replace(alarms[0], id=2002, site_code="S-0019", created_at=NOW)]),
        ),
        ("the filter off", lambda: table.set_filter(AlarmFilter())),
        ("resized", lambda: table.resize(900, 400)),
    ]
    for what, change in changes:
        change()
        assert on_screen_is_fresh(table), what

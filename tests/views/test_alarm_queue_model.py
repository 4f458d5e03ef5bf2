"""The queue model: Qt's model contract, ordering, and row-level updates without resets."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt

from console.domain.alarm import AlarmState
from console.domain.priority import EventCategory, Priority
from console.views.queue.alarm_queue_model import ALARM_ROLE, AlarmQueueModel, Column, format_age
from tests.domain.test_alarm_lifecycle import T0, new_alarm


def make_model() -> AlarmQueueModel:
    return AlarmQueueModel(clock=lambda: T0 + timedelta(seconds=95))


def ids(model: AlarmQueueModel) -> list[int]:
    return [model.data(model.index(r, 0), ALARM_ROLE).id for r in range(model.rowCount())]


def test_model_contract(qtmodeltester: object) -> None:
    model = make_model()
    model.apply([new_alarm(id=1), new_alarm(id=2, priority=Priority.LIFE_SAFETY)])
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_rows_are_sorted_by_priority_then_age(qtbot: object) -> None:
    model = make_model()
    model.apply(
        [
            new_alarm(id=1, created_at=T0),
            new_alarm(id=2, priority=Priority.TECHNICAL, created_at=T0 - timedelta(hours=1)),
            new_alarm(id=3, priority=Priority.LIFE_SAFETY, created_at=T0 + timedelta(seconds=30)),
            new_alarm(id=4, created_at=T0 - timedelta(seconds=10)),
        ]
    )
    assert ids(model) == [3, 4, 1, 2]


def test_updates_insert_move_and_remove_rows_without_reset(qtbot: object, qtmodeltester: object) -> None:
    model = make_model()
    model.apply([new_alarm(id=1), new_alarm(id=2, created_at=T0 + timedelta(seconds=5))])
    qtmodeltester.check(model)  # type: ignore[attr-defined]  # keeps checking every later change
    resets: list[bool] = []
    moves: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsMoved.connect(lambda _p, start, _e, _d, row: moves.append((start, row)))
    arrived: list[int] = []
    model.alarm_arrived.connect(arrived.append)

    model.apply([new_alarm(id=3, created_at=T0 + timedelta(seconds=9))])
    assert ids(model) == [1, 2, 3] and arrived == [3]

    escalated = replace(
        new_alarm(id=3, created_at=T0 + timedelta(seconds=9)),
        priority=Priority.LIFE_SAFETY,
        category=EventCategory.FIRE,
        version=2,
    )
    model.apply([escalated])
    assert ids(model) == [3, 1, 2] and moves == [(2, 0)]

    demoted = replace(new_alarm(id=1), priority=Priority.TECHNICAL, version=2)
    model.apply([demoted])
    assert ids(model) == [3, 2, 1]

    model.apply(
        [replace(new_alarm(id=2, created_at=T0 + timedelta(seconds=5)), state=AlarmState.TAKEN, version=2)]
    )
    assert model.data(model.index(1, Column.STATE)) == "Taken"

    model.apply([replace(escalated, state=AlarmState.CLOSED, version=3)])
    assert ids(model) == [2, 1]
    assert resets == [] and arrived == [3]


def test_stale_update_is_ignored(qtbot: object) -> None:
    model = make_model()
    model.apply([replace(new_alarm(id=1), state=AlarmState.TAKEN, version=3)])
    model.apply([replace(new_alarm(id=1), version=2)])
    assert model.alarm(1).state is AlarmState.TAKEN  # type: ignore[union-attr]


def test_age_ticks_and_colours_escalate(qtbot: object) -> None:
    now = [T0 + timedelta(seconds=10)]
    model = AlarmQueueModel(clock=lambda: now[0])
    model.apply([new_alarm(id=1)])
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda tl, br, _r=None: changed.append((tl.column(), br.column())))
    cell = model.index(0, Column.AGE)
    assert model.data(cell) == "00:10"
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color().name() == "#ffe0b2"  # the priority tint
    now[0] = T0 + timedelta(seconds=75)
    model.tick()
    assert changed == [(Column.AGE, Column.AGE)]
    assert model.data(cell) == "01:15"
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color().name() == "#d50000"


def test_format_age() -> None:
    assert format_age(0) == "00:00"
    assert format_age(61) == "01:01"
    assert format_age(3 * 3600 + 120) == "3h02"


def test_path_confirmed_alarm_says_so(qtbot: object) -> None:
    model = make_model()
    model.apply([replace(new_alarm(id=1, title="Intrusion"), path_confirmed_at=T0 + timedelta(seconds=20))])
    assert model.data(model.index(0, Column.TITLE)) == "Intrusion   ✔ confirmed by alarm path"


def test_a_read_older_than_the_close_does_not_bring_the_alarm_back(qtbot: object) -> None:
    """The soak test's ghost: a close applied at once, then the change feed's earlier read of the
    taken alarm arriving after it; the closed alarm stayed in the queue as taken, and the next
    alarm of the site was looked up as that ghost."""
    model = make_model()
    taken = replace(new_alarm(id=1), state=AlarmState.TAKEN, version=2)
    model.apply([new_alarm(id=1), taken, new_alarm(id=2)])
    model.apply([replace(taken, state=AlarmState.CLOSED, version=3)])
    model.apply([taken])  # late
    assert ids(model) == [2] and model.alarm(1) is None
    model.apply([replace(new_alarm(id=1), version=1), new_alarm(id=3)])  # still older, with a new one
    assert sorted(ids(model)) == [2, 3]

"""The floor plan draws the alarm path: trips numbered in time order and joined by arrows."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QGraphicsSimpleTextItem

from console.views.floor_plan import FloorPlanWidget, PathStep
from console.views.formatting import format_time
from tests.views.test_site_window import T0, site_file


def labels(widget: FloorPlanWidget) -> list[str]:
    return sorted(i.text().split()[0] for i in widget.path_items if isinstance(i, QGraphicsSimpleTextItem))


def test_path_is_numbered_in_time_order_and_joined(qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = site_file()
    widget = FloorPlanWidget()
    qtbot.addWidget(widget)
    widget.set_site(plan.plans, plan.zones)
    steps = [PathStep(3, T0 + timedelta(seconds=9)), PathStep(1, T0), PathStep(2, T0 + timedelta(seconds=4))]
    widget.set_path(steps)  # given out of order
    texts = {i.text() for i in widget.path_items if isinstance(i, QGraphicsSimpleTextItem)}
    first = f"1  {format_time(T0, 'en')}"  # the language's format, in local time
    assert first in texts and labels(widget) == ["1", "2", "3"]
    segments = [i for i in widget.path_items if not isinstance(i, QGraphicsSimpleTextItem)]
    assert len(segments) == 2 * 2  # two legs, each a dashed line and an arrow head


def test_path_survives_a_level_change_and_can_be_cleared(qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = site_file()
    widget = FloorPlanWidget()
    qtbot.addWidget(widget)
    widget.set_site(plan.plans, plan.zones)
    widget.set_path([PathStep(1, T0), PathStep(2, T0 + timedelta(seconds=3))])
    widget.set_tripped([1, 2])  # redraws the level
    assert labels(widget) == ["1", "2"]
    widget.set_path([])
    assert widget.path_items == []


def test_new_trips_flash_until_acknowledged_from_the_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from console.views.site_window import SiteWindow
    from tests.domain.test_alarm_lifecycle import new_alarm
    from tests.views.test_site_window import signal

    window = SiteWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_alarm(new_alarm(), site_file(), [signal(1, 0)], [])
    plan = window.plan
    assert not plan.acknowledged
    assert plan._flash_timer.isActive()
    halo_states = set()
    for _ in range(2):  # two ticks of the flash timer, driven by hand: no timing in the test
        plan._flash_timer.timeout.emit()
        halo_states.add(plan.zone_items[1]._halo.isVisible())
    assert halo_states == {True, False}  # it blinks
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert plan.acknowledged and plan.zone_items[1]._halo.isVisible()
    window.show_alarm(new_alarm(), site_file(), [signal(1, 0), signal(2, 5)], [])  # a new zone trips
    assert not plan.acknowledged


def test_replay_draws_the_path_one_trip_at_a_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = site_file()
    widget = FloorPlanWidget()
    qtbot.addWidget(widget)
    widget.set_site(plan.plans, plan.zones)
    widget.set_path(
        [PathStep(1, T0), PathStep(2, T0 + timedelta(seconds=4)), PathStep(3, T0 + timedelta(seconds=9))]
    )
    widget.replay()
    seen = [labels(widget)]
    while widget._replay_timer.isActive():  # drive the replay's ticks by hand
        widget._replay_timer.timeout.emit()
        seen.append(labels(widget))
    assert seen == [[], ["1"], ["1", "2"], ["1", "2", "3"]]

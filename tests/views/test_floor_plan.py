"""The floor plan draws the alarm path: trips numbered in time order and joined by arrows."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from console.views.formatting import format_time
from console.views.site.floor_plan import FloorPlanWidget, PathStep
from console.views.site.site_window import SiteWindow
from tests.factories import T0, alarm_record
from tests.views.test_site_window import site_file


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

    from console.views.site.site_window import SiteWindow
    from tests.domain.test_alarm_lifecycle import new_alarm
    from tests.views.test_site_window import signal

    window = SiteWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_alarm(alarm_record(new_alarm(), site_file(), [signal(1, 0)], []))
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
    window.show_alarm(
        alarm_record(new_alarm(), site_file(), [signal(1, 0), signal(2, 5)], [])
    )  # a new zone trips
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


BIG_SVG = b"""<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 3000 2000' width='3000' height='2000'>
<rect x='0' y='0' width='3000' height='2000' fill='white'/></svg>"""


def path_label_screen_pt(widget: FloorPlanWidget) -> float:
    label = next(i for i in widget.path_items if isinstance(i, QGraphicsSimpleTextItem))
    return label.font().pointSizeF() * widget.view.zoom_level


def test_a_large_plan_opens_readable_on_the_alarm_and_zooms_from_the_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    """At the site window's default size, path numbers and times are at least 10 pt on screen,
    the alarm's zones are in view, and + / - / 0 zoom in, out and back to the fit."""
    plan = site_file()
    big = replace(
        plan,
        plans=(replace(plan.plans[0], content=BIG_SVG),),
        zones=tuple(replace(z, x=2400 + 60 * z.number, y=1500) for z in plan.zones),
    )
    window = SiteWindow()
    qtbot.addWidget(window)
    window.resize(1400, 900)  # as the other site-window tests: a second screen's share
    window.show()
    window.apply_default_layout()
    widget = window.plan
    for _ in range(2):  # two alarms in a row on the same big plan
        widget.set_site(big.plans, big.zones)
        widget.set_path([PathStep(1, T0), PathStep(2, T0 + timedelta(seconds=4))])
        widget.set_tripped([1, 2])
        qtbot.waitUntil(lambda: widget.view.isVisible())
        widget.view.fit()
        assert path_label_screen_pt(widget) >= 10
        shown = widget.view.mapToScene(widget.view.viewport().rect()).boundingRect()
        assert shown.contains(widget.zone_items[1].pos()) and shown.contains(widget.zone_items[2].pos())
    fitted = widget.view.zoom_level
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_Plus)
    assert widget.view.zoom_level > fitted
    qtbot.keyClick(widget.view, Qt.Key.Key_Minus)
    qtbot.keyClick(widget.view, Qt.Key.Key_Minus)
    assert widget.view.zoom_level < fitted
    qtbot.keyClick(widget.view, Qt.Key.Key_0)
    assert widget.view.zoom_level == pytest.approx(fitted)
    window.grab().save("/tmp/forms_plan.png")

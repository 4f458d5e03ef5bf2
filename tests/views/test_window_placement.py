"""Each window's placement is restored, and brought back when its screen is gone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from console.views.window_placement import (
    default_geometry,
    is_visible_somewhere,
    place_within,
    restore_window,
    save_window,
)


def settings_at(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "placement.ini"), QSettings.Format.IniFormat)


def test_geometry_is_restored_per_window(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    screen = QGuiApplication.primaryScreen().availableGeometry()
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setGeometry(QRect(screen.x() + 40, screen.y() + 50, 500, 300))
    save_window(window, settings_at(tmp_path), "queue_window")
    again = QMainWindow()
    qtbot.addWidget(again)
    restore_window(again, settings_at(tmp_path), "queue_window", 0)
    assert again.geometry().size().toTuple() == (500, 300)
    assert again.geometry().topLeft().toTuple() == (screen.x() + 40, screen.y() + 50)


def test_window_saved_on_a_missing_screen_comes_back(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setGeometry(QRect(10_000, 200, 640, 480))  # where a second screen used to be
    assert not is_visible_somewhere(window.frameGeometry())
    save_window(window, settings_at(tmp_path), "site_window")
    again = QMainWindow()
    qtbot.addWidget(again)
    restore_window(again, settings_at(tmp_path), "site_window", 1)
    assert is_visible_somewhere(again.frameGeometry())
    assert again.width() <= max(640, default_geometry(1).width())


def test_first_start_puts_site_window_on_second_screen_or_right_half(qtbot) -> None:  # type: ignore[no-untyped-def]
    primary = QGuiApplication.primaryScreen().availableGeometry()
    site = default_geometry(1)
    if len(QGuiApplication.screens()) > 1:
        assert not primary.contains(site.center())
    else:
        assert site.left() >= primary.center().x() - 1 and site.right() <= primary.right()


def test_service_targets_come_from_settings(tmp_path: Path) -> None:
    from console.domain.service_level import ServiceTargets
    from console.views.workstation import service_targets

    settings = settings_at(tmp_path)
    assert service_targets(settings) == ServiceTargets(30, 60)
    settings.setValue("service_level/take_within_s", "20")
    settings.setValue("service_level/take_late_s", "45")
    assert service_targets(settings) == ServiceTargets(20, 45)
    settings.setValue("service_level/take_late_s", "10")  # inconsistent: back to defaults
    assert service_targets(settings) == ServiceTargets(30, 60)


def test_one_screen_is_shared_without_overlap_and_two_screens_each_get_one() -> None:
    one = [QRect(0, 0, 1920, 1080)]
    queue, site = default_geometry(0, one), default_geometry(1, one)
    assert not queue.intersects(site)  # the site window no longer covers half of the queue
    assert queue.united(site) == one[0]  # and together they use the whole screen
    assert queue.width() >= 1115  # every column of the queue at its set width
    small = [QRect(0, 0, 1280, 800)]
    assert default_geometry(0, small).width() == 640 and default_geometry(1, small).left() == 640
    two = [QRect(0, 0, 1920, 1080), QRect(1920, 0, 1280, 1024)]
    assert default_geometry(0, two) == two[0] and default_geometry(1, two) == two[1]


def test_queue_window_on_a_shared_full_hd_screen_shows_its_figures_and_status_bar(qtbot) -> None:  # type: ignore[no-untyped-def]
    from console.domain.alarm import Operator
    from console.views.queue.alarm_queue_model import AlarmQueueModel
    from console.views.queue.queue_window import QueueWindow

    screen = QRect(0, 0, 1920, 1080)
    window = QueueWindow(AlarmQueueModel(), None, Operator(1, "amelie", "Amélie"))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    place_within(window, default_geometry(0, [screen]))
    qtbot.waitUntil(lambda: window.frameGeometry().size() == default_geometry(0, [screen]).size())
    assert screen.contains(window.frameGeometry()) and screen.contains(window.geometry())
    inside = window.geometry().translated(-window.geometry().topLeft())  # the window's own area
    for widget in (window.statusBar(), window.shift_panel, window.status_label):
        assert widget.isVisible()
        top_left = widget.mapTo(window, widget.rect().topLeft())
        bottom_right = widget.mapTo(window, widget.rect().bottomRight())
        assert inside.contains(top_left) and inside.contains(bottom_right), widget.objectName()
    table = window.table
    columns = sum(table.columnWidth(c) for c in range(table.model().columnCount()))
    assert columns <= table.viewport().width()  # no column scrolled out of sight

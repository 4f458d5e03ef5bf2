"""Where each window goes: restored per window, on a visible screen, site window on the second screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow


def _screens() -> list[QScreen]:
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    return [primary, *[s for s in screens if s is not primary]] if primary else list(screens)


# The queue's columns at their set widths, plus its frame: below this its columns scroll out of sight.
QUEUE_FULL_WIDTH = 1160
SITE_MIN_WIDTH = 640  # the site window's header, procedure and plan still readable


def default_geometry(screen_index: int, areas: Sequence[QRect] | None = None) -> QRect:
    """Queue on the first screen, site on the second; with one screen they share it side by side.

    `areas` are the screens' available rectangles, primary first (the connected screens by default).
    Sharing one screen, the queue gets the width its columns need (at least half the screen) so its
    columns, service-level figures and status bar stay in view, and the site window the rest.
    """
    if areas is None:
        areas = [screen.availableGeometry() for screen in _screens()]
    if not areas:
        return QRect(0, 0, 1280, 800)
    if len(areas) > 1:
        return QRect(areas[min(screen_index, len(areas) - 1)])
    area = areas[0]
    queue_width = max(area.width() // 2, min(QUEUE_FULL_WIDTH, area.width() - SITE_MIN_WIDTH))
    if screen_index == 0:
        return QRect(area.x(), area.y(), queue_width, area.height())
    return QRect(area.x() + queue_width, area.y(), area.width() - queue_width, area.height())


def place_within(window: QMainWindow, area: QRect) -> None:
    """Put the window, frame included, inside `area`: its title bar and frame must not push the
    status bar off the bottom of the screen (the margins are known once the window is shown)."""
    extra = window.frameGeometry().size() - window.geometry().size()
    window.resize(max(1, area.width() - extra.width()), max(1, area.height() - extra.height()))
    window.move(area.topLeft())  # move() places the frame


def is_visible_somewhere(rect: QRect) -> bool:
    """True when enough of the window's title area lies on a connected screen to grab it."""
    title = QRect(rect.x(), rect.y(), rect.width(), min(40, rect.height()))
    for screen in _screens():
        visible = screen.availableGeometry().intersected(title)
        if visible.width() >= 100 and visible.height() >= 20:
            return True
    return False


def restore_window(window: QMainWindow, settings: QSettings, key: str, screen_index: int) -> bool:
    """Put a window back where it was; returns whether its dock layout was restored too."""
    geometry = settings.value(f"{key}/geometry")
    state = settings.value(f"{key}/state")
    restored = geometry is not None and window.restoreGeometry(geometry)
    if not restored or not is_visible_somewhere(window.frameGeometry()):
        target = default_geometry(screen_index)
        if restored:  # the screen it was on is gone: keep its size, bring it back
            size = window.size().boundedTo(target.size())
            window.setGeometry(QRect(target.topLeft(), size))
        else:
            place_within(window, target)
    return state is not None and window.restoreState(state)


def save_window(window: QMainWindow, settings: QSettings, key: str) -> None:
    settings.setValue(f"{key}/geometry", window.saveGeometry())
    settings.setValue(f"{key}/state", window.saveState())

"""Where each window goes: restored per window, on a visible screen, site window on the second screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow


def _screens() -> list[QScreen]:
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    return [primary, *[s for s in screens if s is not primary]] if primary else list(screens)


def default_geometry(screen_index: int) -> QRect:
    """Queue on the first screen, site on the second; with one screen they share it side by side."""
    screens = _screens()
    if not screens:
        return QRect(0, 0, 1280, 800)
    if screen_index < len(screens):
        return screens[screen_index].availableGeometry()
    area = screens[0].availableGeometry()
    half = area.width() // 2
    return QRect(area.x() + half, area.y(), area.width() - half, area.height())


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
    restored = geometry is not None and window.restoreGeometry(geometry)  # type: ignore[arg-type]
    if not restored or not is_visible_somewhere(window.frameGeometry()):
        target = default_geometry(screen_index)
        if restored:  # the screen it was on is gone: keep its size, bring it back
            size = window.size().boundedTo(target.size())
            window.setGeometry(QRect(target.topLeft(), size))
        else:
            window.setGeometry(target)
    return state is not None and window.restoreState(state)  # type: ignore[arg-type]


def save_window(window: QMainWindow, settings: QSettings, key: str) -> None:
    settings.setValue(f"{key}/geometry", window.saveGeometry())
    settings.setValue(f"{key}/state", window.saveState())

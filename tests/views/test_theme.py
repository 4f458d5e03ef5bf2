"""Themes and font scaling."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QListWidget, QVBoxLayout, QWidget

from console.views.theme import FOCUS_COLOUR, apply_theme


@pytest.fixture
def restore_look(qapp: QApplication):  # type: ignore[no-untyped-def]
    palette, font, sheet = qapp.palette(), qapp.font(), qapp.styleSheet()
    yield qapp
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


def test_dark_theme_darkens_windows_and_light_restores(restore_look: QApplication) -> None:
    apply_theme(restore_look, "dark")
    assert restore_look.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert restore_look.palette().color(QPalette.ColorRole.WindowText).lightness() > 200
    assert "indicator" in restore_look.styleSheet()
    apply_theme(restore_look, "light")
    assert restore_look.palette().color(QPalette.ColorRole.Window).lightness() > 180
    assert "indicator" not in restore_look.styleSheet()


def test_font_scale_is_relative_to_the_base_size(restore_look: QApplication) -> None:
    apply_theme(restore_look, "light", 1.0)
    base = restore_look.font().pointSizeF()
    apply_theme(restore_look, "light", 1.5)
    assert restore_look.font().pointSizeF() == pytest.approx(base * 1.5)
    apply_theme(restore_look, "light", 1.5)  # applying twice does not compound
    assert restore_look.font().pointSizeF() == pytest.approx(base * 1.5)


@pytest.mark.parametrize(("theme", "scale"), [("pink", 1.0), ("dark", 0.1), ("light", 9.0)])
def test_nonsense_is_refused(restore_look: QApplication, theme: str, scale: float) -> None:
    with pytest.raises(ValueError, match=r"theme|font scale"):
        apply_theme(restore_look, theme, scale)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_list_holding_the_keyboard_is_outlined(qtbot, restore_look: QApplication, theme: str) -> None:  # type: ignore[no-untyped-def]
    apply_theme(restore_look, theme)
    window = QWidget()
    layout = QVBoxLayout(window)
    lists = [QListWidget(), QListWidget()]
    for widget in lists:
        widget.addItems(["Appeler le gérant", "Envoyer un agent"])
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()

    def edge(widget: QListWidget) -> QColor:
        return widget.grab().toImage().pixelColor(0, widget.height() // 2)

    for focused, other in (lists, lists[::-1]):  # the outline follows the keyboard
        focused.setFocus()
        qtbot.waitUntil(focused.hasFocus)
        assert edge(focused) == QColor(FOCUS_COLOUR)
        assert edge(other) != QColor(FOCUS_COLOUR)

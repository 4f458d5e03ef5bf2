"""Light theme for the day, dark theme for night shifts, and font scaling for tired eyes.

Fusion style with an explicit palette, so the console looks the same on every desktop. Meaning
colours (priorities, clocks, tripped zones) stay as they are: they are chosen to read on both.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("light", "dark")

_DARK = {
    QPalette.ColorRole.Window: "#263238",
    QPalette.ColorRole.WindowText: "#eceff1",
    QPalette.ColorRole.Base: "#1e272c",
    QPalette.ColorRole.AlternateBase: "#2c393f",
    QPalette.ColorRole.ToolTipBase: "#37474f",
    QPalette.ColorRole.ToolTipText: "#eceff1",
    QPalette.ColorRole.Text: "#eceff1",
    QPalette.ColorRole.Button: "#2f3d44",
    QPalette.ColorRole.ButtonText: "#eceff1",
    QPalette.ColorRole.BrightText: "#ff5252",
    QPalette.ColorRole.Highlight: "#1565c0",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#90caf9",
    QPalette.ColorRole.PlaceholderText: "#90a4ae",
}


_DARK_INDICATORS = """
QAbstractItemView::indicator { width: 13px; height: 13px; border: 1px solid #b0bec5; background: #37474f; }
QAbstractItemView::indicator:checked { background: #90caf9; border-color: #e3f2fd; }
"""


# Lists, tables and the plan show where the keyboard is: a keyboard-first console must never leave
# the operator guessing which panel T, Space or Return acts on (text fields show their caret).
FOCUS_COLOUR = "#ff9800"
_FOCUS = f"""
QAbstractItemView:focus, QGraphicsView:focus {{ border: 2px solid {FOCUS_COLOUR}; }}
"""


def apply_theme(app: QApplication, theme: str = "light", font_scale: float = 1.0) -> None:
    """Apply a theme and scale the application font (1.0 = the system size)."""
    if theme not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}, not {theme!r}")
    if not 0.5 <= font_scale <= 3.0:
        raise ValueError("font scale must be between 0.5 and 3")
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    palette = app.style().standardPalette()
    if theme == "dark":
        for role, colour in _DARK.items():
            palette.setColor(role, QColor(colour))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#78909c"))
    app.setPalette(palette)
    # Fusion draws item-view check boxes dark on dark: give them an outline the night shift can see.
    app.setStyleSheet(_FOCUS + (_DARK_INDICATORS if theme == "dark" else ""))
    font = QFont(app.font())
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    app.setProperty("vigie_base_point_size", app.property("vigie_base_point_size") or base)
    font.setPointSizeF(float(app.property("vigie_base_point_size")) * font_scale)
    app.setFont(font)

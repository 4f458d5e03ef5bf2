"""The menus both windows share: sign out, quit and the keyboard shortcuts (F1).

The two windows are on two screens; whichever the operator is looking at answers F1, Ctrl+Q and
sign-out alike. The actions only ask: the workstation decides (held alarms, the journal).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.views.shortcuts_help import shortcuts_table

SIGN_OUT_KEY = "Ctrl+Shift+L"
QUIT_KEY = "Ctrl+Q"
SUPERVISION_KEY = "Ctrl+Shift+S"
ADMINISTRATION_KEY = "Ctrl+Shift+A"


def window_action(
    window: QMainWindow, name: str, text: str, key: str, slot: Callable[[], object] | None = None
) -> QAction:
    """An action named `action_<name>` whose key works anywhere in `window`, whatever menu or
    toolbar shows it (both windows build their keyboard from these)."""
    action = QAction(text, window)
    action.setObjectName(f"action_{name}")
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if slot is not None:
        action.triggered.connect(slot)
    window.addAction(action)
    return action


def add_session_menu(
    window: QMainWindow,
    on_sign_out: Callable[[], None],
    on_quit: Callable[[], None],
    on_supervision: Callable[[], None] | None = None,
    on_administration: Callable[[], None] | None = None,
) -> dict[str, QAction]:
    """A "Console" menu first in the bar: Supervision (Ctrl+Shift+S, disabled until the workstation finds the
    operator may audit), Administration (Ctrl+Shift+A, likewise for those who may administer), Sign out
    (Ctrl+Shift+L) and Quit (Ctrl+Q)."""
    first = window.menuBar().actions()[0] if window.menuBar().actions() else None
    menu = window.menuBar().addMenu(QCoreApplication.translate("SessionMenu", "&Console"))
    if first is not None:
        window.menuBar().insertMenu(first, menu)
    actions = {
        "sign_out": window_action(
            window,
            "sign_out",
            QCoreApplication.translate("SessionMenu", "Sign out"),
            SIGN_OUT_KEY,
            on_sign_out,
        ),
        "quit": window_action(
            window, "quit", QCoreApplication.translate("SessionMenu", "Quit"), QUIT_KEY, on_quit
        ),
    }
    if on_supervision is not None:
        supervision = window_action(
            window,
            "supervision",
            QCoreApplication.translate("SessionMenu", "Supervision…"),
            SUPERVISION_KEY,
            on_supervision,
        )
        supervision.setEnabled(False)
        actions["supervision"] = supervision
        menu.addAction(supervision)
    if on_administration is not None:
        administration = window_action(
            window,
            "administration",
            QCoreApplication.translate("SessionMenu", "Administration…"),
            ADMINISTRATION_KEY,
            on_administration,
        )
        administration.setEnabled(False)
        actions["administration"] = administration
        menu.addAction(administration)
    if on_supervision is not None or on_administration is not None:
        menu.addSeparator()
    menu.addAction(actions["sign_out"])
    menu.addSeparator()
    menu.addAction(actions["quit"])
    return actions


def add_help_menu(window: QMainWindow) -> QAction:
    """Help > Keyboard shortcuts (F1): every key of both windows, in the operator's language."""
    action = window_action(
        window,
        "shortcuts",
        QCoreApplication.translate("SessionMenu", "Keyboard shortcuts"),
        "F1",
        lambda: show_shortcuts(window),
    )
    window.menuBar().addMenu(QCoreApplication.translate("SessionMenu", "&Help")).addAction(action)
    return action


class ShortcutsDialog(QDialog):
    """The F1 list: scrollable (it is longer than a screen's height at large font scales), closed
    with Escape or Return, non-modal so the queue and its tones go on."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_help")
        self.setWindowTitle(QCoreApplication.translate("SessionMenu", "Keyboard shortcuts"))
        self.browser = QTextBrowser()
        self.browser.setHtml(shortcuts_table())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        screen = parent.screen().availableGeometry() if parent.screen() is not None else None
        height = int(screen.height() * 0.8) if screen is not None else 700
        self.resize(640, min(height, 900))

    def text(self) -> str:
        return self.browser.toPlainText()


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    box = ShortcutsDialog(window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    box.browser.setFocus()
    return box

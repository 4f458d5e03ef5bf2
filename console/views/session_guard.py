"""Leaving the desk: Console > Lock (Ctrl+L) hides both windows behind a curtain until the operator's
password is typed again; Console > Hand over… (Ctrl+Shift+H), or "another operator" on the lock
screen, ends the session so that the next operator, once signed in, takes every alarm held.

Alarms keep arriving while the console is locked: the lock screen counts those waiting, so the
operator coming back (or the next one) sees at once that there is work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Operator
from console.services.shift_change import ShiftChange
from console.views.background import Background

Verify = Callable[[str, str], Operator | None]  # login, password -> the operator, or None (journaled)


class _Curtain(QWidget):
    """An opaque cover over a window's whole content: nothing of the sites shows while away."""

    def __init__(self, window: QMainWindow, text: str) -> None:
        super().__init__(window)
        self.setObjectName("lock_curtain")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lock_curtain { background: #263238; } QLabel { color: white; font-size: 18pt; }")
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)
        window.installEventFilter(self)
        self.setGeometry(window.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class LockDialog(QDialog):
    """Password of the operator who locked, or another operator's sign-in for a hand-over."""

    unlock_requested = Signal(str, str)  # login, password

    def __init__(self, operator: Operator, locked_at: datetime, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lock_dialog")
        self.setWindowTitle(self.tr("Console locked"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self._operator = operator
        who = self.tr("Locked by %1 since %2").replace("%1", operator.display_name or operator.login)
        self.title = QLabel(who.replace("%2", f"{locked_at.astimezone():%H:%M}"))
        self.waiting = QLabel()
        self.waiting.setObjectName("lock_waiting")
        self.waiting.setStyleSheet("font-weight: bold; color: #c62828")
        self.login = QLineEdit(operator.login)
        self.login.setObjectName("lock_login")
        self.password = QLineEdit()
        self.password.setObjectName("lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setWordWrap(True)
        self.unlock = QPushButton(self.tr("&Unlock"))
        self.unlock.setDefault(True)
        self.unlock.clicked.connect(self._on_unlock)
        self.login.textChanged.connect(self._on_login_changed)
        layout = QVBoxLayout(self)
        for widget in (
            self.title,
            self.waiting,
            QLabel(self.tr("Login")),
            self.login,
            QLabel(self.tr("Password")),
        ):
            layout.addWidget(widget)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.unlock)
        layout.addLayout(row)
        self.password.setFocus()

    def reject(self) -> None:
        """Escape does not unlock."""

    @Slot(str)
    def _on_login_changed(self, login: str) -> None:
        other = login.strip() != self._operator.login
        self.unlock.setText(self.tr("Take &over") if other else self.tr("&Unlock"))
        self.message.setText(
            self.tr("Signing in as another operator hands over the alarms %1 holds.").replace(
                "%1", self._operator.display_name or self._operator.login
            )
            if other
            else ""
        )

    @Slot()
    def _on_unlock(self) -> None:
        self.unlock.setEnabled(False)
        self.unlock_requested.emit(self.login.text().strip(), self.password.text())

    def refused(self) -> None:
        """The same words for any refusal: no hint of which of login and password was wrong."""
        self.password.clear()
        self.message.setText(self.tr("Wrong login or password."))
        self.unlock.setEnabled(True)


class SessionGuard(QObject):
    """Lock and hand-over for a workstation's two windows."""

    locked_changed = Signal(bool)
    handover_wanted = Signal()  # the session ends; the next operator's sign-in takes the alarms

    def __init__(
        self,
        windows: tuple[QMainWindow, ...],
        operator: Operator,
        shift_change: ShiftChange,
        verify: Verify,
        waiting: Callable[[], int],
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._windows = windows
        self._operator = operator
        self._shift = shift_change
        self._verify = verify
        self._waiting = waiting
        self._clock = clock
        self._calls = Background("session_guard", self)
        self._curtains: list[_Curtain] = []
        self.dialog: LockDialog | None = None
        self._count = QTimer(self)
        self._count.setObjectName("lock_waiting_count")
        self._count.setInterval(1000)
        self._count.timeout.connect(self._on_count)
        self.actions: list[QAction] = []
        for window in windows:
            self.actions.append(
                self._action(window, "lock", self.tr("Lock the console"), "Ctrl+L", self.lock)
            )
            self.actions.append(
                self._action(window, "hand_over", self.tr("Hand over…"), "Ctrl+Shift+H", self.hand_over)
            )

    def _action(
        self, window: QMainWindow, name: str, text: str, key: str, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, window)
        action.setObjectName(f"action_{name}")
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        window.addAction(action)
        menus = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
        if menus and menus[0].actions():
            menus[0].insertAction(menus[0].actions()[-1], action)  # the Console menu, before Quit
        elif menus:
            menus[0].addAction(action)
        return action

    @property
    def locked(self) -> bool:
        return bool(self._curtains)

    def stop(self) -> None:
        self._count.stop()
        self._calls.stop()

    @Slot()
    def lock(self) -> None:
        if self.locked:
            return
        text = self.tr("Console locked")
        self._curtains = [_Curtain(window, text) for window in self._windows]
        for curtain in self._curtains:
            curtain.show()
            curtain.raise_()
        self._calls.run(
            lambda: self._shift.record_lock(self._operator, True), lambda _none: None, lambda _e: None
        )
        self.dialog = LockDialog(self._operator, self._clock(), self._windows[0])
        self.dialog.unlock_requested.connect(self._on_unlock_requested)
        self._on_count()
        self._count.start()
        self.dialog.open()
        self.locked_changed.emit(True)

    @Slot()
    def _on_count(self) -> None:
        if self.dialog is not None:
            count = self._waiting()
            self.dialog.waiting.setText(
                self.tr("%1 alarm(s) waiting in the queue").replace("%1", str(count)) if count else ""
            )

    @Slot(str, str)
    def _on_unlock_requested(self, login: str, password: str) -> None:
        self._calls.run(
            lambda: self._verify(login, password), self._on_verified, lambda _e: self._on_verified(None)
        )

    def _on_verified(self, operator: Operator | None) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        if operator is None:
            dialog.refused()
            return
        if operator.id != self._operator.id:  # the next operator: they sign in again, and take over
            self.hand_over()
            return
        self._calls.run(
            lambda: self._shift.record_lock(self._operator, False), lambda _none: None, lambda _e: None
        )
        self._unlock()

    def _unlock(self) -> None:
        self._count.stop()
        for curtain in self._curtains:
            curtain.deleteLater()
        self._curtains = []
        if self.dialog is not None:
            self.dialog.done(0)
            self.dialog.deleteLater()
            self.dialog = None
        self.locked_changed.emit(False)

    @Slot()
    def hand_over(self) -> None:
        """End the session for the next operator, whose sign-in takes the alarms held."""
        self.handover_wanted.emit()

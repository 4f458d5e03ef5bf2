"""Operator sign-in at the start of a shift."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from console.domain.alarm import Operator


class LoginDialog(QDialog):
    def __init__(
        self, authenticate: Callable[[str, str], Operator | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vigie — Sign in"))
        self._authenticate = authenticate
        self.operator: Operator | None = None
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("login")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Login"), self.login_edit)
        form.addRow(self.tr("&Password"), self.password_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def propose_login(self, login: str) -> None:
        """`--operator LOGIN`: the login filled in, the password asked."""
        self.login_edit.setText(login)
        self.password_edit.setFocus()

    def _on_accept(self) -> None:
        operator = self._authenticate(self.login_edit.text().strip(), self.password_edit.text())
        if operator is None:
            self.error.setText(self.tr("Unknown login or wrong password."))
            self.error.show()
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.operator = operator
        self.accept()

"""Closing an alarm: a disposition and a comment, both required, errors shown next to the field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Alarm, Disposition
from console.domain.grouping import localized_title

_ERROR_STYLE = "color: #c62828;"


# disposition, comment, reason for skipped steps -> None when closed, else the refusal to show
Submit = Callable[[Disposition, str, str], str | None]


class CloseAlarmDialog(QDialog):
    """Stays open until the close succeeds: a refusal is shown next to the field it is about."""

    def __init__(
        self, alarm: Alarm, lang: str = "en", parent: QWidget | None = None, submit: Submit | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close alarm %1").replace("%1", str(alarm.id)))
        self.setObjectName("close_alarm_dialog")
        self.disposition_box = QComboBox()
        self.disposition_box.setObjectName("disposition")
        self.disposition_box.addItem(self.tr("— choose —"), None)
        for disposition in Disposition:
            self.disposition_box.addItem(disposition.label(lang), disposition.value)
        self.disposition_error = QLabel()
        self.disposition_error.setStyleSheet(_ERROR_STYLE)
        self.disposition_error.hide()
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setObjectName("comment")
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setPlaceholderText(
            self.tr("What was done, who was reached, the outcome (Ctrl+Return to close the alarm)")
        )
        self.comment_error = QLabel()
        self.comment_error.setStyleSheet(_ERROR_STYLE)
        self.comment_error.hide()
        self.skip_reason_edit = QLineEdit()
        self.skip_reason_edit.setObjectName("skip_reason")
        self.skip_reason_edit.setPlaceholderText(self.tr("Only if mandatory procedure steps were not done"))
        self.skip_reason_error = QLabel()
        self.skip_reason_error.setStyleSheet(_ERROR_STYLE)
        self.skip_reason_error.setWordWrap(True)
        self.skip_reason_error.hide()
        self._submit = submit

        form = QFormLayout()
        form.addRow(QLabel(f"<b>{alarm.site_code}</b> {alarm.site_name} — {localized_title(alarm, lang)}"))
        form.addRow(self.tr("&Disposition"), self.disposition_box)
        form.addRow("", self.disposition_error)
        form.addRow(self.tr("&Comment"), self.comment_edit)
        form.addRow("", self.comment_error)
        form.addRow(self.tr("Steps &skipped because"), self.skip_reason_edit)
        form.addRow("", self.skip_reason_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Close alarm"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # Ctrl+Return closes from anywhere in the dialog, even inside the multi-line comment.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self._on_accept)
        self.disposition_box.setFocus()

    @property
    def disposition(self) -> Disposition | None:
        value = self.disposition_box.currentData()
        return Disposition(value) if value else None

    @property
    def comment(self) -> str:
        return self.comment_edit.toPlainText().strip()

    def _on_accept(self) -> None:
        ok = True
        if self.disposition is None:
            self.disposition_error.setText(self.tr("Choose how the alarm ended."))
            self.disposition_error.show()
            ok = False
        else:
            self.disposition_error.hide()
        if not self.comment:
            self.comment_error.setText(self.tr("A closing comment is required."))
            self.comment_error.show()
            ok = False
        else:
            self.comment_error.hide()
        if ok and self._submit is not None:
            assert self.disposition is not None
            refusal = self._submit(self.disposition, self.comment, self.skip_reason_edit.text().strip())
            if refusal is not None:
                self.skip_reason_error.setText(refusal)
                self.skip_reason_error.show()
                self.skip_reason_edit.setFocus()
                return
        if ok:
            self.accept()
        elif self.disposition is None:
            self.disposition_box.setFocus()
        else:
            self.comment_edit.setFocus()

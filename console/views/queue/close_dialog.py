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

from console.domain.alarm import (
    DEFAULT_MIN_COMMENT_WORDS,
    MIN_SKIP_REASON_WORDS,
    Alarm,
    Disposition,
    needs_test_confirmation,
    word_count,
)
from console.domain.grouping import localized_title

_ERROR_STYLE = "color: #c62828;"


# disposition, comment, reason for skipped steps, then `answer(None)` once closed, else
# `answer(refusal to show)`; the close is recorded off the GUI thread, so the answer comes later.
Answer = Callable[[str | None], None]
Submit = Callable[[Disposition, str, str, Answer], None]


class CloseAlarmDialog(QDialog):
    """Stays open until the close succeeds: a refusal is shown next to the field it is about."""

    def __init__(
        self,
        alarm: Alarm,
        lang: str = "en",
        parent: QWidget | None = None,
        submit: Submit | None = None,
        min_comment_words: int = DEFAULT_MIN_COMMENT_WORDS,
    ) -> None:
        super().__init__(parent)
        self._alarm = alarm
        self._min_comment_words = max(1, min_comment_words)
        self._test_confirmed = False
        where = f"{alarm.site_code} {alarm.site_name}".strip() or alarm.account  # words, not a row id
        self.setWindowTitle(self.tr("Close the alarm — %1").replace("%1", where))
        self.setObjectName("close_alarm_dialog")
        self.disposition_box = QComboBox()
        self.disposition_box.setObjectName("disposition")
        self.disposition_box.addItem(self.tr("— choose —"), None)
        for disposition in Disposition:
            self.disposition_box.addItem(disposition.label(lang), disposition.value)
        self.disposition_error = QLabel()
        self.disposition_error.setStyleSheet(_ERROR_STYLE)
        self.disposition_error.setWordWrap(True)
        self.disposition_error.hide()
        self.disposition_box.currentIndexChanged.connect(self._on_disposition_changed)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setObjectName("comment")
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setPlaceholderText(
            self.tr("What was done, who was reached, the outcome (Ctrl+Return to close the alarm)")
        )
        self.comment_error = QLabel()
        self.comment_error.setStyleSheet(_ERROR_STYLE)
        self.comment_error.setWordWrap(True)
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
        self._ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok_button.setText(self.tr("Close alarm"))
        self.waiting = False  # the close was sent and is not answered yet
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

    def _on_disposition_changed(self) -> None:
        self._test_confirmed = False  # a confirmation is for the disposition it was asked about

    def _check_disposition(self) -> bool:
        disposition = self.disposition
        if disposition is None:
            self.disposition_error.setText(self.tr("Choose how the alarm ended."))
        elif needs_test_confirmation(self._alarm, disposition) and not self._test_confirmed:
            # Asked once beside the field; closing again (Ctrl+Return) confirms it.
            self._test_confirmed = True
            self.disposition_error.setText(
                self.tr(
                    "This is a life-safety alarm: close it as a test only if it really was one. "
                    "Close again to confirm."
                )
            )
        else:
            self.disposition_error.hide()
            return True
        self.disposition_error.show()
        return False

    def _check_comment(self) -> bool:
        if not self.comment:
            self.comment_error.setText(self.tr("A closing comment is required."))
        elif word_count(self.comment) < self._min_comment_words:
            self.comment_error.setText(
                self.tr("Write at least %1 words: what was done, who was reached, the outcome.").replace(
                    "%1", str(self._min_comment_words)
                )
            )
        else:
            self.comment_error.hide()
            return True
        self.comment_error.show()
        return False

    def _check_skip_reason(self) -> bool:
        reason = self.skip_reason_edit.text().strip()
        if reason and word_count(reason) < MIN_SKIP_REASON_WORDS:
            self.skip_reason_error.setText(
                self.tr("Say in at least %1 words why the steps were not done.").replace(
                    "%1", str(MIN_SKIP_REASON_WORDS)
                )
            )
            self.skip_reason_error.show()
            return False
        self.skip_reason_error.hide()
        return True

    def _on_accept(self) -> None:
        disposition_ok = self._check_disposition()
        comment_ok = self._check_comment()
        reason_ok = self._check_skip_reason()
        ok = disposition_ok and comment_ok
        if ok and not reason_ok:
            self.skip_reason_edit.setFocus()
            return
        if ok and self._submit is not None:
            assert self.disposition is not None
            if self.waiting:  # Ctrl+Return twice: the first close is on its way
                return
            self.waiting = True
            self._ok_button.setEnabled(False)
            self._submit(
                self.disposition, self.comment, self.skip_reason_edit.text().strip(), self._on_answer
            )
            return
        if ok:
            self.accept()
        elif not disposition_ok:
            self.disposition_box.setFocus()
        else:
            self.comment_edit.setFocus()

    def _on_answer(self, refusal: str | None) -> None:
        """The close was recorded (the dialog goes), or refused (said beside the reason field)."""
        self.waiting = False
        self._ok_button.setEnabled(True)
        if refusal is None:
            self.accept()
            return
        self.skip_reason_error.setText(refusal)
        self.skip_reason_error.show()
        self.skip_reason_edit.setFocus()

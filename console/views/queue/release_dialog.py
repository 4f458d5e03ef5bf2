"""A supervisor releasing an alarm another operator holds says why: the journal keeps the reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from console.domain.alarm import MIN_SKIP_REASON_WORDS, Alarm, word_count


def ask_release_reason(parent: QWidget, alarm: Alarm, release: Callable[[str], object]) -> QInputDialog:
    """Non-blocking (the queue goes on); `release(reason)` runs once a reason of a few words is given."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("release_reason")
    dialog.setWindowTitle(
        QCoreApplication.translate("ReleaseDialog", "Release an alarm held by %1").replace(
            "%1", alarm.operator_login or "?"
        )
    )
    prompt = QCoreApplication.translate(
        "ReleaseDialog", "Why do you take %1's alarm at %2 back to the queue? (a few words, journaled)"
    )
    dialog.setLabelText(
        prompt.replace("%1", alarm.operator_login or "?").replace("%2", alarm.site_code or alarm.account)
    )
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def on_done(reason: str) -> None:
        if word_count(reason) < MIN_SKIP_REASON_WORDS:
            again = ask_release_reason(parent, alarm, release)
            again.setLabelText(
                QCoreApplication.translate("ReleaseDialog", "A reason of at least two words is needed.")
                + "\n"
                + dialog.labelText()
            )
            again.setTextValue(reason)
            return
        release(reason.strip())

    dialog.textValueSelected.connect(on_done)
    dialog.open()
    return dialog

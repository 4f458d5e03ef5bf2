"""The close dialog stays open on a refusal and shows it next to the field it is about."""

from __future__ import annotations

from console.domain.alarm import Disposition
from console.views.close_dialog import CloseAlarmDialog
from tests.domain.test_alarm_lifecycle import new_alarm


def test_refusal_is_shown_by_the_reason_field_until_a_reason_is_given(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[Disposition, str, str]] = []

    def submit(disposition: Disposition, comment: str, reason: str) -> str | None:
        calls.append((disposition, comment, reason))
        return None if reason else "Mandatory procedure steps not done: 3. Give a reason to close anyway."

    dialog = CloseAlarmDialog(new_alarm(), submit=submit)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.disposition_box.setCurrentIndex(dialog.disposition_box.findData(Disposition.TEST.value))
    dialog.comment_edit.setPlainText("Essai technicien")
    accepted: list[bool] = []
    dialog.accepted.connect(lambda: accepted.append(True))
    dialog._on_accept()
    assert dialog.isVisible() and dialog.skip_reason_error.isVisible()
    assert "steps not done: 3" in dialog.skip_reason_error.text()
    assert accepted == []
    dialog.skip_reason_edit.setText("technicien sur site")
    dialog._on_accept()
    assert accepted == [True]
    assert calls == [
        (Disposition.TEST, "Essai technicien", ""),
        (Disposition.TEST, "Essai technicien", "technicien sur site"),
    ]

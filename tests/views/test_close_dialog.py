"""The close dialog stays open on a refusal and shows it next to the field it is about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from console.domain.alarm import Disposition, Operator
from console.domain.priority import EventCategory, Priority
from console.views.queue.alarm_queue_model import AlarmQueueModel
from console.views.queue.close_dialog import Answer, CloseAlarmDialog
from console.views.queue.queue_settings import read_queue_settings
from console.views.queue.queue_window import QueueWindow
from tests.domain.test_alarm_lifecycle import new_alarm


def test_refusal_is_shown_by_the_reason_field_until_a_reason_is_given(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[Disposition, str, str]] = []

    def submit(disposition: Disposition, comment: str, reason: str, answer: Answer) -> None:
        calls.append((disposition, comment, reason))
        answer(None if reason else "Mandatory procedure steps not done: 3. Give a reason to close anyway.")

    dialog = CloseAlarmDialog(new_alarm(), submit=submit)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.disposition_box.setCurrentIndex(dialog.disposition_box.findData(Disposition.TEST.value))
    dialog.comment_edit.setPlainText("Essai technicien sur site")
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
        (Disposition.TEST, "Essai technicien sur site", ""),
        (Disposition.TEST, "Essai technicien sur site", "technicien sur site"),
    ]


def _choose(dialog: CloseAlarmDialog, disposition: Disposition) -> None:
    dialog.disposition_box.setCurrentIndex(dialog.disposition_box.findData(disposition.value))


def test_a_comment_of_a_few_words_and_a_real_skip_reason_are_asked_beside_their_fields(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[Disposition, str, str]] = []

    def submit(disposition: Disposition, comment: str, reason: str, answer: Answer) -> None:
        calls.append((disposition, comment, reason))
        answer(None)

    dialog = CloseAlarmDialog(new_alarm(), submit=submit, min_comment_words=3)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(dialog, Disposition.FALSE_ALARM_USER)
    dialog.comment_edit.setPlainText("ok")
    dialog._on_accept()
    assert dialog.isVisible() and dialog.comment_error.isVisible()
    assert (
        dialog.comment_error.text() == "Write at least 3 words: what was done, who was reached, the outcome."
    )
    assert dialog.comment_error.wordWrap()
    dialog.comment_edit.setPlainText("Client joint, fausse manip")
    dialog.skip_reason_edit.setText("x")
    dialog._on_accept()
    assert not dialog.comment_error.isVisible() and dialog.skip_reason_error.isVisible()
    assert dialog.skip_reason_error.text() == "Say in at least 2 words why the steps were not done."
    assert calls == [] and dialog.isVisible()
    dialog.skip_reason_edit.setText("client sur place")
    dialog._on_accept()
    assert calls == [(Disposition.FALSE_ALARM_USER, "Client joint, fausse manip", "client sur place")]
    assert not dialog.isVisible()


def test_closing_a_fire_as_a_test_asks_for_confirmation_but_an_intrusion_does_not(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[Disposition] = []

    def submit(disposition: Disposition, comment: str, reason: str, answer: Answer) -> None:
        calls.append(disposition)
        answer(None)

    fire = new_alarm(id=8, priority=Priority.LIFE_SAFETY, category=EventCategory.FIRE)
    dialog = CloseAlarmDialog(fire, submit=submit)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(dialog, Disposition.TEST)
    dialog.comment_edit.setPlainText("Essai annoncé par le client")
    dialog._on_accept()
    assert calls == [] and dialog.isVisible() and dialog.disposition_error.isVisible()
    assert "life-safety alarm" in dialog.disposition_error.text()
    _choose(dialog, Disposition.FALSE_ALARM_TECHNICAL)
    _choose(dialog, Disposition.TEST)  # changing the disposition asks again
    dialog._on_accept()
    assert calls == [] and dialog.isVisible()
    dialog._on_accept()  # the second close confirms
    assert calls == [Disposition.TEST] and not dialog.isVisible()

    intrusion = CloseAlarmDialog(new_alarm(), submit=submit)
    qtbot.addWidget(intrusion)
    intrusion.show()
    _choose(intrusion, Disposition.TEST)
    intrusion.comment_edit.setPlainText("Essai annoncé par le client")
    intrusion._on_accept()
    assert calls == [Disposition.TEST, Disposition.TEST] and not intrusion.isVisible()


def test_the_minimum_comment_length_comes_from_console_ini_into_the_queue_close_dialog(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    assert read_queue_settings(settings).min_comment_words == 3
    settings.setValue("closing/min_comment_words", "nonsense")
    assert read_queue_settings(settings).min_comment_words == 3
    settings.setValue("closing/min_comment_words", "5")
    assert read_queue_settings(settings).min_comment_words == 5

    window = QueueWindow(
        AlarmQueueModel(),
        desk=None,  # type: ignore[arg-type]
        operator=Operator(1, "amelie", "Amélie"),
        settings=settings,
    )
    qtbot.addWidget(window)
    dialog = window.close_alarm(new_alarm())
    _choose(dialog, Disposition.FALSE_ALARM_USER)
    dialog.comment_edit.setPlainText("Client joint, fausse manip")  # 4 words: one short of 5
    dialog._on_accept()
    assert dialog.comment_error.isVisible() and "at least 5 words" in dialog.comment_error.text()
    dialog.reject()


def test_the_dialog_waits_for_the_close_to_be_recorded_and_sends_it_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The close is written off the GUI thread: until it is answered the dialog stays, its button
    disabled, and a second Ctrl+Return sends nothing more; a late refusal is shown by the field."""
    answers: list[Answer] = []

    def submit(disposition: Disposition, comment: str, reason: str, answer: Answer) -> None:
        answers.append(answer)

    dialog = CloseAlarmDialog(new_alarm(), submit=submit)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(dialog, Disposition.FALSE_ALARM_USER)
    dialog.comment_edit.setPlainText("Client joint, fausse manipulation")
    for _ in range(2):
        dialog._on_accept()
        assert len(answers) == 1 and dialog.isVisible() and dialog.waiting
        assert not dialog._ok_button.isEnabled()
    answers[0]("Database unreachable: try again.")
    assert dialog.isVisible() and dialog._ok_button.isEnabled()
    assert dialog.skip_reason_error.text() == "Database unreachable: try again."
    dialog._on_accept()
    assert len(answers) == 2
    answers[1](None)
    assert not dialog.isVisible()

"""View > Language: the choice is saved in console.ini and the next start uses it (--lang still wins)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from console.domain.alarm import Operator
from console.views.i18n import LANGUAGE_KEY, configured_language
from console.views.queue.alarm_queue_model import AlarmQueueModel
from console.views.queue.queue_window import QueueWindow


def test_choosing_a_language_saves_it_for_the_next_start(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ini = str(tmp_path / "console.ini")
    settings = QSettings(ini, QSettings.Format.IniFormat)
    window = QueueWindow(
        AlarmQueueModel(lang="en"),
        desk=None,  # type: ignore[arg-type]
        operator=Operator(1, "amelie", "Amélie"),
        lang="en",
        settings=settings,
    )
    qtbot.addWidget(window)
    assert window.language_actions["en"].isChecked()

    window.language_actions["fr"].trigger()
    assert window.language_actions["fr"].isChecked() and not window.language_actions["en"].isChecked()
    assert "next start" in window.statusBar().currentMessage()

    next_start = QSettings(ini, QSettings.Format.IniFormat)  # read back from the file
    assert next_start.value(LANGUAGE_KEY) == "fr"
    assert configured_language(next_start) == "fr"
    assert configured_language(next_start, "en") == "en"  # the command line keeps priority
    assert "[appearance]" in Path(ini).read_text()


def test_a_nonsense_language_in_the_file_falls_back_to_the_system(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "klingon")
    assert configured_language(settings) in ("fr", "en")

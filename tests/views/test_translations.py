"""French interface: every string shown goes through Qt's translation system and has a translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt

from console.domain.alarm import Operator
from console.resources import resource
from console.views.queue.alarm_queue_model import AlarmQueueModel
from console.views.queue.queue_window import QueueWindow

ROOT = Path(__file__).resolve().parents[2]
TS = resource("i18n", "vigie_fr.ts")


def sources(path: Path) -> set[tuple[str, str]]:
    tree = ET.parse(path)
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in tree.iter("context")
        for message in context.iter("message")
    }


def test_ts_file_lists_every_string_of_the_views(tmp_path: Path) -> None:
    """Fails when a tr() string was added or changed without running lupdate (see tools/translations_fr.py)."""
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    fresh = tmp_path / "fresh.ts"
    views = sorted(str(p) for p in (ROOT / "console" / "views").rglob("*.py"))
    subprocess.run([lupdate, *views, "-ts", str(fresh), "-locations", "none", "-silent"], check=True)
    assert sources(fresh) == sources(TS)


def test_every_string_has_a_french_translation() -> None:
    tree = ET.parse(TS)
    untranslated = [
        message.findtext("source")
        for message in tree.iter("message")
        if not (message.findtext("translation") or "").strip()
        or (
            message.find("translation") is not None
            and message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        )
    ]
    assert untranslated == []


def test_queue_window_speaks_french(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    assert len(french) == 2  # Qt's own strings and Vigie's
    window = QueueWindow(AlarmQueueModel(lang="fr"), desk=None, operator=Operator(1, "amelie", "Amélie"))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert window.actions_by_name["take"].text() == "Prendre"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Priorité"
    assert window.windowTitle() == "Vigie — File d'alarmes — Amélie"

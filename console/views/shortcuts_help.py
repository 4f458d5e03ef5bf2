"""The F1 panel: every keyboard shortcut of the console, in the operator's language.

Each entry names the key sequences it documents (portable text, as `QKeySequence.toString` gives
them), so a test can check that every shortcut of both windows is listed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

PORTABLE = QKeySequence.SequenceFormat.PortableText


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark `text` for translation in `context`; it is translated where it is shown."""
    return text


@dataclass(frozen=True)
class ShortcutHelp:
    keys: tuple[str, ...]  # QKeySequence portable text of each key documented
    text: str  # English, translated in the QueueWindow context where shown
    shown_as: str = ""  # how the key column reads, when not simply the keys joined

    @property
    def key_label(self) -> str:
        return self.shown_as or " / ".join(self.keys)


def _entry(keys: str, text: str, shown_as: str = "") -> ShortcutHelp:
    return ShortcutHelp(tuple(k.strip() for k in keys.split(",")), text, shown_as)


QUEUE_SHORTCUTS: list[ShortcutHelp] = [
    _entry("T", QT_TRANSLATE_NOOP("QueueWindow", "Take the selected alarm, or the most urgent new one")),
    _entry(
        "Return, Enter",
        QT_TRANSLATE_NOOP("QueueWindow", "Open the selected alarm in the site window"),
        "Return",
    ),
    _entry("V", QT_TRANSLATE_NOOP("QueueWindow", "Start verification (doubt removal)")),
    _entry("D", QT_TRANSLATE_NOOP("QueueWindow", "Mark as dispatched")),
    _entry("C", QT_TRANSLATE_NOOP("QueueWindow", "Close with a disposition and a comment")),
    _entry("R", QT_TRANSLATE_NOOP("QueueWindow", "Release the alarm back to the queue")),
    _entry("Ctrl+F", QT_TRANSLATE_NOOP("QueueWindow", "Search the queue by site code, name or account")),
    _entry("Down", QT_TRANSLATE_NOOP("QueueWindow", "In the search box: back to the alarm list")),
    _entry("Escape", QT_TRANSLATE_NOOP("QueueWindow", "Clear the queue filters")),
    _entry("Ctrl+M", QT_TRANSLATE_NOOP("QueueWindow", "Mute or unmute the alarm tones for this shift")),
    _entry("F2", QT_TRANSLATE_NOOP("QueueWindow", "Go to the site window, and back to the queue")),
    _entry("Ctrl+Shift+L", QT_TRANSLATE_NOOP("QueueWindow", "Sign out (the next operator signs in)")),
    _entry("Ctrl+Q", QT_TRANSLATE_NOOP("QueueWindow", "Quit the console")),
    _entry(
        "Ctrl+Shift+S",
        QT_TRANSLATE_NOOP(
            "QueueWindow",
            "Supervision window: history, call audit, reports, analysis, journal chain (supervisors and admins)",
        ),
    ),
    _entry(
        "Ctrl+Shift+A",
        QT_TRANSLATE_NOOP(
            "QueueWindow",
            "Administration window: sites, transmitters, call lists, procedures (admins; supervisors as allowed)",
        ),
    ),
]

SITE_SHORTCUTS: list[ShortcutHelp] = [
    _entry("A", QT_TRANSLATE_NOOP("QueueWindow", "Site window: acknowledge the flashing tripped zones")),
    _entry("P", QT_TRANSLATE_NOOP("QueueWindow", "Site window: replay the alarm path on the plan")),
    _entry("+, -, 0", QT_TRANSLATE_NOOP("QueueWindow", "Floor plan: zoom in, zoom out, fit the plan")),
    _entry(
        "Alt+1, Alt+2, Alt+3",
        QT_TRANSLATE_NOOP("QueueWindow", "Site window: go to the floor plan, the procedure, the contacts"),
    ),
    _entry(
        "F6, Shift+F6",
        QT_TRANSLATE_NOOP("QueueWindow", "Site window: next / previous panel (plan, procedure, contacts)"),
    ),
    _entry(
        "Up, Down, Space",
        QT_TRANSLATE_NOOP(
            "QueueWindow", "Site window, procedure: move between the steps, tick the current one"
        ),
        "Up / Down, Space",
    ),
    _entry("Return", QT_TRANSLATE_NOOP("QueueWindow", "Site window, contacts: call the selected contact")),
    _entry("C", QT_TRANSLATE_NOOP("QueueWindow", "Site window: close the alarm shown")),
    _entry(
        "Ctrl+Return, Ctrl+Enter",
        QT_TRANSLATE_NOOP("QueueWindow", "Close dialog, dispatch report: record it"),
        "Ctrl+Return",
    ),
    _entry(
        "Return, Enter, Escape",
        QT_TRANSLATE_NOOP("QueueWindow", "Dispatch request form: send it; Escape goes back"),
        "Return / Esc",
    ),
    _entry("I", QT_TRANSLATE_NOOP("QueueWindow", "Dispatch: request a guard or a public service")),
    _entry("S", QT_TRANSLATE_NOOP("QueueWindow", "Dispatch: the selected responder is on site")),
    _entry("E", QT_TRANSLATE_NOOP("QueueWindow", "Dispatch: report of the selected responder")),
    _entry("X", QT_TRANSLATE_NOOP("QueueWindow", "Dispatch: cancel the selected dispatch")),
    _entry("Ctrl+E", QT_TRANSLATE_NOOP("QueueWindow", "Site window: edit the floor plans (supervisors)")),
    _entry("Ctrl+L", QT_TRANSLATE_NOOP("QueueWindow", "Lock the console while away from the desk")),
    _entry(
        "Ctrl+Shift+H", QT_TRANSLATE_NOOP("QueueWindow", "Hand over: the next operator takes the alarms held")
    ),
    _entry(
        "Ctrl+Shift+T",
        QT_TRANSLATE_NOOP("QueueWindow", "Site window: put the site on test (installer's visit)"),
    ),
    _entry("F9", QT_TRANSLATE_NOOP("QueueWindow", "Phone: answer the incoming call")),
    _entry("F10", QT_TRANSLATE_NOOP("QueueWindow", "Phone: hold or resume the call")),
    _entry("F11", QT_TRANSLATE_NOOP("QueueWindow", "Phone: mute or unmute the microphone")),
    _entry("F12", QT_TRANSLATE_NOOP("QueueWindow", "Phone: hang up")),
    _entry("F8", QT_TRANSLATE_NOOP("QueueWindow", "Phone, listen-in: switch between listening and talking")),
    _entry(
        "0, 1, 2, 3, 4, 5, 6, 7, 8, 9, *, #",
        QT_TRANSLATE_NOOP(
            "QueueWindow",
            "Phone, number field: type a number, Return calls it; during a call the keys send DTMF",
        ),
        "0–9 * #",
    ),
    _entry("F1", QT_TRANSLATE_NOOP("QueueWindow", "Show the keyboard shortcuts")),
]

SHORTCUTS: list[ShortcutHelp] = QUEUE_SHORTCUTS + SITE_SHORTCUTS


def documented_keys() -> set[str]:
    """Every key sequence the F1 panel names, as Qt writes it ("Escape" is "Esc")."""
    return {QKeySequence(key).toString(PORTABLE) or key for entry in SHORTCUTS for key in entry.keys}


def shortcuts_table() -> str:
    """The shortcuts as an HTML table, translated where shown (the strings live in the QueueWindow context)."""
    rows = "".join(
        f"<tr><td><b>{entry.key_label}</b></td>"
        f"<td>{QCoreApplication.translate('QueueWindow', entry.text)}</td></tr>"
        for entry in SHORTCUTS
    )
    return f"<table cellpadding='4'>{rows}</table>"

"""The F1 panel: every keyboard shortcut of the console, in the operator's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark `text` for translation in `context`; it is translated where it is shown."""
    return text


SHORTCUTS: list[tuple[str, str]] = [
    ("T", QT_TRANSLATE_NOOP("QueueWindow", "Take the selected alarm, or the most urgent new one")),
    ("Return", QT_TRANSLATE_NOOP("QueueWindow", "Open the selected alarm in the site window")),
    ("V", QT_TRANSLATE_NOOP("QueueWindow", "Start verification (doubt removal)")),
    ("D", QT_TRANSLATE_NOOP("QueueWindow", "Mark as dispatched")),
    ("C", QT_TRANSLATE_NOOP("QueueWindow", "Close with a disposition and a comment")),
    ("R", QT_TRANSLATE_NOOP("QueueWindow", "Release the alarm back to the queue")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("QueueWindow", "Search the queue by site code, name or account")),
    ("Escape", QT_TRANSLATE_NOOP("QueueWindow", "Clear the queue filters")),
    ("Ctrl+M", QT_TRANSLATE_NOOP("QueueWindow", "Mute or unmute the alarm tones for this shift")),
    ("A", QT_TRANSLATE_NOOP("QueueWindow", "Site window: acknowledge the flashing tripped zones")),
    ("P", QT_TRANSLATE_NOOP("QueueWindow", "Site window: replay the alarm path on the plan")),
    (
        "Alt+1 / Alt+2 / Alt+3",
        QT_TRANSLATE_NOOP("QueueWindow", "Site window: go to the floor plan, the procedure, the contacts"),
    ),
    (
        "F6 / Shift+F6",
        QT_TRANSLATE_NOOP("QueueWindow", "Site window: next / previous panel (plan, procedure, contacts)"),
    ),
    (
        "Up / Down, Space",
        QT_TRANSLATE_NOOP(
            "QueueWindow", "Site window, procedure: move between the steps, tick the current one"
        ),
    ),
    ("C", QT_TRANSLATE_NOOP("QueueWindow", "Site window: close the alarm shown")),
    ("F9", QT_TRANSLATE_NOOP("QueueWindow", "Phone: answer the incoming call")),
    ("F10", QT_TRANSLATE_NOOP("QueueWindow", "Phone: hold or resume the call")),
    ("F11", QT_TRANSLATE_NOOP("QueueWindow", "Phone: mute or unmute the microphone")),
    ("F12", QT_TRANSLATE_NOOP("QueueWindow", "Phone: hang up")),
    ("F8", QT_TRANSLATE_NOOP("QueueWindow", "Phone, listen-in: switch between listening and talking")),
    ("F1", QT_TRANSLATE_NOOP("QueueWindow", "Show the keyboard shortcuts")),
]


def shortcuts_table() -> str:
    """The shortcuts as an HTML table, translated where shown (the strings live in the QueueWindow context)."""
    rows = "".join(
        f"<tr><td><b>{key}</b></td><td>{QCoreApplication.translate('QueueWindow', text)}</td></tr>"
        for key, text in SHORTCUTS
    )
    return f"<table cellpadding='4'>{rows}</table>"

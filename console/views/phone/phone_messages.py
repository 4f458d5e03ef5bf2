"""The telephone's messages in the console's language.

The SIP engine and the dialling rules word their refusals and faults in English (they are also
logged, and reach the console through the bridge's signals as text). The few fixed forms are
recognised here and shown in the operator's language; the technical reason pjsua2 or the far end
gave is kept as is, between brackets. Settings are named by the menu's real, translated name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication


def settings_menu_path() -> str:
    """ "Settings > Telephone…" as the queue window's menu bar shows it, in the console's language."""
    menu = QCoreApplication.translate("QueueWindow", "&Settings").replace("&", "")
    item = QCoreApplication.translate("QueueWindow", "Telephone…")
    return f"{menu} > {item}"


# Compiled once; each renders in the console's language when a message is shown.
_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"^the telephone is not started$"),
        lambda m: QCoreApplication.translate(
            "PhoneMessages", "The telephone is not started (see %1)."
        ).replace("%1", settings_menu_path()),
    ),
    (
        re.compile(r"^(\d+) calls are already in progress: hang up or transfer one before placing another$"),
        lambda m: QCoreApplication.translate(
            "PhoneMessages",
            "%1 calls are already in progress: hang up or transfer one before placing another.",
        ).replace("%1", m[1]),
    ),
    (
        re.compile(r"^cannot call (\S+): (.*)$"),
        lambda m: (
            QCoreApplication.translate("PhoneMessages", "Cannot call %1 (%2).")
            .replace("%1", m[1])
            .replace("%2", m[2])
        ),
    ),
    (
        re.compile(r"^call \d+ is over$"),
        lambda m: QCoreApplication.translate("PhoneMessages", "This call is already over."),
    ),
    (
        re.compile(r"^cannot (\w+(?: \w+)?) call \d+: (.*)$"),
        lambda m: (
            QCoreApplication.translate("PhoneMessages", "The call refused the request (%1: %2).")
            .replace("%1", m[1])
            .replace("%2", m[2])
        ),
    ),
    (
        re.compile(r"^cannot send DTMF on call \d+: (.*)$"),
        lambda m: QCoreApplication.translate("PhoneMessages", "The digits could not be sent (%1).").replace(
            "%1", m[1]
        ),
    ),
    (
        re.compile(r"^not DTMF digits: (.*)$"),
        lambda m: QCoreApplication.translate(
            "PhoneMessages", "Only 0-9, *, # and A-D can be sent during a call."
        ),
    ),
    (
        re.compile(r"^the call has no audio yet$"),
        lambda m: QCoreApplication.translate(
            "PhoneMessages", "The call has no sound yet: wait for the answer."
        ),
    ),
    (
        re.compile(r"^transfer to (\S+) refused: (.*)$"),
        lambda m: (
            QCoreApplication.translate("PhoneMessages", "Transfer to %1 refused (%2).")
            .replace("%1", m[1])
            .replace("%2", m[2])
        ),
    ),
    (
        re.compile(r"^disk (?:almost )?full: (\d+) MB.*$"),
        lambda m: QCoreApplication.translate(
            "PhoneMessages", "The recordings disk is almost full (%1 MB left): tell the supervisor."
        ).replace("%1", m[1]),
    ),
    (
        re.compile(r"^(?:recordings folder unusable|cannot record to) .*$", re.DOTALL),
        lambda m: QCoreApplication.translate(
            "PhoneMessages", "This call is not recorded: the recordings folder cannot be written."
        ),
    ),
    (
        re.compile(r"^nothing to dial$"),
        lambda m: QCoreApplication.translate("PhoneMessages", "Type a number or a SIP address to call."),
    ),
    (
        re.compile(r"^not a phone number or a SIP address: (.*)$"),
        lambda m: QCoreApplication.translate(
            "PhoneMessages", "%1 is neither a phone number nor a SIP address."
        ).replace("%1", m[1]),
    ),
    (
        re.compile(r"^cannot dial (\S+): no PBX and no gateway are configured.*$", re.DOTALL),
        lambda m: (
            QCoreApplication.translate(
                "PhoneMessages",
                "Cannot dial %1: no PBX and no gateway are configured (%2); or type a SIP address such as sip:user@host.",
            )
            .replace("%1", m[1])
            .replace("%2", settings_menu_path())
        ),
    ),
]


def phone_message(message: str) -> str:
    """`message` as the operator reads it; an unknown form is shown as it came."""
    first = message.strip()
    for pattern, render in _RULES:
        match = pattern.match(first)
        if match:
            return render(match)
    return message

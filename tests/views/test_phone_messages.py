"""The telephone's refusals in the operator's language, naming the menu as it really reads."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMenu

from console.domain.alarm import Operator
from console.views.i18n import install_translators
from console.views.phone.phone_config import DialError, dial_uri
from console.views.phone.phone_messages import phone_message, settings_menu_path
from console.views.queue.alarm_queue_model import AlarmQueueModel
from console.views.queue.queue_window import QueueWindow


def dial_refusals() -> list[str]:
    """What the real dialling rules answer for three things an operator may type."""
    found = []
    for typed in ("", "call marie", "06 12 34 56 78"):
        with pytest.raises(DialError) as refused:
            dial_uri(typed)
        found.append(str(refused.value))
    return found


def menu_path_of(window: QueueWindow) -> str:
    settings = next(
        a
        for a in window.menuBar().actions()
        if a.objectName() == ""
        and isinstance(a.menu(), QMenu)
        and any(item.objectName() == "action_phone_settings" for item in a.menu().actions())  # type: ignore[attr-defined]
    )
    item = window.actions_by_name["phone_settings"]
    return f"{settings.text().replace('&', '')} > {item.text()}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_menu_named_is_the_real_one(qtbot, qapp: QApplication, lang: str) -> None:  # type: ignore[no-untyped-def]
    translators = install_translators(qapp, "fr") if lang == "fr" else []
    try:
        window = QueueWindow(AlarmQueueModel(lang=lang), desk=None, operator=Operator(1, "amelie", "Amélie"))  # type: ignore[arg-type]
        qtbot.addWidget(window)
        assert settings_menu_path() == menu_path_of(window)
        no_route = phone_message(dial_refusals()[2])
        assert menu_path_of(window) in no_route and "0612345678" in no_route
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_phone_refusals_in_english_words() -> None:
    assert [phone_message(m) for m in dial_refusals()] == [
        "Type a number or a SIP address to call.",
        "call marie is neither a phone number nor a SIP address.",
        "Cannot dial 0612345678: no PBX and no gateway are configured (Settings > Telephone…); "
        "or type a SIP address such as sip:user@host.",
    ]
    assert (
        phone_message("the telephone is not started")
        == "The telephone is not started (see Settings > Telephone…)."
    )


def test_phone_refusals_in_french(french: None) -> None:
    texts = [phone_message(m) for m in dial_refusals()]
    assert texts[0] == "Tapez un numéro ou une adresse SIP à appeler."
    assert texts[2].startswith("Impossible d'appeler le 0612345678 : aucun PBX ni passerelle") and (
        "Paramètres > Téléphone…" in texts[2]
    )
    assert phone_message("cannot call sip:17@10.0.0.1: Request Timeout") == (
        "Impossible d'appeler sip:17@10.0.0.1 (Request Timeout)."
    )
    assert phone_message("something pjsua2 said") == "something pjsua2 said"  # unknown: as it came

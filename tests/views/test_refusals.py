"""Refusals read in the console's language, naming the site and the people, never "alarm 7"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.domain.alarm import Action, Disposition, Operator, Role, TransitionError, apply_action
from console.services.alarm_desk import AlarmDesk
from console.storage.engine import Database
from console.views.refusals import refusal_text
from tests.factories import add_operator_to, add_site, cid

BRUNO = Operator(99, "bruno", "Bruno", Role.OPERATOR)


def refusals(db: Database) -> list[TransitionError]:
    """Real refusals from the rules and the desk, as an operator meets them in a shift."""
    add_site(db)
    amelie = add_operator_to(db)
    desk = AlarmDesk(db)
    alarm = desk.take(desk.ingest([cid(130)]).new_alarm_ids[0], amelie)
    now = datetime.now(UTC)
    found: list[TransitionError] = []
    for attempt in (
        lambda: apply_action(alarm, Action.TAKE, BRUNO, now),
        lambda: apply_action(alarm, Action.VERIFY, BRUNO, now),
        lambda: apply_action(alarm, Action.CLOSE, amelie, now),
        lambda: apply_action(alarm, Action.CLOSE, amelie, now, disposition=Disposition.TEST),
        lambda: desk.act(alarm.id + 1000, Action.VERIFY, amelie),
    ):
        with pytest.raises(TransitionError) as refused:
            attempt()
        found.append(refused.value)
    closed = desk.close(alarm.id, amelie, Disposition.FALSE_ALARM_USER, "Client joint, fausse manipulation")
    with pytest.raises(TransitionError) as refused:
        apply_action(closed, Action.VERIFY, amelie, now)
    found.append(refused.value)
    return found


def test_refusals_name_the_site_not_the_row_id(sqlite_db: Database) -> None:
    texts = [refusal_text(error) for error in refusals(sqlite_db)]
    assert texts == [
        "LYO-0001 is already handled by amelie.",
        "LYO-0001 is handled by amelie: only they or a supervisor may act on it.",
        "Choose how the alarm ended.",
        "A closing comment is required.",
        "This alarm no longer exists.",
        "Not possible on an alarm that is closed.",
    ]
    assert not any("Alarm " in text or "alarm 1" in text for text in texts)


def test_refusals_in_french(sqlite_db: Database, french: None) -> None:
    texts = [refusal_text(error) for error in refusals(sqlite_db)]
    assert texts == [
        "LYO-0001 est déjà traité par amelie.",
        "LYO-0001 est traité par amelie : seul cet opérateur ou un superviseur peut agir dessus.",
        "Choisissez la qualification de l'alarme.",
        "Un commentaire de clôture est obligatoire.",
        "Cette alarme n'existe plus.",
        "Impossible sur une alarme clôturée.",
    ]

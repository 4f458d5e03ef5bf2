"""System-written journal lines shown in French: each produced by the code that writes it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.alarm_path import PathConfirmation, Trip
from console.domain.calls import CallDirection, CallEnd, CallEventKind, CallPurpose, CallRecord
from console.domain.journal_text import localized_detail
from console.storage.calls import event_detail

T0 = datetime(2026, 11, 29, 22, 15, tzinfo=UTC)


def test_english_is_shown_as_stored() -> None:
    assert localized_detail("zones 4 → 5 within 3 s", "en") == "zones 4 → 5 within 3 s"


def test_the_alarm_path_line() -> None:
    line = PathConfirmation(Trip(4, T0), Trip(5, T0 + timedelta(seconds=3))).describe()
    assert localized_detail(line, "fr") == "zones 4 → 5 en 3 s"


def test_the_raised_line_follows_the_alarm_title_in_the_console_language() -> None:
    assert localized_detail(
        "Burglary alarm – zone 4", "fr", "Intrusion – zone 4", "Burglary alarm – zone 4"
    ) == ("Intrusion – zone 4")
    # another line that happens to hold other text is left alone
    assert localized_detail(
        "Burglary alarm – zone 5", "fr", "Intrusion – zone 4", "Burglary alarm – zone 4"
    ) == ("Burglary alarm – zone 5")


def test_supervision_lines() -> None:
    assert localized_detail("account 4A21: signal received at 22:15:00 UTC", "fr") == (
        "compte 4A21 : signal reçu à 22:15:00 UTC"
    )
    assert localized_detail(
        "account 4A21: nothing received since 2026-11-29 21:00:00 UTC; expected by 22:15:00 UTC", "fr"
    ) == ("compte 4A21 : rien reçu depuis le 2026-11-29 21:00:00 UTC ; attendu avant 22:15:00 UTC")
    assert localized_detail("INTRUSION -> LIFE_SAFETY: Fire – zone 2", "fr").endswith(": Fire – zone 2")
    assert "INTRUSION" not in localized_detail("INTRUSION -> LIFE_SAFETY: Fire – zone 2", "fr")


def test_call_lines_written_by_the_call_log() -> None:
    record = CallRecord(
        id=12,
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.CALLBACK,
        remote_uri="sip:0612@pbx",
        created_at=T0,
        answered_at=T0,
        ended_at=T0 + timedelta(seconds=90),
        end_status=CallEnd.COMPLETED,
    )
    assert localized_detail(event_detail(record, CallEventKind.CREATED), "fr") == "#12 sip:0612@pbx — rappel"
    ended = localized_detail(event_detail(record, CallEventKind.ENDED, "200 OK"), "fr")
    assert ended == "#12 sip:0612@pbx — terminé (200 OK), durée de communication 01:30"
    busy = CallRecord(
        12, CallDirection.OUTGOING, CallPurpose.CALLBACK, "sip:0612@pbx", T0, end_status=CallEnd.BUSY
    )
    assert localized_detail(event_detail(busy, CallEventKind.ENDED, "486 Busy Here"), "fr") == (
        "#12 sip:0612@pbx — occupé (486 Busy Here)"
    )


def test_operator_words_are_never_touched() -> None:
    assert localized_detail("Client joint, fausse alarme", "fr") == "Client joint, fausse alarme"
    assert localized_detail("Vitrine brisée -> police", "fr") == "Vitrine brisée -> police"
    assert localized_detail("SAMU -> POLICE: sur place", "fr") == "SAMU -> POLICE: sur place"


def test_a_category_change_is_shown_in_words_in_both_languages() -> None:
    stored = "INTRUSION -> LIFE_SAFETY: Panic alarm – zone 2"
    assert localized_detail(stored, "en") == "Intrusion → Life safety: Panic alarm – zone 2"
    assert localized_detail(stored, "fr") == "Intrusion → Sécurité des personnes : Panic alarm – zone 2"


def test_a_closing_is_shown_with_the_disposition_label_and_skipped_steps_in_words() -> None:
    assert (
        localized_detail("confirmed_fire: Pompiers sur place", "en") == "Confirmed fire: Pompiers sur place"
    )
    assert (
        localized_detail("confirmed_fire: Pompiers sur place", "fr") == "Incendie avéré : Pompiers sur place"
    )
    stored = "test: Essai annoncé (steps 2, 3 not done: client sur place)"
    assert localized_detail(stored, "en") == "Test: Essai annoncé (steps 2, 3 not done: client sur place)"
    assert localized_detail(stored, "fr").endswith(
        "Essai annoncé (étapes 2, 3 non faites : client sur place)"
    )
    # an operator's note that merely starts like a value is left alone
    assert localized_detail("test du détecteur demain", "en") == "test du détecteur demain"

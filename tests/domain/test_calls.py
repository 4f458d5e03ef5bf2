"""Call rules: end status from SIP facts, attempt results, the password / duress check, caller keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.calls import (
    AttemptResult,
    CallDirection,
    CallEnd,
    CallPurpose,
    CallRecord,
    PasswordCheck,
    attempt_result,
    caller_key,
    check_spoken_password,
    end_of_call,
)
from console.domain.secrets import hash_spoken_word

T0 = datetime(2026, 11, 29, 22, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "answered", "local", "expected"),
    [
        (486, False, False, CallEnd.BUSY),
        (486, False, True, CallEnd.BUSY),  # busy arrived before the operator gave up
        (600, False, False, CallEnd.BUSY),
        (603, False, False, CallEnd.DECLINED),
        (403, False, False, CallEnd.DECLINED),
        (408, False, False, CallEnd.NO_ANSWER),
        (480, False, False, CallEnd.NO_ANSWER),
        (487, False, False, CallEnd.NO_ANSWER),  # the far end (or a forking proxy) cancelled
        (487, False, True, CallEnd.CANCELLED),  # our CANCEL: the operator's decision
        (0, False, True, CallEnd.CANCELLED),
        (404, False, False, CallEnd.UNREACHABLE),
        (503, False, False, CallEnd.UNREACHABLE),
        (0, False, False, CallEnd.UNREACHABLE),  # transport error, nothing received
        (500, False, False, CallEnd.FAILED),
        (200, True, False, CallEnd.COMPLETED),
        (200, True, True, CallEnd.COMPLETED),
        (503, True, False, CallEnd.COMPLETED),  # answered, whatever the BYE said
        (0, True, False, CallEnd.COMPLETED),
    ],
)
def test_end_of_call(status: int, answered: bool, local: bool, expected: CallEnd) -> None:
    assert end_of_call(status, answered, local) is expected


def test_a_transfer_wins_over_everything() -> None:
    assert end_of_call(200, True, True, transferred=True) is CallEnd.TRANSFERRED
    assert end_of_call(486, False, False, transferred=True) is CallEnd.TRANSFERRED


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        (CallEnd.COMPLETED, AttemptResult.REACHED),
        (CallEnd.TRANSFERRED, AttemptResult.REACHED),
        (CallEnd.BUSY, AttemptResult.BUSY),
        (CallEnd.NO_ANSWER, AttemptResult.NO_ANSWER),
        (CallEnd.DECLINED, AttemptResult.NO_ANSWER),
        (CallEnd.CANCELLED, AttemptResult.NO_ANSWER),
        (CallEnd.UNREACHABLE, AttemptResult.FAILED),
        (CallEnd.REFUSED, AttemptResult.FAILED),
        (CallEnd.INTERRUPTED, AttemptResult.FAILED),
        (CallEnd.FAILED, AttemptResult.FAILED),
    ],
)
def test_attempt_result(end: CallEnd, expected: AttemptResult) -> None:
    assert attempt_result(end) is expected


def test_every_end_has_an_attempt_result() -> None:
    assert {attempt_result(end) for end in CallEnd} == set(AttemptResult)


@pytest.fixture(scope="module")
def words() -> tuple[str, str]:
    return hash_spoken_word("Soleil"), hash_spoken_word("Orage")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Soleil", PasswordCheck.MATCH),
        ("  SOLEIL ", PasswordCheck.MATCH),
        ("soléil", PasswordCheck.MATCH),  # accents typed or not, as heard over the phone
        ("orage", PasswordCheck.DURESS),
        ("ORÂGE", PasswordCheck.DURESS),
        ("pluie", PasswordCheck.WRONG),
        ("", PasswordCheck.WRONG),
        ("soleil orage", PasswordCheck.WRONG),
    ],
)
def test_spoken_password(words: tuple[str, str], typed: str, expected: PasswordCheck) -> None:
    password_hash, duress_hash = words
    assert check_spoken_password(typed, password_hash, duress_hash) is expected


def test_duress_wins_when_both_words_are_the_same() -> None:
    same = hash_spoken_word("Lavande")
    assert check_spoken_password("lavande", same, hash_spoken_word("lavande")) is PasswordCheck.DURESS


def test_password_with_one_word_or_none_on_file(words: tuple[str, str]) -> None:
    password_hash, duress_hash = words
    assert check_spoken_password("soleil", password_hash, None) is PasswordCheck.MATCH
    assert check_spoken_password("orage", password_hash, None) is PasswordCheck.WRONG
    assert check_spoken_password("orage", None, duress_hash) is PasswordCheck.DURESS
    assert check_spoken_password("soleil", None, duress_hash) is PasswordCheck.WRONG
    assert check_spoken_password("soleil", None, None) is PasswordCheck.NO_WORD
    assert check_spoken_password("soleil", "", "") is PasswordCheck.NO_WORD


@pytest.mark.parametrize(
    "form",
    [
        '"Alarme" <sip:+33612345678@pbx>',
        "tel:06 12 34 56 78",
        "0612345678",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "+33 6 12 34 56 78",
        "0033612345678",
        "sip:0612345678@192.0.2.10;transport=udp",
        "sips:+33612345678@trunk.example",
        "<tel:+33612345678>",
    ],
)
def test_phone_number_forms_share_one_key(form: str) -> None:
    assert caller_key(form) == "0612345678"


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("sip:Module-LYO1@PBX.example", "module-lyo1@pbx.example"),
        ('"Module audio" <sip:module-lyo1@pbx.example;transport=tcp>', "module-lyo1@pbx.example"),
        ("sips:module-lyo1@pbx.example", "module-lyo1@pbx.example"),
        ("module-lyo1@pbx.example", "module-lyo1@pbx.example"),
        ("sip:alice@pbx.example", "alice@pbx.example"),
        ("sip:4412@pbx.example", "4412"),  # an extension is a number: the host does not matter
        ("sip:17@pbx", "17@pbx"),  # too short for a phone number
        ("Alice", "alice"),
    ],
)
def test_caller_key_of_sip_uris(uri: str, expected: str) -> None:
    assert caller_key(uri) == expected


def test_other_users_or_hosts_get_other_keys() -> None:
    assert caller_key("sip:alice@pbx.example") != caller_key("sip:alice@other.example")
    assert caller_key("sip:alice@pbx.example") != caller_key("sip:bob@pbx.example")
    assert caller_key("0612345678") != caller_key("0612345679")


def test_duration_and_openness_of_a_record() -> None:
    ringing = CallRecord(
        id=1,
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.CALLBACK,
        remote_uri="sip:0612345678@pbx",
        created_at=T0,
    )
    assert ringing.is_open and ringing.duration_s is None
    answered = CallRecord(
        id=1,
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.CALLBACK,
        remote_uri="sip:0612345678@pbx",
        created_at=T0,
        answered_at=T0 + timedelta(seconds=8),
        ended_at=T0 + timedelta(seconds=98.5),
        end_status=CallEnd.COMPLETED,
    )
    assert not answered.is_open and answered.duration_s == 90.5
    unanswered = CallRecord(
        id=2,
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.CALLBACK,
        remote_uri="sip:0612345678@pbx",
        created_at=T0,
        ended_at=T0 + timedelta(seconds=30),
        end_status=CallEnd.NO_ANSWER,
    )
    assert not unanswered.is_open and unanswered.duration_s is None

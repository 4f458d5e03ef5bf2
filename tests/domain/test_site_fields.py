"""The one set of field rules the administration window and the import share."""

from __future__ import annotations

import pytest

from console.domain.field_changes import change_lines, describe
from console.domain.site_fields import (
    FieldErrors,
    Kind,
    Problem,
    StepDraft,
    check_texts,
    check_values,
    to_text,
    values_from_texts,
)


def problems(kind: Kind, values: dict[str, object], *, texts: bool = False) -> dict[str, Problem]:
    check = check_texts if texts else check_values
    with pytest.raises(FieldErrors) as refused:
        check(kind, values)  # type: ignore[arg-type]
    return {name: error.problem for name, error in refused.value.errors.items()}


def test_a_new_record_takes_the_defaults_and_requires_what_has_none() -> None:
    site = check_values(Kind.SITE, {"code": " LYO-1 ", "name": "Pharmacie"})
    assert site["code"] == "LYO-1" and site["timezone"] == "Europe/Paris" and site["latitude"] is None
    assert problems(Kind.SITE, {}) == {"code": Problem.REQUIRED, "name": Problem.REQUIRED}
    assert problems(Kind.TRANSMITTER, {}) == {"account": Problem.REQUIRED}
    assert check_values(Kind.SITE, {"name": "Autre"}, complete=False) == {"name": "Autre"}


@pytest.mark.parametrize(
    ("kind", "field", "value", "problem"),
    [
        (Kind.SITE, "latitude", 91, Problem.OUT_OF_RANGE),
        (Kind.SITE, "latitude", "45,2", Problem.NOT_NUMBER),
        (Kind.SITE, "risk_class", 2.5, Problem.NOT_WHOLE_NUMBER),
        (Kind.SITE, "risk_class", True, Problem.NOT_WHOLE_NUMBER),
        (Kind.SITE, "timezone", "Europe/Lyon", Problem.TIME_ZONE),
        (Kind.SITE, "code", "x" * 33, Problem.TOO_LONG),
        (Kind.TRANSMITTER, "account", "12", Problem.HEX_DIGITS),
        (Kind.TRANSMITTER, "account", "12G4", Problem.HEX_DIGITS),
        (Kind.TRANSMITTER, "line", "1234567", Problem.HEX_DIGITS),
        (Kind.TRANSMITTER, "protocol", "SIA", Problem.CHOICE),
        (Kind.TRANSMITTER, "aes_key", "0" * 40, Problem.AES_KEY),
        (Kind.TRANSMITTER, "test_interval_s", 10, Problem.OUT_OF_RANGE),
        (Kind.TRANSMITTER, "audio_module_uri", "tel:+3312", Problem.SIP_URI),
        (Kind.CONTACT, "phones", ["12"], Problem.PHONE),
        (Kind.CONTACT, "phones", ["06 12 34 56 78 ext. 4"], Problem.PHONE),
        (Kind.CONTACT, "sip_uri", "sip: x", Problem.SIP_URI),
        (Kind.CONTACT, "password", " ", Problem.BLANK),
        (Kind.PROCEDURE, "steps", [StepDraft("ok"), StepDraft("")], Problem.STEP_TEXT),
        (Kind.PROCEDURE, "steps", [{"text": "ok", "mandatory": "yes"}], Problem.STEPS),
        (Kind.PROCEDURE, "category", "burglary", Problem.CHOICE),
    ],
)
def test_each_rule_refuses_with_its_problem(kind: Kind, field: str, value: object, problem: Problem) -> None:
    required = {
        Kind.SITE: {"code": "S", "name": "N"},
        Kind.TRANSMITTER: {"account": "4A21"},
        Kind.CONTACT: {"name": "Ann"},
        Kind.PROCEDURE: {"category": "fire"},
    }[kind]
    assert problems(kind, {**required, field: value}) == {field: problem}


def test_good_values_as_stored() -> None:
    transmitter = check_values(
        Kind.TRANSMITTER,
        {
            "account": "4a21",
            "line": "b",
            "aes_key": "ab" * 24,
            "audio_module_uri": "sips:a@b",
            "protocol": "SIA-DCS",
        },
    )
    assert (transmitter["account"], transmitter["line"], transmitter["aes_key"]) == ("4A21", "B", "AB" * 24)
    contact = check_values(Kind.CONTACT, {"name": "Ann", "phones": [" +33 (0)4 78.00-00-00 ", "112"]})
    assert contact["phones"] == ("+33 (0)4 78.00-00-00", "112")
    steps = check_values(Kind.PROCEDURE, {"category": "fire", "steps": [{"text": " Appeler "}]})["steps"]
    assert steps == (StepDraft("Appeler", True),)


def test_form_texts_become_values_and_back() -> None:
    values = values_from_texts(
        Kind.SITE, {"latitude": "45,7745", "risk_class": "", "guard_delay_min": "20", "notes": "a\nb"}
    )
    assert values == {"latitude": 45.7745, "risk_class": None, "guard_delay_min": 20, "notes": "a\nb"}
    assert values_from_texts(Kind.CONTACT, {"phones": "04 78\n\n06 12;07 00", "password": "  "}) == {
        "phones": ["04 78", "06 12", "07 00"],
        "password": None,  # nothing typed: the stored word stays
    }
    assert values_from_texts(Kind.TRANSMITTER, {"aes_key": " 0011 2233 ", "audio_module_uri": ""}) == {
        "aes_key": "00112233",
        "audio_module_uri": None,
    }
    assert problems(Kind.SITE, {"code": "S", "name": "N", "risk_class": "two"}, texts=True) == {
        "risk_class": Problem.NOT_WHOLE_NUMBER
    }
    assert to_text(Kind.SITE, "longitude", 4.830212) == "4.830212"
    assert to_text(Kind.CONTACT, "phones", ("1", "2")) == "1\n2"
    with pytest.raises(ValueError, match="secret"):
        to_text(Kind.CONTACT, "password", "x")


def test_changes_say_before_and_after_and_secrets_only_changed() -> None:
    before = {"name": "Ann", "phones": ("1",), "sip_uri": None, "password": "scrypt$...$hash"}
    after = {
        "name": "Ann Lee",
        "phones": ("1",),
        "sip_uri": "sip:ann@x",
        "password": "new word",
        "duress_word": None,
    }
    assert change_lines(Kind.CONTACT, before, after) == [
        "name 'Ann' → 'Ann Lee'",
        "sip_uri — → 'sip:ann@x'",
        "password changed",
    ]
    created = describe(Kind.CONTACT, {"name": "Ann", "password": "mot", "role": ""})
    assert created == ["name 'Ann'", "password changed"]
    long = change_lines(Kind.SITE, {"notes": ""}, {"notes": "x" * 200})
    assert long == ["notes — → '" + "x" * 77 + "...'"]


def test_zones_and_plans_for_the_import() -> None:
    zone = check_values(Kind.ZONE, {"number": 3, "detector_type": "glass_break", "level": 0, "x": 12.5})
    assert zone == {"number": 3, "name": "", "detector_type": "glass_break", "level": 0, "x": 12.5, "y": None}
    assert problems(Kind.ZONE, {"number": 0, "detector_type": "laser"}) == {
        "number": Problem.OUT_OF_RANGE,
        "detector_type": Problem.CHOICE,
    }
    assert problems(Kind.PLAN, {"level": 0, "content": b""}) == {"content": Problem.REQUIRED}

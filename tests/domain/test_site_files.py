"""The station file readers: every refusal with its place (JSON path, CSV line), and what a field left out means."""

from __future__ import annotations

import json
from typing import Any

import pytest

from console.domain.site_changes import Action, NewSecret, plan_site
from console.domain.site_csv import parse_station_csv
from console.domain.site_json import parse_station_json
from console.domain.site_records import FileError, Kind, SiteEntry, StoredRecord, StoredSite


def parsed(document: Any) -> tuple[list[SiteEntry], list[str]]:
    result = parse_station_json(
        json.dumps(document), lambda name: b"<svg/>" if name == "a.svg" else _missing(name)
    )
    return result.sites, [str(e) for e in result.errors]


def _missing(name: str) -> bytes:
    raise FileNotFoundError(2, "No such file or directory", name)


@pytest.mark.parametrize(
    ("site", "error"),
    [
        ({"name": "x"}, "$.sites[0]: a site needs its code"),
        ({"code": "A", "latitude": 91}, "$.sites[0].latitude: must be from -90 to 90, not 91"),
        ({"code": "A", "timezone": "Mars/Olympus"}, "$.sites[0].timezone: not a time zone name (such as Europe/Paris): 'Mars/Olympus'"),
        ({"code": "A", "risk_class": "high"}, "$.sites[0].risk_class: expected a whole number, not text"),
        ({"code": "A", "colour": "red"}, "$.sites[0].colour: unknown site field (known: code, name, address, postcode, city, latitude, longitude, timezone, risk_class, accessibility_needs, notes, guard_delay_min)"),
        ({"code": "A", "schedule": {}}, "$.sites[0].schedule: schedules are not supported yet"),
        ({"code": "A", "account": "12"}, "$.sites[0].account: 3 to 16 hexadecimal digits, not '12'"),
        ({"code": "A", "transmitters": [{"account": "ABC", "aes_key": "00"}]}, "$.sites[0].transmitters[0].aes_key: 32, 48 or 64 hexadecimal digits, not '00'"),
        ({"code": "A", "transmitters": [{"line": "1"}]}, "$.sites[0].transmitters[0]: a transmitter needs its account"),
        ({"code": "A", "account": "ABC", "transmitters": []}, "$.sites[0]: give the transmitter either flat (account, line...) or in transmitters"),
        ({"code": "A", "zones": {"1": "x"}}, "$.sites[0].zones: expected a list"),
        ({"code": "A", "zones": [{"number": 1}, {"number": 1}]}, "$.sites[0].zones[1]: the same zone as $.sites[0].zones[0]"),
        ({"code": "A", "zones": [{"number": 2, "x": "left"}]}, "$.sites[0].zones[0].x: expected a number, not text"),
        ({"code": "A", "plans": [{"level": 0, "file": "b.svg"}]}, "$.sites[0].plans[0].file: cannot read b.svg: No such file or directory"),
        ({"code": "A", "plans": [{"level": 0, "content_base64": "%%"}]}, "$.sites[0].plans[0].content_base64: not base64"),
        ({"code": "A", "plans": [{"level": 0, "file": "a.svg", "content_base64": ""}]}, "$.sites[0].plans[0]: give the image as file or as content_base64, not both"),
        ({"code": "A", "contacts": [{"name": "Ann", "phones": "0612"}]}, "$.sites[0].contacts[0].phones: expected a list of phone numbers, not text"),
        ({"code": "A", "contacts": [{"name": "Ann", "sip_uri": "tel:12"}]}, "$.sites[0].contacts[0].sip_uri: a sip: or sips: URI, not 'tel:12'"),
        ({"code": "A", "contacts": [{"name": "Ann", "rank": 2}]}, "$.sites[0].contacts[0].rank: the call order is the list's order"),
        ({"code": "A", "procedures": [{"category": "burglary"}]}, "$.sites[0].procedures[0].category: one of fire, panic, duress, medical, intrusion, tamper, technical, supervision, open_close, test, information, not 'burglary'"),
        ({"code": "A", "procedures": [{"category": "fire", "steps": [{"text": " "}]}]}, "$.sites[0].procedures[0].steps: step 1: its text must not be empty"),
    ],
)  # fmt: skip
def test_each_refusal_says_where_it_is(site: dict[str, Any], error: str) -> None:
    _sites, errors = parsed({"sites": [site]})
    assert errors == [error]


@pytest.mark.parametrize(
    ("site", "error"),
    [
        ({"code": "A", "account": "ABC", "protocol": "SIA"}, "$.sites[0].protocol: one of \"\", SIA-DCS, ADM-CID, not 'SIA'"),
        ({"code": "A", "account": "ABC", "test_interval_s": 30}, "$.sites[0].test_interval_s: must be from 60 to 31622400, not 30"),
        ({"code": "A", "contacts": [{"name": "Ann", "phones": ["call the guard"]}]}, "$.sites[0].contacts[0].phones: 'call the guard' is not a phone number (digits, spaces, + . - ( ), 3 to 40 characters)"),
        ({"code": "A", "contacts": [{"name": "Ann", "duress_word": "  "}]}, "$.sites[0].contacts[0].duress_word: must not be only blanks"),
        ({"code": " ", "name": "x"}, "$.sites[0].code: must not be empty"),
    ],
)  # fmt: skip
def test_a_file_is_refused_by_the_administration_rules(site: dict[str, Any], error: str) -> None:
    """The import checks each field with the window's rule (site_fields), worded for the file."""
    _sites, errors = parsed({"sites": [site]})
    assert errors == [error]


def test_codes_and_names_are_stripped_as_the_window_strips_them() -> None:
    (site,), errors = parsed({"sites": [{"code": " A ", "name": " Alpha ", "contacts": [{"name": " Ann "}]}]})
    assert errors == []
    assert (site.code, site.fields["name"]) == ("A", "Alpha")
    assert [e.key for e in site.collections[Kind.CONTACT].entries] == ["Ann"]
    too_long = parse_station_csv(f"site,account\n{'X' * 33},ABC\n")
    assert [str(e) for e in too_long.errors] == ["line 2: site: at most 32 characters, not 33"]


def test_document_level_refusals() -> None:
    assert parsed([])[1] == ['$: expected an object with a "sites" list']
    assert parsed({"sites": [], "version": 2, "extra": 1})[1] == [
        "$.extra: unknown key (expected version and sites)",
        "$.version: this Vigie reads version 1 files",
    ]
    twice = {"sites": [{"code": "A", "account": "ABC"}, {"code": "A"}, {"code": "B", "account": "abc"}]}
    assert parsed(twice)[1] == [
        "$.sites[1]: site A is also $.sites[0]",
        "$.sites[2]: the same account and line as $.sites[0]",
    ]
    result = parse_station_json('{"sites": [\n  {"code": }\n]}', _missing)
    assert [str(e) for e in result.errors] == ["line 2 column 12: not JSON: Expecting value"]


def test_what_a_site_object_leaves_out_is_kept() -> None:
    (site,), errors = parsed(
        {"sites": [{"code": "A", "zones": [], "contacts": [{"name": "Ann", "password": None}]}]}
    )
    assert errors == []
    assert site.fields == {"code": "A"}
    assert set(site.collections) == {Kind.ZONE, Kind.CONTACT}  # transmitters, plans, procedures: kept
    assert site.collections[Kind.CONTACT].entries[0].fields == {"name": "Ann", "rank": 1}  # null secret: kept


def _stored_site() -> StoredSite:
    contact = {"name": "Ann", "rank": 1, "role": "", "phones": (), "sip_uri": None, "availability": "",
               "accessibility_needs": "", "password": "HASH-A", "duress_word": None}  # fmt: skip
    zone = {"number": 1, "name": "Door", "detector_type": "pir", "level": None, "x": None, "y": None}
    return StoredSite(
        7,
        {"code": "A", "name": "Alpha"},
        {Kind.CONTACT: {"Ann": StoredRecord(3, contact)}, Kind.ZONE: {1: StoredRecord(4, zone)}},
    )


def test_secrets_are_compared_by_the_hash_and_never_shown() -> None:
    (site,), _ = parsed(
        {"sites": [{"code": "A", "contacts": [{"name": "Ann", "password": "phare", "duress_word": "x"}]}]}
    )
    errors: list[FileError] = []
    same = plan_site(
        site, _stored_site(), {}, lambda stored, word: (stored, word) == ("HASH-A", "phare"), errors
    )
    (contact,) = same.children
    assert contact.action is Action.UPDATE
    assert [c.text() for c in contact.changes] == ["duress_word: set"]  # the password is the stored one
    assert contact.fields["password"] == "HASH-A" and isinstance(contact.fields["duress_word"], NewSecret)
    other = plan_site(site, _stored_site(), {}, lambda _stored, _word: False, errors)
    assert [c.text() for c in other.children[0].changes] == ["password: changed", "duress_word: set"]
    assert "phare" not in "\n".join(other.lines()) + other.journal_detail("import") + repr(
        other.children[0].fields
    )
    (cleared,), _ = parsed({"sites": [{"code": "A", "contacts": [{"name": "Ann", "password": ""}]}]})
    removed = plan_site(cleared, _stored_site(), {}, lambda _s, _w: False, errors)
    assert [c.text() for c in removed.children[0].changes] == ["password: removed"]
    assert errors == []


def test_a_collection_given_replaces_the_stored_one() -> None:
    (site,), _ = parsed({"sites": [{"code": "A", "zones": [{"number": 2, "name": "Hall"}], "contacts": []}]})
    errors: list[FileError] = []
    plan = plan_site(site, _stored_site(), {}, lambda _s, _w: False, errors)
    assert [(c.label, c.action) for c in plan.records] == [
        ("site", Action.UNCHANGED),
        ("zone 2", Action.ADD),
        ("zone 1", Action.REMOVE),
        ("contact 'Ann'", Action.REMOVE),
    ]
    assert plan.lines()[1:3] == ["A zone 2: add ($.sites[0].zones[0])", "    number: 2"]


def test_a_transmitter_of_another_site_is_refused() -> None:
    (site,), _ = parsed({"sites": [{"code": "A", "account": "abc", "line": "2"}]})
    errors: list[FileError] = []
    plan_site(site, None, {("ABC", "2"): "B-7"}, lambda _s, _w: False, errors)
    assert [str(e) for e in errors] == ["$.sites[0]: transmitter ABC line 2 belongs to site B-7"]


def test_accounts_csv_lines_and_cells() -> None:
    result = parse_station_csv("\ufeffsite,account,line,test_interval_s,colour\n")
    assert [str(e) for e in result.errors] == [
        "line 1: unknown column 'colour' (known: site, site_name, account, line, receiver, protocol, aes_key, "
        "test_interval_s, audio_module_uri)"
    ]
    result = parse_station_csv(
        "site;site_name;account;line;test_interval_s\n"
        "A;Alpha;1a2b;1;3600\n"
        '"B";;1A2B;1;\n'
        "\n"
        "C;;ABC;;soon\n"
        ";;ABD;;\n"
        "D;;ABE;;1;extra\n"
    )
    assert [str(e) for e in result.errors] == [
        "line 3: the same transmitter as line 2",
        "line 5: test_interval_s: expected a whole number, not text",
        "line 6: site: empty",
        "line 7: 6 cells for 5 columns",
    ]
    first = result.sites[0]
    assert first.fields == {"code": "A", "name": "Alpha"}
    assert first.collections[Kind.TRANSMITTER].replace is False  # accounts not in the file are kept
    assert first.collections[Kind.TRANSMITTER].entries[0].fields == {
        "account": "1A2B",
        "line": "1",
        "test_interval_s": 3600,
    }


def test_contacts_csv_gives_each_site_its_call_list_in_row_order() -> None:
    result = parse_station_csv("site,name,phones\nA,Ann,06 01; 06 02\nB,Bob,\nA,Cid,\nA,Ann,\n")
    assert [str(e) for e in result.errors] == ["line 5: the same contact as line 2"]
    a = result.sites[0]
    assert a.must_exist and a.collections[Kind.CONTACT].replace
    assert [
        (e.key, e.fields.get("rank"), e.fields.get("phones")) for e in a.collections[Kind.CONTACT].entries
    ] == [
        ("Ann", 1, ("06 01", "06 02")),
        ("Cid", 2, None),
    ]
    assert [str(e) for e in parse_station_csv("code,label\n1,2\n").errors] == [
        "line 1: the header names neither an account nor a name column"
    ]

"""The telephone settings rules, without Qt: every wrong field gets its code, a good form none."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from console.domain.phone_settings import (
    FieldProblem,
    PhoneForm,
    PhoneProblem,
    check_phone_form,
    folder_problem,
    needs_public_address,
)


def dial(typed: str, registrar: str | None, gateway: str) -> str:
    """A dial plan like the telephone's: addresses pass, numbers need a PBX or a gateway."""
    if typed.startswith("sip:") or "@" in typed:
        return typed
    if not typed.isdigit() or not (registrar or gateway):
        raise ValueError(f"cannot dial {typed}")
    return f"sip:{typed}@{registrar or gateway}"


def codes(form: PhoneForm) -> dict[str, PhoneProblem]:
    return {key: problem.code for key, problem in check_phone_form(form, dial).items()}


def good(tmp_path: Path, **fields: object) -> PhoneForm:
    return PhoneForm(recordings_dir=str(tmp_path / "recordings"), **fields)  # type: ignore[arg-type]


def test_the_default_form_with_a_folder_is_good(tmp_path: Path) -> None:
    assert codes(good(tmp_path)) == {}
    full = good(
        tmp_path,
        bind_host="192.0.2.10",
        sip_port="0",
        public_host="console3.station.local",
        display_name="Vigie, poste 3",
        user="poste3",
        pbx_registrar="sip:pbx.station.local:5060;transport=tcp",
        pbx_user="203",
        pbx_password="s3cret",
        pbx_domain="station.local",
        gateway="gw.station.local:5080",
        transfer=(("Guard company", "sip:guards@pbx"), ("Police 17", "17")),
    )
    assert codes(full) == {}


@pytest.mark.parametrize("bind", ["every address", "", "pbx.local", "192.0.2.300"])
def test_the_listening_address_is_an_ip_address(tmp_path: Path, bind: str) -> None:
    assert codes(good(tmp_path, bind_host=bind)) == {"bind_host": PhoneProblem.BAD_BIND_HOST}


@pytest.mark.parametrize(
    ("port", "wrong"),
    [("0", False), ("65535", False), ("65536", True), ("-1", True), ("", True), ("sip", True)],
)
def test_the_port_is_a_number_from_0_to_65535(tmp_path: Path, port: str, wrong: bool) -> None:
    assert ("sip_port" in codes(good(tmp_path, sip_port=port))) is wrong


@pytest.mark.parametrize(
    ("public", "wrong"),
    [
        ("", False),
        ("192.0.2.10", False),
        ("::1", False),
        ("console3.local", False),
        ("sip:bad host:5060", True),
        ("host:5060", True),
    ],
)
def test_the_public_address_is_a_host_or_an_ip(tmp_path: Path, public: str, wrong: bool) -> None:
    problems = codes(good(tmp_path, public_host=public))
    assert problems == ({"public_host": PhoneProblem.BAD_HOST} if wrong else {})


@pytest.mark.parametrize("name", ["", 'Vigie "3"', "<Vigie>"])
def test_the_display_name_is_given_without_quotes_or_brackets(tmp_path: Path, name: str) -> None:
    assert codes(good(tmp_path, display_name=name)) == {"display_name": PhoneProblem.BAD_DISPLAY_NAME}


def test_the_users_are_sip_user_names(tmp_path: Path) -> None:
    assert codes(good(tmp_path, user="poste 3")) == {"user": PhoneProblem.BAD_USER}
    assert codes(good(tmp_path, user="")) == {"user": PhoneProblem.BAD_USER}
    registered = good(tmp_path, pbx_registrar="sip:pbx.local", pbx_user="poste 3")
    assert codes(registered) == {"pbx_user": PhoneProblem.BAD_USER}


def test_a_registrar_is_a_sip_uri_with_a_user(tmp_path: Path) -> None:
    assert codes(good(tmp_path, pbx_registrar="pbx.station.local")) == {
        "pbx_registrar": PhoneProblem.BAD_REGISTRAR,
        "pbx_user": PhoneProblem.NO_PBX_USER,
    }
    assert codes(good(tmp_path, pbx_registrar="sip:pbx.local:99999", pbx_user="203")) == {
        "pbx_registrar": PhoneProblem.BAD_REGISTRAR
    }
    assert codes(good(tmp_path, pbx_registrar="SIPS:pbx.local", pbx_user="203")) == {}


@pytest.mark.parametrize("field", ["pbx_user", "pbx_password", "pbx_domain"])
def test_the_other_pbx_fields_need_a_registrar(tmp_path: Path, field: str) -> None:
    form = good(tmp_path, **{field: "203"})
    assert codes(form) == {"pbx_registrar": PhoneProblem.NO_REGISTRAR}
    assert codes(good(tmp_path, pbx_password=" ")) == {"pbx_registrar": PhoneProblem.NO_REGISTRAR}


def test_the_domain_is_a_host_without_sip(tmp_path: Path) -> None:
    form = good(tmp_path, pbx_registrar="sip:pbx.local", pbx_user="203", pbx_domain="sip:station.local")
    assert codes(form) == {"pbx_domain": PhoneProblem.BAD_DOMAIN}


@pytest.mark.parametrize(
    ("gateway", "wrong"),
    [
        ("gw.local", False),
        ("192.0.2.1:5080", False),
        ("[2001:db8::1]:5060", False),
        ("sip:gw", True),
        ("gw:0", True),
        ("gw:70000", True),
    ],
)
def test_the_gateway_is_a_host_with_an_optional_port(tmp_path: Path, gateway: str, wrong: bool) -> None:
    assert ("gateway" in codes(good(tmp_path, gateway=gateway))) is wrong


def test_the_first_wrong_transfer_target_is_named_by_row(tmp_path: Path) -> None:
    form = good(
        tmp_path, gateway="gw.local", transfer=(("Police 17", "17"), ("", "sip:guards@pbx"), ("x", ""))
    )
    assert check_phone_form(form, dial) == {"transfer": FieldProblem(PhoneProblem.INCOMPLETE_TARGET, 2)}
    nowhere = good(tmp_path, transfer=(("Guards", "sip:guards@pbx"), ("Police 17", "17")))
    assert check_phone_form(nowhere, dial) == {
        "transfer": FieldProblem(PhoneProblem.UNDIALLABLE_TARGET, 2, "17")
    }
    through_pbx = good(tmp_path, pbx_registrar="sip:pbx.local", pbx_user="203", transfer=(("Police", "17"),))
    assert codes(through_pbx) == {}


def test_the_recordings_folder_can_be_written_or_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert folder_problem("") is PhoneProblem.NO_FOLDER
    assert folder_problem("recordings") is PhoneProblem.NOT_ABSOLUTE
    assert folder_problem(str(blocker)) is PhoneProblem.NOT_A_FOLDER
    assert folder_problem(str(blocker / "recordings")) is PhoneProblem.CANNOT_CREATE
    assert folder_problem(str(tmp_path)) is None
    assert folder_problem(str(tmp_path / "new" / "recordings")) is None  # created at the first call
    assert codes(PhoneForm()) == {"recordings_dir": PhoneProblem.NO_FOLDER}


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes everywhere")
def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert folder_problem(str(locked)) is PhoneProblem.NOT_WRITABLE
        assert folder_problem(str(locked / "recordings")) is PhoneProblem.CANNOT_CREATE
    finally:
        locked.chmod(0o700)


def test_every_address_without_a_public_one_needs_one_only_with_a_pbx_or_gateway() -> None:
    assert not needs_public_address(PhoneForm())
    assert needs_public_address(PhoneForm(gateway="gw.local"))
    assert needs_public_address(PhoneForm(bind_host="::", pbx_registrar="sip:pbx"))
    assert not needs_public_address(PhoneForm(gateway="gw.local", public_host="192.0.2.10"))
    assert not needs_public_address(PhoneForm(gateway="gw.local", bind_host="192.0.2.10"))

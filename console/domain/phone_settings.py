"""The checks of the telephone settings form, as rules with codes the dialog puts into words.

A console that cannot start its telephone because of a typo would only say so at the next start,
so every field is checked before console.ini is written. The rules know nothing of Qt or of the
telephony engine: the dial plan is handed in (`DialPlan`), the messages are the view's.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

# (what was typed, the registrar or None, the gateway) -> SIP URI; raises ValueError when refused.
DialPlan = Callable[[str, str | None, str], str]

_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?$")
_HOST_PORT = re.compile(
    r"^(?P<host>[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::(?P<port>\d{1,5}))?$"
)
_SIP_USER = re.compile(r"^[A-Za-z0-9._~+\-]+$")
_ALL_ADDRESSES = ("0.0.0.0", "::", "")


class PhoneProblem(StrEnum):
    """Why a field of the form cannot be saved (one message each in the dialog)."""

    BAD_BIND_HOST = "bad_bind_host"
    BAD_PORT = "bad_port"
    BAD_HOST = "bad_host"
    BAD_DISPLAY_NAME = "bad_display_name"
    BAD_USER = "bad_user"
    BAD_REGISTRAR = "bad_registrar"
    NO_PBX_USER = "no_pbx_user"
    NO_REGISTRAR = "no_registrar"
    BAD_DOMAIN = "bad_domain"
    BAD_GATEWAY = "bad_gateway"
    INCOMPLETE_TARGET = "incomplete_target"
    UNDIALLABLE_TARGET = "undiallable_target"
    NO_FOLDER = "no_folder"
    NOT_ABSOLUTE = "not_absolute"
    NOT_A_FOLDER = "not_a_folder"
    NOT_WRITABLE = "not_writable"
    CANNOT_CREATE = "cannot_create"


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A field's problem; a transfer target's also says which row (from 1) and what it holds."""

    code: PhoneProblem
    row: int = 0
    target: str = ""


@dataclass(frozen=True, slots=True)
class PhoneForm:
    """What the form holds, as typed (stripped, except the password); only the texts are checked."""

    enabled: bool = True

    bind_host: str = "0.0.0.0"
    sip_port: str = "5060"
    public_host: str = ""
    display_name: str = "Vigie"
    user: str = "console"
    pbx_registrar: str = ""
    pbx_user: str = ""
    pbx_password: str = ""
    pbx_domain: str = ""
    gateway: str = ""
    transfer: Sequence[tuple[str, str]] = ()  # (label, target), empty rows left out
    recordings_dir: str = ""
    transport: str = "udp"
    pbx_transport: str = "udp"
    min_free_mb: int = 50
    input_device: bytes | None = None  # None: the system default
    output_device: bytes | None = None


def is_ip_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def check_phone_form(form: PhoneForm, dial: DialPlan) -> dict[str, FieldProblem]:
    """Field key -> problem for every wrong field (empty when the form can be saved)."""
    problems: dict[str, PhoneProblem | FieldProblem] = {}
    if not is_ip_address(form.bind_host):
        problems["bind_host"] = PhoneProblem.BAD_BIND_HOST
    if not form.sip_port.isdigit() or not 0 <= int(form.sip_port) <= 65535:
        problems["sip_port"] = PhoneProblem.BAD_PORT
    if form.public_host and not _is_host(form.public_host):
        problems["public_host"] = PhoneProblem.BAD_HOST
    if not form.display_name or any(ch in form.display_name for ch in '"<>'):
        problems["display_name"] = PhoneProblem.BAD_DISPLAY_NAME
    if not _SIP_USER.match(form.user):
        problems["user"] = PhoneProblem.BAD_USER
    problems.update(_pbx_problems(form))
    if form.gateway and not _valid_host_port(form.gateway):
        problems["gateway"] = PhoneProblem.BAD_GATEWAY
    transfer = _transfer_problem(form, dial)
    if transfer is not None:
        problems["transfer"] = transfer
    folder = folder_problem(form.recordings_dir)
    if folder is not None:
        problems["recordings_dir"] = folder
    return {
        key: problem if isinstance(problem, FieldProblem) else FieldProblem(problem)
        for key, problem in problems.items()
    }


def needs_public_address(form: PhoneForm) -> bool:
    """Listening on every address without a public one, with a PBX or gateway: the far end is
    told 127.0.0.1 and cannot reach this workstation (a warning, not a refusal)."""
    return (
        form.bind_host in _ALL_ADDRESSES and not form.public_host and bool(form.pbx_registrar or form.gateway)
    )


def folder_problem(text: str) -> PhoneProblem | None:
    """A folder the console can write to, or create: recordings must never fail for lack of it."""
    if not text:
        return PhoneProblem.NO_FOLDER
    path = Path(text).expanduser()
    if not path.is_absolute():
        return PhoneProblem.NOT_ABSOLUTE
    if path.exists():
        if not path.is_dir():
            return PhoneProblem.NOT_A_FOLDER
        if not os.access(path, os.W_OK | os.X_OK):
            return PhoneProblem.NOT_WRITABLE
        return None
    parent = next((p for p in path.parents if p.exists()), None)
    if parent is None or not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        return PhoneProblem.CANNOT_CREATE
    return None


def _pbx_problems(form: PhoneForm) -> dict[str, PhoneProblem]:
    """A registrar is a sip: URI and needs a user; the other PBX fields need a registrar."""
    problems: dict[str, PhoneProblem] = {}
    if form.pbx_registrar:
        scheme, _, rest = form.pbx_registrar.partition(":")
        if scheme.lower() not in ("sip", "sips") or not _valid_host_port(rest.split(";", 1)[0]):
            problems["pbx_registrar"] = PhoneProblem.BAD_REGISTRAR
        if not form.pbx_user:
            problems["pbx_user"] = PhoneProblem.NO_PBX_USER
    elif form.pbx_user or form.pbx_password or form.pbx_domain:
        problems["pbx_registrar"] = PhoneProblem.NO_REGISTRAR
    if form.pbx_user and not _SIP_USER.match(form.pbx_user):
        problems["pbx_user"] = PhoneProblem.BAD_USER
    if form.pbx_domain and not _is_host(form.pbx_domain):
        problems["pbx_domain"] = PhoneProblem.BAD_DOMAIN
    return problems


def _transfer_problem(form: PhoneForm, dial: DialPlan) -> FieldProblem | None:
    """The first row without both a label and a target, or whose target the dial plan refuses."""
    for row, (label, target) in enumerate(form.transfer, start=1):
        if not label or not target:
            return FieldProblem(PhoneProblem.INCOMPLETE_TARGET, row)
        try:
            dial(target, form.pbx_registrar or None, form.gateway)
        except ValueError:
            return FieldProblem(PhoneProblem.UNDIALLABLE_TARGET, row, target)
    return None


def _is_host(text: str) -> bool:
    return is_ip_address(text) or _HOST.match(text) is not None


def _valid_host_port(text: str) -> bool:
    match = _HOST_PORT.match(text)
    if match is None:
        return False
    port = match.group("port")
    return port is None or 0 < int(port) <= 65535

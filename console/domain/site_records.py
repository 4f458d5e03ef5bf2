"""A site's records as import and export files carry them: their fields, each field's check, their keys.

One table of fields per kind of record serves the JSON and CSV readers, the comparison with what is
stored and the export, so a field is checked, compared and written the same way everywhere. A record
read from a file carries only the fields the file gives: a field left out keeps its stored value (or
its default for a new record), which is also how an export without secrets re-imports without losing
the secrets already stored.

Schedules (issue 12, item 2) are not a kind yet: when they exist they become one more `Kind` with its
fields and key, and the readers' `RESERVED_KEYS` entry for "schedule" goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.domain.priority import EventCategory
from console.domain.site import DetectorType


class Kind(StrEnum):
    SITE = "site"
    TRANSMITTER = "transmitter"
    PLAN = "plan"
    ZONE = "zone"
    CONTACT = "contact"
    PROCEDURE = "procedure"


CHILD_KINDS = (Kind.TRANSMITTER, Kind.PLAN, Kind.ZONE, Kind.CONTACT, Kind.PROCEDURE)
# The JSON key of each site's collection.
COLLECTION_KEYS = {
    Kind.TRANSMITTER: "transmitters",
    Kind.PLAN: "plans",
    Kind.ZONE: "zones",
    Kind.CONTACT: "contacts",
    Kind.PROCEDURE: "procedures",
}
# Keys a file may not use yet, with why (schedules: issue 12, item 2).
RESERVED_KEYS = {
    "schedule": "schedules are not supported yet",
    "schedules": "schedules are not supported yet",
}


class FieldError(ValueError):
    """A value refused, worded for the person who wrote the file."""


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    check: Callable[[Any], Any]  # a JSON value -> the stored value, or FieldError
    default: Any = None
    secret: bool = False  # never exported, never shown: "changed" instead of its value
    from_text: Callable[[str], Any] = str  # a CSV cell -> the JSON value `check` takes


# --- checks -------------------------------------------------------------------------------------


def _text(max_length: int, *, required: bool = False) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise FieldError(f"expected text, not {_json_type(value)}")
        if required and not value.strip():
            raise FieldError("must not be empty")
        if len(value) > max_length:
            raise FieldError(f"at most {max_length} characters, not {len(value)}")
        return value

    return check


def _optional(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else check(value)


def _integer(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldError(f"expected a whole number, not {_json_type(value)}")
        if not low <= value <= high:
            raise FieldError(f"must be from {low} to {high}, not {value}")
        return value

    return check


def _number(low: float, high: float) -> Callable[[Any], float]:
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldError(f"expected a number, not {_json_type(value)}")
        if not low <= value <= high:
            raise FieldError(f"must be from {low:g} to {high:g}, not {value}")
        return float(value)

    return check


def _hex(pattern: str, what: str) -> Callable[[Any], str]:
    compiled = re.compile(pattern)

    def check(value: Any) -> str:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            raise FieldError(f"{what}, not {_shown(value)}")
        return value.upper()

    return check


def _choice(values: Sequence[str]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in values:
            raise FieldError(f"one of {', '.join(values)}, not {_shown(value)}")
        return str(value)

    return check


def _timezone(value: Any) -> str:
    name = _text(64, required=True)(value)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise FieldError(f"not a time zone name (such as Europe/Paris): {_shown(value)}") from None
    return name


def _sip_uri(value: Any) -> str:
    uri = _text(200, required=True)(value)
    if not uri.startswith(("sip:", "sips:")) or len(uri.split(":", 1)[1]) == 0 or " " in uri:
        raise FieldError(f"a sip: or sips: URI, not {_shown(value)}")
    return uri


def _phones(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise FieldError(f"expected a list of phone numbers, not {_json_type(value)}")
    phones = []
    for number in value:
        if not isinstance(number, str) or not number.strip() or len(number) > 40 or "\n" in number:
            raise FieldError(
                f"a phone number is text of 1 to 40 characters on one line, not {_shown(number)}"
            )
        phones.append(number.strip())
    return tuple(phones)


def _steps(value: Any) -> tuple[tuple[str, bool], ...]:
    if not isinstance(value, list | tuple):
        raise FieldError(f"expected a list of steps, not {_json_type(value)}")
    steps = []
    for rank, step in enumerate(value, start=1):
        if not isinstance(step, dict) or set(step) - {"text", "mandatory"}:
            raise FieldError(f'step {rank}: expected {{"text": ..., "mandatory": true|false}}')
        text = step.get("text")
        if not isinstance(text, str) or not text.strip():
            raise FieldError(f"step {rank}: its text must not be empty")
        mandatory = step.get("mandatory", True)
        if not isinstance(mandatory, bool):
            raise FieldError(f"step {rank}: mandatory is true or false, not {_shown(mandatory)}")
        steps.append((text, mandatory))
    return tuple(steps)


def _content(value: Any) -> bytes:
    if not isinstance(value, bytes) or not value:
        raise FieldError("the plan's image is empty")
    return value


def _secret_word(value: Any) -> str:
    word = _text(100)(value)
    if word and not word.strip():
        raise FieldError("must not be only blanks")
    return word


def _json_type(value: Any) -> str:
    names = {
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "an object",
    }
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _int_text(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        return text  # the check words the refusal


def _float_text(text: str) -> Any:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text


ACCOUNT = _hex(r"[0-9A-Fa-f]{3,16}", "3 to 16 hexadecimal digits")
LINE = _hex(r"[0-9A-Fa-f]{0,6}", "0 to 6 hexadecimal digits")
AES_KEY = _hex(r"|[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64}", "32, 48 or 64 hexadecimal digits")
_CATEGORIES = tuple(c.value for c in EventCategory)

FIELDS: dict[Kind, tuple[Field, ...]] = {
    Kind.SITE: (
        Field("code", _text(32, required=True)),
        Field("name", _text(200, required=True)),
        Field("address", _text(300), ""),
        Field("postcode", _text(16), ""),
        Field("city", _text(100), ""),
        Field("latitude", _optional(_number(-90, 90)), None, from_text=_float_text),
        Field("longitude", _optional(_number(-180, 180)), None, from_text=_float_text),
        Field("timezone", _timezone, "Europe/Paris"),
        Field("risk_class", _optional(_integer(0, 99)), None, from_text=_int_text),
        Field("accessibility_needs", _text(10_000), ""),
        Field("notes", _text(100_000), ""),
        Field("guard_delay_min", _optional(_integer(1, 24 * 60)), None, from_text=_int_text),
    ),
    Kind.TRANSMITTER: (
        Field("account", ACCOUNT),
        Field("line", LINE, ""),
        Field("receiver", _hex(r"[0-9A-Fa-f]{0,6}", "0 to 6 hexadecimal digits"), ""),
        Field("protocol", _hex(r"|[A-Za-z0-9*-]{1,16}", "a DC-09 ID such as ADM-CID or SIA-DCS"), ""),
        Field("aes_key", _optional(AES_KEY), None, secret=True),
        Field("test_interval_s", _optional(_integer(1, 366 * 86400)), None, from_text=_int_text),
        Field("audio_module_uri", _optional(_sip_uri), None),
    ),
    Kind.PLAN: (
        Field("level", _integer(-99, 999), from_text=_int_text),
        Field("name", _text(100), ""),
        Field("media_type", _choice(("image/svg+xml", "image/png", "image/jpeg")), "image/svg+xml"),
        Field("content", _content, b""),
    ),
    Kind.ZONE: (
        Field("number", _integer(1, 9999), from_text=_int_text),
        Field("name", _text(200), ""),
        Field("detector_type", _choice(tuple(d.value for d in DetectorType)), DetectorType.PIR.value),
        Field("level", _optional(_integer(-99, 999)), None, from_text=_int_text),
        Field("x", _optional(_number(-1e7, 1e7)), None, from_text=_float_text),
        Field("y", _optional(_number(-1e7, 1e7)), None, from_text=_float_text),
    ),
    Kind.CONTACT: (
        Field("name", _text(200, required=True)),
        Field("rank", _integer(1, 10_000), from_text=_int_text),
        Field("role", _text(100), ""),
        Field("phones", _phones, (), from_text=lambda text: [p for p in text.split(";") if p.strip()]),
        Field("sip_uri", _optional(_sip_uri), None),
        Field("availability", _text(200), ""),
        Field("accessibility_needs", _text(10_000), ""),
        Field("password", _optional(_secret_word), None, secret=True),
        Field("duress_word", _optional(_secret_word), None, secret=True),
    ),
    Kind.PROCEDURE: (
        Field("category", _choice(_CATEGORIES)),
        Field("title", _text(200), ""),
        Field("steps", _steps, ()),
    ),
}
FIELD_BY_NAME = {kind: {f.name: f for f in fields} for kind, fields in FIELDS.items()}


def record_key(kind: Kind, fields: dict[str, Any]) -> Hashable:
    """The natural key a record is found by on a second import (never its database id)."""
    key: Hashable
    if kind is Kind.TRANSMITTER:
        key = (fields["account"], fields.get("line", ""))
    else:
        key = fields[key_fields(kind)[0]]
    return key


def key_fields(kind: Kind) -> tuple[str, ...]:
    return {
        Kind.SITE: ("code",),
        Kind.TRANSMITTER: ("account", "line"),
        Kind.PLAN: ("level",),
        Kind.ZONE: ("number",),
        Kind.CONTACT: ("name",),
        Kind.PROCEDURE: ("category",),
    }[kind]


def label(kind: Kind, key: Hashable) -> str:
    """How a record is named in a dry run and in the journal: "zone 3", "contact 'Ann Lee'"."""
    if kind is Kind.TRANSMITTER:
        assert isinstance(key, tuple)
        account, line = key
        return f"transmitter {account} line {line or '-'}"
    if kind is Kind.PLAN:
        return f"plan level {key}"
    if kind is Kind.CONTACT:
        return f"contact {key!r}"
    return f"{kind.value} {key}"


def defaults(kind: Kind) -> dict[str, Any]:
    return {f.name: f.default for f in FIELDS[kind]}


# --- what a file says and what is stored ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileError:
    """A refusal with where it is: a JSON path (`$.sites[3].zones[1].number`) or a CSV line (`line 14`)."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass
class Entry:
    """One record read from a file: the fields it gives, checked (the others keep their stored value)."""

    kind: Kind
    key: Hashable
    origin: str
    fields: dict[str, Any]


@dataclass
class Collection:
    entries: list[Entry]
    # True: the file lists the site's whole collection, so stored records it leaves out are removed.
    replace: bool = True
    origin: str = ""  # where the list is (removals are reported there)


@dataclass
class SiteEntry:
    code: str
    origin: str
    fields: dict[str, Any]
    collections: dict[Kind, Collection] = field(default_factory=dict)  # a kind absent: kept as stored
    must_exist: bool = False  # a contacts CSV adds no site


@dataclass
class ParsedFile:
    sites: list[SiteEntry]
    errors: list[FileError]


@dataclass
class StoredRecord:
    id: int
    fields: dict[str, Any]  # contacts' secrets as their hashes, None when not set


@dataclass
class StoredSite:
    id: int
    fields: dict[str, Any]
    records: dict[Kind, dict[Hashable, StoredRecord]]

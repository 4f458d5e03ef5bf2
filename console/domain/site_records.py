"""A site's records as import and export files carry them: their fields, each field's check, their keys.

One table of fields per kind of record serves the JSON and CSV readers, the comparison with what is
stored and the export, so a field is checked, compared and written the same way everywhere. Each field's
check is the administration window's rule (`site_fields`), so a value the window refuses an import refuses
too; only the wording differs: in English, with the value the file gave, for the dry-run report. A record
read from a file carries only the fields the file gives: a field left out keeps its stored value (or
its default for a new record), which is also how an export without secrets re-imports without losing
the secrets already stored.

Schedules (issue 12, item 2) are not a kind yet: when they exist they become one more `site_fields.Kind`
with its rules and key, and the readers' `RESERVED_KEYS` entry for "schedule" goes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from console.domain.site_fields import RULES, FieldRule, Problem, whole_number
from console.domain.site_fields import FieldError as RuleError
from console.domain.site_fields import Kind as Kind  # the readers, the plan and storage name kinds from here

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
    """A value refused, worded for the person who wrote the file (from the rule's `Problem`)."""


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    check: Callable[[Any], Any]  # a JSON value -> the stored value, or FieldError
    default: Any = None
    secret: bool = False  # never exported, never shown: "changed" instead of its value
    from_text: Callable[[str], Any] = str  # a CSV cell -> the JSON value `check` takes


# --- each field's check: the administration's rule, worded for a file ------------------------------

# The import's wording where it differs from the rule's English; the value refused is added after it.
_WORDING = {
    Problem.AES_KEY: "32, 48 or 64 hexadecimal digits",
    Problem.SIP_URI: "a sip: or sips: URI",
}
_TYPE_PROBLEMS = frozenset({Problem.NOT_TEXT, Problem.NOT_WHOLE_NUMBER, Problem.NOT_NUMBER})
_SHOWN_PROBLEMS = frozenset({Problem.HEX_DIGITS, Problem.AES_KEY, Problem.CHOICE, Problem.SIP_URI})


def _message(name: str, error: RuleError, value: Any) -> str:
    """The dry run's English for a refusal: the rule's problem, with what the file gave."""
    problem, words = error.problem, _WORDING.get(error.problem, str(error))
    if name == "content" and problem is Problem.REQUIRED:
        return "the plan's image is empty"
    if name == "phones" and not isinstance(value, list | tuple):
        return f"expected a list of phone numbers, not {_json_type(value)}"
    if problem in _TYPE_PROBLEMS:
        return f"{words}, not {_json_type(value)}"
    if problem is Problem.OUT_OF_RANGE:
        return f"{words}, not {value}"
    if problem is Problem.TOO_LONG and isinstance(value, str):
        return f"{words}, not {len(value)}"
    if problem is Problem.TIME_ZONE:
        return f"{words}: {_shown(value)}"
    if problem in _SHOWN_PROBLEMS:
        return f"{words}, not {_shown(value)}"
    return words


def _checked(name: str, check: Callable[[Any], Any], *, secret: bool = False) -> Callable[[Any], Any]:
    def file_check(value: Any) -> Any:
        if secret and value == "":  # a file's "" removes the stored secret (not a word to check)
            return ""
        try:
            stored = check(value)
        except RuleError as error:
            raise FieldError(_message(name, error, value)) from None
        if name == "steps":  # the import stores (text, mandatory) pairs
            return tuple((step.text, step.mandatory) for step in stored)
        return stored

    return file_check


def _field(rule: FieldRule) -> Field:
    return Field(
        rule.name,
        _checked(rule.name, rule.check, secret=rule.secret),
        rule.default,
        rule.secret,
        rule.from_text,
    )


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


# A contact's rank is the file's list order (the administration orders contacts its own way).
_RANK = Field("rank", _checked("rank", whole_number(1, 10_000)))  # never a CSV cell: the row order


def _fields(kind: Kind) -> tuple[Field, ...]:
    fields = tuple(_field(rule) for rule in RULES[kind])
    return (*fields[:1], _RANK, *fields[1:]) if kind is Kind.CONTACT else fields


FIELDS: dict[Kind, tuple[Field, ...]] = {kind: _fields(kind) for kind in (Kind.SITE, *CHILD_KINDS)}
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

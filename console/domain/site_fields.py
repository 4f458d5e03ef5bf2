"""The fields of a site's records and the one rule each field is checked by.

The administration window and the import (`vigie sites import`) store the same fields, so they check them
here, the same way: a rule takes a value as a file carries it (text, a number, a list) and returns the value to
store, or raises `FieldError`. A field error carries a problem code and its parameters, so the window words it
in the operator's language beside the field, and an English message for files, logs and the command line.
A form gives text: `values_from_texts` turns each field's text into the value its rule checks.

Secrets (a transmitter's AES key, a contact's password and duress word) are fields like the others for the
checks, but are never shown or exported: `change_lines` writes them as "changed", never their value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.domain.priority import EventCategory
from console.domain.site import DetectorType


class Kind(StrEnum):
    SITE = "site"
    TRANSMITTER = "transmitter"
    CONTACT = "contact"
    PROCEDURE = "procedure"
    ZONE = "zone"  # placed on the plans by the plan editor; here for the import
    PLAN = "plan"  # the image itself is checked by storage/plans.py (format, size, readable)


class Problem(StrEnum):
    """Why a value is refused; `FieldError.params` holds what the wording needs."""

    REQUIRED = "required"
    TOO_LONG = "too_long"  # maximum
    NOT_TEXT = "not_text"
    NOT_WHOLE_NUMBER = "not_whole_number"
    NOT_NUMBER = "not_number"
    OUT_OF_RANGE = "out_of_range"  # low, high
    TIME_ZONE = "time_zone"
    SIP_URI = "sip_uri"
    PHONE = "phone"  # value
    HEX_DIGITS = "hex_digits"  # low, high
    AES_KEY = "aes_key"
    CHOICE = "choice"  # choices
    BLANK = "blank"
    STEP_TEXT = "step_text"  # rank
    STEPS = "steps"
    DUPLICATE = "duplicate"  # value: another record already has it (a site code, an account and line)


_ENGLISH: dict[Problem, str] = {
    Problem.REQUIRED: "must not be empty",
    Problem.TOO_LONG: "at most {maximum} characters",
    Problem.NOT_TEXT: "expected text",
    Problem.NOT_WHOLE_NUMBER: "expected a whole number",
    Problem.NOT_NUMBER: "expected a number",
    Problem.OUT_OF_RANGE: "must be from {low} to {high}",
    Problem.TIME_ZONE: "not a time zone name (such as Europe/Paris)",
    Problem.SIP_URI: "a sip: or sips: URI, such as sip:audio-1234@192.0.2.10",
    Problem.PHONE: "{value!r} is not a phone number (digits, spaces, + . - ( ), 3 to 40 characters)",
    Problem.HEX_DIGITS: "{low} to {high} hexadecimal digits",
    Problem.AES_KEY: "32, 48 or 64 hexadecimal digits (AES-128, 192 or 256)",
    Problem.CHOICE: "one of {choices}",
    Problem.BLANK: "must not be only blanks",
    Problem.STEP_TEXT: "step {rank}: its text must not be empty",
    Problem.STEPS: "expected a list of steps, each with a text and whether it is mandatory",
    Problem.DUPLICATE: "{value} is already used",
}


class FieldError(ValueError):
    """A value refused: `problem` and `params` for the window's wording, `str()` in English."""

    def __init__(self, problem: Problem, **params: Any) -> None:
        self.problem = problem
        self.params = {name: str(value) for name, value in params.items()}
        super().__init__(_ENGLISH[problem].format(**params))


class FieldErrors(ValueError):
    """Every field refused in one record, by field name: nothing of the record is stored."""

    def __init__(self, errors: Mapping[str, FieldError]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{name}: {error}" for name, error in self.errors.items()))


@dataclass(frozen=True, slots=True)
class StepDraft:
    """A procedure step as edited: `id` of the stored step it changes, None for a new one."""

    text: str
    mandatory: bool = True
    id: int | None = None


def _same(text: str) -> Any:
    return text


@dataclass(frozen=True, slots=True)
class FieldRule:
    name: str
    check: Callable[[Any], Any]  # a value as carried -> the value stored, or FieldError
    default: Any = None
    secret: bool = False  # never shown nor exported; journaled as "changed"
    from_text: Callable[[str], Any] = _same  # what a form's field (or a CSV cell) holds -> the value checked


# --- checks -------------------------------------------------------------------------------------


def text(max_length: int, *, required: bool = False) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise FieldError(Problem.NOT_TEXT)
        if required and not value.strip():
            raise FieldError(Problem.REQUIRED)
        if len(value) > max_length:
            raise FieldError(Problem.TOO_LONG, maximum=max_length)
        return value.strip() if required else value

    return check


def optional(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else check(value)


def whole_number(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldError(Problem.NOT_WHOLE_NUMBER)
        if not low <= value <= high:
            raise FieldError(Problem.OUT_OF_RANGE, low=low, high=high)
        return value

    return check


def number(low: float, high: float) -> Callable[[Any], float]:
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldError(Problem.NOT_NUMBER)
        if not low <= value <= high:
            raise FieldError(Problem.OUT_OF_RANGE, low=f"{low:g}", high=f"{high:g}")
        return float(value)

    return check


def hex_digits(low: int, high: int) -> Callable[[Any], str]:
    pattern = re.compile(f"[0-9A-Fa-f]{{{low},{high}}}")

    def check(value: Any) -> str:
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise FieldError(Problem.HEX_DIGITS, low=low, high=high)
        return value.upper()

    return check


_AES_KEY = re.compile(r"[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64}")


def aes_key(value: Any) -> str:
    if not isinstance(value, str) or not _AES_KEY.fullmatch(value):
        raise FieldError(Problem.AES_KEY)
    return value.upper()


def choice(values: Sequence[str]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in values:
            raise FieldError(Problem.CHOICE, choices=", ".join(v or '""' for v in values))
        return str(value)

    return check


def time_zone(value: Any) -> str:
    name = text(64, required=True)(value)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise FieldError(Problem.TIME_ZONE) from None
    return name


def sip_uri(value: Any) -> str:
    uri = text(200, required=True)(value)
    scheme, _, rest = uri.partition(":")
    if scheme not in ("sip", "sips") or not rest or any(ch.isspace() for ch in uri):
        raise FieldError(Problem.SIP_URI)
    return uri


_PHONE = re.compile(r"\+?[0-9 .()\-]{3,40}")


def phones(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise FieldError(Problem.PHONE, value=value)
    found = []
    for entry in value:
        phone = entry.strip() if isinstance(entry, str) else entry
        if not isinstance(phone, str) or not _PHONE.fullmatch(phone) or sum(c.isdigit() for c in phone) < 3:
            raise FieldError(Problem.PHONE, value=entry)
        found.append(phone)
    return tuple(found)


def secret_word(value: Any) -> str:
    word = text(100)(value)
    if not word.strip():
        raise FieldError(Problem.BLANK)
    return word


def image_content(value: Any) -> bytes:
    if not isinstance(value, bytes) or not value:
        raise FieldError(Problem.REQUIRED)
    return value


def steps(value: Any) -> tuple[StepDraft, ...]:
    """Steps as drafts, or as a file gives them ({"text": ..., "mandatory": true})."""
    if not isinstance(value, list | tuple):
        raise FieldError(Problem.STEPS)
    drafts = []
    for rank, step in enumerate(value, start=1):
        if isinstance(step, dict) and not set(step) - {"text", "mandatory"}:
            step = StepDraft(step.get("text"), step.get("mandatory", True))  # type: ignore[arg-type]
        if not isinstance(step, StepDraft) or not isinstance(step.mandatory, bool):
            raise FieldError(Problem.STEPS)
        if not isinstance(step.text, str) or not step.text.strip():
            raise FieldError(Problem.STEP_TEXT, rank=rank)
        if len(step.text) > 2000:
            raise FieldError(Problem.TOO_LONG, maximum=2000)
        drafts.append(StepDraft(step.text.strip(), step.mandatory, step.id))
    return tuple(drafts)


# --- text as a form or a CSV cell holds it --------------------------------------------------------


def _optional_text(value: str) -> str | None:
    return value.strip() or None


def _int_text(value: str) -> Any:
    value = value.strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        return value  # the check words the refusal


def _float_text(value: str) -> Any:
    value = value.strip()
    if not value:
        return None
    try:
        return float(value.replace(",", "."))
    except ValueError:
        return value


def _phones_text(value: str) -> list[str]:
    return [p for p in re.split(r"[\n;]", value) if p.strip()]


def _key_text(value: str) -> str | None:
    return "".join(value.split()) or None  # keys are often written in groups of four


PROTOCOLS = ("", "SIA-DCS", "ADM-CID")  # "": whatever the panel sends
CATEGORIES = tuple(c.value for c in EventCategory)

RULES: dict[Kind, tuple[FieldRule, ...]] = {
    Kind.SITE: (
        FieldRule("code", text(32, required=True)),
        FieldRule("name", text(200, required=True)),
        FieldRule("address", text(300), ""),
        FieldRule("postcode", text(16), ""),
        FieldRule("city", text(100), ""),
        FieldRule("latitude", optional(number(-90, 90)), None, from_text=_float_text),
        FieldRule("longitude", optional(number(-180, 180)), None, from_text=_float_text),
        FieldRule("timezone", time_zone, "Europe/Paris", from_text=str.strip),
        FieldRule("risk_class", optional(whole_number(0, 99)), None, from_text=_int_text),
        FieldRule("accessibility_needs", text(10_000), ""),
        FieldRule("notes", text(100_000), ""),
        FieldRule("guard_delay_min", optional(whole_number(1, 24 * 60)), None, from_text=_int_text),
    ),
    Kind.TRANSMITTER: (
        FieldRule("account", hex_digits(3, 16), from_text=str.strip),
        FieldRule("line", hex_digits(0, 6), "", from_text=str.strip),
        FieldRule("receiver", hex_digits(0, 6), "", from_text=str.strip),
        FieldRule("protocol", choice(PROTOCOLS), ""),
        FieldRule("aes_key", optional(aes_key), None, secret=True, from_text=_key_text),
        FieldRule("test_interval_s", optional(whole_number(60, 366 * 86400)), None, from_text=_int_text),
        FieldRule("audio_module_uri", optional(sip_uri), None, from_text=_optional_text),
    ),
    Kind.CONTACT: (
        FieldRule("name", text(200, required=True)),
        FieldRule("role", text(100), ""),
        FieldRule("phones", phones, (), from_text=_phones_text),
        FieldRule("sip_uri", optional(sip_uri), None, from_text=_optional_text),
        FieldRule("availability", text(200), ""),
        FieldRule("accessibility_needs", text(10_000), ""),
        FieldRule("password", optional(secret_word), None, secret=True, from_text=_optional_text),
        FieldRule("duress_word", optional(secret_word), None, secret=True, from_text=_optional_text),
    ),
    Kind.PROCEDURE: (
        FieldRule("category", choice(CATEGORIES)),
        FieldRule("title", text(200), ""),
        FieldRule("steps", steps, ()),
    ),
    Kind.ZONE: (
        FieldRule("number", whole_number(1, 9999), from_text=_int_text),
        FieldRule("name", text(200), ""),
        FieldRule("detector_type", choice(tuple(d.value for d in DetectorType)), DetectorType.PIR.value),
        FieldRule("level", optional(whole_number(-99, 999)), None, from_text=_int_text),
        FieldRule("x", optional(number(-1e7, 1e7)), None, from_text=_float_text),
        FieldRule("y", optional(number(-1e7, 1e7)), None, from_text=_float_text),
    ),
    Kind.PLAN: (
        FieldRule("level", whole_number(-99, 999), from_text=_int_text),
        FieldRule("name", text(100), ""),
        FieldRule("media_type", choice(("image/svg+xml", "image/png", "image/jpeg")), "image/svg+xml"),
        FieldRule("content", image_content, b""),
    ),
}
RULE_BY_NAME: dict[Kind, dict[str, FieldRule]] = {k: {r.name: r for r in rules} for k, rules in RULES.items()}


def values_from_texts(kind: Kind, texts: Mapping[str, str]) -> dict[str, Any]:
    """A form's texts as the values the rules check (only the fields given)."""
    rules = RULE_BY_NAME[kind]
    return {name: rules[name].from_text(value) for name, value in texts.items()}


def check_values(kind: Kind, values: Mapping[str, Any], *, complete: bool = True) -> dict[str, Any]:
    """The values to store, or FieldErrors naming every field refused.

    `complete`: a new record; a field left out takes its default, and one without a default is required.
    Otherwise only the fields given are checked (a change)."""
    rules = RULE_BY_NAME[kind]
    unknown = set(values) - set(rules)
    if unknown:
        raise KeyError(f"{kind} has no field {', '.join(sorted(unknown))}")
    checked: dict[str, Any] = {}
    errors: dict[str, FieldError] = {}
    for rule in RULES[kind]:
        if rule.name not in values and not complete:
            continue
        if rule.name not in values and rule.default is None and not _nullable(rule):
            errors[rule.name] = FieldError(Problem.REQUIRED)
            continue
        try:
            checked[rule.name] = rule.check(values.get(rule.name, rule.default))
        except FieldError as error:
            errors[rule.name] = error
    if errors:
        raise FieldErrors(errors)
    return checked


def _nullable(rule: FieldRule) -> bool:
    try:
        return rule.check(None) is None
    except FieldError:
        return False


def check_texts(kind: Kind, texts: Mapping[str, str], *, complete: bool = True) -> dict[str, Any]:
    return check_values(kind, values_from_texts(kind, texts), complete=complete)


def to_text(kind: Kind, name: str, value: Any) -> str:
    """A stored value as a form shows it (the reverse of the rule's `from_text`); never for secrets."""
    if RULE_BY_NAME[kind][name].secret:
        raise ValueError(f"{name} is a secret: it is never shown")
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return "\n".join(str(v) for v in value)
    return str(value)

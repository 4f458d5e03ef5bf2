"""The demo catalogue: reads and checks the data files of tools/demo_data/ (sites.toml, contacts.toml,
procedures.toml) into the records make_demo_data.py generates resources/demo from.

The files are hand-edited, so every mistake is reported as a ``DataError`` naming the file, the site
(by code, or by position and name when the code itself is missing) and the field, instead of a
KeyError deep in the generator. Standard library only; runs with ``tools/`` on the path.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

from demo_buildings import BUILDERS, SiteBuilder

DATA = Path(__file__).resolve().parent / "demo_data"
PROTOCOLS = ("ADM-CID", "SIA-DCS")
ALWAYS = ("intrusion", "fire", "panic")  # every site's first procedures; "technical" comes last
LAST = "technical"
CONDITIONS = ("audio", "occupied_at_night")  # the site flags a step's ``when`` may test


class DataError(ValueError):
    """A data file is malformed; the message names the file, the site and the field."""


@dataclass(frozen=True, slots=True)
class Person:
    """A contact to call: the role has a masculine and feminine form ("Gérant|Gérante");
    an ``organisation`` is named as such instead of a person."""

    role: str
    availability: str = "24h/24"
    accessibility_needs: str = ""
    organisation: str = ""
    landline: bool = False
    sip_uri: str | None = None


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """Everything about a site that is not drawn: identity, address, transmitter, people, rules."""

    code: str
    name: str
    builder: Callable[[SiteBuilder], None]
    address: str
    postcode: str
    city: str
    latitude: float
    longitude: float
    risk_class: int
    street: str
    notes: str
    people: tuple[Person, ...]
    accessibility_needs: str = ""
    audio: bool = False
    protocol: Literal["ADM-CID", "SIA-DCS"] = "ADM-CID"
    line: str = "1"
    extra_procedures: tuple[str, ...] = ()
    occupied_at_night: bool = False
    site_steps: dict[str, str] = field(default_factory=dict)  # category -> one site-specific step


@dataclass(frozen=True, slots=True)
class ContactData:
    """What generated contacts are drawn from (contacts.toml)."""

    mobile_prefix: str
    landline_prefix: dict[str, str]  # telephone region -> prefix
    region_of_department: dict[str, str]  # first two digits of the postcode -> telephone region
    first_names_f: tuple[str, ...]
    first_names_m: tuple[str, ...]
    last_names: tuple[str, ...]
    passwords: tuple[str, ...]
    duress_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a procedure template, kept for the sites whose flags match ``when``."""

    text: str
    mandatory: bool = True
    mandatory_from_risk_class: int | None = None
    when: tuple[str, ...] = ()  # "audio", "!audio", "occupied_at_night", "!occupied_at_night"

    def applies_to(self, info: SiteInfo) -> bool:
        flags = {"audio": info.audio, "occupied_at_night": info.occupied_at_night}
        return all(flags[c.removeprefix("!")] != c.startswith("!") for c in self.when)

    def mandatory_for(self, info: SiteInfo) -> bool:
        if self.mandatory_from_risk_class is None:
            return self.mandatory
        return info.risk_class >= self.mandatory_from_risk_class


@dataclass(frozen=True, slots=True)
class Procedure:
    title: str
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The three data files, read and checked against each other."""

    sites: tuple[SiteInfo, ...]
    contacts: ContactData
    procedures: dict[str, Procedure]
    closing_step: str


_REQUIRED = object()


class _Fields:
    """Reads the fields of one TOML table, each error naming ``where`` (file, site, field)."""

    def __init__(self, table: object, where: str) -> None:
        if not isinstance(table, dict):
            raise DataError(f"{where}: expected a table, found {_kind(table)}")
        self.table: dict[str, object] = table
        self.where = where
        self.read: set[str] = set()

    def fail(self, key: str, problem: str) -> DataError:
        return DataError(f"{self.where}: field {key!r}: {problem}")

    def value(self, key: str, default: object = _REQUIRED) -> object:
        """The raw value of ``key`` (``default`` when absent; required without one)."""
        self.read.add(key)
        if key in self.table:
            return self.table[key]
        if default is _REQUIRED:
            raise DataError(f"{self.where}: missing field {key!r}")
        return default

    def text(self, key: str, default: object = _REQUIRED, *, empty: bool = True) -> str:
        value = self.value(key, default)
        if not isinstance(value, str):
            raise self.fail(key, f"expected a string, found {_kind(value)}")
        if not empty and not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def optional_text(self, key: str) -> str | None:
        return None if self.value(key, None) is None else self.text(key)

    def flag(self, key: str, default: object = _REQUIRED) -> bool:
        value = self.value(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, found {_kind(value)}")
        return value

    def integer(self, key: str, low: int, high: int, default: object = _REQUIRED) -> int:
        value = self.value(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"expected a whole number, found {_kind(value)}")
        if not low <= value <= high:
            raise self.fail(key, f"{value} is not between {low} and {high}")
        return value

    def number(self, key: str, low: float, high: float) -> float:
        value = self.value(key, _REQUIRED)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"expected a number, found {_kind(value)}")
        if not low <= value <= high:
            raise self.fail(key, f"{value} is not between {low} and {high}")
        return float(value)

    def texts(self, key: str, default: object = _REQUIRED, *, empty: bool = True) -> tuple[str, ...]:
        value = self.value(key, default)
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(key, f"expected a list of non-empty strings, found {_kind(value)}")
        if not empty and not value:
            raise self.fail(key, "must not be empty")
        return tuple(value)

    def mapping(self, key: str, default: object = _REQUIRED) -> dict[str, str]:
        value = self.value(key, default)
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self.fail(key, f"expected a table of strings, found {_kind(value)}")
        return dict(value)

    def tables(self, key: str) -> list[object]:
        value = self.value(key, _REQUIRED)
        if not isinstance(value, list) or not value:
            raise self.fail(key, f"expected a non-empty list of tables, found {_kind(value)}")
        return value

    def done(self) -> None:
        """Reject fields nobody reads: a misspelt optional field would otherwise be ignored."""
        for key in self.table:
            if key not in self.read:
                raise DataError(f"{self.where}: unknown field {key!r}")


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    names = {str: "a string", int: "a number", float: "a number", list: "a list", dict: "a table"}
    return f"{value!r}" if value is None else names.get(type(value), type(value).__name__)


def _read(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: not valid TOML: {exc}") from exc


def load_contacts(path: Path) -> ContactData:
    f = _Fields(_read(path), str(path))
    data = ContactData(
        mobile_prefix=f.text("mobile_prefix", empty=False),
        landline_prefix=f.mapping("landline_prefix"),
        region_of_department=f.mapping("region_of_department"),
        first_names_f=f.texts("first_names_f", empty=False),
        first_names_m=f.texts("first_names_m", empty=False),
        last_names=f.texts("last_names", empty=False),
        passwords=f.texts("passwords", empty=False),
        duress_words=f.texts("duress_words", empty=False),
    )
    f.done()
    for department, region in data.region_of_department.items():
        if region not in data.landline_prefix:
            raise f.fail("region_of_department", f"{department!r}: region {region!r} has no landline_prefix")
    return data


def load_procedures(path: Path) -> tuple[dict[str, Procedure], str]:
    top = _Fields(_read(path), str(path))
    closing = top.text("closing_step", empty=False)
    categories = top.value("procedures")
    top.done()
    if not isinstance(categories, dict):
        raise top.fail("procedures", f"expected a table of categories, found {_kind(categories)}")
    procedures: dict[str, Procedure] = {}
    for category, table in categories.items():
        f = _Fields(table, f"{path}: procedure {category}")
        entries = f.tables("steps")
        title = f.text("title", empty=False)
        f.done()
        steps = tuple(
            _step(entry, f"{path}: procedure {category}: step {n}") for n, entry in enumerate(entries, 1)
        )
        procedures[category] = Procedure(title, steps)
    for category in (*ALWAYS, LAST):
        if category not in procedures:
            raise DataError(f"{path}: no procedure {category!r} (every site has one)")
    return procedures, closing


def _step(table: object, where: str) -> Step:
    f = _Fields(table, where)
    text = f.text("text", empty=False)
    from_risk = None
    if "mandatory_from_risk_class" in f.table:
        if "mandatory" in f.table:
            raise f.fail("mandatory", "give mandatory or mandatory_from_risk_class, not both")
        from_risk = f.integer("mandatory_from_risk_class", 1, 5)
    step = Step(text, f.flag("mandatory", True), from_risk, f.texts("when", ()))
    f.done()
    for condition in step.when:
        if condition.removeprefix("!") not in CONDITIONS:
            known = ", ".join(f"{c!r}, '!{c}'" for c in CONDITIONS)
            raise f.fail("when", f"unknown condition {condition!r} (known: {known})")
    return step


def _site_label(table: object, number: int) -> str:
    """How errors name a site: by its code, or by position and name when the code is unusable."""
    code = table.get("code") if isinstance(table, dict) else None
    if isinstance(code, str) and code.strip():
        return f"site {code}"
    name = table.get("name") if isinstance(table, dict) else None
    return f"site #{number}" + (f" ({name})" if isinstance(name, str) and name else "")


def load_sites(
    path: Path, contacts: ContactData, procedures: Mapping[str, Procedure]
) -> tuple[SiteInfo, ...]:
    top = _Fields(_read(path), str(path))
    tables = top.tables("sites")
    top.done()
    sites: list[SiteInfo] = []
    first_of: dict[str, int] = {}
    for number, table in enumerate(tables, 1):
        info = _site(table, f"{path}: {_site_label(table, number)}", contacts, procedures)
        if info.code in first_of:
            raise DataError(
                f"{path}: site #{number} ({info.name}): field 'code': {info.code!r} is already the code "
                f"of site #{first_of[info.code]}"
            )
        first_of[info.code] = number
        sites.append(info)
    return tuple(sites)


def _site(table: object, where: str, contacts: ContactData, procedures: Mapping[str, Procedure]) -> SiteInfo:
    f = _Fields(table, where)
    code = f.text("code", empty=False)
    builder_name = f.text("builder", empty=False)
    builder = BUILDERS.get(builder_name)
    if builder is None:
        raise f.fail("builder", f"unknown builder {builder_name!r} (known: {', '.join(sorted(BUILDERS))})")
    postcode = f.text("postcode")
    if not (len(postcode) == 5 and postcode.isdigit()):
        raise f.fail("postcode", f"{postcode!r} is not a five-digit postcode")
    if postcode[:2] not in contacts.region_of_department:
        raise f.fail(
            "postcode", f"département {postcode[:2]!r} is not in region_of_department (contacts.toml)"
        )
    protocol = f.text("protocol", "ADM-CID")
    if protocol not in PROTOCOLS:
        raise f.fail("protocol", f"{protocol!r} is not one of {', '.join(PROTOCOLS)}")
    extra = f.texts("extra_procedures", ())
    for category in extra:
        if category not in procedures or category in (*ALWAYS, LAST):
            optional = ", ".join(c for c in procedures if c not in (*ALWAYS, LAST))
            raise f.fail("extra_procedures", f"{category!r} is not an optional procedure (known: {optional})")
    if len(set(extra)) != len(extra):
        raise f.fail("extra_procedures", "a category is listed twice")
    site_steps = f.mapping("site_steps", {})
    for category in site_steps:
        if category not in (*ALWAYS, *extra, LAST):
            raise f.fail("site_steps", f"{category!r}: the site has no such procedure")
    people = tuple(_person(entry, f"{where}: people #{n}") for n, entry in enumerate(f.tables("people"), 1))
    if len(people) > len(contacts.passwords):
        raise f.fail(
            "people", f"{len(people)} contacts but only {len(contacts.passwords)} passwords (contacts.toml)"
        )
    info = SiteInfo(
        code=code,
        name=f.text("name", empty=False),
        builder=builder,
        address=f.text("address", empty=False),
        postcode=postcode,
        city=f.text("city", empty=False),
        latitude=f.number("latitude", -90.0, 90.0),
        longitude=f.number("longitude", -180.0, 180.0),
        risk_class=f.integer("risk_class", 1, 5),
        street=f.text("street", empty=False),
        notes=f.text("notes"),
        people=people,
        accessibility_needs=f.text("accessibility_needs", ""),
        audio=f.flag("audio", False),
        protocol=cast(Literal["ADM-CID", "SIA-DCS"], protocol),
        line=f.text("line", "1", empty=False),
        extra_procedures=extra,
        occupied_at_night=f.flag("occupied_at_night", False),
        site_steps=site_steps,
    )
    f.done()
    return info


def _person(table: object, where: str) -> Person:
    f = _Fields(table, where)
    person = Person(
        role=f.text("role", empty=False),
        availability=f.text("availability", "24h/24", empty=False),
        accessibility_needs=f.text("accessibility_needs", ""),
        organisation=f.text("organisation", ""),
        landline=f.flag("landline", False),
        sip_uri=f.optional_text("sip_uri"),
    )
    f.done()
    return person


def load_catalogue(data: Path = DATA) -> Catalogue:
    """Read ``data``/{contacts,procedures,sites}.toml; raises DataError on the first mistake."""
    contacts = load_contacts(data / "contacts.toml")
    procedures, closing = load_procedures(data / "procedures.toml")
    sites = load_sites(data / "sites.toml", contacts, procedures)
    return Catalogue(sites, contacts, procedures, closing)

"""The station file in JSON, as the demo's resources/demo/sites.json: read (checked, every refusal with
its JSON path) and written (the export, without secrets, in a stable order so two exports of the same
station are the same bytes).

    {"version": 1, "sites": [{"code": ..., "name": ..., "transmitters": [...], "plans": [...],
                              "zones": [...], "contacts": [...], "procedures": [...]}]}

A site object gives the site's whole record: each collection it has replaces the stored one (stored
records it leaves out are removed), a collection it does not have is kept as stored; a field left out
keeps its stored value. The demo's flat `account`, `line`, `protocol`, ... keys on the site are read
as a site with that one transmitter. Plans carry their image as `file` (a path relative to the JSON
file's folder, as in the demo) or `content_base64` (what the export writes). Contacts follow the list's
order (their call order); their `password` and `duress_word`, and transmitters' `aes_key`, are secrets:
the export leaves them out, a re-import then keeps the stored ones; "" removes one.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Hashable
from typing import Any

from console.domain.priority import EventCategory
from console.domain.site_records import (
    CHILD_KINDS,
    COLLECTION_KEYS,
    FIELD_BY_NAME,
    FIELDS,
    RESERVED_KEYS,
    Collection,
    Entry,
    FieldError,
    FileError,
    Kind,
    ParsedFile,
    SiteEntry,
    StoredSite,
    record_key,
)

FORMAT_VERSION = 1
_FLAT_TRANSMITTER = (
    "account",
    "line",
    "receiver",
    "protocol",
    "aes_key",
    "test_interval_s",
    "audio_module_uri",
)
_PLAN_SOURCES = ("file", "content_base64")

ReadFile = Callable[[str], bytes]
"""Reads a plan's `file` (relative to the JSON file's folder); raises OSError."""


def parse_station_json(text: str | bytes, read_file: ReadFile) -> ParsedFile:
    """Every site of the document, checked; `errors` lists every refusal (none: the file may be imported)."""
    errors: list[FileError] = []
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return ParsedFile([], [FileError(f"line {exc.lineno} column {exc.colno}", f"not JSON: {exc.msg}")])
    except UnicodeDecodeError:
        return ParsedFile([], [FileError("$", "not UTF-8 text")])
    if not isinstance(document, dict) or not isinstance(document.get("sites"), list):
        return ParsedFile([], [FileError("$", 'expected an object with a "sites" list')])
    for key in sorted(set(document) - {"sites", "version"}):
        errors.append(FileError(f"$.{key}", "unknown key (expected version and sites)"))
    if "version" in document and document["version"] != FORMAT_VERSION:
        errors.append(FileError("$.version", f"this Vigie reads version {FORMAT_VERSION} files"))
    sites = []
    for index, raw in enumerate(document["sites"]):
        site = _site(raw, f"$.sites[{index}]", read_file, errors)
        if site is not None:
            sites.append(site)
    _check_unique_sites(sites, errors)
    return ParsedFile(sites, errors)


def _site(raw: Any, path: str, read_file: ReadFile, errors: list[FileError]) -> SiteEntry | None:
    if not isinstance(raw, dict):
        errors.append(FileError(path, "expected a site object"))
        return None
    flat = {k: raw[k] for k in _FLAT_TRANSMITTER if k in raw}
    site_keys = set(raw) - set(flat) - set(COLLECTION_KEYS.values())
    fields = _fields(Kind.SITE, {k: raw[k] for k in site_keys}, path, errors)
    if "code" not in fields:
        if "code" not in raw:
            errors.append(FileError(path, "a site needs its code"))
        return None
    site = SiteEntry(code=fields["code"], origin=path, fields=fields)
    if flat and "transmitters" in raw:
        errors.append(
            FileError(path, "give the transmitter either flat (account, line...) or in transmitters")
        )
    elif flat:
        site.collections[Kind.TRANSMITTER] = Collection(
            _entries(Kind.TRANSMITTER, [flat], path, errors, flat=True)
        )
    for kind in CHILD_KINDS:
        key = COLLECTION_KEYS[kind]
        if key not in raw:
            continue
        items = raw[key]
        if not isinstance(items, list):
            errors.append(FileError(f"{path}.{key}", "expected a list"))
            continue
        if kind is Kind.PLAN:
            items = [
                _plan_content(item, f"{path}.plans[{i}]", read_file, errors) for i, item in enumerate(items)
            ]
        if kind is Kind.CONTACT:  # the list's order is the call order
            for i, item in enumerate(items):
                if isinstance(item, dict) and "rank" in item:
                    errors.append(
                        FileError(f"{path}.contacts[{i}].rank", "the call order is the list's order")
                    )
            items = [
                {**item, "rank": i} if isinstance(item, dict) else item for i, item in enumerate(items, 1)
            ]
        site.collections[kind] = Collection(
            _entries(kind, items, f"{path}.{key}", errors), origin=f"{path}.{key}"
        )
    return site


def _entries(
    kind: Kind, items: list[Any], path: str, errors: list[FileError], *, flat: bool = False
) -> list[Entry]:
    """The checked records of one collection (`flat`: the demo's transmitter keys on the site itself)."""
    entries: list[Entry] = []
    seen: dict[Hashable, str] = {}
    for index, item in enumerate(items):
        where = path if flat else f"{path}[{index}]"
        if not isinstance(item, dict):
            errors.append(FileError(where, f"expected a {kind.value} object"))
            continue
        fields = _fields(kind, item, where, errors)
        try:
            key = record_key(kind, fields)
        except KeyError as missing:
            if missing.args[0] not in item:  # a key field present but refused is reported already
                errors.append(FileError(where, f"a {kind.value} needs its {missing.args[0]}"))
            continue
        if key in seen:
            errors.append(FileError(where, f"the same {kind.value} as {seen[key]}"))
            continue
        seen[key] = where
        entries.append(Entry(kind, key, where, fields))
    return entries


def _fields(kind: Kind, raw: dict[str, Any], path: str, errors: list[FileError]) -> dict[str, Any]:
    known = FIELD_BY_NAME[kind]
    fields: dict[str, Any] = {}
    for name, value in raw.items():
        spec = known.get(name)
        if spec is None:
            why = RESERVED_KEYS.get(name, f"unknown {kind.value} field (known: {', '.join(known)})")
            errors.append(FileError(f"{path}.{name}", why))
            continue
        if spec.secret and value is None:  # null: as if left out (keep the stored secret)
            continue
        try:
            fields[name] = spec.check(value)
        except FieldError as exc:
            errors.append(FileError(f"{path}.{name}", str(exc)))
    return fields


def _plan_content(raw: Any, path: str, read_file: ReadFile, errors: list[FileError]) -> Any:
    """The plan object with its image's bytes as `content`, read from `file` or `content_base64`."""
    if not isinstance(raw, dict):
        return raw
    sources = [k for k in _PLAN_SOURCES if k in raw]
    item = {k: v for k, v in raw.items() if k not in _PLAN_SOURCES}
    if len(sources) > 1:
        errors.append(FileError(path, "give the image as file or as content_base64, not both"))
    elif sources == ["file"]:
        name = raw["file"]
        if not isinstance(name, str) or not name:
            errors.append(FileError(f"{path}.file", "expected a file name"))
        else:
            try:
                item["content"] = read_file(name)
            except OSError as exc:
                errors.append(FileError(f"{path}.file", f"cannot read {name}: {exc.strerror or exc}"))
    elif sources == ["content_base64"]:
        try:
            item["content"] = base64.b64decode(raw["content_base64"], validate=True)
        except (binascii.Error, TypeError, ValueError):
            errors.append(FileError(f"{path}.content_base64", "not base64"))
    return item


def _check_unique_sites(sites: list[SiteEntry], errors: list[FileError]) -> None:
    seen: dict[str, str] = {}
    accounts: dict[Hashable, str] = {}
    for site in sites:
        if site.code in seen:
            errors.append(FileError(site.origin, f"site {site.code} is also {seen[site.code]}"))
        seen.setdefault(site.code, site.origin)
        for entry in site.collections.get(Kind.TRANSMITTER, Collection([])).entries:
            if entry.key in accounts:
                errors.append(FileError(entry.origin, f"the same account and line as {accounts[entry.key]}"))
            accounts.setdefault(entry.key, entry.origin)


# --- the export ---------------------------------------------------------------------------------

_CATEGORY_ORDER = {c.value: i for i, c in enumerate(EventCategory)}


def export_station_json(sites: list[StoredSite]) -> str:
    """The station as a version-1 file: sites by code, records by key, secrets left out."""
    out = [_export_site(site) for site in sorted(sites, key=lambda s: str(s.fields["code"]))]
    return json.dumps({"version": FORMAT_VERSION, "sites": out}, ensure_ascii=False, indent=2) + "\n"


def _export_site(site: StoredSite) -> dict[str, Any]:
    record = _exported(Kind.SITE, site.fields)
    orders: dict[Kind, Callable[[dict[str, Any]], Any]] = {
        Kind.TRANSMITTER: lambda f: (f["account"], f["line"]),
        Kind.PLAN: lambda f: f["level"],
        Kind.ZONE: lambda f: f["number"],
        Kind.CONTACT: lambda f: (f["rank"], f["name"]),
        Kind.PROCEDURE: lambda f: _CATEGORY_ORDER.get(f["category"], 99),
    }
    for kind in CHILD_KINDS:
        stored = [r.fields for r in site.records.get(kind, {}).values()]
        record[COLLECTION_KEYS[kind]] = [_exported(kind, f) for f in sorted(stored, key=orders[kind])]
    return record


def _exported(kind: Kind, fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in FIELDS[kind]:
        if spec.secret or (kind is Kind.CONTACT and spec.name == "rank"):  # rank: the list's order
            continue
        value = fields.get(spec.name, spec.default)
        if spec.name == "content":
            out["content_base64"] = base64.b64encode(value).decode("ascii")
        elif spec.name == "phones":
            out["phones"] = list(value)
        elif spec.name == "steps":
            out["steps"] = [{"text": text, "mandatory": mandatory} for text, mandatory in value]
        else:
            out[spec.name] = value
    return out

"""What importing a site would change: per record, add / update / unchanged / remove, field by field.

The same changes are printed by a dry run and written to the journal by the import, so what a
dry run announces is what the journal says happened. Secrets never appear: a password, a duress
word or an AES key is "set", "changed" or "removed". Contacts' words are stored hashed, so whether
a word in the file is the stored one is asked of `SameSecret` (the service verifies the hashes on
every core beforehand); a word that changes is carried as a `NewSecret` for the service to hash.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from enum import StrEnum
from json.encoder import encode_basestring
from typing import Any

from console.domain.site_records import (
    CHILD_KINDS,
    FIELD_BY_NAME,
    FIELDS,
    Collection,
    Entry,
    FileError,
    Kind,
    SiteEntry,
    StoredRecord,
    StoredSite,
    defaults,
    label,
)

HASHED = frozenset({(Kind.CONTACT, "password"), (Kind.CONTACT, "duress_word")})
"""Secrets stored as a hash: compared with `SameSecret`, written once hashed."""

SameSecret = Callable[[str, str], bool]
"""(stored hash, word from the file) -> the file's word is the stored one."""


class NewSecret(str):
    """A contact's word from the file that differs from the stored one: to hash before it is written."""

    __slots__ = ()

    def __repr__(self) -> str:  # never the word itself, should one be logged by mistake
        return "NewSecret(***)"


class Action(StrEnum):
    ADD = "add"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REMOVE = "remove"


@dataclass(frozen=True, slots=True)
class FieldChange:
    name: str
    before: Any
    after: Any
    secret: bool = False

    def text(self) -> str:
        if self.secret:
            if self.before is None:
                return f"{self.name}: set"
            return f"{self.name}: {'removed' if self.after is None else 'changed'}"
        if self.before is _NOTHING:
            return f"{self.name}: {show(self.after)}"
        return f"{self.name}: {show(self.before)} → {show(self.after)}"


_NOTHING: Any = object()  # the "before" of a new record's fields


@dataclass
class RecordChange:
    kind: Kind
    key: Hashable
    action: Action
    origin: str
    changes: tuple[FieldChange, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict)  # the record as it will be stored
    stored_id: int | None = None

    @property
    def label(self) -> str:
        return "site" if self.kind is Kind.SITE else label(self.kind, self.key)


@dataclass
class SitePlan:
    """One site's changes: the site's own record first, then its records in file order."""

    code: str
    stored_id: int | None
    site: RecordChange
    children: list[RecordChange]

    @property
    def changed(self) -> bool:
        return any(r.action is not Action.UNCHANGED for r in self.records)

    @property
    def records(self) -> list[RecordChange]:
        return [self.site, *self.children]

    def lines(self) -> list[str]:
        """The dry run's lines: each record and its action, then its fields indented."""
        out = []
        for record in self.records:
            out.append(f"{self.code} {record.label}: {record.action.value} ({record.origin})")
            out.extend(f"    {change.text()}" for change in record.changes)
        return out

    def journal_detail(self, who: str) -> str:
        """The journal's text: who, then each record changed with its fields before and after."""
        head = f"site {self.code} {'added' if self.site.action is Action.ADD else 'changed'} by {who}"
        parts = [head]
        for record in self.records:
            if record.action is not Action.UNCHANGED:
                fields = "; ".join(change.text() for change in record.changes)
                parts.append(f"{record.label} {record.action.value}" + (f": {fields}" if fields else ""))
        return "\n".join(parts)


def show(value: Any) -> str:
    """A field's value as the dry run and the journal print it (JSON, bytes as size and digest)."""
    if isinstance(value, str):  # most values: the encoder's own escaping, without its set-up per call
        return encode_basestring(value)
    if value is None or isinstance(value, bool | int | float):
        return json.dumps(value)
    if isinstance(value, bytes):
        return f"{len(value)} bytes, sha256 {hashlib.sha256(value).hexdigest()[:12]}"
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):  # a procedure's steps
        value = [{"text": text, "mandatory": mandatory} for text, mandatory in value]
    elif isinstance(value, tuple):
        value = list(value)
    return json.dumps(value, ensure_ascii=False)


# --- comparing ----------------------------------------------------------------------------------


def plan_site(
    entry: SiteEntry,
    stored: StoredSite | None,
    owners: dict[Hashable, str],
    same_secret: SameSecret,
    errors: list[FileError],
) -> SitePlan:
    """The changes importing `entry` makes to `stored` (None: a new site); refusals go to `errors`.

    `owners` maps the file's (account, line) keys already registered to their site's code."""
    if stored is None and entry.must_exist:
        errors.append(
            FileError(entry.origin, f"site {entry.code} does not exist (import it or its accounts first)")
        )
    incoming = dict(entry.fields)
    if stored is None:
        incoming.setdefault("name", entry.code)
    site = _record(
        Kind.SITE, entry.code, entry.origin, incoming, None if stored is None else _as_record(stored)
    )
    children: list[RecordChange] = []
    for kind in CHILD_KINDS:
        collection = entry.collections.get(kind)
        stored_records = stored.records.get(kind, {}) if stored is not None else {}
        if collection is not None:
            children.extend(_collection(entry, kind, collection, stored_records, owners, same_secret, errors))
    plan = SitePlan(entry.code, stored.id if stored else None, site, children)
    _check_zone_levels(entry, plan, stored, errors)
    return plan


def _as_record(stored: StoredSite) -> StoredRecord:
    return StoredRecord(stored.id, stored.fields)


def _collection(
    site: SiteEntry,
    kind: Kind,
    collection: Collection,
    stored: dict[Hashable, StoredRecord],
    owners: dict[Hashable, str],
    same_secret: SameSecret,
    errors: list[FileError],
) -> list[RecordChange]:
    changes = []
    for item in collection.entries:
        before = stored.get(item.key)
        if kind is Kind.TRANSMITTER and before is None and owners.get(item.key, site.code) != site.code:
            errors.append(
                FileError(item.origin, f"{label(kind, item.key)} belongs to site {owners[item.key]}")
            )
        if kind is Kind.PLAN and before is None and "content" not in item.fields:
            errors.append(FileError(item.origin, "a new plan needs its image (file or content_base64)"))
        changes.append(_record(kind, item.key, item.origin, item.fields, before, same_secret))
    if collection.replace:
        listed = {item.key for item in collection.entries}
        where = collection.origin or site.origin
        for key, record in stored.items():
            if key in listed:
                continue
            changes.append(RecordChange(kind, key, Action.REMOVE, where, (), record.fields, record.id))
    return changes


def _record(
    kind: Kind,
    key: Hashable,
    origin: str,
    incoming: dict[str, Any],
    before: StoredRecord | None,
    same_secret: SameSecret | None = None,
) -> RecordChange:
    specs = FIELD_BY_NAME[kind]
    if before is None:
        fields = defaults(kind)
        changes = []
        for spec in FIELDS[kind]:
            if spec.name not in incoming:
                continue
            value = incoming[spec.name]
            if spec.secret:
                value = (NewSecret(value) if (kind, spec.name) in HASHED else value) if value else None
                if value is not None:
                    changes.append(FieldChange(spec.name, None, value, secret=True))
            elif value != spec.default or spec.name in _ALWAYS_SHOWN:
                changes.append(FieldChange(spec.name, _NOTHING, value))
            fields[spec.name] = value
        return RecordChange(kind, key, Action.ADD, origin, tuple(changes), fields)
    fields = dict(before.fields)
    changes = []
    for name, value in incoming.items():
        spec, old = specs[name], before.fields.get(name)
        if spec.secret:
            value = value or None
            if (kind, name) in HASHED:
                if (
                    value is not None
                    and old is not None
                    and same_secret is not None
                    and same_secret(old, value)
                ):
                    continue
                value = NewSecret(value) if value is not None else None
            if value == old:
                continue
            changes.append(FieldChange(name, old, value, secret=True))
        elif value != old:
            changes.append(FieldChange(name, old, value))
        fields[name] = value
    action = Action.UPDATE if changes else Action.UNCHANGED
    return RecordChange(kind, key, action, origin, tuple(changes), fields, before.id)


_ALWAYS_SHOWN = frozenset({"account", "line", "number", "level", "name", "category", "code", "rank"})


def _check_zone_levels(
    entry: SiteEntry, plan: SitePlan, stored: StoredSite | None, errors: list[FileError]
) -> None:
    """Every zone placed on a level must have that level's plan once the import is done."""
    levels = final_records(plan, stored, Kind.PLAN)
    origins = {c.key: c.origin for c in plan.children if c.kind is Kind.ZONE}
    for number, zone in final_records(plan, stored, Kind.ZONE).items():
        where = origins.get(number, entry.origin)
        level = zone.get("level")
        if level is not None and level not in levels:
            errors.append(FileError(where, f"zone {number} is on level {level}, which has no plan"))
        elif level is None and (zone.get("x") is not None or zone.get("y") is not None):
            errors.append(FileError(where, f"zone {number} has a position but no level"))


def final_records(plan: SitePlan, stored: StoredSite | None, kind: Kind) -> dict[Hashable, dict[str, Any]]:
    """The site's records of one kind as they will be once the import is written."""
    records = {key: r.fields for key, r in (stored.records.get(kind, {}) if stored else {}).items()}
    for change in plan.children:
        if change.kind is kind:
            if change.action is Action.REMOVE:
                records.pop(change.key, None)
            else:
                records[change.key] = change.fields
    return records


def entries_of(site: SiteEntry, kind: Kind) -> list[Entry]:
    collection = site.collections.get(kind)
    return collection.entries if collection is not None else []

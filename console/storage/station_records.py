"""Sites and their records read and written in bulk, for the station import and export.

A station moving in brings thousands of sites with a score of records each: going through the ORM
(a few hundred microseconds a row) would take minutes, so reads are one query per table for a chunk
of sites and writes one executemany per table and kind of change. Everything here runs inside the
caller's transaction: the import is written whole or not at all.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from console.domain.site_changes import Action, NewSecret, RecordChange, SitePlan
from console.domain.site_records import FIELDS, Kind, StoredRecord, StoredSite
from console.storage.changes import notify_listeners
from console.storage.sealed import load_station_key, seal_aes_key, unseal_aes_key
from console.storage.tables import (
    AlarmRow,
    CallRow,
    ChangeRow,
    ContactRow,
    FloorPlanRow,
    ProcedureRow,
    ProcedureStepRow,
    SignalRow,
    SiteRow,
    TransmitterRow,
    ZoneRow,
)

_SITE = SiteRow.__table__  # type: ignore[attr-defined]
_TRANSMITTER = TransmitterRow.__table__  # type: ignore[attr-defined]
_PLAN = FloorPlanRow.__table__  # type: ignore[attr-defined]
_ZONE = ZoneRow.__table__  # type: ignore[attr-defined]
_CONTACT = ContactRow.__table__  # type: ignore[attr-defined]
_PROCEDURE = ProcedureRow.__table__  # type: ignore[attr-defined]
_STEP = ProcedureStepRow.__table__  # type: ignore[attr-defined]
_SIGNAL = SignalRow.__table__  # type: ignore[attr-defined]
_CALL = CallRow.__table__  # type: ignore[attr-defined]
_ALARM = AlarmRow.__table__  # type: ignore[attr-defined]
_CHANGE = ChangeRow.__table__  # type: ignore[attr-defined]
_CHUNK = 500  # sites per read: well under every backend's limit of bound parameters
_SITE_FIELDS = [f.name for f in FIELDS[Kind.SITE]]
_TRANSMITTER_FIELDS = [f.name for f in FIELDS[Kind.TRANSMITTER]]


# --- reading --------------------------------------------------------------------------------------


def all_site_codes(session: Session) -> list[str]:
    return [str(code) for code in session.execute(select(_SITE.c.code).order_by(_SITE.c.code)).scalars()]


def load_sites(session: Session, codes: Iterable[str]) -> dict[str, StoredSite]:
    """The stored sites with these codes (the absent ones are not in the answer), all their records."""
    wanted = sorted(set(codes))
    found: dict[str, StoredSite] = {}
    for start in range(0, len(wanted), _CHUNK):
        found.update(_load_chunk(session, wanted[start : start + _CHUNK]))
    return found


def _load_chunk(session: Session, codes: list[str]) -> dict[str, StoredSite]:
    sites: dict[int, StoredSite] = {}
    for row in session.execute(select(_SITE).where(_SITE.c.code.in_(codes))).mappings():
        sites[row["id"]] = StoredSite(row["id"], {name: row[name] for name in _SITE_FIELDS}, {})
    if not sites:
        return {}
    ids = sorted(sites)

    def add(site_id: int, kind: Kind, key: Hashable, record_id: int, fields: dict[str, Any]) -> None:
        records = sites[site_id].records.setdefault(kind, {})
        while key in records:  # a duplicate made by another path: found under another key, so left out
            key = (key, record_id)
        records[key] = StoredRecord(record_id, fields)

    station_key: bytes | None = None
    for row in session.execute(select(_TRANSMITTER).where(_TRANSMITTER.c.site_id.in_(ids))).mappings():
        fields = {name: row[name] for name in _TRANSMITTER_FIELDS}
        if fields.get("aes_key"):  # compared with a file's key in hex: opened here, sealed again on write
            station_key = station_key or load_station_key()
            fields["aes_key"] = unseal_aes_key(fields["aes_key"], station_key).hex().upper()
        add(row["site_id"], Kind.TRANSMITTER, (row["account"], row["line"]), row["id"], fields)
    levels: dict[int, int] = {}
    for row in session.execute(select(_PLAN).where(_PLAN.c.site_id.in_(ids))).mappings():
        levels[row["id"]] = row["level"]
        fields = {"level": row["level"], "name": row["name"], "media_type": row["media_type"]}
        add(row["site_id"], Kind.PLAN, row["level"], row["id"], {**fields, "content": bytes(row["content"])})
    for row in session.execute(select(_ZONE).where(_ZONE.c.site_id.in_(ids))).mappings():
        fields = {name: row[name] for name in ("number", "name", "detector_type", "x", "y")}
        fields["level"] = levels.get(row["plan_id"]) if row["plan_id"] is not None else None
        add(row["site_id"], Kind.ZONE, row["number"], row["id"], fields)
    for row in session.execute(select(_CONTACT).where(_CONTACT.c.site_id.in_(ids))).mappings():
        fields = {name: row[name] for name in ("name", "rank", "role", "sip_uri", "availability")}
        fields["accessibility_needs"] = row["accessibility_needs"]
        fields["phones"] = tuple(p for p in row["phones"].split("\n") if p)
        fields["password"], fields["duress_word"] = row["password_hash"], row["duress_hash"]
        add(row["site_id"], Kind.CONTACT, row["name"], row["id"], fields)
    procedures: dict[int, tuple[int, dict[str, Any]]] = {}
    for row in session.execute(select(_PROCEDURE).where(_PROCEDURE.c.site_id.in_(ids))).mappings():
        procedures[row["id"]] = (row["site_id"], {"category": row["category"], "title": row["title"]})
    steps: dict[int, list[tuple[int, str, bool]]] = {}
    if procedures:
        query = select(_STEP.c.procedure_id, _STEP.c.rank, _STEP.c.text, _STEP.c.mandatory).where(
            _STEP.c.procedure_id.in_(sorted(procedures))
        )
        for procedure_id, rank, text, mandatory in session.execute(query):
            steps.setdefault(procedure_id, []).append((rank, text, bool(mandatory)))
    for procedure_id, (site_id, fields) in procedures.items():
        fields["steps"] = tuple(
            (text, mandatory) for _rank, text, mandatory in sorted(steps.get(procedure_id, []))
        )
        add(site_id, Kind.PROCEDURE, fields["category"], procedure_id, fields)
    return {site.fields["code"]: site for site in sites.values()}


def transmitter_owners(session: Session, keys: Iterable[tuple[str, str]]) -> dict[Hashable, str]:
    """Which site (code) each of these (account, line) keys is registered to, for those that are."""
    wanted = set(keys)
    accounts = sorted({account for account, _line in wanted})
    owners: dict[Hashable, str] = {}
    for start in range(0, len(accounts), _CHUNK):
        query = (
            select(_TRANSMITTER.c.account, _TRANSMITTER.c.line, _SITE.c.code)
            .join(_SITE, _SITE.c.id == _TRANSMITTER.c.site_id)
            .where(_TRANSMITTER.c.account.in_(accounts[start : start + _CHUNK]))
        )
        for account, line, code in session.execute(query):
            if (account, line) in wanted:
                owners[(account, line)] = code
    return owners


def records_in_use(session: Session, kind: Kind, records: Sequence[tuple[int, dict[str, Any]]]) -> set[int]:
    """Ids among these transmitters (signals) or contacts (calls) the history refers to."""
    used: set[int] = set()
    for record_id, fields in records:
        if kind is Kind.TRANSMITTER:  # through the (account, sequence) index: signals have no other
            query = select(_SIGNAL.c.id).where(
                _SIGNAL.c.account == fields["account"], _SIGNAL.c.transmitter_id == record_id
            )
        else:
            query = select(_CALL.c.id).where(_CALL.c.contact_id == record_id)
        if session.execute(query.limit(1)).first() is not None:
            used.add(record_id)
    return used


# --- writing --------------------------------------------------------------------------------------


def write_site_plans(session: Session, plans: Sequence[SitePlan], at: datetime) -> dict[str, int]:
    """Write every change of `plans` (contacts' words already hashed); returns each site's id by code."""
    site_ids = {p.code: p.stored_id for p in plans if p.stored_id is not None}
    new_sites = [p.site.fields for p in plans if p.site.action is Action.ADD]
    if new_sites:
        rows = [{name: f[name] for name in _SITE_FIELDS} | {"created_at": at} for f in new_sites]
        query = insert(_SITE).returning(_SITE.c.id, _SITE.c.code, sort_by_parameter_order=True)
        site_ids.update({code: site_id for site_id, code in session.execute(query, rows)})
    _update(
        session,
        _SITE,
        [(site_ids[p.code], p.site.fields) for p in plans if p.site.action is Action.UPDATE],
        _SITE_FIELDS,
    )
    by_kind: dict[Kind, list[tuple[int, RecordChange]]] = {}
    for p in plans:
        for change in p.children:
            by_kind.setdefault(change.kind, []).append((site_ids[p.code], change))
    _transmitters(session, by_kind.get(Kind.TRANSMITTER, []), at)
    plan_ids = _plans(session, by_kind.get(Kind.PLAN, []), sorted(site_ids.values()))
    _zones(session, by_kind.get(Kind.ZONE, []), plan_ids)
    _remove(session, _PLAN, [c for _s, c in by_kind.get(Kind.PLAN, [])])
    _contacts(session, by_kind.get(Kind.CONTACT, []))
    _procedures(session, by_kind.get(Kind.PROCEDURE, []))
    return {code: site_id for code, site_id in site_ids.items() if site_id is not None}


def record_site_changes(session: Session, site_ids: Sequence[int], at: datetime) -> None:
    """The change feed: the sites, and the open alarms on them (their site windows reload)."""
    if not site_ids:
        return
    alarms: list[int] = []
    ids = sorted(site_ids)
    for start in range(0, len(ids), _CHUNK):
        alarms.extend(
            session.execute(
                select(_ALARM.c.id).where(
                    _ALARM.c.site_id.in_(ids[start : start + _CHUNK]), _ALARM.c.state != "closed"
                )
            ).scalars()
        )
    rows = [{"at": at, "entity": "site", "entity_id": i} for i in ids]
    rows += [{"at": at, "entity": "alarm", "entity_id": i} for i in sorted(alarms)]
    session.execute(insert(_CHANGE), rows)
    if session.get_bind().dialect.name == "postgresql":
        notify_listeners(session)


def _update(session: Session, table: Any, rows: list[tuple[int, dict[str, Any]]], names: list[str]) -> None:
    if rows:
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({name: bindparam(f"b_{name}") for name in names})
        )
        session.execute(statement, [{"b_id": i, **{f"b_{n}": f[n] for n in names}} for i, f in rows])


def _remove(session: Session, table: Any, changes: Iterable[RecordChange]) -> None:
    ids = sorted(c.stored_id for c in changes if c.action is Action.REMOVE and c.stored_id is not None)
    for start in range(0, len(ids), _CHUNK):
        session.execute(delete(table).where(table.c.id.in_(ids[start : start + _CHUNK])))


def _split(changes: list[tuple[int, RecordChange]], action: Action) -> list[tuple[int, RecordChange]]:
    return [(site_id, c) for site_id, c in changes if c.action is action]


def _sealed(fields: dict[str, Any]) -> dict[str, Any]:
    """A transmitter's fields as stored: its AES key sealed with the station key, never in clear."""
    if fields.get("aes_key"):
        return {**fields, "aes_key": seal_aes_key(fields["aes_key"])}
    return fields


def _transmitters(session: Session, changes: list[tuple[int, RecordChange]], at: datetime) -> None:
    _remove(session, _TRANSMITTER, (c for _s, c in changes))
    _update(
        session,
        _TRANSMITTER,
        [(c.stored_id or 0, _sealed(c.fields)) for _s, c in _split(changes, Action.UPDATE)],
        _TRANSMITTER_FIELDS,
    )
    added = [{"site_id": s, "created_at": at, **_sealed(c.fields)} for s, c in _split(changes, Action.ADD)]
    if added:
        session.execute(insert(_TRANSMITTER), added)


def _plans(
    session: Session, changes: list[tuple[int, RecordChange]], site_ids: list[int]
) -> dict[tuple[int, int], int]:
    """Plans added and changed (removed after the zones move off them); the plan id of each (site, level)."""
    names = ["name", "media_type", "content"]
    _update(session, _PLAN, [(c.stored_id or 0, c.fields) for _s, c in _split(changes, Action.UPDATE)], names)
    added = [
        {"site_id": s, "level": c.fields["level"], **{n: c.fields[n] for n in names}}
        for s, c in _split(changes, Action.ADD)
    ]
    if added:
        session.execute(insert(_PLAN), added)
    plan_ids: dict[tuple[int, int], int] = {}
    for start in range(0, len(site_ids), _CHUNK):
        query = select(_PLAN.c.site_id, _PLAN.c.level, _PLAN.c.id).where(
            _PLAN.c.site_id.in_(site_ids[start : start + _CHUNK])
        )
        plan_ids.update({(site_id, level): plan_id for site_id, level, plan_id in session.execute(query)})
    return plan_ids


def _zones(
    session: Session, changes: list[tuple[int, RecordChange]], plan_ids: dict[tuple[int, int], int]
) -> None:
    def row(site_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        level = fields["level"]
        return {
            "name": fields["name"],
            "detector_type": fields["detector_type"],
            "plan_id": plan_ids[(site_id, level)] if level is not None else None,
            "x": fields["x"],
            "y": fields["y"],
        }

    _remove(session, _ZONE, (c for _s, c in changes))
    names = ["name", "detector_type", "plan_id", "x", "y"]
    _update(
        session,
        _ZONE,
        [(c.stored_id or 0, row(s, c.fields)) for s, c in _split(changes, Action.UPDATE)],
        names,
    )
    added = [
        {"site_id": s, "number": c.fields["number"], **row(s, c.fields)}
        for s, c in _split(changes, Action.ADD)
    ]
    if added:
        session.execute(insert(_ZONE), added)


def _contact_row(fields: dict[str, Any]) -> dict[str, Any]:
    for name in ("password", "duress_word"):
        if isinstance(fields[name], NewSecret):
            raise ValueError("a contact's word reached storage unhashed")
    return {
        "rank": fields["rank"],
        "name": fields["name"],
        "role": fields["role"],
        "phones": "\n".join(fields["phones"]),
        "sip_uri": fields["sip_uri"],
        "availability": fields["availability"],
        "accessibility_needs": fields["accessibility_needs"],
        "password_hash": fields["password"],
        "duress_hash": fields["duress_word"],
    }


def _contacts(session: Session, changes: list[tuple[int, RecordChange]]) -> None:
    _remove(session, _CONTACT, (c for _s, c in changes))
    names = ["rank", "name", "role", "phones", "sip_uri", "availability", "accessibility_needs"]
    names += ["password_hash", "duress_hash"]
    _update(
        session,
        _CONTACT,
        [(c.stored_id or 0, _contact_row(c.fields)) for _s, c in _split(changes, Action.UPDATE)],
        names,
    )
    added = [{"site_id": s, **_contact_row(c.fields)} for s, c in _split(changes, Action.ADD)]
    if added:
        session.execute(insert(_CONTACT), added)


def _procedures(session: Session, changes: list[tuple[int, RecordChange]]) -> None:
    removed = sorted(
        c.stored_id for _s, c in changes if c.action is Action.REMOVE and c.stored_id is not None
    )
    for start in range(0, len(removed), _CHUNK):
        chunk = removed[start : start + _CHUNK]
        session.execute(delete(_STEP).where(_STEP.c.procedure_id.in_(chunk)))
        session.execute(delete(_PROCEDURE).where(_PROCEDURE.c.id.in_(chunk)))
    updated = _split(changes, Action.UPDATE)
    _update(session, _PROCEDURE, [(c.stored_id or 0, c.fields) for _s, c in updated], ["title"])
    steps: dict[int, tuple[tuple[str, bool], ...]] = {
        c.stored_id: c.fields["steps"]
        for _s, c in updated
        if c.stored_id is not None and any(f.name == "steps" for f in c.changes)
    }
    added = _split(changes, Action.ADD)
    if added:
        rows = [
            {"site_id": s, "category": c.fields["category"], "title": c.fields["title"]} for s, c in added
        ]
        query = insert(_PROCEDURE).returning(_PROCEDURE.c.id, sort_by_parameter_order=True)
        for (procedure_id,), (_s, c) in zip(session.execute(query, rows), added, strict=True):
            steps[procedure_id] = c.fields["steps"]
    _write_steps(session, steps)


def _write_steps(session: Session, wanted: dict[int, tuple[tuple[str, bool], ...]]) -> None:
    """Each procedure's steps as wanted, changed in place by rank: an open alarm's ticked steps keep their ids."""
    if not wanted:
        return
    existing: dict[int, dict[int, int]] = {}
    ids = sorted(wanted)
    for start in range(0, len(ids), _CHUNK):
        query = select(_STEP.c.procedure_id, _STEP.c.rank, _STEP.c.id).where(
            _STEP.c.procedure_id.in_(ids[start : start + _CHUNK])
        )
        for procedure_id, rank, step_id in session.execute(query):
            existing.setdefault(procedure_id, {})[rank] = step_id
    updates: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    removed: list[int] = []
    for procedure_id, steps in wanted.items():
        have = existing.get(procedure_id, {})
        for rank, (text, mandatory) in enumerate(steps, start=1):
            if rank in have:
                updates.append({"b_id": have[rank], "b_text": text, "b_mandatory": mandatory})
            else:
                inserts.append(
                    {"procedure_id": procedure_id, "rank": rank, "text": text, "mandatory": mandatory}
                )
        removed.extend(step_id for rank, step_id in have.items() if rank > len(steps))
    if updates:
        statement = update(_STEP).where(_STEP.c.id == bindparam("b_id"))
        session.execute(
            statement.values(text=bindparam("b_text"), mandatory=bindparam("b_mandatory")), updates
        )
    if inserts:
        session.execute(insert(_STEP), inserts)
    for start in range(0, len(removed), _CHUNK):
        session.execute(delete(_STEP).where(_STEP.c.id.in_(removed[start : start + _CHUNK])))

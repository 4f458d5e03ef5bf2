"""The demo station: French sites with plans, zones, contacts and procedures, from resources/demo.

Loading is idempotent (sites already present are left alone), so `vigie demo --db URL` can be
pointed at the same demo database again without duplicating anything. It only ever writes into an
empty database (which it marks as the demo's) or one carrying that mark: its operators have
documented passwords and sign in without one, so a station's database is refused.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.domain.alarm import Role
from console.domain.priority import EventCategory
from console.domain.site import DetectorType
from console.simulator.demo_model import DemoSite, DemoZone
from console.storage.demo_mark import holds_station_data, is_demo, mark_demo
from console.storage.engine import Database, DatabaseError
from console.storage.operators import add_operator, operator_by_login
from console.storage.sites import (
    NewContact,
    add_contact,
    add_plan,
    add_procedure,
    add_transmitter,
    add_zone,
    ensure_site,
)

# DemoSite and DemoZone live in demo_model (storage-free); re-exported for existing callers.
__all__ = [
    "DEMO_OPERATORS",
    "DemoSite",
    "DemoZone",
    "NotADemoDatabase",
    "check_demo_database",
    "demo_sites",
    "load_demo",
    "read_demo_sites",
]

DEMO_OPERATORS = [
    ("demo", "Opérateur démo", "demo", Role.OPERATOR),
    ("chef", "Chef de salle démo", "chef", Role.SUPERVISOR),
]


class NotADemoDatabase(DatabaseError):
    """The database holds a station's data: the demo must not add its operators and sites to it."""


def check_demo_database(db: Database) -> bool:
    """Whether `db` is already the demo's (False: it is empty); raises NotADemoDatabase when it
    holds data and no demo mark. Reads only: a refused database is left as it was."""
    with db.engine.connect() as connection:
        if is_demo(connection):
            return True
        if not holds_station_data(connection):
            return False
    url = db.engine.url.render_as_string(hide_password=True)
    raise NotADemoDatabase(
        f"{url} holds a station's data and is not a demo database: the demo adds operators with "
        "known passwords, so it runs only on an empty database or its own (omit --db for a fresh one)"
    )


def read_demo_sites(folder: Path) -> list[dict[str, Any]]:
    with (folder / "sites.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    sites = data["sites"]
    assert isinstance(sites, list)
    return sites


def demo_sites(folder: Path) -> list[DemoSite]:
    return [
        DemoSite(
            code=s["code"],
            account=s["account"].upper(),
            line=s.get("line", ""),
            protocol=s.get("protocol", "ADM-CID"),
            zones=tuple(
                DemoZone(z["number"], z["name"], DetectorType(z["detector_type"]), z.get("level", 0))
                for z in s["zones"]
            ),
        )
        for s in read_demo_sites(folder)
    ]


def load_demo(db: Database, folder: Path) -> int:
    """Create the demo operators and sites; returns how many sites were added."""
    added = 0
    marked = check_demo_database(db)
    with db.write() as session:
        if not marked:
            mark_demo(session, datetime.now(UTC))
        for login, name, password, role in DEMO_OPERATORS:
            if operator_by_login(session, login) is None:
                add_operator(session, login, name, password, role, min_length=len(password))
    for spec in read_demo_sites(folder):
        with db.write() as session:
            site, created = ensure_site(session, spec["code"], spec["name"])
            if not created:
                continue
            added += 1
            for attr in (
                "address",
                "postcode",
                "city",
                "latitude",
                "longitude",
                "timezone",
                "risk_class",
                "accessibility_needs",
                "notes",
            ):
                if attr in spec and spec[attr] is not None:
                    setattr(site, attr, spec[attr])
            add_transmitter(
                session,
                site,
                spec["account"],
                line=spec.get("line", ""),
                protocol=spec.get("protocol", ""),
                test_interval_s=spec.get("test_interval_s"),
                audio_module_uri=spec.get("audio_module_uri"),
            )
            plans = {}
            for plan in spec.get("plans", []):
                path = folder / plan["file"]
                media = "image/svg+xml" if path.suffix == ".svg" else f"image/{path.suffix.lstrip('.')}"
                plans[plan["level"]] = add_plan(
                    session, site, plan["level"], plan["name"], media, path.read_bytes()
                )
            for zone in spec.get("zones", []):
                add_zone(
                    session,
                    site,
                    zone["number"],
                    zone["name"],
                    DetectorType(zone["detector_type"]),
                    plans.get(zone.get("level", 0)),
                    zone.get("x"),
                    zone.get("y"),
                )
            for rank, contact in enumerate(spec.get("contacts", []), start=1):
                add_contact(
                    session,
                    site,
                    rank,
                    NewContact(
                        name=contact["name"],
                        role=contact.get("role", ""),
                        phones=tuple(contact.get("phones", [])),
                        sip_uri=contact.get("sip_uri"),
                        availability=contact.get("availability", ""),
                        accessibility_needs=contact.get("accessibility_needs", ""),
                        password=contact.get("password"),
                        duress_word=contact.get("duress_word"),
                    ),
                )
            for procedure in spec.get("procedures", []):
                add_procedure(
                    session,
                    site,
                    EventCategory(procedure["category"]),
                    procedure.get("title", ""),
                    [(step["text"], bool(step.get("mandatory", True))) for step in procedure["steps"]],
                )
    return added

"""The demo station: French sites with plans, zones, contacts and procedures, from resources/demo.

Loading goes through the station import (console/services/site_import.py), so it is idempotent:
`vigie demo --db URL` can be pointed at the same demo database again without duplicating anything. It only ever writes into an
empty database (which it marks as the demo's) or one carrying that mark: its operators have
documented passwords and sign in without one, so a station's database is refused.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.domain.alarm import Role
from console.domain.site import DetectorType
from console.services.site_import import ImportRefused, StationImport, read_station_file
from console.simulator.demo_model import DemoSite, DemoZone
from console.storage.demo_mark import holds_station_data, is_demo, mark_demo
from console.storage.engine import Database, DatabaseError
from console.storage.operators import add_operator, operator_by_login

# DemoSite and DemoZone live in demo_model (storage-free); re-exported for existing callers.
__all__ = [
    "DEMO_OPERATORS",
    "DemoFileError",
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


class DemoFileError(RuntimeError):
    """The demo's own file does not import: a broken resources/demo."""


def load_demo(db: Database, folder: Path) -> int:
    """Create the demo operators, then import the demo's sites (the station import, as a station's file
    would be); returns how many sites were added. Contacts already stored keep their words unverified:
    the file is the demo's own, and checking every word again would cost a slow hash each at each start."""
    marked = check_demo_database(db)
    with db.write() as session:
        if not marked:
            mark_demo(session, datetime.now(UTC))
        for login, name, password, role in DEMO_OPERATORS:
            if operator_by_login(session, login) is None:
                add_operator(session, login, name, password, role, min_length=len(password))
    parsed = read_station_file(folder / "sites.json")
    try:
        report = StationImport(db).run(parsed, dry_run=False, who="the demo", trust_stored_words=True)
    except ImportRefused as exc:
        raise DemoFileError("; ".join(str(e) for e in exc.errors[:5])) from None
    return report.sites_added

#!/usr/bin/env python3
"""Generate the demo station data loaded by ``vigie demo``: French monitored sites with floor plans.

Writes, relative to the repository root:

* ``resources/demo/sites.json``: the sites, each with its transmitter (DC-09 account, line,
  protocol, periodic test interval, optional audio module), floor plans, zones placed on the
  plans, ordered contacts and the customer's procedures (consignes) per event category;
* ``resources/demo/plans/<CODE>-<level>.svg``: one architectural plan per level, drawn with the
  SVG elements QtSvg renders (rect, line, polyline, path, text, g) and presentation attributes only.

The plans show the building (walls, doors with their swing, windows, stairs, fixtures, room labels,
a title block and a north arrow) but never the detectors: the console draws zones as live items on
top, at the (x, y) stored for each zone, in the plan's SVG user units (``width``/``height`` equal
the ``viewBox`` so scene and SVG units coincide).

The output is deterministic: the few choices made "at random" (names, phone numbers, passwords)
come from ``random.Random`` seeded with the site code, so running the script twice gives
byte-identical files. Everything is fictitious: company and person names are invented, phone
numbers are taken from the ranges the French regulator (ARCEP) reserves for fiction
(01 99 00, 02 61 91, 03 53 73, 04 65 71, 05 36 49, 06 39 98), IP addresses from 192.0.2.0/24
(RFC 5737). Street addresses and coordinates are real places, so the map view looks right.

What the sites are (names, addresses, transmitters, people, procedures) is data, in the TOML files
of ``tools/demo_data/`` (read and checked by demo_catalogue.py); how they look is code: the drawing
primitives in demo_plans.py and one building template per kind of site in demo_buildings.py. After
editing either, run this script and commit resources/demo with it (tests/test_make_demo_data.py fails
while the two disagree).

Usage: ``python tools/make_demo_data.py [--out resources/demo] [--data tools/demo_data]``
(standard library only).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from demo_buildings import SiteBuilder
from demo_catalogue import ALWAYS, DATA, LAST, Catalogue, ContactData, DataError, SiteInfo, load_catalogue
from demo_plans import Plan

# --------------------------------------------------------------------------------------------
# Contacts
# --------------------------------------------------------------------------------------------


def _phone(prefix: str, rng: random.Random) -> str:
    return f"{prefix} {rng.randrange(100):02d} {rng.randrange(100):02d}"


def make_contacts(info: SiteInfo, data: ContactData) -> list[dict[str, Any]]:
    """The site's contacts in calling order, with names, phones and passwords drawn from a
    generator seeded by the site code (so they never change between runs)."""
    rng = random.Random(f"contacts:{info.code}")
    landline = data.landline_prefix[data.region_of_department[info.postcode[:2]]]
    out: list[dict[str, Any]] = []
    used_words: set[str] = set()
    for person in info.people:
        female = rng.random() < 0.5
        forms = person.role.split("|")
        role = forms[1] if female and len(forms) > 1 else forms[0]
        if person.organisation:
            name = person.organisation
            phones = [_phone(landline, rng)]
        else:
            first = rng.choice(data.first_names_f if female else data.first_names_m)
            name = f"{first} {rng.choice(data.last_names)}"
            phones = [_phone(landline, rng)] if person.landline else [_phone(data.mobile_prefix, rng)]
            if not person.landline and rng.random() < 0.35:
                phones.append(_phone(landline, rng))
        password = rng.choice([w for w in data.passwords if w not in used_words])
        used_words.add(password)
        duress = rng.choice(data.duress_words)
        out.append(
            {
                "name": name,
                "role": role,
                "phones": phones,
                "sip_uri": person.sip_uri,
                "availability": person.availability,
                "password": password,
                "duress_word": duress,
                "accessibility_needs": person.accessibility_needs,
            }
        )
    return out


# --------------------------------------------------------------------------------------------
# Procedures (consignes)
# --------------------------------------------------------------------------------------------


def _steps(info: SiteInfo, category: str, catalogue: Catalogue) -> list[tuple[str, bool]]:
    """The steps of one procedure as (text, mandatory), before trimming to seven."""
    steps = [
        (step.text, step.mandatory_for(info))
        for step in catalogue.procedures[category].steps
        if step.applies_to(info)
    ]
    extra = info.site_steps.get(category)
    if extra:
        steps.insert(min(2, len(steps)), (extra, True))
    return steps


def make_procedures(info: SiteInfo, catalogue: Catalogue) -> list[dict[str, Any]]:
    """The site's procedures: intrusion, fire, panic and technical always, plus the site's extras.
    Each ends with the log entry and keeps 3 to 7 steps (optional steps go first when too long)."""
    out = []
    for category in (*ALWAYS, *info.extra_procedures, LAST):
        steps = _steps(info, category, catalogue)
        while len(steps) > 6:
            optional = [i for i, (_, mandatory) in enumerate(steps) if not mandatory]
            if not optional:
                raise DataError(
                    f"site {info.code}: procedure {category}: more than six mandatory steps "
                    "(procedures.toml and the site's site_steps)"
                )
            del steps[optional[-1]]
        steps.append((catalogue.closing_step, True))
        out.append(
            {
                "category": category,
                "title": catalogue.procedures[category].title,
                "steps": [{"text": text, "mandatory": mandatory} for text, mandatory in steps],
            }
        )
    return out


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def account_for(code: str, taken: set[str]) -> str:
    """A DC-09 account (4 to 6 hex digits) derived from the site code, unique among ``taken``."""
    digest = hashlib.sha256(code.encode()).hexdigest().upper()
    length = 6 if int(digest[-1], 16) % 3 == 0 else 4
    for start in range(len(digest) - length):
        account = digest[start : start + length]
        if account not in taken and account[0] != "0":
            taken.add(account)
            return account
    raise ValueError(f"no free account for {code}")


def test_interval(risk_class: int) -> int:
    """Periodic test interval: hourly for high risks, every 4 hours for medium, daily otherwise."""
    return 3600 if risk_class >= 4 else 14400 if risk_class == 3 else 86400


def build_site(
    info: SiteInfo, index: int, accounts: set[str], catalogue: Catalogue
) -> tuple[dict[str, Any], list[Plan]]:
    builder = SiteBuilder(info.code, info.name, info.street)
    info.builder(builder)
    if not 6 <= len(builder.zones) <= 16:
        raise ValueError(f"{info.code}: {len(builder.zones)} zones (6 to 16 expected)")
    site = {
        "code": info.code,
        "name": info.name,
        "address": info.address,
        "postcode": info.postcode,
        "city": info.city,
        "latitude": info.latitude,
        "longitude": info.longitude,
        "timezone": "Europe/Paris",
        "risk_class": info.risk_class,
        "accessibility_needs": info.accessibility_needs,
        "notes": info.notes,
        "account": account_for(info.code, accounts),
        "line": info.line,
        "protocol": info.protocol,
        "test_interval_s": test_interval(info.risk_class),
        "audio_module_uri": (
            f"sip:audio-{info.code.lower().replace('-', '')}@192.0.2.{10 + index}" if info.audio else None
        ),
        "plans": [
            {"level": p.level, "name": p.level_name, "file": f"plans/{p.file_name}"} for p in builder.plans
        ],
        "zones": builder.zones,
        "contacts": make_contacts(info, catalogue.contacts),
        "procedures": make_procedures(info, catalogue),
    }
    return site, builder.plans


def write_demo(out: Path, data: Path = DATA) -> tuple[int, int, int]:
    """Write sites.json and the plans under ``out`` from the files in ``data``; returns
    (sites, plans, zones). Raises DataError, before writing anything, if a data file is wrong."""
    catalogue = load_catalogue(data)
    plans_dir = out / "plans"
    plans_dir.mkdir(parents=True, exist_ok=True)
    sites: list[dict[str, Any]] = []
    written: set[str] = set()
    accounts: set[str] = set()
    for index, info in enumerate(catalogue.sites):
        site, plans = build_site(info, index, accounts, catalogue)
        sites.append(site)
        for plan in plans:
            (plans_dir / plan.file_name).write_text(plan.svg(), encoding="utf-8", newline="\n")
            written.add(plan.file_name)
    for stale in plans_dir.glob("*.svg"):
        if stale.name not in written:
            stale.unlink()
    text = json.dumps({"sites": sites}, ensure_ascii=False, indent=2)
    (out / "sites.json").write_text(text + "\n", encoding="utf-8", newline="\n")
    return len(sites), len(written), sum(len(s["zones"]) for s in sites)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default = Path(__file__).resolve().parent.parent / "resources" / "demo"
    parser.add_argument("--out", type=Path, default=default, help="output folder (default: %(default)s)")
    parser.add_argument("--data", type=Path, default=DATA, help="data files folder (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        sites, plans, zones = write_demo(args.out, args.data)
    except DataError as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return 2
    print(f"{sites} sites, {plans} plans, {zones} zones written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: a whole station moving in through `vigie sites import`, and the console starting on it.

The issue: "import 5 000 sites (each with a transmitter, 12 zones, 4 contacts, 3 procedures) into an
empty database and print the time without contacts' words to hash (target under 30 s on SQLite) and
with them (hashing on every core), and the console's start time with that station (target under 2 s)."

    .venv/bin/python bench/import.py                       # SQLite in a temp dir, 5 000 sites, both runs
    .venv/bin/python bench/import.py --sites 500 --only plain
    .venv/bin/python bench/import.py --db postgresql+psycopg://postgres@127.0.0.1:5432/vigie_bench_import

Each run writes the station file (JSON, as `vigie sites export` writes it) and imports it through the
service `vigie sites import` calls (read, check, compare, hash, one transaction, journal), into a fresh
database; then imports it a second time (everything unchanged: the idempotent path, which verifies
every stored word when the file has words). The console's start is bench/history.py's cold-start
hook: a real workstation offscreen, from its creation to its queue loaded. Each figure is printed
with the load average: the development machines are shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.history import cold_start_hook
from console.services.site_import import StationImport, read_station_file
from console.storage import migrate
from console.storage.engine import Database

DETECTORS = [
    "pir",
    "dual_tech",
    "door_contact",
    "glass_break",
    "smoke",
    "panic_button",
    "keypad",
    "technical",
]
WORDS = ["phare", "moulin", "castor", "tilleul", "falaise", "girafe", "brume", "ecluse", "orage", "sapin"]
STEPS = [
    "Prendre en compte l'alarme et ouvrir la fiche du site",
    "Appeler les contacts dans l'ordre avec contrôle du mot de passe",
    "Sans réponse : envoyer l'agent d'intervention",
    "Renseigner la main courante",
]


def station(sites: int, words: bool, seed: int = 5) -> dict[str, Any]:
    rng = random.Random(seed)
    out = []
    for n in range(sites):
        code = f"BEN-{n:05d}"
        contacts = []
        for rank in range(4):
            contact: dict[str, Any] = {
                "name": f"Contact {rank + 1} de {code}",
                "role": "Gérant" if rank == 0 else "Voisin",
                "phones": [f"+33 6 39 98 {rng.randrange(100):02d} {rng.randrange(100):02d}"],
                "availability": "24h/24",
            }
            if words:
                contact["password"], contact["duress_word"] = rng.sample(WORDS, 2)
            contacts.append(contact)
        out.append(
            {
                "code": code,
                "name": f"Site {n}",
                "address": f"{n % 200 + 1} rue de la Paix",
                "postcode": "69004",
                "city": "Lyon",
                "latitude": 45.7 + rng.random() / 10,
                "longitude": 4.8 + rng.random() / 10,
                "risk_class": rng.randint(1, 5),
                "transmitters": [
                    {
                        "account": f"{0x100000 + n:X}",
                        "line": "1",
                        "protocol": "ADM-CID",
                        "test_interval_s": 3600,
                    }
                ],
                "zones": [
                    {"number": z, "name": f"Zone {z}", "detector_type": DETECTORS[z % len(DETECTORS)]}
                    for z in range(1, 13)
                ],
                "contacts": contacts,
                "procedures": [
                    {
                        "category": c,
                        "title": c.title(),
                        "steps": [{"text": s, "mandatory": True} for s in STEPS],
                    }
                    for c in ("intrusion", "fire", "technical")
                ],
            }
        )
    return {"version": 1, "sites": out}


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def fresh(url: str | None, folder: Path, name: str) -> Database:
    if url is None:
        db = Database.from_url(f"sqlite:///{folder / name}.sqlite")
    else:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        target = make_url(url).set(database=f"{make_url(url).database}_{name}")
        admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{target.database}"'))
        admin.dispose()
        db = Database.from_url(target.render_as_string(hide_password=False))
    migrate.upgrade(db.engine)
    return db


def run(url: str | None, folder: Path, sites: int, words: bool, start: bool) -> None:
    name = "words" if words else "plain"
    path = folder / f"station-{name}.json"
    path.write_text(json.dumps(station(sites, words), ensure_ascii=False), encoding="utf-8")
    db = fresh(url, folder, name)
    label = (
        "with contacts' words (2 per contact, hashed on every core)" if words else "without contacts' words"
    )
    print(f"{sites} sites {label}, {path.stat().st_size / 2**20:.1f} MB file, backend {db.dialect}, {load()}")
    began = time.perf_counter()
    parsed = read_station_file(path)
    read_s = time.perf_counter() - began
    report = StationImport(db).run(parsed, dry_run=False)
    total = time.perf_counter() - began
    assert report.sites_added == sites and not report.errors
    target = "  target < 30 s" if not words else ""
    print(
        f"  import into an empty database: {total:.1f} s (reading and checking the file {read_s:.1f} s){target}  [{load()}]"
    )
    began = time.perf_counter()
    again = StationImport(db).run(read_station_file(path), dry_run=False)
    assert not any(p.changed for p in again.plans)
    print(f"  the same file again (all unchanged): {time.perf_counter() - began:.1f} s  [{load()}]")
    if start:
        print(f"  console start with this station: {cold_start_hook(db)}  [{load()}]")
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", metavar="URL", help="a PostgreSQL URL (databases NAME_plain, NAME_words are made)"
    )
    parser.add_argument("--sites", type=int, default=5000)
    parser.add_argument("--only", choices=["plain", "words"], help="one of the two runs (default both)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="vigie-import-"))
    print(f"CPU cores: {os.cpu_count()}, files and SQLite databases in {folder}")
    if args.only != "words":
        run(args.db, folder, args.sites, words=False, start=True)
    if args.only != "plain":
        run(args.db, folder, args.sites, words=True, start=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

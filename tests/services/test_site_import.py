"""The station import and export on both backends: round trip, idempotence, all or nothing, the journal."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlmodel import col

from console.domain.journal import JournalAction
from console.domain.secrets import verify_spoken_word
from console.domain.site_changes import Action
from console.domain.site_json import parse_station_json
from console.resources import resource
from console.services.site_import import (
    ImportRefused,
    StationChanged,
    StationImport,
    export_station,
    read_station_file,
)
from console.storage import migrate
from console.storage.engine import Database
from console.storage.sealed import is_sealed, load_station_key, unseal_aes_key
from console.storage.sites import find_transmitter, site_by_code
from console.storage.tables import ContactRow, JournalRow, SiteRow, TransmitterRow, ZoneRow
from tests.cli.test_demo_database import snapshot
from tests.conftest import PostgresFactory
from tests.factories import T0, SteppingClock, add_operator_to, cid

DEMO = resource("demo") / "sites.json"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300"></svg>'


def exported(db: Database) -> str:
    out: list[str] = []
    export_station(db, out.append, "the test")
    return out[0]


def from_document(document: dict[str, Any]) -> Any:
    return parse_station_json(json.dumps(document), lambda name: (DEMO.parent / name).read_bytes())


def demo_document() -> dict[str, Any]:
    return json.loads(DEMO.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def imported(db: Database, document: dict[str, Any], **options: Any) -> Any:
    return StationImport(db, clock=SteppingClock(T0)).run(from_document(document), dry_run=False, **options)


@pytest.fixture
def other_db(db_url: str, tmp_path: Path, postgres: PostgresFactory | None) -> Any:
    """A second, empty station on the same backend as `db`."""
    if db_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path}/other.sqlite"
        database = Database.from_url(url)
        migrate.upgrade(database.engine)
    else:
        assert postgres is not None
        database = Database.from_url(postgres.new_database())
    yield database
    database.dispose()


def test_export_import_export_gives_the_same_file(db: Database, other_db: Database) -> None:
    report = StationImport(db).run(read_station_file(DEMO), dry_run=False)
    assert report.written and report.sites_added == 25
    first = exported(db)
    document = json.loads(first)
    assert not {"password", "duress_word", "aes_key"} & {
        key for site in document["sites"] for c in site["contacts"] + site["transmitters"] for key in c
    }
    StationImport(other_db).run(parse_station_json(first, _no_files), dry_run=False)
    assert exported(other_db) == first
    # Re-imported over the station it came from, the export changes nothing and keeps the stored words.
    again = StationImport(db).run(parse_station_json(first, _no_files), dry_run=False)
    assert {r.action for p in again.plans for r in p.records} == {Action.UNCHANGED}
    with db.read() as session:
        contact = session.execute(
            select(ContactRow.password_hash, ContactRow.duress_hash).order_by(col(ContactRow.id)).limit(1)
        ).one()
    first_contact = demo_document()["sites"][0]["contacts"][0]
    assert verify_spoken_word(first_contact["password"], contact.password_hash)
    assert verify_spoken_word(first_contact["duress_word"], contact.duress_hash)


def _no_files(name: str) -> bytes:
    raise OSError(f"no file {name} expected")


def test_a_second_import_updates_and_never_duplicates(db: Database) -> None:
    document = demo_document()
    imported(db, document)
    counts = _counts(db)
    site = document["sites"][0]
    site["zones"][2]["name"] = "Espace de vente (nouveau)"
    del site["zones"][11]
    site["contacts"].reverse()
    site["contacts"][0]["password"] = "nouveaumot"
    site["procedures"][0]["steps"][1]["mandatory"] = False
    dry = StationImport(db).run(from_document(document), dry_run=True)
    lines = "\n".join(dry.plans[0].lines())
    assert (
        'zone 3: update ($.sites[0].zones[2])\n    name: "Espace de vente" → "Espace de vente (nouveau)"'
        in lines
    )
    assert "zone 12: remove" in lines and "password: changed" in lines and "nouveaumot" not in lines
    assert "rank: 3 → 1" in lines
    assert all(p.code != site["code"] and not p.changed for p in dry.plans[1:])
    assert _counts(db) == counts  # the dry run wrote nothing

    report = imported(db, document)
    assert report.count(False, Action.UPDATE) >= 4 and report.count(False, Action.REMOVE) == 1
    after = _counts(db)
    assert after["site"] == counts["site"] and after["contact"] == counts["contact"]
    assert after["zone"] == counts["zone"] - 1
    with db.read() as session:
        entries = session.execute(
            select(JournalRow).where(col(JournalRow.action) == JournalAction.SITE_IMPORTED)
        ).scalars()
        details = [e.detail for e in entries if e.detail.startswith(f"site {site['code']} changed")]
        contacts = session.execute(
            select(ContactRow.name, ContactRow.rank, ContactRow.password_hash)
            .join(SiteRow, col(SiteRow.id) == col(ContactRow.site_id))
            .where(col(SiteRow.code) == site["code"])
            .order_by(col(ContactRow.rank))
        ).all()
    assert len(details) == 1 and "by import" in details[0] and "password: changed" in details[0]
    assert "nouveaumot" not in details[0] and '"Espace de vente" → "Espace de vente (nouveau)"' in details[0]
    assert [c.name for c in contacts] == [c["name"] for c in site["contacts"]]
    assert verify_spoken_word("nouveaumot", contacts[0].password_hash)
    assert {r.action for p in imported(db, document).plans for r in p.records} == {Action.UNCHANGED}


def _counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            table: int(session.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())
            for table in (
                "site",
                "transmitter",
                "floor_plan",
                "zone",
                "contact",
                "procedure",
                "procedure_step",
            )
        }


def test_a_broken_file_changes_nothing_dry_run_or_not(db: Database, db_url: str) -> None:
    imported(db, demo_document())
    broken = demo_document()
    broken["sites"][0]["name"] = "Renamed, which must not be written"
    broken["sites"][3]["zones"][0]["detector_type"] = "laser"
    broken["sites"].append({"code": "NEW-0001", "name": "Would be new", "account": "ABCDEF", "line": "1"})
    export_before = exported(db)
    before = snapshot(db_url)
    dry = StationImport(db).run(from_document(broken), dry_run=True)
    assert [str(e) for e in dry.errors] == [
        "$.sites[3].zones[0].detector_type: one of pir, dual_tech, door_contact, glass_break, shock, smoke, "
        "heat, panic_button, keypad, water_leak, technical, siren, beam, not 'laser'"
    ]
    with pytest.raises(ImportRefused):
        StationImport(db).run(from_document(broken), dry_run=False)
    assert snapshot(db_url) == before
    assert exported(db) == export_before


def test_accounts_then_contacts_from_csv(db: Database, tmp_path: Path) -> None:
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(
        "site;site_name;account;line;aes_key;test_interval_s\n"
        "PAR-0001;Boulangerie;1A2B;1;00112233445566778899AABBCCDDEEFF;3600\n"
        "PAR-0001;;1A2B;2;;\n"
        "PAR-0002;;7C;;;\n",
        encoding="utf-8",
    )
    problems = StationImport(db).run(read_station_file(accounts), dry_run=True).errors
    assert [str(p) for p in problems] == ["line 4: account: 3 to 16 hexadecimal digits, not '7C'"]
    accounts.write_text(accounts.read_text().replace(";7C;", ";7C0;"), encoding="utf-8")
    report = StationImport(db).run(read_station_file(accounts), dry_run=False)
    assert report.sites_added == 2
    assert "aes_key: set" in "\n".join(report.plans[0].lines())
    assert "0011223344" not in "\n".join(report.plans[0].lines())
    with db.read() as session:
        key = find_transmitter(session, "1A2B", "1")
        site = site_by_code(session, "PAR-0002")
        assert key is not None and key.aes_key is not None and is_sealed(key.aes_key)  # never in clear
        assert unseal_aes_key(key.aes_key, load_station_key()) == bytes.fromhex(
            "00112233445566778899AABBCCDDEEFF"
        )
        assert site is not None and site.name == "PAR-0002"  # named after its code
    # Again, with the key left empty: kept; the test interval changed: updated.
    accounts.write_text(
        accounts.read_text().replace("AABBCCDDEEFF;3600", "AABBCCDDEEFF;7200"), encoding="utf-8"
    )
    again = StationImport(db).run(read_station_file(accounts), dry_run=False)
    assert [r.action for p in again.plans for r in p.records].count(Action.UPDATE) == 1

    contacts = tmp_path / "contacts.csv"
    contacts.write_text(
        "site,name,role,phones,password\n"
        "PAR-0001,Ann Lee,Gérante,+33 6 39 98 00 01;+33 1 99 00 00 02,tilleul\n"
        "PAR-0001,Rhône Gardiennage,Gardiennage,+33 4 65 71 00 03,\n"
        "NOPE-01,Nobody,,,\n",
        encoding="utf-8",
    )
    refused = StationImport(db).run(read_station_file(contacts), dry_run=True).errors
    assert [str(p) for p in refused] == [
        "line 4: site NOPE-01 does not exist (import it or its accounts first)"
    ]
    contacts.write_text("\n".join(contacts.read_text().splitlines()[:3]) + "\n", encoding="utf-8")
    StationImport(db).run(read_station_file(contacts), dry_run=False)
    with db.read() as session:
        rows = session.execute(
            select(ContactRow.rank, ContactRow.name, ContactRow.phones, ContactRow.password_hash).order_by(
                col(ContactRow.rank)
            )
        ).all()
    assert [(c.rank, c.name, c.phones) for c in rows] == [
        (1, "Ann Lee", "+33 6 39 98 00 01\n+33 1 99 00 00 02"),
        (2, "Rhône Gardiennage", "+33 4 65 71 00 03"),
    ]
    assert verify_spoken_word("Tilleul", rows[0].password_hash) and rows[1].password_hash is None


def test_history_keeps_a_contact_and_a_transmitter_from_being_removed(sqlite_db: Database) -> None:
    from console.services.alarm_desk import AlarmDesk
    from console.storage.tables import CallRow

    document = {
        "sites": [
            {
                "code": "LYO-0001",
                "name": "Pharmacie",
                "account": "4A21",
                "line": "1",
                "contacts": [{"name": "Ann Lee"}, {"name": "Bob Roy"}],
            }
        ]
    }
    imported(sqlite_db, document)
    AlarmDesk(sqlite_db).ingest([cid(130, zone=1, at=T0)])
    with sqlite_db.write() as session:
        ann = session.execute(select(ContactRow).where(col(ContactRow.name) == "Ann Lee")).scalar_one()
        session.add(CallRow(contact_id=ann.id, direction="out", purpose="callback", created_at=T0))
    site = document["sites"][0]
    site["contacts"] = [{"name": "Bob Roy"}]
    site.update(account="4A22")
    with pytest.raises(ImportRefused) as refused:
        imported(sqlite_db, document)
    assert sorted(str(e) for e in refused.value.errors) == [
        "$.sites[0].contacts: contact 'Ann Lee' of site LYO-0001 is left out but has calls in the "
        "history: it cannot be removed (keep it in the file)",
        "$.sites[0]: transmitter 4A21 line 1 of site LYO-0001 is left out but has signals in the history: "
        "it cannot be removed (keep it in the file)",
    ]


def test_plans_and_zone_positions_are_checked_like_the_editor_checks_them(sqlite_db: Database) -> None:
    site: dict[str, Any] = {
        "code": "GRE-0009",
        "name": "Atelier",
        "plans": [
            {"level": 0, "name": "RDC", "content_base64": __import__("base64").b64encode(SVG).decode()}
        ],
        "zones": [
            {"number": 1, "name": "Porte", "detector_type": "door_contact", "level": 0, "x": 10, "y": 20},
            {"number": 2, "name": "Hors plan", "level": 0, "x": 500, "y": 20},
            {"number": 3, "name": "Étage", "level": 1, "x": 1, "y": 1},
        ],
    }
    with pytest.raises(ImportRefused) as refused:
        imported(sqlite_db, {"sites": [site]})
    assert [str(e) for e in refused.value.errors] == [
        "$.sites[0].zones[2]: zone 3 is on level 1, which has no plan",
        "$.sites[0].zones[1]: zone 2 at (500, 20) is off the plan of level 0 (400 × 300)",
    ]
    site["zones"] = site["zones"][:1]
    report = imported(sqlite_db, {"sites": [site]})
    assert report.plans[0].children[0].fields["media_type"] == "image/svg+xml"
    with sqlite_db.read() as session:
        zone = session.execute(select(ZoneRow.x, ZoneRow.y, ZoneRow.plan_id)).one()
    assert (zone.x, zone.y) == (10.0, 20.0) and zone.plan_id is not None
    site["plans"] = []  # the plan removed, its zone still on it
    with pytest.raises(ImportRefused, match="1 error"):
        imported(sqlite_db, {"sites": [site]})


def test_the_journal_names_the_operator_and_the_site(sqlite_db: Database) -> None:
    chief = add_operator_to(sqlite_db, "chef")
    document = {"sites": [{"code": "A-1", "name": "Alpha", "account": "ABC1"}]}
    imported(sqlite_db, document, operator_login="chef")
    copy_of = copy.deepcopy(document)
    copy_of["sites"][0]["name"] = "Alpha bis"
    imported(sqlite_db, copy_of)
    with sqlite_db.read() as session:
        rows = session.execute(
            select(JournalRow.operator_id, JournalRow.site_id, JournalRow.at, JournalRow.detail)
            .where(col(JournalRow.action) == JournalAction.SITE_IMPORTED)
            .order_by(col(JournalRow.id))
        ).all()
        site_id = session.execute(select(SiteRow.id).where(col(SiteRow.code) == "A-1")).scalar_one()
        transmitters = session.execute(select(func.count()).select_from(TransmitterRow)).scalar_one()
    assert transmitters == 1
    assert [(r.operator_id, r.site_id, r.at) for r in rows] == [(chief.id, site_id, T0), (None, site_id, T0)]
    assert rows[0].detail.startswith('site A-1 added by chef\nsite add: code: "A-1"; name: "Alpha"')
    assert rows[1].detail == 'site A-1 changed by import\nsite update: name: "Alpha" → "Alpha bis"'


def test_a_change_made_between_the_check_and_the_write_is_not_overwritten(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = {
        "sites": [{"code": "A-1", "name": "Alpha", "contacts": [{"name": "Ann", "password": "phare"}]}]
    }
    imported(sqlite_db, document)
    document["sites"][0]["name"] = "Alpha (import)"
    importer = StationImport(sqlite_db)
    hash_words = importer._hash_new_words

    def meanwhile(plans: Any) -> None:  # another desk renames the site while the words are hashed
        with sqlite_db.write() as session:
            session.execute(text("UPDATE site SET name = 'Alpha (desk)' WHERE code = 'A-1'"))
        hash_words(plans)

    monkeypatch.setattr(importer, "_hash_new_words", meanwhile)
    with pytest.raises(StationChanged):
        importer.run(from_document(document), dry_run=False)
    with sqlite_db.read() as session:
        assert session.execute(text("SELECT name FROM site")).scalar_one() == "Alpha (desk)"

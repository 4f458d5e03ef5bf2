"""The administration service: fields checked by the shared rules, rights enforced here (refusals journaled),
history archived rather than deleted, and every change journaled with its before → after, secrets as "changed"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlmodel import col

from console.domain.alarm import Disposition, Role
from console.domain.journal import JournalAction
from console.domain.priority import EventCategory
from console.domain.secrets import verify_spoken_word
from console.domain.site_fields import FieldErrors, Problem, StepDraft
from console.services.admin_rights import AdminError, AdminRights, Section
from console.services.alarm_desk import AlarmDesk
from console.services.authority import AdminRefused, Authority
from console.services.queue_feed import SiteDesk
from console.services.site_admin import SiteAdmin
from console.storage.engine import Database
from console.storage.sealed import load_station_key, unseal_aes_key
from console.storage.tables import CallRow, ContactRow, JournalRow, SiteRow, TransmitterRow
from tests.factories import SteppingClock, add_operator_to, cid

KEY = "00112233445566778899AABBCCDDEEFF"
SITE = {"code": "GRE-0042", "name": "Boulangerie Martin", "city": "Grenoble", "latitude": "45.1885"}
PAUL = {"name": "Paul Martin", "phones": "+33 6 12 34 56 78\n04 76 00 00 00", "password": "baguette"}


def journal(db: Database) -> list[tuple[str, int | None, str]]:
    with db.read() as session:
        rows = session.scalars(select(JournalRow).order_by(col(JournalRow.id)))
        return [(r.action, r.operator_id, r.detail) for r in rows]


def details(db: Database, action: JournalAction) -> list[str]:
    return [detail for kind, _, detail in journal(db) if kind == action]


@pytest.fixture
def admin(db: Database) -> SiteAdmin:
    return SiteAdmin(db, Authority(db), clock=SteppingClock())


def test_a_site_with_its_transmitter_contacts_and_procedure(db: Database, admin: SiteAdmin) -> None:
    boss = add_operator_to(db, "root", Role.ADMIN)
    sheet = admin.add_site(boss, SITE)
    assert sheet.values["name"] == "Boulangerie Martin" and sheet.values["latitude"] == 45.1885
    assert sheet.values["timezone"] == "Europe/Paris"  # the default
    sheet = admin.add_transmitter(boss, sheet.id, {"account": "4a21", "line": "1", "protocol": "ADM-CID"})
    (transmitter,) = sheet.transmitters
    assert transmitter.values["account"] == "4A21" and not transmitter.has_key
    sheet = admin.set_aes_key(boss, transmitter.id, "0011 2233 4455 6677 8899 aabb ccdd eeff")
    assert sheet.transmitters[0].has_key and KEY not in repr(sheet)
    sheet = admin.add_contact(boss, sheet.id, {**PAUL, "duress_word": "croissant"})
    sheet = admin.add_contact(boss, sheet.id, {"name": "Julie Roux", "role": "Vendeuse"})
    assert [(c.rank, c.values["name"]) for c in sheet.contacts] == [(1, "Paul Martin"), (2, "Julie Roux")]
    assert sheet.contacts[0].values["phones"] == ("+33 6 12 34 56 78", "04 76 00 00 00")
    assert sheet.contacts[0].has_password and sheet.contacts[0].has_duress_word
    assert "baguette" not in repr(sheet) and not sheet.contacts[1].has_password
    steps = [StepDraft("Appeler le site"), StepDraft("Prévenir la police", mandatory=False)]
    sheet = admin.save_procedure(boss, sheet.id, EventCategory.INTRUSION, "Intrusion", steps)
    procedure = sheet.procedure(EventCategory.INTRUSION)
    assert procedure is not None
    assert [(s.text, s.mandatory) for s in procedure.steps] == [(s.text, s.mandatory) for s in steps]
    with db.read() as session:
        stored = session.scalars(select(ContactRow).order_by(col(ContactRow.rank))).first()
        assert stored is not None and verify_spoken_word("Baguette", stored.password_hash)
        stored_key = session.scalars(select(TransmitterRow)).one().aes_key
        assert stored_key is not None and KEY not in stored_key  # sealed, never in clear
        assert unseal_aes_key(stored_key, load_station_key()).hex().upper() == KEY

    # An alarm of that account finds the site's call list and procedure.
    alarm_id = AlarmDesk(db).ingest([cid(130)]).new_alarm_ids[0]
    site_file = SiteDesk(db).site_file(sheet.id)
    assert site_file is not None and [c.name for c in site_file.contacts] == ["Paul Martin", "Julie Roux"]
    assert site_file.procedure_for(EventCategory.INTRUSION) is not None
    assert admin.sheet(boss, sheet.id).open_alarms == 1 and alarm_id

    lines = journal(db)[:6]
    assert [action for action, _, _ in lines] == [
        JournalAction.SITE_ADDED,
        JournalAction.ACCOUNT_ADDED,
        JournalAction.TRANSMITTER_CHANGED,
        JournalAction.CONTACT_ADDED,
        JournalAction.CONTACT_ADDED,
        JournalAction.PROCEDURE_CHANGED,
    ]
    assert {operator for _, operator, _ in lines} == {boss.id}
    assert lines[0][2].startswith("site GRE-0042: code 'GRE-0042'; name 'Boulangerie Martin'")
    assert lines[2][2] == "transmitter 4A21 line 1: aes_key changed"
    assert "password changed" in lines[3][2] and "duress_word changed" in lines[3][2]
    assert lines[5][2] == (
        "procedure intrusion: title 'Intrusion'; step 1 'Appeler le site' (mandatory); step 2 'Prévenir la police'"
    )
    text = " ".join(detail for _, _, detail in journal(db)).lower()
    for secret in (KEY.lower(), "aabb", "baguette", "croissant", "scrypt"):
        assert secret not in text


def test_wrong_fields_are_each_named_and_nothing_is_stored(db: Database, admin: SiteAdmin) -> None:
    boss = add_operator_to(db, "root", Role.ADMIN)
    with pytest.raises(FieldErrors) as refused:
        admin.add_site(
            boss,
            {"code": " ", "name": "X", "latitude": "north", "risk_class": "200", "timezone": "Mars/Olympus"},
        )
    problems = {name: error.problem for name, error in refused.value.errors.items()}
    assert problems == {
        "code": Problem.REQUIRED,
        "latitude": Problem.NOT_NUMBER,
        "risk_class": Problem.OUT_OF_RANGE,
        "timezone": Problem.TIME_ZONE,
    }
    assert str(refused.value.errors["risk_class"]) == "must be from 0 to 99"
    assert admin.sites(boss) == [] and journal(db) == []

    site = admin.add_site(boss, SITE)
    with pytest.raises(FieldErrors) as refused:
        admin.add_site(boss, {**SITE, "code": "gre-0042"})
    assert refused.value.errors["code"].problem is Problem.DUPLICATE
    with pytest.raises(FieldErrors) as refused:
        admin.add_transmitter(
            boss, site.id, {"account": "4A2G", "test_interval_s": "10", "audio_module_uri": "http://x"}
        )
    assert set(refused.value.errors) == {"account", "test_interval_s", "audio_module_uri"}
    transmitter = admin.add_transmitter(boss, site.id, {"account": "4A21"}).transmitters[0]
    with pytest.raises(FieldErrors) as refused:
        admin.add_transmitter(boss, site.id, {"account": "4a21"})
    assert refused.value.errors["account"].problem is Problem.DUPLICATE
    for wrong in ("123", KEY + "0", "G" * 32):
        with pytest.raises(FieldErrors) as refused:
            admin.set_aes_key(boss, transmitter.id, wrong)
        assert refused.value.errors["aes_key"].problem is Problem.AES_KEY
    with pytest.raises(FieldErrors) as refused:
        admin.add_contact(
            boss,
            site.id,
            {
                "name": "Ann",
                "phones": "call me",
                "sip_uri": "ann@home",
                "password": "  ",
            },  # blanks: none given
        )
    assert {n: e.problem for n, e in refused.value.errors.items()} == {
        "phones": Problem.PHONE,
        "sip_uri": Problem.SIP_URI,
    }
    with pytest.raises(FieldErrors) as refused:
        admin.save_procedure(boss, site.id, EventCategory.FIRE, "Feu", [StepDraft("Appeler"), StepDraft(" ")])
    assert refused.value.errors["steps"].problem is Problem.STEP_TEXT
    assert refused.value.errors["steps"].params == {"rank": "2"}
    sheet = admin.sheet(boss, site.id)
    assert sheet.contacts == () and sheet.procedures == () and not sheet.transmitters[0].has_key
    assert [a for a, _, _ in journal(db)] == [JournalAction.SITE_ADDED, JournalAction.ACCOUNT_ADDED]


def test_changes_are_journaled_before_and_after(db: Database, admin: SiteAdmin) -> None:
    boss = add_operator_to(db, "root", Role.ADMIN)
    site = admin.add_site(boss, SITE)
    admin.change_site(boss, site.id, {**SITE, "name": "Boulangerie Martin & Fils", "city": "Saint-Égrève"})
    admin.change_site(
        boss, site.id, SITE | {"name": "Boulangerie Martin & Fils", "city": "Saint-Égrève"}
    )  # no change
    assert details(db, JournalAction.SITE_CHANGED) == [
        "site GRE-0042: name 'Boulangerie Martin' → 'Boulangerie Martin & Fils'; city 'Grenoble' → 'Saint-Égrève'"
    ]
    contact = admin.add_contact(boss, site.id, PAUL).contacts[0]
    admin.change_contact(
        boss, contact.id, {"name": "Paul Martin", "phones": "+33 6 12 34 56 78", "password": ""}
    )
    admin.change_contact(boss, contact.id, {"password": "pain-de-mie", "duress_word": "brioche"})
    assert details(db, JournalAction.CONTACT_CHANGED) == [
        "contact 'Paul Martin': phones '+33 6 12 34 56 78', '04 76 00 00 00' → '+33 6 12 34 56 78'",
        "contact 'Paul Martin': password changed; duress_word changed",
    ]
    with db.read() as session:
        row = session.get(ContactRow, contact.id)
        assert row is not None and verify_spoken_word("pain-de-mie", row.password_hash)
    procedure = admin.save_procedure(
        boss, site.id, EventCategory.FIRE, "Feu", [StepDraft("Appeler les pompiers")]
    )
    (step,) = procedure.procedure(EventCategory.FIRE).steps  # type: ignore[union-attr]
    changed = admin.save_procedure(
        boss,
        site.id,
        EventCategory.FIRE,
        "Feu",
        [StepDraft("Évacuer"), StepDraft("Appeler le 18", id=step.id)],
    ).procedure(EventCategory.FIRE)
    assert changed is not None and changed.steps[1].id == step.id  # a ticked step stays ticked
    assert details(db, JournalAction.PROCEDURE_CHANGED)[1] == (
        "procedure fire: step 1 'Appeler les pompiers' (mandatory) → 'Évacuer' (mandatory); "
        "step 2 — → 'Appeler le 18' (mandatory)"
    )
    transmitter = admin.add_transmitter(boss, site.id, {"account": "4A21", "line": "1"}).transmitters[0]
    admin.change_transmitter(
        boss, transmitter.id, {"account": "4A21", "line": "1", "test_interval_s": "3600"}
    )
    admin.set_aes_key(boss, transmitter.id, KEY)
    admin.set_aes_key(boss, transmitter.id, None)
    assert details(db, JournalAction.TRANSMITTER_CHANGED) == [
        "transmitter 4A21 line 1: test_interval_s — → 3600",
        "transmitter 4A21 line 1: aes_key changed",
        "transmitter 4A21 line 1: aes_key removed",
    ]


def test_the_call_list_is_reordered_and_contacts_with_calls_are_archived(
    db: Database, admin: SiteAdmin
) -> None:
    boss = add_operator_to(db, "root", Role.ADMIN)
    site = admin.add_site(boss, SITE)
    for name in ("Ann", "Bob", "Cyd"):
        site = admin.add_contact(boss, site.id, {"name": name})
    ann, bob, cyd = site.contacts
    site = admin.move_contact(boss, cyd.id, -1)
    site = admin.move_contact(boss, ann.id, -1)  # already first: nothing changes, nothing journaled
    assert [(c.rank, c.values["name"]) for c in site.contacts] == [(1, "Ann"), (2, "Cyd"), (3, "Bob")]
    assert details(db, JournalAction.CALL_LIST_ORDERED) == ["call list: Ann, Bob, Cyd → Ann, Cyd, Bob"]
    with db.write() as session:
        session.add(
            CallRow(
                site_id=site.id,
                contact_id=ann.id,
                direction="outgoing",
                purpose="callback",
                created_at=datetime.now(UTC),
            )
        )
    site = admin.remove_contact(boss, ann.id)  # called once: archived
    site = admin.remove_contact(boss, bob.id)  # never called: deleted
    assert [(c.rank, c.values["name"]) for c in site.contacts] == [(1, "Cyd")]
    with db.read() as session:
        assert session.get(ContactRow, bob.id) is None
        archived = session.get(ContactRow, ann.id)
        assert archived is not None and archived.archived_at is not None
    assert details(db, JournalAction.CONTACT_ARCHIVED) == ["contact 'Ann'"]
    assert details(db, JournalAction.CONTACT_REMOVED) == ["contact 'Bob'"]
    site_file = SiteDesk(db).site_file(site.id)
    assert site_file is not None and [(c.rank, c.name) for c in site_file.contacts] == [(1, "Cyd")]


def test_a_site_is_archived_once_its_alarms_are_closed_and_then_stays_as_it_was(
    db: Database, admin: SiteAdmin
) -> None:
    boss = add_operator_to(db, "root", Role.ADMIN)
    site = admin.add_site(boss, SITE)
    site = admin.add_transmitter(boss, site.id, {"account": "4A21", "line": "1"})
    desk = AlarmDesk(db)
    alarm_id = desk.ingest([cid(130)]).new_alarm_ids[0]
    with pytest.raises(AdminError) as refused:
        admin.archive_site(boss, site.id)
    assert refused.value.code == "open_alarms"
    with pytest.raises(AdminError) as refused:
        admin.remove_transmitter(boss, site.transmitters[0].id)
    assert refused.value.code == "has_signals"
    desk.take(alarm_id, boss)
    desk.close(alarm_id, boss, Disposition.TEST, "essai", skip_reason="essai")
    site = admin.archive_site(boss, site.id)
    assert site.archived_at is not None
    assert admin.sites(boss) == [] and [s.code for s in admin.sites(boss, "martin", archived=True)] == [
        "GRE-0042"
    ]
    with pytest.raises(AdminError) as refused:
        admin.change_site(boss, site.id, {"name": "Autre"})
    assert refused.value.code == "archived"
    admin.restore_site(boss, site.id)
    assert [s.code for s in admin.sites(boss, "4a2")] == ["GRE-0042"]  # found by its account too
    with db.read() as session:
        assert session.get(SiteRow, site.id) is not None
    assert [
        a for a, _, _ in journal(db) if a in (JournalAction.SITE_ARCHIVED, JournalAction.SITE_RESTORED)
    ] == [
        JournalAction.SITE_ARCHIVED,
        JournalAction.SITE_RESTORED,
    ]


def test_an_operator_is_refused_and_it_is_journaled_supervisors_get_what_the_station_allows(
    db: Database,
) -> None:
    amelie = add_operator_to(db, "amelie", Role.OPERATOR)
    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    boss = add_operator_to(db, "root", Role.ADMIN)
    admin = SiteAdmin(db, Authority(db))
    site = admin.add_site(boss, SITE)
    for attempt in (
        lambda: admin.sites(amelie),
        lambda: admin.sheet(amelie, site.id),
        lambda: admin.add_contact(amelie, site.id, {"name": "Intrus"}),
    ):
        with pytest.raises(AdminRefused) as refused:
            attempt()
        assert refused.value.code == "admin_refused"
    admin.add_contact(chef, site.id, {"name": "Nouveau gardien"})  # by default: call lists and procedures
    with pytest.raises(AdminRefused):
        admin.change_site(chef, site.id, {"name": "Autre"})
    assert [
        (detail, operator)
        for action, operator, detail in journal(db)
        if action == JournalAction.ADMIN_REFUSED
    ] == [
        ("list the sites to administer", amelie.id),
        (f"read site {site.id} to administer it", amelie.id),
        (f"add a contact to site {site.id}", amelie.id),
        (f"change site {site.id}", chef.id),
    ]
    assert admin.sheet(boss, site.id).values["name"] == "Boulangerie Martin"

    strict = SiteAdmin(db, Authority(db), AdminRights.parse("none"))
    assert not strict.rights.may_open(chef) and strict.rights.may_open(boss)
    generous = AdminRights.parse("sites, transmitters; contacts")
    assert generous.allows(chef, Section.SITES) and not generous.allows(chef, Section.PROCEDURES)
    assert not generous.allows(amelie, Section.CONTACTS)
    with pytest.raises(ValueError, match="unknown administration section"):
        AdminRights.parse("everything")

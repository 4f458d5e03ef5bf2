"""Event code catalogue: Contact ID and SIA DCS labels, categories, priorities, restores, fallbacks."""

from __future__ import annotations

import dataclasses
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.event_codes import CATALOGUE, CodeSystem, EventCatalogue, EventCode
from console.domain.priority import EventCategory, Priority, default_priority

C = EventCategory


@pytest.mark.parametrize(
    ("code", "category", "priority", "label_fr"),
    [
        (100, C.MEDICAL, Priority.LIFE_SAFETY, "Appel médical"),
        (110, C.FIRE, Priority.LIFE_SAFETY, "Incendie"),
        (162, C.FIRE, Priority.LIFE_SAFETY, "Détection de monoxyde de carbone (CO)"),
        (120, C.PANIC, Priority.LIFE_SAFETY, "Panique (agression)"),
        (122, C.PANIC, Priority.LIFE_SAFETY, "Agression silencieuse"),
        (121, C.DURESS, Priority.LIFE_SAFETY, "Contrainte"),
        (130, C.INTRUSION, Priority.INTRUSION, "Intrusion"),
        (132, C.INTRUSION, Priority.INTRUSION, "Intrusion volumétrique"),
        (140, C.INTRUSION, Priority.INTRUSION, "Alarme générale"),
        (137, C.TAMPER, Priority.INTRUSION, "Autoprotection"),
        (383, C.TAMPER, Priority.INTRUSION, "Autoprotection détecteur (défaut)"),
        (461, C.TAMPER, Priority.INTRUSION, "Saisie de code erroné"),
        (154, C.TECHNICAL, Priority.TECHNICAL, "Fuite d'eau / inondation"),
        (200, C.TECHNICAL, Priority.TECHNICAL, "Supervision incendie"),
        (301, C.TECHNICAL, Priority.TECHNICAL, "Défaut secteur"),
        (302, C.TECHNICAL, Priority.TECHNICAL, "Batterie basse"),
        (570, C.TECHNICAL, Priority.TECHNICAL, "Inhibition de zone"),
        (102, C.SUPERVISION, Priority.TECHNICAL, "Absence de signal de présence"),
        (350, C.SUPERVISION, Priority.TECHNICAL, "Défaut de transmission"),
        (381, C.SUPERVISION, Priority.TECHNICAL, "Perte de supervision radio (détecteur)"),
        (401, C.OPEN_CLOSE, Priority.INFORMATION, "Mise en/hors service par utilisateur"),
        (465, C.INFORMATION, Priority.INFORMATION, "Réinitialisation alarme panique"),
        (601, C.TEST, Priority.INFORMATION, "Test manuel"),
        (602, C.TEST, Priority.INFORMATION, "Test cyclique"),
        (606, C.INFORMATION, Priority.INFORMATION, "Demande d'écoute"),
    ],
)
def test_contact_id_codes(code: int, category: EventCategory, priority: Priority, label_fr: str) -> None:
    event = CATALOGUE.contact_id(code)
    assert (event.system, event.code, event.known) == (CodeSystem.CONTACT_ID, f"{code:03d}", True)
    assert (event.category, event.priority, event.label_fr) == (category, priority, label_fr)
    assert not event.is_restore  # Contact ID says "restore" in the qualifier, never in the code


@pytest.mark.parametrize(
    ("code", "category", "priority", "label_fr"),
    [
        ("MA", C.MEDICAL, Priority.LIFE_SAFETY, "Appel médical"),
        ("FA", C.FIRE, Priority.LIFE_SAFETY, "Incendie"),
        ("PA", C.PANIC, Priority.LIFE_SAFETY, "Panique (agression)"),
        ("HA", C.DURESS, Priority.LIFE_SAFETY, "Agression (hold-up)"),
        ("BA", C.INTRUSION, Priority.INTRUSION, "Intrusion"),
        ("TA", C.TAMPER, Priority.INTRUSION, "Autoprotection"),
        ("AT", C.TECHNICAL, Priority.TECHNICAL, "Défaut secteur"),
        ("YT", C.TECHNICAL, Priority.TECHNICAL, "Batterie basse"),
        ("YC", C.SUPERVISION, Priority.TECHNICAL, "Échec de transmission"),
        ("CL", C.OPEN_CLOSE, Priority.INFORMATION, "Mise en service"),
        ("OP", C.OPEN_CLOSE, Priority.INFORMATION, "Mise hors service"),
        ("RP", C.TEST, Priority.INFORMATION, "Test cyclique"),
        ("RX", C.TEST, Priority.INFORMATION, "Test manuel"),
        ("LF", C.INFORMATION, Priority.INFORMATION, "Début d'écoute"),
    ],
)
def test_sia_codes(code: str, category: EventCategory, priority: Priority, label_fr: str) -> None:
    event = CATALOGUE.sia(code)
    assert (event.system, event.code, event.known, event.is_restore) == (CodeSystem.SIA, code, True, False)
    assert (event.category, event.priority, event.label_fr) == (category, priority, label_fr)


def test_every_known_code_has_its_category_default_priority() -> None:
    for event in CATALOGUE.all_codes():
        assert event.priority is default_priority(event.category), event


def test_labels_are_filled_and_really_translated() -> None:
    events = CATALOGUE.all_codes()
    assert all(e.label_fr.strip() and e.label_en.strip() for e in events)
    translated = [e for e in events if e.label_fr != e.label_en]
    assert len(translated) >= 0.9 * len(events)
    # The words French operators use, with their accents.
    french = {e.label_fr for e in events}
    for word in (
        "Intrusion",
        "Autoprotection",
        "Incendie",
        "Contrainte",
        "Appel médical",
        "Défaut secteur",
        "Batterie basse",
        "Test cyclique",
        "Mise en service",
        "Mise hors service",
        "Demande d'écoute",
    ):
        assert word in french, word
    assert any("Agression" in label for label in french)


def test_label_picks_the_language() -> None:
    event = CATALOGUE.contact_id(301)
    assert event.label("fr") == "Défaut secteur"
    assert event.label("fr_FR") == event.label("fr-CA") == "Défaut secteur"
    assert event.label("en") == event.label("de") == event.label("") == event.label("fra") == "AC loss"


def test_all_codes_lists_contact_id_then_sia_sorted() -> None:
    events = CATALOGUE.all_codes()
    systems = [e.system for e in events]
    cid_count = systems.count(CodeSystem.CONTACT_ID)
    assert systems == [CodeSystem.CONTACT_ID] * cid_count + [CodeSystem.SIA] * (len(events) - cid_count)
    cid, sia = events[:cid_count], events[cid_count:]
    assert [e.code for e in cid] == sorted(e.code for e in cid)
    assert [e.code for e in sia] == sorted(e.code for e in sia)
    assert len({(e.system, e.code) for e in events}) == len(events)
    assert all(e.known for e in events)
    assert cid_count >= 150 and len(sia) >= 150
    assert CATALOGUE.all_codes() is not CATALOGUE.all_codes()  # callers may not alter the catalogue


# Codes the station relies on (the project's brief), as inclusive ranges / letter groups.
REQUIRED_CONTACT_ID = [
    (100, 102), (110, 118), (120, 125), (130, 147), (150, 159), (161, 163), (200, 206), (300, 313),
    (320, 321), (330, 330), (333, 333), (339, 339), (350, 356), (370, 373), (380, 389), (391, 393),
    (400, 409), (441, 442), (450, 459), (461, 466), (501, 501), (520, 520), (570, 577), (601, 609),
    (611, 616), (621, 628), (631, 632), (654, 654),
]  # fmt: skip
REQUIRED_SIA = {
    "A": "RT", "B": "ABCHJRSTUVX", "C": "AEFGIJKLPRSTW", "D": "CDFGKORS", "E": "AMRT", "F": "ABHIJKRSTUX",
    "G": "ABHJRSTUX", "H": "ABHJRSTU", "J": "ATR", "K": "AHRT", "L": "BRTX", "M": "ABHJRSTU", "N": "AF",
    "O": "ACGIJKPRT", "P": "ABHJRSTU", "Q": "AHR", "R": "BCDNOPRSTX", "S": "ABHJRSTU", "T": "ABERSTUX",
    "U": "ABHJRSTUX", "W": "ABHJRSTU", "X": "HRT", "Y": "BCKMPQRSTX", "Z": "AHRT",
}  # fmt: skip


def test_codes_the_station_relies_on_are_listed() -> None:
    listed = {(e.system, e.code) for e in CATALOGUE.all_codes()}
    cid = [f"{n:03d}" for first, last in REQUIRED_CONTACT_ID for n in range(first, last + 1)]
    assert [c for c in cid if (CodeSystem.CONTACT_ID, c) not in listed] == []
    sia = [group + kind for group, kinds in REQUIRED_SIA.items() for kind in kinds]
    assert [c for c in sia if (CodeSystem.SIA, c) not in listed] == []


@pytest.mark.parametrize(
    ("code", "category"),
    [
        (0, C.INFORMATION),
        (99, C.INFORMATION),
        (103, C.MEDICAL),
        (119, C.FIRE),
        (127, C.PANIC),
        (148, C.INTRUSION),
        (160, C.TECHNICAL),
        (199, C.TECHNICAL),
        (250, C.TECHNICAL),
        (358, C.SUPERVISION),
        (399, C.TECHNICAL),
        (499, C.OPEN_CLOSE),
        (599, C.TECHNICAL),
        (699, C.INFORMATION),
        (700, C.INFORMATION),
        (999, C.INFORMATION),
    ],
)
def test_unlisted_contact_id_codes_fall_back_by_range(code: int, category: EventCategory) -> None:
    event = CATALOGUE.contact_id(code)
    assert not event.known and not event.is_restore
    assert (event.code, event.category, event.priority) == (
        f"{code:03d}",
        category,
        default_priority(category),
    )
    assert event.label_fr == f"Code Contact ID {code:03d} (non répertorié)"
    assert event.label_en == f"Contact ID code {code:03d} (not listed)"


def test_unlisted_sia_codes_fall_back_by_letter_group() -> None:
    fire = CATALOGUE.sia("FY")
    assert (fire.known, fire.category, fire.priority, fire.is_restore) == (
        False,
        C.FIRE,
        Priority.LIFE_SAFETY,
        False,
    )
    assert (
        fire.label("fr") == "Code SIA FY (non répertorié)" and fire.label("en") == "SIA code FY (not listed)"
    )
    assert CATALOGUE.sia("BZ").category is C.INTRUSION
    assert CATALOGUE.sia("VZ").category is C.INFORMATION


@pytest.mark.parametrize(
    "code", ["13", "1300", "abc", -1, 1000, "", " 130", "130 ", "1e2", "١٢٣", True, None, 1.0]
)
def test_malformed_contact_id_codes_are_refused(code: object) -> None:
    with pytest.raises(ValueError, match="Contact ID"):
        CATALOGUE.contact_id(code)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["B", "B1", "BAR", "", " BA", "12", "ßA", "ıA", "É1", 42, None])
def test_malformed_sia_codes_are_refused(code: object) -> None:
    with pytest.raises(ValueError, match="SIA"):
        CATALOGUE.sia(code)  # type: ignore[arg-type]


def test_contact_id_accepts_ints_and_leading_zeros() -> None:
    assert CATALOGUE.contact_id("130") == CATALOGUE.contact_id(130)
    assert CATALOGUE.contact_id("001") == CATALOGUE.contact_id(1)
    assert CATALOGUE.contact_id(1).code == "001"


def test_sia_lowercase_is_normalised() -> None:
    assert CATALOGUE.sia("ba") == CATALOGUE.sia("Ba") == CATALOGUE.sia("BA")
    assert CATALOGUE.sia("br").code == "BR" and CATALOGUE.sia("br").is_restore


def test_lookup_dispatches_on_the_stored_system() -> None:
    assert CATALOGUE.lookup("CID", "130") == CATALOGUE.contact_id(130)
    assert CATALOGUE.lookup(CodeSystem.SIA, "ba") == CATALOGUE.sia("BA")
    assert CATALOGUE.lookup("sia", "FA").category is C.FIRE
    with pytest.raises(ValueError, match="system"):
        CATALOGUE.lookup("ADEMCO", "130")
    with pytest.raises(ValueError, match="SIA"):
        CATALOGUE.lookup("SIA", "130")


@pytest.mark.parametrize(
    ("restore", "restored"),
    [
        ("BR", "BA"),
        ("BH", "BA"),
        ("BJ", "BT"),
        ("BU", "BB"),
        ("FR", "FA"),
        ("FH", "FA"),
        ("FJ", "FT"),
        ("AR", "AT"),
        ("YR", "YT"),
        ("YK", "YC"),
        ("YQ", "YP"),
        ("LR", "LT"),
        ("XR", "XT"),
        ("TR", "TA"),
        ("TH", "TA"),
        ("TJ", "TT"),
        ("HH", "HA"),
        ("PH", "PA"),
        ("MH", "MA"),
        ("ER", "ET"),
    ],
)
def test_sia_restores_map_to_what_they_end(restore: str, restored: str) -> None:
    assert CATALOGUE.sia_restore_of(restore) == restored
    assert CATALOGUE.sia_restore_of(restore.lower()) == restored
    event, ended = CATALOGUE.sia(restore), CATALOGUE.sia(restored)
    assert event.is_restore and not ended.is_restore
    assert event.category is ended.category  # a fire restore is filed with the fire it closes


def test_codes_that_only_look_like_restores_are_not() -> None:
    # CR recent closing, OR disarm from alarm, JR schedule executed, RR power up (DC-03).
    for code in ("CR", "OR", "JR", "RR", "BA", "RP", "ZZ"):
        assert CATALOGUE.sia_restore_of(code) is None, code
        assert not CATALOGUE.sia(code).is_restore, code
    with pytest.raises(ValueError, match="SIA"):
        CATALOGUE.sia_restore_of("B")


def test_every_sia_restore_is_mapped_and_only_restores_are() -> None:
    for event in CATALOGUE.all_codes():
        if event.system is CodeSystem.SIA:
            target = CATALOGUE.sia_restore_of(event.code)
            assert (target is not None) == event.is_restore, event.code
            if target is not None:
                assert CATALOGUE.sia(target).known


def test_event_codes_are_immutable() -> None:
    event = CATALOGUE.contact_id(130)
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.label_fr = "Autre"  # type: ignore[misc]


def test_catalogue_refuses_inconsistent_tables() -> None:
    fire = CATALOGUE.contact_id(110)
    with pytest.raises(ValueError, match="duplicate"):
        EventCatalogue([fire, fire], [], {})
    wrong_priority = dataclasses.replace(fire, priority=Priority.INFORMATION)
    with pytest.raises(ValueError, match="priority"):
        EventCatalogue([wrong_priority], [], {})
    orphan = CATALOGUE.sia("BR")
    with pytest.raises(ValueError, match="restore"):
        EventCatalogue([], [orphan], {})


@given(st.integers(min_value=0, max_value=999))
def test_any_contact_id_number_resolves(number: int) -> None:
    event = CATALOGUE.contact_id(number)
    assert isinstance(event, EventCode)
    assert event.code == f"{number:03d}" and event.system is CodeSystem.CONTACT_ID
    assert CATALOGUE.contact_id(event.code) == event
    assert event.priority is default_priority(event.category)


@given(st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2))
def test_any_two_letter_code_resolves(code: str) -> None:
    event = CATALOGUE.sia(code)
    assert isinstance(event, EventCode)
    assert event.code == code and event.system is CodeSystem.SIA
    assert CATALOGUE.sia(code.lower()) == event
    assert event.priority is default_priority(event.category)


@given(st.text(max_size=5))
def test_any_text_either_resolves_or_raises_value_error(text: str) -> None:
    for resolve in (CATALOGUE.contact_id, CATALOGUE.sia):
        try:
            event = resolve(text)
        except ValueError:
            continue
        assert event.code == text.upper()

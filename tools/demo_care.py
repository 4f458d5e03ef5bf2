"""Care and lodging: the nursing home, the medical practice, the hotel and the nursery, with rooms along corridors.

Building templates of the demo sites (see demo_buildings.py, which names them in ``BUILDERS``).
Standard library only; imported with ``tools/`` on the path.
"""

from __future__ import annotations

from demo_plans import Bay, Plan, Rect, corridor_floor
from demo_site import SiteBuilder, bed, ceiling, sidewalk, stair_well


def build_ehpad(s: SiteBuilder) -> None:
    building = Rect(60, 60, 1060, 440)

    def garden(p: Plan) -> None:
        p.ground(Rect(60, 504, 760, 80), "Jardin thérapeutique", fill="#eef4e8")
        p.fence([(60, 504), (60, 584), (820, 584), (820, 504)])
        p.street(s.street, 420, 612)

    p = s.level(0, "Rez-de-chaussée", 1200, 680, building)
    garden(p)
    corridor_floor(
        p,
        building,
        250,
        50,
        [
            Bay("sam", "Salle à manger", 300, windows=2, door="double", door_at=0.5),
            Bay("cuisine", "Cuisine", 200),
            Bay("reserve", "Réserve cuisine", 100, windows=0),
            Bay("lingerie", "Lingerie", 120),
            Bay("technique", "Local technique", 100, windows=0),
            Bay("escalier", "", 120, door="opening", door_at=0.5),
            Bay("salon", "Salon des familles", 120),
        ],
        [
            Bay("hall", "Hall d'accueil", 160, door="opening", door_at=0.5, windows=0),
            Bay("admin", "Administration", 150),
            Bay("infirmerie", "Infirmerie", 150),
            Bay("soins", "Salle de soins", 130),
            *(Bay(f"ch0{i}", f"Chambre 0{i}") for i in range(1, 5)),
        ],
        label_x=700,
    )
    r = p.rooms
    stair_well(p, "escalier", lift=True)
    for i in range(1, 5):
        bed(p, f"ch0{i}", "s")
    main = p.door("entree", "hall", "s", 0.5, 80, kind="sliding")
    exit_ = p.door("secours-est", "couloir", "e", 0.5, 44, swing="out")
    p.door("secours-ouest", "couloir", "w", 0.5, 44, swing="out")
    s.zone(p, "Porte principale", "door_contact", main.centre)
    s.zone(p, "Hall d'accueil", "pir", r["hall"].corner("sw"))
    s.zone(p, "Administration", "pir", r["admin"].corner("se"))
    s.zone(p, "Infirmerie (armoire à médicaments)", "pir", r["infirmerie"].corner("se"))
    s.zone(p, "Issue de secours est (porte anti-fugue)", "door_contact", exit_.centre)
    s.zone(p, "Clavier", "keypad", (r["hall"].x2 - 20, r["hall"].y + 20))
    s.zone(p, "Appel d'urgence chambre 01", "panic_button", r["ch01"].at(0.78, 0.35))
    s.zone(p, "Fumée couloir RDC", "smoke", (560.0, 275.0))
    s.zone(p, "Cuisine (thermique)", "heat", ceiling(r["cuisine"]))
    s.zone(p, "Chambre froide cuisine", "technical", r["reserve"].at(0.5, 0.3))
    up = s.level(1, "1er étage", 1200, 680, building)
    garden(up)
    corridor_floor(
        up,
        building,
        250,
        50,
        [
            *(Bay(f"ch{i}", f"Chambre {i}", 120) for i in range(11, 17)),
            Bay("office", "Office d'étage", 100, windows=0),
            Bay("escalier", "", 120, door="opening", door_at=0.5),
            Bay("sdb", "Salle de bains adaptée", 120),
        ],
        [
            Bay("poste", "Poste de soins", 160),
            *(Bay(f"ch{i}", f"Chambre {i}", 120) for i in range(17, 23)),
            Bay("salon", "Salon d'étage", 180, door="opening", door_at=0.5, windows=2),
        ],
        label_x=700,
    )
    stair_well(up, "escalier", up=False, lift=True)
    for i in range(11, 17):
        bed(up, f"ch{i}", "n")
    for i in range(17, 23):
        bed(up, f"ch{i}", "s")
    up.door("secours-est", "couloir", "e", 0.5, 44, swing="out")
    up.door("secours-ouest", "couloir", "w", 0.5, 44, swing="out")
    s.zone(up, "Appel malade chambre 14", "panic_button", up.rooms["ch14"].at(0.82, 0.76))
    s.zone(up, "Fumée couloir étage", "smoke", (560.0, 275.0))
    s.zone(up, "Fumée chambre 21", "smoke", up.rooms["ch21"].at(0.5, 0.25))
    s.zone(up, "Fuite d'eau salle de bains adaptée", "water_leak", up.rooms["sdb"].at(0.5, 0.75))


def build_medical_practice(s: SiteBuilder) -> None:
    building = Rect(60, 50, 880, 440)
    p = s.level(0, "Rez-de-chaussée", 1000, 620, building)
    sidewalk(p, s.street, 490, x2=640)
    corridor_floor(
        p,
        building,
        220,
        50,
        [
            Bay("c1", "Cabinet 1", 200),
            Bay("c2", "Cabinet 2", 200),
            Bay("c3", "Cabinet 3", 200),
            Bay("soins", "Salle de soins", 160),
            Bay("archives", "Archives", 120, windows=0),
        ],
        [
            Bay("entree", "Entrée", 120, door="opening", door_at=0.5, windows=0),
            Bay("attente", "Salle d'attente", 260, door="opening", door_at=0.5, windows=2),
            Bay("secretariat", "Secrétariat", 200),
            Bay("wc", "Sanitaires PMR", 120, windows=0),
            Bay("menage", "Ménage", 80, windows=0),
            Bay("pause", "Salle de pause", 100),
        ],
        label_x=480,
    )
    r = p.rooms
    for key in ("c1", "c2", "c3"):
        room = r[key]
        p.fixture(Rect(room.x + 20, room.y + 16, 70, 34), "Bureau", size=9.0)
        p.fixture(Rect(room.x2 - 40, room.y + 20, 26, 80), "", rounded=3.0)
    p.fixture(Rect(500, 290, 140, 28), "Banque d'accueil", size=9.0)
    p.fixture(Rect(200, 460, 220, 18), "Sièges", size=9.0)
    main = p.door("entree-porte", "entree", "s", 0.5, 44)
    p.door("secours", "couloir", "e", 0.5, 40, swing="out")
    s.zone(p, "Porte d'entrée", "door_contact", main.centre)
    s.zone(p, "Salle d'attente", "pir", r["attente"].corner("sw"))
    s.zone(p, "Secrétariat", "pir", r["secretariat"].corner("se"))
    s.zone(p, "Couloir", "pir", (900.0, 245.0))
    s.zone(p, "Salle de soins", "dual_tech", r["soins"].corner("ne"))
    s.zone(p, "Cabinet 3", "pir", r["c3"].corner("nw"))
    s.zone(p, "Clavier", "keypad", (r["entree"].x2 - 20, r["entree"].y2 - 20))
    s.zone(p, "Bouton d'alerte secrétariat", "panic_button", (626.0, 304.0))
    s.zone(p, "Bouton d'alerte cabinet 1", "panic_button", r["c1"].at(0.3, 0.62))
    s.zone(p, "Fumée couloir", "smoke", (380.0, 245.0))
    s.zone(p, "Réfrigérateur vaccins", "technical", r["soins"].at(0.3, 0.72))


def build_hotel(s: SiteBuilder) -> None:
    building = Rect(60, 60, 980, 440)

    def rooms_floor(level: int, name: str) -> Plan:
        p = s.level(level, name, 1100, 640, building)
        sidewalk(p, s.street, 500, x2=740)
        n = level * 100
        corridor_floor(
            p,
            building,
            250,
            50,
            [
                *(Bay(f"ch{n + i}", f"Chambre {n + i}", 172) for i in range(1, 6)),
                Bay("escalier", "", 120, door="opening", door_at=0.5),
            ],
            [
                *(Bay(f"ch{n + i}", f"Chambre {n + i}", 160) for i in range(6, 11)),
                Bay("office", "Office", 100, windows=0),
                Bay("ascenseur", "", 80, door="sliding", door_at=0.5, windows=0),
            ],
            label_x=500,
        )
        stair_well(p, "escalier", up=level < 2)
        lift = p.rooms["ascenseur"]
        p.lift(Rect(lift.x + 12, lift.y + 40, lift.w - 24, lift.w - 24))
        for i in range(1, 11):
            key = f"ch{n + i}"
            room = p.rooms[key]
            bed(p, key, "n" if i <= 5 else "s")
            y = room.y2 - 56 if i <= 5 else room.y + 6
            p.fixture(Rect(room.x2 - 62, y, 56, 50), "SdB", size=9.0, fill="#eef2f4")
        p.door("secours", "couloir", "w", 0.5, 44, swing="out")
        return p

    p = s.level(0, "Rez-de-chaussée", 1100, 640, building)
    sidewalk(p, s.street, 500, x2=740)
    corridor_floor(
        p,
        building,
        250,
        50,
        [
            Bay("petitdej", "Salle des petits-déjeuners", 340, windows=2, door="double", door_at=0.5),
            Bay("cuisine", "Cuisine", 200),
            Bay("reserve", "Réserve", 100, windows=0),
            Bay("technique", "Local technique", 100, windows=0),
            Bay("lingerie", "Lingerie", 120),
            Bay("escalier", "", 120, door="opening", door_at=0.5),
        ],
        [
            Bay("hall", "Hall — réception", 300, door="opening", door_at=0.5, windows=0),
            Bay("salon", "Salon-bar", 260, door="double", door_at=0.5, windows=2),
            Bay("bureau", "Bureau de direction", 140),
            Bay("bagagerie", "Bagagerie", 100, windows=0),
            Bay("wc", "Sanitaires", 100, windows=0),
            Bay("ascenseur", "", 80, door="sliding", door_at=0.5, windows=0),
        ],
        label_x=560,
    )
    r = p.rooms
    stair_well(p, "escalier")
    lift = r["ascenseur"]
    p.lift(Rect(lift.x + 12, lift.y + 40, lift.w - 24, lift.w - 24))
    main = p.door("entree", "hall", "s", 0.4, 80, kind="sliding")
    p.window("hall", "s", 0.82, 70)
    service = p.door("service", "cuisine", "n", 0.7, 40, swing="out")
    p.fixture(Rect(200, 320, 140, 30), "Réception", size=10.0)
    p.fixture(Rect(420, 420, 140, 40), "Bar", size=10.0)
    p.fixture(Rect(440, 80, 140, 24), "Fourneaux", size=9.0, fill="#e8e1d6")
    s.zone(p, "Porte d'entrée", "door_contact", main.centre)
    s.zone(p, "Hall — réception", "dual_tech", r["hall"].corner("sw"))
    s.zone(p, "Salon-bar", "dual_tech", r["salon"].corner("se"))
    s.zone(p, "Bureau de direction", "pir", r["bureau"].corner("se"))
    s.zone(p, "Porte de service cuisine", "door_contact", service.centre)
    s.zone(p, "Clavier", "keypad", (r["hall"].x + 22, r["hall"].y + 22))
    s.zone(p, "Bouton d'agression réception", "panic_button", (326.0, 335.0))
    s.zone(p, "Fumée couloir RDC", "smoke", (300.0, 275.0))
    s.zone(p, "Cuisine (thermique)", "heat", (560.0, 200.0))
    first = rooms_floor(1, "1er étage")
    s.zone(first, "Fumée couloir 1er étage", "smoke", (300.0, 275.0))
    s.zone(first, "Fumée chambre 104", "smoke", first.rooms["ch104"].at(0.5, 0.72))
    second = rooms_floor(2, "2e étage")
    s.zone(second, "Fumée couloir 2e étage", "smoke", (300.0, 275.0))
    s.zone(p, "Chambre froide (réserve)", "technical", r["reserve"].at(0.5, 0.3))
    s.zone(p, "Fuite d'eau lingerie", "water_leak", r["lingerie"].at(0.5, 0.75))


def build_nursery(s: SiteBuilder) -> None:
    building = Rect(60, 50, 880, 440)
    p = s.level(0, "Rez-de-chaussée", 1000, 620, building)
    sidewalk(p, s.street, 490, x2=640)
    corridor_floor(
        p,
        building,
        220,
        50,
        [
            Bay("eveil_g", "Salle d'éveil (grands)", 260, windows=2, door="double", door_at=0.5),
            Bay("dortoir1", "Dortoir 1", 150, windows=1),
            Bay("dortoir2", "Dortoir 2", 150, windows=1),
            Bay("change", "Salle de change", 120),
            Bay("biberonnerie", "Biberonnerie", 100),
            Bay("buanderie", "Buanderie", 100, windows=0),
        ],
        [
            Bay("entree", "Accueil des parents", 160, door="opening", door_at=0.5, windows=0),
            Bay("directrice", "Bureau de la direction", 140),
            Bay("eveil_p", "Salle d'éveil (petits)", 240, windows=2, door="double", door_at=0.5),
            Bay("cuisine", "Cuisine", 120),
            Bay("wc", "Sanitaires adultes", 100, windows=0),
            Bay("poussettes", "Local poussettes", 120, windows=0),
        ],
        label_x=560,
    )
    r = p.rooms
    for key in ("dortoir1", "dortoir2"):
        room = r[key]
        for i in range(3):
            p.fixture(Rect(room.x + 14 + i * 44, room.y + 14, 32, 46), "", rounded=4.0)
    garden = p.door("jardin", "eveil_g", "n", 0.3, 64, kind="double", swing="out")
    main = p.door("entree-porte", "entree", "s", 0.5, 44)
    p.door("poussettes-ext", "poussettes", "s", 0.5, 60)
    p.fixture(Rect(78, 300, 110, 28), "Banque d'accueil", size=9.0)
    p.street("Jardin", 30, 130, vertical=True)
    s.zone(p, "Porte d'entrée", "door_contact", main.centre)
    s.zone(p, "Accueil des parents", "pir", r["entree"].corner("sw"))
    s.zone(p, "Bureau de la direction", "pir", r["directrice"].corner("se"))
    s.zone(p, "Couloir", "pir", (400.0, 245.0))
    s.zone(p, "Salle d'éveil (grands)", "dual_tech", r["eveil_g"].corner("se"))
    s.zone(p, "Porte vers le jardin", "door_contact", garden.centre)
    s.zone(p, "Clavier", "keypad", (r["entree"].x2 - 22, r["entree"].y2 - 22))
    s.zone(p, "Fumée couloir", "smoke", (760.0, 245.0))
    s.zone(p, "Fumée dortoir 1", "smoke", r["dortoir1"].at(0.5, 0.62))
    s.zone(p, "Fumée dortoir 2", "smoke", r["dortoir2"].at(0.5, 0.62))
    s.zone(p, "Cuisine (thermique)", "heat", ceiling(r["cuisine"]))
    s.zone(p, "Bouton d'alerte accueil", "panic_button", (176.0, 314.0))
    s.zone(p, "Réfrigérateur biberonnerie", "technical", r["biberonnerie"].at(0.5, 0.3))

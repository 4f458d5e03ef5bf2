"""Banks, warehouses and public buildings: counters, docks, classrooms and the town hall's offices.

Building templates of the demo sites (see demo_buildings.py, which names them in ``BUILDERS``).
Standard library only; imported with ``tools/`` on the path.
"""

from __future__ import annotations

from demo_plans import Bay, Plan, Rect, corridor_floor
from demo_site import SiteBuilder, ceiling, sidewalk, stair_well


def build_bank(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1000, 620, Rect(60, 50, 880, 460))
    sidewalk(p, s.street, 510)
    r = p.rooms
    vault = p.room("coffres", "Salle des coffres", Rect(60, 50, 240, 130))
    p.wall(vault.x2, vault.y, vault.x2, vault.y2, thickness=12.0)
    p.wall(vault.x, vault.y2, vault.x2, vault.y2, thickness=12.0)
    p.room("technique", "Local technique", Rect(300, 50, 130, 130))
    p.room("wc", "Sanitaires", Rect(430, 50, 110, 130))
    p.room("pause", "Salle de pause", Rect(540, 50, 180, 130))
    p.room("archives", "Archives", Rect(720, 50, 220, 130))
    corridor = p.room("couloir", "", Rect(60, 180, 880, 60), walls=False)
    p.label("Circulation back-office", 800, 210, size=12.0, colour="#6a6a62")
    p.room("dab", "Local DAB (coffre)", Rect(60, 240, 240, 130))
    p.room("libre", "Libre-service bancaire", Rect(60, 370, 240, 140))
    hall = p.room("accueil", "Accueil clientèle", Rect(300, 240, 400, 270), label_at=(420, 370))
    sas = p.room("sas", "SAS", Rect(450, 430, 100, 80), size=12.0)
    p.room("directeur", "Bureau du directeur", Rect(700, 240, 240, 90), label_at=(800, 302), size=13.0)
    p.room("conseil1", "Bureau conseiller 1", Rect(700, 330, 240, 90), label_at=(800, 392), size=13.0)
    p.room("conseil2", "Bureau conseiller 2", Rect(700, 420, 240, 90), label_at=(800, 482), size=13.0)
    p.fixture(Rect(70, 60, 220, 22), "Coffres clients")
    p.fixture(Rect(90, 340, 140, 24), "Coffre DAB")
    p.fixture(Rect(90, 376, 50, 20), "DAB", size=9.0)
    p.fixture(Rect(170, 376, 50, 20), "DAB", size=9.0)
    p.fixture(Rect(330, 262, 160, 30), "Guichet")
    p.fixture(Rect(560, 360, 110, 24), "Attente")
    for y in (250.0, 340.0, 430.0):
        p.fixture(Rect(846, y, 70, 26), "Bureau", size=9.0)
    outer = p.door("sas-ext", "sas", "s", 0.5, 64, kind="sliding")
    inner = p.door("sas-int", "sas", "n", 0.5, 64, kind="sliding")
    p.door("libre-ext", "libre", "s", 0.5, 70, kind="sliding")
    vault_door = p.door("coffres-porte", "coffres", "s", 0.5, 40)
    for key in ("technique", "wc", "pause", "archives"):
        p.door(f"{key}-porte", key, "s", 0.5)
    p.door("dab-porte", "dab", "n", 0.5)
    back_office = p.door("back-office", "accueil", "n", 0.85, 40, swing="out", hinge="end")
    for key in ("directeur", "conseil1", "conseil2"):
        p.door(f"{key}-porte", key, "w", 0.5)
    p.door("secours", "couloir", "e", 0.5, 44, swing="out")
    p.window("accueil", "s", 0.18, 90)
    p.window("accueil", "s", 0.82, 90)
    p.window("libre", "w", 0.5, 70)
    for key in ("directeur", "conseil1", "conseil2"):
        p.window(key, "e", 0.5, 50)
    p.window("conseil2", "s", 0.5, 80)
    p.window("pause", "n", 0.5, 60)
    p.window("archives", "n", 0.5, 60)
    s.zone(p, "Porte extérieure du SAS", "door_contact", outer.centre)
    s.zone(p, "Porte intérieure du SAS", "door_contact", inner.centre)
    s.zone(p, "Accueil clientèle", "dual_tech", hall.corner("se"))
    s.zone(p, "Bureau conseiller 2", "pir", r["conseil2"].corner("se"))
    s.zone(p, "Bureau conseiller 1", "pir", r["conseil1"].corner("ne"))
    s.zone(p, "Bureau du directeur", "pir", r["directeur"].corner("se"))
    s.zone(p, "Porte back-office", "door_contact", back_office.centre)
    s.zone(p, "Circulation back-office", "pir", corridor.corner("nw", 22))
    s.zone(p, "Porte de la salle des coffres", "door_contact", vault_door.centre)
    s.zone(p, "Salle des coffres", "dual_tech", vault.corner("se", 24))
    s.zone(p, "Coffres clients (sismique)", "shock", (130.0, 71.0))
    s.zone(p, "Coffre DAB (sismique)", "shock", (250.0, 352.0))
    s.zone(p, "Clavier", "keypad", (sas.x - 22, sas.y + 14))
    s.zone(p, "Bouton d'agression guichet", "panic_button", (472.0, 277.0))
    s.zone(p, "Pédale d'agression bureau du directeur", "panic_button", (881.0, 263.0))
    s.zone(p, "Fumée local technique", "smoke", ceiling(r["technique"]))


def build_warehouse(s: SiteBuilder) -> None:
    building = Rect(60, 60, 860, 480)
    p = s.level(0, "Entrepôt", 1150, 680, building)
    r = p.rooms
    p.ground(Rect(924, 40, 196, 536), "Cour camions", label_at=(1040, 520))
    p.fence([(1000, 580), (40, 580), (40, 30), (1130, 30), (1130, 580), (1085, 580)])
    p.label("Portail", 1042, 596, size=11.0, colour="#77776f")
    p.street(s.street, 420, 604)
    p.room("escalier", "", Rect(60, 400, 60, 140))
    p.stairs(Rect(66, 410, 48, 120))
    p.room("accueil", "Accueil chauffeurs", Rect(120, 400, 110, 140))
    p.room("bureau", "Bureau d'exploitation", Rect(230, 400, 120, 140))
    p.room("vestiaires", "Vestiaires", Rect(350, 400, 100, 70), size=12.0)
    p.room("wc", "Sanitaires", Rect(350, 470, 100, 70), size=12.0)
    p.room("charge", "Local de charge", Rect(450, 440, 130, 100))
    p.room("sprinkler", "Local sprinkler", Rect(580, 460, 100, 80), size=12.0)
    for i in range(5):
        p.fixture(Rect(100, 96 + i * 58, 560, 20), "Racks de stockage" if i == 0 else "")
    p.label("Hall de stockage", 380, 374, size=16.0)
    p.outline_path([(722, 70), (910, 70), (910, 530), (722, 530)], label="Quai de chargement")
    p.label("Zone de préparation", 816, 300, size=12.0, colour="#6a6a62")
    p.fixture(Rect(470, 500, 36, 24), "", fill="#e4e4dc")
    p.fixture(Rect(520, 500, 36, 24), "", fill="#e4e4dc")
    p.door("escalier-porte", "escalier", "e", 0.5, 36, kind="opening")
    entrance = p.door("entree", "accueil", "s", 0.5, 40)
    inner = p.door("accueil-hall", "accueil", "n", 0.5, 40, swing="out")
    p.door("bureau-porte", "bureau", "w", 0.35)
    p.door("vestiaires-porte", "vestiaires", "n", 0.5)
    p.door("wc-porte", "wc", "n", 0.5, 32)
    p.door("charge-porte", "charge", "n", 0.5, 80, kind="sectional")
    p.door("sprinkler-porte", "sprinkler", "s", 0.5, 36, swing="out")
    docks = [
        p.door(f"quai-{i}", "building", "e", f, 64, kind="sectional")
        for i, f in enumerate((0.2, 0.4, 0.6, 0.8), start=1)
    ]
    for dock in docks:
        _, y = dock.centre
        p.fixture(Rect(924, y - 30, 24, 60), "", fill="#e2e2da")
    for dock in docks[:2]:
        _, y = dock.centre
        p.fixture(Rect(960, y - 26, 150, 52), "Semi-remorque", rounded=4.0, fill="#e9ecef")
    p.door("secours-ouest", "building", "w", 0.3, 44, swing="out")
    p.door("secours-nord", "building", "n", 0.45, 44, swing="out")
    p.window("bureau", "s", 0.5, 60)
    p.windows("building", "n", 4, 70)
    s.zone(p, "Barrière infrarouge portail", "beam", (1042.0, 566.0))
    s.zone(p, "Barrière infrarouge cour camions", "beam", (1112.0, 300.0))
    s.zone(p, "Porte de quai n°2", "door_contact", docks[1].centre)
    s.zone(p, "Quai de chargement", "dual_tech", (744.0, 112.0))
    s.zone(p, "Hall de stockage — allée centrale", "dual_tech", (690.0, 193.0))
    s.zone(p, "Hall de stockage — ouest", "dual_tech", (80.0, 80.0))
    s.zone(p, "Porte accueil / hall", "door_contact", inner.centre)
    s.zone(p, "Accueil chauffeurs", "pir", r["accueil"].corner("se"))
    s.zone(p, "Porte d'entrée accueil", "door_contact", entrance.centre)
    s.zone(p, "Clavier", "keypad", (140.0, 514.0))
    s.zone(p, "Local de charge (thermique)", "heat", ceiling(r["charge"]))
    s.zone(p, "Détection hydrogène local de charge", "technical", r["charge"].at(0.82, 0.7))
    s.zone(p, "Sprinkler — débit / vanne", "technical", r["sprinkler"].at(0.5, 0.28))
    s.zone(p, "Fumée bureau d'exploitation", "smoke", ceiling(r["bureau"]))
    up = s.level(1, "1er étage (mezzanine)", 1150, 680, building)
    up.ground(Rect(924, 40, 196, 536), "Cour camions", label_at=(1040, 520))
    up.fence([(1000, 580), (40, 580), (40, 30), (1130, 30), (1130, 580), (1085, 580)])
    up.street(s.street, 420, 604)
    up.room("escalier", "", Rect(60, 400, 60, 140))
    up.stairs(Rect(66, 410, 48, 120), up=False)
    corridor = up.room("couloir", "", Rect(120, 400, 330, 40), walls=False)
    up.wall(60, 400, 450, 400)
    up.wall(450, 400, 450, 540)
    up.room("direction", "Direction", Rect(120, 440, 110, 100), size=12.0)
    up.room("reunion", "Salle de réunion", Rect(230, 440, 120, 100), size=12.0)
    up.room("rh", "RH / paie", Rect(350, 440, 100, 100), size=12.0)
    up.label("Vide sur hall de stockage", 490, 230, size=18.0, colour="#9a9a92")
    up.outline_path([(70, 70), (910, 70), (910, 530), (460, 530), (460, 390), (70, 390)])
    up.door("escalier-porte", "escalier", "e", 2.0, 36, kind="opening")
    for key in ("direction", "reunion", "rh"):
        up.door(f"{key}-porte", key, "n", 0.5)
        up.window(key, "s", 0.5, 50)
    up.label("Circulation", 300, 420, size=11.0, colour="#6a6a62")
    s.zone(up, "Bureaux de l'étage", "pir", corridor.corner("ne", 16))
    s.zone(up, "Fumée bureaux de l'étage", "smoke", ceiling(up.rooms["reunion"]))


def build_school(s: SiteBuilder) -> None:
    building = Rect(60, 60, 900, 400)

    def yard(p: Plan) -> None:
        p.ground(Rect(60, 464, 700, 116), "Cour de récréation", label_at=(280, 522))
        p.fence([(60, 464), (60, 580), (760, 580), (760, 464)])
        p.outline_path([(500, 468), (700, 468), (700, 560), (500, 560)], label="Préau")
        p.street(s.street, 30, 260, vertical=True)

    p = s.level(0, "Rez-de-chaussée", 1100, 680, building)
    yard(p)
    corridor_floor(
        p,
        building,
        230,
        50,
        [
            Bay("cp", "Classe CP", 200, windows=2),
            Bay("ce1", "Classe CE1", 200, windows=2),
            Bay("bcd", "Bibliothèque (BCD)", 160),
            Bay("wc_f", "Sanitaires filles", 90, windows=0),
            Bay("wc_g", "Sanitaires garçons", 90, windows=0),
            Bay("escalier", "", 160, door="opening", door_at=0.5),
        ],
        [
            Bay("hall", "Hall d'entrée", 140, door="opening", door_at=0.5, windows=0),
            Bay("direction", "Bureau de direction", 150),
            Bay("maitres", "Salle des maîtres", 150),
            Bay("ce2", "Classe CE2", 230, windows=2),
            Bay("cm1", "Classe CM1", 230, windows=2),
        ],
        label_x=620,
    )
    r = p.rooms
    stair_well(p, "escalier")
    main = p.door("entree", "hall", "w", 0.5, 64, kind="double")
    p.door("cour", "hall", "s", 0.5, 64, kind="double", swing="out")
    exit_ = p.door("secours", "couloir", "e", 0.5, 40, swing="out")
    for key in ("cp", "ce1", "ce2", "cm1"):
        room = r[key]
        p.fixture(Rect(room.x + 30, room.cy + 22, room.w - 60, 16), "")
        p.fixture(Rect(room.x + 30, room.cy + 46, room.w - 60, 16), "")
    s.zone(p, "Porte principale", "door_contact", main.centre)
    s.zone(p, "Hall d'entrée", "pir", r["hall"].corner("se"))
    s.zone(p, "Bureau de direction", "pir", r["direction"].corner("se"))
    s.zone(p, "Couloir RDC", "dual_tech", (470.0, 255.0))
    s.zone(p, "Bibliothèque (BCD)", "pir", r["bcd"].corner("nw"))
    s.zone(p, "Issue de secours est", "door_contact", exit_.centre)
    s.zone(p, "Escalier", "pir", r["escalier"].corner("ne", 18))
    up = s.level(1, "1er étage", 1100, 680, building)
    yard(up)
    corridor_floor(
        up,
        building,
        230,
        50,
        [
            Bay("cm2", "Classe CM2", 200, windows=2),
            Bay("info", "Salle informatique", 200, windows=2),
            Bay("arts", "Arts plastiques", 160),
            Bay("wc", "Sanitaires", 180, windows=0),
            Bay("escalier", "", 160, door="opening", door_at=0.5),
        ],
        [
            Bay("infirmerie", "Infirmerie", 140),
            Bay("reserve", "Réserve matériel", 150, windows=0),
            Bay("motricite", "Salle de motricité", 380, windows=3, door="double", door_at=0.5),
            Bay("ulis", "Classe ULIS", 230, windows=2),
        ],
        label_x=620,
    )
    stair_well(up, "escalier", up=False)
    s.zone(up, "Couloir étage", "dual_tech", (880.0, 255.0))
    s.zone(up, "Salle informatique", "pir", up.rooms["info"].corner("ne"))
    s.zone(p, "Clavier", "keypad", (82.0, 300.0))
    s.zone(p, "Alerte PPMS bureau de direction", "panic_button", r["direction"].at(0.5, 0.72))
    s.zone(p, "Fumée couloir RDC", "smoke", (300.0, 255.0))
    s.zone(up, "Fumée couloir étage", "smoke", (300.0, 255.0))
    s.zone(p, "Sirène PPMS", "siren", (180.0, 300.0))


def build_town_hall(s: SiteBuilder) -> None:
    building = Rect(60, 60, 960, 440)
    p = s.level(0, "Rez-de-chaussée", 1100, 640, building)
    sidewalk(p, s.street, 500, x2=740)
    corridor_floor(
        p,
        building,
        230,
        50,
        [
            Bay("archives", "Archives", 180),
            Bay("regie", "Coffre de la régie", 110, windows=0),
            Bay("wc", "Sanitaires", 110, windows=0),
            Bay("reunion", "Salle de réunion", 300, windows=2),
            Bay("menage", "Local ménage", 80, windows=0),
            Bay("escalier", "", 180, door="opening", door_at=0.5),
        ],
        [
            Bay("hall", "Hall d'accueil", 220, door="opening", door_at=0.5, windows=0),
            Bay("etat_civil", "Accueil — état civil", 240, door="opening", door_at=0.5, windows=2),
            Bay("adjoint", "Bureau de l'adjoint", 160),
            Bay("permanences", "Bureau des permanences", 160),
            Bay("attente", "Salle d'attente", 180),
        ],
        label_x=640,
    )
    r = p.rooms
    stair_well(p, "escalier", lift=True)
    regie = r["regie"]
    for x1, y1, x2, y2 in ((regie.x, regie.y, regie.x, regie.y2), (regie.x2, regie.y, regie.x2, regie.y2)):
        p.wall(x1, y1, x2, y2, thickness=10.0)
    main = p.door("entree", "hall", "s", 0.5, 70, kind="double")
    p.fixture(Rect(300, 300, 200, 30), "Guichets")
    p.fixture(Rect(530, 80, 160, 40), "Table", rounded=10.0)
    s.zone(p, "Porte principale", "door_contact", main.centre)
    s.zone(p, "Hall d'accueil", "pir", r["hall"].corner("sw"))
    s.zone(p, "Accueil — état civil", "dual_tech", r["etat_civil"].corner("se"))
    s.zone(p, "Couloir RDC", "pir", (400.0, 255.0))
    s.zone(p, "Porte du coffre de la régie", "door_contact", p.openings["regie-porte"].centre)
    s.zone(p, "Coffre de la régie (sismique)", "shock", regie.at(0.5, 0.3))
    s.zone(p, "Archives", "pir", r["archives"].corner("nw"))
    up = s.level(1, "1er étage", 1100, 640, building)
    corridor_floor(
        up,
        building,
        230,
        50,
        [
            Bay("conseil", "Salle du conseil de quartier", 400, windows=3, door="double", door_at=0.5),
            Bay("wc", "Sanitaires", 110, windows=0),
            Bay("info", "Local informatique", 130, windows=0),
            Bay("repro", "Reprographie", 140),
            Bay("escalier", "", 180, door="opening", door_at=0.5),
        ],
        [
            Bay("b1", "Bureau 1", 180),
            Bay("b2", "Bureau 2", 180),
            Bay("b3", "Bureau 3", 180),
            Bay("responsable", "Bureau du responsable", 200),
            Bay("pause", "Salle de pause", 220),
        ],
        label_x=640,
    )
    stair_well(up, "escalier", up=False, lift=True)
    s.zone(up, "Couloir étage", "dual_tech", (880.0, 255.0))
    s.zone(up, "Local informatique", "pir", up.rooms["info"].corner("ne"))
    s.zone(p, "Clavier", "keypad", (r["hall"].x2 - 20, r["hall"].y2 - 22))
    s.zone(p, "Bouton d'alerte guichet", "panic_button", (482.0, 315.0))
    s.zone(p, "Fumée archives", "smoke", ceiling(r["archives"]))
    s.zone(up, "Fumée local informatique", "smoke", ceiling(up.rooms["info"]))
    s.zone(p, "Sirène intérieure", "siren", r["hall"].corner("ne", 22))

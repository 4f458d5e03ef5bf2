"""Places of work: offices, the data centre, the fuel station, the laboratory and the workshop.

Building templates of the demo sites (see demo_buildings.py, which names them in ``BUILDERS``).
Standard library only; imported with ``tools/`` on the path.
"""

from __future__ import annotations

from demo_plans import Bay, Rect, corridor_floor
from demo_site import SiteBuilder, ceiling, sidewalk, stair_well


def build_offices(s: SiteBuilder) -> None:
    building = Rect(60, 60, 980, 440)
    p = s.level(0, "Rez-de-chaussée", 1100, 640, building)
    sidewalk(p, s.street, 500, x2=740)
    corridor_floor(
        p,
        building,
        240,
        50,
        [
            Bay("openspace", "Open space", 400, windows=3, door="double", door_at=0.5),
            Bay("reunion", "Salle de réunion", 220, windows=2),
            Bay("serveur", "Local serveur", 120, windows=0),
            Bay("wc", "Sanitaires", 120, windows=0),
            Bay("escalier", "", 120, door="opening", door_at=0.5),
        ],
        [
            Bay("hall", "Hall d'accueil", 200, door="opening", door_at=0.5, windows=0),
            Bay("b1", "Bureau 1", 150),
            Bay("b2", "Bureau 2", 150),
            Bay("cafeteria", "Cafétéria", 250, windows=2),
            Bay("menage", "Local ménage", 100, windows=0),
            Bay("velos", "Local vélos", 130, windows=0),
        ],
        label_x=560,
    )
    r = p.rooms
    stair_well(p, "escalier")
    main = p.door("entree", "hall", "s", 0.5, 64, kind="double")
    p.door("velos-ext", "velos", "s", 0.5, 60)
    p.fixture(Rect(90, 330, 120, 30), "Accueil", size=10.0)
    for i in range(3):
        p.fixture(Rect(90 + i * 120, 80, 90, 44), "", rounded=2.0)
        p.fixture(Rect(90 + i * 120, 172, 90, 44), "", rounded=2.0)
    p.fixture(Rect(500, 84, 140, 40), "Table", rounded=10.0)
    p.fixture(Rect(692, 70, 96, 18), "Baies", fill="#e2e2da", size=8.0)
    s.zone(p, "Porte d'entrée", "door_contact", main.centre)
    s.zone(p, "Hall d'accueil", "pir", r["hall"].corner("sw"))
    s.zone(p, "Couloir RDC", "pir", (300.0, 265.0))
    s.zone(p, "Open space", "dual_tech", r["openspace"].corner("ne"))
    s.zone(p, "Salle de réunion", "pir", r["reunion"].corner("ne"))
    s.zone(p, "Local serveur", "pir", r["serveur"].corner("ne"))
    up = s.level(1, "1er étage", 1100, 640, building)
    corridor_floor(
        up,
        building,
        240,
        50,
        [
            Bay("direction", "Bureau de direction", 220, windows=2),
            Bay("rh", "Bureau RH", 160),
            Bay("compta", "Comptabilité", 160),
            Bay("reunion2", "Salle de réunion 2", 200, windows=2),
            Bay("wc", "Sanitaires", 120, windows=0),
            Bay("escalier", "", 120, door="opening", door_at=0.5),
        ],
        [
            Bay("openspace2", "Open space", 450, windows=3, door="double", door_at=0.5),
            Bay("repro", "Reprographie", 130),
            Bay("archives", "Archives", 150, windows=0),
            Bay("b3", "Bureau 3", 250, windows=2),
        ],
        label_x=560,
    )
    stair_well(up, "escalier", up=False)
    s.zone(up, "Couloir étage", "dual_tech", (1020.0, 265.0))
    s.zone(up, "Bureau de direction", "pir", up.rooms["direction"].corner("nw"))
    s.zone(p, "Clavier", "keypad", (r["hall"].x2 - 20, r["hall"].y2 - 22))
    s.zone(p, "Fumée local serveur", "smoke", ceiling(r["serveur"]))
    s.zone(p, "Climatisation local serveur", "technical", r["serveur"].at(0.5, 0.8))
    s.zone(up, "Fumée couloir étage", "smoke", (300.0, 265.0))
    s.zone(p, "Bouton d'alerte accueil", "panic_button", (196.0, 345.0))


def build_datacenter(s: SiteBuilder) -> None:
    building = Rect(60, 60, 920, 480)
    p = s.level(0, "Rez-de-chaussée", 1150, 680, building)
    sidewalk(p, s.street, 540, x2=780)
    p.ground(Rect(984, 300, 140, 240), "Aire de livraison", label_at=(1054, 330))
    p.fence([(984, 56), (1130, 56), (1130, 580), (984, 580)])
    p.room("escalier", "", Rect(60, 60, 100, 190))
    p.stairs(Rect(70, 72, 40, 130))
    p.label("Escalier", 110, 230, size=11.0)
    p.room("exploitation", "Bureau exploitation", Rect(160, 60, 140, 190), size=12.0)
    sas = p.room("sas", "SAS contrôle d'accès", Rect(60, 250, 240, 130), size=13.0)
    pc = p.room("pc", "PC sécurité / accueil", Rect(60, 380, 240, 160), size=13.0)
    corridor = p.room("couloir", "", Rect(300, 250, 680, 50), walls=False)
    p.label("Couloir technique", 640, 275, size=12.0, colour="#6a6a62")
    server_a = p.room("srv_a", "Salle serveurs A", Rect(300, 60, 320, 190), label_at=(460, 232))
    server_b = p.room("srv_b", "Salle serveurs B", Rect(620, 60, 280, 190), label_at=(760, 232))
    p.room("tgbt", "TGBT", Rect(900, 60, 80, 190), size=12.0)
    p.room("noc", "Salle opérateurs (NOC)", Rect(300, 300, 200, 240), size=13.0)
    ups = p.room("ups", "Salle onduleurs", Rect(500, 300, 200, 240))
    p.room("batt", "Local batteries", Rect(700, 300, 140, 240), label_at=(770, 470), size=13.0)
    p.room("quai", "Quai de livraison", Rect(840, 300, 140, 240), size=13.0)
    for i in range(5):
        p.fixture(Rect(330 + i * 56, 92, 24, 116), "", fill="#e4e6ea")
    for i in range(4):
        p.fixture(Rect(650 + i * 60, 92, 24, 116), "", fill="#e4e6ea")
    p.fixture(Rect(520, 330, 70, 44), "UPS 1", size=9.0)
    p.fixture(Rect(610, 330, 70, 44), "UPS 2", size=9.0)
    for i in range(3):
        p.fixture(Rect(720, 352 + i * 30, 100, 18), "", fill="#e2e2da")
    p.fixture(Rect(320, 470, 160, 40), "Pupitres", size=9.0)
    p.fixture(Rect(80, 400, 110, 30), "Banque", size=9.0)
    main = p.door("entree", "pc", "s", 0.5, 44)
    sas_door = p.door("pc-sas", "pc", "n", 0.5, 40, swing="out")
    p.door("sas-couloir", "sas", "e", 7.0, 36)
    p.door("exploitation-porte", "exploitation", "s", 0.5)
    p.door("escalier-porte", "escalier", "s", 0.5, 44, kind="opening")
    p.door("srv_a-porte", "srv_a", "s", 0.85, 64, kind="double")
    p.door("srv_b-porte", "srv_b", "s", 0.85, 64, kind="double")
    p.door("tgbt-porte", "tgbt", "s", 0.5, 36)
    p.door("noc-porte", "noc", "n", 0.5)
    p.door("ups-porte", "ups", "n", 0.5, 64, kind="double")
    p.door("batt-porte", "batt", "n", 0.5)
    p.door("quai-couloir", "quai", "n", 0.3, 64, kind="double")
    dock = p.door("quai-porte", "quai", "e", 0.5, 100, kind="sectional")
    p.window("pc", "s", 0.2, 50)
    p.windows("noc", "s", 2, 50)
    p.window("exploitation", "n", 0.5, 50)
    s.zone(p, "Porte d'entrée du personnel", "door_contact", main.centre)
    s.zone(p, "PC sécurité", "pir", pc.corner("se"))
    s.zone(p, "Porte du SAS", "door_contact", sas_door.centre)
    s.zone(p, "SAS contrôle d'accès", "dual_tech", sas.corner("sw"))
    s.zone(p, "Couloir technique", "pir", corridor.corner("nw", 24))
    s.zone(p, "Salle serveurs A", "dual_tech", server_a.corner("nw", 18))
    s.zone(p, "Salle serveurs B", "dual_tech", server_b.corner("ne", 18))
    s.zone(p, "Porte du quai de livraison", "door_contact", dock.centre)
    s.zone(p, "Clavier", "keypad", (226.0, 516.0))
    s.zone(p, "Bouton d'alerte PC sécurité", "panic_button", (170.0, 415.0))
    s.zone(p, "Fumée salle serveurs A (aspiration)", "smoke", server_a.at(0.5, 0.1))
    s.zone(p, "Fumée salle serveurs B (aspiration)", "smoke", server_b.at(0.5, 0.1))
    s.zone(p, "Température salle serveurs A", "technical", server_a.at(0.94, 0.5))
    s.zone(p, "Fuite d'eau faux plancher salle B", "water_leak", server_b.at(0.93, 0.5))
    s.zone(p, "Onduleurs — défaut", "technical", ups.at(0.5, 0.85))
    basement = s.level(-1, "Sous-sol", 1150, 680, building)
    sidewalk(basement, s.street, 540, x2=780)
    basement.room("escalier", "", Rect(60, 60, 100, 190))
    basement.stairs(Rect(70, 72, 40, 130), up=False)
    basement.label("Escalier", 110, 230, size=11.0)
    basement.room("stock", "Stock pièces", Rect(160, 60, 140, 190), size=12.0)
    ge1 = basement.room("ge1", "Groupe électrogène 1", Rect(300, 60, 340, 190), label_at=(470, 226))
    basement.room("ge2", "Groupe électrogène 2", Rect(640, 60, 340, 190), label_at=(810, 226))
    basement.room("couloir", "", Rect(60, 250, 920, 50), walls=False)
    basement.label("Couloir", 640, 275, size=12.0, colour="#6a6a62")
    basement.room("sprinkler", "Local sprinkler", Rect(60, 300, 240, 240))
    basement.room("gaz", "Extinction (gaz inerte)", Rect(300, 300, 200, 240), size=13.0)
    basement.room("cuves", "Cuves de fioul", Rect(500, 300, 480, 240), label_at=(740, 520))
    basement.fixture(Rect(340, 90, 220, 90), "Groupe 1 — 1 250 kVA", fill="#e8e4dc")
    basement.fixture(Rect(680, 90, 220, 90), "Groupe 2 — 1 250 kVA", fill="#e8e4dc")
    basement.fixture(Rect(540, 330, 180, 150), "Cuve 1 (30 m³)", rounded=30.0)
    basement.fixture(Rect(760, 330, 180, 150), "Cuve 2 (30 m³)", rounded=30.0)
    for i in range(6):
        basement.fixture(Rect(330 + i * 26, 330, 18, 18), "", rounded=9.0, fill="#e4e6ea")
    basement.door("escalier-porte", "escalier", "s", 0.5, 44, kind="opening")
    basement.door("stock-porte", "stock", "s", 0.5)
    basement.door("ge1-porte", "ge1", "s", 0.85, 64, kind="double")
    basement.door("ge2-porte", "ge2", "s", 0.85, 64, kind="double")
    basement.door("sprinkler-porte", "sprinkler", "n", 0.5)
    basement.door("gaz-porte", "gaz", "n", 0.5)
    basement.door("cuves-porte", "cuves", "n", 0.1)
    s.zone(basement, "Groupe électrogène — défaut", "technical", ge1.at(0.06, 0.5))


def build_fuel_station(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1100, 640, Rect(80, 80, 440, 260))
    r = p.rooms
    p.ground(Rect(0, 40, 1100, 480), fill="#f2f2ee")
    p.outline_path(
        [(600, 110), (1020, 110), (1020, 430), (600, 430)], label="Auvent — pistes de distribution"
    )
    for i, (x, y) in enumerate(((660.0, 190.0), (840.0, 190.0), (660.0, 340.0), (840.0, 340.0)), start=1):
        p.fixture(Rect(x, y, 120, 26), f"Îlot {i}", fill="#e8e4dc")
    p.ground(Rect(100, 400, 260, 70), "Cuves enterrées", fill="#f7f7f3", stroke="#9a9a92", dashed=True)
    p.ground(Rect(400, 400, 160, 100), "Aire de lavage", fill="#eaf0f4", stroke="#9aa8b0")
    sidewalk(p, s.street, 520, x2=720)
    p.room("reserve", "Réserve", Rect(80, 80, 150, 120))
    p.room("bureau", "Bureau", Rect(80, 200, 150, 80))
    p.room("wc", "Sanitaires", Rect(80, 280, 150, 60), size=12.0)
    shop = p.room("boutique", "", Rect(230, 80, 290, 260), walls=False)
    p.label("Boutique", 340, 300)
    p.fixture(Rect(440, 120, 40, 150), "Caisse")
    for i in range(3):
        p.fixture(Rect(260, 110 + i * 56, 130, 22), "Rayons", size=9.0)
    p.fixture(Rect(250, 92, 160, 12))
    entrance = p.door("entree", "boutique", "s", 0.6, 70, kind="sliding")
    glazing = p.windows("boutique", "e", 2, 80)
    p.window("boutique", "n", 0.5, 80)
    p.door("reserve-porte", "reserve", "e", 0.6)
    p.door("bureau-porte", "bureau", "e", 0.5)
    p.door("wc-porte", "wc", "e", 0.5, 32)
    service = p.door("service", "reserve", "n", 0.5, 40, swing="out")
    p.window("bureau", "w", 0.5, 40)
    s.zone(p, "Porte automatique", "door_contact", entrance.centre)
    s.zone(p, "Vitrage boutique (pistes)", "glass_break", glazing[1].inside(shop, 18))
    s.zone(p, "Boutique", "dual_tech", shop.corner("sw", 18))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("sw", 18))
    s.zone(p, "Réserve", "pir", r["reserve"].corner("nw"))
    s.zone(p, "Porte de service", "door_contact", service.centre)
    s.zone(p, "Clavier", "keypad", (500.0, 320.0))
    s.zone(p, "Bouton d'agression caisse", "panic_button", (460.0, 225.0))
    s.zone(p, "Bouton d'agression bureau", "panic_button", (150.0, 214.0))
    s.zone(p, "Fumée réserve", "smoke", ceiling(r["reserve"]))
    s.zone(p, "Détection de fuite hydrocarbures (cuves)", "technical", (160.0, 435.0))
    s.zone(p, "Arrêt d'urgence distribution", "technical", (415.0, 140.0))
    s.zone(p, "Sirène extérieure", "siren", (540.0, 96.0))


def build_lab(s: SiteBuilder) -> None:
    building = Rect(60, 60, 980, 440)
    p = s.level(0, "Rez-de-chaussée", 1100, 640, building)
    sidewalk(p, s.street, 500, x2=740)
    corridor_floor(
        p,
        building,
        240,
        50,
        [
            Bay("plateau", "Plateau technique", 300, windows=2, door="double", door_at=0.5),
            Bay("froid", "Chambre froide réactifs", 130, windows=0),
            Bay("dasri", "Local DASRI", 120, windows=0),
            Bay("laverie", "Laverie", 120),
            Bay("bureau", "Bureau du biologiste", 160),
            Bay("info", "Local informatique", 150, windows=0),
        ],
        [
            Bay("accueil", "Accueil — secrétariat", 220, door="opening", door_at=0.5),
            Bay("attente", "Salle d'attente", 200, door="opening", door_at=0.5, windows=2),
            Bay("prel1", "Prélèvement 1", 120),
            Bay("prel2", "Prélèvement 2", 120),
            Bay("wc", "Sanitaires", 100, windows=0),
            Bay("vestiaires", "Vestiaires", 120, windows=0),
            Bay("pause", "Salle de pause", 100),
        ],
        label_x=700,
    )
    r = p.rooms
    p.fixture(Rect(80, 80, 150, 36), "Automates", size=9.0)
    p.fixture(Rect(300, 180, 44, 40), "−80 °C", size=8.0)
    p.fixture(Rect(72, 128, 26, 96), "Paillasse", size=9.0)
    p.fixture(Rect(100, 300, 130, 28), "Banque d'accueil", size=9.0)
    main = p.door("entree", "accueil", "s", 0.5, 64, kind="double")
    exit_ = p.door("secours", "couloir", "e", 0.5, 40, swing="out")
    p.door("dasri-ext", "dasri", "n", 0.5, 40, swing="out")
    s.zone(p, "Porte principale", "door_contact", main.centre)
    s.zone(p, "Accueil — secrétariat", "pir", r["accueil"].corner("sw"))
    s.zone(p, "Couloir", "pir", (300.0, 265.0))
    s.zone(p, "Plateau technique", "dual_tech", r["plateau"].corner("ne"))
    s.zone(p, "Bureau du biologiste", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Issue de secours", "door_contact", exit_.centre)
    s.zone(p, "Clavier", "keypad", (r["accueil"].x2 - 22, r["accueil"].y2 - 22))
    s.zone(p, "Bouton d'alerte accueil", "panic_button", (165.0, 340.0))
    s.zone(p, "Congélateur −80 °C", "technical", (322.0, 200.0))
    s.zone(p, "Chambre froide réactifs", "technical", r["froid"].at(0.5, 0.3))
    s.zone(p, "Fumée plateau technique", "smoke", (265.0, 185.0))
    s.zone(p, "Fumée local informatique", "smoke", ceiling(r["info"]))
    s.zone(p, "Fuite d'eau laverie", "water_leak", r["laverie"].at(0.5, 0.75))


def build_workshop(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1100, 640, Rect(60, 60, 860, 440))
    r = p.rooms
    p.ground(Rect(924, 60, 160, 440), "Cour de stockage", label_at=(1004, 80))
    p.ground(Rect(60, 504, 860, 40), fill="#f0f0ea")
    p.street(s.street, 380, 560)
    atelier = p.room("atelier", "Atelier", Rect(60, 60, 560, 440), label_at=(470, 446), size=16.0)
    p.room("stock", "Stock bois", Rect(620, 60, 300, 180), label_at=(790, 204))
    p.room("cabine", "Cabine de vernissage", Rect(620, 240, 160, 140), label_at=(700, 346), size=11.0)
    p.room("aspiration", "Aspiration", Rect(780, 240, 140, 140), size=12.0)
    p.room("bureau", "Bureau", Rect(620, 380, 160, 120))
    p.room("vestiaire", "Vestiaire", Rect(780, 380, 140, 120), size=12.0)
    for rect, label in (
        (Rect(120, 120, 140, 80), "Scie à format"),
        (Rect(320, 110, 100, 60), "Raboteuse"),
        (Rect(470, 110, 70, 70), "Toupie"),
        (Rect(100, 300, 180, 40), "Établi"),
        (Rect(330, 300, 180, 40), "Établi"),
        (Rect(360, 200, 160, 40), "Plaqueuse"),
    ):
        p.fixture(rect, label, size=9.0)
    for i in range(3):
        p.fixture(Rect(660, 78 + i * 34, 230, 18), "Bois en rack" if i == 0 else "", size=9.0)
    roller = p.door("atelier-porte", "atelier", "s", 0.35, 140, kind="sectional")
    p.door("stock-atelier", "stock", "w", 0.5, 64, kind="double")
    p.door("stock-cour", "stock", "e", 0.5, 100, kind="sectional")
    p.door("cabine-porte", "cabine", "w", 0.5)
    p.door("aspiration-porte", "aspiration", "e", 0.5, 36, swing="out")
    p.door("bureau-atelier", "bureau", "w", 0.5)
    office = p.door("bureau-porte", "bureau", "s", 0.5, 40)
    p.door("vestiaire-porte", "vestiaire", "w", 0.5)
    p.window("bureau", "s", 0.2, 40)
    p.windows("atelier", "n", 3, 70)
    p.windows("atelier", "w", 2, 70)
    p.window("stock", "n", 0.5, 60)
    s.zone(p, "Porte du bureau", "door_contact", office.centre)
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Atelier — entrée", "dual_tech", atelier.corner("se"))
    s.zone(p, "Porte sectionnelle atelier", "door_contact", roller.centre)
    s.zone(p, "Atelier — machines", "dual_tech", atelier.corner("ne"))
    s.zone(p, "Stock bois", "pir", r["stock"].corner("ne"))
    s.zone(p, "Clavier", "keypad", (742.0, 476.0))
    s.zone(p, "Atelier (thermique)", "heat", (280.0, 250.0))
    s.zone(p, "Fumée cabine de vernissage", "smoke", ceiling(r["cabine"]))
    s.zone(p, "Fumée stock bois", "smoke", r["stock"].at(0.2, 0.85))
    s.zone(p, "Aspiration — défaut", "technical", r["aspiration"].at(0.5, 0.78))
    s.zone(p, "Alerte travailleur isolé", "panic_button", (540.0, 330.0))

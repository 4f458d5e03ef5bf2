"""Shops and showrooms on a street: an open sales floor with back rooms, the cash desk and the stock.

Building templates of the demo sites (see demo_buildings.py, which names them in ``BUILDERS``).
Standard library only; imported with ``tools/`` on the path.
"""

from __future__ import annotations

from collections.abc import Sequence

from demo_plans import Plan, Rect
from demo_site import SiteBuilder, ceiling, sidewalk

SHOP = Rect(70, 50, 860, 430)


def _shop(s: SiteBuilder, back: Sequence[tuple[str, str, float]], depth: float) -> tuple[Plan, Rect]:
    """A shop: one open sales floor on the street (south) with back rooms along the north wall."""
    p = s.level(0, "Rez-de-chaussée", 1000, 620, SHOP)
    sidewalk(p, s.street, SHOP.y2)
    x = SHOP.x
    for key, label, width in back:
        p.room(key, label, Rect(x, SHOP.y, width, depth))
        x += width
    sales = p.room("vente", "", Rect(SHOP.x, SHOP.y + depth, SHOP.w, SHOP.h - depth), walls=False)
    return p, sales


def build_pharmacy(s: SiteBuilder) -> None:
    p, sales = _shop(
        s,
        [
            ("reserve", "Réserve", 260),
            ("prep", "Préparatoire", 190),
            ("bureau", "Bureau", 160),
            ("vestiaire", "Vestiaire", 130),
            ("wc", "Sanitaires", 120),
        ],
        150,
    )
    r = p.rooms
    p.label("Espace de vente", 500, 405)
    p.fixture(Rect(300, 228, 420, 30), "Comptoir")
    p.fixture(Rect(82, 232, 22, 196), "Parapharmacie")
    p.fixture(Rect(896, 232, 22, 196), "Orthopédie")
    p.fixture(Rect(300, 312, 150, 26), "Gondole")
    p.fixture(Rect(570, 312, 150, 26), "Gondole")
    p.fixture(Rect(120, 58, 190, 20), "Rayonnages")
    p.fixture(Rect(350, 58, 150, 26), "Paillasse")
    entrance = p.door("entree", "building", "s", 0.5, 80, kind="sliding")
    west = p.window("building", "s", 0.22, 200)
    p.window("building", "s", 0.78, 200)
    p.door("reserve-porte", "reserve", "s", 0.8, hinge="end")
    p.door("prep-porte", "prep", "s", 0.3)
    p.door("bureau-porte", "bureau", "s", 0.5)
    p.door("vestiaire-porte", "vestiaire", "s", 0.5)
    p.door("wc-porte", "wc", "w", 0.6, 32)
    service = p.door("service", "reserve", "w", 0.5, 40, swing="out")
    p.window("prep", "n", 0.75, 50)
    p.window("bureau", "n", 0.5, 60)
    p.street("Cour intérieure", 30, 125, vertical=True)
    s.zone(p, "Porte d'entrée automatique", "door_contact", entrance.centre)
    s.zone(p, "Vitrine ouest", "glass_break", west.inside(sales, 18))
    s.zone(p, "Espace de vente", "dual_tech", sales.corner("sw", 22))
    s.zone(p, "Réserve", "pir", r["reserve"].corner("se"))
    s.zone(p, "Porte de service (cour)", "door_contact", service.centre)
    s.zone(p, "Préparatoire", "pir", r["prep"].corner("ne"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Clavier d'entrée", "keypad", (entrance.b + 26, sales.y2 - 18))
    s.zone(p, "Bouton d'agression comptoir", "panic_button", (640.0, 243.0))
    s.zone(p, "Fumée réserve", "smoke", ceiling(r["reserve"]))
    s.zone(p, "Réfrigérateur vaccins (température)", "technical", r["prep"].at(0.25, 0.72))
    s.zone(p, "Sirène intérieure", "siren", sales.at(0.86, 0.62))


def build_jeweller(s: SiteBuilder) -> None:
    p, sales = _shop(
        s,
        [
            ("atelier", "Atelier", 210),
            ("salon", "Salon privé", 170),
            ("bureau", "Bureau", 200),
            ("coffre", "Coffre-fort", 140),
            ("wc", "Sanitaires", 140),
        ],
        160,
    )
    r = p.rooms
    vault = r["coffre"]
    for x1, y1, x2, y2 in (
        (vault.x, vault.y, vault.x, vault.y2),
        (vault.x2, vault.y, vault.x2, vault.y2),
        (vault.x, vault.y2, vault.x2, vault.y2),
    ):
        p.wall(x1, y1, x2, y2, thickness=12.0)
    sas = p.room("sas", "SAS", Rect(450, 400, 100, 80), size=12.0)
    p.label("Salle d'exposition", 250, 392)
    p.fixture(Rect(380, 250, 240, 34), "Comptoir")
    p.fixture(Rect(130, 300, 180, 40), "Vitrine")
    p.fixture(Rect(690, 300, 180, 40), "Vitrine")
    p.fixture(Rect(82, 250, 20, 140), "Vitrines murales", size=9.0)
    p.fixture(Rect(898, 250, 20, 140), "Vitrines murales", size=9.0)
    p.fixture(Rect(90, 62, 170, 30), "Établi")
    p.fixture(Rect(294, 64, 86, 40), "Table", rounded=6.0)
    outer = p.door("sas-ext", "sas", "s", 0.5, 48)
    inner = p.door("sas-int", "sas", "n", 0.5, 48, swing="out")
    west = p.window("building", "s", 0.2, 200)
    p.window("building", "s", 0.8, 200)
    p.door("atelier-porte", "atelier", "s", 0.5)
    p.door("salon-porte", "salon", "s", 0.5)
    p.door("bureau-porte", "bureau", "s", 0.3)
    vault_door = p.door("coffre-porte", "coffre", "w", 0.82, 32)
    p.door("wc-porte", "wc", "s", 0.5)
    p.window("atelier", "n", 0.7, 60)
    p.window("bureau", "n", 0.5, 60)
    s.zone(p, "Vitrine façade ouest", "glass_break", west.inside(sales, 18))
    s.zone(p, "Porte extérieure du SAS", "door_contact", outer.centre)
    s.zone(p, "Porte intérieure du SAS", "door_contact", inner.centre)
    s.zone(p, "Salle d'exposition", "dual_tech", sales.corner("nw", 18))
    s.zone(p, "Vitrines d'exposition", "shock", (220.0, 320.0))
    s.zone(p, "Atelier", "pir", r["atelier"].corner("sw"))
    s.zone(p, "Salon privé", "pir", r["salon"].corner("ne"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Porte du coffre", "door_contact", vault_door.centre)
    s.zone(p, "Coffre-fort (sismique)", "shock", vault.at(0.6, 0.3))
    s.zone(p, "Clavier", "keypad", (sas.x2 + 22, sas.y + 14))
    s.zone(p, "Bouton d'agression comptoir", "panic_button", (590.0, 267.0))
    s.zone(p, "Pédale d'agression bureau", "panic_button", r["bureau"].at(0.5, 0.72))
    s.zone(p, "Fumée atelier", "smoke", (235.0, 160.0))
    s.zone(p, "Sirène flash", "siren", sales.corner("se", 18))


def build_tobacco(s: SiteBuilder) -> None:
    p, sales = _shop(
        s,
        [
            ("reserve", "Réserve", 250),
            ("bureau", "Bureau", 180),
            ("wc", "Sanitaires", 110),
            ("stock", "Stock presse", 320),
        ],
        150,
    )
    r = p.rooms
    p.label("Espace de vente", 250, 400)
    p.fixture(Rect(560, 236, 330, 34), "Comptoir tabac")
    p.fixture(Rect(600, 204, 300, 14))
    p.fixture(Rect(82, 230, 24, 200), "Présentoir presse")
    p.fixture(Rect(300, 320, 150, 30), "Jeux FDJ")
    p.fixture(Rect(560, 340, 200, 26), "Cadeaux, vapotage", size=9.0)
    p.fixture(Rect(440, 140, 50, 40), "Coffre", size=9.0)
    entrance = p.door("entree", "building", "s", 0.35, 70, kind="double")
    p.window("building", "s", 0.15, 160)
    p.window("building", "s", 0.72, 260)
    p.door("reserve-porte", "reserve", "s", 0.5)
    p.door("bureau-porte", "bureau", "s", 0.5)
    p.door("wc-porte", "wc", "s", 0.5)
    p.door("stock-porte", "stock", "s", 38.0)
    back = p.door("arriere", "reserve", "n", 0.5, 40, swing="out")
    p.window("stock", "n", 0.5, 60)
    s.zone(p, "Rideau métallique (choc)", "shock", (entrance.a - 26, sales.y2 - 10))
    s.zone(p, "Porte d'entrée", "door_contact", entrance.centre)
    s.zone(p, "Espace de vente", "dual_tech", sales.corner("sw", 24))
    s.zone(p, "Arrière-comptoir", "pir", (900.0, 226.0))
    s.zone(p, "Stock presse", "pir", r["stock"].corner("ne"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Coffre (sismique)", "shock", (465.0, 160.0))
    s.zone(p, "Réserve", "pir", r["reserve"].corner("ne"))
    s.zone(p, "Porte arrière (cour)", "door_contact", back.centre)
    s.zone(p, "Clavier", "keypad", (entrance.b + 24, sales.y2 - 18))
    s.zone(p, "Bouton d'agression caisse", "panic_button", (860.0, 253.0))
    s.zone(p, "Fumée réserve", "smoke", ceiling(r["reserve"]))
    s.zone(p, "Sirène intérieure", "siren", sales.at(0.9, 0.7))


def build_bakery(s: SiteBuilder) -> None:
    p, sales = _shop(
        s,
        [
            ("fournil", "Fournil", 380),
            ("froid", "Chambre froide", 130),
            ("farine", "Réserve farine", 140),
            ("vestiaire", "Vestiaire", 110),
            ("wc", "Sanitaires", 100),
        ],
        200,
    )
    r = p.rooms
    p.label("Boutique", 500, 410)
    p.fixture(Rect(90, 62, 150, 60), "Four", fill="#e8e1d6")
    p.fixture(Rect(250, 70, 60, 60), "Pétrin", rounded=28.0)
    p.fixture(Rect(370, 62, 70, 60), "Pousse", size=9.0)
    p.fixture(Rect(120, 170, 250, 34), "Plan de travail")
    p.fixture(Rect(240, 290, 420, 34), "Vitrine réfrigérée")
    p.fixture(Rect(660, 290, 80, 34), "Caisse")
    p.fixture(Rect(240, 262, 500, 12))
    entrance = p.door("entree", "building", "s", 0.5, 44)
    west = p.window("building", "s", 0.2, 220)
    p.window("building", "s", 0.8, 220)
    p.door("fournil-porte", "fournil", "s", 0.85, 40, hinge="end")
    p.door("froid-porte", "froid", "w", 0.5, swing="out")
    p.door("farine-porte", "farine", "s", 0.5)
    p.door("vestiaire-porte", "vestiaire", "s", 0.5)
    p.door("wc-porte", "wc", "w", 0.7, 32)
    delivery = p.door("livraison", "fournil", "n", 0.72, 40, swing="out")
    p.window("vestiaire", "n", 0.5, 40)
    s.zone(p, "Porte d'entrée", "door_contact", entrance.centre)
    s.zone(p, "Vitrine ouest", "glass_break", west.inside(sales, 18))
    s.zone(p, "Boutique", "pir", sales.corner("nw", 22))
    s.zone(p, "Fournil", "dual_tech", r["fournil"].corner("se", 22))
    s.zone(p, "Porte de livraison", "door_contact", delivery.centre)
    s.zone(p, "Clavier", "keypad", (entrance.b + 24, sales.y2 - 18))
    s.zone(p, "Bouton d'agression caisse", "panic_button", (700.0, 307.0))
    s.zone(p, "Fournil (thermovélocimétrique)", "heat", (340.0, 120.0))
    s.zone(p, "Fumée réserve farine", "smoke", ceiling(r["farine"]))
    s.zone(p, "Chambre froide (température)", "technical", r["froid"].at(0.5, 0.3))
    s.zone(p, "Sirène intérieure", "siren", sales.corner("ne", 22))


def build_dealership(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1200, 700, Rect(60, 60, 900, 460))
    r = p.rooms
    p.ground(Rect(972, 56, 206, 530), "Parking véhicules d'occasion", label_at=(1075, 72))
    p.ground(Rect(60, 530, 620, 62), "Parking clients", label_at=(370, 561))
    p.fence([(960, 50), (1185, 50), (1185, 592), (1090, 592)])
    p.fence([(1000, 592), (968, 592), (968, 524)])
    p.label("Portail", 1045, 606, size=11.0, colour="#77776f")
    p.street(s.street, 370, 620)
    for row, x in enumerate((990.0, 1090.0)):
        for i in range(5):
            p.fixture(Rect(x, 100 + i * 88 + row * 20, 70, 40), "", rounded=8.0, fill="#e9ecef")
    p.room("v1", "Bureau vendeur 1", Rect(60, 60, 120, 160), size=12.0)
    p.room("v2", "Bureau vendeur 2", Rect(180, 60, 120, 160), size=12.0)
    p.room("chef", "Bureau chef des ventes", Rect(300, 60, 120, 160), size=12.0)
    p.room("wc", "Sanitaires", Rect(420, 60, 100, 160), size=12.0)
    showroom = p.room("showroom", "Showroom", Rect(60, 220, 460, 300), label_at=(290, 376), size=16.0)
    atelier = p.room("atelier", "Atelier mécanique", Rect(520, 60, 440, 340), label_at=(740, 275))
    p.room("magasin", "Magasin pièces", Rect(520, 400, 220, 120))
    p.room("vestiaires", "Vestiaires", Rect(740, 400, 110, 120), size=12.0)
    p.room("huiles", "Local huiles", Rect(850, 400, 110, 120), size=12.0)
    for x, y in ((90.0, 262.0), (300.0, 262.0), (180.0, 410.0)):
        p.fixture(Rect(x, y, 130, 58), "Véhicule", rounded=14.0, fill="#e6edf3")
    p.fixture(Rect(400, 440, 90, 30), "Accueil", size=10.0)
    for x in (560.0, 670.0, 780.0):
        p.fixture(Rect(x, 100, 70, 130), "Pont", fill="#e8e4dc")
    p.fixture(Rect(560, 350, 160, 26), "Établi")
    p.fixture(Rect(560, 480, 160, 24), "Comptoir pièces", size=9.0)
    for key in ("v1", "v2", "chef"):
        p.door(f"{key}-porte", key, "s", 0.5)
        p.window(key, "n", 0.5, 60)
    p.door("wc-porte", "wc", "s", 0.5)
    entrance = p.door("entree", "showroom", "s", 0.7, 70, kind="double")
    glazing = p.window("showroom", "s", 0.28, 200)
    p.windows("showroom", "w", 2, 110)
    p.door("atelier-showroom", "atelier", "w", 0.8, 44)
    bay_north = p.door("atelier-porte-1", "atelier", "e", 0.3, 90, kind="sectional")
    p.door("atelier-porte-2", "atelier", "e", 0.72, 90, kind="sectional")
    p.door("magasin-showroom", "magasin", "w", 0.5)
    p.door("magasin-atelier", "magasin", "n", 0.3)
    p.door("vestiaires-porte", "vestiaires", "n", 0.5)
    p.door("huiles-porte", "huiles", "n", 0.5)
    p.windows("atelier", "n", 3, 70)
    s.zone(p, "Barrière infrarouge portail VO", "beam", (1045.0, 578.0))
    s.zone(p, "Barrière infrarouge parking VO", "beam", (1172.0, 330.0))
    s.zone(p, "Porte sectionnelle atelier nord", "door_contact", bay_north.centre)
    s.zone(p, "Atelier mécanique", "dual_tech", atelier.corner("ne"))
    s.zone(p, "Magasin pièces", "pir", r["magasin"].corner("ne"))
    s.zone(p, "Showroom", "dual_tech", showroom.corner("se"))
    s.zone(p, "Vitrage showroom", "glass_break", glazing.inside(showroom, 18))
    s.zone(p, "Bureau chef des ventes", "pir", r["chef"].corner("nw"))
    s.zone(p, "Clavier", "keypad", (entrance.b + 22, showroom.y2 - 18))
    s.zone(p, "Atelier (thermique)", "heat", (760.0, 250.0))
    s.zone(p, "Fumée local huiles", "smoke", ceiling(r["huiles"]))
    s.zone(p, "Compresseur — défaut", "technical", r["huiles"].at(0.5, 0.8))
    s.zone(p, "Bouton d'agression accueil", "panic_button", (478.0, 455.0))


def build_supermarket(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1200, 700, Rect(200, 60, 940, 480))
    r = p.rooms
    p.ground(Rect(20, 60, 172, 480), "Parking", label_at=(150, 300))
    for i in range(9):
        p.ground(Rect(40, 90 + i * 48, 60, 40), fill="#f7f7f3", stroke="#c8c8c0")
    sidewalk(p, s.street, 540, x2=840)
    p.room("quai", "Quai de réception", Rect(200, 60, 220, 140))
    p.room("reserve", "Réserve", Rect(420, 60, 280, 140))
    p.room("cf_pos", "Chambre froide +4 °C", Rect(700, 60, 120, 140), size=12.0)
    p.room("cf_neg", "Chambre froide −18 °C", Rect(820, 60, 100, 140), size=12.0)
    p.room("technique", "Local technique", Rect(920, 60, 220, 140))
    p.room("vestiaires", "Vestiaires", Rect(980, 200, 160, 90))
    p.room("bureau", "Bureau", Rect(980, 290, 160, 90))
    p.room("comptage", "Comptage", Rect(980, 380, 160, 80))
    p.room("accueil", "Accueil", Rect(980, 460, 160, 80))
    sales = p.room("vente", "", Rect(200, 200, 780, 340), walls=False)
    p.label("Surface de vente", 780, 446, size=16.0)
    for i in range(8):
        p.fixture(Rect(300 + i * 80, 240, 26, 170), "Gondole" if i % 2 == 0 else "", size=9.0)
    for i in range(4):
        p.fixture(Rect(380 + i * 70, 470, 44, 24), f"Caisse {i + 1}", size=8.0)
    p.fixture(Rect(210, 212, 70, 16), "Chariots", size=8.0)
    p.fixture(Rect(220, 60 + 14, 12, 110), "", fill="#e2e2da")
    p.fixture(Rect(470, 74, 210, 22), "Palettes", size=9.0)
    dock = p.door("quai-porte", "quai", "n", 0.5, 90, kind="sectional")
    p.door("quai-reserve", "quai", "e", 0.5, 64, kind="double")
    p.door("quai-vente", "quai", "s", 0.5, 70, kind="double")
    p.door("reserve-vente", "reserve", "s", 0.5, 70, kind="double")
    p.door("cf_pos-porte", "cf_pos", "w", 0.5, 40, swing="out")
    p.door("cf_neg-porte", "cf_neg", "w", 0.5, 40, swing="out")
    p.door("technique-porte", "technique", "s", 0.6)
    staff = p.door("personnel", "vestiaires", "e", 0.5, 40)
    p.door("vestiaires-porte", "vestiaires", "w", 0.5)
    p.door("bureau-porte", "bureau", "w", 0.5)
    p.door("comptage-porte", "comptage", "n", 0.6, 36, swing="out")
    p.door("accueil-porte", "accueil", "w", 0.5, 60, kind="opening")
    entrance = p.door("entree", "vente", "s", 80.0, 80, kind="sliding")
    p.window("vente", "s", 0.55, 200)
    p.window("bureau", "e", 0.5, 50)
    s.zone(p, "Porte du personnel", "door_contact", staff.centre)
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Salle de comptage", "dual_tech", r["comptage"].corner("se"))
    s.zone(p, "Surface de vente est", "dual_tech", sales.corner("ne"))
    s.zone(p, "Zone caisses", "dual_tech", (620.0, 520.0))
    s.zone(p, "Entrée automatique", "door_contact", entrance.centre)
    s.zone(p, "Surface de vente ouest", "dual_tech", (222.0, 250.0))
    s.zone(p, "Réserve", "dual_tech", r["reserve"].corner("nw"))
    s.zone(p, "Quai de réception", "pir", r["quai"].corner("se"))
    s.zone(p, "Porte sectionnelle du quai", "door_contact", dock.centre)
    s.zone(p, "Clavier", "keypad", (1118.0, 272.0))
    s.zone(p, "Bouton d'agression caisses", "panic_button", (471.0, 482.0))
    s.zone(p, "Bouton d'agression comptage", "panic_button", r["comptage"].at(0.16, 0.55))
    s.zone(p, "Fumée réserve", "smoke", r["reserve"].at(0.8, 0.45))
    s.zone(p, "Chambre froide positive (température)", "technical", r["cf_pos"].at(0.5, 0.25))
    s.zone(p, "Chambre froide négative (température)", "technical", r["cf_neg"].at(0.5, 0.25))

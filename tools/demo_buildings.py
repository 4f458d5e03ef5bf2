"""The buildings of the demo sites: one ``build_*`` function per template draws a site's levels with
the primitives of demo_plans.py and places its numbered zones. The catalogue (tools/demo_data/sites.toml)
names a template by its key in ``BUILDERS``.

Standard library only; imported by make_demo_data.py, which runs with ``tools/`` on the path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from demo_plans import Bay, Plan, Point, Rect, Side, corridor_floor

# --------------------------------------------------------------------------------------------
# Zones
# --------------------------------------------------------------------------------------------

DETECTOR_TYPES = (
    "pir",
    "dual_tech",
    "door_contact",
    "glass_break",
    "shock",
    "smoke",
    "heat",
    "panic_button",
    "keypad",
    "water_leak",
    "technical",
    "siren",
    "beam",
)


class SiteBuilder:
    """Collects the plans and numbered zones of one site while its builder draws it."""

    def __init__(self, code: str, name: str, street: str) -> None:
        self.code = code
        self.name = name
        self.street = street  # the street the main façade gives on, written on the plans
        self.plans: list[Plan] = []
        self.zones: list[dict[str, Any]] = []

    def level(self, level: int, name: str, width: int, height: int, building: Rect | Sequence[Point]) -> Plan:
        if isinstance(building, Rect):
            plan = Plan.rectangular(self.code, self.name, level, name, width, height, building)
        else:
            plan = Plan(self.code, self.name, level, name, width, height, building)
        self.plans.append(plan)
        return plan

    def zone(self, plan: Plan, name: str, detector: str, point: Point) -> None:
        """Add the next zone (numbers follow the call order, so intrusion paths follow it too)."""
        if detector not in DETECTOR_TYPES:
            raise ValueError(f"{self.code}: unknown detector type {detector!r}")
        x, y = point
        if not (0 <= x <= plan.width and 0 <= y <= plan.height):
            raise ValueError(f"{self.code}: zone {name!r} at {point} is off the plan")
        self.zones.append(
            {
                "number": len(self.zones) + 1,
                "name": name,
                "detector_type": detector,
                "level": plan.level,
                "x": round(float(x), 1),
                "y": round(float(y), 1),
            }
        )


def sidewalk(plan: Plan, street: str, y: float, *, x1: float = 0.0, x2: float | None = None) -> None:
    """The pavement and street name along a south façade at ``y``."""
    right = x2 if x2 is not None else plan.width
    plan.ground(Rect(x1, y, right - x1, 30), fill="#f0f0ea")
    plan.street(street, (x1 + right) / 2, y + 20)


def ceiling(room: Rect) -> Point:
    """Where a ceiling detector (smoke, heat) sits: above the room's label, off its centre."""
    return (room.cx, room.cy - min(34.0, room.h * 0.28))


# --------------------------------------------------------------------------------------------
# Building templates: shops
# --------------------------------------------------------------------------------------------

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


def stair_well(p: Plan, room: str, *, up: bool = True, lift: bool = False) -> Rect:
    """Stairs drawn in the western part of a stair room, the label (and a lift) beside them."""
    r = p.rooms[room]
    stairs = Rect(r.x + 10, r.y + 12, min(48.0, r.w * 0.42), r.h - 44)
    p.stairs(stairs, up=up)
    if lift:
        p.lift(Rect(r.x2 - 46, r.y + 12, 36, 36))
    p.label("Escalier", (stairs.x2 + r.x2) / 2 if not lift else r.cx, r.y2 - 16, size=11.0, max_width=r.w - 8)
    return stairs


def bed(p: Plan, room: str, head: Side = "n", label: str = "") -> None:
    """A bed with its head against the ``head`` wall of a room."""
    r = p.rooms[room]
    y = r.y + 12 if head == "n" else r.y2 - 82
    p.fixture(Rect(r.cx - 26, y, 52, 70), label, rounded=4.0)


# --------------------------------------------------------------------------------------------
# Building templates: banks, warehouses, public buildings, offices
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Building templates: commerce and services with outdoor areas
# --------------------------------------------------------------------------------------------


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


def build_villa(s: SiteBuilder) -> None:
    outline = [(250, 120), (800, 120), (800, 260), (960, 260), (960, 460), (250, 460)]

    def garden(p: Plan) -> None:
        p.ground(Rect(40, 40, 1030, 550), fill="#eef4e8")
        p.fence([(430, 590), (40, 590), (40, 40), (1070, 40), (1070, 590), (530, 590)])
        p.ground(Rect(478, 460, 56, 130), fill="#e7e3d8")
        p.ground(Rect(540, 464, 260, 46), "Terrasse", fill="#ece8df")
        p.ground(Rect(600, 522, 180, 52), "Piscine", fill="#d8eaf4", stroke="#8fb4c8")
        p.ground(Rect(110, 470, 240, 90), "Jardin", fill="#eef4e8")
        p.label("Portail", 480, 606, size=11.0, colour="#77776f")
        p.street(s.street, 250, 628)

    p = s.level(0, "Rez-de-chaussée", 1100, 680, outline)
    garden(p)
    r = p.rooms
    p.room("cuisine", "Cuisine", Rect(250, 120, 170, 180))
    p.room("sam", "Salle à manger", Rect(420, 120, 120, 180), label_at=(480, 255), size=12.0)
    sejour = p.room("sejour", "Séjour", Rect(540, 120, 260, 340), size=16.0)
    p.room("bureau", "Bureau", Rect(250, 300, 170, 100))
    p.room("cellier", "Cellier", Rect(250, 400, 80, 60), label_at=(290, 416), size=11.0)
    p.room("wc", "WC", Rect(330, 400, 90, 60), size=12.0)
    p.room("entree", "Entrée", Rect(420, 300, 120, 160), label_at=(505, 372), size=12.0)
    p.room("garage", "Garage", Rect(800, 260, 160, 200), label_at=(880, 300))
    p.stairs(Rect(428, 306, 40, 96))
    p.fixture(Rect(600, 330, 150, 60), "Canapé", rounded=8.0)
    p.fixture(Rect(445, 140, 70, 50), "Table", rounded=6.0)
    p.fixture(Rect(262, 130, 150, 24), "Plan de travail", size=9.0)
    p.fixture(Rect(830, 330, 100, 110), "Véhicule", rounded=14.0, fill="#e6edf3")
    p.door("cuisine-sam", "cuisine", "e", 0.5, 60, kind="opening")
    p.door("sam-entree", "sam", "s", 0.6, 60, kind="opening")
    p.door("sam-sejour", "sejour", "w", 0.26, 80, kind="opening")
    p.door("entree-sejour", "sejour", "w", 0.765, 64, kind="double")
    p.door("bureau-porte", "bureau", "e", 0.6)
    p.door("wc-porte", "wc", "e", 0.5, 32)
    p.door("cellier-porte", "cellier", "w", 0.5, 32, swing="out")
    p.door("entree-porte", "entree", "s", 0.75, 40, hinge="end")
    p.door("garage-sejour", "garage", "w", 0.5)
    p.door("garage-porte", "garage", "s", 0.5, 120, kind="sectional")
    bay = p.door("baie", "sejour", "s", 0.5, 160, kind="sliding")
    p.window("cuisine", "n", 0.5, 60)
    p.window("cuisine", "w", 0.5, 60)
    p.window("sam", "n", 0.5, 50)
    p.windows("sejour", "n", 2, 70)
    p.window("sejour", "e", 0.206, 70)
    p.window("bureau", "w", 0.5, 50)
    p.window("garage", "e", 0.5, 40)
    s.zone(p, "Barrière infrarouge portail", "beam", (480.0, 574.0))
    s.zone(p, "Barrière infrarouge jardin est", "beam", (900.0, 540.0))
    s.zone(p, "Baie vitrée du séjour", "door_contact", bay.centre)
    s.zone(p, "Séjour", "dual_tech", sejour.corner("ne"))
    s.zone(p, "Entrée", "pir", r["entree"].corner("ne"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("nw"))
    up = s.level(1, "1er étage", 1100, 680, [*outline[:2], (800, 460), (250, 460)])
    garden(up)
    u = up.rooms
    up.outline_path([(800, 260), (960, 260), (960, 460), (800, 460)], label="Toiture du garage")
    up.room("ch2", "Chambre 2", Rect(250, 120, 170, 170), label_at=(335, 250))
    up.room("ch3", "Chambre 3", Rect(250, 290, 170, 170), label_at=(335, 330))
    up.room("sdb", "Salle de bains", Rect(420, 120, 120, 110), size=12.0)
    up.room("palier", "Palier", Rect(420, 230, 120, 230), label_at=(500, 430), size=12.0)
    up.room("parentale", "Chambre parentale", Rect(540, 120, 260, 210))
    up.room("dressing", "Dressing", Rect(540, 330, 100, 130), size=12.0)
    up.room("sdb2", "Salle d'eau", Rect(640, 330, 160, 130))
    up.stairs(Rect(428, 306, 40, 96), up=False)
    bed(up, "ch2", "n")
    bed(up, "ch3", "s")
    up.fixture(Rect(730, 190, 60, 80), "Lit", rounded=4.0)
    up.door("ch2-porte", "ch2", "e", 0.82)
    up.door("ch3-porte", "ch3", "e", 0.235)
    up.door("sdb-porte", "sdb", "s", 0.5)
    up.door("parentale-porte", "parentale", "w", 0.667)
    up.door("dressing-porte", "dressing", "n", 0.5)
    up.door("sdb2-porte", "sdb2", "n", 0.5)
    upstairs_windows: tuple[tuple[str, Side], ...] = (
        ("ch2", "n"),
        ("ch2", "w"),
        ("ch3", "w"),
        ("ch3", "s"),
        ("sdb", "n"),
        ("sdb2", "s"),
        ("sdb2", "e"),
    )
    for key, side in upstairs_windows:
        up.window(key, side, 0.5, 50)
    up.windows("parentale", "n", 2, 60)
    up.window("parentale", "e", 0.5, 60)
    s.zone(up, "Palier", "pir", u["palier"].corner("sw"))
    s.zone(up, "Chambre parentale", "pir", u["parentale"].corner("ne"))
    s.zone(p, "Clavier", "keypad", (476.0, 440.0))
    s.zone(up, "Bouton panique chambre parentale", "panic_button", u["parentale"].at(0.3, 0.78))
    s.zone(up, "Fumée palier", "smoke", (505.0, 300.0))
    s.zone(p, "Fumée séjour", "smoke", ceiling(sejour))
    s.zone(p, "Fuite d'eau cellier", "water_leak", (290.0, 443.0))
    s.zone(p, "Sirène extérieure", "siren", (234.0, 150.0))


def build_house(s: SiteBuilder) -> None:
    building = Rect(200, 70, 600, 380)
    stairs = Rect(576, 266, 38, 100)

    def street(p: Plan) -> None:
        sidewalk(p, s.street, 450, x2=640)

    cellar = s.level(-1, "Sous-sol", 1000, 620, building)
    street(cellar)
    c = cellar.rooms
    cellar.room("cave", "Cave", Rect(200, 70, 220, 190))
    cellar.room("chaufferie", "Chaufferie", Rect(420, 70, 140, 190))
    cellar.room("buanderie", "Buanderie", Rect(560, 70, 240, 190))
    cellar.room("atelier", "Atelier", Rect(200, 260, 300, 190))
    cellar.room("degagement", "Dégagement", Rect(500, 260, 120, 190), label_at=(560, 420), size=12.0)
    cellar.room("garage", "Garage", Rect(620, 260, 180, 190), label_at=(710, 290))
    cellar.stairs(stairs)
    cellar.fixture(Rect(432, 82, 56, 56), "Chaudière", size=9.0)
    cellar.fixture(Rect(660, 320, 100, 110), "Véhicule", rounded=14.0, fill="#e6edf3")
    cellar.fixture(Rect(220, 410, 200, 26), "Établi")
    cellar.door("chaufferie-porte", "chaufferie", "s", 88.0)
    cellar.door("buanderie-porte", "buanderie", "s", 80.0)
    cellar.door("cave-porte", "cave", "s", 0.5)
    cellar.door("atelier-porte", "atelier", "e", 0.7)
    cellar.door("garage-int", "garage", "w", 0.7)
    garage_door = cellar.door("garage-porte", "garage", "s", 0.5, 120, kind="sectional")
    cellar.window("cave", "n", 0.5, 40)
    cellar.window("buanderie", "n", 0.5, 40)
    s.zone(cellar, "Porte de garage", "door_contact", garage_door.centre)
    s.zone(cellar, "Garage", "pir", c["garage"].corner("ne"))
    s.zone(cellar, "Dégagement sous-sol", "pir", c["degagement"].corner("nw"))
    ground = s.level(0, "Rez-de-chaussée", 1000, 620, building)
    street(ground)
    g = ground.rooms
    ground.room("sam", "Salle à manger", Rect(200, 70, 360, 190), label_at=(380, 215))
    ground.room("cuisine", "Cuisine", Rect(560, 70, 240, 190))
    ground.room("salon", "Salon", Rect(200, 260, 300, 190))
    ground.room("entree", "Entrée", Rect(500, 260, 120, 190), label_at=(540, 380), size=12.0)
    ground.room("bureau", "Bureau", Rect(620, 260, 180, 120))
    ground.room("wc", "WC", Rect(620, 380, 180, 70), size=12.0)
    ground.stairs(stairs)
    ground.fixture(Rect(300, 104, 160, 64), "Table", rounded=8.0)
    ground.fixture(Rect(240, 330, 60, 100), "Canapé", rounded=8.0)
    ground.fixture(Rect(580, 84, 200, 24), "Plan de travail", size=9.0)
    ground.door("sam-entree", "sam", "s", 308.0, 40, kind="opening")
    ground.door("cuisine-sam", "cuisine", "w", 0.5, 60, kind="opening")
    ground.door("salon-entree", "salon", "e", 0.5, 64, kind="double")
    ground.door("bureau-porte", "bureau", "w", 0.6)
    ground.door("wc-porte", "wc", "w", 0.5, 32)
    main = ground.door("entree-porte", "entree", "s", 0.65, 44)
    ground_windows: tuple[tuple[str, Side, int], ...] = (
        ("sam", "n", 2),
        ("cuisine", "n", 1),
        ("salon", "s", 2),
        ("bureau", "e", 1),
        ("salon", "w", 1),
        ("sam", "w", 1),
    )
    for key, side, count in ground_windows:
        ground.windows(key, side, count, 60)
    s.zone(ground, "Entrée", "pir", g["entree"].corner("sw"))
    s.zone(ground, "Porte d'entrée", "door_contact", main.centre)
    s.zone(ground, "Salon", "dual_tech", g["salon"].corner("sw"))
    s.zone(ground, "Salle à manger", "pir", g["sam"].corner("nw"))
    upstairs = s.level(1, "1er étage", 1000, 620, building)
    street(upstairs)
    u = upstairs.rooms
    upstairs.room("ch2", "Chambre 2", Rect(200, 70, 300, 190))
    upstairs.room("sdb", "Salle de bains", Rect(500, 70, 120, 120), size=12.0)
    upstairs.room("ch3", "Chambre 3", Rect(620, 70, 180, 190))
    upstairs.room("ch1", "Chambre 1", Rect(200, 260, 300, 190))
    upstairs.room("palier", "Palier", Rect(500, 190, 120, 260), label_at=(560, 420), size=12.0)
    upstairs.room("amis", "Chambre d'amis", Rect(620, 260, 180, 190))
    upstairs.stairs(stairs, up=False)
    beds: tuple[tuple[str, Side], ...] = (("ch2", "n"), ("ch3", "n"), ("ch1", "s"), ("amis", "s"))
    for key, head in beds:
        bed(upstairs, key, head)
    upstairs.door("ch2-porte", "ch2", "e", 0.816)
    upstairs.door("sdb-porte", "sdb", "s", 0.4)
    upstairs.door("ch3-porte", "ch3", "w", 0.816)
    upstairs.door("ch1-porte", "ch1", "e", 0.3)
    upstairs.door("amis-porte", "amis", "w", 0.3)
    bedroom_windows: tuple[tuple[str, Side], ...] = (
        ("ch2", "n"),
        ("ch2", "w"),
        ("sdb", "n"),
        ("ch3", "n"),
        ("ch3", "e"),
        ("ch1", "s"),
        ("ch1", "w"),
        ("amis", "s"),
        ("amis", "e"),
    )
    for key, side in bedroom_windows:
        upstairs.window(key, side, 0.5, 56)
    s.zone(upstairs, "Palier", "pir", u["palier"].corner("nw", 18))
    s.zone(ground, "Clavier", "keypad", (520.0, 300.0))
    s.zone(ground, "Bouton d'appel salon", "panic_button", g["salon"].at(0.7, 0.62))
    s.zone(upstairs, "Fumée palier", "smoke", (540.0, 290.0))
    s.zone(cellar, "Chaufferie (thermique)", "heat", c["chaufferie"].at(0.72, 0.3))
    s.zone(cellar, "Fuite d'eau buanderie", "water_leak", c["buanderie"].at(0.75, 0.7))
    s.zone(cellar, "Chaudière — défaut", "technical", c["chaufferie"].at(0.5, 0.78))


def build_apartment(s: SiteBuilder) -> None:
    building = Rect(170, 60, 620, 360)
    p = s.level(3, "3e étage", 900, 560, building)
    p.ground(Rect(40, 210, 128, 130), "", fill="#f1f1ec")
    p.label("Palier", 104, 330, size=11.0, colour="#77776f")
    p.lift(Rect(50, 218, 44, 44))
    p.stairs(Rect(104, 218, 56, 90), up=True, steps=8)
    p.street(s.street, 480, 36)
    corridor_floor(
        p,
        building,
        240,
        50,
        [
            Bay("cuisine", "Cuisine", 180, windows=1, door_at=0.7),
            Bay("sejour", "Séjour", 290, windows=2, door="double", door_at=0.5),
            Bay("bureau", "Bureau", 150),
        ],
        [
            Bay("wc", "WC", 90, windows=0, door_at=0.6),
            Bay("sdb", "Salle de bains", 140),
            Bay("ch2", "Chambre 2", 180),
            Bay("ch1", "Chambre 1", 210),
        ],
        label="Entrée / dégagement",
        label_x=520,
    )
    r = p.rooms
    p.fixture(Rect(r["ch2"].x2 - 84, r["ch2"].y2 - 56, 70, 46), "Lit", rounded=4.0)
    p.fixture(Rect(r["ch1"].x2 - 90, r["ch1"].y2 - 80, 70, 66), "Lit", rounded=4.0)
    p.fixture(Rect(366, 100, 44, 100), "Canapé", rounded=8.0)
    p.fixture(Rect(190, 70, 140, 22), "Plan de travail", size=9.0)
    door = p.door("palier-porte", "couloir", "w", 0.5, 40)
    p.window("bureau", "e", 0.5, 50)
    p.window("ch1", "e", 0.5, 50)
    s.zone(p, "Porte palière", "door_contact", door.centre)
    s.zone(p, "Dégagement", "pir", (770.0, 265.0))
    s.zone(p, "Séjour", "dual_tech", r["sejour"].corner("nw"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Chambre 1", "pir", r["ch1"].corner("sw"))
    s.zone(p, "Clavier", "keypad", (196.0, 282.0))
    s.zone(p, "Détecteur de fumée dégagement", "smoke", (420.0, 265.0))
    s.zone(p, "Bouton d'appel chambre 1", "panic_button", (690.0, 400.0))
    s.zone(p, "Fuite d'eau salle de bains", "water_leak", r["sdb"].at(0.5, 0.75))
    s.zone(p, "Fuite d'eau cuisine", "water_leak", r["cuisine"].at(0.8, 0.3))


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


def build_museum(s: SiteBuilder) -> None:
    building = Rect(60, 60, 940, 460)
    stairs = Rect(450, 310, 70, 160)

    def street(p: Plan) -> None:
        sidewalk(p, s.street, 520, x2=780)

    p = s.level(0, "Rez-de-chaussée", 1150, 680, building)
    street(p)
    s1 = p.room("s1", "Salle 1 — Cartographie", Rect(60, 60, 370, 240), label_at=(245, 276))
    s2 = p.room("s2", "Salle 2 — Maquettes de navires", Rect(430, 60, 330, 240), label_at=(595, 276))
    s3 = p.room("s3", "Salle 3 — Instruments", Rect(760, 60, 240, 240), label_at=(880, 276))
    p.room("boutique", "Boutique", Rect(60, 300, 180, 220))
    hall = p.room("hall", "Hall d'accueil", Rect(240, 300, 200, 220), label_at=(340, 440))
    p.room("escalier", "", Rect(440, 300, 90, 220))
    p.stairs(stairs)
    p.label("Escalier", 485, 498, size=11.0)
    p.room("vestiaire", "Vestiaire", Rect(530, 300, 110, 220), size=12.0)
    p.room("wc", "Sanitaires", Rect(640, 300, 120, 220), size=12.0)
    pc = p.room("pc", "PC sécurité", Rect(760, 300, 240, 220))
    p.fixture(Rect(100, 110, 40, 130), "Vitrine")
    p.fixture(Rect(200, 120, 180, 80), "Vitrine des cartes", size=9.0)
    p.fixture(Rect(480, 110, 100, 60), "Maquette", size=9.0)
    p.fixture(Rect(620, 110, 100, 60), "Maquette", size=9.0)
    p.fixture(Rect(530, 195, 140, 50), "Maquette du « Belem »", size=9.0)
    p.fixture(Rect(800, 100, 160, 40), "Vitrine", size=9.0)
    p.fixture(Rect(800, 180, 160, 40), "Vitrine", size=9.0)
    p.fixture(Rect(270, 330, 120, 30), "Banque d'accueil", size=9.0)
    p.fixture(Rect(80, 320, 24, 180), "Présentoirs", size=9.0)
    p.fixture(Rect(800, 330, 110, 30), "Écrans vidéo", size=9.0)
    main = p.door("entree", "hall", "s", 0.5, 70, kind="double")
    p.door("hall-s1", "hall", "n", 0.4, 80, kind="opening")
    p.door("boutique-hall", "boutique", "e", 0.5, 60, kind="opening")
    p.door("escalier-hall", "escalier", "w", 0.7, 50, kind="opening")
    p.door("vestiaire-porte", "vestiaire", "n", 0.5)
    p.door("wc-porte", "wc", "n", 0.5)
    p.door("pc-s3", "pc", "n", 0.5)
    service = p.door("pc-service", "pc", "e", 0.6, 40, swing="out")
    p.door("s1-s2", "s1", "e", 0.5, 80, kind="opening")
    p.door("s2-s3", "s2", "e", 0.5, 80, kind="opening")
    p.windows("s1", "n", 2, 70)
    p.windows("s2", "n", 2, 70)
    p.window("s3", "n", 0.5, 70)
    p.window("s3", "e", 0.5, 70)
    p.window("boutique", "s", 0.5, 80)
    p.window("boutique", "w", 0.5, 60)
    p.window("pc", "s", 0.5, 60)
    s.zone(p, "Porte de service (PC sécurité)", "door_contact", service.centre)
    s.zone(p, "PC sécurité", "pir", pc.corner("se"))
    s.zone(p, "Salle 3", "dual_tech", s3.corner("ne"))
    s.zone(p, "Vitrines salle 3", "shock", (880.0, 120.0))
    s.zone(p, "Salle 2", "dual_tech", s2.corner("nw"))
    s.zone(p, "Maquettes salle 2", "shock", (600.0, 220.0))
    s.zone(p, "Salle 1", "dual_tech", s1.corner("nw"))
    s.zone(p, "Vitrine des cartes salle 1", "shock", (290.0, 160.0))
    s.zone(p, "Porte principale", "door_contact", main.centre)
    s.zone(p, "Hall d'accueil", "pir", hall.corner("se"))
    first = s.level(1, "1er étage", 1150, 680, building)
    street(first)
    first.room("s4", "Salle 4 — Peintures de marine", Rect(60, 60, 370, 240))
    first.room("s5", "Salle 5 — Expositions temporaires", Rect(430, 60, 330, 240))
    first.room("conservation", "Bureaux de la conservation", Rect(760, 60, 240, 240))
    first.room("pedago", "Salle pédagogique", Rect(60, 300, 380, 220))
    first.room("escalier", "", Rect(440, 300, 90, 220))
    first.stairs(stairs, up=False)
    first.label("Escalier", 485, 498, size=11.0)
    first.room("palier", "Palier", Rect(530, 300, 230, 220))
    first.room("admin", "Administration", Rect(760, 300, 240, 220))
    first.door("escalier-palier", "escalier", "e", 0.5, 60, kind="opening")
    first.door("palier-s5", "palier", "n", 0.5, 80, kind="opening")
    first.door("s4-s5", "s4", "e", 0.5, 80, kind="opening")
    first.door("pedago-s4", "pedago", "n", 0.5, 64, kind="double")
    first.door("admin-palier", "admin", "w", 0.5)
    first.door("conservation-admin", "conservation", "s", 0.5)
    for key in ("s4", "s5"):
        first.windows(key, "n", 2, 70)
    first.window("conservation", "n", 0.5, 70)
    first.window("conservation", "e", 0.5, 70)
    first.windows("pedago", "s", 2, 70)
    first.window("admin", "s", 0.5, 70)
    first.window("admin", "e", 0.5, 60)
    s.zone(first, "Salle 4", "dual_tech", first.rooms["s4"].corner("nw"))
    cellar = s.level(-1, "Sous-sol", 1150, 680, building)
    street(cellar)
    c = cellar.rooms
    cellar.room("reserves", "Réserves des collections", Rect(60, 60, 470, 240), label_at=(295, 276))
    cellar.room("atelier", "Atelier de restauration", Rect(530, 60, 230, 240))
    cellar.room("cta", "Local CTA (traitement d'air)", Rect(760, 60, 240, 240))
    cellar.room("caisses", "Réserve des caisses", Rect(60, 300, 380, 220))
    cellar.room("escalier", "", Rect(440, 300, 90, 220))
    cellar.stairs(stairs, up=True)
    cellar.label("Escalier", 485, 498, size=11.0)
    cellar.room("degagement", "Dégagement", Rect(530, 300, 230, 220))
    cellar.room("sprinkler", "Local sprinkler", Rect(760, 300, 240, 220))
    for i in range(4):
        cellar.fixture(Rect(90, 90 + i * 40, 400, 16), "Rayonnages" if i == 0 else "", size=9.0)
    cellar.door("escalier-degagement", "escalier", "e", 0.5, 60, kind="opening")
    cellar.door("atelier-degagement", "atelier", "s", 0.5)
    cellar.door("atelier-reserves", "atelier", "w", 0.75, 40)
    cellar.door("cta-atelier", "cta", "w", 0.8)
    cellar.door("caisses-reserves", "caisses", "n", 0.3, 64, kind="double")
    cellar.door("sprinkler-degagement", "sprinkler", "w", 0.5)
    s.zone(cellar, "Réserves des collections", "dual_tech", c["reserves"].corner("ne"))
    s.zone(p, "Clavier", "keypad", (pc.x + 22, pc.y2 - 22))
    s.zone(p, "Bouton d'alerte banque d'accueil", "panic_button", (330.0, 345.0))
    s.zone(cellar, "Fumée réserves des collections", "smoke", c["reserves"].at(0.5, 0.72))
    s.zone(cellar, "Fuite d'eau réserves", "water_leak", c["reserves"].at(0.12, 0.85))


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


def build_gym(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1100, 640, Rect(60, 60, 980, 440))
    r = p.rooms
    sidewalk(p, s.street, 500, x2=740)
    plateau = p.room("plateau", "Plateau musculation", Rect(60, 60, 560, 270), label_at=(340, 185), size=16.0)
    cours = p.room("cours", "Salle de cours collectifs", Rect(620, 60, 420, 160))
    p.room("cycling", "Salle de cycling", Rect(620, 220, 420, 160), label_at=(830, 250))
    accueil = p.room("accueil", "Accueil", Rect(60, 330, 180, 170), label_at=(150, 430))
    p.room("bureau", "Bureau", Rect(240, 330, 120, 170))
    p.room("vest_h", "Vestiaires hommes", Rect(360, 330, 130, 170), size=12.0)
    p.room("vest_f", "Vestiaires femmes", Rect(490, 330, 130, 170), size=12.0)
    p.room("technique", "Local technique", Rect(620, 380, 180, 120))
    p.room("stretching", "Espace stretching", Rect(800, 380, 240, 120))
    for i in range(6):
        p.fixture(Rect(130 + i * 64, 84, 40, 70), "", rounded=4.0)
    p.label("Cardio", 130 + 3 * 64 - 4, 170, size=10.0, colour="#77776f")
    for i in range(4):
        p.fixture(Rect(100 + i * 120, 220, 80, 50), "Machine" if i == 0 else "", size=9.0)
    for row in range(2):
        for i in range(7):
            p.fixture(Rect(660 + i * 50, 280 + row * 44, 26, 34), "", rounded=6.0)
    p.fixture(Rect(80, 350, 110, 30), "Comptoir", size=10.0)
    main = p.door("entree", "accueil", "s", 0.5, 80, kind="sliding")
    p.door("accueil-plateau", "accueil", "n", 0.6, 90, kind="opening")
    p.door("bureau-porte", "bureau", "w", 0.7)
    p.door("vest_h-porte", "vest_h", "n", 0.5)
    p.door("vest_f-porte", "vest_f", "n", 0.5)
    p.door("cours-porte", "cours", "w", 0.5, 64, kind="double")
    p.door("cycling-porte", "cycling", "w", 0.34, 64, kind="double")
    exit_ = p.door("secours", "cours", "e", 0.5, 44, swing="out")
    p.door("technique-porte", "technique", "s", 0.5, 40)
    p.door("stretching-porte", "stretching", "n", 0.5)
    p.windows("plateau", "n", 3, 80)
    p.windows("plateau", "w", 2, 60)
    p.windows("cours", "n", 2, 80)
    p.window("stretching", "s", 0.5, 80)
    p.window("bureau", "s", 0.5, 50)
    s.zone(p, "Porte d'entrée", "door_contact", main.centre)
    s.zone(p, "Accueil", "pir", accueil.corner("sw"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("se"))
    s.zone(p, "Plateau musculation", "dual_tech", plateau.corner("nw"))
    s.zone(p, "Salle de cours collectifs", "dual_tech", cours.corner("ne"))
    s.zone(p, "Issue de secours salle de cours", "door_contact", exit_.centre)
    s.zone(p, "Clavier", "keypad", (accueil.x2 - 22, accueil.y2 - 22))
    s.zone(p, "Bouton d'agression accueil", "panic_button", (178.0, 365.0))
    s.zone(p, "Fumée plateau", "smoke", (340.0, 300.0))
    s.zone(p, "Fumée local technique", "smoke", ceiling(r["technique"]))
    s.zone(p, "Armoire défibrillateur ouverte", "technical", (600.0, 300.0))
    s.zone(p, "Fuite d'eau douches", "water_leak", r["vest_h"].at(0.5, 0.8))


# --------------------------------------------------------------------------------------------
# The templates by name, as sites.toml refers to them
# --------------------------------------------------------------------------------------------

BUILDERS: dict[str, Callable[[SiteBuilder], None]] = {
    "pharmacy": build_pharmacy,
    "jeweller": build_jeweller,
    "tobacco": build_tobacco,
    "bakery": build_bakery,
    "bank": build_bank,
    "warehouse": build_warehouse,
    "school": build_school,
    "town_hall": build_town_hall,
    "ehpad": build_ehpad,
    "medical_practice": build_medical_practice,
    "offices": build_offices,
    "dealership": build_dealership,
    "supermarket": build_supermarket,
    "villa": build_villa,
    "house": build_house,
    "apartment": build_apartment,
    "datacenter": build_datacenter,
    "fuel_station": build_fuel_station,
    "museum": build_museum,
    "lab": build_lab,
    "workshop": build_workshop,
    "hotel": build_hotel,
    "nursery": build_nursery,
    "gym": build_gym,
}

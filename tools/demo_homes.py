"""Homes: the villa and the house on their plots, the flat in its building.

Building templates of the demo sites (see demo_buildings.py, which names them in ``BUILDERS``).
Standard library only; imported with ``tools/`` on the path.
"""

from __future__ import annotations

from demo_plans import Bay, Plan, Rect, Side, corridor_floor
from demo_site import SiteBuilder, bed, ceiling, sidewalk


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

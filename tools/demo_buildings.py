"""The buildings of the demo sites: one ``build_*`` function per template draws a site's levels with
the primitives of demo_plans.py and places its numbered zones. The catalogue (tools/demo_data/sites.toml)
names a template by its key in ``BUILDERS``.

Standard library only; imported by make_demo_data.py, which runs with ``tools/`` on the path.
"""

from __future__ import annotations

from collections.abc import Callable

from demo_care import build_ehpad, build_hotel, build_medical_practice, build_nursery
from demo_homes import build_apartment, build_house, build_villa
from demo_leisure import build_gym, build_museum
from demo_public import build_bank, build_school, build_town_hall, build_warehouse
from demo_shops import (
    build_bakery,
    build_dealership,
    build_jeweller,
    build_pharmacy,
    build_supermarket,
    build_tobacco,
)
from demo_site import SiteBuilder
from demo_works import build_datacenter, build_fuel_station, build_lab, build_offices, build_workshop

__all__ = ["BUILDERS", "SiteBuilder"]

# The templates by name, as sites.toml refers to them.
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

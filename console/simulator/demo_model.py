"""What the demo traffic and the panel simulator know of a site: its account, protocol and zones.

Kept apart from :mod:`console.services.demo_data` (which writes the demo station into the
database) so that the traffic generator and the simulator need neither storage nor SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.site import DetectorType

__all__ = ["DemoSite", "DemoZone"]


@dataclass(frozen=True, slots=True)
class DemoZone:
    number: int
    name: str
    detector_type: DetectorType
    level: int


@dataclass(frozen=True, slots=True)
class DemoSite:
    """What the traffic generator needs to know of a demo site."""

    code: str
    account: str
    line: str
    protocol: str
    zones: tuple[DemoZone, ...]

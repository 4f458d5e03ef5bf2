"""What every demo building template draws with: the site being built (its levels and numbered
zones) and the few drawing helpers the templates share (pavement, ceiling detectors, stairs, beds).

Standard library only; imported with ``tools/`` on the path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from demo_plans import Plan, Point, Rect, Side

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

"""Floor plans as supervisors edit them: one image per level, and where each zone sits on it.

The database must never hold a plan the consoles cannot draw, nor a zone placed off its image,
so images and positions are checked here and not only in the editor. Every write is audited in
its own transaction: a journal row (which supervisor changed what) and a change_log row for the
site, so the other consoles know to reload it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.journal import JournalAction
from console.domain.site import FloorPlan
from console.storage.alarms import append_journal
from console.storage.changes import record_changes
from console.storage.mapping import plan_from_row
from console.storage.tables import AlarmRow, FloorPlanRow, SiteRow, ZoneRow

MAX_PLAN_BYTES = 10 * 1024 * 1024
MAX_NAME_LENGTH = 100
SVG = "image/svg+xml"
PNG = "image/png"
JPEG = "image/jpeg"


class PlanProblem(StrEnum):
    """Why a plan edit was refused: the editor words each one for the supervisor."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNKNOWN_FORMAT = "unknown_format"
    UNREADABLE = "unreadable"
    BAD_NAME = "bad_name"
    UNKNOWN_SITE = "unknown_site"
    UNKNOWN_LEVEL = "unknown_level"
    UNKNOWN_ZONE = "unknown_zone"
    BAD_POSITION = "bad_position"


class PlanError(ValueError):
    """A plan image or zone placement refused; `problem`, `zone` and `level` say which and where."""

    def __init__(
        self, problem: PlanProblem, message: str, *, zone: int | None = None, level: int | None = None
    ) -> None:
        super().__init__(message)
        self.problem = problem
        self.zone = zone
        self.level = level


@dataclass(frozen=True, slots=True)
class PlanImage:
    """What the consoles need to know of an image: its type and its size in scene units."""

    media_type: str
    width: float
    height: float

    def contains(self, x: float, y: float) -> bool:
        return 0.0 <= x <= self.width and 0.0 <= y <= self.height


@dataclass(frozen=True, slots=True)
class ZonePlacement:
    """Where a zone sits: on which plan, at which point of its image."""

    plan_id: int
    x: float
    y: float


# --- images ---------------------------------------------------------------------------------

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_SVG_START = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*<svg\b([^>]*)>",
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_LENGTH = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(px|mm|cm|in|pt|pc|%)?\s*$")
# Pixels per unit as Qt's SVG renderer counts them (90 dpi; it reads pt and pc as pixels).
_UNIT_PIXELS = {"": 1.0, "px": 1.0, "pt": 1.0, "pc": 1.0, "mm": 3.543307, "cm": 35.43307, "in": 90.0}


def inspect_image(content: bytes) -> PlanImage:
    """Type and size of a plan image (SVG, PNG or JPEG), read from its bytes as the consoles will."""
    if not content:
        raise PlanError(PlanProblem.EMPTY, "the image is empty")
    if len(content) > MAX_PLAN_BYTES:
        raise PlanError(PlanProblem.TOO_LARGE, f"the image is larger than {MAX_PLAN_BYTES // 2**20} MB")
    if content.startswith(_PNG_SIGNATURE):
        return _png(content)
    if content.startswith(b"\xff\xd8\xff"):
        return _jpeg(content)
    head = content[:65536].decode("utf-8", errors="replace").lstrip("\ufeff")
    found = _SVG_START.match(head)
    if found:
        return _svg(found.group(1))
    raise PlanError(PlanProblem.UNKNOWN_FORMAT, "not an SVG, PNG or JPEG image")


def _unreadable(what: str) -> PlanError:
    return PlanError(PlanProblem.UNREADABLE, f"the size of the {what} image cannot be read")


def _png(content: bytes) -> PlanImage:
    if len(content) < 24 or content[12:16] != b"IHDR":
        raise _unreadable("PNG")
    width, height = int.from_bytes(content[16:20], "big"), int.from_bytes(content[20:24], "big")
    if not width or not height:
        raise _unreadable("PNG")
    return PlanImage(PNG, float(width), float(height))


def _jpeg(content: bytes) -> PlanImage:
    """Walk the JPEG segments to the frame header (SOFn), which holds the size."""
    at = 2
    while at + 4 <= len(content):
        if content[at] != 0xFF:
            break
        marker = content[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            at += 2
            continue
        length = int.from_bytes(content[at + 2 : at + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if at + 9 > len(content):
                break
            height = int.from_bytes(content[at + 5 : at + 7], "big")
            width = int.from_bytes(content[at + 7 : at + 9], "big")
            if width and height:
                return PlanImage(JPEG, float(width), float(height))
            break
        if length < 2:
            break
        at += 2 + length
    raise _unreadable("JPEG")


def _svg(attributes: str) -> PlanImage:
    """The size Qt draws an SVG at: width and height, else (or for percentages) its viewBox."""
    values = {
        m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
        for m in _ATTRIBUTE.finditer(attributes)
    }
    box: tuple[float, float] | None = None
    if "viewbox" in values:
        numbers = re.split(r"[\s,]+", values["viewbox"].strip())
        try:
            box = (float(numbers[2]), float(numbers[3])) if len(numbers) == 4 else None
        except ValueError:
            box = None
    sizes: list[float] = []
    for name, index in (("width", 0), ("height", 1)):
        length = _LENGTH.match(values.get(name, ""))
        if length is None:
            break
        number, unit = float(length.group(1)), length.group(2) or ""
        if unit == "%":
            if box is None:
                break
            sizes.append(number / 100 * box[index])
        else:
            sizes.append(number * _UNIT_PIXELS[unit])
    if len(sizes) < 2 and box is not None:
        sizes = list(box)
    if len(sizes) < 2:
        raise PlanError(
            PlanProblem.UNREADABLE, "the SVG gives no size: it needs a width and height or a viewBox"
        )
    if not all(math.isfinite(s) for s in sizes):
        raise _unreadable("SVG")
    # Qt draws an SVG at a whole number of pixels, halves rounded up (qRound).
    width, height = (float(math.floor(s + 0.5)) for s in sizes)
    if width <= 0 or height <= 0:
        raise _unreadable("SVG")
    return PlanImage(SVG, width, height)


# --- writes ---------------------------------------------------------------------------------


def _audit(session: Session, site_id: int, operator_id: int | None, at: datetime, detail: str) -> None:
    append_journal(
        session,
        at=at,
        action=JournalAction.PLAN_EDITED,
        detail=detail,
        operator_id=operator_id,
        site_id=site_id,
    )
    record_changes(session, "site", [site_id], at)
    # Consoles showing one of the site's open alarms reload it, and with it the site's plans.
    open_alarms = session.execute(
        select(AlarmRow.id).where(col(AlarmRow.site_id) == site_id, col(AlarmRow.state) != "closed")
    ).scalars()
    record_changes(session, "alarm", list(open_alarms), at)


def _site(session: Session, site_id: int) -> SiteRow:
    site = session.get(SiteRow, site_id)
    if site is None:
        raise PlanError(PlanProblem.UNKNOWN_SITE, f"site {site_id} does not exist")
    return site


def _plan(session: Session, site_id: int, level: int) -> FloorPlanRow | None:
    return session.execute(
        select(FloorPlanRow).where(col(FloorPlanRow.site_id) == site_id, col(FloorPlanRow.level) == level)
    ).scalar_one_or_none()


def _checked_name(name: str) -> str:
    name = name.strip()
    if len(name) > MAX_NAME_LENGTH:
        raise PlanError(PlanProblem.BAD_NAME, f"a level name has at most {MAX_NAME_LENGTH} characters")
    return name


def _unplace(session: Session, zones: list[ZoneRow]) -> tuple[int, ...]:
    for zone in zones:
        zone.plan_id, zone.x, zone.y = None, None, None
    session.flush()
    return tuple(sorted(z.number for z in zones))


def set_plan_image(
    session: Session,
    site_id: int,
    level: int,
    content: bytes,
    *,
    name: str | None = None,
    operator_id: int | None,
    at: datetime,
) -> tuple[FloorPlan, tuple[int, ...]]:
    """Add a level's plan, or replace its image; zones that fall off a smaller image are unplaced.

    Returns the plan and the numbers of the zones unplaced.
    """
    _site(session, site_id)
    image = inspect_image(content)
    row = _plan(session, site_id, level)
    new_name = _checked_name(name) if name is not None else None
    if row is None:
        row = FloorPlanRow(
            site_id=site_id, level=level, name=new_name or "", media_type=image.media_type, content=content
        )
        session.add(row)
        session.flush()
        unplaced: tuple[int, ...] = ()
        detail = f"level {level} added ({image.media_type}, {image.width:g}×{image.height:g})"
    else:
        row.media_type, row.content = image.media_type, content
        if new_name is not None:
            row.name = new_name
        session.flush()
        on_it = session.execute(select(ZoneRow).where(col(ZoneRow.plan_id) == row.id)).scalars().all()
        unplaced = _unplace(
            session, [z for z in on_it if z.x is None or z.y is None or not image.contains(z.x, z.y)]
        )
        detail = f"level {level}: image replaced ({image.media_type}, {image.width:g}×{image.height:g})"
        if unplaced:
            detail += f"; zones {', '.join(map(str, unplaced))} off the new image, unplaced"
    if row.name:
        detail += f"; named {row.name!r}"
    _audit(session, site_id, operator_id, at, detail)
    return plan_from_row(row), unplaced


def rename_level(
    session: Session, site_id: int, level: int, name: str, *, operator_id: int | None, at: datetime
) -> FloorPlan:
    """Give a level a new name (an empty name shows as "Level N"); no write when it is unchanged."""
    _site(session, site_id)
    row = _plan(session, site_id, level)
    if row is None:
        raise PlanError(PlanProblem.UNKNOWN_LEVEL, f"level {level} does not exist", level=level)
    name = _checked_name(name)
    if name != row.name:
        old, row.name = row.name, name
        session.flush()
        _audit(session, site_id, operator_id, at, f"level {level} renamed from {old!r} to {name!r}")
    return plan_from_row(row)


def delete_level(
    session: Session, site_id: int, level: int, *, operator_id: int | None, at: datetime
) -> tuple[int, ...]:
    """Remove a level and its image; its zones stay, unplaced. Returns their numbers."""
    _site(session, site_id)
    row = _plan(session, site_id, level)
    if row is None:
        raise PlanError(PlanProblem.UNKNOWN_LEVEL, f"level {level} does not exist", level=level)
    unplaced = _unplace(
        session, list(session.execute(select(ZoneRow).where(col(ZoneRow.plan_id) == row.id)).scalars())
    )
    session.delete(row)
    session.flush()  # before a new plan for the same level is added in this transaction
    detail = f"level {level} deleted" + (
        f"; zones {', '.join(map(str, unplaced))} unplaced" if unplaced else ""
    )
    _audit(session, site_id, operator_id, at, detail)
    return unplaced


def save_placements(
    session: Session,
    site_id: int,
    placements: Mapping[int, ZonePlacement | None],
    *,
    operator_id: int | None,
    at: datetime,
) -> tuple[int, ...]:
    """Place zones (zone number -> where, None to unplace), all or none; returns the zones moved.

    Each zone must belong to the site, each plan too, and each point must be on the plan's image.
    """
    _site(session, site_id)
    zones = {
        z.number: z for z in session.execute(select(ZoneRow).where(col(ZoneRow.site_id) == site_id)).scalars()
    }
    plans = {
        p.id: p
        for p in session.execute(select(FloorPlanRow).where(col(FloorPlanRow.site_id) == site_id)).scalars()
    }
    images: dict[int, PlanImage] = {}
    for number, spot in sorted(placements.items()):
        if number not in zones:
            raise PlanError(
                PlanProblem.UNKNOWN_ZONE, f"zone {number} is not a zone of this site", zone=number
            )
        if spot is None:
            continue
        plan = plans.get(spot.plan_id)
        if plan is None:
            raise PlanError(
                PlanProblem.UNKNOWN_LEVEL, f"plan {spot.plan_id} is not a plan of this site", zone=number
            )
        if spot.plan_id not in images:
            images[spot.plan_id] = inspect_image(plan.content)
        if not (math.isfinite(spot.x) and math.isfinite(spot.y)) or not images[spot.plan_id].contains(
            spot.x, spot.y
        ):
            raise PlanError(
                PlanProblem.BAD_POSITION,
                f"zone {number} at ({spot.x}, {spot.y}) is outside the plan of level {plan.level}",
                zone=number,
                level=plan.level,
            )
    moved: list[int] = []
    details: list[str] = []
    for number, spot in sorted(placements.items()):
        zone = zones[number]
        wanted = (spot.plan_id, float(spot.x), float(spot.y)) if spot else (None, None, None)
        if (zone.plan_id, zone.x, zone.y) == wanted:
            continue
        zone.plan_id, zone.x, zone.y = wanted
        moved.append(number)
        details.append(
            f"zone {number} on level {plans[spot.plan_id].level} at ({spot.x:.0f}, {spot.y:.0f})"
            if spot
            else f"zone {number} unplaced"
        )
    if moved:
        session.flush()
        _audit(session, site_id, operator_id, at, "; ".join(details))
    return tuple(moved)

"""One supervisor's floor-plan editing session: what is placed, moved, replaced, deleted, and saved.

Changes stay in the session until `save` writes them all in one transaction (or none), so a
half-placed plan never reaches the operators' screens. The editor dialog only draws the session
and puts its refusals into words; the rules live here, free of Qt, so they are tested without it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from console.domain.alarm import Operator
from console.domain.site import SiteFile, Zone
from console.services.plan_editing import (
    MAX_NAME_LENGTH,
    MAX_PLAN_BYTES,
    LevelChange,
    PlanEditing,
    PlanEditRefused,
    PlanEdits,
    PlanError,
    PlanImage,
    PlanProblem,
    Spot,
    inspect_image,
    may_edit_plans,
)

Bounds = tuple[float, float, float, float]  # left, top, right, bottom of the plan drawn


@dataclass
class EditedLevel:
    """A level as being edited: a new one has no plan id until saved."""

    level: int
    name: str
    media_type: str
    content: bytes
    plan_id: int | None = None
    image_changed: bool = False
    name_changed: bool = False


def read_plan_image(path: Path) -> tuple[bytes, PlanImage]:
    """The image file's bytes and what they are; a file too large is refused before it is read.

    Raises OSError when the file cannot be read, PlanError when storage would refuse it."""
    if path.stat().st_size > MAX_PLAN_BYTES:
        raise PlanError(PlanProblem.TOO_LARGE, "too large")
    content = path.read_bytes()
    return content, inspect_image(content)


class PlanEditSession:
    """A site's levels and zone spots as being edited, the level shown, and what differs from storage."""

    def __init__(self, editing: PlanEditing, site_file: SiteFile) -> None:
        self._editing = editing
        self.site_file = site_file
        self.levels: list[EditedLevel] = []
        self.current: int | None = None
        self._deleted: set[int] = set()
        self._spots: dict[int, Spot | None] = {}
        self._saved_spots: dict[int, Spot | None] = {}
        self.load(site_file)

    def load(self, site_file: SiteFile, level: int | None = None) -> None:
        """Start again from the site as stored, showing `level` when it still exists."""
        self.site_file = site_file
        self.levels = [
            EditedLevel(p.level, p.name, p.media_type, p.content, p.id)
            for p in sorted(site_file.plans, key=lambda p: p.level)
        ]
        self._deleted = set()
        level_of = {p.id: p.level for p in site_file.plans}
        self._spots = {
            z.number: Spot(level_of[z.plan_id], z.x, z.y)
            if z.plan_id in level_of and z.x is not None and z.y is not None
            else None
            for z in site_file.zones
        }
        self._saved_spots = dict(self._spots)
        self.choose(level)

    # --- what is there -------------------------------------------------------------------------

    @property
    def spots(self) -> Mapping[int, Spot | None]:
        """Zone number -> where it sits now (None: not placed)."""
        return self._spots

    def level(self, number: int | None) -> EditedLevel | None:
        return next((lv for lv in self.levels if lv.level == number), None)

    def zone(self, number: int) -> Zone | None:
        return next((z for z in self.site_file.zones if z.number == number), None)

    def choose(self, number: int | None) -> int | None:
        """Show level `number`, or the lowest level when it does not exist; the level shown."""
        self.levels.sort(key=lambda lv: lv.level)
        if self.level(number) is None:
            number = self.levels[0].level if self.levels else None
        self.current = number
        return number

    def edits(self) -> PlanEdits:
        """What the session changed, in the shape the service stores in one go."""
        levels = tuple(
            LevelChange(lv.level, lv.name, lv.content if lv.image_changed or lv.plan_id is None else None)
            for lv in self.levels
            if lv.plan_id is None or lv.image_changed or lv.name_changed
        )
        placements = {
            number: spot
            for number, spot in self._spots.items()
            if spot != (saved := self._saved_spots.get(number))
            or (saved is not None and saved.level in self._deleted)
        }
        return PlanEdits(frozenset(self._deleted), levels, placements)

    def is_dirty(self) -> bool:
        return not self.edits().is_empty()

    # --- zones ---------------------------------------------------------------------------------

    def place(self, number: int, x: float, y: float, bounds: Bounds) -> Spot | None:
        """Put a zone on the level shown, kept within `bounds`; None without such a zone or level."""
        if self.zone(number) is None or self.current is None:
            return None
        left, top, right, bottom = bounds
        spot = Spot(self.current, min(max(x, left), right), min(max(y, top), bottom))
        self._spots[number] = spot
        return spot

    def move(self, number: int, x: float, y: float) -> None:
        """A placed zone dragged on the level shown (the drawing already keeps it on the plan)."""
        if self.current is not None:
            self._spots[number] = Spot(self.current, x, y)

    def unplace(self, number: int) -> bool:
        """Take a zone off its plan; False when it was not on one."""
        if self._spots.get(number) is None:
            return False
        self._spots[number] = None
        return True

    # --- levels --------------------------------------------------------------------------------

    def put_image(self, content: bytes, image: PlanImage, new_level: bool = False) -> list[int]:
        """The image on the level shown (or on a new level above the others), which is then shown.

        The zones that were placed outside the new image are taken off: the numbers returned."""
        level = self.level(self.current)
        off: list[int] = []
        if new_level or level is None:
            number = max((lv.level for lv in self.levels), default=-1) + 1
            self.levels.append(EditedLevel(number, "", image.media_type, content, image_changed=True))
        else:
            number = level.level
            level.media_type, level.content, level.image_changed = image.media_type, content, True
            off = sorted(
                n for n, s in self._spots.items() if s and s.level == number and not image.contains(s.x, s.y)
            )
            for n in off:
                self._spots[n] = None
        self.choose(number)
        return off

    def rename(self, name: str) -> bool:
        """Name the level shown; True when the name changed. PlanError(BAD_NAME) when it cannot."""
        level = self.level(self.current)
        name = name.strip()
        if level is None or len(name) > MAX_NAME_LENGTH:
            raise PlanError(PlanProblem.BAD_NAME, f"a level name has at most {MAX_NAME_LENGTH} characters")
        if name == level.name:
            return False
        level.name, level.name_changed = name, True
        return True

    def delete_current(self) -> bool:
        """Drop the level shown; its zones become unplaced (nothing is stored before `save`)."""
        level = self.level(self.current)
        if level is None:
            return False
        self.levels.remove(level)
        if level.plan_id is not None:
            self._deleted.add(level.level)
        for number, spot in self._spots.items():
            if spot is not None and spot.level == level.level:
                self._spots[number] = None
        self.choose(None)
        return True

    # --- saving --------------------------------------------------------------------------------

    def save(self, operator: Operator | None) -> SiteFile | None:
        """Store every change in one go and start again from what is stored; None: nothing to save.

        Raises PlanEditRefused for anyone but a supervisor or an administrator, PlanError for what
        storage refuses, DatabaseUnavailable when it cannot be reached; the edits are kept then."""
        if operator is None or not may_edit_plans(operator):
            raise PlanEditRefused("only a supervisor or an administrator may change floor plans")
        edits = self.edits()
        if edits.is_empty():
            return None
        stored = self._editing.save(operator, self.site_file.site.id, edits)
        self.load(stored, self.current)
        return stored

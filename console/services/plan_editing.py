"""Supervisors' floor-plan editing: a whole editing session saved in one transaction.

The editor works on levels (a new level has no plan id until it is saved), so its changes are
described by level number and turned into plan ids here, after the levels are written. Either
every change of a save is stored, with its audit rows, or none is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from sqlmodel import col, select

from console.domain.alarm import Operator, Role
from console.domain.site import SiteFile
from console.services.alarm_desk import Clock, utc_now
from console.storage import plans as plan_store
from console.storage.engine import Database, unavailable_raised
from console.storage.plans import (
    MAX_NAME_LENGTH,
    MAX_PLAN_BYTES,
    PlanError,
    PlanImage,
    PlanProblem,
    ZonePlacement,
    inspect_image,
)
from console.storage.sites import load_site_file
from console.storage.tables import FloorPlanRow

__all__ = [
    "MAX_NAME_LENGTH",
    "MAX_PLAN_BYTES",
    "LevelChange",
    "PlanEditRefused",
    "PlanEditing",
    "PlanEdits",
    "PlanError",
    "PlanImage",
    "PlanProblem",
    "Spot",
    "inspect_image",
    "may_edit_plans",
]

EDITING_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


class PlanEditRefused(PermissionError):
    """The operator's role does not allow changing plans."""


def may_edit_plans(operator: Operator | None) -> bool:
    return operator is not None and operator.role in EDITING_ROLES


@dataclass(frozen=True, slots=True)
class LevelChange:
    """A level to add or change: its name, and its new image when it has one."""

    level: int
    name: str
    content: bytes | None = None


@dataclass(frozen=True, slots=True)
class Spot:
    """Where a zone sits, by level number (what the editor knows before saving)."""

    level: int
    x: float
    y: float


@dataclass(frozen=True)
class PlanEdits:
    """Everything an editing session changed, applied in this order: deletions, levels, zones."""

    deleted_levels: frozenset[int] = frozenset()
    levels: tuple[LevelChange, ...] = ()
    placements: Mapping[int, Spot | None] = field(default_factory=lambda: MappingProxyType({}))

    def is_empty(self) -> bool:
        return not (self.deleted_levels or self.levels or self.placements)


class PlanEditing:
    """Loads a site's plans and zones for the editor, and saves what the supervisor changed."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self._db = db
        self._clock = clock

    def load(self, site_id: int) -> SiteFile | None:
        with unavailable_raised(), self._db.read() as session:
            return load_site_file(session, site_id)

    def save(self, operator: Operator, site_id: int, edits: PlanEdits) -> SiteFile:
        """Store the edits in one transaction and return the site as now stored.

        Raises PlanEditRefused for a plain operator, PlanError for an image or position the
        database must not take (nothing is written then), DatabaseUnavailable when unreachable.
        """
        if not may_edit_plans(operator):
            raise PlanEditRefused(f"{operator.login} may not change floor plans")
        at = self._clock()
        with unavailable_raised(), self._db.write() as session:
            for level in sorted(edits.deleted_levels):
                plan_store.delete_level(session, site_id, level, operator_id=operator.id, at=at)
            for change in edits.levels:
                if change.content is not None:
                    plan_store.set_plan_image(
                        session,
                        site_id,
                        change.level,
                        change.content,
                        name=change.name,
                        operator_id=operator.id,
                        at=at,
                    )
                else:
                    plan_store.rename_level(
                        session, site_id, change.level, change.name, operator_id=operator.id, at=at
                    )
            plan_ids: dict[int, int] = {
                level: plan_id
                for level, plan_id in session.execute(
                    select(FloorPlanRow.level, FloorPlanRow.id).where(col(FloorPlanRow.site_id) == site_id)
                ).all()
                if plan_id is not None
            }
            placements: dict[int, ZonePlacement | None] = {}
            for number, spot in edits.placements.items():
                if spot is None:
                    placements[number] = None
                elif spot.level not in plan_ids:
                    raise PlanError(
                        PlanProblem.UNKNOWN_LEVEL,
                        f"level {spot.level} does not exist",
                        zone=number,
                        level=spot.level,
                    )
                else:
                    placements[number] = ZonePlacement(plan_ids[spot.level], spot.x, spot.y)
            plan_store.save_placements(session, site_id, placements, operator_id=operator.id, at=at)
            stored = load_site_file(session, site_id)
        if stored is None:  # the site row is checked by every write above
            raise PlanError(PlanProblem.UNKNOWN_SITE, f"site {site_id} does not exist")
        return stored

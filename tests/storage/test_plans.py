"""Plan images and zone placements, through the real database on each backend."""

from __future__ import annotations

import math
import struct
import zlib

import pytest
from sqlalchemy import func
from sqlmodel import col, select

from console.domain.alarm import Role
from console.domain.journal import JournalAction
from console.domain.site import DetectorType, SiteFile
from console.services.plan_editing import LevelChange, PlanEditing, PlanEditRefused, PlanEdits, Spot
from console.storage import plans
from console.storage.engine import Database
from console.storage.plans import MAX_PLAN_BYTES, PlanError, PlanProblem, ZonePlacement, inspect_image
from console.storage.sites import add_zone, ensure_site, load_site_file
from console.storage.tables import ChangeRow, JournalRow
from tests.factories import T0, SteppingClock, add_operator_to

SVG = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- drawn by the installer -->
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">
<rect x="10" y="10" width="380" height="280" fill="none" stroke="black" stroke-width="6"/></svg>"""


def png(width: int, height: int) -> bytes:
    """A real (grey) PNG of that size, built by hand so storage tests need no Qt."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg_header(width: int, height: int) -> bytes:
    """The start of a JPEG up to its frame header: what the size is read from."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


def site_with_zones(db: Database, code: str = "LYO-0001") -> int:
    with db.write() as session:
        site, _ = ensure_site(session, code, "Pharmacie")
        for number, name in ((1, "Porte"), (2, "Officine"), (3, "Réserve")):
            add_zone(session, site, number, name, DetectorType.PIR)
        assert site.id is not None
        return site.id


def audit_rows(db: Database, site_id: int) -> tuple[list[JournalRow], int]:
    with db.read() as session:
        journal = [
            JournalRow.model_validate(row)  # a detached copy: the session's objects expire on leaving
            for row in session.execute(
                select(JournalRow).where(col(JournalRow.site_id) == site_id).order_by(col(JournalRow.id))
            ).scalars()
        ]
        changes = session.execute(
            select(func.count())
            .select_from(ChangeRow)
            .where(col(ChangeRow.entity) == "site", col(ChangeRow.entity_id) == site_id)
        ).scalar_one()
    return journal, changes


def stored(db: Database, site_id: int) -> SiteFile:
    with db.read() as session:
        site_file = load_site_file(session, site_id)
    assert site_file is not None
    return site_file


# --- images ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (SVG, ("image/svg+xml", 400, 300)),
        (
            b"\xef\xbb\xbf<svg xmlns='http://www.w3.org/2000/svg' viewBox='0,0,812.5,600.4'/>",
            ("image/svg+xml", 813, 600),
        ),
        (b"<svg width='210mm' height='297mm' viewBox='0 0 210 297'/>", ("image/svg+xml", 744, 1052)),
        (b"<svg width='100%' height='50%' viewBox='0 0 400 300'/>", ("image/svg+xml", 400, 150)),
        (
            b"<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' 'x'>\n<svg width='12.6px' height='7'/>",
            ("image/svg+xml", 13, 7),
        ),
        (png(31, 17), ("image/png", 31, 17)),
        (jpeg_header(640, 480), ("image/jpeg", 640, 480)),
    ],
)
def test_image_type_and_size_are_read_from_the_bytes(content: bytes, expected: tuple[str, int, int]) -> None:
    image = inspect_image(content)
    assert (image.media_type, image.width, image.height) == expected


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", PlanProblem.EMPTY),
        (b"GIF89a\x01\x00\x01\x00", PlanProblem.UNKNOWN_FORMAT),
        (b"<html><body><svg width='4' height='4'/></body></html>", PlanProblem.UNKNOWN_FORMAT),
        (b"plain text", PlanProblem.UNKNOWN_FORMAT),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><rect width='5' height='5'/></svg>",
            PlanProblem.UNREADABLE,
        ),
        (b"<svg width='10em' height='10em'/>", PlanProblem.UNREADABLE),
        (b"<svg width='1e400' height='10'/>", PlanProblem.UNREADABLE),
        (b"<svg viewBox='0 0 0 10'/>", PlanProblem.UNREADABLE),
        (b"\x89PNG\r\n\x1a\n\x00\x00", PlanProblem.UNREADABLE),
        (b"\xff\xd8\xff\xe0\x00\x02", PlanProblem.UNREADABLE),
        (b"<svg" + b" " * MAX_PLAN_BYTES + b"/>", PlanProblem.TOO_LARGE),
    ],
)
def test_anything_else_is_refused_with_its_reason(content: bytes, problem: PlanProblem) -> None:
    with pytest.raises(PlanError) as refused:
        inspect_image(content)
    assert refused.value.problem is problem
    assert isinstance(refused.value, ValueError) and str(refused.value)


# --- writes ---------------------------------------------------------------------------------


def test_plans_and_placements_round_trip_with_their_audit(db: Database) -> None:
    site_id = site_with_zones(db)
    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    with db.write() as session:
        ground, unplaced = plans.set_plan_image(
            session, site_id, 0, SVG, name="Rez-de-chaussée", operator_id=chef.id, at=T0
        )
        first, _ = plans.set_plan_image(session, site_id, 1, png(200, 100), operator_id=chef.id, at=T0)
        moved = plans.save_placements(
            session,
            site_id,
            {1: ZonePlacement(ground.id, 40, 150), 2: ZonePlacement(first.id, 199.5, 0), 3: None},
            operator_id=chef.id,
            at=T0,
        )
    assert unplaced == () and moved == (1, 2)  # zone 3 was already unplaced: nothing to write
    site_file = stored(db, site_id)
    assert [(p.level, p.name, p.media_type) for p in site_file.plans] == [
        (0, "Rez-de-chaussée", "image/svg+xml"),
        (1, "", "image/png"),
    ]
    assert site_file.plans[1].content == png(200, 100)
    assert [(z.number, z.plan_id, z.x, z.y) for z in site_file.zones] == [
        (1, ground.id, 40.0, 150.0),
        (2, first.id, 199.5, 0.0),
        (3, None, None, None),
    ]
    journal, changes = audit_rows(db, site_id)
    assert [(j.action, j.operator_id, j.at) for j in journal] == [
        (JournalAction.PLAN_EDITED, chef.id, T0)
    ] * 3
    assert "level 0 added" in journal[0].detail and "zone 2 on level 1 at (200, 0)" in journal[2].detail
    assert changes == 3


def test_renaming_and_replacing_a_level(db: Database) -> None:
    site_id = site_with_zones(db)
    with db.write() as session:
        plan, _ = plans.set_plan_image(session, site_id, 0, SVG, operator_id=None, at=T0)
        plans.save_placements(
            session,
            site_id,
            {1: ZonePlacement(plan.id, 40, 150), 2: ZonePlacement(plan.id, 350, 80)},
            operator_id=None,
            at=T0,
        )
    with db.write() as session:
        assert (
            plans.rename_level(session, site_id, 0, "  Sous-sol ", operator_id=None, at=T0).name == "Sous-sol"
        )
        plans.rename_level(session, site_id, 0, "Sous-sol", operator_id=None, at=T0)  # unchanged: no audit
        replaced, unplaced = plans.set_plan_image(session, site_id, 0, png(300, 200), operator_id=None, at=T0)
    assert replaced.id == plan.id and replaced.media_type == "image/png" and replaced.name == "Sous-sol"
    assert unplaced == (2,)  # x=350 is off a 300 px wide image
    zones = {z.number: (z.plan_id, z.x, z.y) for z in stored(db, site_id).zones}
    assert zones[1] == (plan.id, 40.0, 150.0) and zones[2] == (None, None, None)
    journal, changes = audit_rows(db, site_id)
    assert len(journal) == changes == 4
    assert "renamed from '' to 'Sous-sol'" in journal[2].detail
    assert "zones 2 off the new image" in journal[3].detail


def test_deleting_a_level_unplaces_its_zones(db: Database) -> None:
    site_id = site_with_zones(db)
    with db.write() as session:
        ground, _ = plans.set_plan_image(session, site_id, 0, SVG, operator_id=None, at=T0)
        first, _ = plans.set_plan_image(session, site_id, 1, SVG, operator_id=None, at=T0)
        plans.save_placements(
            session,
            site_id,
            {
                1: ZonePlacement(ground.id, 1, 1),
                2: ZonePlacement(first.id, 2, 2),
                3: ZonePlacement(first.id, 3, 3),
            },
            operator_id=None,
            at=T0,
        )
    with db.write() as session:
        assert plans.delete_level(session, site_id, 1, operator_id=None, at=T0) == (2, 3)
    site_file = stored(db, site_id)
    assert [p.level for p in site_file.plans] == [0]
    assert [(z.number, z.plan_id) for z in site_file.zones] == [(1, ground.id), (2, None), (3, None)]
    journal, _ = audit_rows(db, site_id)
    assert journal[-1].detail == "level 1 deleted; zones 2, 3 unplaced"


@pytest.mark.parametrize(
    ("placement", "problem"),
    [
        ({9: None}, PlanProblem.UNKNOWN_ZONE),
        ({2: ("plan", math.nan, 10.0)}, PlanProblem.BAD_POSITION),
        ({2: ("plan", 10.0, math.inf)}, PlanProblem.BAD_POSITION),
        ({2: ("plan", -0.5, 10.0)}, PlanProblem.BAD_POSITION),
        ({2: ("plan", 10.0, 300.5)}, PlanProblem.BAD_POSITION),
        ({2: ("other site", 10.0, 10.0)}, PlanProblem.UNKNOWN_LEVEL),
    ],
)
def test_placements_are_validated_and_written_all_or_nothing(
    db: Database, placement: dict[int, tuple[str, float, float] | None], problem: PlanProblem
) -> None:
    site_id = site_with_zones(db)
    other_id = site_with_zones(db, "PAR-0002")
    with db.write() as session:
        plan, _ = plans.set_plan_image(session, site_id, 0, SVG, operator_id=None, at=T0)
        other, _ = plans.set_plan_image(session, other_id, 0, SVG, operator_id=None, at=T0)
    ids = {"plan": plan.id, "other site": other.id}
    wanted: dict[int, ZonePlacement | None] = {1: ZonePlacement(plan.id, 5, 5)}  # valid, comes first
    for number, spot in placement.items():
        wanted[number] = ZonePlacement(ids[spot[0]], spot[1], spot[2]) if spot else None
    with pytest.raises(PlanError) as refused, db.write() as session:
        plans.save_placements(session, site_id, wanted, operator_id=None, at=T0)
    assert refused.value.problem is problem and refused.value.zone == next(iter(placement))
    assert all(z.plan_id is None for z in stored(db, site_id).zones)
    journal, changes = audit_rows(db, site_id)
    assert len(journal) == changes == 1  # the plan's own, nothing from the refused placements


def test_images_are_checked_before_anything_is_written(db: Database) -> None:
    site_id = site_with_zones(db)
    for content, problem in ((b"", PlanProblem.EMPTY), (b"GIF89a", PlanProblem.UNKNOWN_FORMAT)):
        with pytest.raises(PlanError) as refused, db.write() as session:
            plans.set_plan_image(session, site_id, 0, content, operator_id=None, at=T0)
        assert refused.value.problem is problem
    with pytest.raises(PlanError) as refused, db.write() as session:
        plans.set_plan_image(session, site_id, 0, SVG, name="x" * 101, operator_id=None, at=T0)
    assert refused.value.problem is PlanProblem.BAD_NAME
    with pytest.raises(PlanError) as refused, db.write() as session:
        plans.rename_level(session, site_id, 4, "Étage", operator_id=None, at=T0)
    assert refused.value.problem is PlanProblem.UNKNOWN_LEVEL and refused.value.level == 4
    with pytest.raises(PlanError) as refused, db.write() as session:
        plans.delete_level(session, 999_999, 0, operator_id=None, at=T0)
    assert refused.value.problem is PlanProblem.UNKNOWN_SITE
    assert stored(db, site_id).plans == ()
    assert audit_rows(db, site_id) == ([], 0)


# --- the editing service --------------------------------------------------------------------


def test_service_saves_a_whole_session_for_a_supervisor_only(db: Database) -> None:
    site_id = site_with_zones(db)
    editing = PlanEditing(db, SteppingClock())
    amelie = add_operator_to(db, "amelie")
    admin = add_operator_to(db, "root", Role.ADMIN)
    first_session = PlanEdits(
        levels=(LevelChange(0, "RDC", SVG), LevelChange(1, "Étage", png(100, 100))),
        placements={1: Spot(0, 40, 150), 2: Spot(1, 50, 50)},
    )
    with pytest.raises(PlanEditRefused):
        editing.save(amelie, site_id, first_session)
    assert stored(db, site_id).plans == () and audit_rows(db, site_id) == ([], 0)
    site_file = editing.save(admin, site_id, first_session)
    assert [(p.level, p.name) for p in site_file.plans] == [(0, "RDC"), (1, "Étage")]
    # Level 1 deleted and added again with a new image, zone 2 placed on it, in one save.
    site_file = editing.save(
        admin,
        site_id,
        PlanEdits(
            deleted_levels=frozenset({1}),
            levels=(LevelChange(0, "Rez-de-chaussée"), LevelChange(1, "Étage", SVG)),
            placements={2: Spot(1, 390, 290), 3: Spot(0, 1, 1)},
        ),
    )
    assert [(p.level, p.name, p.media_type) for p in site_file.plans] == [
        (0, "Rez-de-chaussée", "image/svg+xml"),
        (1, "Étage", "image/svg+xml"),
    ]
    level_of = {p.id: p.level for p in site_file.plans}
    assert [(z.number, level_of.get(z.plan_id or 0), z.x, z.y) for z in site_file.zones] == [
        (1, 0, 40.0, 150.0),
        (2, 1, 390.0, 290.0),
        (3, 0, 1.0, 1.0),
    ]
    journal, _ = audit_rows(db, site_id)
    assert {j.operator_id for j in journal} == {admin.id}


def test_service_rolls_back_the_levels_when_a_placement_is_refused(db: Database) -> None:
    site_id = site_with_zones(db)
    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    editing = PlanEditing(db, SteppingClock())
    with pytest.raises(PlanError) as refused:
        editing.save(
            chef,
            site_id,
            PlanEdits(
                levels=(LevelChange(0, "RDC", SVG),), placements={1: Spot(0, 10, 10), 2: Spot(0, 401, 10)}
            ),
        )
    assert refused.value.problem is PlanProblem.BAD_POSITION and refused.value.zone == 2
    with pytest.raises(PlanError) as refused:
        editing.save(chef, site_id, PlanEdits(placements={1: Spot(3, 10, 10)}))
    assert refused.value.problem is PlanProblem.UNKNOWN_LEVEL and refused.value.level == 3
    assert stored(db, site_id).plans == () and audit_rows(db, site_id) == ([], 0)

"""The floor-plan editing session without Qt, on each backend: what is placed, moved, taken off,
replaced, renamed, deleted and saved, and what a refused save leaves behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.domain.alarm import Operator, Role
from console.domain.site import DetectorType
from console.services.plan_edit_session import PlanEditSession, read_plan_image
from console.services.plan_editing import (
    MAX_NAME_LENGTH,
    MAX_PLAN_BYTES,
    PlanEditing,
    PlanEditRefused,
    PlanError,
    PlanProblem,
    Spot,
    inspect_image,
)
from console.storage.engine import Database
from console.storage.sites import add_zone, ensure_site
from tests.factories import add_operator_to
from tests.storage.test_plans import SVG

PLAN = (0.0, 0.0, 400.0, 300.0)  # what the editor draws SVG at
SMALL = b"<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100' viewBox='0 0 200 100'/>"


def three_zone_site(db: Database) -> int:
    """A pharmacy with three zones and no plan yet (the plan editor's tests use it too)."""
    with db.write() as session:
        site, _ = ensure_site(session, "LYO-0001", "Pharmacie de la Croix-Rousse")
        for number, name, kind in (
            (1, "Porte d'entrée", DetectorType.DOOR_CONTACT),
            (2, "Officine", DetectorType.PIR),
            (3, "Réserve", DetectorType.DUAL_TECH),
        ):
            add_zone(session, site, number, name, kind)
        assert site.id is not None
        return site.id


@pytest.fixture
def site_id(db: Database) -> int:
    return three_zone_site(db)


@pytest.fixture
def editing(db: Database) -> PlanEditing:
    return PlanEditing(db)


@pytest.fixture
def chef(db: Database) -> Operator:
    return add_operator_to(db, "chef", Role.SUPERVISOR)


def session_of(editing: PlanEditing, site_id: int) -> PlanEditSession:
    site_file = editing.load(site_id)
    assert site_file is not None
    return PlanEditSession(editing, site_file)


def test_a_session_places_moves_saves_and_reopens(editing: PlanEditing, site_id: int, chef: Operator) -> None:
    session = session_of(editing, site_id)
    assert session.levels == [] and session.current is None and not session.is_dirty()
    assert session.place(2, 200, 150, PLAN) is None  # no plan yet

    assert session.put_image(SVG, inspect_image(SVG)) == []
    assert [lv.level for lv in session.levels] == [0] and session.current == 0 and session.is_dirty()
    assert session.place(2, 200, 150, PLAN) == Spot(0, 200, 150)
    session.move(2, 203, 160)  # dragged, then nudged
    assert session.place(3, 1000, -50, PLAN) == Spot(0, 400, 0)  # off the image: kept on its edge
    assert session.place(9, 10, 10, PLAN) is None  # no such zone
    assert dict(session.edits().placements) == {2: Spot(0, 203, 160), 3: Spot(0, 400, 0)}

    stored = session.save(chef)
    assert stored is not None and not session.is_dirty() and session.current == 0
    assert session.levels[0].plan_id is not None and not session.levels[0].image_changed
    reopened = session_of(editing, site_id)
    assert dict(reopened.spots) == {1: None, 2: Spot(0, 203, 160), 3: Spot(0, 400, 0)}
    assert reopened.levels[0].content == SVG and not reopened.is_dirty()
    assert reopened.save(chef) is None  # nothing to save


def test_a_zone_placed_then_taken_off_leaves_nothing_to_save(
    editing: PlanEditing, site_id: int, chef: Operator
) -> None:
    session = session_of(editing, site_id)
    session.put_image(SVG, inspect_image(SVG))
    session.save(chef)
    assert session.place(1, 100, 100, PLAN) is not None and session.is_dirty()
    assert session.unplace(1) and session.spots[1] is None
    assert not session.unplace(1)  # already off
    assert session.edits().is_empty() and not session.is_dirty()
    session.place(1, 100, 100, PLAN)
    session.save(chef)
    assert session.unplace(1) and dict(session.edits().placements) == {1: None}


@pytest.mark.parametrize("login_role", [None, Role.OPERATOR])
def test_only_a_supervisor_or_an_admin_saves_and_the_edits_stay(
    editing: PlanEditing, site_id: int, db: Database, login_role: Role | None
) -> None:
    operator = None if login_role is None else add_operator_to(db, "amelie", login_role)
    session = session_of(editing, site_id)
    session.put_image(SVG, inspect_image(SVG))
    session.place(1, 10, 10, PLAN)
    with pytest.raises(PlanEditRefused):
        session.save(operator)
    assert session.is_dirty() and session.spots[1] == Spot(0, 10, 10)
    stored = editing.load(site_id)
    assert stored is not None and stored.plans == () and all(z.plan_id is None for z in stored.zones)
    admin = add_operator_to(db, "root", Role.ADMIN)
    assert session.save(admin) is not None


def test_levels_are_added_renamed_replaced_and_deleted(
    editing: PlanEditing, site_id: int, chef: Operator
) -> None:
    session = session_of(editing, site_id)
    session.put_image(SVG, inspect_image(SVG))
    session.place(1, 380, 280, PLAN)
    session.place(2, 50, 50, PLAN)
    assert session.put_image(SMALL, inspect_image(SMALL), new_level=True) == []
    assert [lv.level for lv in session.levels] == [0, 1] and session.current == 1
    assert session.rename(" Étage ") and session.levels[1].name == "Étage"
    assert not session.rename("Étage")  # unchanged
    session.place(3, 20, 20, (0, 0, 200, 100))
    assert session.choose(0) == 0
    assert session.put_image(SMALL, inspect_image(SMALL)) == [1]  # zone 1 was off the smaller image
    assert session.spots[1] is None and session.spots[2] == Spot(0, 50, 50)
    assert session.save(chef) is not None
    stored = editing.load(site_id)
    assert stored is not None
    assert [(p.level, p.name, p.content) for p in stored.plans] == [(0, "", SMALL), (1, "Étage", SMALL)]

    session.choose(1)
    assert session.delete_current()
    assert session.current == 0 and session.spots[3] is None
    assert session.edits().deleted_levels == {1} and dict(session.edits().placements) == {3: None}
    session.save(chef)
    stored = editing.load(site_id)
    assert stored is not None and [p.level for p in stored.plans] == [0]
    assert {z.number for z in stored.zones if z.plan_id is not None} == {2}
    session.delete_current()
    assert not session.delete_current() and session.current is None  # no level left


def test_a_new_level_deleted_before_saving_leaves_nothing(editing: PlanEditing, site_id: int) -> None:
    session = session_of(editing, site_id)
    session.put_image(SVG, inspect_image(SVG))
    session.place(2, 10, 10, PLAN)
    assert session.delete_current()
    assert session.edits().is_empty()


def test_a_level_name_is_refused_when_too_long_or_without_a_level(editing: PlanEditing, site_id: int) -> None:
    session = session_of(editing, site_id)
    with pytest.raises(PlanError) as refused:
        session.rename("Rez-de-chaussée")
    assert refused.value.problem is PlanProblem.BAD_NAME
    session.put_image(SVG, inspect_image(SVG))
    with pytest.raises(PlanError):
        session.rename("x" * (MAX_NAME_LENGTH + 1))
    assert session.rename("x" * MAX_NAME_LENGTH)


def test_choosing_a_level_that_is_gone_shows_the_lowest(editing: PlanEditing, site_id: int) -> None:
    session = session_of(editing, site_id)
    assert session.choose(4) is None
    session.put_image(SVG, inspect_image(SVG))
    session.put_image(SMALL, inspect_image(SMALL), new_level=True)
    assert session.choose(7) == 0 and session.current == 0


def deleted_elsewhere(editing: PlanEditing, site_id: int, chef: Operator) -> PlanEditSession:
    """A session opened on level 0 while another supervisor deletes that level (and saves)."""
    first = session_of(editing, site_id)
    first.put_image(SVG, inspect_image(SVG))
    first.save(chef)
    second = session_of(editing, site_id)
    first.delete_current()
    first.save(chef)
    return second


def test_a_save_refused_by_storage_keeps_the_edits(
    editing: PlanEditing, site_id: int, chef: Operator
) -> None:
    """Another supervisor deleted the level this one renames and places on: nothing is stored."""
    second = deleted_elsewhere(editing, site_id, chef)
    second.place(2, 10, 10, PLAN)
    second.rename("Rez-de-chaussée")
    with pytest.raises(PlanError) as refused:
        second.save(chef)
    assert refused.value.problem is PlanProblem.UNKNOWN_LEVEL and refused.value.level == 0
    assert second.is_dirty() and second.spots[2] == Spot(0, 10, 10)
    stored = editing.load(site_id)
    assert stored is not None and stored.plans == ()


def test_a_zone_placed_on_a_level_deleted_elsewhere_is_named(
    editing: PlanEditing, site_id: int, chef: Operator
) -> None:
    second = deleted_elsewhere(editing, site_id, chef)
    second.place(2, 10, 10, PLAN)
    with pytest.raises(PlanError) as refused:
        second.save(chef)
    assert refused.value.problem is PlanProblem.UNKNOWN_LEVEL and refused.value.zone == 2
    assert second.is_dirty()


def test_plan_files_are_read_or_refused_with_their_reason(tmp_path: Path) -> None:
    path = tmp_path / "plan.svg"
    path.write_bytes(SVG)
    content, image = read_plan_image(path)
    assert content == SVG and (image.media_type, image.width, image.height) == ("image/svg+xml", 400, 300)
    for data, problem in (
        (b"", PlanProblem.EMPTY),
        (b"GIF89a\x01\x00", PlanProblem.UNKNOWN_FORMAT),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", PlanProblem.UNREADABLE),
        (b"<svg" + b" " * MAX_PLAN_BYTES + b"/>", PlanProblem.TOO_LARGE),
    ):
        path.write_bytes(data)
        with pytest.raises(PlanError) as refused:
            read_plan_image(path)
        assert refused.value.problem is problem
    with pytest.raises(OSError):
        read_plan_image(tmp_path / "missing.png")

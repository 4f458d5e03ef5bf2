"""The supervisors' plan editor, on a real SQLite database: load, place, move, save, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from console.domain.alarm import Operator, Role
from console.domain.site import FloorPlan, SiteFile
from console.services.plan_editing import PlanEditing, inspect_image
from console.storage.engine import Database
from console.views.site.floor_plan import plan_background
from console.views.site.plan_editor import PlanEditorDialog
from console.views.site.site_window import SiteWindow
from console.views.site.zone_placement import ZONE_MIME, PlacedZoneItem, dropped_zone
from tests.domain.test_alarm_lifecycle import new_alarm
from tests.factories import add_operator_to, alarm_record
from tests.services.test_plan_edit_session import three_zone_site
from tests.storage.test_plans import SVG


def image(width: int, height: int, fmt: str = "PNG") -> bytes:
    picture = QImage(width, height, QImage.Format.Format_RGB32)
    picture.fill(QColor("#eceff1"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert picture.save(buffer, fmt)
    buffer.close()
    return bytes(data.data())


@pytest.fixture(autouse=True)
def discard_on_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-qt closes the dialogs after each test: answer the unsaved-changes prompt instead of blocking."""
    monkeypatch.setattr(PlanEditorDialog, "_ask_unsaved", lambda _self: QMessageBox.StandardButton.Discard)


@pytest.fixture
def site_id(sqlite_db: Database) -> int:
    return three_zone_site(sqlite_db)


@pytest.fixture
def chef(sqlite_db: Database) -> Operator:
    return add_operator_to(sqlite_db, "chef", Role.SUPERVISOR)


@pytest.fixture
def editing(sqlite_db: Database) -> PlanEditing:
    return PlanEditing(sqlite_db)


@pytest.fixture
def svg_file(tmp_path: Path) -> Path:
    path = tmp_path / "rdc.svg"
    path.write_bytes(SVG)
    return path


def open_editor(qtbot: QtBot, editing: PlanEditing, site_id: int, operator: Operator) -> PlanEditorDialog:
    site_file = editing.load(site_id)
    assert site_file is not None
    dialog = PlanEditorDialog(editing, site_file, operator)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def drop(dialog: PlanEditorDialog, number: int, at: QPointF) -> None:
    """What a drag from the zone list ends with: the model's drag data dropped on the plan's viewport."""
    row = dialog.zones.row_of(number)
    assert row is not None
    mime = dialog.zones.mimeData([dialog.zones.index(row)])
    where = QPointF(dialog.view.mapFromScene(at))
    viewport = dialog.view.viewport()
    enter = QDragEnterEvent(
        where.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(viewport, event)


def test_plan_editor_round_trip(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, editing, site_id, chef, svg_file, sqlite_db
) -> None:
    dialog = open_editor(qtbot, editing, site_id, chef)
    qtmodeltester.check(dialog.zones)
    assert dialog.zones.rowCount() == 3
    assert dialog.zones.index(1).data().endswith("not placed")
    assert dialog.load_image(svg_file)
    assert dialog.level_box.count() == 1 and dialog.scene.sceneRect().size().toSize().toTuple() == (400, 300)

    drop(dialog, 2, QPointF(200, 150))
    item = dialog.zone_items[2]
    assert abs(item.pos().x() - 200) < 2 and abs(item.pos().y() - 150) < 2
    assert item.isSelected() and dialog.selected_zone() == 2
    assert dialog.isWindowModified()
    assert not dialog.zones.index(1).data().endswith("not placed")
    qtmodeltester.check(dialog.zones)

    start = item.pos()
    for _ in range(3):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Right)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert item.pos() == start + QPointF(3, 10)
    drop(dialog, 3, QPointF(1000, -50))  # off the image: kept on its edge
    assert dialog.zone_items[3].pos() == QPointF(400, 0)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.save_message.text() == "Saved." and not dialog.isWindowModified()

    reopened = open_editor(qtbot, editing, site_id, chef)
    assert reopened.level_box.count() == 1 and not reopened.isWindowModified()
    assert set(reopened.zone_items) == {2, 3}
    assert reopened.zone_items[2].pos() == start + QPointF(3, 10)
    assert reopened.zone_items[3].pos() == QPointF(400, 0)
    assert reopened.zones.index(0).data().endswith("not placed")
    with sqlite_db.read() as session:
        from console.storage.sites import load_site_file

        stored = load_site_file(session, site_id)
    assert stored is not None and stored.plans[0].content == SVG


def test_mouse_drag_moves_a_placed_zone_and_delete_takes_it_off(  # type: ignore[no-untyped-def]
    qtbot, editing, site_id, chef, svg_file
) -> None:
    dialog = open_editor(qtbot, editing, site_id, chef)
    dialog.load_image(svg_file)
    assert dialog.place_zone(1, 100, 100)
    item = dialog.zone_items[1]
    viewport = dialog.view.viewport()
    start = dialog.view.mapFromScene(item.pos())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (dialog.view.mapFromScene(QPointF(150, 120)) - start) * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=dialog.view.mapFromScene(QPointF(150, 120)))
    assert abs(item.pos().x() - 150) < 2 and abs(item.pos().y() - 120) < 2
    assert dialog.edits().placements[1].x == item.pos().x()  # type: ignore[union-attr]

    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.zone_list.setFocus()
    qtbot.keyClick(dialog.zone_list, Qt.Key.Key_Delete)
    assert 1 not in dialog.zone_items and item.scene() is None
    assert dialog.edits().placements == {}  # placed then taken off: nothing left to save
    assert dialog.isWindowModified() and dialog.edits().levels  # the new level is still unsaved


def test_an_operator_cannot_save(qtbot, editing, site_id, sqlite_db, svg_file) -> None:  # type: ignore[no-untyped-def]
    amelie = add_operator_to(sqlite_db, "amelie")
    dialog = open_editor(qtbot, editing, site_id, amelie)
    dialog.load_image(svg_file)
    dialog.place_zone(1, 10, 10)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "supervisor" in dialog.save_message.text() and dialog.save_message.isVisible()
    assert dialog.isWindowModified()
    site_file = editing.load(site_id)
    assert site_file is not None and site_file.plans == () and all(z.plan_id is None for z in site_file.zones)


def test_bad_images_are_refused_next_to_the_button(qtbot, editing, site_id, chef, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_editor(qtbot, editing, site_id, chef)
    for content, expected in (
        (b"", "empty"),
        (b"GIF89a\x01\x00", "not an SVG, PNG or JPEG"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "size cannot be read"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10garbage", "could not be read"),
    ):
        path = tmp_path / "plan.bin"
        path.write_bytes(content)
        assert not dialog.load_image(path)
        assert expected in dialog.image_message.text()
    assert not dialog.load_image(tmp_path / "missing.png")
    assert "cannot be read" in dialog.image_message.text()
    assert dialog.level_box.count() == 0 and not dialog.isWindowModified()


def test_levels_can_be_added_renamed_replaced_and_deleted(  # type: ignore[no-untyped-def]
    qtbot, editing, site_id, chef, svg_file, tmp_path
) -> None:
    dialog = open_editor(qtbot, editing, site_id, chef)
    dialog.load_image(svg_file)
    dialog.place_zone(1, 380, 280)
    dialog.place_zone(2, 50, 50)
    small = tmp_path / "small.png"
    small.write_bytes(image(200, 100))
    assert dialog.load_image(small, new_level=True)
    assert [dialog.level_box.itemText(i) for i in range(2)] == ["Level 0", "Level 1"]
    assert dialog.rename_level("Étage")
    dialog.place_zone(3, 20, 20)
    dialog.level_box.setCurrentIndex(0)
    assert dialog.load_image(small)  # level 0 gets the smaller image: zone 1 falls off it
    assert "1" in dialog.image_message.text() and set(dialog.zone_items) == {2}
    assert dialog.save()
    stored = editing.load(site_id)
    assert stored is not None
    assert [(p.level, p.name, p.media_type) for p in stored.plans] == [
        (0, "", "image/png"),
        (1, "Étage", "image/png"),
    ]
    dialog.level_box.setCurrentIndex(1)
    dialog.delete_level()
    assert dialog.level_box.count() == 1 and dialog.edits().deleted_levels == {1}
    assert dialog.save()
    stored = editing.load(site_id)
    assert stored is not None and [p.level for p in stored.plans] == [0]
    assert {z.number for z in stored.zones if z.plan_id is not None} == {2}


def test_closing_with_unsaved_changes_asks_first(  # type: ignore[no-untyped-def]
    qtbot, editing, site_id, chef, svg_file, monkeypatch
) -> None:
    dialog = open_editor(qtbot, editing, site_id, chef)
    dialog.load_image(svg_file)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(dialog, "_ask_unsaved", lambda: answers.pop(0))
    dialog.close()
    assert dialog.isVisible() and answers == [QMessageBox.StandardButton.Save]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers == []
    stored = editing.load(site_id)
    assert stored is not None and len(stored.plans) == 1


def test_drag_data_names_the_zone(qtbot, editing, site_id, chef) -> None:  # type: ignore[no-untyped-def]
    dialog = open_editor(qtbot, editing, site_id, chef)
    mime = dialog.zones.mimeData([dialog.zones.index(2)])
    assert dialog.zones.mimeTypes() == [ZONE_MIME] and dropped_zone(mime) == 3
    assert dialog.zones.flags(dialog.zones.index(0)) & Qt.ItemFlag.ItemIsDragEnabled


@pytest.mark.parametrize(
    "content",
    [
        SVG,
        b"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 812.5 600.4'/>",
        b"<svg xmlns='http://www.w3.org/2000/svg' width='210mm' height='297mm' viewBox='0 0 210 297'/>",
        b"<svg xmlns='http://www.w3.org/2000/svg' width='100%' height='50%' viewBox='0 0 400 300'/>",
        image(31, 17),
        image(64, 48, "JPG"),
    ],
)
def test_storage_reads_the_size_qt_draws(qapp, content: bytes) -> None:  # type: ignore[no-untyped-def]
    """Positions are checked against the size storage reads: it must be the size the plan is drawn at."""
    info = inspect_image(content)
    item = plan_background(FloorPlan(1, 0, "", info.media_type, content))
    assert item is not None
    assert item.boundingRect().size().toTuple() == (info.width, info.height)


# --- the site window ------------------------------------------------------------------------


def shown_site(window: SiteWindow, editing: PlanEditing, site_id: int) -> SiteFile:
    site_file = editing.load(site_id)
    assert site_file is not None
    window.show_alarm(alarm_record(new_alarm(site_id=site_id), site_file, [], []))
    return site_file


def test_site_window_offers_the_editor_to_supervisors_only(  # type: ignore[no-untyped-def]
    qtbot, editing, site_id, chef, sqlite_db, svg_file
) -> None:
    amelie = add_operator_to(sqlite_db, "amelie")
    plain = SiteWindow(operator=amelie, plan_editing=editing)
    qtbot.addWidget(plain)
    shown_site(plain, editing, site_id)
    assert not plain.edit_plans_action.isVisible() and plain.edit_plans_action not in plain.actions()
    assert plain.edit_plans() is None

    window = SiteWindow(operator=chef, plan_editing=editing)
    qtbot.addWidget(window)
    assert window.edit_plans_action.isVisible() and not window.edit_plans_action.isEnabled()
    assert window.edit_plans_action.shortcut().toString() == "Ctrl+E"
    window.show()
    shown_site(window, editing, site_id)
    assert window.edit_plans_action.isEnabled()
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.plan_editor
    assert dialog is not None and dialog.isVisible()
    dialog.load_image(svg_file)
    dialog.place_zone(2, 120, 80)
    assert dialog.save()
    item = window.plan.zone_items[2]  # the operator's plan shows the new position at once
    assert item.pos() == QPointF(120, 80) and not isinstance(item, PlacedZoneItem)

"""The plan editor's drawing: the level's image with its zones as items the supervisor moves.

It only draws what the editing session says and reports what the supervisor did to it (a zone
moved, a zone chosen); the session decides what that changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Signal, Slot
from PySide6.QtWidgets import QGraphicsScene, QToolButton

from console.domain.site import FloorPlan, Zone
from console.services.plan_edit_session import Bounds, EditedLevel
from console.services.plan_editing import Spot
from console.views.site.floor_plan import plan_background
from console.views.site.zone_placement import PlacedZoneItem, PlanEditorView


class PlanCanvas(QObject):
    """The scene and view of the level shown; `zone_items` are its placed zones by number."""

    zone_moved = Signal(int, QPointF)  # dragged or nudged on the plan
    zone_selected = Signal(int)  # chosen on the plan

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = QGraphicsScene(self)
        self.scene.selectionChanged.connect(self._on_scene_selection)
        self.view = PlanEditorView(self.scene)
        self.zone_items: dict[int, PlacedZoneItem] = {}
        self.syncing = False  # drawing or selecting on the session's behalf: nothing to report

    def show_level(self, level: EditedLevel | None, zones: Iterable[tuple[Zone, Spot]]) -> None:
        """Draw `level` (nothing for None) with the zones placed on it."""
        self.syncing = True
        self.scene.clear()
        self.zone_items = {}
        self.view.setVisible(level is not None)
        if level is not None:
            background = plan_background(
                FloorPlan(level.plan_id or 0, level.level, level.name, level.media_type, level.content)
            )
            if background is None:
                self.scene.setSceneRect(QRectF())  # follows what is drawn
                self.scene.addText(
                    QCoreApplication.translate("PlanEditorDialog", "The plan image could not be read.")
                )
            else:
                self.scene.addItem(background)
                self.scene.setSceneRect(background.boundingRect())
            for zone, spot in zones:
                self._add_item(zone, spot)
        self.syncing = False
        self.view.fit()

    def zoom_tools(self) -> list[QToolButton]:
        """Buttons for what the keys also do: zoom out (-), zoom in (+), fit the plan (0)."""
        tools = []
        for text, tip, slot in (
            (
                "−",
                QCoreApplication.translate("PlanEditorDialog", "Zoom out (-)"),
                lambda: self.view.zoom(1 / 1.25),
            ),
            (
                "+",
                QCoreApplication.translate("PlanEditorDialog", "Zoom in (+)"),
                lambda: self.view.zoom(1.25),
            ),
            (
                "⤢",
                QCoreApplication.translate("PlanEditorDialog", "Fit the plan (0)"),
                lambda: self.view.fit(),
            ),
        ):
            tool = QToolButton()
            tool.setText(text)
            tool.setToolTip(tip)
            tool.clicked.connect(slot)
            tools.append(tool)
        return tools

    def bounds(self) -> Bounds:
        rect = self.scene.sceneRect()
        return rect.left(), rect.top(), rect.right(), rect.bottom()

    def put(self, zone: Zone, spot: Spot) -> None:
        """Draw a zone at `spot`, or move it there."""
        item = self.zone_items.get(zone.number)
        if item is None:
            self._add_item(zone, spot)
        else:
            item.setPos(QPointF(spot.x, spot.y))

    def remove(self, number: int) -> None:
        item = self.zone_items.pop(number, None)
        if item is not None:
            self.scene.removeItem(item)

    def select(self, number: int) -> None:
        """Select only this zone's item (when it is on the level shown) and scroll it into view."""
        self.syncing = True
        self.scene.clearSelection()
        item = self.zone_items.get(number)
        if item is not None:
            item.setSelected(True)
            self.view.ensureVisible(item)
        self.syncing = False

    def _add_item(self, zone: Zone, spot: Spot) -> None:
        item = PlacedZoneItem(replace(zone, x=spot.x, y=spot.y), self._on_item_moved)
        self.scene.addItem(item)
        self.zone_items[zone.number] = item

    def _on_item_moved(self, number: int, pos: QPointF) -> None:
        if not self.syncing:
            self.zone_moved.emit(number, pos)

    @Slot()
    def _on_scene_selection(self) -> None:
        if self.syncing:
            return
        selected = [i for i in self.scene.selectedItems() if isinstance(i, PlacedZoneItem)]
        if selected:
            self.zone_selected.emit(selected[0].zone.number)

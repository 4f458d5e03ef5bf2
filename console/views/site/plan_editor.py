"""The supervisors' floor-plan editor: one image per level, the site's zones dragged into place.

Changes stay in the dialog until Save writes them all in one transaction (or none, with the
reason next to the Save button), so a half-placed plan never reaches the operators' screens;
closing with unsaved changes asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGraphicsScene,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Operator
from console.domain.outage import DatabaseUnavailable
from console.domain.site import FloorPlan, SiteFile, Zone
from console.services.plan_editing import (
    MAX_NAME_LENGTH,
    MAX_PLAN_BYTES,
    LevelChange,
    PlanEditing,
    PlanEditRefused,
    PlanEdits,
    PlanError,
    PlanProblem,
    Spot,
    inspect_image,
    may_edit_plans,
)
from console.views.site.floor_plan import plan_background
from console.views.site.zone_placement import ZONE_NUMBER_ROLE, PlacedZoneItem, PlanEditorView, ZoneListModel

_ERROR_STYLE = "color: #c62828;"


@dataclass
class _Level:
    """A level as being edited: a new one has no plan id until saved."""

    level: int
    name: str
    media_type: str
    content: bytes
    plan_id: int | None = None
    image_changed: bool = False
    name_changed: bool = False


class PlanEditorDialog(QDialog):
    """One site's floor plans: a level selector, the plan with its zones, the zone list beside it."""

    plans_saved = Signal(object)  # the SiteFile as now stored

    def __init__(
        self,
        editing: PlanEditing,
        site_file: SiteFile,
        operator: Operator | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("plan_editor")
        self._editing = editing
        self._operator = operator
        self._site_file = site_file
        self._levels: list[_Level] = []
        self._deleted: set[int] = set()
        self._spots: dict[int, Spot | None] = {}
        self._saved_spots: dict[int, Spot | None] = {}
        self._current: int | None = None
        self.zone_items: dict[int, PlacedZoneItem] = {}
        self._syncing = False

        self.scene = QGraphicsScene(self)
        self.scene.selectionChanged.connect(self._on_scene_selection)
        self.view = PlanEditorView(self.scene)
        self.view.zone_dropped.connect(self._on_zone_dropped)
        self.level_box = QComboBox()
        self.level_box.setObjectName("plan_level")
        self.level_box.setMinimumContentsLength(16)
        self.level_box.currentIndexChanged.connect(self._on_level_chosen)
        buttons = QHBoxLayout()
        level_label = QLabel(self.tr("&Level"))
        level_label.setBuddy(self.level_box)
        buttons.addWidget(level_label)
        buttons.addWidget(self.level_box)
        self.load_button = self._button(buttons, self.tr("Load image…"), self._on_load_image)
        self.add_button = self._button(buttons, self.tr("New level…"), self._on_add_level)
        self.rename_button = self._button(buttons, self.tr("Rename…"), self._on_rename)
        self.delete_button = self._button(buttons, self.tr("Delete level"), self.delete_level)
        self.image_message = QLabel()
        self.image_message.setObjectName("image_message")
        self.image_message.setWordWrap(True)
        buttons.addWidget(self.image_message, 1)
        for text, tip, slot in (
            ("−", self.tr("Zoom out (-)"), lambda: self.view.zoom(1 / 1.25)),
            ("+", self.tr("Zoom in (+)"), lambda: self.view.zoom(1.25)),
            ("⤢", self.tr("Fit the plan (0)"), lambda: self.view.fit()),
        ):
            tool = QToolButton()
            tool.setText(text)
            tool.setToolTip(tip)
            tool.clicked.connect(slot)
            buttons.addWidget(tool)

        self.zones = ZoneListModel(self)
        self.zone_list = QListView()
        self.zone_list.setObjectName("plan_zones")
        self.zone_list.setModel(self.zones)
        self.zone_list.setDragEnabled(True)
        self.zone_list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.zone_list.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.zone_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.zone_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # elide long names
        self.zone_list.selectionModel().currentChanged.connect(self._on_zone_chosen)
        hint = QLabel(
            self.tr(
                "Drag a zone onto the plan, or drag it on the plan to move it. Arrow keys nudge the"
                " selected zone (Shift: faster); Delete takes it off the plan."
            )
        )
        hint.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Zones")))
        side_layout.addWidget(self.zone_list, 1)
        side_layout.addWidget(hint)
        self.placeholder = QLabel(self.tr("No plan yet: load an image (SVG, PNG or JPEG)."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        plan_side = QWidget()
        plan_layout = QVBoxLayout(plan_side)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(self.view)
        plan_layout.addWidget(self.placeholder)
        side.setMinimumWidth(300)
        splitter = QSplitter()
        splitter.addWidget(plan_side)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([800, 320])

        self.save_message = QLabel()
        self.save_message.setObjectName("save_message")
        self.save_message.setWordWrap(True)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.clicked.connect(self.save)
        self.button_box.rejected.connect(self.reject)
        for button in self.button_box.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Return in the list must not save
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_message, 1)
        bottom.addWidget(self.button_box)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        unplace = QAction(self.tr("Take the zone off the plan"), self)
        unplace.setObjectName("action_unplace_zone")
        unplace.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        unplace.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        unplace.triggered.connect(self.unplace_selected)
        self.addAction(unplace)
        self.setWindowTitle(self.tr("Floor plans — %1").replace("%1", site_file.site.name) + "[*]")
        self.resize(1100, 700)
        self._load(site_file)

    def _button(self, layout: QHBoxLayout, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # --- state --------------------------------------------------------------------------------

    def _load(self, site_file: SiteFile, level: int | None = None) -> None:
        self._site_file = site_file
        self._levels = [
            _Level(p.level, p.name, p.media_type, p.content, p.id)
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
        self.zones.set_zones(site_file.zones)
        self._fill_levels(level)

    def level_name(self, level: _Level) -> str:
        return level.name or self.tr("Level %1").replace("%1", str(level.level))

    def _level(self, number: int | None) -> _Level | None:
        return next((lv for lv in self._levels if lv.level == number), None)

    def _fill_levels(self, select: int | None = None) -> None:
        self._levels.sort(key=lambda lv: lv.level)
        wanted = select if self._level(select) else (self._levels[0].level if self._levels else None)
        self.level_box.blockSignals(True)
        self.level_box.clear()
        for level in self._levels:
            self.level_box.addItem(self.level_name(level), level.level)
        self.level_box.setCurrentIndex(self.level_box.findData(wanted) if wanted is not None else -1)
        self.level_box.blockSignals(False)
        for widget in (self.rename_button, self.delete_button, self.level_box):
            widget.setEnabled(bool(self._levels))
        self._show_level(wanted)
        self._changed()

    def edits(self) -> PlanEdits:
        """What the editing session changed, in the shape the service stores in one go."""
        levels = tuple(
            LevelChange(lv.level, lv.name, lv.content if lv.image_changed or lv.plan_id is None else None)
            for lv in self._levels
            if lv.plan_id is None or lv.image_changed or lv.name_changed
        )
        placements = {
            number: spot
            for number, spot in self._spots.items()
            if spot != (saved := self._saved_spots.get(number))
            or (saved is not None and saved.level in self._deleted)
        }
        return PlanEdits(frozenset(self._deleted), levels, placements)

    def _changed(self) -> None:
        self.setWindowModified(not self.edits().is_empty())
        self.zones.set_spots(self._spots, {lv.level: self.level_name(lv) for lv in self._levels})

    def _say(self, label: QLabel, text: str, error: bool = False) -> None:
        label.setStyleSheet(_ERROR_STYLE if error else "")
        label.setText(text)

    # --- the plan -----------------------------------------------------------------------------

    def _show_level(self, number: int | None) -> None:
        self._syncing = True
        self.scene.clear()
        self.zone_items = {}
        self._current = number
        level = self._level(number)
        self.view.setVisible(level is not None)
        self.placeholder.setVisible(level is None)
        if level is not None:
            background = plan_background(
                FloorPlan(level.plan_id or 0, level.level, level.name, level.media_type, level.content)
            )
            if background is None:
                self.scene.setSceneRect(QRectF())  # follows what is drawn
                self.scene.addText(self.tr("The plan image could not be read."))
            else:
                self.scene.addItem(background)
                self.scene.setSceneRect(background.boundingRect())
            for zone in self._site_file.zones:
                spot = self._spots.get(zone.number)
                if spot is not None and spot.level == level.level:
                    self._add_item(zone, spot)
        self._syncing = False
        self.zones.set_current_level(number)
        self.view.fit()

    def _add_item(self, zone: Zone, spot: Spot) -> PlacedZoneItem:
        item = PlacedZoneItem(replace(zone, x=spot.x, y=spot.y), self._on_item_moved)
        self.scene.addItem(item)
        self.zone_items[zone.number] = item
        return item

    def place_zone(self, number: int, x: float, y: float) -> bool:
        """Put a zone on the level shown (clamped to the image), or move it there."""
        zone = next((z for z in self._site_file.zones if z.number == number), None)
        if zone is None or self._current is None:
            self._say(self.image_message, self.tr("Load a plan image first."), error=True)
            return False
        rect = self.scene.sceneRect()
        point = QPointF(min(max(x, rect.left()), rect.right()), min(max(y, rect.top()), rect.bottom()))
        spot = self._spots[number] = Spot(self._current, point.x(), point.y())
        item = self.zone_items.get(number)
        if item is None:
            item = self._add_item(zone, spot)
        else:
            item.setPos(point)
        self.select_zone(number)
        self._changed()
        return True

    def select_zone(self, number: int) -> None:
        """Select a zone in the list and on the plan, bringing its level into view."""
        spot = self._spots.get(number)
        if spot is not None and spot.level != self._current:
            self.level_box.setCurrentIndex(self.level_box.findData(spot.level))
        row = self.zones.row_of(number)
        if row is not None and self.zone_list.currentIndex().row() != row:
            self.zone_list.setCurrentIndex(self.zones.index(row))
        self._syncing = True
        self.scene.clearSelection()
        item = self.zone_items.get(number)
        if item is not None:
            item.setSelected(True)
            self.view.ensureVisible(item)
        self._syncing = False

    def selected_zone(self) -> int | None:
        index = self.zone_list.currentIndex()
        return index.data(ZONE_NUMBER_ROLE) if index.isValid() else None

    @Slot()
    def unplace_selected(self) -> None:
        number = self.selected_zone()
        if number is None or self._spots.get(number) is None:
            return
        self._spots[number] = None
        item = self.zone_items.pop(number, None)
        if item is not None:
            self.scene.removeItem(item)
        self._changed()

    def _on_item_moved(self, number: int, pos: QPointF) -> None:
        if self._current is not None and not self._syncing:
            self._spots[number] = Spot(self._current, pos.x(), pos.y())
            self._changed()

    @Slot(int, QPointF)
    def _on_zone_dropped(self, number: int, pos: QPointF) -> None:
        self.place_zone(number, pos.x(), pos.y())

    @Slot()
    def _on_scene_selection(self) -> None:
        if self._syncing:
            return
        selected = [i for i in self.scene.selectedItems() if isinstance(i, PlacedZoneItem)]
        if selected:
            self.select_zone(selected[0].zone.number)

    @Slot(QModelIndex, QModelIndex)
    def _on_zone_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._syncing:
            self.select_zone(current.data(ZONE_NUMBER_ROLE))

    @Slot(int)
    def _on_level_chosen(self, index: int) -> None:
        self._show_level(self.level_box.itemData(index) if index >= 0 else None)

    # --- levels -------------------------------------------------------------------------------

    def load_image(self, path: str | Path, new_level: bool = False) -> bool:
        """Put the image at `path` on the level shown (or on a new level above the others)."""
        path = Path(path)
        try:
            if path.stat().st_size > MAX_PLAN_BYTES:
                raise PlanError(PlanProblem.TOO_LARGE, "too large")
            content = path.read_bytes()
            image = inspect_image(content)
        except OSError as exc:
            self._say(
                self.image_message,
                self.tr("The file cannot be read: %1").replace("%1", exc.strerror or str(exc)),
                True,
            )
            return False
        except PlanError as exc:
            self._say(self.image_message, self.problem_text(exc), error=True)
            return False
        if plan_background(FloorPlan(0, 0, "", image.media_type, content)) is None:
            self._say(self.image_message, self.tr("The plan image could not be read."), error=True)
            return False
        level = self._level(self._current)
        if new_level or level is None:
            number = max((lv.level for lv in self._levels), default=-1) + 1
            self._levels.append(_Level(number, "", image.media_type, content, image_changed=True))
            self._say(self.image_message, "")
        else:
            number = level.level
            level.media_type, level.content, level.image_changed = image.media_type, content, True
            off = sorted(
                n for n, s in self._spots.items() if s and s.level == number and not image.contains(s.x, s.y)
            )
            for n in off:
                self._spots[n] = None
            message = self.tr("Zones %1 were off the new image: place them again.") if off else ""
            self._say(self.image_message, message.replace("%1", ", ".join(map(str, off))))
        self._fill_levels(number)
        return True

    def rename_level(self, name: str) -> bool:
        level = self._level(self._current)
        name = name.strip()
        if level is None or len(name) > MAX_NAME_LENGTH:
            self._say(self.image_message, self.problem_text(PlanError(PlanProblem.BAD_NAME, "")), error=True)
            return False
        if name != level.name:
            level.name, level.name_changed = name, True
            self._fill_levels(level.level)
        return True

    @Slot()
    def delete_level(self) -> None:
        """Drop the level shown; its zones become unplaced (nothing is stored before Save)."""
        level = self._level(self._current)
        if level is None:
            return
        self._levels.remove(level)
        if level.plan_id is not None:
            self._deleted.add(level.level)
        for number, spot in self._spots.items():
            if spot is not None and spot.level == level.level:
                self._spots[number] = None
        self._fill_levels()

    @Slot()
    def _on_load_image(self) -> None:
        self._pick_image(new_level=False)

    @Slot()
    def _on_add_level(self) -> None:
        self._pick_image(new_level=True)

    def _pick_image(self, new_level: bool) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Plan image"), "", self.tr("Plan images (*.svg *.png *.jpg *.jpeg)")
        )
        if path:
            self.load_image(path, new_level)

    @Slot()
    def _on_rename(self) -> None:
        level = self._level(self._current)
        if level is None:
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename level"),
            self.tr("Name of level %1:").replace("%1", str(level.level)),
            text=level.name,
        )
        if ok:
            self.rename_level(name)

    # --- saving -------------------------------------------------------------------------------

    def problem_text(self, error: PlanError) -> str:
        texts = {
            PlanProblem.EMPTY: self.tr("The image file is empty."),
            PlanProblem.TOO_LARGE: self.tr("The image is larger than %1 MB.").replace(
                "%1", str(MAX_PLAN_BYTES // 2**20)
            ),
            PlanProblem.UNKNOWN_FORMAT: self.tr("This is not an SVG, PNG or JPEG image."),
            PlanProblem.UNREADABLE: self.tr(
                "The image's size cannot be read (an SVG needs a width and height or a viewBox)."
            ),
            PlanProblem.BAD_NAME: self.tr("A level name has at most %1 characters.").replace(
                "%1", str(MAX_NAME_LENGTH)
            ),
            PlanProblem.UNKNOWN_SITE: self.tr("This site no longer exists."),
            PlanProblem.UNKNOWN_LEVEL: self.tr("Level %1 no longer exists.").replace("%1", str(error.level)),
            PlanProblem.UNKNOWN_ZONE: self.tr("Zone %1 no longer exists.").replace("%1", str(error.zone)),
            PlanProblem.BAD_POSITION: self.tr("Zone %1 is outside the plan.").replace("%1", str(error.zone)),
        }
        return texts[error.problem]

    @Slot()
    def save(self) -> bool:
        """Store every change in one go; on a refusal, say why next to Save and keep the edits."""
        refused = self.tr("Only a supervisor or an administrator can change floor plans.")
        if self._operator is None or not may_edit_plans(self._operator):
            self._say(self.save_message, refused, error=True)
            return False
        edits = self.edits()
        if edits.is_empty():
            self._say(self.save_message, self.tr("Nothing to save."))
            return True
        try:
            stored = self._editing.save(self._operator, self._site_file.site.id, edits)
        except PlanEditRefused:
            self._say(self.save_message, refused, error=True)
            return False
        except PlanError as exc:
            self._say(self.save_message, self.problem_text(exc), error=True)
            if exc.zone is not None:
                self.select_zone(exc.zone)
            return False
        except DatabaseUnavailable as exc:
            message = self.tr("The database cannot be reached; nothing was saved. (%1)").replace(
                "%1", str(exc)
            )
            self._say(self.save_message, message, error=True)
            return False
        self._load(stored, self._current)
        self._say(self.save_message, self.tr("Saved."))
        self.plans_saved.emit(stored)
        return True

    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to the floor plans before closing?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )

    def reject(self) -> None:
        """Close (Escape, Close, the window's cross), asking first when changes are unsaved."""
        if self.isWindowModified():
            answer = self._ask_unsaved()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()

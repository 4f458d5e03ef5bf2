"""The supervisors' floor-plan editor: one image per level, the site's zones dragged into place.

Changes stay in the dialog until Save writes them all in one transaction (or none, with the
reason next to the Save button), so a half-placed plan never reaches the operators' screens;
closing with unsaved changes asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Operator
from console.domain.outage import DatabaseUnavailable
from console.domain.site import FloorPlan, SiteFile
from console.services.plan_edit_session import EditedLevel, PlanEditSession, read_plan_image
from console.services.plan_editing import (
    PlanEditing,
    PlanEditRefused,
    PlanEdits,
    PlanError,
)
from console.views.site.floor_plan import plan_background
from console.views.site.plan_canvas import PlanCanvas
from console.views.site.plan_texts import plan_problem_text
from console.views.site.zone_placement import ZONE_NUMBER_ROLE, PlacedZoneItem, ZoneListModel, ZoneListView

_ERROR_STYLE = "color: #c62828;"


def _column(*widgets: QWidget, stretch: QWidget | None = None) -> QWidget:
    """The widgets one above the other, edge to edge; `stretch` takes the spare height."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is stretch else 0)
    return column


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
        self._operator = operator
        self.session = PlanEditSession(editing, site_file)
        self.canvas = PlanCanvas(self)
        self.scene, self.view = self.canvas.scene, self.canvas.view
        self.canvas.zone_moved.connect(self._on_zone_moved)
        self.canvas.zone_selected.connect(self.select_zone)
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
        for tool in self.canvas.zoom_tools():
            buttons.addWidget(tool)

        self.zones = ZoneListModel(self)
        self.zone_list = ZoneListView(self.zones)
        self.zone_list.selectionModel().currentChanged.connect(self._on_zone_chosen)
        hint = QLabel(
            self.tr(
                "Drag a zone onto the plan, or drag it on the plan to move it. Arrow keys nudge the"
                " selected zone (Shift: faster); Delete takes it off the plan."
            )
        )
        hint.setWordWrap(True)
        side = _column(QLabel(self.tr("Zones")), self.zone_list, hint, stretch=self.zone_list)
        self.placeholder = QLabel(self.tr("No plan yet: load an image (SVG, PNG or JPEG)."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        side.setMinimumWidth(300)
        splitter = QSplitter()
        splitter.addWidget(_column(self.view, self.placeholder))
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
        self._show_session()

    def _button(self, layout: QHBoxLayout, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # --- state --------------------------------------------------------------------------------

    def _show_session(self) -> None:
        """Fill the level selector from the session and show the level it shows."""
        self.zones.set_zones(self.session.site_file.zones)
        self._fill_levels()

    def level_name(self, level: EditedLevel) -> str:
        return level.name or self.tr("Level %1").replace("%1", str(level.level))

    def _fill_levels(self) -> None:
        levels, wanted = self.session.levels, self.session.current
        self.level_box.blockSignals(True)
        self.level_box.clear()
        for level in levels:
            self.level_box.addItem(self.level_name(level), level.level)
        self.level_box.setCurrentIndex(self.level_box.findData(wanted) if wanted is not None else -1)
        self.level_box.blockSignals(False)
        for widget in (self.rename_button, self.delete_button, self.level_box):
            widget.setEnabled(bool(levels))
        self._show_level(wanted)
        self._changed()

    def edits(self) -> PlanEdits:
        """What the editing session changed, in the shape the service stores in one go."""
        return self.session.edits()

    def _changed(self) -> None:
        self.setWindowModified(self.session.is_dirty())
        names = {lv.level: self.level_name(lv) for lv in self.session.levels}
        self.zones.set_spots(self.session.spots, names)

    def _say(self, label: QLabel, text: str, error: bool = False) -> None:
        label.setStyleSheet(_ERROR_STYLE if error else "")
        label.setText(text)

    # --- the plan -----------------------------------------------------------------------------

    @property
    def zone_items(self) -> dict[int, PlacedZoneItem]:
        """The zones drawn on the level shown, by number."""
        return self.canvas.zone_items

    def _show_level(self, number: int | None) -> None:
        session = self.session
        session.current = number
        level = session.level(number)
        self.placeholder.setVisible(level is None)
        placed = [(z, spot) for z in session.site_file.zones if (spot := session.spots.get(z.number))]
        self.canvas.show_level(level, [(z, spot) for z, spot in placed if spot.level == number])
        self.zones.set_current_level(number)

    def place_zone(self, number: int, x: float, y: float) -> bool:
        """Put a zone on the level shown (clamped to the image), or move it there."""
        spot = self.session.place(number, x, y, self.canvas.bounds())
        zone = self.session.zone(number)
        if spot is None or zone is None:
            self._say(self.image_message, self.tr("Load a plan image first."), error=True)
            return False
        self.canvas.put(zone, spot)
        self.select_zone(number)
        self._changed()
        return True

    def select_zone(self, number: int) -> None:
        """Select a zone in the list and on the plan, bringing its level into view."""
        spot = self.session.spots.get(number)
        if spot is not None and spot.level != self.session.current:
            self.level_box.setCurrentIndex(self.level_box.findData(spot.level))
        row = self.zones.row_of(number)
        if row is not None and self.zone_list.currentIndex().row() != row:
            self.zone_list.setCurrentIndex(self.zones.index(row))
        self.canvas.select(number)

    def selected_zone(self) -> int | None:
        index = self.zone_list.currentIndex()
        return index.data(ZONE_NUMBER_ROLE) if index.isValid() else None

    @Slot()
    def unplace_selected(self) -> None:
        number = self.selected_zone()
        if number is None or not self.session.unplace(number):
            return
        self.canvas.remove(number)
        self._changed()

    @Slot(int, QPointF)
    def _on_zone_moved(self, number: int, pos: QPointF) -> None:
        self.session.move(number, pos.x(), pos.y())
        self._changed()

    @Slot(int, QPointF)
    def _on_zone_dropped(self, number: int, pos: QPointF) -> None:
        self.place_zone(number, pos.x(), pos.y())

    @Slot(QModelIndex, QModelIndex)
    def _on_zone_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self.canvas.syncing:
            self.select_zone(current.data(ZONE_NUMBER_ROLE))

    @Slot(int)
    def _on_level_chosen(self, index: int) -> None:
        self._show_level(self.level_box.itemData(index) if index >= 0 else None)

    # --- levels -------------------------------------------------------------------------------

    def load_image(self, path: str | Path, new_level: bool = False) -> bool:
        """Put the image at `path` on the level shown (or on a new level above the others)."""
        try:
            content, image = read_plan_image(Path(path))
        except OSError as exc:
            self._say(
                self.image_message,
                self.tr("The file cannot be read: %1").replace("%1", exc.strerror or str(exc)),
                True,
            )
            return False
        except PlanError as exc:
            self._say(self.image_message, plan_problem_text(exc), error=True)
            return False
        if plan_background(FloorPlan(0, 0, "", image.media_type, content)) is None:
            self._say(self.image_message, self.tr("The plan image could not be read."), error=True)
            return False
        off = self.session.put_image(content, image, new_level)
        message = self.tr("Zones %1 were off the new image: place them again.") if off else ""
        self._say(self.image_message, message.replace("%1", ", ".join(map(str, off))))
        self._fill_levels()
        return True

    def rename_level(self, name: str) -> bool:
        try:
            changed = self.session.rename(name)
        except PlanError as exc:
            self._say(self.image_message, plan_problem_text(exc), error=True)
            return False
        if changed:
            self._fill_levels()
        return True

    @Slot()
    def delete_level(self) -> None:
        """Drop the level shown; its zones become unplaced (nothing is stored before Save)."""
        if self.session.delete_current():
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
        level = self.session.level(self.session.current)
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

    @Slot()
    def save(self) -> bool:
        """Store every change in one go; on a refusal, say why next to Save and keep the edits."""
        try:
            stored = self.session.save(self._operator)
        except PlanEditRefused:
            refused = self.tr("Only a supervisor or an administrator can change floor plans.")
            self._say(self.save_message, refused, error=True)
            return False
        except PlanError as exc:
            self._say(self.save_message, plan_problem_text(exc), error=True)
            if exc.zone is not None:
                self.select_zone(exc.zone)
            return False
        except DatabaseUnavailable as exc:
            message = self.tr("The database cannot be reached; nothing was saved. (%1)").replace(
                "%1", str(exc)
            )
            self._say(self.save_message, message, error=True)
            return False
        if stored is None:
            self._say(self.save_message, self.tr("Nothing to save."))
            return True
        self._show_session()
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

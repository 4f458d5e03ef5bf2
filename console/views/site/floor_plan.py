"""Floor plans of a site with its zones drawn on top; tripped zones stand out.

One tab per level. The plan itself (SVG or image) is the background; each zone is a live item
placed at its stored position, coloured by its state, so the operator sees at a glance where in
the building the detectors tripped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QByteArray, QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainter, QPen, QPixmap, QPolygonF, QWheelEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from console.domain.site import DetectorType, FloorPlan, Zone
from console.views.formatting import format_time
from console.views.palette import IDLE_ZONE, PATH_COLOUR, TRIPPED_ZONE

ZONE_RADIUS = 12.0

_DETECTOR_GLYPH: dict[DetectorType, str] = {
    DetectorType.PIR: "IR",
    DetectorType.DUAL_TECH: "DT",
    DetectorType.DOOR_CONTACT: "OP",
    DetectorType.GLASS_BREAK: "BV",
    DetectorType.SHOCK: "CH",
    DetectorType.SMOKE: "DF",
    DetectorType.HEAT: "TH",
    DetectorType.PANIC_BUTTON: "AG",
    DetectorType.KEYPAD: "CL",
    DetectorType.WATER_LEAK: "EA",
    DetectorType.TECHNICAL: "TE",
    DetectorType.SIREN: "SI",
    DetectorType.BEAM: "BA",
}


def plan_background(plan: FloorPlan) -> QGraphicsItem | None:
    """The plan's image as an item at the origin, one scene unit per image pixel (zone positions
    are stored in those units); None when the image cannot be read. Shared with the plan editor."""
    if plan.media_type == "image/svg+xml":
        item = QGraphicsSvgItem()
        # Parented to the item, so it lives as long as the item: setSharedRenderer does not own it.
        renderer = QSvgRenderer(QByteArray(plan.content), item)
        if not renderer.isValid():
            return None
        item.setSharedRenderer(renderer)
        return item
    pixmap = QPixmap()
    if not pixmap.loadFromData(plan.content):
        return None
    return QGraphicsPixmapItem(pixmap)


@dataclass(frozen=True, slots=True)
class PathStep:
    """One trip of the alarm path: which zone, when."""

    zone: int
    at: datetime


class ZoneItem(QGraphicsEllipseItem):
    """A detector on the plan: number inside, detector kind beside it, red when tripped."""

    def __init__(self, zone: Zone) -> None:
        r = ZONE_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.zone = zone
        self.tripped = False
        self.setPos(zone.x or 0.0, zone.y or 0.0)
        self.setZValue(10)
        self.setToolTip(f"{zone.number} — {zone.name} ({zone.detector_type.value})")
        self._halo = QGraphicsEllipseItem(-2.2 * r, -2.2 * r, 4.4 * r, 4.4 * r, self)
        self._halo.setPen(QPen(Qt.PenStyle.NoPen))
        self._halo.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self._number = QGraphicsSimpleTextItem(str(zone.number), self)
        font = QFont("DejaVu Sans", 9)
        font.setBold(True)
        self._number.setFont(font)
        bounds = self._number.boundingRect()
        self._number.setPos(-bounds.width() / 2, -bounds.height() / 2)
        self._glyph = QGraphicsSimpleTextItem(_DETECTOR_GLYPH.get(zone.detector_type, "?"), self)
        self._glyph.setFont(QFont("DejaVu Sans", 7))
        self._glyph.setPos(r * 0.8, -r * 1.6)
        self.set_tripped(False)

    def set_flash_phase(self, on: bool) -> None:
        """Blink the halo of a tripped zone the operator has not acknowledged yet."""
        self._halo.setVisible(self.tripped and on)

    def set_tripped(self, tripped: bool) -> None:
        self.tripped = tripped
        colour = TRIPPED_ZONE if tripped else IDLE_ZONE
        self.setBrush(QBrush(colour if tripped else QColor("white")))
        self.setPen(QPen(colour, 2.5))
        self._number.setBrush(QBrush(QColor("white") if tripped else colour))
        self._glyph.setBrush(QBrush(colour))
        halo = QColor(TRIPPED_ZONE)
        halo.setAlpha(70)
        self._halo.setBrush(QBrush(halo))
        self._halo.setVisible(tripped)


PATH_LABEL_PT = 10
"""Path labels (number and time) in scene points: at the minimum zoom they are this size on screen."""

MIN_READABLE_SCALE = 1.0
"""Fitting never shrinks the plan below this: path numbers and times stay readable (10 pt); a large
plan is then centred on the alarm's zones and scrolls."""

ZOOM_STEP = 1.25


class PlanGraphicsView(QGraphicsView):
    """Zoom with the wheel (around the cursor) or + / - / 0 (fit), pan by dragging; fits the plan when
    shown, never below a readable scale."""

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor("#f5f5f5")))
        self._user_zoomed = False
        # where the alarm is (its tripped zones and path): kept in view at the minimum zoom
        self.focus_rect: Callable[[], QRectF | None] = lambda: None

    @property
    def zoom_level(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self.scale(factor, factor)
        self._user_zoomed = True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.2 if event.angleDelta().y() > 0 else 1 / 1.2
        self.scale(factor, factor)
        self._user_zoomed = True

    def fit(self) -> None:
        self._user_zoomed = False
        rect = self.scene().itemsBoundingRect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-10, -10, 10, 10), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom_level < MIN_READABLE_SCALE:
            self.resetTransform()
            self.scale(MIN_READABLE_SCALE, MIN_READABLE_SCALE)
            self.centerOn((self.focus_rect() or rect).center())

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if not self._user_zoomed:
            self.fit()


class FloorPlanWidget(QWidget):
    """Level tabs over a plan view."""

    level_shown = Signal(int)

    def __init__(self, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.setObjectName("floor_plan")
        self._lang = lang
        self.tabs = QTabBar()
        self.tabs.setObjectName("plan_levels")
        self.scene = QGraphicsScene(self)
        self.view = PlanGraphicsView(self.scene)
        self.view.focus_rect = self._alarm_rect
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.view)  # Alt+1 / F6 in the site window land on the plan itself
        self.placeholder = QLabel(self.tr("No floor plan for this site."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.view)
        layout.addWidget(self.placeholder)
        self._plans: list[FloorPlan] = []
        self._zones: list[Zone] = []
        self._tripped: set[int] = set()
        self.zone_items: dict[int, ZoneItem] = {}
        self._path: list[PathStep] = []
        self.acknowledged = True  # tripped zones flash until the operator acknowledges them
        self._flash_on = True
        self._flash_timer = QTimer(self)
        self._flash_timer.setObjectName("plan_tripped_zones_flash")
        self._flash_timer.setInterval(500)
        self._flash_timer.timeout.connect(self._on_flash)
        self._shown_steps: int | None = None  # during a replay, how many steps are drawn so far
        self._replay_timer = QTimer(self)
        self._replay_timer.setObjectName("plan_alarm_path_replay")
        self._replay_timer.setInterval(900)
        self._replay_timer.timeout.connect(self._on_replay_step)
        self.path_items: list[QGraphicsItem] = []  # segments and numbered step labels now drawn
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.set_site([], [])

    def set_site(self, plans: Sequence[FloorPlan], zones: Sequence[Zone]) -> None:
        self._plans = sorted(plans, key=lambda p: p.level)
        self._zones = list(zones)
        self._tripped = set()
        self.acknowledge()
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for plan in self._plans:
            self.tabs.addTab(plan.name or self.tr("Level %1").replace("%1", str(plan.level)))
        self.tabs.blockSignals(False)
        has_plans = bool(self._plans)
        self.tabs.setVisible(len(self._plans) > 1)
        self.view.setVisible(has_plans)
        self.placeholder.setVisible(not has_plans)
        if has_plans:
            self.tabs.setCurrentIndex(0)
            self._show(0)
        else:
            self._clear_scene()

    @property
    def tripped_zones(self) -> list[int]:
        """The zones now highlighted, in order: what an acknowledgement is about."""
        return sorted(self._tripped)

    def set_tripped(self, zone_numbers: Iterable[int]) -> None:
        """Highlight these zones and bring the level of the first one into view; new trips flash."""
        tripped = set(zone_numbers)
        if tripped - self._tripped:
            self.acknowledged = False
            self._flash_timer.start()
        self._tripped = tripped
        first_plan = next(
            (z.plan_id for z in self._zones if z.number in self._tripped and z.plan_id is not None), None
        )
        index = next((i for i, p in enumerate(self._plans) if p.id == first_plan), None)
        if index is not None and index != self.tabs.currentIndex():
            self.tabs.setCurrentIndex(index)  # redraws through _on_tab_changed
        for number, item in self.zone_items.items():
            item.set_tripped(number in self._tripped)

    def acknowledge(self) -> None:
        """The operator has seen the tripped zones: stop flashing, keep them highlighted."""
        self.acknowledged = True
        self._flash_timer.stop()
        for item in self.zone_items.values():
            item.set_flash_phase(True)

    def _on_flash(self) -> None:
        self._flash_on = not self._flash_on
        for item in self.zone_items.values():
            item.set_flash_phase(self._flash_on)

    def set_path(self, steps: Sequence[PathStep]) -> None:
        """Draw the alarm path: trips numbered in time order, joined by arrows, with their times."""
        self._path = sorted(steps, key=lambda s: s.at)
        self._draw_path()

    def replay(self) -> None:
        """Replay the path one trip at a time, as the intruder walked it."""
        if not self._path:
            return
        self._shown_steps = 0
        self._draw_path()
        self._replay_timer.start()

    @property
    def replaying(self) -> bool:
        return self._replay_timer.isActive()

    def _on_replay_step(self) -> None:
        assert self._shown_steps is not None
        self._shown_steps += 1
        if self._shown_steps >= len(self._path):
            self._shown_steps = None
            self._replay_timer.stop()
        self._draw_path()

    def _draw_path(self) -> None:
        for drawn in self.path_items:
            if drawn.scene() is self.scene:
                self.scene.removeItem(drawn)
        self.path_items = []
        previous: ZoneItem | None = None
        shown = self._path if self._shown_steps is None else self._path[: self._shown_steps]
        for number, step in enumerate(shown, start=1):
            item = self.zone_items.get(step.zone)
            if item is None:  # on another level: the numbering goes on, the line starts again there
                previous = None
                continue
            if previous is not None and previous is not item:
                self._add_segment(previous.pos(), item.pos())
            label = QGraphicsSimpleTextItem(f"{number}  {format_time(step.at, self._lang)}")
            font = QFont("DejaVu Sans")
            font.setPointSizeF(PATH_LABEL_PT)
            font.setBold(True)
            label.setFont(font)
            label.setBrush(QBrush(PATH_COLOUR))
            label.setPos(item.pos() + QPointF(ZONE_RADIUS + 4, 4 + 14 * self._labels_near(item)))
            label.setZValue(12)
            self.scene.addItem(label)
            self.path_items.append(label)
            previous = item

    def _labels_near(self, item: ZoneItem) -> int:
        """How many path labels already sit by this zone (a zone tripped twice gets two lines)."""
        return sum(
            1
            for other in self.path_items
            if isinstance(other, QGraphicsSimpleTextItem)
            and (other.pos() - item.pos()).manhattanLength() < 60
        )

    def _add_segment(self, start: QPointF, end: QPointF) -> None:
        line = QLineF(start, end)
        if line.length() < 2 * ZONE_RADIUS:
            return
        shortened = QLineF(
            line.pointAt(ZONE_RADIUS / line.length()), line.pointAt(1 - ZONE_RADIUS / line.length())
        )
        pen = QPen(PATH_COLOUR, 3, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap)
        segment = self.scene.addLine(shortened, pen)
        segment.setZValue(9)
        head = QPolygonF()
        angle = math.atan2(-shortened.dy(), shortened.dx())
        tip = shortened.p2()
        for delta in (math.pi / 7, -math.pi / 7):
            head.append(tip)
            head.append(tip - QPointF(math.cos(angle + delta) * 12, -math.sin(angle + delta) * 12))
        arrow = self.scene.addPolygon(head, QPen(PATH_COLOUR, 3), QBrush(PATH_COLOUR))
        arrow.setZValue(9)
        self.path_items.extend([segment, arrow])

    def current_plan(self) -> FloorPlan | None:
        index = self.tabs.currentIndex()
        return self._plans[index] if 0 <= index < len(self._plans) else None

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(self._plans):
            self._show(index)

    def _show(self, index: int) -> None:
        plan = self._plans[index]
        self._clear_scene()
        background = self._background(plan)
        if background is None:
            self.scene.addText(self.tr("The plan image could not be read."))
        else:
            self.scene.addItem(background)
            self.scene.setSceneRect(background.boundingRect())
        for zone in self._zones:
            if zone.plan_id == plan.id and zone.x is not None and zone.y is not None:
                item = ZoneItem(zone)
                item.set_tripped(zone.number in self._tripped)
                self.scene.addItem(item)
                self.zone_items[zone.number] = item
        self._draw_path()
        self.view.fit()
        self.level_shown.emit(plan.level)

    def _alarm_rect(self) -> QRectF | None:
        """The tripped zones and the path on this level: what a large plan keeps in view."""
        rect: QRectF | None = None
        for number, item in self.zone_items.items():
            if number in self._tripped or any(step.zone == number for step in self._path):
                box = item.sceneBoundingRect()
                rect = box if rect is None else rect.united(box)
        return rect

    def _clear_scene(self) -> None:
        """Empty the scene and forget every item it owned: `clear()` deletes them on the C++ side,
        so a Python list still naming them (the path's labels) would point at freed objects."""
        self.path_items = []
        self.zone_items = {}
        self.scene.clear()

    def _background(self, plan: FloorPlan) -> QGraphicsItem | None:
        return plan_background(plan)

    def scene_rect(self) -> QRectF:
        return self.scene.sceneRect()

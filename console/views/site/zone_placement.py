"""The plan editor's parts: the zone list that drags, the zone items that move, the view they drop on."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QKeyEvent,
    QPainter,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QListView,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from console.domain.site import Zone
from console.services.plan_editing import Spot
from console.views.palette import IDLE_ZONE
from console.views.site.floor_plan import ZONE_RADIUS, PlanGraphicsView, ZoneItem

ZONE_MIME = "application/x-vigie-zone"
ZONE_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1
UNPLACED = QColor("#ef6c00")
SELECTED_RING = QColor("#ff6f00")
_Index = QModelIndex | QPersistentModelIndex


def _dot(colour: QColor, filled: bool) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 2, Qt.PenStyle.SolidLine if filled else Qt.PenStyle.DotLine))
    painter.setBrush(QBrush(QColor("white") if filled else Qt.GlobalColor.transparent))
    painter.drawEllipse(2, 2, 10, 10)
    painter.end()
    return QIcon(pixmap)


class ZoneListModel(QAbstractListModel):
    """The site's zones beside the plan: placed ones say on which level, unplaced ones stand out.

    Rows drag onto the plan as the zone number (ZONE_MIME)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zones: list[Zone] = []
        self._spots: Mapping[int, Spot | None] = {}
        self._level_names: Mapping[int, str] = {}
        self._current: int | None = None
        self._icons = {True: _dot(IDLE_ZONE, True), False: _dot(UNPLACED, False)}

    def set_zones(self, zones: Sequence[Zone]) -> None:
        self.beginResetModel()
        self._zones = sorted(zones, key=lambda z: z.number)
        self.endResetModel()

    def set_spots(self, spots: Mapping[int, Spot | None], level_names: Mapping[int, str]) -> None:
        self._spots, self._level_names = spots, level_names
        if self._zones:
            self.dataChanged.emit(self.index(0), self.index(len(self._zones) - 1))

    def set_current_level(self, level: int | None) -> None:
        """Zones on other levels than the one shown say which; unplaced ones always say so."""
        self._current = level
        self.set_spots(self._spots, self._level_names)

    def row_of(self, number: int) -> int | None:
        return next((row for row, z in enumerate(self._zones) if z.number == number), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._zones)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._zones):
            return None
        zone = self._zones[index.row()]
        spot = self._spots.get(zone.number)
        elsewhere = spot is not None and spot.level != self._current
        where = self.tr("not placed") if spot is None else self._level_names.get(spot.level, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{zone.number} — {zone.name}" + (f" · {where}" if spot is None or elsewhere else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{zone.number} — {zone.name} ({zone.detector_type.value}) · {where}"
        if role == Qt.ItemDataRole.ForegroundRole and elsewhere:
            return QBrush(QColor("#78909c"))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons[spot is not None]
        if role == Qt.ItemDataRole.ForegroundRole and spot is None:
            return QBrush(UNPLACED)
        if role == ZONE_NUMBER_ROLE:
            return zone.number
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def mimeTypes(self) -> list[str]:
        return [ZONE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = [i.row() for i in indexes if i.isValid()]
        if rows:
            mime.setData(ZONE_MIME, str(self._zones[rows[0]].number).encode())
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class ZoneListView(QListView):
    """The zone list beside the plan: one zone chosen at a time, dragged from here onto the plan."""

    def __init__(self, model: ZoneListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan_zones")
        self.setModel(model)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # elide long names


def dropped_zone(mime: QMimeData) -> int | None:
    if not mime.hasFormat(ZONE_MIME):
        return None
    text = bytes(mime.data(ZONE_MIME).data()).decode(errors="replace")
    return int(text) if text.isdigit() else None


class PlacedZoneItem(ZoneItem):
    """A zone on the editor's plan: moved by mouse or arrow keys, never off the image."""

    def __init__(self, zone: Zone, moved: Callable[[int, QPointF], None]) -> None:
        super().__init__(zone)
        self._moved = moved
        r = ZONE_RADIUS * 1.6
        self._ring = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r, self)
        self._ring.setPen(QPen(SELECTED_RING, 3))
        self._ring.hide()
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCursor(Qt.CursorShape.SizeAllCursor)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        scene = self.scene()
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and scene is not None:
            rect = scene.sceneRect()
            return QPointF(
                min(max(value.x(), rect.left()), rect.right()), min(max(value.y(), rect.top()), rect.bottom())
            )
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self._moved(self.zone.number, self.pos())
        elif change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._ring.setVisible(bool(value))
        return super().itemChange(change, value)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        option.state &= ~QStyle.StateFlag.State_Selected  # the ring shows the selection, not a dashed box
        super().paint(painter, option, widget)


class PlanEditorView(PlanGraphicsView):
    """Takes zones dropped from the list; Ctrl+wheel or +/- zoom, 0 fits, arrows nudge (Shift: ×10)."""

    zone_dropped = Signal(int, QPointF)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("plan_editor_view")
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_zone(event.mimeData()) is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_zone(event.mimeData()) is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        number = dropped_zone(event.mimeData())
        if number is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.zone_dropped.emit(number, self.mapToScene(event.position().toPoint()))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)  # zoom around the cursor
        else:
            QGraphicsView.wheelEvent(self, event)  # scroll

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if 0.05 <= scale <= 40:
            self.scale(factor, factor)
            self._user_zoomed = True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        selected = [i for i in self.scene().selectedItems() if isinstance(i, PlacedZoneItem)]
        if key in steps and selected:
            step = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            dx, dy = steps[Qt.Key(key)]
            for item in selected:
                item.setPos(item.pos() + QPointF(dx * step, dy * step))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / 1.25)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

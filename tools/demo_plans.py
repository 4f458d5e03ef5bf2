"""Drawing primitives for the demo plans (see make_demo_data.py): rectangles, walls, doors, windows,
fixtures and labels, written as the SVG Tiny subset QtSvg renders (presentation attributes only).

Standard library only; imported by the scripts in this folder, which run with ``tools/`` on the path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

Point = tuple[float, float]
Side = Literal["n", "s", "e", "w"]

# --------------------------------------------------------------------------------------------
# Drawing style
# --------------------------------------------------------------------------------------------

OUTER_WALL = 8.0
INNER_WALL = 4.0
WALL_COLOUR = "#2b2b2b"
FLOOR_COLOUR = "#fcfcf9"
PAGE_COLOUR = "#ffffff"
LABEL_COLOUR = "#454545"
THIN_COLOUR = "#555555"
FIXTURE_FILL = "#eeeeea"
FIXTURE_STROKE = "#9a9a92"
FONT = "DejaVu Sans, Arial, sans-serif"
KAPPA = 0.5523  # cubic Bézier approximation of a quarter circle (SVG Tiny has no arc command)


def _num(value: float) -> str:
    """Format a coordinate compactly: at most one decimal, no trailing zero."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _element(tag: str, text: str | None = None, **attributes: object) -> str:
    """One SVG element; keyword ``stroke_width`` becomes the attribute ``stroke-width``."""
    parts = [tag]
    for key, value in attributes.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        rendered = _num(value) if isinstance(value, float) else str(value)
        parts.append(f"{name}={quoteattr(rendered)}")
    opening = "<" + " ".join(parts)
    if text is None:
        return opening + "/>"
    return f"{opening}>{escape(text)}</{tag}>"


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle in SVG user units (y grows downwards, north is up)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def x2(self) -> float:
        return self.x + self.w

    @property
    def y2(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def at(self, fx: float, fy: float) -> Point:
        """The point at fractions (fx, fy) of the width and height."""
        return (self.x + fx * self.w, self.y + fy * self.h)

    def corner(self, which: str, inset: float = 20.0) -> Point:
        """A point just inside one corner ("nw", "ne", "sw", "se"): where a PIR is mounted."""
        x = self.x + inset if "w" in which else self.x2 - inset
        y = self.y + inset if "n" in which else self.y2 - inset
        return (x, y)

    def contains(self, point: Point, margin: float = 0.0) -> bool:
        x, y = point
        return self.x + margin <= x <= self.x2 - margin and self.y + margin <= y <= self.y2 - margin


@dataclass(slots=True)
class _Segment:
    """A straight wall piece on one axis; ``cut_a``/``cut_b`` say an end was cut by an opening."""

    horizontal: bool
    pos: float
    a: float
    b: float
    thickness: float
    cut_a: bool = False
    cut_b: bool = False


@dataclass(frozen=True, slots=True)
class Opening:
    """A door or window in a wall: where it is, how wide, and the point a detector would sit at."""

    horizontal: bool  # True when the wall runs along x
    pos: float  # the wall line: y for a horizontal wall, x for a vertical one
    a: float
    b: float

    @property
    def centre(self) -> Point:
        middle = (self.a + self.b) / 2
        return (middle, self.pos) if self.horizontal else (self.pos, middle)

    def inside(self, room: Rect, depth: float = 16.0) -> Point:
        """The opening's centre moved ``depth`` units into ``room``."""
        x, y = self.centre
        if self.horizontal:
            return (x, y + depth if room.cy > y else y - depth)
        return (x + depth if room.cx > x else x - depth, y)


def _merge(intervals: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1] + 0.5:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _subtract(segment: _Segment, a: float, b: float) -> list[_Segment]:
    """The parts of ``segment`` outside [a, b], remembering which ends an opening made."""
    if b <= segment.a or a >= segment.b:
        return [segment]
    pieces = []
    if a > segment.a + 0.5:
        pieces.append(
            _Segment(segment.horizontal, segment.pos, segment.a, a, segment.thickness, segment.cut_a, True)
        )
    if b < segment.b - 0.5:
        pieces.append(
            _Segment(segment.horizontal, segment.pos, b, segment.b, segment.thickness, True, segment.cut_b)
        )
    return pieces


class Plan:
    """One level of a building, drawn as an architectural plan.

    Rooms are rectangles whose edges become inner walls (merged and cut by doors); the outline is
    a rectilinear polygon drawn as the thick outer wall. Rooms are kept by key so zones can be
    placed relative to them.
    """

    def __init__(
        self,
        code: str,
        site_name: str,
        level: int,
        level_name: str,
        width: int,
        height: int,
        outline: Sequence[Point],
    ) -> None:
        self.code = code
        self.site_name = site_name
        self.level = level
        self.level_name = level_name
        self.width = width
        self.height = height
        self.outline = list(outline)
        xs = [p[0] for p in outline]
        ys = [p[1] for p in outline]
        self.bounds = Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        self.rooms: dict[str, Rect] = {"building": self.bounds}
        self.openings: dict[str, Opening] = {}
        self._inner: list[_Segment] = []
        self._gaps: list[Opening] = []
        self._ground: list[str] = []  # outside areas, drawn under the building
        self._fixtures: list[str] = []
        self._windows: list[str] = []
        self._doors: list[str] = []
        self._marks: list[str] = []  # stairs, lifts, hatchings over the floor
        self._labels: list[str] = []

    @classmethod
    def rectangular(
        cls, code: str, site_name: str, level: int, level_name: str, width: int, height: int, building: Rect
    ) -> Plan:
        corners = [
            (building.x, building.y),
            (building.x2, building.y),
            (building.x2, building.y2),
            (building.x, building.y2),
        ]
        return cls(code, site_name, level, level_name, width, height, corners)

    @property
    def file_name(self) -> str:
        return f"{self.code}-{self.level}.svg"

    # --- building parts -------------------------------------------------------------------

    def room(
        self,
        key: str,
        label: str,
        rect: Rect,
        *,
        walls: bool = True,
        label_at: Point | None = None,
        size: float = 14.0,
    ) -> Rect:
        """Add a room: its edges become walls (unless ``walls`` is False) and its label is centred."""
        if key in self.rooms:
            raise ValueError(f"{self.code} level {self.level}: room {key!r} defined twice")
        self.rooms[key] = rect
        if walls:
            self.wall(rect.x, rect.y, rect.x2, rect.y)
            self.wall(rect.x, rect.y2, rect.x2, rect.y2)
            self.wall(rect.x, rect.y, rect.x, rect.y2)
            self.wall(rect.x2, rect.y, rect.x2, rect.y2)
        if label:
            x, y = label_at if label_at else (rect.cx, rect.cy)
            self.label(label, x, y, size=size, max_width=rect.w - 14)
        return rect

    def wall(self, x1: float, y1: float, x2: float, y2: float, thickness: float = INNER_WALL) -> None:
        """An inner wall along one axis."""
        if y1 == y2:
            self._inner.append(_Segment(True, y1, min(x1, x2), max(x1, x2), thickness))
        elif x1 == x2:
            self._inner.append(_Segment(False, x1, min(y1, y2), max(y1, y2), thickness))
        else:
            raise ValueError("walls run along x or y")

    def _opening(self, room: str, side: Side, offset: float, width: float) -> Opening:
        """The opening ``width`` wide on ``side`` of ``room``; ``offset`` from the side's start
        (west or north end), or a fraction of the side when below 1 (its centre then)."""
        rect = self.rooms[room]
        horizontal = side in ("n", "s")
        length = rect.w if horizontal else rect.h
        start = (offset * length - width / 2) if offset < 1 else offset
        origin = rect.x if horizontal else rect.y
        pos = {"n": rect.y, "s": rect.y2, "w": rect.x, "e": rect.x2}[side]
        return Opening(horizontal, pos, origin + start, origin + start + width)

    def door(
        self,
        key: str,
        room: str,
        side: Side,
        offset: float = 0.5,
        width: float = 36.0,
        *,
        swing: Literal["in", "out"] = "in",
        hinge: Literal["start", "end"] = "start",
        kind: Literal["swing", "double", "sliding", "sectional", "opening"] = "swing",
    ) -> Opening:
        """A door on one side of a room; ``swing`` into or out of the room, hinged at the start
        (west/north jamb) or end. ``sectional`` is a roller or dock door, ``opening`` a bare bay."""
        opening = self._opening(room, side, offset, width)
        self.openings[key] = opening
        self._gaps.append(opening)
        into = 1.0 if side in ("n", "w") else -1.0  # direction (along the normal) pointing into room
        direction = into if swing == "in" else -into
        if kind == "swing":
            self._leaf(
                opening,
                opening.a if hinge == "start" else opening.b,
                direction,
                1.0 if hinge == "start" else -1.0,
                opening.b - opening.a,
            )
        elif kind == "double":
            half = (opening.b - opening.a) / 2
            self._leaf(opening, opening.a, direction, 1.0, half)
            self._leaf(opening, opening.b, direction, -1.0, half)
        elif kind == "sliding":
            self._sliding(opening)
        elif kind == "sectional":
            self._sectional(opening)
        return opening

    def window(self, room: str, side: Side, offset: float = 0.5, width: float = 60.0) -> Opening:
        """A window (thin double line with the glazing between) in the outer wall."""
        opening = self._opening(room, side, offset, width)
        self._gaps.append(opening)
        t = OUTER_WALL
        a, b, pos = opening.a, opening.b, opening.pos
        if opening.horizontal:
            self._windows.append(
                _element("rect", x=a, y=pos - t / 2, width=b - a, height=t, fill=PAGE_COLOUR)
            )
            for dy in (-t / 2, 0.0, t / 2):
                width_ = 0.8 if dy == 0.0 else 1.2
                self._windows.append(
                    _element(
                        "line", x1=a, y1=pos + dy, x2=b, y2=pos + dy, stroke=WALL_COLOUR, stroke_width=width_
                    )
                )
            for x in (a, b):
                self._windows.append(
                    _element(
                        "line",
                        x1=x,
                        y1=pos - t / 2,
                        x2=x,
                        y2=pos + t / 2,
                        stroke=WALL_COLOUR,
                        stroke_width=1.2,
                    )
                )
        else:
            self._windows.append(
                _element("rect", x=pos - t / 2, y=a, width=t, height=b - a, fill=PAGE_COLOUR)
            )
            for dx in (-t / 2, 0.0, t / 2):
                width_ = 0.8 if dx == 0.0 else 1.2
                self._windows.append(
                    _element(
                        "line", x1=pos + dx, y1=a, x2=pos + dx, y2=b, stroke=WALL_COLOUR, stroke_width=width_
                    )
                )
            for y in (a, b):
                self._windows.append(
                    _element(
                        "line",
                        x1=pos - t / 2,
                        y1=y,
                        x2=pos + t / 2,
                        y2=y,
                        stroke=WALL_COLOUR,
                        stroke_width=1.2,
                    )
                )
        return opening

    def windows(self, room: str, side: Side, count: int, width: float = 56.0) -> list[Opening]:
        """``count`` windows evenly spread along one outer side of a room."""
        return [self.window(room, side, (i + 0.5) / count, width) for i in range(count)]

    def _leaf(self, opening: Opening, hinge: float, direction: float, towards: float, length: float) -> None:
        """A door leaf drawn open at 90° from ``hinge`` plus its quarter-circle swing."""
        pos = opening.pos
        other = hinge + towards * length
        if opening.horizontal:
            hx, hy = hinge, pos
            leaf_end = (hinge, pos + direction * length)
            c1 = (hinge + towards * KAPPA * length, pos + direction * length)
            c2 = (other, pos + direction * KAPPA * length)
            end = (other, pos)
        else:
            hx, hy = pos, hinge
            leaf_end = (pos + direction * length, hinge)
            c1 = (pos + direction * length, hinge + towards * KAPPA * length)
            c2 = (pos + direction * KAPPA * length, other)
            end = (pos, other)
        self._doors.append(
            _element(
                "line", x1=hx, y1=hy, x2=leaf_end[0], y2=leaf_end[1], stroke=WALL_COLOUR, stroke_width=2.0
            )
        )
        d = (
            f"M {_num(leaf_end[0])} {_num(leaf_end[1])} C {_num(c1[0])} {_num(c1[1])} "
            f"{_num(c2[0])} {_num(c2[1])} {_num(end[0])} {_num(end[1])}"
        )
        self._doors.append(_element("path", d=d, fill="none", stroke=THIN_COLOUR, stroke_width=0.9))

    def _sliding(self, opening: Opening) -> None:
        """An automatic sliding door: two glass panels overlapping in the opening."""
        a, b, pos = opening.a, opening.b, opening.pos
        half = (b - a) / 2
        for start, shift in ((a, -2.5), (a + half - 4, 2.5)):
            if opening.horizontal:
                self._doors.append(
                    _element(
                        "rect",
                        x=start,
                        y=pos + shift - 1.5,
                        width=half + 4,
                        height=3.0,
                        fill="#dfe9f0",
                        stroke=WALL_COLOUR,
                        stroke_width=1.0,
                    )
                )
            else:
                self._doors.append(
                    _element(
                        "rect",
                        x=pos + shift - 1.5,
                        y=start,
                        width=3.0,
                        height=half + 4,
                        fill="#dfe9f0",
                        stroke=WALL_COLOUR,
                        stroke_width=1.0,
                    )
                )

    def _sectional(self, opening: Opening) -> None:
        """A roller or sectional door: a dashed line across the bay."""
        a, b, pos = opening.a, opening.b, opening.pos
        if opening.horizontal:
            self._doors.append(
                _element(
                    "line",
                    x1=a,
                    y1=pos,
                    x2=b,
                    y2=pos,
                    stroke=WALL_COLOUR,
                    stroke_width=2.0,
                    stroke_dasharray="6,4",
                )
            )
        else:
            self._doors.append(
                _element(
                    "line",
                    x1=pos,
                    y1=a,
                    x2=pos,
                    y2=b,
                    stroke=WALL_COLOUR,
                    stroke_width=2.0,
                    stroke_dasharray="6,4",
                )
            )

    def stairs(self, rect: Rect, *, vertical: bool = True, steps: int = 10, up: bool = True) -> None:
        """A flight of stairs: treads across the run and an arrow towards the top."""
        self._marks.append(
            _element(
                "rect",
                x=rect.x,
                y=rect.y,
                width=rect.w,
                height=rect.h,
                fill="#f4f4f0",
                stroke=THIN_COLOUR,
                stroke_width=1.0,
            )
        )
        for i in range(1, steps):
            if vertical:
                y = rect.y + rect.h * i / steps
                self._marks.append(
                    _element("line", x1=rect.x, y1=y, x2=rect.x2, y2=y, stroke=THIN_COLOUR, stroke_width=0.8)
                )
            else:
                x = rect.x + rect.w * i / steps
                self._marks.append(
                    _element("line", x1=x, y1=rect.y, x2=x, y2=rect.y2, stroke=THIN_COLOUR, stroke_width=0.8)
                )
        if vertical:
            start, end = (rect.cx, rect.y2 - 6), (rect.cx, rect.y + 8)
            head = f"{_num(end[0] - 5)},{_num(end[1] + 9)} {_num(end[0])},{_num(end[1])} {_num(end[0] + 5)},{_num(end[1] + 9)}"
        else:
            start, end = (rect.x + 6, rect.cy), (rect.x2 - 8, rect.cy)
            head = f"{_num(end[0] - 9)},{_num(end[1] - 5)} {_num(end[0])},{_num(end[1])} {_num(end[0] - 9)},{_num(end[1] + 5)}"
        if not up:
            start, end = end, start
        self._marks.append(
            _element(
                "line", x1=start[0], y1=start[1], x2=end[0], y2=end[1], stroke=WALL_COLOUR, stroke_width=1.2
            )
        )
        if up:
            self._marks.append(
                _element("polyline", points=head, fill="none", stroke=WALL_COLOUR, stroke_width=1.2)
            )

    def lift(self, rect: Rect) -> None:
        """A lift shaft: a box with its diagonals."""
        self._marks.append(
            _element(
                "rect",
                x=rect.x,
                y=rect.y,
                width=rect.w,
                height=rect.h,
                fill="#f4f4f0",
                stroke=WALL_COLOUR,
                stroke_width=2.0,
            )
        )
        self._marks.append(
            _element(
                "line", x1=rect.x, y1=rect.y, x2=rect.x2, y2=rect.y2, stroke=THIN_COLOUR, stroke_width=0.8
            )
        )
        self._marks.append(
            _element(
                "line", x1=rect.x2, y1=rect.y, x2=rect.x, y2=rect.y2, stroke=THIN_COLOUR, stroke_width=0.8
            )
        )

    def fixture(
        self,
        rect: Rect,
        label: str = "",
        *,
        fill: str = FIXTURE_FILL,
        rounded: float = 0.0,
        size: float = 10.0,
    ) -> None:
        """Furniture or equipment drawn light (counters, shelving, machines, beds, vehicles)."""
        self._fixtures.append(
            _element(
                "rect",
                x=rect.x,
                y=rect.y,
                width=rect.w,
                height=rect.h,
                rx=rounded or None,
                fill=fill,
                stroke=FIXTURE_STROKE,
                stroke_width=1.0,
            )
        )
        if label:
            self._fixture_label(label, rect, size)

    def _fixture_label(self, label: str, rect: Rect, size: float) -> None:
        if rect.h > rect.w * 1.6 and len(label) * size * 0.6 > rect.w:
            cx, cy = rect.cx, rect.cy
            self._fixtures.append(
                _element(
                    "text",
                    label,
                    x=cx,
                    y=cy + size * 0.35,
                    font_family=FONT,
                    font_size=size,
                    fill="#77776f",
                    text_anchor="middle",
                    transform=f"rotate(-90 {_num(cx)} {_num(cy)})",
                )
            )
        else:
            self._fixtures.append(
                _element(
                    "text",
                    label,
                    x=rect.cx,
                    y=rect.cy + size * 0.35,
                    font_family=FONT,
                    font_size=size,
                    fill="#77776f",
                    text_anchor="middle",
                )
            )

    def ground(
        self,
        rect: Rect,
        label: str = "",
        *,
        fill: str = "#f3f3ef",
        stroke: str | None = None,
        dashed: bool = False,
        size: float = 12.0,
        label_at: Point | None = None,
    ) -> None:
        """An outside area (garden, parking, yard, street) drawn under the building."""
        self._ground.append(
            _element(
                "rect",
                x=rect.x,
                y=rect.y,
                width=rect.w,
                height=rect.h,
                fill=fill,
                stroke=stroke,
                stroke_width=1.0 if stroke else None,
                stroke_dasharray="8,5" if dashed else None,
            )
        )
        if label:
            x, y = label_at if label_at else (rect.cx, rect.cy)
            self._ground.append(
                _element(
                    "text",
                    label,
                    x=x,
                    y=y + size * 0.35,
                    font_family=FONT,
                    font_size=size,
                    font_style="italic",
                    fill="#808078",
                    text_anchor="middle",
                )
            )

    def fence(self, points: Sequence[Point]) -> None:
        """A perimeter fence (dashed polyline)."""
        pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
        self._ground.append(
            _element(
                "polyline",
                points=pts,
                fill="none",
                stroke="#6f6f66",
                stroke_width=1.6,
                stroke_dasharray="10,4,2,4",
            )
        )

    def outline_path(self, points: Sequence[Point], *, dashed: bool = True, label: str = "") -> None:
        """A dashed outline over the floor (canopy, mezzanine edge, roof overhang)."""
        pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in [*points, points[0]])
        self._marks.append(
            _element(
                "polyline",
                points=pts,
                fill="none",
                stroke=THIN_COLOUR,
                stroke_width=1.2,
                stroke_dasharray="9,5" if dashed else None,
            )
        )
        if label:
            xs = [p[0] for p in points]
            self._labels.append(
                _element(
                    "text",
                    label,
                    x=sum(xs) / len(xs),
                    y=min(p[1] for p in points) + 16,
                    font_family=FONT,
                    font_size=11.0,
                    fill="#77776f",
                    text_anchor="middle",
                    font_style="italic",
                )
            )

    def label(
        self,
        text: str,
        x: float,
        y: float,
        *,
        size: float = 14.0,
        max_width: float = 10_000.0,
        colour: str = LABEL_COLOUR,
        bold: bool = False,
    ) -> None:
        """A room label centred on (x, y): shrunk, then split on two lines, to fit ``max_width``."""
        lines = [text]
        while size > 11 and _text_width(text, size) > max_width:
            size -= 1
        if _text_width(text, size) > max_width and " " in text:
            words = text.split(" ")
            best = min(
                range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:])))
            )
            lines = [" ".join(words[:best]), " ".join(words[best:])]
        step = size * 1.2
        top = y - step * (len(lines) - 1) / 2
        for i, line in enumerate(lines):
            self._labels.append(
                _element(
                    "text",
                    line,
                    x=x,
                    y=top + i * step + size * 0.35,
                    font_family=FONT,
                    font_size=size,
                    fill=colour,
                    text_anchor="middle",
                    font_weight="bold" if bold else None,
                )
            )

    def street(self, text: str, x: float, y: float, *, vertical: bool = False) -> None:
        """The name of the street along a façade (italic, grey)."""
        transform = f"rotate(-90 {_num(x)} {_num(y)})" if vertical else None
        self._labels.append(
            _element(
                "text",
                text,
                x=x,
                y=y,
                font_family=FONT,
                font_size=12.0,
                fill="#7a7a72",
                font_style="italic",
                text_anchor="middle",
                transform=transform,
            )
        )

    # --- output ---------------------------------------------------------------------------

    def _walls(self) -> list[str]:
        outer: list[_Segment] = []
        n = len(self.outline)
        for i in range(n):
            (x1, y1), (x2, y2) = self.outline[i], self.outline[(i + 1) % n]
            if y1 == y2:
                outer.append(_Segment(True, y1, min(x1, x2), max(x1, x2), OUTER_WALL))
            elif x1 == x2:
                outer.append(_Segment(False, x1, min(y1, y2), max(y1, y2), OUTER_WALL))
            else:
                raise ValueError(f"{self.code}: the outline must be rectilinear")
        groups: dict[tuple[bool, float, float], list[tuple[float, float]]] = {}
        for seg in self._inner:
            groups.setdefault((seg.horizontal, round(seg.pos, 1), seg.thickness), []).append((seg.a, seg.b))
        inner: list[_Segment] = []
        for (horizontal, pos, thickness), intervals in sorted(groups.items()):
            for a, b in _merge(intervals):
                pieces = [_Segment(horizontal, pos, a, b, thickness)]
                for o in outer:  # an inner wall lying on the outer wall is the outer wall
                    if o.horizontal == horizontal and abs(o.pos - pos) < 1:
                        pieces = [p for piece in pieces for p in _subtract(piece, o.a, o.b)]
                inner.extend(pieces)
        out: list[str] = []
        for segments in (inner, outer):
            for gap in self._gaps:
                segments[:] = [
                    piece
                    for seg in segments
                    for piece in (
                        _subtract(seg, gap.a, gap.b)
                        if seg.horizontal == gap.horizontal and abs(seg.pos - gap.pos) < 1
                        else [seg]
                    )
                ]
            for seg in segments:
                t = seg.thickness
                ext_a = min(t, OUTER_WALL) / 2 if self._on_outer(seg, seg.a, outer) else t / 2
                ext_b = min(t, OUTER_WALL) / 2 if self._on_outer(seg, seg.b, outer) else t / 2
                a = seg.a if seg.cut_a else seg.a - ext_a
                b = seg.b if seg.cut_b else seg.b + ext_b
                if seg.horizontal:
                    out.append(
                        _element("rect", x=a, y=seg.pos - t / 2, width=b - a, height=t, fill=WALL_COLOUR)
                    )
                else:
                    out.append(
                        _element("rect", x=seg.pos - t / 2, y=a, width=t, height=b - a, fill=WALL_COLOUR)
                    )
        return out

    @staticmethod
    def _on_outer(seg: _Segment, end: float, outer: Sequence[_Segment]) -> bool:
        """Whether the end of an inner wall at ``end`` (along its axis) meets the outer wall."""
        return any(
            o.horizontal != seg.horizontal and abs(o.pos - end) < 1 and o.a - 1 <= seg.pos <= o.b + 1
            for o in outer
        )

    def _title_block(self) -> list[str]:
        w, h = 330.0, 58.0
        x, y = self.width - w - 16, self.height - h - 14
        mid = x + 250
        return [
            _element(
                "rect", x=x, y=y, width=w, height=h, fill="#ffffff", stroke=WALL_COLOUR, stroke_width=1.2
            ),
            _element("line", x1=x, y1=y + 24, x2=x + w, y2=y + 24, stroke=WALL_COLOUR, stroke_width=0.8),
            _element("line", x1=mid, y1=y + 24, x2=mid, y2=y + h, stroke=WALL_COLOUR, stroke_width=0.8),
            _element(
                "text",
                _fit(self.site_name, 13.0, w - 12),
                x=x + 6,
                y=y + 17,
                font_family=FONT,
                font_size=13.0,
                font_weight="bold",
                fill="#222222",
            ),
            _element(
                "text",
                f"Niveau : {self.level_name}",
                x=x + 6,
                y=y + 40,
                font_family=FONT,
                font_size=12.0,
                fill=LABEL_COLOUR,
            ),
            _element(
                "text",
                "Plan indicatif — échelle non contractuelle",
                x=x + 6,
                y=y + 53,
                font_family=FONT,
                font_size=9.0,
                fill="#777777",
            ),
            _element(
                "text",
                self.code,
                x=mid + (w - 250) / 2,
                y=y + 40,
                font_family=FONT,
                font_size=11.0,
                font_weight="bold",
                fill=LABEL_COLOUR,
                text_anchor="middle",
            ),
            _element(
                "text",
                f"niv. {self.level}",
                x=mid + (w - 250) / 2,
                y=y + 53,
                font_family=FONT,
                font_size=9.0,
                fill="#777777",
                text_anchor="middle",
            ),
        ]

    def _north_arrow(self) -> list[str]:
        cx, top = 34.0, self.height - 70.0
        return [
            _element(
                "path",
                d=f"M {_num(cx)} {_num(top)} L {_num(cx + 10)} {_num(top + 34)} L {_num(cx)} "
                f"{_num(top + 27)} Z",
                fill=WALL_COLOUR,
                stroke=WALL_COLOUR,
                stroke_width=1.0,
            ),
            _element(
                "path",
                d=f"M {_num(cx)} {_num(top)} L {_num(cx - 10)} {_num(top + 34)} L {_num(cx)} "
                f"{_num(top + 27)} Z",
                fill="#ffffff",
                stroke=WALL_COLOUR,
                stroke_width=1.0,
            ),
            _element(
                "text",
                "N",
                x=cx,
                y=top + 52,
                font_family=FONT,
                font_size=14.0,
                font_weight="bold",
                fill=WALL_COLOUR,
                text_anchor="middle",
            ),
        ]

    def svg(self) -> str:
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{self.width}" height="{self.height}" '
            f'viewBox="0 0 {self.width} {self.height}">',
            f"<title>{escape(self.site_name)} — {escape(self.level_name)}</title>",
            _element("rect", x=0.0, y=0.0, width=self.width, height=self.height, fill=PAGE_COLOUR),
            '<g id="ground">',
            *self._ground,
            "</g>",
            '<g id="floor">',
            _element(
                "path",
                d="M " + " L ".join(f"{_num(x)} {_num(y)}" for x, y in self.outline) + " Z",
                fill=FLOOR_COLOUR,
                stroke="none",
            ),
            *self._fixtures,
            *self._marks,
            "</g>",
            '<g id="walls">',
            *self._walls(),
            *self._windows,
            "</g>",
            '<g id="doors">',
            *self._doors,
            "</g>",
            '<g id="labels">',
            *self._labels,
            "</g>",
            '<g id="cartouche">',
            *self._title_block(),
            *self._north_arrow(),
            "</g>",
            "</svg>",
            "",
        ]
        return "\n".join(parts)


def _text_width(text: str, size: float) -> float:
    """Rough width of ``text`` in DejaVu Sans at ``size`` (average advance ~0.6 em)."""
    return len(text) * size * 0.6


def _fit(text: str, size: float, width: float) -> str:
    """Shorten ``text`` with an ellipsis so it fits ``width``."""
    limit = int(width / (size * 0.62))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Bay:
    """One room of a corridor floor: key, label, width (0: share the rest), door and windows."""

    key: str
    label: str
    width: float = 0.0
    door: Literal["swing", "double", "sliding", "sectional", "opening", "none"] = "swing"
    windows: int = 1
    door_at: float = 14.0
    hinge: Literal["start", "end"] = "start"


def corridor_floor(
    plan: Plan,
    building: Rect,
    y: float,
    depth: float,
    north: Sequence[Bay],
    south: Sequence[Bay],
    *,
    label: str = "Couloir",
    label_x: float | None = None,
) -> Rect:
    """Lay out a floor as rooms north and south of a corridor running west-east.

    Each bay gets a door on the corridor and windows on its façade; a bay of width 0 takes an
    equal share of what the fixed widths leave. Returns the corridor (room key ``couloir``).
    """
    corridor = plan.room("couloir", "", Rect(building.x, y, building.w, depth), walls=False)
    rows: tuple[tuple[Sequence[Bay], float, float, Side, Side], ...] = (
        (north, building.y, y - building.y, "s", "n"),
        (south, y + depth, building.y2 - y - depth, "n", "s"),
    )
    for bays, top, height, to_corridor, facade in rows:
        flexible = [bay for bay in bays if not bay.width]
        rest = (building.w - sum(bay.width for bay in bays)) / max(1, len(flexible))
        x = building.x
        for bay in bays:
            width = bay.width or rest
            plan.room(bay.key, bay.label, Rect(x, top, width, height))
            if bay.door != "none":
                door_width = {"double": 64.0, "opening": 70.0}.get(bay.door, 36.0)
                plan.door(
                    f"{bay.key}-porte",
                    bay.key,
                    to_corridor,
                    bay.door_at,
                    door_width,
                    kind=bay.door,
                    hinge=bay.hinge,
                )
            if bay.windows:
                plan.windows(bay.key, facade, bay.windows, width=min(56.0, width / (bay.windows + 1)))
            x += width
    plan.label(
        label, label_x if label_x is not None else corridor.cx, corridor.cy, size=12.0, colour="#6a6a62"
    )
    return corridor

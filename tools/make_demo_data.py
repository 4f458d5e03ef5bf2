#!/usr/bin/env python3
"""Generate the demo station data loaded by ``vigie demo``: French monitored sites with floor plans.

Writes, relative to the repository root:

* ``resources/demo/sites.json``: the sites, each with its transmitter (DC-09 account, line,
  protocol, periodic test interval, optional audio module), floor plans, zones placed on the
  plans, ordered contacts and the customer's procedures (consignes) per event category;
* ``resources/demo/plans/<CODE>-<level>.svg``: one architectural plan per level, drawn with the
  SVG elements QtSvg renders (rect, line, polyline, path, text, g) and presentation attributes only.

The plans show the building (walls, doors with their swing, windows, stairs, fixtures, room labels,
a title block and a north arrow) but never the detectors: the console draws zones as live items on
top, at the (x, y) stored for each zone, in the plan's SVG user units (``width``/``height`` equal
the ``viewBox`` so scene and SVG units coincide).

The output is deterministic: the few choices made "at random" (names, phone numbers, passwords)
come from ``random.Random`` seeded with the site code, so running the script twice gives
byte-identical files. Everything is fictitious: company and person names are invented, phone
numbers are taken from the ranges the French regulator (ARCEP) reserves for fiction
(01 99 00, 02 61 91, 03 53 73, 04 65 71, 05 36 49, 06 39 98), IP addresses from 192.0.2.0/24
(RFC 5737). Street addresses and coordinates are real places, so the map view looks right.

Usage: ``python tools/make_demo_data.py [--out resources/demo]`` (standard library only).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
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


# --------------------------------------------------------------------------------------------
# Sites
# --------------------------------------------------------------------------------------------

DETECTOR_TYPES = (
    "pir",
    "dual_tech",
    "door_contact",
    "glass_break",
    "shock",
    "smoke",
    "heat",
    "panic_button",
    "keypad",
    "water_leak",
    "technical",
    "siren",
    "beam",
)
INTRUSION_TYPES = frozenset({"pir", "dual_tech", "door_contact", "glass_break", "shock", "beam"})


@dataclass(frozen=True, slots=True)
class Person:
    """A contact to call: the role has a masculine and feminine form ("Gérant|Gérante");
    an ``organisation`` is named as such instead of a person."""

    role: str
    availability: str = "24h/24"
    accessibility_needs: str = ""
    organisation: str = ""
    landline: bool = False
    sip_uri: str | None = None


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """Everything about a site that is not drawn: identity, address, transmitter, people, rules."""

    code: str
    name: str
    builder: Callable[[SiteBuilder], None]
    address: str
    postcode: str
    city: str
    latitude: float
    longitude: float
    risk_class: int
    street: str
    notes: str
    people: tuple[Person, ...]
    accessibility_needs: str = ""
    audio: bool = False
    protocol: Literal["ADM-CID", "SIA-DCS"] = "ADM-CID"
    line: str = "1"
    extra_procedures: tuple[str, ...] = ()
    occupied_at_night: bool = False
    site_steps: dict[str, str] = field(default_factory=dict)  # category -> one site-specific step


class SiteBuilder:
    """Collects the plans and numbered zones of one site while its builder draws it."""

    def __init__(self, info: SiteInfo) -> None:
        self.info = info
        self.plans: list[Plan] = []
        self.zones: list[dict[str, Any]] = []

    def level(self, level: int, name: str, width: int, height: int, building: Rect | Sequence[Point]) -> Plan:
        if isinstance(building, Rect):
            plan = Plan.rectangular(self.info.code, self.info.name, level, name, width, height, building)
        else:
            plan = Plan(self.info.code, self.info.name, level, name, width, height, building)
        self.plans.append(plan)
        return plan

    def zone(self, plan: Plan, name: str, detector: str, point: Point) -> None:
        """Add the next zone (numbers follow the call order, so intrusion paths follow it too)."""
        if detector not in DETECTOR_TYPES:
            raise ValueError(f"{self.info.code}: unknown detector type {detector!r}")
        x, y = point
        if not (0 <= x <= plan.width and 0 <= y <= plan.height):
            raise ValueError(f"{self.info.code}: zone {name!r} at {point} is off the plan")
        self.zones.append(
            {
                "number": len(self.zones) + 1,
                "name": name,
                "detector_type": detector,
                "level": plan.level,
                "x": round(float(x), 1),
                "y": round(float(y), 1),
            }
        )


def sidewalk(plan: Plan, street: str, y: float, *, x1: float = 0.0, x2: float | None = None) -> None:
    """The pavement and street name along a south façade at ``y``."""
    right = x2 if x2 is not None else plan.width
    plan.ground(Rect(x1, y, right - x1, 30), fill="#f0f0ea")
    plan.street(street, (x1 + right) / 2, y + 20)


def ceiling(room: Rect) -> Point:
    """Where a ceiling detector (smoke, heat) sits: above the room's label, off its centre."""
    return (room.cx, room.cy - min(34.0, room.h * 0.28))


# --------------------------------------------------------------------------------------------
# Building templates: shops
# --------------------------------------------------------------------------------------------

SHOP = Rect(70, 50, 860, 430)


def _shop(s: SiteBuilder, back: Sequence[tuple[str, str, float]], depth: float) -> tuple[Plan, Rect]:
    """A shop: one open sales floor on the street (south) with back rooms along the north wall."""
    p = s.level(0, "Rez-de-chaussée", 1000, 620, SHOP)
    sidewalk(p, s.info.street, SHOP.y2)
    x = SHOP.x
    for key, label, width in back:
        p.room(key, label, Rect(x, SHOP.y, width, depth))
        x += width
    sales = p.room("vente", "", Rect(SHOP.x, SHOP.y + depth, SHOP.w, SHOP.h - depth), walls=False)
    return p, sales


def build_pharmacy(s: SiteBuilder) -> None:
    p, sales = _shop(
        s,
        [
            ("reserve", "Réserve", 260),
            ("prep", "Préparatoire", 190),
            ("bureau", "Bureau", 160),
            ("vestiaire", "Vestiaire", 130),
            ("wc", "Sanitaires", 120),
        ],
        150,
    )
    r = p.rooms
    p.label("Espace de vente", 500, 405)
    p.fixture(Rect(300, 228, 420, 30), "Comptoir")
    p.fixture(Rect(82, 232, 22, 196), "Parapharmacie")
    p.fixture(Rect(896, 232, 22, 196), "Orthopédie")
    p.fixture(Rect(300, 312, 150, 26), "Gondole")
    p.fixture(Rect(570, 312, 150, 26), "Gondole")
    p.fixture(Rect(120, 58, 190, 20), "Rayonnages")
    p.fixture(Rect(350, 58, 150, 26), "Paillasse")
    entrance = p.door("entree", "building", "s", 0.5, 80, kind="sliding")
    west = p.window("building", "s", 0.22, 200)
    p.window("building", "s", 0.78, 200)
    p.door("reserve-porte", "reserve", "s", 0.8, hinge="end")
    p.door("prep-porte", "prep", "s", 0.3)
    p.door("bureau-porte", "bureau", "s", 0.5)
    p.door("vestiaire-porte", "vestiaire", "s", 0.5)
    p.door("wc-porte", "wc", "w", 0.6, 32)
    service = p.door("service", "reserve", "w", 0.5, 40, swing="out")
    p.window("prep", "n", 0.75, 50)
    p.window("bureau", "n", 0.5, 60)
    p.street("Cour intérieure", 30, 125, vertical=True)
    s.zone(p, "Porte d'entrée automatique", "door_contact", entrance.centre)
    s.zone(p, "Vitrine ouest", "glass_break", west.inside(sales, 18))
    s.zone(p, "Espace de vente", "dual_tech", sales.corner("sw", 22))
    s.zone(p, "Réserve", "pir", r["reserve"].corner("se"))
    s.zone(p, "Porte de service (cour)", "door_contact", service.centre)
    s.zone(p, "Préparatoire", "pir", r["prep"].corner("ne"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Clavier d'entrée", "keypad", (entrance.b + 26, sales.y2 - 18))
    s.zone(p, "Bouton d'agression comptoir", "panic_button", (640.0, 243.0))
    s.zone(p, "Fumée réserve", "smoke", ceiling(r["reserve"]))
    s.zone(p, "Réfrigérateur vaccins (température)", "technical", r["prep"].at(0.25, 0.72))
    s.zone(p, "Sirène intérieure", "siren", sales.at(0.86, 0.62))


def build_jeweller(s: SiteBuilder) -> None:
    p, sales = _shop(
        s,
        [
            ("atelier", "Atelier", 210),
            ("salon", "Salon privé", 170),
            ("bureau", "Bureau", 200),
            ("coffre", "Coffre-fort", 140),
            ("wc", "Sanitaires", 140),
        ],
        160,
    )
    r = p.rooms
    vault = r["coffre"]
    for x1, y1, x2, y2 in (
        (vault.x, vault.y, vault.x, vault.y2),
        (vault.x2, vault.y, vault.x2, vault.y2),
        (vault.x, vault.y2, vault.x2, vault.y2),
    ):
        p.wall(x1, y1, x2, y2, thickness=12.0)
    sas = p.room("sas", "SAS", Rect(450, 400, 100, 80), size=12.0)
    p.label("Salle d'exposition", 250, 392)
    p.fixture(Rect(380, 250, 240, 34), "Comptoir")
    p.fixture(Rect(130, 300, 180, 40), "Vitrine")
    p.fixture(Rect(690, 300, 180, 40), "Vitrine")
    p.fixture(Rect(82, 250, 20, 140), "Vitrines murales", size=9.0)
    p.fixture(Rect(898, 250, 20, 140), "Vitrines murales", size=9.0)
    p.fixture(Rect(90, 62, 170, 30), "Établi")
    p.fixture(Rect(294, 64, 86, 40), "Table", rounded=6.0)
    outer = p.door("sas-ext", "sas", "s", 0.5, 48)
    inner = p.door("sas-int", "sas", "n", 0.5, 48, swing="out")
    west = p.window("building", "s", 0.2, 200)
    p.window("building", "s", 0.8, 200)
    p.door("atelier-porte", "atelier", "s", 0.5)
    p.door("salon-porte", "salon", "s", 0.5)
    p.door("bureau-porte", "bureau", "s", 0.3)
    vault_door = p.door("coffre-porte", "coffre", "w", 0.82, 32)
    p.door("wc-porte", "wc", "s", 0.5)
    p.window("atelier", "n", 0.7, 60)
    p.window("bureau", "n", 0.5, 60)
    s.zone(p, "Vitrine façade ouest", "glass_break", west.inside(sales, 18))
    s.zone(p, "Porte extérieure du SAS", "door_contact", outer.centre)
    s.zone(p, "Porte intérieure du SAS", "door_contact", inner.centre)
    s.zone(p, "Salle d'exposition", "dual_tech", sales.corner("nw", 18))
    s.zone(p, "Vitrines d'exposition", "shock", (220.0, 320.0))
    s.zone(p, "Atelier", "pir", r["atelier"].corner("sw"))
    s.zone(p, "Salon privé", "pir", r["salon"].corner("ne"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Porte du coffre", "door_contact", vault_door.centre)
    s.zone(p, "Coffre-fort (sismique)", "shock", vault.at(0.6, 0.3))
    s.zone(p, "Clavier", "keypad", (sas.x2 + 22, sas.y + 14))
    s.zone(p, "Bouton d'agression comptoir", "panic_button", (590.0, 267.0))
    s.zone(p, "Pédale d'agression bureau", "panic_button", r["bureau"].at(0.5, 0.72))
    s.zone(p, "Fumée atelier", "smoke", (235.0, 160.0))
    s.zone(p, "Sirène flash", "siren", sales.corner("se", 18))


def build_tobacco(s: SiteBuilder) -> None:
    p, sales = _shop(
        s,
        [
            ("reserve", "Réserve", 250),
            ("bureau", "Bureau", 180),
            ("wc", "Sanitaires", 110),
            ("stock", "Stock presse", 320),
        ],
        150,
    )
    r = p.rooms
    p.label("Espace de vente", 250, 400)
    p.fixture(Rect(560, 236, 330, 34), "Comptoir tabac")
    p.fixture(Rect(600, 204, 300, 14))
    p.fixture(Rect(82, 230, 24, 200), "Présentoir presse")
    p.fixture(Rect(300, 320, 150, 30), "Jeux FDJ")
    p.fixture(Rect(560, 340, 200, 26), "Cadeaux, vapotage", size=9.0)
    p.fixture(Rect(440, 140, 50, 40), "Coffre", size=9.0)
    entrance = p.door("entree", "building", "s", 0.35, 70, kind="double")
    p.window("building", "s", 0.15, 160)
    p.window("building", "s", 0.72, 260)
    p.door("reserve-porte", "reserve", "s", 0.5)
    p.door("bureau-porte", "bureau", "s", 0.5)
    p.door("wc-porte", "wc", "s", 0.5)
    p.door("stock-porte", "stock", "s", 38.0)
    back = p.door("arriere", "reserve", "n", 0.5, 40, swing="out")
    p.window("stock", "n", 0.5, 60)
    s.zone(p, "Rideau métallique (choc)", "shock", (entrance.a - 26, sales.y2 - 10))
    s.zone(p, "Porte d'entrée", "door_contact", entrance.centre)
    s.zone(p, "Espace de vente", "dual_tech", sales.corner("sw", 24))
    s.zone(p, "Arrière-comptoir", "pir", (900.0, 226.0))
    s.zone(p, "Stock presse", "pir", r["stock"].corner("ne"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Coffre (sismique)", "shock", (465.0, 160.0))
    s.zone(p, "Réserve", "pir", r["reserve"].corner("ne"))
    s.zone(p, "Porte arrière (cour)", "door_contact", back.centre)
    s.zone(p, "Clavier", "keypad", (entrance.b + 24, sales.y2 - 18))
    s.zone(p, "Bouton d'agression caisse", "panic_button", (860.0, 253.0))
    s.zone(p, "Fumée réserve", "smoke", ceiling(r["reserve"]))
    s.zone(p, "Sirène intérieure", "siren", sales.at(0.9, 0.7))


def build_bakery(s: SiteBuilder) -> None:
    p, sales = _shop(
        s,
        [
            ("fournil", "Fournil", 380),
            ("froid", "Chambre froide", 130),
            ("farine", "Réserve farine", 140),
            ("vestiaire", "Vestiaire", 110),
            ("wc", "Sanitaires", 100),
        ],
        200,
    )
    r = p.rooms
    p.label("Boutique", 500, 410)
    p.fixture(Rect(90, 62, 150, 60), "Four", fill="#e8e1d6")
    p.fixture(Rect(250, 70, 60, 60), "Pétrin", rounded=28.0)
    p.fixture(Rect(370, 62, 70, 60), "Pousse", size=9.0)
    p.fixture(Rect(120, 170, 250, 34), "Plan de travail")
    p.fixture(Rect(240, 290, 420, 34), "Vitrine réfrigérée")
    p.fixture(Rect(660, 290, 80, 34), "Caisse")
    p.fixture(Rect(240, 262, 500, 12))
    entrance = p.door("entree", "building", "s", 0.5, 44)
    west = p.window("building", "s", 0.2, 220)
    p.window("building", "s", 0.8, 220)
    p.door("fournil-porte", "fournil", "s", 0.85, 40, hinge="end")
    p.door("froid-porte", "froid", "w", 0.5, swing="out")
    p.door("farine-porte", "farine", "s", 0.5)
    p.door("vestiaire-porte", "vestiaire", "s", 0.5)
    p.door("wc-porte", "wc", "w", 0.7, 32)
    delivery = p.door("livraison", "fournil", "n", 0.72, 40, swing="out")
    p.window("vestiaire", "n", 0.5, 40)
    s.zone(p, "Porte d'entrée", "door_contact", entrance.centre)
    s.zone(p, "Vitrine ouest", "glass_break", west.inside(sales, 18))
    s.zone(p, "Boutique", "pir", sales.corner("nw", 22))
    s.zone(p, "Fournil", "dual_tech", r["fournil"].corner("se", 22))
    s.zone(p, "Porte de livraison", "door_contact", delivery.centre)
    s.zone(p, "Clavier", "keypad", (entrance.b + 24, sales.y2 - 18))
    s.zone(p, "Bouton d'agression caisse", "panic_button", (700.0, 307.0))
    s.zone(p, "Fournil (thermovélocimétrique)", "heat", (340.0, 120.0))
    s.zone(p, "Fumée réserve farine", "smoke", ceiling(r["farine"]))
    s.zone(p, "Chambre froide (température)", "technical", r["froid"].at(0.5, 0.3))
    s.zone(p, "Sirène intérieure", "siren", sales.corner("ne", 22))


def stair_well(p: Plan, room: str, *, up: bool = True, lift: bool = False) -> Rect:
    """Stairs drawn in the western part of a stair room, the label (and a lift) beside them."""
    r = p.rooms[room]
    stairs = Rect(r.x + 10, r.y + 12, min(48.0, r.w * 0.42), r.h - 44)
    p.stairs(stairs, up=up)
    if lift:
        p.lift(Rect(r.x2 - 46, r.y + 12, 36, 36))
    p.label("Escalier", (stairs.x2 + r.x2) / 2 if not lift else r.cx, r.y2 - 16, size=11.0, max_width=r.w - 8)
    return stairs


def bed(p: Plan, room: str, head: Side = "n", label: str = "") -> None:
    """A bed with its head against the ``head`` wall of a room."""
    r = p.rooms[room]
    y = r.y + 12 if head == "n" else r.y2 - 82
    p.fixture(Rect(r.cx - 26, y, 52, 70), label, rounded=4.0)


# --------------------------------------------------------------------------------------------
# Building templates: banks, warehouses, public buildings, offices
# --------------------------------------------------------------------------------------------


def build_bank(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1000, 620, Rect(60, 50, 880, 460))
    sidewalk(p, s.info.street, 510)
    r = p.rooms
    vault = p.room("coffres", "Salle des coffres", Rect(60, 50, 240, 130))
    p.wall(vault.x2, vault.y, vault.x2, vault.y2, thickness=12.0)
    p.wall(vault.x, vault.y2, vault.x2, vault.y2, thickness=12.0)
    p.room("technique", "Local technique", Rect(300, 50, 130, 130))
    p.room("wc", "Sanitaires", Rect(430, 50, 110, 130))
    p.room("pause", "Salle de pause", Rect(540, 50, 180, 130))
    p.room("archives", "Archives", Rect(720, 50, 220, 130))
    corridor = p.room("couloir", "", Rect(60, 180, 880, 60), walls=False)
    p.label("Circulation back-office", 800, 210, size=12.0, colour="#6a6a62")
    p.room("dab", "Local DAB (coffre)", Rect(60, 240, 240, 130))
    p.room("libre", "Libre-service bancaire", Rect(60, 370, 240, 140))
    hall = p.room("accueil", "Accueil clientèle", Rect(300, 240, 400, 270), label_at=(420, 370))
    sas = p.room("sas", "SAS", Rect(450, 430, 100, 80), size=12.0)
    p.room("directeur", "Bureau du directeur", Rect(700, 240, 240, 90), label_at=(800, 302), size=13.0)
    p.room("conseil1", "Bureau conseiller 1", Rect(700, 330, 240, 90), label_at=(800, 392), size=13.0)
    p.room("conseil2", "Bureau conseiller 2", Rect(700, 420, 240, 90), label_at=(800, 482), size=13.0)
    p.fixture(Rect(70, 60, 220, 22), "Coffres clients")
    p.fixture(Rect(90, 340, 140, 24), "Coffre DAB")
    p.fixture(Rect(90, 376, 50, 20), "DAB", size=9.0)
    p.fixture(Rect(170, 376, 50, 20), "DAB", size=9.0)
    p.fixture(Rect(330, 262, 160, 30), "Guichet")
    p.fixture(Rect(560, 360, 110, 24), "Attente")
    for y in (250.0, 340.0, 430.0):
        p.fixture(Rect(846, y, 70, 26), "Bureau", size=9.0)
    outer = p.door("sas-ext", "sas", "s", 0.5, 64, kind="sliding")
    inner = p.door("sas-int", "sas", "n", 0.5, 64, kind="sliding")
    p.door("libre-ext", "libre", "s", 0.5, 70, kind="sliding")
    vault_door = p.door("coffres-porte", "coffres", "s", 0.5, 40)
    for key in ("technique", "wc", "pause", "archives"):
        p.door(f"{key}-porte", key, "s", 0.5)
    p.door("dab-porte", "dab", "n", 0.5)
    back_office = p.door("back-office", "accueil", "n", 0.85, 40, swing="out", hinge="end")
    for key in ("directeur", "conseil1", "conseil2"):
        p.door(f"{key}-porte", key, "w", 0.5)
    p.door("secours", "couloir", "e", 0.5, 44, swing="out")
    p.window("accueil", "s", 0.18, 90)
    p.window("accueil", "s", 0.82, 90)
    p.window("libre", "w", 0.5, 70)
    for key in ("directeur", "conseil1", "conseil2"):
        p.window(key, "e", 0.5, 50)
    p.window("conseil2", "s", 0.5, 80)
    p.window("pause", "n", 0.5, 60)
    p.window("archives", "n", 0.5, 60)
    s.zone(p, "Porte extérieure du SAS", "door_contact", outer.centre)
    s.zone(p, "Porte intérieure du SAS", "door_contact", inner.centre)
    s.zone(p, "Accueil clientèle", "dual_tech", hall.corner("se"))
    s.zone(p, "Bureau conseiller 2", "pir", r["conseil2"].corner("se"))
    s.zone(p, "Bureau conseiller 1", "pir", r["conseil1"].corner("ne"))
    s.zone(p, "Bureau du directeur", "pir", r["directeur"].corner("se"))
    s.zone(p, "Porte back-office", "door_contact", back_office.centre)
    s.zone(p, "Circulation back-office", "pir", corridor.corner("nw", 22))
    s.zone(p, "Porte de la salle des coffres", "door_contact", vault_door.centre)
    s.zone(p, "Salle des coffres", "dual_tech", vault.corner("se", 24))
    s.zone(p, "Coffres clients (sismique)", "shock", (130.0, 71.0))
    s.zone(p, "Coffre DAB (sismique)", "shock", (250.0, 352.0))
    s.zone(p, "Clavier", "keypad", (sas.x - 22, sas.y + 14))
    s.zone(p, "Bouton d'agression guichet", "panic_button", (472.0, 277.0))
    s.zone(p, "Pédale d'agression bureau du directeur", "panic_button", (881.0, 263.0))
    s.zone(p, "Fumée local technique", "smoke", ceiling(r["technique"]))


def build_warehouse(s: SiteBuilder) -> None:
    building = Rect(60, 60, 860, 480)
    p = s.level(0, "Entrepôt", 1150, 680, building)
    r = p.rooms
    p.ground(Rect(924, 40, 196, 536), "Cour camions", label_at=(1040, 520))
    p.fence([(1000, 580), (40, 580), (40, 30), (1130, 30), (1130, 580), (1085, 580)])
    p.label("Portail", 1042, 596, size=11.0, colour="#77776f")
    p.street(s.info.street, 420, 604)
    p.room("escalier", "", Rect(60, 400, 60, 140))
    p.stairs(Rect(66, 410, 48, 120))
    p.room("accueil", "Accueil chauffeurs", Rect(120, 400, 110, 140))
    p.room("bureau", "Bureau d'exploitation", Rect(230, 400, 120, 140))
    p.room("vestiaires", "Vestiaires", Rect(350, 400, 100, 70), size=12.0)
    p.room("wc", "Sanitaires", Rect(350, 470, 100, 70), size=12.0)
    p.room("charge", "Local de charge", Rect(450, 440, 130, 100))
    p.room("sprinkler", "Local sprinkler", Rect(580, 460, 100, 80), size=12.0)
    for i in range(5):
        p.fixture(Rect(100, 96 + i * 58, 560, 20), "Racks de stockage" if i == 0 else "")
    p.label("Hall de stockage", 380, 374, size=16.0)
    p.outline_path([(722, 70), (910, 70), (910, 530), (722, 530)], label="Quai de chargement")
    p.label("Zone de préparation", 816, 300, size=12.0, colour="#6a6a62")
    p.fixture(Rect(470, 500, 36, 24), "", fill="#e4e4dc")
    p.fixture(Rect(520, 500, 36, 24), "", fill="#e4e4dc")
    p.door("escalier-porte", "escalier", "e", 0.5, 36, kind="opening")
    entrance = p.door("entree", "accueil", "s", 0.5, 40)
    inner = p.door("accueil-hall", "accueil", "n", 0.5, 40, swing="out")
    p.door("bureau-porte", "bureau", "w", 0.35)
    p.door("vestiaires-porte", "vestiaires", "n", 0.5)
    p.door("wc-porte", "wc", "n", 0.5, 32)
    p.door("charge-porte", "charge", "n", 0.5, 80, kind="sectional")
    p.door("sprinkler-porte", "sprinkler", "s", 0.5, 36, swing="out")
    docks = [
        p.door(f"quai-{i}", "building", "e", f, 64, kind="sectional")
        for i, f in enumerate((0.2, 0.4, 0.6, 0.8), start=1)
    ]
    for dock in docks:
        _, y = dock.centre
        p.fixture(Rect(924, y - 30, 24, 60), "", fill="#e2e2da")
    for dock in docks[:2]:
        _, y = dock.centre
        p.fixture(Rect(960, y - 26, 150, 52), "Semi-remorque", rounded=4.0, fill="#e9ecef")
    p.door("secours-ouest", "building", "w", 0.3, 44, swing="out")
    p.door("secours-nord", "building", "n", 0.45, 44, swing="out")
    p.window("bureau", "s", 0.5, 60)
    p.windows("building", "n", 4, 70)
    s.zone(p, "Barrière infrarouge portail", "beam", (1042.0, 566.0))
    s.zone(p, "Barrière infrarouge cour camions", "beam", (1112.0, 300.0))
    s.zone(p, "Porte de quai n°2", "door_contact", docks[1].centre)
    s.zone(p, "Quai de chargement", "dual_tech", (744.0, 112.0))
    s.zone(p, "Hall de stockage — allée centrale", "dual_tech", (690.0, 193.0))
    s.zone(p, "Hall de stockage — ouest", "dual_tech", (80.0, 80.0))
    s.zone(p, "Porte accueil / hall", "door_contact", inner.centre)
    s.zone(p, "Accueil chauffeurs", "pir", r["accueil"].corner("se"))
    s.zone(p, "Porte d'entrée accueil", "door_contact", entrance.centre)
    s.zone(p, "Clavier", "keypad", (140.0, 514.0))
    s.zone(p, "Local de charge (thermique)", "heat", ceiling(r["charge"]))
    s.zone(p, "Détection hydrogène local de charge", "technical", r["charge"].at(0.82, 0.7))
    s.zone(p, "Sprinkler — débit / vanne", "technical", r["sprinkler"].at(0.5, 0.28))
    s.zone(p, "Fumée bureau d'exploitation", "smoke", ceiling(r["bureau"]))
    up = s.level(1, "1er étage (mezzanine)", 1150, 680, building)
    up.ground(Rect(924, 40, 196, 536), "Cour camions", label_at=(1040, 520))
    up.fence([(1000, 580), (40, 580), (40, 30), (1130, 30), (1130, 580), (1085, 580)])
    up.street(s.info.street, 420, 604)
    up.room("escalier", "", Rect(60, 400, 60, 140))
    up.stairs(Rect(66, 410, 48, 120), up=False)
    corridor = up.room("couloir", "", Rect(120, 400, 330, 40), walls=False)
    up.wall(60, 400, 450, 400)
    up.wall(450, 400, 450, 540)
    up.room("direction", "Direction", Rect(120, 440, 110, 100), size=12.0)
    up.room("reunion", "Salle de réunion", Rect(230, 440, 120, 100), size=12.0)
    up.room("rh", "RH / paie", Rect(350, 440, 100, 100), size=12.0)
    up.label("Vide sur hall de stockage", 490, 230, size=18.0, colour="#9a9a92")
    up.outline_path([(70, 70), (910, 70), (910, 530), (460, 530), (460, 390), (70, 390)])
    up.door("escalier-porte", "escalier", "e", 2.0, 36, kind="opening")
    for key in ("direction", "reunion", "rh"):
        up.door(f"{key}-porte", key, "n", 0.5)
        up.window(key, "s", 0.5, 50)
    up.label("Circulation", 300, 420, size=11.0, colour="#6a6a62")
    s.zone(up, "Bureaux de l'étage", "pir", corridor.corner("ne", 16))
    s.zone(up, "Fumée bureaux de l'étage", "smoke", ceiling(up.rooms["reunion"]))


def build_school(s: SiteBuilder) -> None:
    building = Rect(60, 60, 900, 400)

    def yard(p: Plan) -> None:
        p.ground(Rect(60, 464, 700, 116), "Cour de récréation", label_at=(280, 522))
        p.fence([(60, 464), (60, 580), (760, 580), (760, 464)])
        p.outline_path([(500, 468), (700, 468), (700, 560), (500, 560)], label="Préau")
        p.street(s.info.street, 30, 260, vertical=True)

    p = s.level(0, "Rez-de-chaussée", 1100, 680, building)
    yard(p)
    corridor_floor(
        p,
        building,
        230,
        50,
        [
            Bay("cp", "Classe CP", 200, windows=2),
            Bay("ce1", "Classe CE1", 200, windows=2),
            Bay("bcd", "Bibliothèque (BCD)", 160),
            Bay("wc_f", "Sanitaires filles", 90, windows=0),
            Bay("wc_g", "Sanitaires garçons", 90, windows=0),
            Bay("escalier", "", 160, door="opening", door_at=0.5),
        ],
        [
            Bay("hall", "Hall d'entrée", 140, door="opening", door_at=0.5, windows=0),
            Bay("direction", "Bureau de direction", 150),
            Bay("maitres", "Salle des maîtres", 150),
            Bay("ce2", "Classe CE2", 230, windows=2),
            Bay("cm1", "Classe CM1", 230, windows=2),
        ],
        label_x=620,
    )
    r = p.rooms
    stair_well(p, "escalier")
    main = p.door("entree", "hall", "w", 0.5, 64, kind="double")
    p.door("cour", "hall", "s", 0.5, 64, kind="double", swing="out")
    exit_ = p.door("secours", "couloir", "e", 0.5, 40, swing="out")
    for key in ("cp", "ce1", "ce2", "cm1"):
        room = r[key]
        p.fixture(Rect(room.x + 30, room.cy + 22, room.w - 60, 16), "")
        p.fixture(Rect(room.x + 30, room.cy + 46, room.w - 60, 16), "")
    s.zone(p, "Porte principale", "door_contact", main.centre)
    s.zone(p, "Hall d'entrée", "pir", r["hall"].corner("se"))
    s.zone(p, "Bureau de direction", "pir", r["direction"].corner("se"))
    s.zone(p, "Couloir RDC", "dual_tech", (470.0, 255.0))
    s.zone(p, "Bibliothèque (BCD)", "pir", r["bcd"].corner("nw"))
    s.zone(p, "Issue de secours est", "door_contact", exit_.centre)
    s.zone(p, "Escalier", "pir", r["escalier"].corner("ne", 18))
    up = s.level(1, "1er étage", 1100, 680, building)
    yard(up)
    corridor_floor(
        up,
        building,
        230,
        50,
        [
            Bay("cm2", "Classe CM2", 200, windows=2),
            Bay("info", "Salle informatique", 200, windows=2),
            Bay("arts", "Arts plastiques", 160),
            Bay("wc", "Sanitaires", 180, windows=0),
            Bay("escalier", "", 160, door="opening", door_at=0.5),
        ],
        [
            Bay("infirmerie", "Infirmerie", 140),
            Bay("reserve", "Réserve matériel", 150, windows=0),
            Bay("motricite", "Salle de motricité", 380, windows=3, door="double", door_at=0.5),
            Bay("ulis", "Classe ULIS", 230, windows=2),
        ],
        label_x=620,
    )
    stair_well(up, "escalier", up=False)
    s.zone(up, "Couloir étage", "dual_tech", (880.0, 255.0))
    s.zone(up, "Salle informatique", "pir", up.rooms["info"].corner("ne"))
    s.zone(p, "Clavier", "keypad", (82.0, 300.0))
    s.zone(p, "Alerte PPMS bureau de direction", "panic_button", r["direction"].at(0.5, 0.72))
    s.zone(p, "Fumée couloir RDC", "smoke", (300.0, 255.0))
    s.zone(up, "Fumée couloir étage", "smoke", (300.0, 255.0))
    s.zone(p, "Sirène PPMS", "siren", (180.0, 300.0))


def build_town_hall(s: SiteBuilder) -> None:
    building = Rect(60, 60, 960, 440)
    p = s.level(0, "Rez-de-chaussée", 1100, 640, building)
    sidewalk(p, s.info.street, 500, x2=740)
    corridor_floor(
        p,
        building,
        230,
        50,
        [
            Bay("archives", "Archives", 180),
            Bay("regie", "Coffre de la régie", 110, windows=0),
            Bay("wc", "Sanitaires", 110, windows=0),
            Bay("reunion", "Salle de réunion", 300, windows=2),
            Bay("menage", "Local ménage", 80, windows=0),
            Bay("escalier", "", 180, door="opening", door_at=0.5),
        ],
        [
            Bay("hall", "Hall d'accueil", 220, door="opening", door_at=0.5, windows=0),
            Bay("etat_civil", "Accueil — état civil", 240, door="opening", door_at=0.5, windows=2),
            Bay("adjoint", "Bureau de l'adjoint", 160),
            Bay("permanences", "Bureau des permanences", 160),
            Bay("attente", "Salle d'attente", 180),
        ],
        label_x=640,
    )
    r = p.rooms
    stair_well(p, "escalier", lift=True)
    regie = r["regie"]
    for x1, y1, x2, y2 in ((regie.x, regie.y, regie.x, regie.y2), (regie.x2, regie.y, regie.x2, regie.y2)):
        p.wall(x1, y1, x2, y2, thickness=10.0)
    main = p.door("entree", "hall", "s", 0.5, 70, kind="double")
    p.fixture(Rect(300, 300, 200, 30), "Guichets")
    p.fixture(Rect(530, 80, 160, 40), "Table", rounded=10.0)
    s.zone(p, "Porte principale", "door_contact", main.centre)
    s.zone(p, "Hall d'accueil", "pir", r["hall"].corner("sw"))
    s.zone(p, "Accueil — état civil", "dual_tech", r["etat_civil"].corner("se"))
    s.zone(p, "Couloir RDC", "pir", (400.0, 255.0))
    s.zone(p, "Porte du coffre de la régie", "door_contact", p.openings["regie-porte"].centre)
    s.zone(p, "Coffre de la régie (sismique)", "shock", regie.at(0.5, 0.3))
    s.zone(p, "Archives", "pir", r["archives"].corner("nw"))
    up = s.level(1, "1er étage", 1100, 640, building)
    corridor_floor(
        up,
        building,
        230,
        50,
        [
            Bay("conseil", "Salle du conseil de quartier", 400, windows=3, door="double", door_at=0.5),
            Bay("wc", "Sanitaires", 110, windows=0),
            Bay("info", "Local informatique", 130, windows=0),
            Bay("repro", "Reprographie", 140),
            Bay("escalier", "", 180, door="opening", door_at=0.5),
        ],
        [
            Bay("b1", "Bureau 1", 180),
            Bay("b2", "Bureau 2", 180),
            Bay("b3", "Bureau 3", 180),
            Bay("responsable", "Bureau du responsable", 200),
            Bay("pause", "Salle de pause", 220),
        ],
        label_x=640,
    )
    stair_well(up, "escalier", up=False, lift=True)
    s.zone(up, "Couloir étage", "dual_tech", (880.0, 255.0))
    s.zone(up, "Local informatique", "pir", up.rooms["info"].corner("ne"))
    s.zone(p, "Clavier", "keypad", (r["hall"].x2 - 20, r["hall"].y2 - 22))
    s.zone(p, "Bouton d'alerte guichet", "panic_button", (482.0, 315.0))
    s.zone(p, "Fumée archives", "smoke", ceiling(r["archives"]))
    s.zone(up, "Fumée local informatique", "smoke", ceiling(up.rooms["info"]))
    s.zone(p, "Sirène intérieure", "siren", r["hall"].corner("ne", 22))


def build_ehpad(s: SiteBuilder) -> None:
    building = Rect(60, 60, 1060, 440)

    def garden(p: Plan) -> None:
        p.ground(Rect(60, 504, 760, 80), "Jardin thérapeutique", fill="#eef4e8")
        p.fence([(60, 504), (60, 584), (820, 584), (820, 504)])
        p.street(s.info.street, 420, 612)

    p = s.level(0, "Rez-de-chaussée", 1200, 680, building)
    garden(p)
    corridor_floor(
        p,
        building,
        250,
        50,
        [
            Bay("sam", "Salle à manger", 300, windows=2, door="double", door_at=0.5),
            Bay("cuisine", "Cuisine", 200),
            Bay("reserve", "Réserve cuisine", 100, windows=0),
            Bay("lingerie", "Lingerie", 120),
            Bay("technique", "Local technique", 100, windows=0),
            Bay("escalier", "", 120, door="opening", door_at=0.5),
            Bay("salon", "Salon des familles", 120),
        ],
        [
            Bay("hall", "Hall d'accueil", 160, door="opening", door_at=0.5, windows=0),
            Bay("admin", "Administration", 150),
            Bay("infirmerie", "Infirmerie", 150),
            Bay("soins", "Salle de soins", 130),
            *(Bay(f"ch0{i}", f"Chambre 0{i}") for i in range(1, 5)),
        ],
        label_x=700,
    )
    r = p.rooms
    stair_well(p, "escalier", lift=True)
    for i in range(1, 5):
        bed(p, f"ch0{i}", "s")
    main = p.door("entree", "hall", "s", 0.5, 80, kind="sliding")
    exit_ = p.door("secours-est", "couloir", "e", 0.5, 44, swing="out")
    p.door("secours-ouest", "couloir", "w", 0.5, 44, swing="out")
    s.zone(p, "Porte principale", "door_contact", main.centre)
    s.zone(p, "Hall d'accueil", "pir", r["hall"].corner("sw"))
    s.zone(p, "Administration", "pir", r["admin"].corner("se"))
    s.zone(p, "Infirmerie (armoire à médicaments)", "pir", r["infirmerie"].corner("se"))
    s.zone(p, "Issue de secours est (porte anti-fugue)", "door_contact", exit_.centre)
    s.zone(p, "Clavier", "keypad", (r["hall"].x2 - 20, r["hall"].y + 20))
    s.zone(p, "Appel d'urgence chambre 01", "panic_button", r["ch01"].at(0.78, 0.35))
    s.zone(p, "Fumée couloir RDC", "smoke", (560.0, 275.0))
    s.zone(p, "Cuisine (thermique)", "heat", ceiling(r["cuisine"]))
    s.zone(p, "Chambre froide cuisine", "technical", r["reserve"].at(0.5, 0.3))
    up = s.level(1, "1er étage", 1200, 680, building)
    garden(up)
    corridor_floor(
        up,
        building,
        250,
        50,
        [
            *(Bay(f"ch{i}", f"Chambre {i}", 120) for i in range(11, 17)),
            Bay("office", "Office d'étage", 100, windows=0),
            Bay("escalier", "", 120, door="opening", door_at=0.5),
            Bay("sdb", "Salle de bains adaptée", 120),
        ],
        [
            Bay("poste", "Poste de soins", 160),
            *(Bay(f"ch{i}", f"Chambre {i}", 120) for i in range(17, 23)),
            Bay("salon", "Salon d'étage", 180, door="opening", door_at=0.5, windows=2),
        ],
        label_x=700,
    )
    stair_well(up, "escalier", up=False, lift=True)
    for i in range(11, 17):
        bed(up, f"ch{i}", "n")
    for i in range(17, 23):
        bed(up, f"ch{i}", "s")
    up.door("secours-est", "couloir", "e", 0.5, 44, swing="out")
    up.door("secours-ouest", "couloir", "w", 0.5, 44, swing="out")
    s.zone(up, "Appel malade chambre 14", "panic_button", up.rooms["ch14"].at(0.82, 0.76))
    s.zone(up, "Fumée couloir étage", "smoke", (560.0, 275.0))
    s.zone(up, "Fumée chambre 21", "smoke", up.rooms["ch21"].at(0.5, 0.25))
    s.zone(up, "Fuite d'eau salle de bains adaptée", "water_leak", up.rooms["sdb"].at(0.5, 0.75))


def build_medical_practice(s: SiteBuilder) -> None:
    building = Rect(60, 50, 880, 440)
    p = s.level(0, "Rez-de-chaussée", 1000, 620, building)
    sidewalk(p, s.info.street, 490, x2=640)
    corridor_floor(
        p,
        building,
        220,
        50,
        [
            Bay("c1", "Cabinet 1", 200),
            Bay("c2", "Cabinet 2", 200),
            Bay("c3", "Cabinet 3", 200),
            Bay("soins", "Salle de soins", 160),
            Bay("archives", "Archives", 120, windows=0),
        ],
        [
            Bay("entree", "Entrée", 120, door="opening", door_at=0.5, windows=0),
            Bay("attente", "Salle d'attente", 260, door="opening", door_at=0.5, windows=2),
            Bay("secretariat", "Secrétariat", 200),
            Bay("wc", "Sanitaires PMR", 120, windows=0),
            Bay("menage", "Ménage", 80, windows=0),
            Bay("pause", "Salle de pause", 100),
        ],
        label_x=480,
    )
    r = p.rooms
    for key in ("c1", "c2", "c3"):
        room = r[key]
        p.fixture(Rect(room.x + 20, room.y + 16, 70, 34), "Bureau", size=9.0)
        p.fixture(Rect(room.x2 - 40, room.y + 20, 26, 80), "", rounded=3.0)
    p.fixture(Rect(500, 290, 140, 28), "Banque d'accueil", size=9.0)
    p.fixture(Rect(200, 460, 220, 18), "Sièges", size=9.0)
    main = p.door("entree-porte", "entree", "s", 0.5, 44)
    p.door("secours", "couloir", "e", 0.5, 40, swing="out")
    s.zone(p, "Porte d'entrée", "door_contact", main.centre)
    s.zone(p, "Salle d'attente", "pir", r["attente"].corner("sw"))
    s.zone(p, "Secrétariat", "pir", r["secretariat"].corner("se"))
    s.zone(p, "Couloir", "pir", (900.0, 245.0))
    s.zone(p, "Salle de soins", "dual_tech", r["soins"].corner("ne"))
    s.zone(p, "Cabinet 3", "pir", r["c3"].corner("nw"))
    s.zone(p, "Clavier", "keypad", (r["entree"].x2 - 20, r["entree"].y2 - 20))
    s.zone(p, "Bouton d'alerte secrétariat", "panic_button", (626.0, 304.0))
    s.zone(p, "Bouton d'alerte cabinet 1", "panic_button", r["c1"].at(0.3, 0.62))
    s.zone(p, "Fumée couloir", "smoke", (380.0, 245.0))
    s.zone(p, "Réfrigérateur vaccins", "technical", r["soins"].at(0.3, 0.72))


def build_offices(s: SiteBuilder) -> None:
    building = Rect(60, 60, 980, 440)
    p = s.level(0, "Rez-de-chaussée", 1100, 640, building)
    sidewalk(p, s.info.street, 500, x2=740)
    corridor_floor(
        p,
        building,
        240,
        50,
        [
            Bay("openspace", "Open space", 400, windows=3, door="double", door_at=0.5),
            Bay("reunion", "Salle de réunion", 220, windows=2),
            Bay("serveur", "Local serveur", 120, windows=0),
            Bay("wc", "Sanitaires", 120, windows=0),
            Bay("escalier", "", 120, door="opening", door_at=0.5),
        ],
        [
            Bay("hall", "Hall d'accueil", 200, door="opening", door_at=0.5, windows=0),
            Bay("b1", "Bureau 1", 150),
            Bay("b2", "Bureau 2", 150),
            Bay("cafeteria", "Cafétéria", 250, windows=2),
            Bay("menage", "Local ménage", 100, windows=0),
            Bay("velos", "Local vélos", 130, windows=0),
        ],
        label_x=560,
    )
    r = p.rooms
    stair_well(p, "escalier")
    main = p.door("entree", "hall", "s", 0.5, 64, kind="double")
    p.door("velos-ext", "velos", "s", 0.5, 60)
    p.fixture(Rect(90, 330, 120, 30), "Accueil", size=10.0)
    for i in range(3):
        p.fixture(Rect(90 + i * 120, 80, 90, 44), "", rounded=2.0)
        p.fixture(Rect(90 + i * 120, 172, 90, 44), "", rounded=2.0)
    p.fixture(Rect(500, 84, 140, 40), "Table", rounded=10.0)
    p.fixture(Rect(692, 70, 96, 18), "Baies", fill="#e2e2da", size=8.0)
    s.zone(p, "Porte d'entrée", "door_contact", main.centre)
    s.zone(p, "Hall d'accueil", "pir", r["hall"].corner("sw"))
    s.zone(p, "Couloir RDC", "pir", (300.0, 265.0))
    s.zone(p, "Open space", "dual_tech", r["openspace"].corner("ne"))
    s.zone(p, "Salle de réunion", "pir", r["reunion"].corner("ne"))
    s.zone(p, "Local serveur", "pir", r["serveur"].corner("ne"))
    up = s.level(1, "1er étage", 1100, 640, building)
    corridor_floor(
        up,
        building,
        240,
        50,
        [
            Bay("direction", "Bureau de direction", 220, windows=2),
            Bay("rh", "Bureau RH", 160),
            Bay("compta", "Comptabilité", 160),
            Bay("reunion2", "Salle de réunion 2", 200, windows=2),
            Bay("wc", "Sanitaires", 120, windows=0),
            Bay("escalier", "", 120, door="opening", door_at=0.5),
        ],
        [
            Bay("openspace2", "Open space", 450, windows=3, door="double", door_at=0.5),
            Bay("repro", "Reprographie", 130),
            Bay("archives", "Archives", 150, windows=0),
            Bay("b3", "Bureau 3", 250, windows=2),
        ],
        label_x=560,
    )
    stair_well(up, "escalier", up=False)
    s.zone(up, "Couloir étage", "dual_tech", (1020.0, 265.0))
    s.zone(up, "Bureau de direction", "pir", up.rooms["direction"].corner("nw"))
    s.zone(p, "Clavier", "keypad", (r["hall"].x2 - 20, r["hall"].y2 - 22))
    s.zone(p, "Fumée local serveur", "smoke", ceiling(r["serveur"]))
    s.zone(p, "Climatisation local serveur", "technical", r["serveur"].at(0.5, 0.8))
    s.zone(up, "Fumée couloir étage", "smoke", (300.0, 265.0))
    s.zone(p, "Bouton d'alerte accueil", "panic_button", (196.0, 345.0))


# --------------------------------------------------------------------------------------------
# Building templates: commerce and services with outdoor areas
# --------------------------------------------------------------------------------------------


def build_dealership(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1200, 700, Rect(60, 60, 900, 460))
    r = p.rooms
    p.ground(Rect(972, 56, 206, 530), "Parking véhicules d'occasion", label_at=(1075, 72))
    p.ground(Rect(60, 530, 620, 62), "Parking clients", label_at=(370, 561))
    p.fence([(960, 50), (1185, 50), (1185, 592), (1090, 592)])
    p.fence([(1000, 592), (968, 592), (968, 524)])
    p.label("Portail", 1045, 606, size=11.0, colour="#77776f")
    p.street(s.info.street, 370, 620)
    for row, x in enumerate((990.0, 1090.0)):
        for i in range(5):
            p.fixture(Rect(x, 100 + i * 88 + row * 20, 70, 40), "", rounded=8.0, fill="#e9ecef")
    p.room("v1", "Bureau vendeur 1", Rect(60, 60, 120, 160), size=12.0)
    p.room("v2", "Bureau vendeur 2", Rect(180, 60, 120, 160), size=12.0)
    p.room("chef", "Bureau chef des ventes", Rect(300, 60, 120, 160), size=12.0)
    p.room("wc", "Sanitaires", Rect(420, 60, 100, 160), size=12.0)
    showroom = p.room("showroom", "Showroom", Rect(60, 220, 460, 300), label_at=(290, 376), size=16.0)
    atelier = p.room("atelier", "Atelier mécanique", Rect(520, 60, 440, 340), label_at=(740, 275))
    p.room("magasin", "Magasin pièces", Rect(520, 400, 220, 120))
    p.room("vestiaires", "Vestiaires", Rect(740, 400, 110, 120), size=12.0)
    p.room("huiles", "Local huiles", Rect(850, 400, 110, 120), size=12.0)
    for x, y in ((90.0, 262.0), (300.0, 262.0), (180.0, 410.0)):
        p.fixture(Rect(x, y, 130, 58), "Véhicule", rounded=14.0, fill="#e6edf3")
    p.fixture(Rect(400, 440, 90, 30), "Accueil", size=10.0)
    for x in (560.0, 670.0, 780.0):
        p.fixture(Rect(x, 100, 70, 130), "Pont", fill="#e8e4dc")
    p.fixture(Rect(560, 350, 160, 26), "Établi")
    p.fixture(Rect(560, 480, 160, 24), "Comptoir pièces", size=9.0)
    for key in ("v1", "v2", "chef"):
        p.door(f"{key}-porte", key, "s", 0.5)
        p.window(key, "n", 0.5, 60)
    p.door("wc-porte", "wc", "s", 0.5)
    entrance = p.door("entree", "showroom", "s", 0.7, 70, kind="double")
    glazing = p.window("showroom", "s", 0.28, 200)
    p.windows("showroom", "w", 2, 110)
    p.door("atelier-showroom", "atelier", "w", 0.8, 44)
    bay_north = p.door("atelier-porte-1", "atelier", "e", 0.3, 90, kind="sectional")
    p.door("atelier-porte-2", "atelier", "e", 0.72, 90, kind="sectional")
    p.door("magasin-showroom", "magasin", "w", 0.5)
    p.door("magasin-atelier", "magasin", "n", 0.3)
    p.door("vestiaires-porte", "vestiaires", "n", 0.5)
    p.door("huiles-porte", "huiles", "n", 0.5)
    p.windows("atelier", "n", 3, 70)
    s.zone(p, "Barrière infrarouge portail VO", "beam", (1045.0, 578.0))
    s.zone(p, "Barrière infrarouge parking VO", "beam", (1172.0, 330.0))
    s.zone(p, "Porte sectionnelle atelier nord", "door_contact", bay_north.centre)
    s.zone(p, "Atelier mécanique", "dual_tech", atelier.corner("ne"))
    s.zone(p, "Magasin pièces", "pir", r["magasin"].corner("ne"))
    s.zone(p, "Showroom", "dual_tech", showroom.corner("se"))
    s.zone(p, "Vitrage showroom", "glass_break", glazing.inside(showroom, 18))
    s.zone(p, "Bureau chef des ventes", "pir", r["chef"].corner("nw"))
    s.zone(p, "Clavier", "keypad", (entrance.b + 22, showroom.y2 - 18))
    s.zone(p, "Atelier (thermique)", "heat", (760.0, 250.0))
    s.zone(p, "Fumée local huiles", "smoke", ceiling(r["huiles"]))
    s.zone(p, "Compresseur — défaut", "technical", r["huiles"].at(0.5, 0.8))
    s.zone(p, "Bouton d'agression accueil", "panic_button", (478.0, 455.0))


def build_supermarket(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1200, 700, Rect(200, 60, 940, 480))
    r = p.rooms
    p.ground(Rect(20, 60, 172, 480), "Parking", label_at=(150, 300))
    for i in range(9):
        p.ground(Rect(40, 90 + i * 48, 60, 40), fill="#f7f7f3", stroke="#c8c8c0")
    sidewalk(p, s.info.street, 540, x2=840)
    p.room("quai", "Quai de réception", Rect(200, 60, 220, 140))
    p.room("reserve", "Réserve", Rect(420, 60, 280, 140))
    p.room("cf_pos", "Chambre froide +4 °C", Rect(700, 60, 120, 140), size=12.0)
    p.room("cf_neg", "Chambre froide −18 °C", Rect(820, 60, 100, 140), size=12.0)
    p.room("technique", "Local technique", Rect(920, 60, 220, 140))
    p.room("vestiaires", "Vestiaires", Rect(980, 200, 160, 90))
    p.room("bureau", "Bureau", Rect(980, 290, 160, 90))
    p.room("comptage", "Comptage", Rect(980, 380, 160, 80))
    p.room("accueil", "Accueil", Rect(980, 460, 160, 80))
    sales = p.room("vente", "", Rect(200, 200, 780, 340), walls=False)
    p.label("Surface de vente", 780, 446, size=16.0)
    for i in range(8):
        p.fixture(Rect(300 + i * 80, 240, 26, 170), "Gondole" if i % 2 == 0 else "", size=9.0)
    for i in range(4):
        p.fixture(Rect(380 + i * 70, 470, 44, 24), f"Caisse {i + 1}", size=8.0)
    p.fixture(Rect(210, 212, 70, 16), "Chariots", size=8.0)
    p.fixture(Rect(220, 60 + 14, 12, 110), "", fill="#e2e2da")
    p.fixture(Rect(470, 74, 210, 22), "Palettes", size=9.0)
    dock = p.door("quai-porte", "quai", "n", 0.5, 90, kind="sectional")
    p.door("quai-reserve", "quai", "e", 0.5, 64, kind="double")
    p.door("quai-vente", "quai", "s", 0.5, 70, kind="double")
    p.door("reserve-vente", "reserve", "s", 0.5, 70, kind="double")
    p.door("cf_pos-porte", "cf_pos", "w", 0.5, 40, swing="out")
    p.door("cf_neg-porte", "cf_neg", "w", 0.5, 40, swing="out")
    p.door("technique-porte", "technique", "s", 0.6)
    staff = p.door("personnel", "vestiaires", "e", 0.5, 40)
    p.door("vestiaires-porte", "vestiaires", "w", 0.5)
    p.door("bureau-porte", "bureau", "w", 0.5)
    p.door("comptage-porte", "comptage", "n", 0.6, 36, swing="out")
    p.door("accueil-porte", "accueil", "w", 0.5, 60, kind="opening")
    entrance = p.door("entree", "vente", "s", 80.0, 80, kind="sliding")
    p.window("vente", "s", 0.55, 200)
    p.window("bureau", "e", 0.5, 50)
    s.zone(p, "Porte du personnel", "door_contact", staff.centre)
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Salle de comptage", "dual_tech", r["comptage"].corner("se"))
    s.zone(p, "Surface de vente est", "dual_tech", sales.corner("ne"))
    s.zone(p, "Zone caisses", "dual_tech", (620.0, 520.0))
    s.zone(p, "Entrée automatique", "door_contact", entrance.centre)
    s.zone(p, "Surface de vente ouest", "dual_tech", (222.0, 250.0))
    s.zone(p, "Réserve", "dual_tech", r["reserve"].corner("nw"))
    s.zone(p, "Quai de réception", "pir", r["quai"].corner("se"))
    s.zone(p, "Porte sectionnelle du quai", "door_contact", dock.centre)
    s.zone(p, "Clavier", "keypad", (1118.0, 272.0))
    s.zone(p, "Bouton d'agression caisses", "panic_button", (471.0, 482.0))
    s.zone(p, "Bouton d'agression comptage", "panic_button", r["comptage"].at(0.16, 0.55))
    s.zone(p, "Fumée réserve", "smoke", r["reserve"].at(0.8, 0.45))
    s.zone(p, "Chambre froide positive (température)", "technical", r["cf_pos"].at(0.5, 0.25))
    s.zone(p, "Chambre froide négative (température)", "technical", r["cf_neg"].at(0.5, 0.25))


def build_villa(s: SiteBuilder) -> None:
    outline = [(250, 120), (800, 120), (800, 260), (960, 260), (960, 460), (250, 460)]

    def garden(p: Plan) -> None:
        p.ground(Rect(40, 40, 1030, 550), fill="#eef4e8")
        p.fence([(430, 590), (40, 590), (40, 40), (1070, 40), (1070, 590), (530, 590)])
        p.ground(Rect(478, 460, 56, 130), fill="#e7e3d8")
        p.ground(Rect(540, 464, 260, 46), "Terrasse", fill="#ece8df")
        p.ground(Rect(600, 522, 180, 52), "Piscine", fill="#d8eaf4", stroke="#8fb4c8")
        p.ground(Rect(110, 470, 240, 90), "Jardin", fill="#eef4e8")
        p.label("Portail", 480, 606, size=11.0, colour="#77776f")
        p.street(s.info.street, 250, 628)

    p = s.level(0, "Rez-de-chaussée", 1100, 680, outline)
    garden(p)
    r = p.rooms
    p.room("cuisine", "Cuisine", Rect(250, 120, 170, 180))
    p.room("sam", "Salle à manger", Rect(420, 120, 120, 180), label_at=(480, 255), size=12.0)
    sejour = p.room("sejour", "Séjour", Rect(540, 120, 260, 340), size=16.0)
    p.room("bureau", "Bureau", Rect(250, 300, 170, 100))
    p.room("cellier", "Cellier", Rect(250, 400, 80, 60), label_at=(290, 416), size=11.0)
    p.room("wc", "WC", Rect(330, 400, 90, 60), size=12.0)
    p.room("entree", "Entrée", Rect(420, 300, 120, 160), label_at=(505, 372), size=12.0)
    p.room("garage", "Garage", Rect(800, 260, 160, 200), label_at=(880, 300))
    p.stairs(Rect(428, 306, 40, 96))
    p.fixture(Rect(600, 330, 150, 60), "Canapé", rounded=8.0)
    p.fixture(Rect(445, 140, 70, 50), "Table", rounded=6.0)
    p.fixture(Rect(262, 130, 150, 24), "Plan de travail", size=9.0)
    p.fixture(Rect(830, 330, 100, 110), "Véhicule", rounded=14.0, fill="#e6edf3")
    p.door("cuisine-sam", "cuisine", "e", 0.5, 60, kind="opening")
    p.door("sam-entree", "sam", "s", 0.6, 60, kind="opening")
    p.door("sam-sejour", "sejour", "w", 0.26, 80, kind="opening")
    p.door("entree-sejour", "sejour", "w", 0.765, 64, kind="double")
    p.door("bureau-porte", "bureau", "e", 0.6)
    p.door("wc-porte", "wc", "e", 0.5, 32)
    p.door("cellier-porte", "cellier", "w", 0.5, 32, swing="out")
    p.door("entree-porte", "entree", "s", 0.75, 40, hinge="end")
    p.door("garage-sejour", "garage", "w", 0.5)
    p.door("garage-porte", "garage", "s", 0.5, 120, kind="sectional")
    bay = p.door("baie", "sejour", "s", 0.5, 160, kind="sliding")
    p.window("cuisine", "n", 0.5, 60)
    p.window("cuisine", "w", 0.5, 60)
    p.window("sam", "n", 0.5, 50)
    p.windows("sejour", "n", 2, 70)
    p.window("sejour", "e", 0.206, 70)
    p.window("bureau", "w", 0.5, 50)
    p.window("garage", "e", 0.5, 40)
    s.zone(p, "Barrière infrarouge portail", "beam", (480.0, 574.0))
    s.zone(p, "Barrière infrarouge jardin est", "beam", (900.0, 540.0))
    s.zone(p, "Baie vitrée du séjour", "door_contact", bay.centre)
    s.zone(p, "Séjour", "dual_tech", sejour.corner("ne"))
    s.zone(p, "Entrée", "pir", r["entree"].corner("ne"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("nw"))
    up = s.level(1, "1er étage", 1100, 680, [*outline[:2], (800, 460), (250, 460)])
    garden(up)
    u = up.rooms
    up.outline_path([(800, 260), (960, 260), (960, 460), (800, 460)], label="Toiture du garage")
    up.room("ch2", "Chambre 2", Rect(250, 120, 170, 170), label_at=(335, 250))
    up.room("ch3", "Chambre 3", Rect(250, 290, 170, 170), label_at=(335, 330))
    up.room("sdb", "Salle de bains", Rect(420, 120, 120, 110), size=12.0)
    up.room("palier", "Palier", Rect(420, 230, 120, 230), label_at=(500, 430), size=12.0)
    up.room("parentale", "Chambre parentale", Rect(540, 120, 260, 210))
    up.room("dressing", "Dressing", Rect(540, 330, 100, 130), size=12.0)
    up.room("sdb2", "Salle d'eau", Rect(640, 330, 160, 130))
    up.stairs(Rect(428, 306, 40, 96), up=False)
    bed(up, "ch2", "n")
    bed(up, "ch3", "s")
    up.fixture(Rect(730, 190, 60, 80), "Lit", rounded=4.0)
    up.door("ch2-porte", "ch2", "e", 0.82)
    up.door("ch3-porte", "ch3", "e", 0.235)
    up.door("sdb-porte", "sdb", "s", 0.5)
    up.door("parentale-porte", "parentale", "w", 0.667)
    up.door("dressing-porte", "dressing", "n", 0.5)
    up.door("sdb2-porte", "sdb2", "n", 0.5)
    upstairs_windows: tuple[tuple[str, Side], ...] = (
        ("ch2", "n"),
        ("ch2", "w"),
        ("ch3", "w"),
        ("ch3", "s"),
        ("sdb", "n"),
        ("sdb2", "s"),
        ("sdb2", "e"),
    )
    for key, side in upstairs_windows:
        up.window(key, side, 0.5, 50)
    up.windows("parentale", "n", 2, 60)
    up.window("parentale", "e", 0.5, 60)
    s.zone(up, "Palier", "pir", u["palier"].corner("sw"))
    s.zone(up, "Chambre parentale", "pir", u["parentale"].corner("ne"))
    s.zone(p, "Clavier", "keypad", (476.0, 440.0))
    s.zone(up, "Bouton panique chambre parentale", "panic_button", u["parentale"].at(0.3, 0.78))
    s.zone(up, "Fumée palier", "smoke", (505.0, 300.0))
    s.zone(p, "Fumée séjour", "smoke", ceiling(sejour))
    s.zone(p, "Fuite d'eau cellier", "water_leak", (290.0, 443.0))
    s.zone(p, "Sirène extérieure", "siren", (234.0, 150.0))


def build_house(s: SiteBuilder) -> None:
    building = Rect(200, 70, 600, 380)
    stairs = Rect(576, 266, 38, 100)

    def street(p: Plan) -> None:
        sidewalk(p, s.info.street, 450, x2=640)

    cellar = s.level(-1, "Sous-sol", 1000, 620, building)
    street(cellar)
    c = cellar.rooms
    cellar.room("cave", "Cave", Rect(200, 70, 220, 190))
    cellar.room("chaufferie", "Chaufferie", Rect(420, 70, 140, 190))
    cellar.room("buanderie", "Buanderie", Rect(560, 70, 240, 190))
    cellar.room("atelier", "Atelier", Rect(200, 260, 300, 190))
    cellar.room("degagement", "Dégagement", Rect(500, 260, 120, 190), label_at=(560, 420), size=12.0)
    cellar.room("garage", "Garage", Rect(620, 260, 180, 190), label_at=(710, 290))
    cellar.stairs(stairs)
    cellar.fixture(Rect(432, 82, 56, 56), "Chaudière", size=9.0)
    cellar.fixture(Rect(660, 320, 100, 110), "Véhicule", rounded=14.0, fill="#e6edf3")
    cellar.fixture(Rect(220, 410, 200, 26), "Établi")
    cellar.door("chaufferie-porte", "chaufferie", "s", 88.0)
    cellar.door("buanderie-porte", "buanderie", "s", 80.0)
    cellar.door("cave-porte", "cave", "s", 0.5)
    cellar.door("atelier-porte", "atelier", "e", 0.7)
    cellar.door("garage-int", "garage", "w", 0.7)
    garage_door = cellar.door("garage-porte", "garage", "s", 0.5, 120, kind="sectional")
    cellar.window("cave", "n", 0.5, 40)
    cellar.window("buanderie", "n", 0.5, 40)
    s.zone(cellar, "Porte de garage", "door_contact", garage_door.centre)
    s.zone(cellar, "Garage", "pir", c["garage"].corner("ne"))
    s.zone(cellar, "Dégagement sous-sol", "pir", c["degagement"].corner("nw"))
    ground = s.level(0, "Rez-de-chaussée", 1000, 620, building)
    street(ground)
    g = ground.rooms
    ground.room("sam", "Salle à manger", Rect(200, 70, 360, 190), label_at=(380, 215))
    ground.room("cuisine", "Cuisine", Rect(560, 70, 240, 190))
    ground.room("salon", "Salon", Rect(200, 260, 300, 190))
    ground.room("entree", "Entrée", Rect(500, 260, 120, 190), label_at=(540, 380), size=12.0)
    ground.room("bureau", "Bureau", Rect(620, 260, 180, 120))
    ground.room("wc", "WC", Rect(620, 380, 180, 70), size=12.0)
    ground.stairs(stairs)
    ground.fixture(Rect(300, 104, 160, 64), "Table", rounded=8.0)
    ground.fixture(Rect(240, 330, 60, 100), "Canapé", rounded=8.0)
    ground.fixture(Rect(580, 84, 200, 24), "Plan de travail", size=9.0)
    ground.door("sam-entree", "sam", "s", 308.0, 40, kind="opening")
    ground.door("cuisine-sam", "cuisine", "w", 0.5, 60, kind="opening")
    ground.door("salon-entree", "salon", "e", 0.5, 64, kind="double")
    ground.door("bureau-porte", "bureau", "w", 0.6)
    ground.door("wc-porte", "wc", "w", 0.5, 32)
    main = ground.door("entree-porte", "entree", "s", 0.65, 44)
    ground_windows: tuple[tuple[str, Side, int], ...] = (
        ("sam", "n", 2),
        ("cuisine", "n", 1),
        ("salon", "s", 2),
        ("bureau", "e", 1),
        ("salon", "w", 1),
        ("sam", "w", 1),
    )
    for key, side, count in ground_windows:
        ground.windows(key, side, count, 60)
    s.zone(ground, "Entrée", "pir", g["entree"].corner("sw"))
    s.zone(ground, "Porte d'entrée", "door_contact", main.centre)
    s.zone(ground, "Salon", "dual_tech", g["salon"].corner("sw"))
    s.zone(ground, "Salle à manger", "pir", g["sam"].corner("nw"))
    upstairs = s.level(1, "1er étage", 1000, 620, building)
    street(upstairs)
    u = upstairs.rooms
    upstairs.room("ch2", "Chambre 2", Rect(200, 70, 300, 190))
    upstairs.room("sdb", "Salle de bains", Rect(500, 70, 120, 120), size=12.0)
    upstairs.room("ch3", "Chambre 3", Rect(620, 70, 180, 190))
    upstairs.room("ch1", "Chambre 1", Rect(200, 260, 300, 190))
    upstairs.room("palier", "Palier", Rect(500, 190, 120, 260), label_at=(560, 420), size=12.0)
    upstairs.room("amis", "Chambre d'amis", Rect(620, 260, 180, 190))
    upstairs.stairs(stairs, up=False)
    beds: tuple[tuple[str, Side], ...] = (("ch2", "n"), ("ch3", "n"), ("ch1", "s"), ("amis", "s"))
    for key, head in beds:
        bed(upstairs, key, head)
    upstairs.door("ch2-porte", "ch2", "e", 0.816)
    upstairs.door("sdb-porte", "sdb", "s", 0.4)
    upstairs.door("ch3-porte", "ch3", "w", 0.816)
    upstairs.door("ch1-porte", "ch1", "e", 0.3)
    upstairs.door("amis-porte", "amis", "w", 0.3)
    bedroom_windows: tuple[tuple[str, Side], ...] = (
        ("ch2", "n"),
        ("ch2", "w"),
        ("sdb", "n"),
        ("ch3", "n"),
        ("ch3", "e"),
        ("ch1", "s"),
        ("ch1", "w"),
        ("amis", "s"),
        ("amis", "e"),
    )
    for key, side in bedroom_windows:
        upstairs.window(key, side, 0.5, 56)
    s.zone(upstairs, "Palier", "pir", u["palier"].corner("nw", 18))
    s.zone(ground, "Clavier", "keypad", (520.0, 300.0))
    s.zone(ground, "Bouton d'appel salon", "panic_button", g["salon"].at(0.7, 0.62))
    s.zone(upstairs, "Fumée palier", "smoke", (540.0, 290.0))
    s.zone(cellar, "Chaufferie (thermique)", "heat", c["chaufferie"].at(0.72, 0.3))
    s.zone(cellar, "Fuite d'eau buanderie", "water_leak", c["buanderie"].at(0.75, 0.7))
    s.zone(cellar, "Chaudière — défaut", "technical", c["chaufferie"].at(0.5, 0.78))


def build_apartment(s: SiteBuilder) -> None:
    building = Rect(170, 60, 620, 360)
    p = s.level(3, "3e étage", 900, 560, building)
    p.ground(Rect(40, 210, 128, 130), "", fill="#f1f1ec")
    p.label("Palier", 104, 330, size=11.0, colour="#77776f")
    p.lift(Rect(50, 218, 44, 44))
    p.stairs(Rect(104, 218, 56, 90), up=True, steps=8)
    p.street(s.info.street, 480, 36)
    corridor_floor(
        p,
        building,
        240,
        50,
        [
            Bay("cuisine", "Cuisine", 180, windows=1, door_at=0.7),
            Bay("sejour", "Séjour", 290, windows=2, door="double", door_at=0.5),
            Bay("bureau", "Bureau", 150),
        ],
        [
            Bay("wc", "WC", 90, windows=0, door_at=0.6),
            Bay("sdb", "Salle de bains", 140),
            Bay("ch2", "Chambre 2", 180),
            Bay("ch1", "Chambre 1", 210),
        ],
        label="Entrée / dégagement",
        label_x=520,
    )
    r = p.rooms
    p.fixture(Rect(r["ch2"].x2 - 84, r["ch2"].y2 - 56, 70, 46), "Lit", rounded=4.0)
    p.fixture(Rect(r["ch1"].x2 - 90, r["ch1"].y2 - 80, 70, 66), "Lit", rounded=4.0)
    p.fixture(Rect(366, 100, 44, 100), "Canapé", rounded=8.0)
    p.fixture(Rect(190, 70, 140, 22), "Plan de travail", size=9.0)
    door = p.door("palier-porte", "couloir", "w", 0.5, 40)
    p.window("bureau", "e", 0.5, 50)
    p.window("ch1", "e", 0.5, 50)
    s.zone(p, "Porte palière", "door_contact", door.centre)
    s.zone(p, "Dégagement", "pir", (770.0, 265.0))
    s.zone(p, "Séjour", "dual_tech", r["sejour"].corner("nw"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Chambre 1", "pir", r["ch1"].corner("sw"))
    s.zone(p, "Clavier", "keypad", (196.0, 282.0))
    s.zone(p, "Détecteur de fumée dégagement", "smoke", (420.0, 265.0))
    s.zone(p, "Bouton d'appel chambre 1", "panic_button", (690.0, 400.0))
    s.zone(p, "Fuite d'eau salle de bains", "water_leak", r["sdb"].at(0.5, 0.75))
    s.zone(p, "Fuite d'eau cuisine", "water_leak", r["cuisine"].at(0.8, 0.3))


def build_datacenter(s: SiteBuilder) -> None:
    building = Rect(60, 60, 920, 480)
    p = s.level(0, "Rez-de-chaussée", 1150, 680, building)
    sidewalk(p, s.info.street, 540, x2=780)
    p.ground(Rect(984, 300, 140, 240), "Aire de livraison", label_at=(1054, 330))
    p.fence([(984, 56), (1130, 56), (1130, 580), (984, 580)])
    p.room("escalier", "", Rect(60, 60, 100, 190))
    p.stairs(Rect(70, 72, 40, 130))
    p.label("Escalier", 110, 230, size=11.0)
    p.room("exploitation", "Bureau exploitation", Rect(160, 60, 140, 190), size=12.0)
    sas = p.room("sas", "SAS contrôle d'accès", Rect(60, 250, 240, 130), size=13.0)
    pc = p.room("pc", "PC sécurité / accueil", Rect(60, 380, 240, 160), size=13.0)
    corridor = p.room("couloir", "", Rect(300, 250, 680, 50), walls=False)
    p.label("Couloir technique", 640, 275, size=12.0, colour="#6a6a62")
    server_a = p.room("srv_a", "Salle serveurs A", Rect(300, 60, 320, 190), label_at=(460, 232))
    server_b = p.room("srv_b", "Salle serveurs B", Rect(620, 60, 280, 190), label_at=(760, 232))
    p.room("tgbt", "TGBT", Rect(900, 60, 80, 190), size=12.0)
    p.room("noc", "Salle opérateurs (NOC)", Rect(300, 300, 200, 240), size=13.0)
    ups = p.room("ups", "Salle onduleurs", Rect(500, 300, 200, 240))
    p.room("batt", "Local batteries", Rect(700, 300, 140, 240), label_at=(770, 470), size=13.0)
    p.room("quai", "Quai de livraison", Rect(840, 300, 140, 240), size=13.0)
    for i in range(5):
        p.fixture(Rect(330 + i * 56, 92, 24, 116), "", fill="#e4e6ea")
    for i in range(4):
        p.fixture(Rect(650 + i * 60, 92, 24, 116), "", fill="#e4e6ea")
    p.fixture(Rect(520, 330, 70, 44), "UPS 1", size=9.0)
    p.fixture(Rect(610, 330, 70, 44), "UPS 2", size=9.0)
    for i in range(3):
        p.fixture(Rect(720, 352 + i * 30, 100, 18), "", fill="#e2e2da")
    p.fixture(Rect(320, 470, 160, 40), "Pupitres", size=9.0)
    p.fixture(Rect(80, 400, 110, 30), "Banque", size=9.0)
    main = p.door("entree", "pc", "s", 0.5, 44)
    sas_door = p.door("pc-sas", "pc", "n", 0.5, 40, swing="out")
    p.door("sas-couloir", "sas", "e", 7.0, 36)
    p.door("exploitation-porte", "exploitation", "s", 0.5)
    p.door("escalier-porte", "escalier", "s", 0.5, 44, kind="opening")
    p.door("srv_a-porte", "srv_a", "s", 0.85, 64, kind="double")
    p.door("srv_b-porte", "srv_b", "s", 0.85, 64, kind="double")
    p.door("tgbt-porte", "tgbt", "s", 0.5, 36)
    p.door("noc-porte", "noc", "n", 0.5)
    p.door("ups-porte", "ups", "n", 0.5, 64, kind="double")
    p.door("batt-porte", "batt", "n", 0.5)
    p.door("quai-couloir", "quai", "n", 0.3, 64, kind="double")
    dock = p.door("quai-porte", "quai", "e", 0.5, 100, kind="sectional")
    p.window("pc", "s", 0.2, 50)
    p.windows("noc", "s", 2, 50)
    p.window("exploitation", "n", 0.5, 50)
    s.zone(p, "Porte d'entrée du personnel", "door_contact", main.centre)
    s.zone(p, "PC sécurité", "pir", pc.corner("se"))
    s.zone(p, "Porte du SAS", "door_contact", sas_door.centre)
    s.zone(p, "SAS contrôle d'accès", "dual_tech", sas.corner("sw"))
    s.zone(p, "Couloir technique", "pir", corridor.corner("nw", 24))
    s.zone(p, "Salle serveurs A", "dual_tech", server_a.corner("nw", 18))
    s.zone(p, "Salle serveurs B", "dual_tech", server_b.corner("ne", 18))
    s.zone(p, "Porte du quai de livraison", "door_contact", dock.centre)
    s.zone(p, "Clavier", "keypad", (226.0, 516.0))
    s.zone(p, "Bouton d'alerte PC sécurité", "panic_button", (170.0, 415.0))
    s.zone(p, "Fumée salle serveurs A (aspiration)", "smoke", server_a.at(0.5, 0.1))
    s.zone(p, "Fumée salle serveurs B (aspiration)", "smoke", server_b.at(0.5, 0.1))
    s.zone(p, "Température salle serveurs A", "technical", server_a.at(0.94, 0.5))
    s.zone(p, "Fuite d'eau faux plancher salle B", "water_leak", server_b.at(0.93, 0.5))
    s.zone(p, "Onduleurs — défaut", "technical", ups.at(0.5, 0.85))
    basement = s.level(-1, "Sous-sol", 1150, 680, building)
    sidewalk(basement, s.info.street, 540, x2=780)
    basement.room("escalier", "", Rect(60, 60, 100, 190))
    basement.stairs(Rect(70, 72, 40, 130), up=False)
    basement.label("Escalier", 110, 230, size=11.0)
    basement.room("stock", "Stock pièces", Rect(160, 60, 140, 190), size=12.0)
    ge1 = basement.room("ge1", "Groupe électrogène 1", Rect(300, 60, 340, 190), label_at=(470, 226))
    basement.room("ge2", "Groupe électrogène 2", Rect(640, 60, 340, 190), label_at=(810, 226))
    basement.room("couloir", "", Rect(60, 250, 920, 50), walls=False)
    basement.label("Couloir", 640, 275, size=12.0, colour="#6a6a62")
    basement.room("sprinkler", "Local sprinkler", Rect(60, 300, 240, 240))
    basement.room("gaz", "Extinction (gaz inerte)", Rect(300, 300, 200, 240), size=13.0)
    basement.room("cuves", "Cuves de fioul", Rect(500, 300, 480, 240), label_at=(740, 520))
    basement.fixture(Rect(340, 90, 220, 90), "Groupe 1 — 1 250 kVA", fill="#e8e4dc")
    basement.fixture(Rect(680, 90, 220, 90), "Groupe 2 — 1 250 kVA", fill="#e8e4dc")
    basement.fixture(Rect(540, 330, 180, 150), "Cuve 1 (30 m³)", rounded=30.0)
    basement.fixture(Rect(760, 330, 180, 150), "Cuve 2 (30 m³)", rounded=30.0)
    for i in range(6):
        basement.fixture(Rect(330 + i * 26, 330, 18, 18), "", rounded=9.0, fill="#e4e6ea")
    basement.door("escalier-porte", "escalier", "s", 0.5, 44, kind="opening")
    basement.door("stock-porte", "stock", "s", 0.5)
    basement.door("ge1-porte", "ge1", "s", 0.85, 64, kind="double")
    basement.door("ge2-porte", "ge2", "s", 0.85, 64, kind="double")
    basement.door("sprinkler-porte", "sprinkler", "n", 0.5)
    basement.door("gaz-porte", "gaz", "n", 0.5)
    basement.door("cuves-porte", "cuves", "n", 0.1)
    s.zone(basement, "Groupe électrogène — défaut", "technical", ge1.at(0.06, 0.5))


def build_fuel_station(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1100, 640, Rect(80, 80, 440, 260))
    r = p.rooms
    p.ground(Rect(0, 40, 1100, 480), fill="#f2f2ee")
    p.outline_path(
        [(600, 110), (1020, 110), (1020, 430), (600, 430)], label="Auvent — pistes de distribution"
    )
    for i, (x, y) in enumerate(((660.0, 190.0), (840.0, 190.0), (660.0, 340.0), (840.0, 340.0)), start=1):
        p.fixture(Rect(x, y, 120, 26), f"Îlot {i}", fill="#e8e4dc")
    p.ground(Rect(100, 400, 260, 70), "Cuves enterrées", fill="#f7f7f3", stroke="#9a9a92", dashed=True)
    p.ground(Rect(400, 400, 160, 100), "Aire de lavage", fill="#eaf0f4", stroke="#9aa8b0")
    sidewalk(p, s.info.street, 520, x2=720)
    p.room("reserve", "Réserve", Rect(80, 80, 150, 120))
    p.room("bureau", "Bureau", Rect(80, 200, 150, 80))
    p.room("wc", "Sanitaires", Rect(80, 280, 150, 60), size=12.0)
    shop = p.room("boutique", "", Rect(230, 80, 290, 260), walls=False)
    p.label("Boutique", 340, 300)
    p.fixture(Rect(440, 120, 40, 150), "Caisse")
    for i in range(3):
        p.fixture(Rect(260, 110 + i * 56, 130, 22), "Rayons", size=9.0)
    p.fixture(Rect(250, 92, 160, 12))
    entrance = p.door("entree", "boutique", "s", 0.6, 70, kind="sliding")
    glazing = p.windows("boutique", "e", 2, 80)
    p.window("boutique", "n", 0.5, 80)
    p.door("reserve-porte", "reserve", "e", 0.6)
    p.door("bureau-porte", "bureau", "e", 0.5)
    p.door("wc-porte", "wc", "e", 0.5, 32)
    service = p.door("service", "reserve", "n", 0.5, 40, swing="out")
    p.window("bureau", "w", 0.5, 40)
    s.zone(p, "Porte automatique", "door_contact", entrance.centre)
    s.zone(p, "Vitrage boutique (pistes)", "glass_break", glazing[1].inside(shop, 18))
    s.zone(p, "Boutique", "dual_tech", shop.corner("sw", 18))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("sw", 18))
    s.zone(p, "Réserve", "pir", r["reserve"].corner("nw"))
    s.zone(p, "Porte de service", "door_contact", service.centre)
    s.zone(p, "Clavier", "keypad", (500.0, 320.0))
    s.zone(p, "Bouton d'agression caisse", "panic_button", (460.0, 225.0))
    s.zone(p, "Bouton d'agression bureau", "panic_button", (150.0, 214.0))
    s.zone(p, "Fumée réserve", "smoke", ceiling(r["reserve"]))
    s.zone(p, "Détection de fuite hydrocarbures (cuves)", "technical", (160.0, 435.0))
    s.zone(p, "Arrêt d'urgence distribution", "technical", (415.0, 140.0))
    s.zone(p, "Sirène extérieure", "siren", (540.0, 96.0))


def build_museum(s: SiteBuilder) -> None:
    building = Rect(60, 60, 940, 460)
    stairs = Rect(450, 310, 70, 160)

    def street(p: Plan) -> None:
        sidewalk(p, s.info.street, 520, x2=780)

    p = s.level(0, "Rez-de-chaussée", 1150, 680, building)
    street(p)
    s1 = p.room("s1", "Salle 1 — Cartographie", Rect(60, 60, 370, 240), label_at=(245, 276))
    s2 = p.room("s2", "Salle 2 — Maquettes de navires", Rect(430, 60, 330, 240), label_at=(595, 276))
    s3 = p.room("s3", "Salle 3 — Instruments", Rect(760, 60, 240, 240), label_at=(880, 276))
    p.room("boutique", "Boutique", Rect(60, 300, 180, 220))
    hall = p.room("hall", "Hall d'accueil", Rect(240, 300, 200, 220), label_at=(340, 440))
    p.room("escalier", "", Rect(440, 300, 90, 220))
    p.stairs(stairs)
    p.label("Escalier", 485, 498, size=11.0)
    p.room("vestiaire", "Vestiaire", Rect(530, 300, 110, 220), size=12.0)
    p.room("wc", "Sanitaires", Rect(640, 300, 120, 220), size=12.0)
    pc = p.room("pc", "PC sécurité", Rect(760, 300, 240, 220))
    p.fixture(Rect(100, 110, 40, 130), "Vitrine")
    p.fixture(Rect(200, 120, 180, 80), "Vitrine des cartes", size=9.0)
    p.fixture(Rect(480, 110, 100, 60), "Maquette", size=9.0)
    p.fixture(Rect(620, 110, 100, 60), "Maquette", size=9.0)
    p.fixture(Rect(530, 195, 140, 50), "Maquette du « Belem »", size=9.0)
    p.fixture(Rect(800, 100, 160, 40), "Vitrine", size=9.0)
    p.fixture(Rect(800, 180, 160, 40), "Vitrine", size=9.0)
    p.fixture(Rect(270, 330, 120, 30), "Banque d'accueil", size=9.0)
    p.fixture(Rect(80, 320, 24, 180), "Présentoirs", size=9.0)
    p.fixture(Rect(800, 330, 110, 30), "Écrans vidéo", size=9.0)
    main = p.door("entree", "hall", "s", 0.5, 70, kind="double")
    p.door("hall-s1", "hall", "n", 0.4, 80, kind="opening")
    p.door("boutique-hall", "boutique", "e", 0.5, 60, kind="opening")
    p.door("escalier-hall", "escalier", "w", 0.7, 50, kind="opening")
    p.door("vestiaire-porte", "vestiaire", "n", 0.5)
    p.door("wc-porte", "wc", "n", 0.5)
    p.door("pc-s3", "pc", "n", 0.5)
    service = p.door("pc-service", "pc", "e", 0.6, 40, swing="out")
    p.door("s1-s2", "s1", "e", 0.5, 80, kind="opening")
    p.door("s2-s3", "s2", "e", 0.5, 80, kind="opening")
    p.windows("s1", "n", 2, 70)
    p.windows("s2", "n", 2, 70)
    p.window("s3", "n", 0.5, 70)
    p.window("s3", "e", 0.5, 70)
    p.window("boutique", "s", 0.5, 80)
    p.window("boutique", "w", 0.5, 60)
    p.window("pc", "s", 0.5, 60)
    s.zone(p, "Porte de service (PC sécurité)", "door_contact", service.centre)
    s.zone(p, "PC sécurité", "pir", pc.corner("se"))
    s.zone(p, "Salle 3", "dual_tech", s3.corner("ne"))
    s.zone(p, "Vitrines salle 3", "shock", (880.0, 120.0))
    s.zone(p, "Salle 2", "dual_tech", s2.corner("nw"))
    s.zone(p, "Maquettes salle 2", "shock", (600.0, 220.0))
    s.zone(p, "Salle 1", "dual_tech", s1.corner("nw"))
    s.zone(p, "Vitrine des cartes salle 1", "shock", (290.0, 160.0))
    s.zone(p, "Porte principale", "door_contact", main.centre)
    s.zone(p, "Hall d'accueil", "pir", hall.corner("se"))
    first = s.level(1, "1er étage", 1150, 680, building)
    street(first)
    first.room("s4", "Salle 4 — Peintures de marine", Rect(60, 60, 370, 240))
    first.room("s5", "Salle 5 — Expositions temporaires", Rect(430, 60, 330, 240))
    first.room("conservation", "Bureaux de la conservation", Rect(760, 60, 240, 240))
    first.room("pedago", "Salle pédagogique", Rect(60, 300, 380, 220))
    first.room("escalier", "", Rect(440, 300, 90, 220))
    first.stairs(stairs, up=False)
    first.label("Escalier", 485, 498, size=11.0)
    first.room("palier", "Palier", Rect(530, 300, 230, 220))
    first.room("admin", "Administration", Rect(760, 300, 240, 220))
    first.door("escalier-palier", "escalier", "e", 0.5, 60, kind="opening")
    first.door("palier-s5", "palier", "n", 0.5, 80, kind="opening")
    first.door("s4-s5", "s4", "e", 0.5, 80, kind="opening")
    first.door("pedago-s4", "pedago", "n", 0.5, 64, kind="double")
    first.door("admin-palier", "admin", "w", 0.5)
    first.door("conservation-admin", "conservation", "s", 0.5)
    for key in ("s4", "s5"):
        first.windows(key, "n", 2, 70)
    first.window("conservation", "n", 0.5, 70)
    first.window("conservation", "e", 0.5, 70)
    first.windows("pedago", "s", 2, 70)
    first.window("admin", "s", 0.5, 70)
    first.window("admin", "e", 0.5, 60)
    s.zone(first, "Salle 4", "dual_tech", first.rooms["s4"].corner("nw"))
    cellar = s.level(-1, "Sous-sol", 1150, 680, building)
    street(cellar)
    c = cellar.rooms
    cellar.room("reserves", "Réserves des collections", Rect(60, 60, 470, 240), label_at=(295, 276))
    cellar.room("atelier", "Atelier de restauration", Rect(530, 60, 230, 240))
    cellar.room("cta", "Local CTA (traitement d'air)", Rect(760, 60, 240, 240))
    cellar.room("caisses", "Réserve des caisses", Rect(60, 300, 380, 220))
    cellar.room("escalier", "", Rect(440, 300, 90, 220))
    cellar.stairs(stairs, up=True)
    cellar.label("Escalier", 485, 498, size=11.0)
    cellar.room("degagement", "Dégagement", Rect(530, 300, 230, 220))
    cellar.room("sprinkler", "Local sprinkler", Rect(760, 300, 240, 220))
    for i in range(4):
        cellar.fixture(Rect(90, 90 + i * 40, 400, 16), "Rayonnages" if i == 0 else "", size=9.0)
    cellar.door("escalier-degagement", "escalier", "e", 0.5, 60, kind="opening")
    cellar.door("atelier-degagement", "atelier", "s", 0.5)
    cellar.door("atelier-reserves", "atelier", "w", 0.75, 40)
    cellar.door("cta-atelier", "cta", "w", 0.8)
    cellar.door("caisses-reserves", "caisses", "n", 0.3, 64, kind="double")
    cellar.door("sprinkler-degagement", "sprinkler", "w", 0.5)
    s.zone(cellar, "Réserves des collections", "dual_tech", c["reserves"].corner("ne"))
    s.zone(p, "Clavier", "keypad", (pc.x + 22, pc.y2 - 22))
    s.zone(p, "Bouton d'alerte banque d'accueil", "panic_button", (330.0, 345.0))
    s.zone(cellar, "Fumée réserves des collections", "smoke", c["reserves"].at(0.5, 0.72))
    s.zone(cellar, "Fuite d'eau réserves", "water_leak", c["reserves"].at(0.12, 0.85))


def build_lab(s: SiteBuilder) -> None:
    building = Rect(60, 60, 980, 440)
    p = s.level(0, "Rez-de-chaussée", 1100, 640, building)
    sidewalk(p, s.info.street, 500, x2=740)
    corridor_floor(
        p,
        building,
        240,
        50,
        [
            Bay("plateau", "Plateau technique", 300, windows=2, door="double", door_at=0.5),
            Bay("froid", "Chambre froide réactifs", 130, windows=0),
            Bay("dasri", "Local DASRI", 120, windows=0),
            Bay("laverie", "Laverie", 120),
            Bay("bureau", "Bureau du biologiste", 160),
            Bay("info", "Local informatique", 150, windows=0),
        ],
        [
            Bay("accueil", "Accueil — secrétariat", 220, door="opening", door_at=0.5),
            Bay("attente", "Salle d'attente", 200, door="opening", door_at=0.5, windows=2),
            Bay("prel1", "Prélèvement 1", 120),
            Bay("prel2", "Prélèvement 2", 120),
            Bay("wc", "Sanitaires", 100, windows=0),
            Bay("vestiaires", "Vestiaires", 120, windows=0),
            Bay("pause", "Salle de pause", 100),
        ],
        label_x=700,
    )
    r = p.rooms
    p.fixture(Rect(80, 80, 150, 36), "Automates", size=9.0)
    p.fixture(Rect(300, 180, 44, 40), "−80 °C", size=8.0)
    p.fixture(Rect(72, 128, 26, 96), "Paillasse", size=9.0)
    p.fixture(Rect(100, 300, 130, 28), "Banque d'accueil", size=9.0)
    main = p.door("entree", "accueil", "s", 0.5, 64, kind="double")
    exit_ = p.door("secours", "couloir", "e", 0.5, 40, swing="out")
    p.door("dasri-ext", "dasri", "n", 0.5, 40, swing="out")
    s.zone(p, "Porte principale", "door_contact", main.centre)
    s.zone(p, "Accueil — secrétariat", "pir", r["accueil"].corner("sw"))
    s.zone(p, "Couloir", "pir", (300.0, 265.0))
    s.zone(p, "Plateau technique", "dual_tech", r["plateau"].corner("ne"))
    s.zone(p, "Bureau du biologiste", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Issue de secours", "door_contact", exit_.centre)
    s.zone(p, "Clavier", "keypad", (r["accueil"].x2 - 22, r["accueil"].y2 - 22))
    s.zone(p, "Bouton d'alerte accueil", "panic_button", (165.0, 340.0))
    s.zone(p, "Congélateur −80 °C", "technical", (322.0, 200.0))
    s.zone(p, "Chambre froide réactifs", "technical", r["froid"].at(0.5, 0.3))
    s.zone(p, "Fumée plateau technique", "smoke", (265.0, 185.0))
    s.zone(p, "Fumée local informatique", "smoke", ceiling(r["info"]))
    s.zone(p, "Fuite d'eau laverie", "water_leak", r["laverie"].at(0.5, 0.75))


def build_workshop(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1100, 640, Rect(60, 60, 860, 440))
    r = p.rooms
    p.ground(Rect(924, 60, 160, 440), "Cour de stockage", label_at=(1004, 80))
    p.ground(Rect(60, 504, 860, 40), fill="#f0f0ea")
    p.street(s.info.street, 380, 560)
    atelier = p.room("atelier", "Atelier", Rect(60, 60, 560, 440), label_at=(470, 446), size=16.0)
    p.room("stock", "Stock bois", Rect(620, 60, 300, 180), label_at=(790, 204))
    p.room("cabine", "Cabine de vernissage", Rect(620, 240, 160, 140), label_at=(700, 346), size=11.0)
    p.room("aspiration", "Aspiration", Rect(780, 240, 140, 140), size=12.0)
    p.room("bureau", "Bureau", Rect(620, 380, 160, 120))
    p.room("vestiaire", "Vestiaire", Rect(780, 380, 140, 120), size=12.0)
    for rect, label in (
        (Rect(120, 120, 140, 80), "Scie à format"),
        (Rect(320, 110, 100, 60), "Raboteuse"),
        (Rect(470, 110, 70, 70), "Toupie"),
        (Rect(100, 300, 180, 40), "Établi"),
        (Rect(330, 300, 180, 40), "Établi"),
        (Rect(360, 200, 160, 40), "Plaqueuse"),
    ):
        p.fixture(rect, label, size=9.0)
    for i in range(3):
        p.fixture(Rect(660, 78 + i * 34, 230, 18), "Bois en rack" if i == 0 else "", size=9.0)
    roller = p.door("atelier-porte", "atelier", "s", 0.35, 140, kind="sectional")
    p.door("stock-atelier", "stock", "w", 0.5, 64, kind="double")
    p.door("stock-cour", "stock", "e", 0.5, 100, kind="sectional")
    p.door("cabine-porte", "cabine", "w", 0.5)
    p.door("aspiration-porte", "aspiration", "e", 0.5, 36, swing="out")
    p.door("bureau-atelier", "bureau", "w", 0.5)
    office = p.door("bureau-porte", "bureau", "s", 0.5, 40)
    p.door("vestiaire-porte", "vestiaire", "w", 0.5)
    p.window("bureau", "s", 0.2, 40)
    p.windows("atelier", "n", 3, 70)
    p.windows("atelier", "w", 2, 70)
    p.window("stock", "n", 0.5, 60)
    s.zone(p, "Porte du bureau", "door_contact", office.centre)
    s.zone(p, "Bureau", "pir", r["bureau"].corner("ne"))
    s.zone(p, "Atelier — entrée", "dual_tech", atelier.corner("se"))
    s.zone(p, "Porte sectionnelle atelier", "door_contact", roller.centre)
    s.zone(p, "Atelier — machines", "dual_tech", atelier.corner("ne"))
    s.zone(p, "Stock bois", "pir", r["stock"].corner("ne"))
    s.zone(p, "Clavier", "keypad", (742.0, 476.0))
    s.zone(p, "Atelier (thermique)", "heat", (280.0, 250.0))
    s.zone(p, "Fumée cabine de vernissage", "smoke", ceiling(r["cabine"]))
    s.zone(p, "Fumée stock bois", "smoke", r["stock"].at(0.2, 0.85))
    s.zone(p, "Aspiration — défaut", "technical", r["aspiration"].at(0.5, 0.78))
    s.zone(p, "Alerte travailleur isolé", "panic_button", (540.0, 330.0))


def build_hotel(s: SiteBuilder) -> None:
    building = Rect(60, 60, 980, 440)

    def rooms_floor(level: int, name: str) -> Plan:
        p = s.level(level, name, 1100, 640, building)
        sidewalk(p, s.info.street, 500, x2=740)
        n = level * 100
        corridor_floor(
            p,
            building,
            250,
            50,
            [
                *(Bay(f"ch{n + i}", f"Chambre {n + i}", 172) for i in range(1, 6)),
                Bay("escalier", "", 120, door="opening", door_at=0.5),
            ],
            [
                *(Bay(f"ch{n + i}", f"Chambre {n + i}", 160) for i in range(6, 11)),
                Bay("office", "Office", 100, windows=0),
                Bay("ascenseur", "", 80, door="sliding", door_at=0.5, windows=0),
            ],
            label_x=500,
        )
        stair_well(p, "escalier", up=level < 2)
        lift = p.rooms["ascenseur"]
        p.lift(Rect(lift.x + 12, lift.y + 40, lift.w - 24, lift.w - 24))
        for i in range(1, 11):
            key = f"ch{n + i}"
            room = p.rooms[key]
            bed(p, key, "n" if i <= 5 else "s")
            y = room.y2 - 56 if i <= 5 else room.y + 6
            p.fixture(Rect(room.x2 - 62, y, 56, 50), "SdB", size=9.0, fill="#eef2f4")
        p.door("secours", "couloir", "w", 0.5, 44, swing="out")
        return p

    p = s.level(0, "Rez-de-chaussée", 1100, 640, building)
    sidewalk(p, s.info.street, 500, x2=740)
    corridor_floor(
        p,
        building,
        250,
        50,
        [
            Bay("petitdej", "Salle des petits-déjeuners", 340, windows=2, door="double", door_at=0.5),
            Bay("cuisine", "Cuisine", 200),
            Bay("reserve", "Réserve", 100, windows=0),
            Bay("technique", "Local technique", 100, windows=0),
            Bay("lingerie", "Lingerie", 120),
            Bay("escalier", "", 120, door="opening", door_at=0.5),
        ],
        [
            Bay("hall", "Hall — réception", 300, door="opening", door_at=0.5, windows=0),
            Bay("salon", "Salon-bar", 260, door="double", door_at=0.5, windows=2),
            Bay("bureau", "Bureau de direction", 140),
            Bay("bagagerie", "Bagagerie", 100, windows=0),
            Bay("wc", "Sanitaires", 100, windows=0),
            Bay("ascenseur", "", 80, door="sliding", door_at=0.5, windows=0),
        ],
        label_x=560,
    )
    r = p.rooms
    stair_well(p, "escalier")
    lift = r["ascenseur"]
    p.lift(Rect(lift.x + 12, lift.y + 40, lift.w - 24, lift.w - 24))
    main = p.door("entree", "hall", "s", 0.4, 80, kind="sliding")
    p.window("hall", "s", 0.82, 70)
    service = p.door("service", "cuisine", "n", 0.7, 40, swing="out")
    p.fixture(Rect(200, 320, 140, 30), "Réception", size=10.0)
    p.fixture(Rect(420, 420, 140, 40), "Bar", size=10.0)
    p.fixture(Rect(440, 80, 140, 24), "Fourneaux", size=9.0, fill="#e8e1d6")
    s.zone(p, "Porte d'entrée", "door_contact", main.centre)
    s.zone(p, "Hall — réception", "dual_tech", r["hall"].corner("sw"))
    s.zone(p, "Salon-bar", "dual_tech", r["salon"].corner("se"))
    s.zone(p, "Bureau de direction", "pir", r["bureau"].corner("se"))
    s.zone(p, "Porte de service cuisine", "door_contact", service.centre)
    s.zone(p, "Clavier", "keypad", (r["hall"].x + 22, r["hall"].y + 22))
    s.zone(p, "Bouton d'agression réception", "panic_button", (326.0, 335.0))
    s.zone(p, "Fumée couloir RDC", "smoke", (300.0, 275.0))
    s.zone(p, "Cuisine (thermique)", "heat", (560.0, 200.0))
    first = rooms_floor(1, "1er étage")
    s.zone(first, "Fumée couloir 1er étage", "smoke", (300.0, 275.0))
    s.zone(first, "Fumée chambre 104", "smoke", first.rooms["ch104"].at(0.5, 0.72))
    second = rooms_floor(2, "2e étage")
    s.zone(second, "Fumée couloir 2e étage", "smoke", (300.0, 275.0))
    s.zone(p, "Chambre froide (réserve)", "technical", r["reserve"].at(0.5, 0.3))
    s.zone(p, "Fuite d'eau lingerie", "water_leak", r["lingerie"].at(0.5, 0.75))


def build_nursery(s: SiteBuilder) -> None:
    building = Rect(60, 50, 880, 440)
    p = s.level(0, "Rez-de-chaussée", 1000, 620, building)
    sidewalk(p, s.info.street, 490, x2=640)
    corridor_floor(
        p,
        building,
        220,
        50,
        [
            Bay("eveil_g", "Salle d'éveil (grands)", 260, windows=2, door="double", door_at=0.5),
            Bay("dortoir1", "Dortoir 1", 150, windows=1),
            Bay("dortoir2", "Dortoir 2", 150, windows=1),
            Bay("change", "Salle de change", 120),
            Bay("biberonnerie", "Biberonnerie", 100),
            Bay("buanderie", "Buanderie", 100, windows=0),
        ],
        [
            Bay("entree", "Accueil des parents", 160, door="opening", door_at=0.5, windows=0),
            Bay("directrice", "Bureau de la direction", 140),
            Bay("eveil_p", "Salle d'éveil (petits)", 240, windows=2, door="double", door_at=0.5),
            Bay("cuisine", "Cuisine", 120),
            Bay("wc", "Sanitaires adultes", 100, windows=0),
            Bay("poussettes", "Local poussettes", 120, windows=0),
        ],
        label_x=560,
    )
    r = p.rooms
    for key in ("dortoir1", "dortoir2"):
        room = r[key]
        for i in range(3):
            p.fixture(Rect(room.x + 14 + i * 44, room.y + 14, 32, 46), "", rounded=4.0)
    garden = p.door("jardin", "eveil_g", "n", 0.3, 64, kind="double", swing="out")
    main = p.door("entree-porte", "entree", "s", 0.5, 44)
    p.door("poussettes-ext", "poussettes", "s", 0.5, 60)
    p.fixture(Rect(78, 300, 110, 28), "Banque d'accueil", size=9.0)
    p.street("Jardin", 30, 130, vertical=True)
    s.zone(p, "Porte d'entrée", "door_contact", main.centre)
    s.zone(p, "Accueil des parents", "pir", r["entree"].corner("sw"))
    s.zone(p, "Bureau de la direction", "pir", r["directrice"].corner("se"))
    s.zone(p, "Couloir", "pir", (400.0, 245.0))
    s.zone(p, "Salle d'éveil (grands)", "dual_tech", r["eveil_g"].corner("se"))
    s.zone(p, "Porte vers le jardin", "door_contact", garden.centre)
    s.zone(p, "Clavier", "keypad", (r["entree"].x2 - 22, r["entree"].y2 - 22))
    s.zone(p, "Fumée couloir", "smoke", (760.0, 245.0))
    s.zone(p, "Fumée dortoir 1", "smoke", r["dortoir1"].at(0.5, 0.62))
    s.zone(p, "Fumée dortoir 2", "smoke", r["dortoir2"].at(0.5, 0.62))
    s.zone(p, "Cuisine (thermique)", "heat", ceiling(r["cuisine"]))
    s.zone(p, "Bouton d'alerte accueil", "panic_button", (176.0, 314.0))
    s.zone(p, "Réfrigérateur biberonnerie", "technical", r["biberonnerie"].at(0.5, 0.3))


def build_gym(s: SiteBuilder) -> None:
    p = s.level(0, "Rez-de-chaussée", 1100, 640, Rect(60, 60, 980, 440))
    r = p.rooms
    sidewalk(p, s.info.street, 500, x2=740)
    plateau = p.room("plateau", "Plateau musculation", Rect(60, 60, 560, 270), label_at=(340, 185), size=16.0)
    cours = p.room("cours", "Salle de cours collectifs", Rect(620, 60, 420, 160))
    p.room("cycling", "Salle de cycling", Rect(620, 220, 420, 160), label_at=(830, 250))
    accueil = p.room("accueil", "Accueil", Rect(60, 330, 180, 170), label_at=(150, 430))
    p.room("bureau", "Bureau", Rect(240, 330, 120, 170))
    p.room("vest_h", "Vestiaires hommes", Rect(360, 330, 130, 170), size=12.0)
    p.room("vest_f", "Vestiaires femmes", Rect(490, 330, 130, 170), size=12.0)
    p.room("technique", "Local technique", Rect(620, 380, 180, 120))
    p.room("stretching", "Espace stretching", Rect(800, 380, 240, 120))
    for i in range(6):
        p.fixture(Rect(130 + i * 64, 84, 40, 70), "", rounded=4.0)
    p.label("Cardio", 130 + 3 * 64 - 4, 170, size=10.0, colour="#77776f")
    for i in range(4):
        p.fixture(Rect(100 + i * 120, 220, 80, 50), "Machine" if i == 0 else "", size=9.0)
    for row in range(2):
        for i in range(7):
            p.fixture(Rect(660 + i * 50, 280 + row * 44, 26, 34), "", rounded=6.0)
    p.fixture(Rect(80, 350, 110, 30), "Comptoir", size=10.0)
    main = p.door("entree", "accueil", "s", 0.5, 80, kind="sliding")
    p.door("accueil-plateau", "accueil", "n", 0.6, 90, kind="opening")
    p.door("bureau-porte", "bureau", "w", 0.7)
    p.door("vest_h-porte", "vest_h", "n", 0.5)
    p.door("vest_f-porte", "vest_f", "n", 0.5)
    p.door("cours-porte", "cours", "w", 0.5, 64, kind="double")
    p.door("cycling-porte", "cycling", "w", 0.34, 64, kind="double")
    exit_ = p.door("secours", "cours", "e", 0.5, 44, swing="out")
    p.door("technique-porte", "technique", "s", 0.5, 40)
    p.door("stretching-porte", "stretching", "n", 0.5)
    p.windows("plateau", "n", 3, 80)
    p.windows("plateau", "w", 2, 60)
    p.windows("cours", "n", 2, 80)
    p.window("stretching", "s", 0.5, 80)
    p.window("bureau", "s", 0.5, 50)
    s.zone(p, "Porte d'entrée", "door_contact", main.centre)
    s.zone(p, "Accueil", "pir", accueil.corner("sw"))
    s.zone(p, "Bureau", "pir", r["bureau"].corner("se"))
    s.zone(p, "Plateau musculation", "dual_tech", plateau.corner("nw"))
    s.zone(p, "Salle de cours collectifs", "dual_tech", cours.corner("ne"))
    s.zone(p, "Issue de secours salle de cours", "door_contact", exit_.centre)
    s.zone(p, "Clavier", "keypad", (accueil.x2 - 22, accueil.y2 - 22))
    s.zone(p, "Bouton d'agression accueil", "panic_button", (178.0, 365.0))
    s.zone(p, "Fumée plateau", "smoke", (340.0, 300.0))
    s.zone(p, "Fumée local technique", "smoke", ceiling(r["technique"]))
    s.zone(p, "Armoire défibrillateur ouverte", "technical", (600.0, 300.0))
    s.zone(p, "Fuite d'eau douches", "water_leak", r["vest_h"].at(0.5, 0.8))


# --------------------------------------------------------------------------------------------
# The catalogue
# --------------------------------------------------------------------------------------------

GUARD = "Société de gardiennage"
ON_CALL = "Astreinte technique"
DEAF = "Malentendant : appeler en SMS ou visio"

SITES: tuple[SiteInfo, ...] = (
    SiteInfo(
        code="LYO-0001",
        name="Pharmacie de la Croix-Rousse",
        builder=build_pharmacy,
        address="12 boulevard de la Croix-Rousse",
        postcode="69004",
        city="Lyon",
        latitude=45.7745,
        longitude=4.8302,
        risk_class=4,
        street="Boulevard de la Croix-Rousse",
        notes="Accès livraisons par la cour (rue Dumenge). Stupéfiants au coffre du préparatoire. "
        "Pharmacie de garde un dimanche sur six : ouverte jusqu'à 22 h ces jours-là.",
        people=(
            Person("Pharmacien titulaire|Pharmacienne titulaire"),
            Person("Pharmacien adjoint|Pharmacienne adjointe", "Semaine 8h-20h"),
            Person(GUARD, organisation="Rhône Gardiennage (PC)"),
        ),
        audio=True,
        line="1",
        extra_procedures=("open_close",),
        site_steps={"intrusion": "Signaler au 17 la présence de stupéfiants sur le site"},
    ),
    SiteInfo(
        code="PAR-0001",
        name="Bijouterie Lemaire",
        builder=build_jeweller,
        address="18 rue de la Paix",
        postcode="75002",
        city="Paris",
        latitude=48.8691,
        longitude=2.3310,
        risk_class=5,
        street="Rue de la Paix",
        notes="SAS à double porte, ouverture à distance depuis le comptoir. Coffre temporisé (15 min). "
        "Brouilleur GSM possible : tout défaut de liaison est à traiter comme une intrusion.",
        people=(
            Person("Gérant|Gérante"),
            Person("Joaillier|Joaillière", "Semaine 9h30-19h"),
            Person(GUARD, organisation="Vendôme Protection (PC)"),
        ),
        audio=True,
        protocol="SIA-DCS",
        line="2",
        extra_procedures=("duress", "supervision"),
        site_steps={
            "panic": "Transmettre au 17 le code d'accès du SAS et l'emplacement du coffre",
            "supervision": "Perte de liaison : envoyer l'agent d'intervention sans attendre (brouillage)",
        },
    ),
    SiteInfo(
        code="MAR-0001",
        name="Crédit Provençal — agence Castellane",
        builder=build_bank,
        address="112 rue de Rome",
        postcode="13006",
        city="Marseille",
        latitude=43.2880,
        longitude=5.3832,
        risk_class=5,
        street="Rue de Rome",
        notes="Ouverture du SAS commandée depuis le guichet. Passage du transporteur de fonds deux fois par "
        "semaine : ne jamais communiquer les jours ni les horaires. Horloge du transmetteur en heure "
        "locale (décalage connu, signalé à l'installateur).",
        people=(
            Person("Directeur d'agence|Directrice d'agence"),
            Person("Responsable sécurité régional|Responsable sécurité régionale", "Semaine 8h-18h"),
            Person("Centre de sécurité de la banque", organisation="Centre de sécurité Crédit Provençal"),
            Person(GUARD, organisation="Phocée Intervention"),
        ),
        audio=True,
        protocol="SIA-DCS",
        line="4",
        extra_procedures=("duress", "supervision", "open_close"),
        site_steps={"panic": "Prévenir le centre de sécurité de la banque (contact n°3) après le 17"},
    ),
    SiteInfo(
        code="BOR-0001",
        name="Entrepôt Garonne Logistique",
        builder=build_warehouse,
        address="27 rue Lucien Faure",
        postcode="33300",
        city="Bordeaux",
        latitude=44.8627,
        longitude=-0.5533,
        risk_class=3,
        street="Rue Lucien Faure",
        notes="Quais en activité de 5 h à 22 h en semaine. Chien de garde en liberté dans la cour la nuit. "
        "Code du portail remis à l'agent d'intervention ; clés au coffre à clés de l'accueil chauffeurs.",
        people=(
            Person("Responsable de site"),
            Person("Chef de quai|Cheffe de quai", "Semaine 5h-13h"),
            Person(ON_CALL, "24h/24 (astreinte tournante)"),
            Person(GUARD, organisation="Aquitaine Sûreté"),
        ),
        line="2",
        extra_procedures=("supervision",),
        site_steps={"intrusion": "Prévenir l'agent d'intervention : chien de garde en liberté dans la cour"},
    ),
    SiteInfo(
        code="LIL-0001",
        name="École élémentaire des Sarrazins",
        builder=build_school,
        address="14 rue des Sarrazins",
        postcode="59000",
        city="Lille",
        latitude=50.6283,
        longitude=3.0468,
        risk_class=2,
        street="Rue des Sarrazins",
        notes="Propriété de la Ville : prévenir aussi l'astreinte bâtiments. Centre de loisirs le mercredi et "
        "pendant les vacances (horaires différents). Alerte PPMS : confinement, ne pas faire évacuer.",
        people=(
            Person("Directeur d'école|Directrice d'école", "Semaine 7h30-18h30"),
            Person("Gardien|Gardienne", "Nuit et week-end (logé sur place)", accessibility_needs=DEAF),
            Person(ON_CALL, organisation="Ville de Lille — astreinte bâtiments"),
        ),
        accessibility_needs="Élève en fauteuil roulant en classe de CE2 (rez-de-chaussée)",
        line="3",
        extra_procedures=("open_close",),
        site_steps={
            "panic": "Alerte PPMS : préciser au 17 qu'il s'agit d'une école occupée, confinement en cours"
        },
    ),
    SiteInfo(
        code="TOU-0001",
        name="Mairie de quartier Saint-Cyprien",
        builder=build_town_hall,
        address="2 place Intérieure Saint-Cyprien",
        postcode="31300",
        city="Toulouse",
        latitude=43.5981,
        longitude=1.4327,
        risk_class=2,
        street="Place Intérieure Saint-Cyprien",
        notes="Régie de recettes (espèces) au coffre du rez-de-chaussée. Salle de réunion prêtée aux "
        "associations le soir jusqu'à 22 h : les mises hors service tardives sont normales.",
        people=(
            Person("Responsable de la mairie de quartier"),
            Person("Agent d'accueil", "Semaine 8h30-17h30"),
            Person(ON_CALL, organisation="Mairie de Toulouse — astreinte"),
        ),
        accessibility_needs="Agent d'accueil en fauteuil roulant (poste au rez-de-chaussée)",
        audio=True,
        protocol="SIA-DCS",
        line="5",
        extra_procedures=("open_close",),
    ),
    SiteInfo(
        code="NAN-0001",
        name="EHPAD Les Glycines",
        builder=build_ehpad,
        address="23 rue du Coudray",
        postcode="44000",
        city="Nantes",
        latitude=47.2262,
        longitude=-1.5394,
        risk_class=2,
        street="Rue du Coudray",
        notes="58 résidents, personnel présent 24h/24 (deux soignants la nuit). Portes anti-fugue : une "
        "sortie la nuit est une urgence (résidents désorientés). Accès pompiers par la rue du Coudray.",
        people=(
            Person(
                "Infirmier de nuit|Infirmière de nuit",
                "Nuit 21h-7h",
                landline=True,
                sip_uri="sip:poste-soins@192.0.2.120",
            ),
            Person("Cadre de santé d'astreinte", "24h/24"),
            Person("Directeur|Directrice", "Semaine 8h-18h"),
            Person(ON_CALL, organisation="Maintenance Atlantique Bâtiment"),
        ),
        accessibility_needs="Résidents dépendants : 12 en fauteuil roulant, évacuation horizontale assistée "
        "par le personnel",
        audio=True,
        line="1",
        extra_procedures=("medical", "supervision"),
        occupied_at_night=True,
        site_steps={
            "medical": "Prévenir l'infirmier(e) de nuit sur son poste avant d'appeler le 15",
            "intrusion": "Porte anti-fugue : faire vérifier la présence des résidents par le personnel",
        },
    ),
    SiteInfo(
        code="STR-0001",
        name="Rhin Automobiles",
        builder=build_dealership,
        address="12 rue de la Plaine des Bouchers",
        postcode="67100",
        city="Strasbourg",
        latitude=48.5615,
        longitude=7.7440,
        risk_class=3,
        street="Rue de la Plaine des Bouchers",
        notes="Clés des véhicules dans l'armoire à clés du bureau du chef des ventes. Parking VO éclairé toute "
        "la nuit. Vols de catalyseurs signalés dans le secteur.",
        people=(
            Person("Directeur de la concession|Directrice de la concession"),
            Person("Chef d'atelier|Cheffe d'atelier", "Semaine 7h30-18h"),
            Person(GUARD, organisation="Alsace Protection Services"),
        ),
        line="2",
        extra_procedures=("tamper",),
    ),
    SiteInfo(
        code="GRE-0001",
        name="Cabinet médical des Eaux-Claires",
        builder=build_medical_practice,
        address="40 rue des Eaux-Claires",
        postcode="38100",
        city="Grenoble",
        latitude=45.1768,
        longitude=5.7134,
        risk_class=2,
        street="Rue des Eaux-Claires",
        notes="Vaccins au réfrigérateur de la salle de soins. Permanence de soins certains samedis matin. "
        "Deux agressions verbales signalées en 2024 : boutons d'alerte au secrétariat et au cabinet 1.",
        people=(
            Person("Médecin coordinateur|Médecin coordinatrice"),
            Person("Secrétaire médical|Secrétaire médicale", "Semaine 8h-19h"),
            Person("Médecin associé|Médecin associée", "Congés du 1er au 15 août"),
        ),
        accessibility_needs="Accès PMR par la rampe côté rue ; patients à mobilité réduite en journée",
        audio=True,
        protocol="SIA-DCS",
        line="4",
        extra_procedures=("medical",),
        site_steps={
            "technical": "Défaut de température vaccins : prévenir le médecin coordinateur dans l'heure"
        },
    ),
    SiteInfo(
        code="REN-0001",
        name="Supermarché du Bourg-l'Évêque",
        builder=build_supermarket,
        address="25 rue de Brest",
        postcode="35000",
        city="Rennes",
        latitude=48.1127,
        longitude=-1.6917,
        risk_class=3,
        street="Rue de Brest",
        notes="Livraisons de nuit au quai entre 4 h et 6 h (mise hors service du quai seul). Recette en salle "
        "de comptage jusqu'au passage du transporteur de fonds.",
        people=(
            Person("Directeur du magasin|Directrice du magasin"),
            Person("Responsable sécurité", "Semaine 7h-21h"),
            Person(ON_CALL, organisation="Froid Service Bretagne"),
            Person(GUARD, organisation="Armor Gardiennage"),
        ),
        audio=True,
        line="1",
        extra_procedures=("duress", "open_close"),
        site_steps={
            "technical": "Défaut de chambre froide : appeler l'astreinte froid (contact n°3) "
            "sans attendre le matin"
        },
    ),
    SiteInfo(
        code="NIC-0001",
        name="Villa Les Mimosas",
        builder=build_villa,
        address="112 boulevard du Mont-Boron",
        postcode="06300",
        city="Nice",
        latitude=43.6968,
        longitude=7.2953,
        risk_class=4,
        street="Boulevard du Mont-Boron",
        notes="Propriétaires souvent absents l'hiver. Gardien présent en journée. Risque de home-jacking : "
        "toute alarme panique est prioritaire. Portail motorisé, code remis à l'agent.",
        people=(
            Person("Propriétaire"),
            Person(
                "Conjoint de la propriétaire|Conjointe du propriétaire",
                accessibility_needs="Non francophone : parler anglais ou italien",
            ),
            Person("Gardien|Gardienne", "Semaine 8h-17h"),
            Person(GUARD, organisation="Riviera Sécurité"),
        ),
        audio=True,
        protocol="SIA-DCS",
        line="2",
        extra_procedures=("duress", "supervision"),
        occupied_at_night=True,
    ),
    SiteInfo(
        code="DIJ-0001",
        name="Boulangerie des Ducs",
        builder=build_bakery,
        address="34 rue de la Liberté",
        postcode="21000",
        city="Dijon",
        latitude=47.3219,
        longitude=5.0393,
        risk_class=2,
        street="Rue de la Liberté",
        notes="Fournil en activité dès 3 h : personnel présent la nuit, mise en service partielle (boutique "
        "seule). Porte de livraison côté cour.",
        people=(
            Person("Artisan boulanger|Artisane boulangère"),
            Person("Vendeur responsable|Vendeuse responsable", "Semaine 6h-14h"),
            Person("Associé|Associée", "Congés du 1er au 15 août"),
        ),
        line="1",
    ),
    SiteInfo(
        code="PAR-0002",
        name="Centre de données Paris Ourcq",
        builder=build_datacenter,
        address="12 rue Curial",
        postcode="75019",
        city="Paris",
        latitude=48.8928,
        longitude=2.3728,
        risk_class=4,
        street="Rue Curial",
        notes="Agent de sûreté au PC 24h/24 : traiter d'abord avec le PC (ligne directe). Extinction automatique "
        "au gaz inerte dans les salles serveurs. Groupes électrogènes testés le premier mardi du mois.",
        people=(
            Person(
                "PC sécurité du site",
                organisation="PC sécurité Paris Ourcq",
                sip_uri="sip:pc-securite@192.0.2.150",
            ),
            Person("Responsable d'exploitation", "Semaine 8h-19h"),
            Person(ON_CALL, "24h/24 (astreinte tournante)"),
            Person("Directeur du site|Directrice du site", "Nuit et week-end (second niveau)"),
        ),
        audio=True,
        protocol="SIA-DCS",
        line="6",
        extra_procedures=("supervision", "tamper"),
        occupied_at_night=True,
        site_steps={
            "fire": "Faire confirmer par le PC que personne n'est en salle avant l'extinction au gaz"
        },
    ),
    SiteInfo(
        code="LYO-0002",
        name="Relais de Gerland (station-service)",
        builder=build_fuel_station,
        address="250 avenue Jean Jaurès",
        postcode="69007",
        city="Lyon",
        latitude=45.7372,
        longitude=4.8379,
        risk_class=3,
        street="Avenue Jean Jaurès",
        notes="Automate 24h/24 sur les pistes, boutique ouverte de 6 h à 22 h. Fuite d'hydrocarbures : ne pas "
        "envoyer l'agent sur les pistes, appeler le 18.",
        people=(
            Person("Gérant|Gérante"),
            Person("Employé de boutique|Employée de boutique", "Semaine 6h-14h"),
            Person(ON_CALL, organisation="Pétro Maintenance Rhône"),
        ),
        line="1",
        extra_procedures=("duress",),
        site_steps={
            "technical": "Fuite d'hydrocarbures : appeler le 18 et faire couper la distribution "
            "par l'astreinte"
        },
    ),
    SiteInfo(
        code="BOR-0002",
        name="Musée des Arts maritimes",
        builder=build_museum,
        address="16 rue Notre-Dame",
        postcode="33000",
        city="Bordeaux",
        latitude=44.8541,
        longitude=-0.5703,
        risk_class=4,
        street="Rue Notre-Dame",
        notes="Toute alarme sur une vitrine est une intrusion confirmée. Hygrométrie des réserves surveillée. "
        "Nocturnes le premier jeudi du mois jusqu'à 22 h.",
        people=(
            Person("Conservateur|Conservatrice"),
            Person("Responsable sécurité du musée", "Semaine 9h-18h"),
            Person("Régisseur des collections|Régisseuse des collections", "Nuit et week-end"),
            Person(GUARD, organisation="Garonne Gardiennage"),
        ),
        audio=True,
        protocol="SIA-DCS",
        line="3",
        extra_procedures=("supervision", "tamper"),
        site_steps={"intrusion": "Choc sur vitrine : doute positif d'office, appeler le 17 sans attendre"},
    ),
    SiteInfo(
        code="TOU-0002",
        name="Laboratoire BioGaronne",
        builder=build_lab,
        address="12 rue Bayard",
        postcode="31000",
        city="Toulouse",
        latitude=43.6092,
        longitude=1.4496,
        risk_class=3,
        street="Rue Bayard",
        notes="Congélateur −80 °C : échantillons irremplaçables. Coursiers de prélèvements jusqu'à 21 h. "
        "Local DASRI ouvert au collecteur le lundi et le jeudi.",
        people=(
            Person("Biologiste responsable"),
            Person("Technicien de laboratoire|Technicienne de laboratoire", "Semaine 7h-19h"),
            Person(ON_CALL, organisation="Froid Médical Occitanie"),
        ),
        line="5",
        extra_procedures=("open_close",),
        site_steps={
            "technical": "Défaut du congélateur −80 °C : appeler le biologiste immédiatement, même la nuit"
        },
    ),
    SiteInfo(
        code="STR-0002",
        name="Menuiserie Koenig",
        builder=build_workshop,
        address="8 rue de la Coopérative",
        postcode="67100",
        city="Strasbourg",
        latitude=48.5748,
        longitude=7.7902,
        risk_class=2,
        street="Rue de la Coopérative",
        notes="Artisan souvent seul à l'atelier le soir (alerte travailleur isolé). Poussières de bois et "
        "vernis : risque d'incendie élevé.",
        people=(
            Person("Artisan menuisier|Artisane menuisière"),
            Person("Associé|Associée", "Semaine 7h-17h"),
            Person("Voisin (clés)|Voisine (clés)", "Soir et week-end"),
        ),
        line="2",
        extra_procedures=("medical",),
        site_steps={"panic": "Alerte travailleur isolé : si l'artisan ne répond pas, appeler aussi le 18"},
    ),
    SiteInfo(
        code="NIC-0002",
        name="Hôtel des Orangers",
        builder=build_hotel,
        address="22 rue de France",
        postcode="06000",
        city="Nice",
        latitude=43.6958,
        longitude=7.2604,
        risk_class=2,
        street="Rue de France",
        notes="Veilleur de nuit seul à la réception de 23 h à 7 h. 30 chambres, occupation au registre de la "
        "réception. Accès pompiers rue de France.",
        people=(
            Person(
                "Veilleur de nuit|Veilleuse de nuit",
                "Nuit 23h-7h",
                landline=True,
                sip_uri="sip:reception@192.0.2.130",
            ),
            Person("Directeur|Directrice"),
            Person(ON_CALL, organisation="Azur Maintenance Hôtelière"),
        ),
        accessibility_needs="Chambre 102 adaptée PMR : client en fauteuil roulant possible, le signaler aux "
        "secours",
        audio=True,
        line="3",
        extra_procedures=("medical", "duress"),
        occupied_at_night=True,
    ),
    SiteInfo(
        code="REN-0002",
        name="Crèche Les P'tits Mousses",
        builder=build_nursery,
        address="6 rue Jean Guéhenno",
        postcode="35700",
        city="Rennes",
        latitude=48.1198,
        longitude=-1.6647,
        risk_class=1,
        street="Rue Jean Guéhenno",
        notes="Ouverte de 7 h 30 à 19 h en semaine, fermée en août. Local poussettes ouvert aux parents le matin.",
        people=(
            Person("Directeur|Directrice"),
            Person("Éducateur de jeunes enfants|Éducatrice de jeunes enfants", "Semaine 7h30-19h"),
            Person(ON_CALL, organisation="Ville de Rennes — astreinte bâtiments"),
        ),
        accessibility_needs="Enfants de moins de 3 ans : évacuation portée par le personnel en journée",
        protocol="SIA-DCS",
        line="4",
        extra_procedures=("medical", "open_close"),
    ),
    SiteInfo(
        code="MAR-0002",
        name="Fitness Prado",
        builder=build_gym,
        address="300 avenue du Prado",
        postcode="13008",
        city="Marseille",
        latitude=43.2694,
        longitude=5.3893,
        risk_class=2,
        street="Avenue du Prado",
        notes="Ouvert de 6 h à 23 h, 7 j/7, accès par badge : une alarme entre 23 h et 6 h n'est pas une "
        "ouverture normale. Défibrillateur au bord du plateau.",
        people=(
            Person("Gérant|Gérante"),
            Person("Coach responsable", "Semaine 17h-23h"),
            Person(GUARD, organisation="Massilia Sécurité"),
        ),
        accessibility_needs="Cours seniors le matin : personnes à mobilité réduite possibles",
        audio=True,
        line="1",
        extra_procedures=("medical",),
    ),
    SiteInfo(
        code="LIL-0002",
        name="Tabac-Presse du Vieux-Lille",
        builder=build_tobacco,
        address="30 rue de la Monnaie",
        postcode="59800",
        city="Lille",
        latitude=50.6405,
        longitude=3.0628,
        risk_class=4,
        street="Rue de la Monnaie",
        notes="Rideau métallique électrique : l'agent d'intervention a la clé du boîtier. Livraison de presse à "
        "5 h 30 par la cour : mise hors service attendue entre 5 h 15 et 5 h 45.",
        people=(
            Person("Buraliste"),
            Person("Conjoint du buraliste|Conjointe du buraliste", "Soir et week-end"),
            Person(GUARD, organisation="Flandres Sécurité Intervention"),
        ),
        line="3",
        extra_procedures=("open_close", "duress"),
    ),
    SiteInfo(
        code="PAR-0003",
        name="Appartement Girard",
        builder=build_apartment,
        address="27 avenue Mozart",
        postcode="75016",
        city="Paris",
        latitude=48.8560,
        longitude=2.2707,
        risk_class=3,
        street="Avenue Mozart",
        notes="3e étage gauche. Gardienne de l'immeuble en loge (clé de secours). Code de la porte d'immeuble "
        "communiqué aux secours uniquement, sur demande.",
        people=(
            Person("Résident|Résidente", accessibility_needs="Mobilité réduite : laisser sonner longtemps"),
            Person("Fils de la résidente|Fille de la résidente"),
            Person("Gardien de l'immeuble|Gardienne de l'immeuble", "Semaine 8h-12h et 15h-19h"),
        ),
        accessibility_needs="Résidente en fauteuil roulant (3e étage), ascenseur étroit : prévenir les secours",
        audio=True,
        protocol="SIA-DCS",
        line="2",
        extra_procedures=("medical",),
        occupied_at_night=True,
    ),
    SiteInfo(
        code="GRE-0002",
        name="Alpes Ingénierie (bureaux)",
        builder=build_offices,
        address="25 avenue Félix Viallet",
        postcode="38000",
        city="Grenoble",
        latitude=45.1912,
        longitude=5.7155,
        risk_class=1,
        street="Avenue Félix Viallet",
        notes="Bureaux occupés de 7 h à 20 h. Ménage par une entreprise extérieure de 18 h à 20 h (mise hors "
        "service normale). Local serveur climatisé.",
        people=(
            Person("Directeur administratif|Directrice administrative"),
            Person("Responsable informatique", "24h/24 (astreinte serveur)"),
            Person("Société de nettoyage", "Semaine 18h-20h", organisation="Propreté Alpes (chef d'équipe)"),
        ),
        line="4",
        extra_procedures=("open_close",),
    ),
    SiteInfo(
        code="NAN-0002",
        name="Crédit de l'Erdre — agence Commerce",
        builder=build_bank,
        address="4 place du Commerce",
        postcode="44000",
        city="Nantes",
        latitude=47.2128,
        longitude=-1.5596,
        risk_class=5,
        street="Place du Commerce",
        notes="Agence ouverte du mardi au samedi. Transmetteur double voie IP + 4G : une seule voie perdue est "
        "un défaut technique, les deux ensemble une intrusion probable.",
        people=(
            Person("Directeur d'agence|Directrice d'agence"),
            Person("Adjoint au directeur|Adjointe au directeur", "Semaine 8h-18h"),
            Person("Centre de sécurité de la banque", organisation="Télésécurité Crédit de l'Erdre"),
            Person(GUARD, organisation="Ouest Intervention"),
        ),
        line="1",
        extra_procedures=("duress", "supervision"),
        site_steps={"supervision": "Perte des deux voies (IP et 4G) : traiter comme une intrusion"},
    ),
    SiteInfo(
        code="DIJ-0002",
        name="Maison Perrin",
        builder=build_house,
        address="18 rue de Mirande",
        postcode="21000",
        city="Dijon",
        latitude=47.3187,
        longitude=5.0655,
        risk_class=2,
        street="Rue de Mirande",
        notes="Propriétaire âgé vivant seul ; sa fille est joignable en journée. Clé chez la voisine du n° 20. "
        "Bouton d'appel au salon pour les malaises.",
        people=(
            Person("Propriétaire", accessibility_needs=DEAF),
            Person("Fils du propriétaire|Fille du propriétaire", "Semaine 8h-19h"),
            Person("Voisin (clés)|Voisine (clés)", "Nuit et week-end"),
        ),
        accessibility_needs="Propriétaire âgé et malentendant : privilégier le SMS et vérifier qu'il a compris",
        line="3",
        extra_procedures=("medical",),
        occupied_at_night=True,
    ),
)


# --------------------------------------------------------------------------------------------
# Contacts
# --------------------------------------------------------------------------------------------

FIRST_NAMES_F = (
    "Marie",
    "Nathalie",
    "Isabelle",
    "Sophie",
    "Camille",
    "Claire",
    "Élodie",
    "Julie",
    "Aurélie",
    "Sandrine",
    "Céline",
    "Laure",
    "Hélène",
    "Anne",
    "Manon",
    "Émilie",
    "Valérie",
    "Agnès",
    "Chloé",
    "Sarah",
    "Fatima",
    "Nadia",
    "Léa",
    "Brigitte",
    "Martine",
    "Inès",
    "Margaux",
)
FIRST_NAMES_M = (
    "Jean",
    "Pierre",
    "Nicolas",
    "Laurent",
    "Thomas",
    "Julien",
    "Olivier",
    "Christophe",
    "Stéphane",
    "David",
    "Éric",
    "François",
    "Sébastien",
    "Philippe",
    "Antoine",
    "Mathieu",
    "Karim",
    "Yannick",
    "Bruno",
    "Gilles",
    "Hugo",
    "Mehdi",
    "Alexandre",
    "Patrick",
    "Loïc",
    "Didier",
    "Romain",
)
LAST_NAMES = (
    "Dupuis",
    "Martin",
    "Bernard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Lefebvre",
    "Girard",
    "Fournier",
    "Mercier",
    "Blanc",
    "Guérin",
    "Faure",
    "Rousseau",
    "Chevalier",
    "Garnier",
    "Perrin",
    "Morel",
    "Lambert",
    "Bonnet",
    "Fontaine",
    "Roux",
    "Vincent",
    "Muller",
    "Le Gall",
    "Kerbrat",
    "Haddad",
    "Benali",
    "Nguyen",
    "Lopez",
    "Marchand",
    "Brunet",
    "Roche",
    "Gauthier",
    "Barbier",
    "Arnaud",
    "Colin",
    "Meyer",
    "Schmitt",
    "Caron",
    "Lemoine",
    "Renard",
    "Aubert",
    "Baron",
)
PASSWORDS = (
    "tournesol",
    "mistral",
    "cerisier",
    "boussole",
    "lavande",
    "marmotte",
    "granit",
    "pivoine",
    "castor",
    "olivier",
    "falaise",
    "girafe",
    "cannelle",
    "ardoise",
    "hirondelle",
    "citron",
    "bruyere",
    "caramel",
    "moulin",
    "phare",
    "sapin",
    "coquelicot",
    "menhir",
    "azur",
    "vanille",
    "bambou",
    "colibri",
    "myrtille",
    "galet",
    "chamois",
)
DURESS_WORDS = (
    "orage",
    "tempete",
    "brouillard",
    "eclipse",
    "tonnerre",
    "grele",
    "verglas",
    "cyclone",
    "avalanche",
    "foudre",
    "blizzard",
    "ouragan",
)
MOBILE_PREFIX = "+33 6 39 98"  # ARCEP range reserved for fiction
LANDLINE_PREFIX = {
    "1": "+33 1 99 00",
    "2": "+33 2 61 91",
    "3": "+33 3 53 73",
    "4": "+33 4 65 71",
    "5": "+33 5 36 49",
}
REGION_OF_DEPARTMENT = {
    "75": "1",
    "44": "2",
    "35": "2",
    "59": "3",
    "67": "3",
    "21": "3",
    "69": "4",
    "13": "4",
    "06": "4",
    "38": "4",
    "33": "5",
    "31": "5",
}


def _phone(prefix: str, rng: random.Random) -> str:
    return f"{prefix} {rng.randrange(100):02d} {rng.randrange(100):02d}"


def make_contacts(info: SiteInfo) -> list[dict[str, Any]]:
    """The site's contacts in calling order, with names, phones and passwords drawn from a
    generator seeded by the site code (so they never change between runs)."""
    rng = random.Random(f"contacts:{info.code}")
    landline = LANDLINE_PREFIX[REGION_OF_DEPARTMENT[info.postcode[:2]]]
    out: list[dict[str, Any]] = []
    used_words: set[str] = set()
    for person in info.people:
        female = rng.random() < 0.5
        forms = person.role.split("|")
        role = forms[1] if female and len(forms) > 1 else forms[0]
        if person.organisation:
            name = person.organisation
            phones = [_phone(landline, rng)]
        else:
            first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
            name = f"{first} {rng.choice(LAST_NAMES)}"
            phones = [_phone(landline, rng)] if person.landline else [_phone(MOBILE_PREFIX, rng)]
            if not person.landline and rng.random() < 0.35:
                phones.append(_phone(landline, rng))
        password = rng.choice([w for w in PASSWORDS if w not in used_words])
        used_words.add(password)
        duress = rng.choice(DURESS_WORDS)
        out.append(
            {
                "name": name,
                "role": role,
                "phones": phones,
                "sip_uri": person.sip_uri,
                "availability": person.availability,
                "password": password,
                "duress_word": duress,
                "accessibility_needs": person.accessibility_needs,
            }
        )
    return out


# --------------------------------------------------------------------------------------------
# Procedures (consignes)
# --------------------------------------------------------------------------------------------

PROCEDURE_TITLES = {
    "intrusion": "Intrusion",
    "fire": "Incendie",
    "panic": "Agression / hold-up",
    "duress": "Contrainte (mot de contrainte)",
    "medical": "Assistance médicale",
    "technical": "Alarme technique",
    "supervision": "Défaut de test cyclique / liaison",
    "open_close": "Mise en service / hors service",
    "tamper": "Autoprotection / sabotage",
}
MAIN_COURANTE = "Renseigner la main courante"


def _steps(info: SiteInfo, category: str) -> list[tuple[str, bool]]:
    """The steps of one procedure as (text, mandatory), before trimming to seven."""
    audio = info.audio
    night = info.occupied_at_night
    steps: list[tuple[str, bool]] = []
    if category == "intrusion":
        steps.append(("Prendre en compte l'alarme et ouvrir la fiche du site", True))
        if audio:
            steps.append(
                ("Écouter le site (levée de doute audio) et interpeller en cas de bruit suspect", True)
            )
        steps.append(
            ("Contrôler le cheminement sur le plan : plusieurs zones successives = doute positif", False)
        )
        if night:
            steps.append(
                (
                    "Contre-appel sur le site puis appel des contacts dans l'ordre, avec contrôle du "
                    "mot de passe",
                    True,
                )
            )
        else:
            steps.append(("Appeler les contacts dans l'ordre avec contrôle du mot de passe", True))
        steps.append(("En cas de doute positif : appeler le 17 et envoyer l'agent d'intervention", True))
        steps.append(
            ("Sans réponse des contacts : envoyer l'agent d'intervention (levée de doute physique)", True)
        )
        steps.append(("Informer le client par SMS", False))
    elif category == "fire":
        steps.append(("Prendre en compte l'alarme incendie en priorité", True))
        if night:
            steps.append(
                ("Contre-appel immédiat sur le site : faire confirmer le feu et lancer l'évacuation", True)
            )
            steps.append(
                (
                    "Feu confirmé ou site injoignable : appeler le 18 (ou 112) en donnant l'adresse, "
                    "les accès et le nombre d'occupants",
                    True,
                )
            )
        else:
            if audio:
                steps.append(("Écouter le site (crépitements, sirène, voix)", False))
            steps.append(("Appeler les contacts dans l'ordre et demander une vérification", True))
            steps.append(
                (
                    "Feu confirmé ou personne joignable : appeler le 18 et envoyer l'agent d'intervention "
                    "pour guider les secours",
                    True,
                )
            )
        steps.append(("Prévenir les contacts dans l'ordre de l'évolution", True))
        steps.append(("Informer le client par SMS", False))
    elif category == "panic":
        steps.append(("Prendre en compte l'alarme en priorité : agression possible en cours", True))
        if audio:
            steps.append(("Écouter le site discrètement, sans interpeller", True))
        steps.append(
            ("Ne pas rappeler le site : appeler directement le 17 en précisant « alarme agression »", True)
        )
        steps.append(("Prévenir le premier contact et lui demander de ne pas se rendre sur place", True))
        steps.append(("Envoyer l'agent d'intervention uniquement à la demande des forces de l'ordre", False))
    elif category == "duress":
        steps.append(("Prendre en compte l'alarme sans rien laisser paraître à l'interlocuteur", True))
        steps.append(
            ("Si le mot de contrainte a été donné au contre-appel : terminer l'appel normalement", True)
        )
        steps.append(("Appeler le 17 : personne sous la contrainte sur le site", True))
        steps.append(("Ne pas envoyer l'agent d'intervention sans l'accord des forces de l'ordre", True))
        steps.append(("Prévenir le contact suivant de la liste (hors personne sous contrainte)", False))
    elif category == "medical":
        steps.append(("Prendre en compte l'appel d'urgence et identifier la personne concernée", True))
        if audio:
            steps.append(
                ("Interpeller la personne par le module audio et vérifier qu'elle a bien compris", True)
            )
        else:
            steps.append(("Rappeler la personne sur place", True))
        steps.append(("Personne sans réponse ou demandant de l'aide : appeler le 15 (SAMU)", True))
        steps.append(("Prévenir le contact présent sur place ou le premier contact joignable", True))
        steps.append(("Rester en ligne avec la personne jusqu'à l'arrivée des secours si possible", False))
    elif category == "technical":
        steps.append(
            (
                "Prendre en compte l'alarme technique et identifier le défaut (secteur, batterie, "
                "température, fuite)",
                True,
            )
        )
        steps.append(("Appeler l'astreinte technique ou le premier contact disponible", True))
        steps.append(
            ("Coupure secteur de plus de 2 heures : prévenir le client de l'autonomie restante", False)
        )
        steps.append(("Créer une demande d'intervention pour l'installateur", False))
    elif category == "supervision":
        steps.append(("Constater l'absence de test cyclique ou la perte de liaison", True))
        steps.append(("Vérifier les derniers signaux du site (secteur, brouillage, ligne)", True))
        steps.append(("Appeler le site puis les contacts pour vérifier que tout est normal", True))
        steps.append(("Site injoignable : envoyer l'agent d'intervention", info.risk_class >= 4))
        steps.append(("Prévenir l'installateur pour contrôle du transmetteur", False))
    elif category == "open_close":
        steps.append(("Comparer l'heure de mise hors service à l'horaire contractuel du site", True))
        steps.append(("Hors horaires : contre-appel avec contrôle du mot de passe", True))
        steps.append(
            ("Mot de passe erroné ou mot de contrainte : traiter comme une agression (appeler le 17)", True)
        )
        steps.append(("Site non remis en service à l'heure de fermeture : prévenir le responsable", False))
    elif category == "tamper":
        steps.append(("Prendre en compte l'autoprotection (ouverture de boîtier, arrachement)", True))
        if audio:
            steps.append(("Écouter le site (levée de doute audio)", True))
        steps.append(("Appeler les contacts dans l'ordre avec contrôle du mot de passe", True))
        steps.append(("Sabotage probable ou sans réponse : envoyer l'agent d'intervention", True))
        steps.append(("Prévenir l'installateur", False))
    else:
        raise ValueError(f"no procedure for category {category!r}")
    extra = info.site_steps.get(category)
    if extra:
        steps.insert(min(2, len(steps)), (extra, True))
    return steps


def make_procedures(info: SiteInfo) -> list[dict[str, Any]]:
    """The site's procedures: intrusion, fire, panic and technical always, plus the site's extras.
    Each ends with the log entry and keeps 3 to 7 steps (optional steps go first when too long)."""
    out = []
    for category in ("intrusion", "fire", "panic", *info.extra_procedures, "technical"):
        steps = _steps(info, category)
        while len(steps) > 6:
            optional = [i for i, (_, mandatory) in enumerate(steps) if not mandatory]
            if not optional:
                raise ValueError(f"{info.code}: procedure {category} is too long")
            del steps[optional[-1]]
        steps.append((MAIN_COURANTE, True))
        out.append(
            {
                "category": category,
                "title": PROCEDURE_TITLES[category],
                "steps": [{"text": text, "mandatory": mandatory} for text, mandatory in steps],
            }
        )
    return out


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def account_for(code: str, taken: set[str]) -> str:
    """A DC-09 account (4 to 6 hex digits) derived from the site code, unique among ``taken``."""
    digest = hashlib.sha256(code.encode()).hexdigest().upper()
    length = 6 if int(digest[-1], 16) % 3 == 0 else 4
    for start in range(len(digest) - length):
        account = digest[start : start + length]
        if account not in taken and account[0] != "0":
            taken.add(account)
            return account
    raise ValueError(f"no free account for {code}")


def test_interval(risk_class: int) -> int:
    """Periodic test interval: hourly for high risks, every 4 hours for medium, daily otherwise."""
    return 3600 if risk_class >= 4 else 14400 if risk_class == 3 else 86400


def build_site(info: SiteInfo, index: int, accounts: set[str]) -> tuple[dict[str, Any], list[Plan]]:
    builder = SiteBuilder(info)
    info.builder(builder)
    if not 6 <= len(builder.zones) <= 16:
        raise ValueError(f"{info.code}: {len(builder.zones)} zones (6 to 16 expected)")
    site = {
        "code": info.code,
        "name": info.name,
        "address": info.address,
        "postcode": info.postcode,
        "city": info.city,
        "latitude": info.latitude,
        "longitude": info.longitude,
        "timezone": "Europe/Paris",
        "risk_class": info.risk_class,
        "accessibility_needs": info.accessibility_needs,
        "notes": info.notes,
        "account": account_for(info.code, accounts),
        "line": info.line,
        "protocol": info.protocol,
        "test_interval_s": test_interval(info.risk_class),
        "audio_module_uri": (
            f"sip:audio-{info.code.lower().replace('-', '')}@192.0.2.{10 + index}" if info.audio else None
        ),
        "plans": [
            {"level": p.level, "name": p.level_name, "file": f"plans/{p.file_name}"} for p in builder.plans
        ],
        "zones": builder.zones,
        "contacts": make_contacts(info),
        "procedures": make_procedures(info),
    }
    return site, builder.plans


def write_demo(out: Path) -> tuple[int, int, int]:
    """Write sites.json and the plans under ``out``; returns (sites, plans, zones)."""
    plans_dir = out / "plans"
    plans_dir.mkdir(parents=True, exist_ok=True)
    sites: list[dict[str, Any]] = []
    written: set[str] = set()
    accounts: set[str] = set()
    codes = [info.code for info in SITES]
    if len(set(codes)) != len(codes):
        raise ValueError("site codes must be unique")
    for index, info in enumerate(SITES):
        site, plans = build_site(info, index, accounts)
        sites.append(site)
        for plan in plans:
            (plans_dir / plan.file_name).write_text(plan.svg(), encoding="utf-8")
            written.add(plan.file_name)
    for stale in plans_dir.glob("*.svg"):
        if stale.name not in written:
            stale.unlink()
    text = json.dumps({"sites": sites}, ensure_ascii=False, indent=2)
    (out / "sites.json").write_text(text + "\n", encoding="utf-8")
    return len(sites), len(written), sum(len(s["zones"]) for s in sites)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default = Path(__file__).resolve().parent.parent / "resources" / "demo"
    parser.add_argument("--out", type=Path, default=default, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    sites, plans, zones = write_demo(args.out)
    print(f"{sites} sites, {plans} plans, {zones} zones written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

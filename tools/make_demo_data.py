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
        pieces.append(_Segment(segment.horizontal, segment.pos, segment.a, a, segment.thickness,
                               segment.cut_a, True))
    if b < segment.b - 0.5:
        pieces.append(_Segment(segment.horizontal, segment.pos, b, segment.b, segment.thickness,
                               True, segment.cut_b))
    return pieces


class Plan:
    """One level of a building, drawn as an architectural plan.

    Rooms are rectangles whose edges become inner walls (merged and cut by doors); the outline is
    a rectilinear polygon drawn as the thick outer wall. Rooms are kept by key so zones can be
    placed relative to them.
    """

    def __init__(self, code: str, site_name: str, level: int, level_name: str, width: int, height: int,
                 outline: Sequence[Point]) -> None:
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
    def rectangular(cls, code: str, site_name: str, level: int, level_name: str, width: int, height: int,
                    building: Rect) -> Plan:
        corners = [(building.x, building.y), (building.x2, building.y), (building.x2, building.y2),
                   (building.x, building.y2)]
        return cls(code, site_name, level, level_name, width, height, corners)

    @property
    def file_name(self) -> str:
        return f"{self.code}-{self.level}.svg"

    # --- building parts -------------------------------------------------------------------

    def room(self, key: str, label: str, rect: Rect, *, walls: bool = True, label_at: Point | None = None,
             size: float = 14.0) -> Rect:
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

    def door(self, key: str, room: str, side: Side, offset: float = 0.5, width: float = 36.0, *,
             swing: Literal["in", "out"] = "in", hinge: Literal["start", "end"] = "start",
             kind: Literal["swing", "double", "sliding", "sectional", "opening"] = "swing") -> Opening:
        """A door on one side of a room; ``swing`` into or out of the room, hinged at the start
        (west/north jamb) or end. ``sectional`` is a roller or dock door, ``opening`` a bare bay."""
        opening = self._opening(room, side, offset, width)
        self.openings[key] = opening
        self._gaps.append(opening)
        into = 1.0 if side in ("n", "w") else -1.0  # direction (along the normal) pointing into room
        direction = into if swing == "in" else -into
        if kind == "swing":
            self._leaf(opening, opening.a if hinge == "start" else opening.b, direction,
                       1.0 if hinge == "start" else -1.0, opening.b - opening.a)
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
            self._windows.append(_element("rect", x=a, y=pos - t / 2, width=b - a, height=t, fill=PAGE_COLOUR))
            for dy in (-t / 2, 0.0, t / 2):
                width_ = 0.8 if dy == 0.0 else 1.2
                self._windows.append(_element("line", x1=a, y1=pos + dy, x2=b, y2=pos + dy, stroke=WALL_COLOUR,
                                              stroke_width=width_))
            for x in (a, b):
                self._windows.append(_element("line", x1=x, y1=pos - t / 2, x2=x, y2=pos + t / 2,
                                              stroke=WALL_COLOUR, stroke_width=1.2))
        else:
            self._windows.append(_element("rect", x=pos - t / 2, y=a, width=t, height=b - a, fill=PAGE_COLOUR))
            for dx in (-t / 2, 0.0, t / 2):
                width_ = 0.8 if dx == 0.0 else 1.2
                self._windows.append(_element("line", x1=pos + dx, y1=a, x2=pos + dx, y2=b, stroke=WALL_COLOUR,
                                              stroke_width=width_))
            for y in (a, b):
                self._windows.append(_element("line", x1=pos - t / 2, y1=y, x2=pos + t / 2, y2=y,
                                              stroke=WALL_COLOUR, stroke_width=1.2))
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
        self._doors.append(_element("line", x1=hx, y1=hy, x2=leaf_end[0], y2=leaf_end[1], stroke=WALL_COLOUR,
                                    stroke_width=2.0))
        d = (f"M {_num(leaf_end[0])} {_num(leaf_end[1])} C {_num(c1[0])} {_num(c1[1])} "
             f"{_num(c2[0])} {_num(c2[1])} {_num(end[0])} {_num(end[1])}")
        self._doors.append(_element("path", d=d, fill="none", stroke=THIN_COLOUR, stroke_width=0.9))

    def _sliding(self, opening: Opening) -> None:
        """An automatic sliding door: two glass panels overlapping in the opening."""
        a, b, pos = opening.a, opening.b, opening.pos
        half = (b - a) / 2
        for start, shift in ((a, -2.5), (a + half - 4, 2.5)):
            if opening.horizontal:
                self._doors.append(_element("rect", x=start, y=pos + shift - 1.5, width=half + 4, height=3.0,
                                            fill="#dfe9f0", stroke=WALL_COLOUR, stroke_width=1.0))
            else:
                self._doors.append(_element("rect", x=pos + shift - 1.5, y=start, width=3.0, height=half + 4,
                                            fill="#dfe9f0", stroke=WALL_COLOUR, stroke_width=1.0))

    def _sectional(self, opening: Opening) -> None:
        """A roller or sectional door: a dashed line across the bay."""
        a, b, pos = opening.a, opening.b, opening.pos
        if opening.horizontal:
            self._doors.append(_element("line", x1=a, y1=pos, x2=b, y2=pos, stroke=WALL_COLOUR, stroke_width=2.0,
                                        stroke_dasharray="6,4"))
        else:
            self._doors.append(_element("line", x1=pos, y1=a, x2=pos, y2=b, stroke=WALL_COLOUR, stroke_width=2.0,
                                        stroke_dasharray="6,4"))

    def stairs(self, rect: Rect, *, vertical: bool = True, steps: int = 10, up: bool = True) -> None:
        """A flight of stairs: treads across the run and an arrow towards the top."""
        self._marks.append(_element("rect", x=rect.x, y=rect.y, width=rect.w, height=rect.h, fill="#f4f4f0",
                                    stroke=THIN_COLOUR, stroke_width=1.0))
        for i in range(1, steps):
            if vertical:
                y = rect.y + rect.h * i / steps
                self._marks.append(_element("line", x1=rect.x, y1=y, x2=rect.x2, y2=y, stroke=THIN_COLOUR,
                                            stroke_width=0.8))
            else:
                x = rect.x + rect.w * i / steps
                self._marks.append(_element("line", x1=x, y1=rect.y, x2=x, y2=rect.y2, stroke=THIN_COLOUR,
                                            stroke_width=0.8))
        if vertical:
            start, end = (rect.cx, rect.y2 - 6), (rect.cx, rect.y + 8)
            head = f"{_num(end[0] - 5)},{_num(end[1] + 9)} {_num(end[0])},{_num(end[1])} {_num(end[0] + 5)},{_num(end[1] + 9)}"
        else:
            start, end = (rect.x + 6, rect.cy), (rect.x2 - 8, rect.cy)
            head = f"{_num(end[0] - 9)},{_num(end[1] - 5)} {_num(end[0])},{_num(end[1])} {_num(end[0] - 9)},{_num(end[1] + 5)}"
        if not up:
            start, end = end, start
        self._marks.append(_element("line", x1=start[0], y1=start[1], x2=end[0], y2=end[1], stroke=WALL_COLOUR,
                                    stroke_width=1.2))
        if up:
            self._marks.append(_element("polyline", points=head, fill="none", stroke=WALL_COLOUR, stroke_width=1.2))

    def lift(self, rect: Rect) -> None:
        """A lift shaft: a box with its diagonals."""
        self._marks.append(_element("rect", x=rect.x, y=rect.y, width=rect.w, height=rect.h, fill="#f4f4f0",
                                    stroke=WALL_COLOUR, stroke_width=2.0))
        self._marks.append(_element("line", x1=rect.x, y1=rect.y, x2=rect.x2, y2=rect.y2, stroke=THIN_COLOUR,
                                    stroke_width=0.8))
        self._marks.append(_element("line", x1=rect.x2, y1=rect.y, x2=rect.x, y2=rect.y2, stroke=THIN_COLOUR,
                                    stroke_width=0.8))

    def fixture(self, rect: Rect, label: str = "", *, fill: str = FIXTURE_FILL, rounded: float = 0.0,
                size: float = 10.0) -> None:
        """Furniture or equipment drawn light (counters, shelving, machines, beds, vehicles)."""
        self._fixtures.append(_element("rect", x=rect.x, y=rect.y, width=rect.w, height=rect.h,
                                       rx=rounded or None, fill=fill, stroke=FIXTURE_STROKE, stroke_width=1.0))
        if label:
            self._fixture_label(label, rect, size)

    def _fixture_label(self, label: str, rect: Rect, size: float) -> None:
        if rect.h > rect.w * 1.6 and len(label) * size * 0.6 > rect.w:
            cx, cy = rect.cx, rect.cy
            self._fixtures.append(_element("text", label, x=cx, y=cy + size * 0.35, font_family=FONT,
                                           font_size=size, fill="#77776f", text_anchor="middle",
                                           transform=f"rotate(-90 {_num(cx)} {_num(cy)})"))
        else:
            self._fixtures.append(_element("text", label, x=rect.cx, y=rect.cy + size * 0.35, font_family=FONT,
                                           font_size=size, fill="#77776f", text_anchor="middle"))

    def ground(self, rect: Rect, label: str = "", *, fill: str = "#f3f3ef", stroke: str | None = None,
               dashed: bool = False, size: float = 12.0, label_at: Point | None = None) -> None:
        """An outside area (garden, parking, yard, street) drawn under the building."""
        self._ground.append(_element("rect", x=rect.x, y=rect.y, width=rect.w, height=rect.h, fill=fill,
                                     stroke=stroke, stroke_width=1.0 if stroke else None,
                                     stroke_dasharray="8,5" if dashed else None))
        if label:
            x, y = label_at if label_at else (rect.cx, rect.cy)
            self._ground.append(_element("text", label, x=x, y=y + size * 0.35, font_family=FONT,
                                         font_size=size, font_style="italic", fill="#808078",
                                         text_anchor="middle"))

    def fence(self, points: Sequence[Point]) -> None:
        """A perimeter fence (dashed polyline)."""
        pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
        self._ground.append(_element("polyline", points=pts, fill="none", stroke="#6f6f66", stroke_width=1.6,
                                     stroke_dasharray="10,4,2,4"))

    def outline_path(self, points: Sequence[Point], *, dashed: bool = True, label: str = "") -> None:
        """A dashed outline over the floor (canopy, mezzanine edge, roof overhang)."""
        pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in [*points, points[0]])
        self._marks.append(_element("polyline", points=pts, fill="none", stroke=THIN_COLOUR, stroke_width=1.2,
                                    stroke_dasharray="9,5" if dashed else None))
        if label:
            xs = [p[0] for p in points]
            self._labels.append(_element("text", label, x=sum(xs) / len(xs), y=min(p[1] for p in points) + 16,
                                         font_family=FONT, font_size=11.0, fill="#77776f", text_anchor="middle",
                                         font_style="italic"))

    def label(self, text: str, x: float, y: float, *, size: float = 14.0, max_width: float = 10_000.0,
              colour: str = LABEL_COLOUR, bold: bool = False) -> None:
        """A room label centred on (x, y): shrunk, then split on two lines, to fit ``max_width``."""
        lines = [text]
        while size > 11 and _text_width(text, size) > max_width:
            size -= 1
        if _text_width(text, size) > max_width and " " in text:
            words = text.split(" ")
            best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
            lines = [" ".join(words[:best]), " ".join(words[best:])]
        step = size * 1.2
        top = y - step * (len(lines) - 1) / 2
        for i, line in enumerate(lines):
            self._labels.append(_element("text", line, x=x, y=top + i * step + size * 0.35, font_family=FONT,
                                         font_size=size, fill=colour, text_anchor="middle",
                                         font_weight="bold" if bold else None))

    def street(self, text: str, x: float, y: float, *, vertical: bool = False) -> None:
        """The name of the street along a façade (italic, grey)."""
        transform = f"rotate(-90 {_num(x)} {_num(y)})" if vertical else None
        self._labels.append(_element("text", text, x=x, y=y, font_family=FONT, font_size=12.0, fill="#7a7a72",
                                     font_style="italic", text_anchor="middle", transform=transform))

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
                    for piece in (_subtract(seg, gap.a, gap.b)
                                  if seg.horizontal == gap.horizontal and abs(seg.pos - gap.pos) < 1 else [seg])
                ]
            for seg in segments:
                t = seg.thickness
                a = seg.a if seg.cut_a else seg.a - t / 2
                b = seg.b if seg.cut_b else seg.b + t / 2
                if seg.horizontal:
                    out.append(_element("rect", x=a, y=seg.pos - t / 2, width=b - a, height=t, fill=WALL_COLOUR))
                else:
                    out.append(_element("rect", x=seg.pos - t / 2, y=a, width=t, height=b - a, fill=WALL_COLOUR))
        return out

    def _title_block(self) -> list[str]:
        w, h = 330.0, 58.0
        x, y = self.width - w - 16, self.height - h - 14
        mid = x + 250
        return [
            _element("rect", x=x, y=y, width=w, height=h, fill="#ffffff", stroke=WALL_COLOUR, stroke_width=1.2),
            _element("line", x1=x, y1=y + 24, x2=x + w, y2=y + 24, stroke=WALL_COLOUR, stroke_width=0.8),
            _element("line", x1=mid, y1=y + 24, x2=mid, y2=y + h, stroke=WALL_COLOUR, stroke_width=0.8),
            _element("text", _fit(self.site_name, 13.0, w - 12), x=x + 6, y=y + 17, font_family=FONT,
                     font_size=13.0, font_weight="bold", fill="#222222"),
            _element("text", f"Niveau : {self.level_name}", x=x + 6, y=y + 40, font_family=FONT, font_size=12.0,
                     fill=LABEL_COLOUR),
            _element("text", "Plan indicatif — échelle non contractuelle", x=x + 6, y=y + 53, font_family=FONT,
                     font_size=9.0, fill="#777777"),
            _element("text", self.code, x=mid + (w - 250) / 2, y=y + 40, font_family=FONT, font_size=11.0,
                     font_weight="bold", fill=LABEL_COLOUR, text_anchor="middle"),
            _element("text", f"niv. {self.level}", x=mid + (w - 250) / 2, y=y + 53, font_family=FONT,
                     font_size=9.0, fill="#777777", text_anchor="middle"),
        ]

    def _north_arrow(self) -> list[str]:
        cx, top = 34.0, self.height - 70.0
        return [
            _element("path", d=f"M {_num(cx)} {_num(top)} L {_num(cx + 10)} {_num(top + 34)} L {_num(cx)} "
                     f"{_num(top + 27)} Z", fill=WALL_COLOUR, stroke=WALL_COLOUR, stroke_width=1.0),
            _element("path", d=f"M {_num(cx)} {_num(top)} L {_num(cx - 10)} {_num(top + 34)} L {_num(cx)} "
                     f"{_num(top + 27)} Z", fill="#ffffff", stroke=WALL_COLOUR, stroke_width=1.0),
            _element("text", "N", x=cx, y=top + 52, font_family=FONT, font_size=14.0, font_weight="bold",
                     fill=WALL_COLOUR, text_anchor="middle"),
        ]

    def svg(self) -> str:
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{self.width}" height="{self.height}" '
            f'viewBox="0 0 {self.width} {self.height}">',
            f"<title>{escape(self.site_name)} — {escape(self.level_name)}</title>",
            _element("rect", x=0.0, y=0.0, width=self.width, height=self.height, fill=PAGE_COLOUR),
            '<g id="ground">', *self._ground, "</g>",
            '<g id="floor">',
            _element("path", d="M " + " L ".join(f"{_num(x)} {_num(y)}" for x, y in self.outline) + " Z",
                     fill=FLOOR_COLOUR, stroke="none"),
            *self._fixtures, *self._marks, "</g>",
            '<g id="walls">', *self._walls(), *self._windows, "</g>",
            '<g id="doors">', *self._doors, "</g>",
            '<g id="labels">', *self._labels, "</g>",
            '<g id="cartouche">', *self._title_block(), *self._north_arrow(), "</g>",
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


def corridor_floor(plan: Plan, building: Rect, y: float, depth: float, north: Sequence[Bay],
                   south: Sequence[Bay], *, label: str = "Couloir", label_x: float | None = None) -> Rect:
    """Lay out a floor as rooms north and south of a corridor running west-east.

    Each bay gets a door on the corridor and windows on its façade; a bay of width 0 takes an
    equal share of what the fixed widths leave. Returns the corridor (room key ``couloir``).
    """
    corridor = plan.room("couloir", "", Rect(building.x, y, building.w, depth), walls=False)
    rows = ((north, building.y, y - building.y, "s", "n"), (south, y + depth, building.y2 - y - depth, "n", "s"))
    for bays, top, height, to_corridor, facade in rows:
        flexible = [bay for bay in bays if not bay.width]
        rest = (building.w - sum(bay.width for bay in bays)) / max(1, len(flexible))
        x = building.x
        for bay in bays:
            width = bay.width or rest
            plan.room(bay.key, bay.label, Rect(x, top, width, height))
            if bay.door != "none":
                door_width = {"double": 64.0, "opening": 70.0}.get(bay.door, 36.0)
                plan.door(f"{bay.key}-porte", bay.key, to_corridor, bay.door_at, door_width, kind=bay.door,
                          hinge=bay.hinge)
            if bay.windows:
                plan.windows(bay.key, facade, bay.windows, width=min(56.0, width / (bay.windows + 1)))
            x += width
    plan.label(label, label_x if label_x is not None else corridor.cx, corridor.cy, size=12.0, colour="#6a6a62")
    return corridor


# --------------------------------------------------------------------------------------------
# Sites
# --------------------------------------------------------------------------------------------

DETECTOR_TYPES = ("pir", "dual_tech", "door_contact", "glass_break", "shock", "smoke", "heat", "panic_button",
                  "keypad", "water_leak", "technical", "siren", "beam")
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
        self.zones.append({"number": len(self.zones) + 1, "name": name, "detector_type": detector,
                           "level": plan.level, "x": round(float(x), 1), "y": round(float(y), 1)})


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
    p, sales = _shop(s, [("reserve", "Réserve", 260), ("prep", "Préparatoire", 190), ("bureau", "Bureau", 160),
                         ("vestiaire", "Vestiaire", 130), ("wc", "Sanitaires", 120)], 150)
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
    p, sales = _shop(s, [("atelier", "Atelier", 210), ("salon", "Salon privé", 170), ("bureau", "Bureau", 200),
                         ("coffre", "Coffre-fort", 140), ("wc", "Sanitaires", 140)], 160)
    r = p.rooms
    vault = r["coffre"]
    for x1, y1, x2, y2 in ((vault.x, vault.y, vault.x, vault.y2), (vault.x2, vault.y, vault.x2, vault.y2),
                           (vault.x, vault.y2, vault.x2, vault.y2)):
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
    s.zone(p, "Fumée atelier", "smoke", ceiling(r["atelier"]))
    s.zone(p, "Sirène flash", "siren", sales.corner("se", 18))


def build_tobacco(s: SiteBuilder) -> None:
    p, sales = _shop(s, [("reserve", "Réserve", 250), ("bureau", "Bureau", 180), ("wc", "Sanitaires", 110),
                         ("stock", "Stock presse", 320)], 150)
    r = p.rooms
    p.label("Espace de vente", 250, 400)
    p.fixture(Rect(560, 236, 330, 34), "Comptoir tabac")
    p.fixture(Rect(600, 204, 300, 14))
    p.fixture(Rect(82, 230, 24, 200), "Présentoir presse")
    p.fixture(Rect(300, 320, 150, 30), "Jeux FDJ")
    p.fixture(Rect(560, 340, 200, 26), "Cadeaux, vapotage", size=9.0)
    p.fixture(Rect(330, 62, 50, 40), "Coffre", size=9.0)
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
    s.zone(p, "Coffre (sismique)", "shock", (355.0, 82.0))
    s.zone(p, "Réserve", "pir", r["reserve"].corner("ne"))
    s.zone(p, "Porte arrière (cour)", "door_contact", back.centre)
    s.zone(p, "Clavier", "keypad", (entrance.b + 24, sales.y2 - 18))
    s.zone(p, "Bouton d'agression caisse", "panic_button", (700.0, 253.0))
    s.zone(p, "Fumée réserve", "smoke", ceiling(r["reserve"]))
    s.zone(p, "Sirène intérieure", "siren", sales.at(0.9, 0.7))


def build_bakery(s: SiteBuilder) -> None:
    p, sales = _shop(s, [("fournil", "Fournil", 380), ("froid", "Chambre froide", 130),
                         ("farine", "Réserve farine", 140), ("vestiaire", "Vestiaire", 110),
                         ("wc", "Sanitaires", 100)], 200)
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


# --------------------------------------------------------------------------------------------
# The catalogue
# --------------------------------------------------------------------------------------------

GUARD = "Société de gardiennage"
ON_CALL = "Astreinte technique"

SITES: tuple[SiteInfo, ...] = (
    SiteInfo(
        code="LYO-0001", name="Pharmacie de la Croix-Rousse", builder=build_pharmacy,
        address="12 boulevard de la Croix-Rousse", postcode="69004", city="Lyon",
        latitude=45.7745, longitude=4.8302, risk_class=4, street="Boulevard de la Croix-Rousse",
        notes="Accès livraisons par la cour (rue Dumenge). Stupéfiants au coffre du préparatoire. "
              "Pharmacie de garde un dimanche sur six : ouverte jusqu'à 22 h ces jours-là.",
        people=(Person("Pharmacien titulaire|Pharmacienne titulaire"),
                Person("Pharmacien adjoint|Pharmacienne adjointe", "Semaine 8h-20h"),
                Person(GUARD, organisation="Rhône Gardiennage (PC)")),
        audio=True, line="1", extra_procedures=("open_close",),
        site_steps={"intrusion": "Signaler au 17 la présence de stupéfiants sur le site"},
    ),
    SiteInfo(
        code="PAR-0001", name="Bijouterie Lemaire", builder=build_jeweller,
        address="18 rue de la Paix", postcode="75002", city="Paris",
        latitude=48.8691, longitude=2.3310, risk_class=5, street="Rue de la Paix",
        notes="SAS à double porte, ouverture à distance depuis le comptoir. Coffre temporisé (15 min). "
              "Brouilleur GSM possible : tout défaut de liaison est à traiter comme une intrusion.",
        people=(Person("Gérant|Gérante"), Person("Joaillier|Joaillière", "Semaine 9h30-19h"),
                Person(GUARD, organisation="Vendôme Protection (PC)")),
        audio=True, protocol="SIA-DCS", line="2", extra_procedures=("duress", "supervision"),
        site_steps={"panic": "Transmettre au 17 le code d'accès du SAS et l'emplacement du coffre"},
    ),
    SiteInfo(
        code="LIL-0002", name="Tabac-Presse du Vieux-Lille", builder=build_tobacco,
        address="30 rue de la Monnaie", postcode="59800", city="Lille",
        latitude=50.6405, longitude=3.0628, risk_class=4, street="Rue de la Monnaie",
        notes="Rideau métallique électrique : l'agent d'intervention dispose de la clé du boîtier. "
              "Livraison presse à 5 h 30 par la cour : mise hors service attendue entre 5 h 15 et 5 h 45.",
        people=(Person("Buraliste"), Person("Conjoint du buraliste|Conjointe du buraliste", "Soir et week-end"),
                Person(GUARD, organisation="Flandres Sécurité Intervention")),
        accessibility_needs="", line="3", extra_procedures=("open_close",),
    ),
    SiteInfo(
        code="DIJ-0001", name="Boulangerie des Ducs", builder=build_bakery,
        address="34 rue de la Liberté", postcode="21000", city="Dijon",
        latitude=47.3219, longitude=5.0393, risk_class=2, street="Rue de la Liberté",
        notes="Fournil en activité dès 3 h : personnel sur site la nuit, alarme partielle (boutique seule). "
              "Porte de livraison rue Piron.",
        people=(Person("Artisan boulanger|Artisane boulangère"), Person("Vendeur responsable|Vendeuse responsable",
                                                                         "Semaine 6h-14h"),
                Person("Frère du gérant|Sœur du gérant", "Congés du 1er au 15 août")),
        line="1", extra_procedures=(),
    ),
)


# --------------------------------------------------------------------------------------------
# Contacts
# --------------------------------------------------------------------------------------------

FIRST_NAMES_F = ("Marie", "Nathalie", "Isabelle", "Sophie", "Camille", "Claire", "Élodie", "Julie", "Aurélie",
                 "Sandrine", "Céline", "Laure", "Hélène", "Anne", "Manon", "Émilie", "Valérie", "Agnès",
                 "Chloé", "Sarah", "Fatima", "Nadia", "Léa", "Brigitte", "Martine", "Inès", "Margaux")
FIRST_NAMES_M = ("Jean", "Pierre", "Nicolas", "Laurent", "Thomas", "Julien", "Olivier", "Christophe",
                 "Stéphane", "David", "Éric", "François", "Sébastien", "Philippe", "Antoine", "Mathieu",
                 "Karim", "Yannick", "Bruno", "Gilles", "Hugo", "Mehdi", "Alexandre", "Patrick", "Loïc",
                 "Didier", "Romain")
LAST_NAMES = ("Dupuis", "Martin", "Bernard", "Petit", "Durand", "Leroy", "Moreau", "Lefebvre", "Girard",
              "Fournier", "Mercier", "Blanc", "Guérin", "Faure", "Rousseau", "Chevalier", "Garnier", "Perrin",
              "Morel", "Lambert", "Bonnet", "Fontaine", "Roux", "Vincent", "Muller", "Le Gall", "Kerbrat",
              "Haddad", "Benali", "Nguyen", "Lopez", "Marchand", "Brunet", "Roche", "Gauthier", "Barbier",
              "Arnaud", "Colin", "Meyer", "Schmitt", "Caron", "Lemoine", "Renard", "Aubert", "Baron")
PASSWORDS = ("tournesol", "mistral", "cerisier", "boussole", "lavande", "marmotte", "granit", "pivoine",
             "castor", "olivier", "falaise", "girafe", "cannelle", "ardoise", "hirondelle", "citron",
             "bruyere", "caramel", "moulin", "phare", "sapin", "coquelicot", "menhir", "azur", "vanille",
             "bambou", "colibri", "myrtille", "galet", "chamois")
DURESS_WORDS = ("orage", "tempete", "brouillard", "eclipse", "tonnerre", "grele", "verglas", "cyclone",
                "avalanche", "foudre", "blizzard", "ouragan")
MOBILE_PREFIX = "+33 6 39 98"  # ARCEP range reserved for fiction
LANDLINE_PREFIX = {"1": "+33 1 99 00", "2": "+33 2 61 91", "3": "+33 3 53 73", "4": "+33 4 65 71",
                   "5": "+33 5 36 49"}
REGION_OF_DEPARTMENT = {"75": "1", "44": "2", "35": "2", "59": "3", "67": "3", "21": "3", "69": "4", "13": "4",
                        "06": "4", "38": "4", "33": "5", "31": "5"}


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
        out.append({"name": name, "role": role, "phones": phones, "sip_uri": person.sip_uri,
                    "availability": person.availability, "password": password, "duress_word": duress,
                    "accessibility_needs": person.accessibility_needs})
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
            steps.append(("Écouter le site (levée de doute audio) et interpeller en cas de bruit suspect", True))
        steps.append(("Contrôler le cheminement sur le plan : plusieurs zones successives = doute positif", False))
        if night:
            steps.append(("Faire un contre-appel sur le site avec contrôle du mot de passe", True))
        steps.append(("Appeler les contacts dans l'ordre avec contrôle du mot de passe", True))
        steps.append(("En cas de doute positif : appeler le 17 et envoyer l'agent d'intervention", True))
        steps.append(("Sans réponse des contacts : envoyer l'agent d'intervention (levée de doute physique)", True))
        steps.append(("Informer le client par SMS", False))
    elif category == "fire":
        steps.append(("Prendre en compte l'alarme incendie en priorité", True))
        if night:
            steps.append(("Contre-appel immédiat sur le site : faire confirmer le feu et lancer l'évacuation", True))
            steps.append(("Feu confirmé ou site injoignable : appeler le 18 (ou 112) en donnant l'adresse, "
                          "les accès et le nombre d'occupants", True))
        else:
            if audio:
                steps.append(("Écouter le site (crépitements, sirène, voix)", False))
            steps.append(("Appeler les contacts dans l'ordre et demander une vérification", True))
            steps.append(("Feu confirmé ou personne joignable : appeler le 18 et envoyer l'agent d'intervention "
                          "pour guider les secours", True))
        steps.append(("Prévenir les contacts dans l'ordre de l'évolution", True))
        steps.append(("Informer le client par SMS", False))
    elif category == "panic":
        steps.append(("Prendre en compte l'alarme en priorité : agression possible en cours", True))
        if audio:
            steps.append(("Écouter le site discrètement, sans interpeller", True))
        steps.append(("Ne pas rappeler le site : appeler directement le 17 en précisant « alarme agression »", True))
        steps.append(("Prévenir le premier contact et lui demander de ne pas se rendre sur place", True))
        steps.append(("Envoyer l'agent d'intervention uniquement à la demande des forces de l'ordre", False))
    elif category == "duress":
        steps.append(("Prendre en compte l'alarme sans rien laisser paraître à l'interlocuteur", True))
        steps.append(("Si le mot de contrainte a été donné au contre-appel : terminer l'appel normalement", True))
        steps.append(("Appeler le 17 : personne sous la contrainte sur le site", True))
        steps.append(("Ne pas envoyer l'agent d'intervention sans l'accord des forces de l'ordre", True))
        steps.append(("Prévenir le contact suivant de la liste (hors personne sous contrainte)", False))
    elif category == "medical":
        steps.append(("Prendre en compte l'appel d'urgence et identifier la personne concernée", True))
        if audio:
            steps.append(("Interpeller la personne par le module audio et vérifier qu'elle a bien compris", True))
        else:
            steps.append(("Rappeler la personne sur place", True))
        steps.append(("Personne sans réponse ou demandant de l'aide : appeler le 15 (SAMU)", True))
        steps.append(("Prévenir le contact présent sur place ou le premier contact joignable", True))
        steps.append(("Rester en ligne avec la personne jusqu'à l'arrivée des secours si possible", False))
    elif category == "technical":
        steps.append(("Prendre en compte l'alarme technique et identifier le défaut (secteur, batterie, "
                      "température, fuite)", True))
        steps.append(("Appeler l'astreinte technique ou le premier contact disponible", True))
        steps.append(("Coupure secteur de plus de 2 heures : prévenir le client de l'autonomie restante", False))
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
        steps.append(("Mot de passe erroné ou mot de contrainte : traiter comme une agression (appeler le 17)", True))
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
        out.append({"category": category, "title": PROCEDURE_TITLES[category],
                    "steps": [{"text": text, "mandatory": mandatory} for text, mandatory in steps]})
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
        "audio_module_uri": (f"sip:audio-{info.code.lower().replace('-', '')}@192.0.2.{10 + index}"
                             if info.audio else None),
        "plans": [{"level": p.level, "name": p.level_name, "file": f"plans/{p.file_name}"} for p in builder.plans],
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

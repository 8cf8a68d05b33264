"""The flowchart cut into bands, one per table row, for the writers to draw.

The official flowchart is a table whose rows hold the step texts, so each row
draws only its band of the layout: the symbol inside it, the parts of arrows
crossing it (clipped to the band), arrowheads and branch labels that fall in
it.  The SVG of the HTML page and the TikZ of the PDF draw the same bands, in
their own syntax; everything geometric is decided here.
"""

from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .geometry import CONNECTOR_SHOULDER, Box, Point, Side, Style, Symbol
from .grid import Arrow, Layout, PlacedSymbol, Row


class Align(str, enum.Enum):
    """Which way a text runs from its anchor point."""

    START = "start"  # to the right
    END = "end"  # to the left


@dataclass(frozen=True)
class Segment:
    """A straight piece of an arrow inside a band; ``has_tip``: the arrowhead is at its end."""

    start: Point
    end: Point
    has_tip: bool = False


@dataclass(frozen=True)
class BranchLabel:
    """Where a decision exit's label (Ya, Tidak …) goes: beside the start of its arrow.

    The text runs from ``at`` as ``align`` says, and hangs below ``at`` when
    ``below`` (an exit downwards), else sits above it.
    """

    text: str
    at: Point
    align: Align
    below: bool


@dataclass(frozen=True)
class ArrowPart:
    """The part of one arrow inside a band."""

    arrow: Arrow
    segments: tuple[Segment, ...]
    branch_label: BranchLabel | None = None

    @property
    def has_tip(self) -> bool:
        """Whether the arrowhead falls in this band."""
        return any(segment.has_tip for segment in self.segments)


@dataclass(frozen=True)
class Outline:
    """A symbol's shape: a polygon, or its box with rounded corners (0 for a rectangle)."""

    box: Box
    corner_radius: float = 0.0
    polygon: tuple[Point, ...] = ()


@dataclass(frozen=True)
class Band:
    """What one row draws: its symbol and the parts of arrows inside it."""

    row: Row
    symbols: tuple[PlacedSymbol, ...]
    arrows: tuple[ArrowPart, ...]


class Bands:
    """The band of every row of a layout.

    Each arrow and symbol is filed once under the rows it reaches, so drawing
    every band costs as much as the parts drawn, not rows times arrows.
    """

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._index = {row: index for index, row in enumerate(layout.rows)}
        tops = [row.top for row in layout.rows]
        bottoms = [row.bottom for row in layout.rows]
        self._arrows: list[list[Arrow]] = [[] for _ in layout.rows]
        for arrow in layout.arrows:
            heights = [point.y for point in arrow.points]
            first = bisect_left(bottoms, min(heights))
            last = bisect_right(tops, max(heights))
            for index in range(first, last):
                self._arrows[index].append(arrow)
        self._symbols: list[list[PlacedSymbol]] = [[] for _ in layout.rows]
        for symbol in layout.symbols:
            self._symbols[symbol.row].append(symbol)

    def band(self, row: Row) -> Band:
        """The band of ``row``: symbols wholly inside it and the arrow parts crossing it."""
        index = self._index[row]
        style = self.layout.style
        parts = (_arrow_part(arrow, row, style) for arrow in self._arrows[index])
        symbols = tuple(
            symbol
            for symbol in self._symbols[index]
            if symbol.box.y >= row.top and symbol.box.bottom <= row.bottom
        )
        return Band(row, symbols, tuple(part for part in parts if part.segments))

    def passing_lines(self, row: Row) -> tuple[tuple[Arrow, float], ...]:
        """Each arrow running down or up through the band's lower edge, with its x.

        When a row's texts make it taller than its band, these lines continue
        through the extra height.
        """
        return tuple(
            (arrow, start.x)
            for arrow in self._arrows[self._index[row]]
            for start, end in arrow.segments
            if start.x == end.x and min(start.y, end.y) < row.bottom < max(start.y, end.y)
        )


def outline(symbol: PlacedSymbol) -> Outline:
    """The shape of a symbol: capsule, rectangle, diamond, or a pentagon pointing down."""
    box = symbol.box
    kind = symbol.node.symbol
    if kind is Symbol.TERMINATOR:
        return Outline(box, corner_radius=box.height / 2)
    if kind is Symbol.PROCESS:
        return Outline(box)
    if kind is Symbol.DECISION:
        corners = ((box.cx, box.y), (box.right, box.cy), (box.cx, box.bottom), (box.x, box.cy))
    else:
        shoulder = box.y + box.height * CONNECTOR_SHOULDER
        corners = (
            (box.x, box.y), (box.right, box.y), (box.right, shoulder),
            (box.cx, box.bottom), (box.x, shoulder),
        )  # fmt: skip
    return Outline(box, polygon=tuple(Point(x, y) for x, y in corners))


def arrowhead(before: Point, tip: Point, style: Style) -> tuple[Point, Point, Point]:
    """The corners of a filled arrowhead at ``tip``, pointing from ``before``."""
    dx, dy = tip.x - before.x, tip.y - before.y
    length = max(abs(dx), abs(dy)) or 1.0
    ux, uy = dx / length, dy / length
    base_x = tip.x - ux * style.arrowhead_length
    base_y = tip.y - uy * style.arrowhead_length
    half = style.arrowhead_half_width
    return (
        tip,
        Point(base_x - uy * half, base_y + ux * half),
        Point(base_x + uy * half, base_y - ux * half),
    )


def clip(start: Point, end: Point, row: Row) -> tuple[Point, Point] | None:
    """The part of the segment from ``start`` to ``end`` inside ``row``, same direction."""
    if start.y == end.y:
        return (start, end) if row.top <= start.y <= row.bottom else None
    low, high = max(min(start.y, end.y), row.top), min(max(start.y, end.y), row.bottom)
    if low >= high:
        return None
    if start.y < end.y:
        return Point(start.x, low), Point(end.x, high)
    return Point(start.x, high), Point(end.x, low)


def _arrow_part(arrow: Arrow, row: Row, style: Style) -> ArrowPart:
    last = len(arrow.points) - 2
    tip_inside = row.top <= arrow.points[-1].y <= row.bottom
    segments = []
    for index, (start, end) in enumerate(arrow.segments):
        clipped = clip(start, end, row)
        if clipped:
            segments.append(Segment(*clipped, has_tip=index == last and tip_inside))
    branch_label = None
    first = arrow.points[0]
    if arrow.link.branch and row.top <= first.y <= row.bottom:
        branch_label = _branch_label(arrow, style)
    return ArrowPart(arrow, tuple(segments), branch_label)


def _branch_label(arrow: Arrow, style: Style) -> BranchLabel:
    """Below and right of an exit downwards; above and outwards of a side exit."""
    start, gap = arrow.points[0], style.label_gap
    text = arrow.link.branch or ""
    if arrow.exit_side is Side.BOTTOM:
        return BranchLabel(text, Point(start.x + gap, start.y + gap), Align.START, below=True)
    if arrow.exit_side is Side.RIGHT:
        return BranchLabel(text, Point(start.x + gap, start.y - gap), Align.START, below=False)
    return BranchLabel(text, Point(start.x - gap, start.y - gap), Align.END, below=False)

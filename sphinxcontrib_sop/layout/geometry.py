"""Shapes and sizes of the flowchart drawing: points, boxes, symbols, the style.

Lengths are in the unit of the :class:`Style` they come from: CSS pixels for
the screen's style, points for the printed one (:mod:`.sheet`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

#: Where the off-page connector's upright sides end, as a fraction of its height.
CONNECTOR_SHOULDER = 0.6


class Symbol(str, enum.Enum):
    """The five symbols of the SOP AP format, less the arrow."""

    TERMINATOR = "terminator"
    PROCESS = "process"
    DECISION = "decision"
    CONNECTOR = "connector"


class Side(str, enum.Enum):
    TOP = "top"
    BOTTOM = "bottom"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Style:
    """Sizes of the drawing; by default the screen's, in CSS pixels."""

    column_width: float = 112
    row_height: float = 88
    connector_row_height: float = 52
    symbol_y: float = 34  # centre of the symbol below the row's top
    process_height: float = 36
    terminator_height: float = 32
    decision_height: float = 50
    connector_size: float = 26
    symbol_margin: float = 14  # between a symbol and its column's edges
    decision_width: float = 84
    bend_above_bottom: float = 12  # where arrows to the next row turn
    lane_gap: float = 10
    max_lanes: int = 6  # in each gutter; an arrow finding none free is cut (see grid)
    gutter_padding: float = 12
    port_spacing: float = 9
    label_gap: float = 4  # between a branch label and its arrow
    arrowhead_length: float = 8
    arrowhead_half_width: float = 4


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: the bounding box of a symbol."""

    x: float
    y: float
    width: float
    height: float

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

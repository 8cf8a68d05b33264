"""Drawing the flowchart layout as SVG, one horizontal band per table row.

Each row of the HTML flowchart table shows the window of the drawing that
belongs to its row (:func:`band_svg`).  A row grows when its texts need more
room than the drawing: :func:`stretch_svg` then continues, down the extra
height, the arrows that cross the row's lower edge.  All styling comes from CSS
classes and custom properties (see ``sphinxcontrib-sop.css``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ...layout.grid import (
    CONNECTOR_SHOULDER,
    Arrow,
    Box,
    Layout,
    PlacedSymbol,
    Point,
    Row,
    Side,
    Symbol,
)

ARROWHEAD_LENGTH = 8.0
ARROWHEAD_HALF_WIDTH = 4.0
LABEL_GAP = 4.0


@dataclass(frozen=True)
class Texts:
    """What the drawing says: titles for symbols and arrows (plain text)."""

    symbol_title: Callable[[PlacedSymbol], str]
    arrow_title: Callable[[Arrow], str]


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _attributes(**values: str | float | None) -> str:
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        text = _number(value) if isinstance(value, float | int) else value
        parts.append(f'{name.rstrip("_").replace("_", "-")}="{escape(str(text))}"')
    return " ".join(parts)


def band_svg(layout: Layout, row: Row, texts: Texts, description: str) -> str:
    """The SVG of one row's band: its symbol and the parts of arrows inside it.

    ``description`` is read by screen readers in place of the picture.
    """
    parts = [
        f'<svg class="sop-band" xmlns="http://www.w3.org/2000/svg" '
        f"{_attributes(width=layout.width, height=row.height)} "
        f'viewBox="0 {_number(row.top)} {_number(layout.width)} {_number(row.height)}" '
        f'role="img" aria-label="{escape(description)}">',
        _column_rules(layout, row.top, row.bottom),
    ]
    for arrow in layout.arrows:
        if fragment := _arrow_part(arrow, row, texts):
            parts.append(fragment)
    for symbol in layout.symbols:
        if symbol.box.y >= row.top and symbol.box.bottom <= row.bottom:
            parts.append(symbol_svg(symbol, texts.symbol_title(symbol)))
    parts.append("</svg>")
    return "".join(parts)


def stretch_svg(layout: Layout, row: Row, texts: Texts) -> str:
    """Vertical lines continuing, down a grown row, the arrows crossing its lower edge."""
    lines = []
    for arrow in layout.arrows:
        for start, end in arrow.segments:
            if start.x == end.x and min(start.y, end.y) < row.bottom < max(start.y, end.y):
                lines.append(
                    f"<g {_arrow_attributes(arrow)}>"
                    f"<title>{escape(texts.arrow_title(arrow))}</title>"
                    f"<line {_attributes(x1=start.x, y1=0.0, x2=start.x, y2=1.0)} "
                    'vector-effect="non-scaling-stroke"/></g>'
                )
    return (
        '<svg class="sop-stretch" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {_number(layout.width)} 1" preserveAspectRatio="none" '
        'aria-hidden="true" focusable="false">'
        + _column_rules(layout, 0.0, 1.0, scaled=True)
        + "".join(lines)
        + "</svg>"
    )


def _column_rules(layout: Layout, top: float, bottom: float, scaled: bool = False) -> str:
    """Thin lines between the actor columns, continuing the header's column borders."""
    effect = ' vector-effect="non-scaling-stroke"' if scaled else ""
    lines = "".join(
        f"<line {_attributes(x1=x, y1=top, x2=x, y2=bottom)}{effect}/>"
        for x in (layout.column_left(column) for column in range(layout.column_count + 1))
    )
    return f'<g class="sop-column-rule">{lines}</g>'


def symbol_svg(symbol: PlacedSymbol, title: str) -> str:
    """One symbol: its shape, its short label and a ``<title>``."""
    box, node = symbol.box, symbol.node
    step = f' data-step="{node.step}"' if node.step is not None else ""
    return (
        f'<g class="sop-symbol sop-{node.symbol.value}"{step}>'
        f"<title>{escape(title)}</title>{_shape(node.symbol, box)}"
        f'<text {_attributes(x=box.cx, y=box.cy)} class="sop-symbol-label" '
        f'text-anchor="middle" dominant-baseline="central">{escape(node.label)}</text></g>'
    )


def _shape(symbol: Symbol, box: Box) -> str:
    if symbol is Symbol.TERMINATOR:
        radius = box.height / 2
        corners = _attributes(rx=radius, ry=radius)
        return (
            f"<rect {_attributes(x=box.x, y=box.y, width=box.width, height=box.height)} {corners}/>"
        )
    if symbol is Symbol.PROCESS:
        return f"<rect {_attributes(x=box.x, y=box.y, width=box.width, height=box.height)}/>"
    if symbol is Symbol.DECISION:
        points = [(box.cx, box.y), (box.right, box.cy), (box.cx, box.bottom), (box.x, box.cy)]
    else:  # the off-page connector: a pentagon pointing down
        shoulder = box.y + box.height * CONNECTOR_SHOULDER
        points = [
            (box.x, box.y), (box.right, box.y), (box.right, shoulder),
            (box.cx, box.bottom), (box.x, shoulder),
        ]  # fmt: skip
    coordinates = " ".join(f"{_number(x)},{_number(y)}" for x, y in points)
    return f'<polygon points="{coordinates}"/>'


def _arrow_attributes(arrow: Arrow) -> str:
    link = arrow.link
    branch = link.label.casefold() if link.label else None
    return _attributes(
        class_="sop-arrow",
        data_from=_step_of(link.source),
        data_to=_step_of(link.target),
        data_branch=branch,
    )


def _step_of(key: str) -> str:
    return key.removeprefix("step-")


def _arrow_part(arrow: Arrow, row: Row, texts: Texts) -> str:
    """The part of ``arrow`` inside ``row``: clipped segments, arrowhead, label."""
    pieces = []
    for start, end in arrow.segments:
        clipped = _clip(start, end, row)
        if clipped:
            (x1, y1), (x2, y2) = clipped
            pieces.append(f"M{_number(x1)} {_number(y1)}L{_number(x2)} {_number(y2)}")
    if not pieces:
        return ""
    out = [f"<g {_arrow_attributes(arrow)}><title>{escape(texts.arrow_title(arrow))}</title>"]
    out.append(f'<path d="{"".join(pieces)}"/>')
    tip, before = arrow.points[-1], arrow.points[-2]
    if row.top <= tip.y <= row.bottom:
        out.append(_arrowhead(before, tip))
    first = arrow.points[0]
    if arrow.link.label and row.top <= first.y <= row.bottom:
        out.append(_branch_label(arrow))
    out.append("</g>")
    return "".join(out)


def _clip(
    start: Point, end: Point, row: Row
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    if start.y == end.y:
        return ((start.x, start.y), (end.x, end.y)) if row.top <= start.y <= row.bottom else None
    low, high = sorted((start.y, end.y))
    low, high = max(low, row.top), min(high, row.bottom)
    if low >= high:
        return None
    if start.y < end.y:
        return (start.x, low), (end.x, high)
    return (start.x, high), (end.x, low)


def _arrowhead(before: Point, tip: Point) -> str:
    """A filled triangle whose point is ``tip``, in the direction of the last segment."""
    dx, dy = tip.x - before.x, tip.y - before.y
    length = max(abs(dx), abs(dy)) or 1.0
    ux, uy = dx / length, dy / length
    base_x, base_y = tip.x - ux * ARROWHEAD_LENGTH, tip.y - uy * ARROWHEAD_LENGTH
    left = (base_x - uy * ARROWHEAD_HALF_WIDTH, base_y + ux * ARROWHEAD_HALF_WIDTH)
    right = (base_x + uy * ARROWHEAD_HALF_WIDTH, base_y - ux * ARROWHEAD_HALF_WIDTH)
    points = " ".join(f"{_number(x)},{_number(y)}" for x, y in ((tip.x, tip.y), left, right))
    return f'<polygon class="sop-arrowhead" points="{points}"/>'


def _branch_label(arrow: Arrow) -> str:
    """The exit's label (Ya/Tidak …) beside the start of the arrow."""
    start = arrow.points[0]
    if arrow.exit_side is Side.BOTTOM:
        x, y, anchor = start.x + LABEL_GAP, start.y + LABEL_GAP + 8, "start"
    elif arrow.exit_side is Side.RIGHT:
        x, y, anchor = start.x + LABEL_GAP, start.y - LABEL_GAP, "start"
    else:
        x, y, anchor = start.x - LABEL_GAP, start.y - LABEL_GAP, "end"
    return (
        f'<text class="sop-branch-label" {_attributes(x=x, y=y)} text-anchor="{anchor}">'
        f"{escape(arrow.link.label or '')}</text>"
    )

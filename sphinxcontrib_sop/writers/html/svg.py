"""Drawing the bands of the flowchart layout as SVG, one per table row.

Each row of the HTML flowchart table shows its band of the drawing
(:func:`band_svg`).  A row grows when its texts need more room than the
drawing: :func:`stretch_svg` then continues, down the extra height, the arrows
that cross the row's lower edge.  The geometry comes from
:mod:`sphinxcontrib_sop.layout.bands`; this module only writes SVG.  All
styling comes from CSS classes and custom properties (see
``sphinxcontrib-sop.css``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ...layout.bands import Align, ArrowPart, Bands, BranchLabel, arrowhead, outline
from ...layout.geometry import Point, Style
from ...layout.grid import Arrow, Layout, PlacedSymbol, Row, StepKey

#: How far below its anchor a hanging label's baseline sits (the label font's ascent).
HANGING_BASELINE = 8.0


@dataclass(frozen=True)
class Texts:
    """What the drawing says: titles for symbols and arrows (plain text)."""

    symbol_title: Callable[[PlacedSymbol], str]
    arrow_title: Callable[[Arrow], str]


def band_svg(bands: Bands, row: Row, texts: Texts, description: str) -> str:
    """The SVG of one row's band: its symbol and the parts of arrows inside it.

    ``description`` is read by screen readers in place of the picture.
    """
    layout = bands.layout
    drawn = bands.band(row)
    parts = [
        f'<svg class="sop-band" xmlns="http://www.w3.org/2000/svg" '
        f"{_attributes(width=layout.width, height=row.height)} "
        f'viewBox="0 {_number(row.top)} {_number(layout.width)} {_number(row.height)}" '
        f'role="img" aria-label="{escape(description)}">',
        _column_rules(layout, row.top, row.bottom),
    ]
    parts.extend(_arrow_part(part, texts, layout.style) for part in drawn.arrows)
    parts.extend(symbol_svg(symbol, texts.symbol_title(symbol)) for symbol in drawn.symbols)
    parts.append("</svg>")
    return "".join(parts)


def stretch_svg(bands: Bands, row: Row, texts: Texts, top: float | None = None) -> str:
    """Vertical lines continuing, down a grown row, the arrows crossing its lower edge.

    Placed right under the band, it fills the rest of the table cell.  ``top``
    places it higher: ``0`` fills a whole cell that continues ``row``.
    """
    layout = bands.layout
    top = row.height if top is None else top
    lines = [
        f"<g {_arrow_attributes(arrow)}>"
        f"<title>{escape(texts.arrow_title(arrow))}</title>"
        f"<line {_attributes(x1=x, y1=0.0, x2=x, y2=1.0)} "
        'vector-effect="non-scaling-stroke"/></g>'
        for arrow, x in bands.passing_lines(row)
    ]
    return (
        '<svg class="sop-stretch" '
        f'style="top: {top:.0f}px; height: calc(100% - {top:.0f}px)" '
        'xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {_number(layout.width)} 1" preserveAspectRatio="none" '
        'aria-hidden="true" focusable="false">'
        + _column_rules(layout, 0.0, 1.0, scaled=True)
        + "".join(lines)
        + "</svg>"
    )


def symbol_svg(symbol: PlacedSymbol, title: str) -> str:
    """One symbol: its shape, its short text and a ``<title>``."""
    box, node = symbol.box, symbol.node
    step = f' data-step="{node.step}"' if node.step is not None else ""
    return (
        f'<g class="sop-symbol sop-{node.symbol.value}"{step}>'
        f"<title>{escape(title)}</title>{_shape(symbol)}"
        f'<text {_attributes(x=box.cx, y=box.cy)} class="sop-symbol-label" '
        f'text-anchor="middle" dominant-baseline="central">{escape(node.text)}</text></g>'
    )


def _shape(symbol: PlacedSymbol) -> str:
    shape = outline(symbol)
    if shape.polygon:
        return f'<polygon points="{_points(shape.polygon)}"/>'
    box = shape.box
    rectangle = _attributes(x=box.x, y=box.y, width=box.width, height=box.height)
    if shape.corner_radius:
        radius = shape.corner_radius
        return f"<rect {rectangle} {_attributes(rx=radius, ry=radius)}/>"
    return f"<rect {rectangle}/>"


def _column_rules(layout: Layout, top: float, bottom: float, scaled: bool = False) -> str:
    """Thin lines between the actor columns, continuing the header's column borders."""
    effect = ' vector-effect="non-scaling-stroke"' if scaled else ""
    lines = "".join(
        f"<line {_attributes(x1=x, y1=top, x2=x, y2=bottom)}{effect}/>"
        for x in layout.column_edges()
    )
    return f'<g class="sop-column-rule">{lines}</g>'


def _arrow_part(part: ArrowPart, texts: Texts, style: Style) -> str:
    """The part of an arrow inside a band: its segments, arrowhead and branch label."""
    arrow = part.arrow
    path = "".join(
        f"M{_number(segment.start.x)} {_number(segment.start.y)}"
        f"L{_number(segment.end.x)} {_number(segment.end.y)}"
        for segment in part.segments
    )
    out = [
        f"<g {_arrow_attributes(arrow)}><title>{escape(texts.arrow_title(arrow))}</title>",
        f'<path d="{path}"/>',
    ]
    if part.has_tip:
        corners = arrowhead(arrow.points[-2], arrow.points[-1], style)
        out.append(f'<polygon class="sop-arrowhead" points="{_points(corners)}"/>')
    if part.branch_label:
        out.append(_branch_label(part.branch_label))
    out.append("</g>")
    return "".join(out)


def _branch_label(label: BranchLabel) -> str:
    y = label.at.y + HANGING_BASELINE if label.below else label.at.y
    return (
        f'<text class="sop-branch-label" {_attributes(x=label.at.x, y=y)} '
        f'text-anchor="{"start" if label.align is Align.START else "end"}">'
        f"{escape(label.text)}</text>"
    )


def _arrow_attributes(arrow: Arrow) -> str:
    link = arrow.link
    return _attributes(
        class_="sop-arrow",
        data_from=_step_number(link.source),
        data_to=_step_number(link.target),
        data_branch=link.branch.casefold() if link.branch else None,
    )


def _step_number(key: object) -> str | None:
    return str(key.number) if isinstance(key, StepKey) else None


def _points(points: tuple[Point, ...]) -> str:
    return " ".join(f"{_number(point.x)},{_number(point.y)}" for point in points)


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

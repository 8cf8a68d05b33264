"""The official flowchart in LaTeX: landscape pages of a table drawn with TikZ.

The flowchart is split into pages by the layout's paging model, each page a
table with the two header rows (Pelaksana / Mutu Baku), one row per step and the
rows of the off-page connectors that join the pages.  The texts are ordinary
table cells (real PDF text); the actor columns of each row are one TikZ picture
drawing that row's band of the layout: its symbol and the parts of arrows in
it.  TeX measures each row's texts first (``\\sopmeasure``) and the picture
continues the vertical arrows down to the row's full height, so arrows stay
joined however tall a row grows.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from docutils import nodes
from sphinx.util.texescape import escape
from sphinx.writers.latex import LaTeXTranslator

from ...config import setting
from ...core.model import Procedure, Step
from ...domain import get_domain
from ...i18n.labels import Labels
from ...layout.grid import (
    CONNECTOR_SHOULDER,
    Arrow,
    Box,
    Layout,
    Page,
    PlacedSymbol,
    Point,
    Row,
    Side,
    Style,
    Symbol,
    lay_out_procedure,
    paginate,
)

TEXT_NAMES = ("activity", "requirements", "time", "output", "notes")

#: Widths of the text columns, in points.
TEXT_WIDTHS = {"number": 14, "activity": 104, "requirements": 62, "time": 38, "output": 62,
               "notes": 66}  # fmt: skip
TABCOLSEP = 2.5
#: The usable landscape page: width and height of the text area, in points,
#: for A4 and F4 with Sphinx's margins (the header rows take part of it).
PAGE_AREAS = {"a4": (665.0, 470.0), "f4": (800.0, 480.0)}
HEADER_HEIGHT = 40.0
#: Rough metrics of \footnotesize text, to decide where pages break.
CHARACTER_WIDTH = 3.9
LINE_HEIGHT = 9.6


def print_style(column_count: int, drawing_width: float) -> Style:
    """A layout style whose columns share ``drawing_width`` points, scaled from the screen's."""
    screen = Style()
    column = max(34.0, min(70.0, (drawing_width - 30) / max(column_count, 1)))
    scale = column / screen.column_width
    return Style(
        column_width=column,
        row_height=max(40.0, screen.row_height * scale),
        connector_row_height=30.0,
        symbol_y=max(16.0, screen.symbol_y * scale),
        process_height=max(15.0, screen.process_height * scale),
        terminator_height=max(14.0, screen.terminator_height * scale),
        decision_height=max(20.0, screen.decision_height * scale),
        connector_size=14.0,
        symbol_margin=max(4.0, screen.symbol_margin * scale),
        decision_width=max(26.0, screen.decision_width * scale),
        bend_above_bottom=max(5.0, screen.bend_above_bottom * scale),
        lane_gap=5.0,
        gutter_padding=6.0,
        port_spacing=4.0,
    )


def text_width() -> float:
    """Width of the text columns with their padding."""
    return sum(TEXT_WIDTHS.values()) + 2 * TABCOLSEP * len(TEXT_WIDTHS) + 8


def estimated_height(step: Step, style: Style) -> float:
    """A generous estimate of a step's row height, for choosing page breaks."""
    lines = 1
    for name in TEXT_NAMES:
        text = getattr(step, name)
        per_line = max(int(TEXT_WIDTHS[name] / CHARACTER_WIDTH), 1)
        lines = max(lines, math.ceil(len(text) * 1.15 / per_line))
    return max(style.row_height, lines * LINE_HEIGHT + 6)


@dataclass(frozen=True)
class PrintedFlowchart:
    """The pages of one SOP's flowchart and the style they are drawn in."""

    style: Style
    pages: list[Page]


def printed_flowchart(procedure: Procedure, paper: str) -> PrintedFlowchart:
    """Lay the flowchart out for landscape pages of ``paper``."""
    width, height = PAGE_AREAS[paper]
    drawing = width - text_width()
    style = print_style(len(procedure.actors), drawing)
    gutters = lay_out_procedure(procedure, style)
    spare = drawing - gutters.width
    if spare < 0:  # routing gutters took more room: narrow the columns to fit
        style = print_style(len(procedure.actors), drawing + spare)
    steps = {step.number: step for step in procedure.steps}
    pages = paginate(
        procedure,
        height - HEADER_HEIGHT,
        style,
        step_height=lambda number: estimated_height(steps[number], style),
    )
    return PrintedFlowchart(style, pages)


# -- writing ---------------------------------------------------------------------


def visit_flowchart(translator: LaTeXTranslator, node: nodes.Element) -> None:
    """Write the flowchart on landscape pages; the steps table gives the cell texts."""
    procedure = (
        get_domain(translator.builder.env)
        .procedures_by_doc[node["sop_docname"]][node["sop_index"]]
        .procedure
    )
    if not procedure.steps:
        return
    label = Labels(translator.config.sop_labels)
    printed = printed_flowchart(procedure, setting(translator.config, "sop_paper"))
    cells = _cell_texts(translator, node)
    texts: dict[int, dict[str, str]] = {}
    for step, step_cells in zip(procedure.steps, cells, strict=False):
        texts.setdefault(step.number, step_cells)  # a repeated number is drawn once
    out = ["\n\\begin{landscape}\\begin{sopflowchart}\n"]
    for index, page in enumerate(printed.pages):
        if index:
            out.append("\\end{sopflowchartpage}\\clearpage\n")
        out.append(_page_start(procedure, page.layout, label))
        for row in page.layout.rows:
            out.append(_row(page.layout, row, texts.get(row.node.step)))
    out.append("\\end{sopflowchartpage}\\end{sopflowchart}\\end{landscape}\n")
    translator.body.append("".join(out))
    raise nodes.SkipNode


def _cell_texts(translator: LaTeXTranslator, node: nodes.Element) -> list[dict[str, str]]:
    """The LaTeX of each step's text cells, written by the translator itself."""
    body = node.next_node(nodes.tbody)
    rows = []
    for row in body.children if body is not None else ():
        cells = {}
        for entry in row.children:
            name = next((n for n in TEXT_NAMES if f"sop-{n}" in entry["classes"]), None)
            if name is None:
                continue
            start = len(translator.body)
            for child in entry.children:
                child.walkabout(translator)
            cells[name] = "".join(translator.body[start:]).strip()
            del translator.body[start:]
        rows.append(cells)
    return rows


def _page_start(procedure: Procedure, layout: Layout, label: Callable[[str], str]) -> str:
    def text(name: str) -> str:
        return f">{{\\raggedright\\arraybackslash}}p{{{TEXT_WIDTHS[name]}pt}}"

    columns = (
        f"|{text('number')}|{text('activity')}|@{{}}p{{{layout.width:.1f}pt}}@{{}}"
        f"|{text('requirements')}|{text('time')}|{text('output')}|{text('notes')}|"
    )
    actors = "".join(
        f"\\node[sopactor, text width={layout.style.column_width - 4:.1f}pt] at "
        f"({layout.column_left(index) + layout.style.column_width / 2:.1f}pt,0) "
        f"{{{escape(actor)}}};"
        for index, actor in enumerate(procedure.actors)
    )
    rules = "".join(
        f"\\draw[sopgrid] ({layout.column_left(index):.1f}pt,0) -- "
        f"({layout.column_left(index):.1f}pt,0 |- current bounding box.south);"
        for index in range(1, layout.column_count)
    )

    def head(message: str) -> str:
        return f"\\textbf{{{escape(label(message))}}}"

    return (
        f"\\begin{{sopflowchartpage}}{{{columns}}}\n\\hline\n"
        f"{head('No')} & {head('Activity')} & "
        f"\\centering {head('Implementers')} & "
        f"\\multicolumn{{3}}{{c|}}{{{head('Quality standard')}}}"
        f" & {head('Notes')} \\\\ \\cline{{3-6}}\n"
        f" & & \\sopactors{{{layout.width:.1f}pt}}{{{actors}{rules}}} & {head('Requirements')} & "
        f"{head('Time')} & {head('Output')} & \\\\ \\hline\\endhead\n"
    )


def _row(layout: Layout, row: Row, cells: dict[str, str] | None) -> str:
    cells = cells or {}
    measures = "".join(
        f"\\sopmeasure{{{TEXT_WIDTHS[name]}pt}}{{{cells.get(name, '')}}}" for name in TEXT_NAMES
    )
    number = str(row.node.step) if row.node.step is not None else ""
    drawing = _band(layout, row)
    return (
        f"\\sopstartrow{{{row.height:.1f}pt}}{measures}{number} & {cells.get('activity', '')} & "
        f"\\sopband{{{layout.width:.1f}pt}}{{{drawing}}} & {cells.get('requirements', '')} & "
        f"{cells.get('time', '')} & {cells.get('output', '')} & {cells.get('notes', '')}"
        " \\\\ \\hline\n"
    )


def _y(row: Row, y: float) -> str:
    """A height within the row: the band's points as drawn, its lower edge at the row's end."""
    if y >= row.bottom - 0.01:
        return "-\\sopheight"
    return f"{-(y - row.top):.2f}pt"


def _point(row: Row, point: Point) -> str:
    return f"({point.x:.2f}pt,{_y(row, point.y)})"


def _band(layout: Layout, row: Row) -> str:
    parts = [
        f"\\draw[sopgrid] ({layout.column_left(index):.1f}pt,0) -- "
        f"({layout.column_left(index):.1f}pt,-\\sopheight);"
        for index in range(1, layout.column_count)
    ]
    for arrow in layout.arrows:
        parts.extend(_arrow_part(arrow, row))
    for symbol in layout.symbols:
        if symbol.box.y >= row.top and symbol.box.bottom <= row.bottom:
            parts.append(_symbol(symbol, row))
    return "".join(parts)


def _arrow_part(arrow: Arrow, row: Row) -> list[str]:
    parts = []
    last = len(arrow.segments) - 1
    for index, (start, end) in enumerate(arrow.segments):
        if start.y == end.y:
            if not row.top <= start.y <= row.bottom:
                continue
            clipped = (start, end)
        else:
            low, high = max(min(start.y, end.y), row.top), min(max(start.y, end.y), row.bottom)
            if low >= high:
                continue
            going_down = end.y > start.y
            clipped = (
                Point(start.x, low if going_down else high),
                Point(end.x, high if going_down else low),
            )
        tip = index == last and row.top <= end.y <= row.bottom
        style = "sopflow,-{Stealth[length=4pt,width=3.5pt]}" if tip else "sopflow"
        parts.append(f"\\draw[{style}] {_point(row, clipped[0])} -- {_point(row, clipped[1])};")
    first = arrow.points[0]
    if arrow.link.label and row.top <= first.y <= row.bottom:
        parts.append(_branch_label(arrow, row))
    return parts


def _branch_label(arrow: Arrow, row: Row) -> str:
    start = arrow.points[0]
    if arrow.exit_side is Side.BOTTOM:
        anchor, shift = "north west", (1.5, 1.5)
    elif arrow.exit_side is Side.RIGHT:
        anchor, shift = "south west", (1.5, -1.0)
    else:
        anchor, shift = "south east", (-1.5, -1.0)
    at = Point(start.x + shift[0], start.y + shift[1])
    text = escape(arrow.link.label or "")
    return f"\\node[soplabel, anchor={anchor}] at {_point(row, at)} {{{text}}};"


def _symbol(symbol: PlacedSymbol, row: Row) -> str:
    box = symbol.box
    shape = _shape(symbol.node.symbol, box, row)
    centre = Point(box.cx, box.cy)
    return f"{shape}\\node[sopnumber] at {_point(row, centre)} {{{escape(symbol.node.label)}}};"


def _shape(kind: Symbol, box: Box, row: Row) -> str:
    corner = _point(row, Point(box.x, box.y))
    opposite = _point(row, Point(box.right, box.bottom))
    if kind is Symbol.PROCESS:
        return f"\\draw[sopsymbol] {corner} rectangle {opposite};"
    if kind is Symbol.TERMINATOR:
        rounded = f"rounded corners={box.height / 2 - 0.1:.2f}pt"
        return f"\\draw[sopsymbol, {rounded}] {corner} rectangle {opposite};"
    if kind is Symbol.DECISION:
        points = [Point(box.cx, box.y), Point(box.right, box.cy), Point(box.cx, box.bottom),
                  Point(box.x, box.cy)]  # fmt: skip
    else:
        shoulder = box.y + box.height * CONNECTOR_SHOULDER
        points = [Point(box.x, box.y), Point(box.right, box.y), Point(box.right, shoulder),
                  Point(box.cx, box.bottom), Point(box.x, shoulder)]  # fmt: skip
    return "\\draw[sopsymbol] " + " -- ".join(_point(row, p) for p in points) + " -- cycle;"

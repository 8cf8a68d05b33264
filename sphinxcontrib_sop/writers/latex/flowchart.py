"""The official flowchart in LaTeX: landscape pages of a table drawn with TikZ.

The flowchart is split into pages by the layout's paging model, each page a
table with the two header rows (Pelaksana / Mutu Baku), one row per step and the
rows of the off-page connectors that join the pages.  The texts are ordinary
table cells (real PDF text); the actor columns of each row are one TikZ picture
drawing that row's band of the layout (:mod:`sphinxcontrib_sop.layout.bands`):
its symbol and the parts of arrows in it.  TeX measures each row's texts first
(``\\sopmeasure``) and the picture continues the vertical arrows down to the
row's full height, so arrows stay joined however tall a row grows.  The last
page ends with the closing row, the total time (*Jumlah waktu*).  Sizes come
from :mod:`sphinxcontrib_sop.layout.sheet`; this module only writes TeX.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docutils import nodes
from sphinx.util.texescape import escape
from sphinx.writers.latex import LaTeXTranslator

from ...config import setting
from ...core.columns import Column
from ...core.model import Procedure
from ...core.totals import TotalTime
from ...core.wording import Labels
from ...doctree.nodes import sop_flowchart
from ...i18n.labels import ProjectLabels
from ...layout.bands import Align, ArrowPart, Bands, BranchLabel, Outline, outline
from ...layout.geometry import Point
from ...layout.grid import Layout, PlacedSymbol, Row, repeated_rows
from ...layout.sheet import (
    CLOSING_NOTE_WIDTH,
    LEFT_COLUMNS,
    PRINT_WIDTHS,
    RIGHT_COLUMNS,
    WRITTEN_COLUMNS,
    closing_row_height,
    printed_flowchart,
)
from .rendering import content_latex
from .targets import hypertargets


def visit_flowchart(translator: LaTeXTranslator, node: sop_flowchart) -> None:
    """Write the flowchart on landscape pages; the steps table gives the cell texts."""
    entry = node.entry(translator.builder.env)
    procedure, total = entry.procedure, entry.total
    if not procedure.steps:
        return
    labels = ProjectLabels(translator.config.sop_labels)
    table = node.next_node(nodes.table)
    caption = _caption(translator, table, labels)
    closing = closing_row_height(total.text(labels), total.note(labels)) if total else 0.0
    printed = printed_flowchart(
        procedure, setting(translator.config, "sop_paper"), caption.longest, closing
    )
    written = [
        WrittenRow(
            {column: content_latex(translator, entry) for column, entry in row.cells.items()},
            hypertargets(translator, node, [row.target]) if row.target else "",
        )
        for row in node.step_rows(translator.builder.env)
    ]
    numbers = [step.number for step in procedure.steps]
    first: dict[int, WrittenRow] = {}
    for number, row in zip(numbers, written, strict=True):
        first.setdefault(number, row)
    under = repeated_rows(numbers)
    targets = hypertargets(translator, node, table["ids"]) if table is not None else ""
    out = [f"\n\\begin{{landscape}}\\begin{{sopflowchart}}{targets}\n"]
    for index, page in enumerate(printed.pages):
        if index:
            out.append("\\end{sopflowchartpage}\\clearpage\n")
        out.append(caption.on_page(index))
        out.append(_page_start(procedure, page.layout, labels))
        bands = Bands(page.layout)
        for row in page.layout.rows:
            step = row.node.step
            if step is None:
                out.append(_row(bands, row, WrittenRow()))
                continue
            out.append(_row(bands, row, first[step]))
            for position in under.get(step, ()):
                out.append(_repeated_row(bands, row, written[position], numbers[position]))
    if total is not None:
        out.append(_total_row(total, labels))
    out.append("\\end{sopflowchartpage}\\end{sopflowchart}\\end{landscape}\n")
    translator.body.append("".join(out))
    raise nodes.SkipNode


@dataclass(frozen=True)
class Caption:
    """The caption written on the step table, printed above the flowchart on each page.

    ``first`` is its LaTeX on the first page, ``later`` on the following ones
    (with "continued from previous page"), ``longest`` the plain text of the
    longer, for the room it takes.
    """

    first: str = ""
    later: str = ""
    longest: str = ""

    def on_page(self, index: int) -> str:
        text = self.later if index else self.first
        return f"\\sopcaption{{{text}}}\n" if text else ""


def _caption(translator: LaTeXTranslator, table: nodes.table | None, labels: Labels) -> Caption:
    title = table.next_node(nodes.title) if table is not None else None
    if title is None or not title.astext().strip():
        return Caption()
    text = content_latex(translator, title)
    continued = labels("continued from previous page")
    return Caption(
        first=text,
        later=f"{text} \\textendash{{}} {escape(continued)}",
        longest=f"{title.astext()} – {continued}",
    )


def _page_start(procedure: Procedure, layout: Layout, labels: Labels) -> str:
    def text(column: Column) -> str:
        return f"|>{{\\raggedright\\arraybackslash}}p{{{PRINT_WIDTHS[column]}pt}}"

    columns = (
        "".join(text(column) for column in LEFT_COLUMNS)
        + f"|@{{}}p{{{layout.width:.1f}pt}}@{{}}"
        + "".join(text(column) for column in RIGHT_COLUMNS)
        + "|"
    )
    actors = "".join(
        f"\\node[sopactor, text width={layout.style.column_width - 4:.1f}pt] at "
        f"({layout.column_left(index) + layout.style.column_width / 2:.1f}pt,0) "
        f"{{{escape(actor)}}};"
        for index, actor in enumerate(procedure.actors)
    )
    rules = "".join(
        f"\\draw[sopgrid] ({x:.1f}pt,0) -- ({x:.1f}pt,0 |- current bounding box.south);"
        for x in layout.column_edges()[1:-1]
    )

    def head(message: str) -> str:
        return f"\\textbf{{{escape(labels(message))}}}"

    return (
        f"\\begin{{sopflowchartpage}}{{{columns}}}\n\\hline\n"
        f"{head('No')} & {head('Activity')} & "
        f"\\centering {head('Implementers')} & "
        f"\\multicolumn{{3}}{{c|}}{{{head('Quality standard')}}}"
        f" & {head('Notes')} \\\\ \\cline{{3-6}}\n"
        f" & & \\sopactors{{{layout.width:.1f}pt}}{{{actors}{rules}}} & {head('Requirements')} & "
        f"{head('Time')} & {head('Output')} & \\\\ \\hline\\endhead\n"
    )


@dataclass(frozen=True)
class WrittenRow:
    """A row of the steps table in LaTeX: its cells' texts, and the target of its step.

    Links to the step land on ``target`` (empty for a step number written twice).
    """

    cells: dict[Column, str] = field(default_factory=dict)
    target: str = ""


def _row(bands: Bands, row: Row, written: WrittenRow) -> str:
    """A step's row, its band drawn; a connector's row has no texts."""
    number = f"{written.target}{row.node.step}" if row.node.step is not None else ""
    return _table_row(bands.layout, row.height, written.cells, number, _band(bands, row))


def _repeated_row(bands: Bands, row: Row, written: WrittenRow, number: int) -> str:
    """A row repeating step ``number`` (a warning already), printed after ``row``.

    It has no symbol: the arrows crossing the lower edge of ``row`` pass down through it.
    """
    lines = "".join(
        f"\\draw[sopflow] ({x:.1f}pt,0) -- ({x:.1f}pt,-\\sopheight);"
        for _, x in bands.passing_lines(row)
    )
    band = _column_rules(bands.layout) + lines
    return _table_row(bands.layout, 0.0, written.cells, f"{written.target}{number}", band)


def _table_row(
    layout: Layout, height: float, cells: dict[Column, str], number: str, band: str
) -> str:
    """A row of the printed table, at least ``height`` tall, ``band`` drawn among the actors."""
    measures = "".join(
        f"\\sopmeasure{{{PRINT_WIDTHS[column]}pt}}{{{cells.get(column, '')}}}"
        for column in WRITTEN_COLUMNS
    )
    after = " & ".join(cells.get(column, "") for column in RIGHT_COLUMNS)
    return (
        f"\\sopstartrow{{{height:.1f}pt}}{measures}{number} & "
        f"{cells.get(Column.ACTIVITY, '')} & "
        f"\\sopband{{{layout.width:.1f}pt}}{{{band}}} & {after} \\\\ \\hline\n"
    )


def _total_row(total: TotalTime, labels: Labels) -> str:
    """The closing row: *Jumlah waktu* from No to Kelengkapan, the total under Waktu, its note."""
    return (
        f"\\multicolumn{{4}}{{|r|}}{{\\textbf{{{escape(labels('Total time'))}}}}} & "
        f"{escape(total.text(labels))} & "
        f"\\multicolumn{{2}}{{>{{\\raggedright\\arraybackslash}}"
        f"p{{\\dimexpr{CLOSING_NOTE_WIDTH:g}pt+\\arrayrulewidth\\relax}}|}}"
        f"{{{escape(total.note(labels))}}} \\\\ \\hline\n"
    )


def _band(bands: Bands, row: Row) -> str:
    layout = bands.layout
    drawn = bands.band(row)
    parts = [_column_rules(layout)]
    for part in drawn.arrows:
        parts.extend(_arrow_part(part, row, layout))
    parts.extend(_symbol(symbol, row) for symbol in drawn.symbols)
    return "".join(parts)


def _column_rules(layout: Layout) -> str:
    """The rules between the actor columns, down the row's whole height."""
    return "".join(
        f"\\draw[sopgrid] ({x:.1f}pt,0) -- ({x:.1f}pt,-\\sopheight);"
        for x in layout.column_edges()[1:-1]
    )


def _y(row: Row, y: float) -> str:
    """A height within the row: the band's points as drawn, its lower edge at the row's end."""
    if y >= row.bottom - 0.01:
        return "-\\sopheight"
    return f"{-(y - row.top):.2f}pt"


def _point(row: Row, point: Point) -> str:
    return f"({point.x:.2f}pt,{_y(row, point.y)})"


def _arrow_part(part: ArrowPart, row: Row, layout: Layout) -> list[str]:
    style = layout.style
    tip = (
        f"sopflow,-{{Stealth[length={style.arrowhead_length:g}pt,"
        f"width={2 * style.arrowhead_half_width:g}pt]}}"
    )
    parts = [
        f"\\draw[{tip if segment.has_tip else 'sopflow'}] "
        f"{_point(row, segment.start)} -- {_point(row, segment.end)};"
        for segment in part.segments
    ]
    if part.branch_label:
        parts.append(_branch_label(part.branch_label, row))
    return parts


def _branch_label(label: BranchLabel, row: Row) -> str:
    vertical = "north" if label.below else "south"
    horizontal = "west" if label.align is Align.START else "east"
    return (
        f"\\node[soplabel, anchor={vertical} {horizontal}] at {_point(row, label.at)} "
        f"{{{escape(label.text)}}};"
    )


def _symbol(symbol: PlacedSymbol, row: Row) -> str:
    centre = Point(symbol.box.cx, symbol.box.cy)
    return (
        f"{_shape(outline(symbol), row)}"
        f"\\node[sopnumber] at {_point(row, centre)} {{{escape(symbol.node.text)}}};"
    )


def _shape(shape: Outline, row: Row) -> str:
    if shape.polygon:
        corners = " -- ".join(_point(row, corner) for corner in shape.polygon)
        return f"\\draw[sopsymbol] {corners} -- cycle;"
    box = shape.box
    corner = _point(row, Point(box.x, box.y))
    opposite = _point(row, Point(box.right, box.bottom))
    if shape.corner_radius:
        # TikZ cannot round a corner by the whole half height: a hair less.
        rounded = f"rounded corners={shape.corner_radius - 0.1:.2f}pt"
        return f"\\draw[sopsymbol, {rounded}] {corner} rectangle {opposite};"
    return f"\\draw[sopsymbol] {corner} rectangle {opposite};"

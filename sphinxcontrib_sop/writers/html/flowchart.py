"""The official flowchart table (SOP AP format §3) in HTML.

The ``sop_flowchart`` node wraps the plain steps table.  HTML builders draw the
flowchart table instead: No | Kegiatan | one column per actor under
"Pelaksana" | Kelengkapan, Waktu, Output under "Mutu Baku" | Keterangan, the
symbols and arrows drawn as inline SVG in the actor columns, every text a real
table cell, and the closing row with the total time (*Jumlah waktu*).  Every
other builder writes the steps table inside the node.

The table fills the width of the page: the drawing keeps its width and the
text columns share the rest (container query units, ``cqw``), down to their
least widths; a narrower page scrolls the sheet inside its own box.  Before
the table come the same steps as cards (:mod:`.cards`), which the stylesheet
shows instead of the table on narrow screens.  Each step's row has the step's
id: a link to it shows the sheet on a narrow screen too, as a link to the
table does.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ...core.columns import Column
from ...core.model import Procedure, Step
from ...core.totals import TotalTime
from ...core.wording import ARROW, Labels, flow_text, kind_label, performed_by
from ...doctree.nodes import TOTAL_TIME_CLASS, StepRow, sop_flowchart, sop_procedure, sop_steps
from ...i18n.labels import ProjectLabels
from ...layout.bands import Bands
from ...layout.grid import Arrow, Layout, PlacedSymbol
from ...layout.sheet import (
    LEFT_COLUMNS,
    RIGHT_COLUMNS,
    SCREEN_COLUMNS,
    ScreenColumn,
    browser_print_zoom,
    screen_layout,
    screen_width,
)
from .cards import Sheet, write_step_cards
from .hyphens import hyphenated_html, write_with_soft_hyphens
from .svg import Texts, band_svg, stretch_svg


@dataclass(frozen=True)
class CellFont:
    """A cell's text, generously measured in CSS pixels: the width of a letter (of
    a wide typeface, at the largest text size of the usual themes) and the
    cell's padding on both sides, as the stylesheet sets them."""

    letter_width: float
    padding: float


HEADER_FONT = CellFont(letter_width=10.2, padding=15)
ACTOR_FONT = CellFont(letter_width=9.5, padding=6)
BODY_FONT = CellFont(letter_width=9.0, padding=15)
#: Room left free by the fluid text columns, in CSS pixels, so that rounding
#: never makes the sheet a pixel wider than its box.
SLACK = 2


def visit_flowchart(translator: HTML5Translator, node: sop_flowchart) -> None:
    """Write the step cards and the flowchart table; the steps table's cells provide the texts."""
    env = translator.builder.env
    entry = node.entry(env)
    procedure, total = entry.procedure, entry.total
    labels = ProjectLabels(translator.config.sop_labels)
    layout = screen_layout(procedure)
    step_rows = node.step_rows(env)
    table = _numbered_table(node)
    title = table.next_node(nodes.title) if table is not None else None
    sheet = Sheet(_anchor(node, procedure), title)
    write_step_cards(translator, procedure, step_rows, labels, sheet, total)

    write = translator.body.append
    # A target written just before the step table lands on this node.
    ids = [*(table["ids"] if table is not None else []), *node["ids"]]
    write(_sheet_start(translator, procedure, layout, sheet, ids))
    if title is not None:
        title.walkabout(translator)  # a <caption>, numbered and linked as Sphinx does
    write(_colgroup(layout))
    write(_header(procedure, layout, labels))
    write("<tbody>")
    texts = _texts(procedure)
    bands = Bands(layout)
    rows_by_step = {row.node.step: row for row in layout.rows}
    drawn: set[int] = set()
    row = None
    for step_row in step_rows:
        step = step_row.step
        row_id = f' id="{escape(step_row.target)}"' if step_row.target else ""
        write(f'<tr{row_id} data-step="{step.number}">')
        write(f'<td class="sop-step-number">{step.number}</td>')
        _write_cell(translator, step_row, Column.ACTIVITY)
        colspan = len(procedure.actors) + 2
        if step.number in drawn and row is not None:
            # A repeated step number (a warning already): its texts, no symbol, and the
            # arrows of the row drawn before it passing through.
            write(
                f'<td class="sop-lanes" colspan="{colspan}">'
                f"{stretch_svg(bands, row, texts, top=0)}</td>"
            )
        else:
            row = rows_by_step[step.number]
            drawn.add(step.number)
            write(
                f'<td class="sop-lanes" colspan="{colspan}" style="height: {row.height:.0f}px">'
                f"{band_svg(bands, row, texts, _row_description(step, labels))}"
                f"{stretch_svg(bands, row, texts)}</td>"
            )
        for column in RIGHT_COLUMNS:
            _write_cell(translator, step_row, column)
        write("</tr>")
    if total is not None:
        write(_total_row(procedure, total, labels))
    write("</tbody></table></div>")
    raise nodes.SkipNode


def _numbered_table(node: sop_flowchart) -> nodes.table | None:
    """The steps table of the flowchart, as far as its caption and ids go.

    HTML leaves the author's steps unbuilt (:class:`~.doctree.steps.KeepFlowchartCells`):
    their caption is then written from a table holding it and their ids, so that Sphinx
    writes and numbers it as a table's.
    """
    written = node.next_node(sop_steps)
    if written is None:
        return node.next_node(nodes.table)
    table = nodes.table("", ids=written["ids"], names=written["names"])
    title = written.next_node(nodes.title)
    if title is not None:
        table += title.deepcopy()
    return table


def _sheet_start(
    translator: HTML5Translator,
    procedure: Procedure,
    layout: Layout,
    sheet: Sheet,
    ids: list[str],
) -> str:
    """The scrolling box, a region for screen readers, and the start of the table.

    The table carries the ids of the written step table, so links to it arrive
    here; ids after the first are empty spans before it, as Sphinx writes them.
    """
    labels = ProjectLabels(translator.config.sop_labels)
    classes = "sop-flowchart-scroll"
    if translator.config.sop_html_wide_pages:
        classes += " sop-wide-page"
    region = f"{labels('Flowchart')}: {procedure.title}"
    zoom = browser_print_zoom(layout)
    table_id = f' id="{escape(ids[0])}"' if ids else ""
    return (
        f'<div class="{classes}" id="{escape(sheet.table_id)}" role="region" tabindex="0" '
        f'aria-label="{escape(region)}" style="--sop-print-zoom: {zoom:g}">'
        + "".join(f'<span id="{escape(other)}"></span>' for other in ids[1:])
        + f'<table class="sop-flowchart"{table_id} style="width: {screen_width(layout):.0f}px">'
    )


def _anchor(node: sop_flowchart, procedure: Procedure) -> str:
    """The id of the SOP's block, which the ids of the cards and the sheet start with."""
    parent = node.parent
    while parent is not None and not isinstance(parent, sop_procedure):
        parent = parent.parent
    if parent is not None and parent["ids"]:
        return parent["ids"][0]
    return f"sop-{procedure.id}"


def _colgroup(layout: Layout) -> str:
    """Fixed widths for the drawing's columns; text columns grow with the room there is."""
    least = screen_width(layout)

    def text_column(column: Column) -> str:
        width = SCREEN_COLUMNS[column]
        return f'<col class="sop-col-{column.value}" style="{_fluid_width(width, least)}"/>'

    def fixed(width: float) -> str:
        return f'<col style="width: {width:.0f}px"/>'

    return (
        "<colgroup>"
        + "".join(text_column(column) for column in LEFT_COLUMNS)
        + fixed(layout.left_gutter)
        + fixed(layout.style.column_width) * layout.column_count
        + fixed(layout.right_gutter)
        + "".join(text_column(column) for column in RIGHT_COLUMNS)
        + "</colgroup>"
    )


def _fluid_width(column: ScreenColumn, least: float) -> str:
    """The column's least width, and its share of the box's width beyond the sheet's least.

    Browsers without container query units keep the first, fixed, width.
    """
    fixed = f"width: {column.minimum:.0f}px"
    if not column.share:
        return fixed
    extra = f"max(0px, 100cqw - {least + SLACK:.0f}px) * {column.share:g}"
    return f"{fixed}; width: calc({column.minimum:.0f}px + {extra})"


def _header(procedure: Procedure, layout: Layout, labels: Labels) -> str:
    least = {column: SCREEN_COLUMNS[column].minimum for column in SCREEN_COLUMNS}
    quality = least[Column.REQUIREMENTS] + least[Column.TIME] + least[Column.OUTPUT]

    def heading(message: str, width: float, classes: str = "", **span: int) -> str:
        spans = "".join(f' {name}="{value}"' for name, value in span.items())
        text = hyphenated_html(labels(message), _letters(width, HEADER_FONT))
        return f'<th class="{classes}"{spans}>{text}</th>'

    actor_letters = _letters(layout.style.column_width, ACTOR_FONT)
    actors = "".join(
        f'<th class="sop-actor" scope="col">{hyphenated_html(actor, actor_letters)}</th>'
        for actor in procedure.actors
    )
    return (
        "<thead><tr>"
        + heading("No", least[Column.NUMBER], "sop-head-number", rowspan=2)
        + heading("Activity", least[Column.ACTIVITY], "sop-head-activity", rowspan=2)
        + heading(
            "Implementers",
            layout.width,
            "sop-head-actors",
            colspan=len(procedure.actors) + 2,
        )
        + heading("Quality standard", quality, "sop-head-quality", colspan=3)
        + heading("Notes", least[Column.NOTES], "sop-head-notes", rowspan=2)
        + '</tr><tr><th class="sop-gutter" aria-hidden="true"></th>'
        + actors
        + '<th class="sop-gutter" aria-hidden="true"></th>'
        + heading("Requirements", least[Column.REQUIREMENTS])
        + heading("Time", least[Column.TIME])
        + heading("Output", least[Column.OUTPUT])
        + "</tr></thead>"
    )


def _total_row(procedure: Procedure, total: TotalTime, labels: Labels) -> str:
    """The closing row: *Jumlah waktu* from No to Kelengkapan, the total under Waktu, its note."""
    label_span = len(procedure.actors) + 5  # No, Kegiatan, the gutters and actors, Kelengkapan
    return (
        f'<tr class="{TOTAL_TIME_CLASS}">'
        f'<th class="sop-total-label" scope="row" colspan="{label_span}">'
        f"{escape(labels('Total time'))}</th>"
        f'<td class="sop-total-value">{escape(total.text(labels))}</td>'
        f'<td class="sop-total-note" colspan="2">{escape(total.note(labels))}</td></tr>'
    )


def _letters(width: float, font: CellFont) -> int:
    """How many letters surely fit on one line of a column ``width`` wide."""
    return max(1, int((width - font.padding) / font.letter_width))


def _write_cell(translator: HTML5Translator, step_row: StepRow, column: Column) -> None:
    """A text cell, with the author's inline markup rendered by the translator.

    Long words get soft hyphens, so a narrow column breaks them visibly.
    """
    translator.body.append(f'<td class="sop-{column.value}">')
    entry = step_row.cells.get(column)
    if entry is not None:
        letters = _letters(SCREEN_COLUMNS[column].minimum, BODY_FONT)
        write_with_soft_hyphens(translator, entry, letters)
    translator.body.append("</td>")


def _texts(procedure: Procedure) -> Texts:
    steps = {step.number: step for step in procedure.steps}

    def symbol_title(symbol: PlacedSymbol) -> str:
        step = steps.get(symbol.node.step)
        if step is None:
            return symbol.node.text
        return f"{step.number}. {performed_by(step)}"

    def arrow_title(arrow: Arrow) -> str:
        link = arrow.link
        branch = f" ({link.branch})" if link.branch else ""
        return f"{link.source.text} {ARROW} {link.target.text}{branch}"

    return Texts(symbol_title, arrow_title)


def _row_description(step: Step, labels: Labels) -> str:
    actors = ", ".join(step.actors)
    return f"{step.number}. {kind_label(step, labels)} ({actors}): {flow_text(step, labels)}"

"""The official flowchart table (SOP AP format §3) in HTML.

The ``sop_flowchart`` node wraps the plain steps table.  HTML builders draw the
flowchart table instead: No | Kegiatan | one column per actor under
"Pelaksana" | Kelengkapan, Waktu, Output under "Mutu Baku" | Keterangan, the
symbols and arrows drawn as inline SVG in the actor columns, every text a real
table cell.  Every other builder writes the steps table inside the node.
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ...core.columns import Column
from ...core.model import Procedure, Step
from ...core.wording import ARROW, Labels, flow_text, kind_label, performed_by
from ...doctree.nodes import StepRow, sop_flowchart
from ...i18n.labels import ProjectLabels
from ...layout.grid import Arrow, Layout, PlacedSymbol, lay_out_procedure
from ...layout.sheet import (
    LEFT_COLUMNS,
    RIGHT_COLUMNS,
    SCREEN_WIDTHS,
    browser_print_zoom,
    screen_width,
)
from .hyphens import hyphenate_texts, hyphenated_html
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


def visit_flowchart(translator: HTML5Translator, node: sop_flowchart) -> None:
    """Write the flowchart table; the steps table's cells provide the texts."""
    env = translator.builder.env
    procedure = node.procedure(env)
    labels = ProjectLabels(translator.config.sop_labels)
    layout = lay_out_procedure(procedure)
    write = translator.body.append
    zoom = browser_print_zoom(layout)
    write(f'<div class="sop-flowchart-scroll" style="--sop-print-zoom: {zoom:g}">'
          f'<table class="sop-flowchart" style="width: {screen_width(layout):.0f}px">')  # fmt: skip
    write(_colgroup(layout))
    write(_header(procedure, layout, labels))
    write("<tbody>")
    texts = _texts(procedure)
    rows_by_step = {row.node.step: row for row in layout.rows}
    drawn: set[int] = set()
    for step_row in node.step_rows(env):
        step = step_row.step
        # A repeated step number (a warning already) keeps its texts, undrawn.
        row = rows_by_step.get(step.number) if step.number not in drawn else None
        drawn.add(step.number)
        write(f'<tr data-step="{step.number}">')
        write(f'<td class="sop-step-number">{step.number}</td>')
        _write_cell(translator, step_row, Column.ACTIVITY)
        colspan = len(procedure.actors) + 2
        if row is None:
            write(f'<td class="sop-lanes" colspan="{colspan}"></td>')
        else:
            write(
                f'<td class="sop-lanes" colspan="{colspan}" style="height: {row.height:.0f}px">'
                f"{band_svg(layout, row, texts, _row_description(step, labels))}"
                f"{stretch_svg(layout, row, texts)}</td>"
            )
        for column in RIGHT_COLUMNS:
            _write_cell(translator, step_row, column)
        write("</tr>")
    write("</tbody></table></div>")
    raise nodes.SkipNode


def _colgroup(layout: Layout) -> str:
    widths = [
        *(SCREEN_WIDTHS[column] for column in LEFT_COLUMNS),
        layout.left_gutter,
        *[layout.style.column_width] * layout.column_count,
        layout.right_gutter,
        *(SCREEN_WIDTHS[column] for column in RIGHT_COLUMNS),
    ]
    return (
        "<colgroup>" + "".join(f'<col style="width: {w:.0f}px"/>' for w in widths) + "</colgroup>"
    )


def _header(procedure: Procedure, layout: Layout, labels: Labels) -> str:
    widths = SCREEN_WIDTHS
    quality = widths[Column.REQUIREMENTS] + widths[Column.TIME] + widths[Column.OUTPUT]

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
        + heading("No", widths[Column.NUMBER], "sop-head-number", rowspan=2)
        + heading("Activity", widths[Column.ACTIVITY], "sop-head-activity", rowspan=2)
        + heading(
            "Implementers",
            layout.width,
            "sop-head-actors",
            colspan=len(procedure.actors) + 2,
        )
        + heading("Quality standard", quality, "sop-head-quality", colspan=3)
        + heading("Notes", widths[Column.NOTES], "sop-head-notes", rowspan=2)
        + '</tr><tr><th class="sop-gutter" aria-hidden="true"></th>'
        + actors
        + '<th class="sop-gutter" aria-hidden="true"></th>'
        + heading("Requirements", widths[Column.REQUIREMENTS])
        + heading("Time", widths[Column.TIME])
        + heading("Output", widths[Column.OUTPUT])
        + "</tr></thead>"
    )


def _letters(width: float, font: CellFont) -> int:
    """How many letters surely fit on one line of a column ``width`` wide."""
    return max(1, int((width - font.padding) / font.letter_width))


def _write_cell(translator: HTML5Translator, step_row: StepRow, column: Column) -> None:
    """A text cell, with the author's inline markup rendered by the translator.

    Long words get soft hyphens, so a narrow column breaks them visibly; the
    steps table itself is not written, so its cell is copied.
    """
    translator.body.append(f'<td class="sop-{column.value}">')
    entry = step_row.cells.get(column)
    if entry is not None:
        copy = entry.deepcopy()
        hyphenate_texts(copy, _letters(SCREEN_WIDTHS[column], BODY_FONT))
        for child in copy.children:
            child.walkabout(translator)
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

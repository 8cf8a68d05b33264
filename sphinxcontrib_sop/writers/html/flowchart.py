"""The official flowchart table (SOP AP format §3) in HTML.

The ``sop_flowchart`` node wraps the plain steps table.  HTML builders draw the
flowchart table instead: No | Kegiatan | one column per actor under
"Pelaksana" | Kelengkapan, Waktu, Output under "Mutu Baku" | Keterangan, the
symbols and arrows drawn as inline SVG in the actor columns, every text a real
table cell.  Every other builder writes the steps table inside the node.
"""

from __future__ import annotations

from html import escape

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
from .svg import Texts, band_svg, stretch_svg


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
    write(_header(procedure, labels))
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


def _header(procedure: Procedure, labels: Labels) -> str:
    def heading(message: str, classes: str = "", **span: int) -> str:
        spans = "".join(f' {name}="{value}"' for name, value in span.items())
        return f'<th class="{classes}"{spans}>{escape(labels(message))}</th>'

    actors = "".join(
        f'<th class="sop-actor" scope="col">{escape(actor)}</th>' for actor in procedure.actors
    )
    return (
        "<thead><tr>"
        + heading("No", "sop-head-number", rowspan=2)
        + heading("Activity", "sop-head-activity", rowspan=2)
        + heading("Implementers", "sop-head-actors", colspan=len(procedure.actors) + 2)
        + heading("Quality standard", "sop-head-quality", colspan=3)
        + heading("Notes", "sop-head-notes", rowspan=2)
        + '</tr><tr><th class="sop-gutter" aria-hidden="true"></th>'
        + actors
        + '<th class="sop-gutter" aria-hidden="true"></th>'
        + heading("Requirements")
        + heading("Time")
        + heading("Output")
        + "</tr></thead>"
    )


def _write_cell(translator: HTML5Translator, step_row: StepRow, column: Column) -> None:
    """A text cell, with the author's inline markup rendered by the translator."""
    translator.body.append(f'<td class="sop-{column.value}">')
    entry = step_row.cells.get(column)
    for child in entry.children if entry is not None else ():
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

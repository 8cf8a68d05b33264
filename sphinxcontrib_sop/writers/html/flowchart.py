"""The official flowchart table (SOP AP format §3) in HTML.

The ``sop_flowchart`` node wraps the plain steps table.  HTML builders draw the
flowchart table instead: No | Kegiatan | one column per actor under
"Pelaksana" | Kelengkapan, Waktu, Output under "Mutu Baku" | Keterangan, the
symbols and arrows drawn as inline SVG in the actor columns, every text a real
table cell.  Every other builder writes the steps table inside the node.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ...core.model import Procedure, Step
from ...doctree.nodes import sop_flowchart
from ...doctree.steps import flow_text
from ...domain import get_domain
from ...i18n.labels import KIND_LABELS, Labels
from ...layout.grid import Arrow, Layout, PlacedSymbol, Row, lay_out_procedure
from .svg import Texts, band_svg, stretch_svg

#: Widths of the text columns, in CSS pixels.
TEXT_COLUMNS = {
    "number": 44,
    "activity": 220,
    "requirements": 132,
    "time": 84,
    "output": 132,
    "notes": 150,
}
#: The printable width of an A4 landscape page in CSS pixels (277 mm between the
#: print stylesheet's margins, a little less): printing scales a wider flowchart to it.
PRINT_WIDTH = 1040


def visit_flowchart(translator: HTML5Translator, node: sop_flowchart) -> None:
    """Write the flowchart table; the steps table's cells provide the texts."""
    env = translator.builder.env
    entries = get_domain(env).procedures_by_doc[node["sop_docname"]]
    procedure = entries[node["sop_index"]].procedure
    label = Labels(translator.config.sop_labels)
    layout = lay_out_procedure(procedure)
    cells = _step_cells(node)
    write = translator.body.append
    width = _table_width(layout)
    zoom = round(min(1.0, PRINT_WIDTH / width), 3)
    write(f'<div class="sop-flowchart-scroll" style="--sop-print-zoom: {zoom:g}">'
          f'<table class="sop-flowchart" style="width: {width:.0f}px">')  # fmt: skip
    write(_colgroup(layout))
    write(_header(procedure, label))
    write("<tbody>")
    texts = _texts(procedure, label)
    rows_by_step = {row.node.step: row for row in layout.rows}
    drawn: set[int] = set()
    for step, step_cells in zip(procedure.steps, cells, strict=False):
        # A repeated step number (a warning already) keeps its texts, undrawn.
        row = rows_by_step.get(step.number) if step.number not in drawn else None
        drawn.add(step.number)
        write(f'<tr data-step="{step.number}">')
        write(f'<td class="sop-step-number">{step.number}</td>')
        _write_cell(translator, step_cells, "activity")
        colspan = len(procedure.actors) + 2
        if row is None:
            write(f'<td class="sop-lanes" colspan="{colspan}"></td>')
        else:
            write(
                f'<td class="sop-lanes" colspan="{colspan}" style="height: {row.height:.0f}px">'
                f"{band_svg(layout, row, texts, _row_description(step, label))}"
                f"{_stretch(layout, row, texts)}</td>"
            )
        for name in ("requirements", "time", "output", "notes"):
            _write_cell(translator, step_cells, name)
        write("</tr>")
    write("</tbody></table></div>")
    raise nodes.SkipNode


def _table_width(layout: Layout) -> float:
    return layout.width + sum(TEXT_COLUMNS.values())


def _colgroup(layout: Layout) -> str:
    widths = [
        TEXT_COLUMNS["number"],
        TEXT_COLUMNS["activity"],
        layout.left_gutter,
        *[layout.style.column_width] * layout.column_count,
        layout.right_gutter,
        TEXT_COLUMNS["requirements"],
        TEXT_COLUMNS["time"],
        TEXT_COLUMNS["output"],
        TEXT_COLUMNS["notes"],
    ]
    return (
        "<colgroup>" + "".join(f'<col style="width: {w:.0f}px"/>' for w in widths) + "</colgroup>"
    )


def _header(procedure: Procedure, label: Callable[[str], str]) -> str:
    def heading(message: str, classes: str = "", **span: int) -> str:
        spans = "".join(f' {name}="{value}"' for name, value in span.items())
        return f'<th class="{classes}"{spans}>{escape(label(message))}</th>'

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


def _step_cells(node: sop_flowchart) -> list[dict[str, nodes.entry]]:
    """For each body row of the steps table, its text cells by column name."""
    body = node.next_node(nodes.tbody)
    rows = []
    for row in body.children if body is not None else ():
        cells = {}
        for entry in row.children:
            for name in ("activity", "requirements", "time", "output", "notes"):
                if f"sop-{name}" in entry["classes"]:
                    cells[name] = entry
        rows.append(cells)
    return rows


def _write_cell(translator: HTML5Translator, cells: dict[str, nodes.entry], name: str) -> None:
    """A text cell, with the writer's inline markup rendered by the translator."""
    translator.body.append(f'<td class="sop-{name}">')
    entry = cells.get(name)
    for child in entry.children if entry is not None else ():
        child.walkabout(translator)
    translator.body.append("</td>")


def _stretch(layout: Layout, row: Row, texts: Texts) -> str:
    """The stretch SVG, placed under the row's band down to the bottom of the cell."""
    return stretch_svg(layout, row, texts).replace(
        'class="sop-stretch"',
        f'class="sop-stretch" style="top: {row.height:.0f}px; '
        f'height: calc(100% - {row.height:.0f}px)"',
        1,
    )


def _texts(procedure: Procedure, label: Callable[[str], str]) -> Texts:
    steps = {step.number: step for step in procedure.steps}

    def symbol_title(symbol: PlacedSymbol) -> str:
        step = steps.get(symbol.node.step)
        if step is None:
            return symbol.node.label
        return f"{step.number}. {step.activity} ({', '.join(step.actors)})"

    def arrow_title(arrow: Arrow) -> str:
        source = arrow.link.source.removeprefix("step-")
        target = arrow.link.target.removeprefix("step-")
        branch = f" ({arrow.link.label})" if arrow.link.label else ""
        return f"{source} \N{RIGHTWARDS ARROW} {target}{branch}"

    return Texts(symbol_title, arrow_title)


def _row_description(step: Step, label: Callable[[str], str]) -> str:
    kind = label(KIND_LABELS[step.kind])
    return f"{step.number}. {kind} ({', '.join(step.actors)}): {flow_text(step, label)}"

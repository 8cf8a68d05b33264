"""The steps of an SOP as a table with the official columns.

No | Kegiatan | Pelaksana (one column per actor) | Mutu Baku (Kelengkapan,
Waktu, Output) | Alur | Keterangan — with the step's kind marked in the column
of each actor who performs it, and a closing row with the total time
("Jumlah waktu") when the steps have times.  Each step's number cell starts with
the target of its row (``<SOP anchor>-step-<number>``), where the actor index links.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docutils import nodes

from ..core.columns import Column
from ..core.model import Procedure, Step
from ..core.totals import TotalTime, total_time
from ..core.wording import Labels, flow_text, kind_label
from ..domain import step_anchor
from .elements import PRINTED_TABLE_STYLE, blank_cell, cell, paragraph, row, table
from .nodes import COLUMN_ATTRIBUTE, TOTAL_TIME_CLASS

#: Rich content for one step's cell, by the step's position and the column.
CellContent = Callable[[int, Column], Sequence[nodes.Node]]


def steps_table(
    procedure: Procedure, content: CellContent, labels: Labels, anchor: str
) -> nodes.table:
    """The step table of ``procedure``, whose SOP has ``anchor``; ``content`` gives each
    text cell's nodes.

    Each cell holding the author's text is marked with its :class:`Column`.  A
    step number written twice (a warning already) is a target once.
    """
    actors = procedure.actors
    rows: list[nodes.row] = []
    numbered: set[int] = set()
    for position, step in enumerate(procedure.steps):
        target = step_anchor(anchor, step.number) if step.number not in numbered else ""
        numbered.add(step.number)
        rows.append(_step_row(position, step, actors, content, labels, target))
    total = total_time(procedure)
    if total is not None:
        rows.append(_total_row(total, len(actors), labels))
    return table(
        column_widths(procedure, labels),
        rows,
        head=_header(actors, labels),
        classes=["sop-steps", *PRINTED_TABLE_STYLE, "longtable"],
    )


#: The least relative width of each column, in characters of the text builder.
LEAST_WIDTHS = {
    Column.NUMBER: 4,
    Column.ACTIVITY: 26,
    Column.ACTORS: 7,
    Column.REQUIREMENTS: 14,
    Column.TIME: 8,
    Column.OUTPUT: 14,
    Column.FLOW: 9,
    Column.NOTES: 14,
}
#: No column is widened for a word longer than this (an address, say).
LONGEST_WORD = 30


def column_widths(procedure: Procedure, labels: Labels) -> tuple[int, ...]:
    """The relative width of each column: each at least as wide as the longest word it holds.

    The text builder takes the widths as characters and cuts a longer word
    anywhere ("Keputus|an"); LaTeX shares the line in these proportions.
    """
    steps = procedure.steps
    kinds = [kind_label(step, labels) for step in steps]

    def width(column: Column, *texts: str) -> int:
        words = [len(word) for text in texts for word in text.split()]
        return max(LEAST_WIDTHS[column], min(LONGEST_WORD, max(words, default=0)))

    def written(column: Column, message: str) -> int:
        return width(column, labels(message), *(step.text(column) for step in steps))

    # A lone actor column also holds the "Pelaksana" heading above it.
    heading = [labels("Implementers")] if len(procedure.actors) == 1 else []
    return (
        width(Column.NUMBER, labels("No"), *(str(step.number) for step in steps)),
        written(Column.ACTIVITY, "Activity"),
        *(width(Column.ACTORS, actor, *kinds, *heading) for actor in procedure.actors),
        written(Column.REQUIREMENTS, "Requirements"),
        written(Column.TIME, "Time"),
        written(Column.OUTPUT, "Output"),
        width(Column.FLOW, labels("Flow"), *(flow_text(step, labels) for step in steps)),
        written(Column.NOTES, "Notes"),
    )


def _header(actors: tuple[str, ...], labels: Labels) -> list[nodes.row]:
    def heading(message: str, **span: int) -> nodes.entry:
        return cell(paragraph(labels(message)), **span)

    top = [heading("No", morerows=1), heading("Activity", morerows=1)]
    if actors:
        top.append(heading("Implementers", morecols=len(actors) - 1))
    top += [
        heading("Quality standard", morecols=2),
        heading("Flow", morerows=1),
        heading("Notes", morerows=1),
    ]
    second = [cell(paragraph(actor), classes=["sop-actor"]) for actor in actors]
    second += [heading("Requirements"), heading("Time"), heading("Output")]
    return [row(*top), row(*second)]


def _step_row(
    position: int,
    step: Step,
    actors: tuple[str, ...],
    content: CellContent,
    labels: Labels,
    target: str,
) -> nodes.row:
    kind = kind_label(step, labels)
    actor_cells = [
        cell(paragraph(kind), classes=["sop-acts", f"sop-{step.kind.value}"])
        if actor in step.actors
        else blank_cell(classes=["sop-idle"])
        for actor in actors
    ]

    def written(column: Column) -> nodes.entry:
        return _text_cell(content(position, column), column)

    targets = [nodes.target("", "", ids=[target])] if target else []
    return row(
        cell(paragraph(*targets, str(step.number)), classes=["sop-step-number"]),
        written(Column.ACTIVITY),
        *actor_cells,
        written(Column.REQUIREMENTS),
        written(Column.TIME),
        written(Column.OUTPUT),
        cell(paragraph(flow_text(step, labels)), classes=["sop-flow"]),
        written(Column.NOTES),
    )


def _total_row(total: TotalTime, actor_count: int, labels: Labels) -> nodes.row:
    """The closing row: its label from No to Kelengkapan, the total under Waktu, then its note."""
    note = total.note(labels)
    closing = row(
        cell(
            paragraph(labels("Total time")), classes=["sop-total-label"], morecols=actor_count + 2
        ),
        cell(paragraph(total.text(labels)), classes=["sop-total-value"]),
        cell(paragraph(note), classes=["sop-total-note"], morecols=2)
        if note
        else blank_cell(classes=["sop-total-note"], morecols=2),
    )
    closing["classes"].append(TOTAL_TIME_CLASS)
    return closing


def _text_cell(children: Sequence[nodes.Node], column: Column) -> nodes.entry:
    """A cell with the author's text; left blank when the author wrote nothing."""
    classes = [f"sop-{column.value}"]
    entry = cell(*children, classes=classes) if children else blank_cell(classes=classes)
    entry[COLUMN_ATTRIBUTE] = column.value
    return entry

"""The steps of an SOP as a table with the official columns.

No | Kegiatan | Pelaksana (one column per actor) | Mutu Baku (Kelengkapan,
Waktu, Output) | Alur | Keterangan — with the step's kind marked in the column
of each actor who performs it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docutils import nodes

from ..core.model import Procedure, Step
from ..i18n.labels import KIND_LABELS
from .elements import PRINTED_TABLE_STYLE, blank_cell, cell, paragraph, row, table

#: Rich content for one step's cell, by the step's position and the column name.
CellContent = Callable[[int, str], Sequence[nodes.Node]]

ARROW = "\N{RIGHTWARDS ARROW}"


def steps_table(
    procedure: Procedure, content: CellContent, label: Callable[[str], str]
) -> nodes.table:
    """The step table of ``procedure``; ``content`` gives each text cell's nodes."""
    actors = procedure.actors
    widths = (4, 26, *(7,) * len(actors), 14, 8, 14, 9, 14)
    return table(
        widths,
        [
            _step_row(position, step, actors, content, label)
            for position, step in enumerate(procedure.steps)
        ],
        head=_header(actors, label),
        classes=["sop-steps", *PRINTED_TABLE_STYLE, "longtable"],
    )


def _header(actors: tuple[str, ...], label: Callable[[str], str]) -> list[nodes.row]:
    def heading(message: str, **span: int) -> nodes.entry:
        return cell(paragraph(label(message)), **span)

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
    label: Callable[[str], str],
) -> nodes.row:
    kind = label(KIND_LABELS[step.kind])
    actor_cells = [
        cell(paragraph(kind), classes=["sop-acts", f"sop-{step.kind.value}"])
        if actor in step.actors
        else blank_cell(classes=["sop-idle"])
        for actor in actors
    ]
    return row(
        cell(paragraph(str(step.number)), classes=["sop-step-number"]),
        _text_cell(content(position, "activity"), "sop-activity"),
        *actor_cells,
        _text_cell(content(position, "requirements"), "sop-requirements"),
        _text_cell(content(position, "time"), "sop-time"),
        _text_cell(content(position, "output"), "sop-output"),
        cell(paragraph(flow_text(step, label)), classes=["sop-flow"]),
        _text_cell(content(position, "notes"), "sop-notes"),
    )


def _text_cell(children: Sequence[nodes.Node], name: str) -> nodes.entry:
    """A cell with the writer's text; left blank when the writer wrote nothing."""
    if not children:
        return blank_cell(classes=[name])
    return cell(*children, classes=[name])


def flow_text(step: Step, label: Callable[[str], str]) -> str:
    """Where the procedure goes after ``step``: ``→ 4``, ``Ya → 3, Tidak → 6``, ``Selesai``."""
    if step.flow.ends:
        return label("End")
    return ", ".join(
        f"{exit.label} {ARROW} {exit.target}" if exit.label else f"{ARROW} {exit.target}"
        for exit in step.flow.exits
    )

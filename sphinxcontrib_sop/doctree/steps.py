"""The steps of an SOP as a table with the official columns.

No | Kegiatan | Pelaksana (one column per actor) | Mutu Baku (Kelengkapan,
Waktu, Output) | Alur | Keterangan — with the step's kind marked in the column
of each actor who performs it, and a closing row with the total time
("Jumlah waktu") when the steps have times.  Each step's number cell starts with
the target of its row (``<SOP anchor>-step-<number>``), where the actor index links.

A page keeps only what the author wrote in its doctree (:func:`written_steps`):
the heading rows and the text cells.  The table is built when the page is
written (:class:`BuildStepsTables`), so the doctrees a build holds in memory,
and pickles, carry no cell that the model can give: numbers, actor marks, flow,
the total.  HTML draws the official flowchart from the written cells, and its
table is never built (:class:`KeepFlowchartCells`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.columns import Column
from ..core.model import Procedure, Step
from ..core.totals import TotalTime
from ..core.wording import Labels, flow_text, kind_label
from ..domain import row_targets
from ..i18n.labels import ProjectLabels
from .elements import PRINTED_TABLE_STYLE, blank_cell, cell, paragraph, row, table
from .nodes import COLUMN_ATTRIBUTE, TOTAL_TIME_CLASS, sop_flowchart, sop_step_cells, sop_steps

#: Rich content for one step's cell, by the step's position and the column.
CellContent = Callable[[int, Column], Sequence[nodes.Node]]
#: The columns holding the author's text, in the order of the table.
TEXT_COLUMNS = (Column.ACTIVITY, Column.REQUIREMENTS, Column.TIME, Column.OUTPUT, Column.NOTES)
#: The cells the author wrote for one step, by column; a column left out is blank.
WrittenCells = Mapping[Column, nodes.entry]
#: Class of the paragraph giving the search index the words of a steps table never built.
SEARCH_WORDS_CLASS = "sop-search-words"
#: Attribute of written steps left unbuilt (:class:`KeepFlowchartCells`).
DRAWN_FROM_CELLS = "sop_drawn_from_cells"


def written_steps(
    procedure: Procedure,
    content: CellContent,
    labels: Labels,
    place: Mapping[str, str | int],
) -> sop_steps:
    """What the steps table of ``procedure`` needs from the page: its heading rows (with
    the actors' names as written) and the cells ``content`` gives, the blank ones left out.

    ``place`` holds the ``sop_docname``, ``sop_index`` and ``sop_anchor`` of the SOP.
    """
    steps = sop_steps("", nodes.thead("", *_header(procedure.actors, labels)), **place)
    for position in range(len(procedure.steps)):
        written = (_text_cell(content(position, column), column) for column in TEXT_COLUMNS)
        steps += sop_step_cells("", *(entry for entry in written if entry.children))
    return steps


class BuildStepsTables(SphinxPostTransform):
    """Turn each SOP's written steps into its steps table, before anything reads tables.

    After Sphinx has resolved the references in the written cells (priority 10) and
    the other transforms that do not read tables, so they go through the small
    doctree; before those that do (the extension's own at 200, LaTeX's footnotes).
    Steps :class:`KeepFlowchartCells` kept are left as they are.
    """

    default_priority = 199

    def run(self, **kwargs: object) -> None:
        labels = ProjectLabels(self.config.sop_labels)
        for steps in list(self.document.findall(sop_steps)):
            if not steps.get(DRAWN_FROM_CELLS):
                steps.replace_self(_built_table(steps, labels, self.env))


class KeepFlowchartCells(SphinxPostTransform):
    """In HTML, leave the steps of each official flowchart as the author wrote them.

    The HTML flowchart is drawn from the author's cells and the model
    (:meth:`~.nodes.sop_flowchart.step_rows`), never from the steps table, so
    building it would be work thrown away, done in Sphinx's main process even in a
    parallel build.  The search index, which reads the page, is given the words the
    table would have added in a paragraph no HTML writer writes.
    """

    default_priority = BuildStepsTables.default_priority - 1
    formats = ("html",)

    def run(self, **kwargs: object) -> None:
        labels = ProjectLabels(self.config.sop_labels)
        for steps in self.document.findall(sop_steps):
            if _in_flowchart(steps):
                entry = steps.entry(self.env)
                words = table_words(entry.procedure_uncached(), entry.total, labels)
                steps += nodes.paragraph("", words, classes=[SEARCH_WORDS_CLASS])
                steps[DRAWN_FROM_CELLS] = True


def table_words(procedure: Procedure, total: TotalTime | None, labels: Labels) -> str:
    """The words the steps table of ``procedure`` holds besides its heading rows and the
    author's cells: each step's number, kind (when an actor column marks it) and flow,
    and the total time.  What the search index is given of a table HTML never builds."""
    words = []
    for step in procedure.steps:
        words.append(str(step.number))
        if any(actor in step.actors for actor in procedure.actors):
            words.append(kind_label(step, labels))
        words.append(flow_text(step, labels))
    if total is not None:
        words += [labels("Total time"), total.text(labels), total.note(labels)]
    return " ".join(word for word in words if word)


def _in_flowchart(steps: sop_steps) -> bool:
    """Whether ``steps`` are those of an official flowchart, which HTML draws from the
    author's cells (:meth:`~.nodes.sop_flowchart.step_rows`), not from the steps table."""
    parent = steps.parent
    while parent is not None and not isinstance(parent, sop_flowchart):
        parent = parent.parent
    return parent is not None


def _built_table(steps: sop_steps, labels: Labels, env: BuildEnvironment) -> nodes.table:
    """The steps table of ``steps``, with its caption, ids and names."""
    head = steps.next_node(nodes.thead)
    entry = steps.entry(env)
    built = steps_table(
        entry.procedure_uncached(),
        entry.total,
        steps.written_cells(),
        head.children,
        labels,
        steps["sop_anchor"],
    )
    title = steps.next_node(nodes.title)
    if title is not None:
        built.insert(0, title)
    built["ids"] = steps["ids"]
    built["names"] = steps["names"]
    return built


def steps_table(
    procedure: Procedure,
    total: TotalTime | None,
    written: Sequence[WrittenCells],
    head: Sequence[nodes.row],
    labels: Labels,
    anchor: str,
) -> nodes.table:
    """The step table of ``procedure``, whose SOP has ``anchor``, with its heading rows
    ``head``, the cells the author ``written`` for each step and the ``total`` time.

    Each cell holding the author's text is marked with its :class:`Column`.  A
    step number written twice (a warning already) is a target once.
    """
    actors = procedure.actors
    targets = row_targets(anchor, (step.number for step in procedure.steps))
    rows = [
        _step_row(step, actors, cells, labels, target)
        for step, cells, target in zip(procedure.steps, written, targets, strict=True)
    ]
    if total is not None:
        rows.append(_total_row(total, len(actors), labels))
    return table(
        column_widths(procedure, labels),
        rows,
        head=list(head),
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
    step: Step,
    actors: tuple[str, ...],
    cells: WrittenCells,
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
        return cells.get(column) or _text_cell((), column)

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


def register(app: Sphinx) -> None:
    """Build the steps tables when a page is written."""
    app.add_post_transform(BuildStepsTables)
    app.add_post_transform(KeepFlowchartCells)

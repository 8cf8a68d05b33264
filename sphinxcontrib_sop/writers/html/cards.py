"""The steps of an SOP as a list of cards: the readable form of the flowchart on a phone.

A phone shows two or three columns of the official sheet.  Its cards give every
step in one column: number, kind and activity, then the actors, the *mutu baku*
(requirements, time, output), where the procedure goes next — both labelled
exits of a decision, each a link to its step — and the notes; after the last
card, the total time.  The texts keep the author's inline markup.

Cards and sheet are never shown together: the stylesheet shows the cards (and
hides the sheet) only where the SOP is narrow, so a screen reader meets the
procedure once.  A link under the cards opens the official sheet there
(``:target``); printing always gives the sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ...core.columns import Column
from ...core.model import Procedure, Step
from ...core.totals import TotalTime
from ...core.wording import ARROW, Labels, kind_label
from ...doctree.nodes import TOTAL_TIME_CLASS, StepRow

#: The fields of a card after its title, each with its label message; Flow is worded here.
FIELDS = (
    (Column.ACTORS, "Implementers"),
    (Column.REQUIREMENTS, "Requirements"),
    (Column.TIME, "Time"),
    (Column.OUTPUT, "Output"),
    (Column.FLOW, "Flow"),
    (Column.NOTES, "Notes"),
)


@dataclass(frozen=True)
class Sheet:
    """Where an SOP's flowchart is on the page: the SOP's anchor and the table's title."""

    anchor: str
    title: nodes.title | None = None

    @property
    def table_id(self) -> str:
        """The id of the box holding the official table."""
        return f"{self.anchor}-flowchart"

    def card_id(self, number: int) -> str:
        """The id of step ``number``'s card (the step's own id is its row's, in the sheet)."""
        return f"{self.anchor}-card-{number}"


def write_step_cards(
    translator: HTML5Translator,
    procedure: Procedure,
    step_rows: Sequence[StepRow],
    labels: Labels,
    sheet: Sheet,
    total: TotalTime | None,
) -> None:
    """Write the cards of every step, the ``total`` time, then the link to the official sheet."""
    write = translator.body.append
    write('<div class="sop-step-cards">')
    if sheet.title is not None:
        write('<p class="sop-step-cards-caption">')
        _write_content_copy(translator, sheet.title)
        write("</p>")
    name = f"{labels('Steps')}: {procedure.title}"
    write(f'<ol class="sop-step-list" role="list" aria-label="{escape(name)}">')
    numbers = {step.number for step in procedure.steps}
    carded: set[int] = set()
    for step_row in step_rows:
        step = step_row.step
        # A repeated step number (a warning already) gets its card, without a second id.
        own_id = step.number not in carded
        carded.add(step.number)
        _write_card(translator, step_row, labels, sheet, own_id, numbers)
    write("</ol>")
    if total is not None:
        write(_total_html(total, labels))
    write(
        f'<p class="sop-step-cards-sheet"><a href="#{escape(sheet.table_id)}">'
        f"{escape(labels('Show the official flowchart table'))}</a></p>"
    )
    write("</div>")


def _write_card(
    translator: HTML5Translator,
    step_row: StepRow,
    labels: Labels,
    sheet: Sheet,
    own_id: bool,
    numbers: set[int],
) -> None:
    write = translator.body.append
    step = step_row.step
    card_id = f' id="{escape(sheet.card_id(step.number))}"' if own_id else ""
    write(
        f'<li class="sop-step-card sop-{step.kind.value}"{card_id} data-step="{step.number}">'
        '<div class="sop-card-title">'
        f'<span class="sop-card-number">{step.number}</span>'
        f'<span class="sop-card-kind">{escape(kind_label(step, labels))}</span>'
        '<div class="sop-card-activity">'
    )
    _write_cell_copy(translator, step_row, Column.ACTIVITY)
    # No class on the list: themes style every dl[class] as API documentation.
    write("</div></div><dl>")
    for column, message in FIELDS:
        if column is Column.ACTORS:
            value = escape(", ".join(step.actors))
        elif column is Column.FLOW:
            value = _flow_html(step, labels, sheet, numbers)
        else:
            value = None
            if column not in step_row.cells or not step_row.cells[column].children:
                continue
        write(f'<div class="sop-card-{column.value}"><dt>{escape(labels(message))}</dt><dd>')
        if value is None:
            _write_cell_copy(translator, step_row, column)
        else:
            write(value)
        write("</dd></div>")
    write("</dl></li>")


def _total_html(total: TotalTime, labels: Labels) -> str:
    """*Jumlah waktu* and the total after the cards, its note on a line of its own."""
    note = total.note(labels)
    return (
        f'<p class="{TOTAL_TIME_CLASS}"><span class="sop-total-label">'
        f"{escape(labels('Total time'))}</span> "
        f'<span class="sop-total-value">{escape(total.text(labels))}</span>'
        + (f' <span class="sop-total-note">{escape(note)}</span>' if note else "")
        + "</p>"
    )


def _flow_html(step: Step, labels: Labels, sheet: Sheet, numbers: set[int]) -> str:
    """Where the procedure goes after ``step``: ``Ya → 3, Tidak → 6`` with links to the cards."""
    if step.flow.ends:
        return escape(labels("End"))

    def target(number: int) -> str:
        if number not in numbers:
            return str(number)
        return f'<a href="#{escape(sheet.card_id(number))}">{number}</a>'

    ways = [
        (f"{escape(way.branch)} " if way.branch else "") + f"{ARROW} {target(way.target)}"
        for way in step.flow.exits
    ]
    return ", ".join(ways)


def _write_cell_copy(translator: HTML5Translator, step_row: StepRow, column: Column) -> None:
    """The content of a cell of the steps table, which the sheet also writes."""
    entry = step_row.cells.get(column)
    if entry is not None:
        _write_content_copy(translator, entry)


def _write_content_copy(translator: HTML5Translator, element: nodes.Element) -> None:
    """Write what ``element`` holds without ids (copied when it has any): the sheet keeps
    them, once a page."""
    content = element
    if any(inner["ids"] for inner in element.findall(nodes.Element, include_self=False)):
        content = element.deepcopy()
        for inner in content.findall(nodes.Element):
            inner["ids"] = []
    for child in content.children:
        child.walkabout(translator)

"""Every doctree node of the extension.

They subclass standard docutils nodes, so a builder that has no visitor of its
own for them (XML, a third-party builder, …) writes them as their base node.
The writers (:mod:`sphinxcontrib_sop.writers`) give each format its visitors.

A node that draws an SOP names it by page and position (``sop_docname``,
``sop_index``); :meth:`DrawsProcedure.procedure` finds its model in the ``sop``
domain, so every writer reads the SOP the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from docutils import nodes
from sphinx.environment import BuildEnvironment

from ..core.columns import Column
from ..core.model import Procedure, Step
from ..domain import ProcedureEntry, get_domain, row_targets

#: Attribute of a steps-table cell: the :class:`Column` it holds.
COLUMN_ATTRIBUTE = "sop_column"
#: Class of the steps table's closing row, the total time: the one row that is not a step.
TOTAL_TIME_CLASS = "sop-total-time"


class sop_procedure(nodes.container):  # noqa: N801 (docutils naming)
    """One SOP: its identity table, the author's prose and its steps.

    ``sop_id`` names the SOP in the ``sop`` domain; ``sop_status`` is its
    status (a :class:`~sphinxcontrib_sop.core.model.Status` value).
    """


class sop_status_banner(nodes.container):  # noqa: N801
    """The banner of an SOP not in force, above its identity table; framed in print."""


class sop_identity(nodes.container):  # noqa: N801
    """Wraps the identity table; LaTeX writes it in the printed layout."""


class DrawsProcedure(nodes.Element):
    """A node drawing the SOP at ``sop_index`` of page ``sop_docname``."""

    def procedure(self, env: BuildEnvironment) -> Procedure:
        """The model of the SOP this node draws."""
        return self.entry(env).procedure

    def entry(self, env: BuildEnvironment) -> ProcedureEntry:
        """The SOP this node draws as the domain stores it, its total time with it."""
        return get_domain(env).entry_at(self["sop_docname"], self["sop_index"])


@dataclass(frozen=True)
class StepRow:
    """A step and the cells of its row in the steps table, by column.

    ``target`` is the id of the step's row (empty for a step number written twice).
    """

    step: Step
    cells: Mapping[Column, nodes.entry]
    target: str = ""


class sop_flowchart(nodes.container, DrawsProcedure):  # noqa: N801
    """The official flowchart of one SOP; its child is the plain steps table, or in HTML,
    which draws the flowchart from the author's cells alone, the written steps."""

    def step_rows(self, env: BuildEnvironment) -> list[StepRow]:
        """Each step with its cells in the steps table: the author's texts and markup."""
        written = self.next_node(sop_steps)
        if written is not None:
            return written.step_rows(env)
        body = self.next_node(nodes.tbody)
        rows = [
            row
            for row in (body.children if body is not None else [])
            if TOTAL_TIME_CLASS not in row["classes"]
        ]
        return [
            StepRow(
                step,
                {
                    Column(entry[COLUMN_ATTRIBUTE]): entry
                    for entry in row.children
                    if COLUMN_ATTRIBUTE in entry
                },
                _row_target(row),
            )
            for step, row in zip(self.procedure(env).steps, rows, strict=True)
        ]


def _row_target(row: nodes.Element) -> str:
    """The id of a steps-table row: the target at the start of its number cell."""
    target = row[0].next_node(nodes.target) if row.children else None
    return target["ids"][0] if target is not None and target["ids"] else ""


class sop_steps(nodes.General, DrawsProcedure):  # noqa: N801
    """The steps of one SOP as its page holds them until it is written.

    Its children: the table's caption (a ``title``) when the author gave one, a
    ``thead`` with the heading rows, and one :class:`sop_step_cells` per step.
    ``sop_anchor`` is the SOP's anchor; ``ids`` and ``names`` are the table's.
    When the page is written it becomes the steps table
    (:mod:`sphinxcontrib_sop.doctree.steps`); ``numfig`` numbers it as a table.
    """

    def written_cells(self) -> list[dict[Column, nodes.entry]]:
        """The cells the author wrote for each step, by column."""
        return [
            {Column(entry[COLUMN_ATTRIBUTE]): entry for entry in cells.children}
            for cells in self.children
            if isinstance(cells, sop_step_cells)
        ]

    def step_rows(self, env: BuildEnvironment) -> list[StepRow]:
        """Each step with the cells the author wrote, and the id its row in the steps
        table would have."""
        steps = self.procedure(env).steps
        targets = row_targets(self["sop_anchor"], (step.number for step in steps))
        return [
            StepRow(step, cells, target)
            for step, cells, target in zip(steps, self.written_cells(), targets, strict=True)
        ]


class sop_step_cells(nodes.General, nodes.Element):  # noqa: N801
    """The cells an author wrote for one step: entries marked with their column."""


class sop_graphviz(nodes.General, DrawsProcedure):  # noqa: N801
    """The Graphviz flowchart of one SOP.

    ``caption`` is the printed caption (label and SOP title).  Its one child is
    the description of the flow in words, written by builders that show no
    picture.
    """

    @property
    def description(self) -> nodes.container:
        """The description of the flow, as plain docutils nodes."""
        return self.children[0]


class sop_backlinks(nodes.container):  # noqa: N801
    """Where the SOPs referring to SOP ``sop_id`` of page ``docname`` are listed, after
    its content.

    Filled when the page is written, from the ``sop`` domain, so it is always
    current; left out when no other SOP refers to it.
    """


# -- the handbook: views of every SOP, filled when a page is written -----------


class sop_registry(nodes.container):  # noqa: N801
    """The registry (*Daftar SOP*): ``query`` says what it lists.

    The directive leaves it empty; when the page is written its tables are
    filled in from the ``sop`` domain, so they list the handbook as it is.
    """


class sop_registry_row(nodes.row):  # noqa: N801
    """One SOP's row of the registry; ``sop_id`` names it."""


class sop_map(nodes.General, nodes.Element):  # noqa: N801
    """The SOP map: how the SOPs relate, drawn by Graphviz when the page is written.

    ``units`` limits it to SOPs of those units and their direct neighbours.
    """


class sop_forms(nodes.container):  # noqa: N801
    """The monitoring or evaluation forms a ``sop-monitoring`` or ``sop-evaluation``
    directive asks for: ``query`` says which.

    The directive leaves it holding only the page break that starts the forms in
    print; one :class:`sop_form` per SOP is filled in when the page is written.
    """


class sop_form(nodes.container):  # noqa: N801
    """One monitoring or evaluation form of one SOP, on pages of its own in print."""


class sop_checkbox(nodes.inline):  # noqa: N801
    """A box to tick on a form: ``☐`` in text, drawn in print."""


class sop_fill_in(nodes.inline):  # noqa: N801
    """A dotted line to write on, on a form: dots in text."""


# -- the history of an SOP through the editions, filled when a page is written --


class sop_history(nodes.container, DrawsProcedure):  # noqa: N801
    """The revision history of the SOP at ``sop_index`` of page ``sop_docname``: one row
    per edition that has it.

    Its one child, until it is filled, holds the SOP's ``:change-note:`` with its markup.
    """


class sop_diff(nodes.container, DrawsProcedure):  # noqa: N801
    """What changed in the SOP at ``sop_index`` of page ``sop_docname`` since the previous
    edition, step by step; left out when nothing did."""


class sop_changes(nodes.container):  # noqa: N801
    """The SOPs this edition added, withdrew, superseded, changed or removed, since
    edition ``since`` (the previous one when empty)."""


class sop_marked(nodes.inline):  # noqa: N801
    """A text changed from one edition to the next: its words, those deleted and inserted."""


class sop_deleted(nodes.inline):  # noqa: N801
    """Words of a :class:`sop_marked` text that the new edition deleted."""


class sop_inserted(nodes.inline):  # noqa: N801
    """Words of a :class:`sop_marked` text that the new edition inserted."""


# -- layout markers: how a part is set on the page ------------------------------


class sop_page_break(nodes.container):  # noqa: N801
    """A new page in print (before each SOP, around the decree); nothing on screen."""


class sop_signature_space(nodes.container):  # noqa: N801
    """Blank room for a handwritten signature, in an approval or signature block."""


class sop_small_print(nodes.container):  # noqa: N801
    """Content set in a smaller type in print (the steps table)."""


class sop_centred(nodes.container):  # noqa: N801
    """Content centred in print (the decree's heading; HTML centres it by its class)."""


class sop_signature_block(nodes.container):  # noqa: N801
    """A signature block on the right half of the page, in print (the decree's)."""


class sop_line_break_opportunity(nodes.Inline, nodes.Element):  # noqa: N801
    """Where a long word may break (after a ``/`` of an SOP number); no text of its own."""


#: Every node class, for registering them with Sphinx.
NODES = (
    sop_procedure,
    sop_status_banner,
    sop_identity,
    sop_flowchart,
    sop_steps,
    sop_step_cells,
    sop_graphviz,
    sop_backlinks,
    sop_registry,
    sop_registry_row,
    sop_map,
    sop_forms,
    sop_form,
    sop_checkbox,
    sop_fill_in,
    sop_history,
    sop_diff,
    sop_changes,
    sop_marked,
    sop_deleted,
    sop_inserted,
    sop_page_break,
    sop_signature_space,
    sop_small_print,
    sop_centred,
    sop_signature_block,
    sop_line_break_opportunity,
)

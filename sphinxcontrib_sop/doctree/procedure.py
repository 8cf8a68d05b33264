"""The doctree of one SOP, built from what its directive read.

::

    sop_procedure                         (a new page in print, its heading along)
      sop_status_banner                   for an SOP not in force
      sop_identity → the identity table
      the author's body, its step table replaced by
        sop_flowchart → sop_small_print → sop_steps      the official flowchart
        sop_small_print → sop_steps                      with :diagram: graphviz
      sop_graphviz                                        with :diagram: graphviz or both
      sop_history                           its revision history, filled when written
      sop_diff                              what changed since the previous edition, likewise
      sop_backlinks                         the SOPs referring to it, filled when written

``sop_steps`` holds the author's cells and becomes the steps table when the
page is written (:mod:`.steps`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docutils import nodes

from ..core.columns import Column, ColumnMap
from ..core.model import Procedure
from ..core.options import UNSET_VALUES
from ..core.wording import Labels
from .graphviz import graphviz_view
from .identity import IdentityContent, identity_table
from .nodes import (
    sop_backlinks,
    sop_diff,
    sop_flowchart,
    sop_history,
    sop_identity,
    sop_page_break,
    sop_procedure,
    sop_small_print,
)
from .status import status_banner, status_classes
from .steps import written_steps
from .table_reader import TableCells, cell_text


@dataclass(frozen=True)
class WrittenStepTable:
    """The step table as written: its place in the body, its cells and their columns."""

    position: int
    cells: TableCells
    columns: ColumnMap


@dataclass(frozen=True)
class ReadSOP:
    """An SOP as its directive read it.

    ``identity`` holds the fields with the author's inline markup; ``body`` is
    the parsed directive content; ``step_table`` is set when steps could be
    read from it; ``diagram`` is ``table``, ``graphviz`` or ``both``;
    ``replacement`` links the SOP that replaces a superseded one; ``change_note``
    is the ``:change-note:`` with its markup.
    """

    procedure: Procedure
    identity: IdentityContent
    body: list[nodes.Node]
    step_table: WrittenStepTable | None
    diagram: str
    replacement: nodes.Node | None = None
    change_note: tuple[nodes.Node, ...] = ()


@dataclass(frozen=True)
class Place:
    """Where an SOP is stored: its page, its position there, and its anchor."""

    docname: str
    index: int
    anchor: str


def procedure_node(sop: ReadSOP, place: Place, labels: Labels) -> sop_procedure:
    """The whole SOP: identity part, the author's body with the steps, the Graphviz view."""
    procedure = sop.procedure
    node = sop_procedure(
        sop_id=procedure.id,
        sop_status=procedure.status.value,
        classes=["sop", *status_classes(procedure.status)],
        ids=[place.anchor],
    )
    node += sop_page_break()
    banner = status_banner(procedure.status, sop.replacement, labels)
    if banner is not None:
        node += banner
    node += sop_identity("", identity_table(sop.identity, labels))
    body = list(sop.body)
    if sop.step_table is not None and procedure.steps:
        position = sop.step_table.position
        steps = _steps_view(body[position], procedure, sop.step_table, labels, place)
        official = sop.diagram != "graphviz"
        body[position] = (
            sop_flowchart("", steps, sop_docname=place.docname, sop_index=place.index)
            if official
            else steps
        )
    node.extend(body)
    if sop.diagram != "table" and procedure.steps:
        node += graphviz_view(procedure, labels, place.docname, place.index)
    drawn = {"sop_docname": place.docname, "sop_index": place.index}
    node += sop_history(
        "",
        nodes.inline("", "", *sop.change_note),
        ids=[f"{place.anchor}-history"],
        classes=["sop-history"],
        **drawn,
    )
    node += sop_diff(ids=[f"{place.anchor}-diff"], classes=["sop-diff"], **drawn)
    node += sop_backlinks(sop_id=procedure.id, docname=place.docname, classes=["sop-backlinks"])
    return node


def _steps_view(
    written: nodes.table,
    procedure: Procedure,
    table: WrittenStepTable,
    labels: Labels,
    place: Place,
) -> sop_small_print:
    """The steps table in place of the written one, keeping its caption, ids and markup."""
    cells, columns = table.cells, table.columns

    def content(position: int, column: Column) -> Sequence[nodes.Node]:
        return _on_line(written_content(position, column), procedure.steps[position].line)

    def written_content(position: int, column: Column) -> Sequence[nodes.Node]:
        row = cells.entries[position]
        index = columns.index.get(column)
        own = _children(row[index]) if index is not None and index < len(row) else []
        if column is Column.TIME:
            return _completed(own, procedure.steps[position].time)
        if column is not Column.NOTES:
            return own
        # Cells under headers that are not recognised are kept under Keterangan.
        extra = [
            nodes.paragraph(
                "",
                "",
                nodes.emphasis("", f"{cells.table.header[i]}: "),
                *_inline_children(row[i]),
            )
            for i in (*columns.unknown, *columns.repeated)
            if i < len(row) and row[i] is not None and row[i].astext().strip()
        ]
        return [*own, *extra]

    view = written_steps(
        procedure,
        content,
        labels,
        {"sop_docname": place.docname, "sop_index": place.index, "sop_anchor": place.anchor},
    )
    for title in written.findall(nodes.title):
        view.insert(0, title.deepcopy())
        break
    view["ids"] = written["ids"]
    view["names"] = written["names"]
    return sop_small_print("", view, classes=["sop-steps-scroll"])


def _completed(own: list[nodes.Node], read: str) -> list[nodes.Node]:
    """A cell's content ending as its text was read (``5`` under ``Waktu (menit)``: ``5 menit``)."""
    written = " ".join(" ".join(node.astext() for node in own).split())
    if not own or written == read or not read.startswith(written):
        return own
    suffix = nodes.Text(read[len(written) :])
    last = own[-1]
    if isinstance(last, nodes.paragraph):
        last += suffix
    else:
        own.append(nodes.paragraph("", "", suffix))
    return own


def _on_line(content: Sequence[nodes.Node], line: int | None) -> Sequence[nodes.Node]:
    """``content`` placed at its step's ``line``, where a cell's own nodes know none.

    docutils gives the inline nodes of a table cell a source but no line; a
    message about them (an undefined substitution, found later) is then
    reported at the row's line instead of none at all.
    """
    for top in content:
        for node in top.findall(nodes.Element):
            if node.line is None:
                node.line = line
    return content


def _children(entry: nodes.entry | None) -> list[nodes.Node]:
    """The content of a cell; none for a cell left empty or holding only a dash."""
    if entry is None or cell_text(entry) in UNSET_VALUES:
        return []
    return [child.deepcopy() for child in entry.children]


def _inline_children(entry: nodes.entry) -> list[nodes.Node]:
    """The inline content of a cell's paragraphs, for folding into another cell."""
    return [
        inline.deepcopy()
        for paragraph in entry.findall(nodes.paragraph)
        for inline in paragraph.children
    ]

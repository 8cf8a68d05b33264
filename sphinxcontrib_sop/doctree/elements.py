"""Small helpers for building docutils tables, which every builder can write."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes

EM_DASH = "\N{EM DASH}"
#: Table classes for LaTeX: every cell ruled, as on a printed SOP sheet, no stripes.
PRINTED_TABLE_STYLE = ("standard", "nocolorrows")


def cell(
    *children: nodes.Node,
    classes: Sequence[str] = (),
    morerows: int = 0,
    morecols: int = 0,
) -> nodes.entry:
    """A table cell; an empty one shows an em dash so no cell is ever blank."""
    entry = nodes.entry(classes=list(classes))
    if morerows:
        entry["morerows"] = morerows
    if morecols:
        entry["morecols"] = morecols
    entry.extend(children or [paragraph(EM_DASH, classes=["sop-empty"])])
    return entry


def blank_cell(classes: Sequence[str] = (), morecols: int = 0) -> nodes.entry:
    """A cell that is empty on purpose (an actor column a step does not use)."""
    entry = nodes.entry(classes=list(classes))
    if morecols:
        entry["morecols"] = morecols
    return entry


def paragraph(*content: nodes.Node | str, classes: Sequence[str] = ()) -> nodes.paragraph:
    """A paragraph of nodes or plain strings."""
    children = [nodes.Text(part) if isinstance(part, str) else part for part in content]
    return nodes.paragraph("", "", *children, classes=list(classes))


def table(
    widths: Sequence[int],
    body: Iterable[nodes.row],
    head: Iterable[nodes.row] = (),
    classes: Sequence[str] = (),
) -> nodes.table:
    """A table with the given relative column ``widths``, header and body rows."""
    tgroup = nodes.tgroup(cols=len(widths))
    for width in widths:
        tgroup += nodes.colspec(colwidth=width)
    head_rows = list(head)
    if head_rows:
        tgroup += nodes.thead("", *head_rows)
    tgroup += nodes.tbody("", *body)
    return nodes.table("", tgroup, classes=["colwidths-given", *classes])


def row(*cells: nodes.entry) -> nodes.row:
    """A table row."""
    return nodes.row("", *cells)


def numbered_list(items: Iterable[Sequence[nodes.Node]]) -> nodes.enumerated_list:
    """``1.``, ``2.``, … one list item per sequence of inline nodes."""
    listing = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
    for content in items:
        listing += nodes.list_item("", paragraph(*content))
    return listing

"""Reading a parsed docutils table (any syntax) into plain rows of text."""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from ..core.steps import RawRow, RawTable


@dataclass(frozen=True)
class TableCells:
    """A step table read from the doctree.

    ``table`` holds the text for the model; ``entries`` holds, for each body
    row and column, the docutils cell it came from (``None`` under a span), so
    renderers can keep the author's inline markup.  ``extra_header_rows`` counts
    header rows above the one that names the columns.
    """

    table: RawTable
    entries: tuple[tuple[nodes.entry | None, ...], ...]
    extra_header_rows: int = 0


def read_table(table: nodes.table, source: str | None, directive_line: int) -> TableCells:
    """Read ``table``, written in ``source`` inside a directive at ``directive_line``."""
    tgroup = table.next_node(nodes.tgroup)
    width = int(tgroup["cols"]) if tgroup is not None else 0
    head = table.next_node(nodes.thead)
    body = table.next_node(nodes.tbody)
    head_rows = _grid(head, width) if head is not None else []
    body_rows = _grid(body, width) if body is not None else []
    if not head_rows and body_rows:
        head_rows, body_rows = body_rows[:1], body_rows[1:]
    header = tuple(cell_text(entry) for entry in head_rows[-1]) if head_rows else ()
    header_line = _row_line(head_rows[-1], source, directive_line) if head_rows else None
    row_lines = [_row_line(row, source, directive_line) for row in body_rows]
    if table.line is not None and header_line is not None and set(row_lines) <= {header_line}:
        # A Markdown pipe table: MyST gives every cell one line (the table's, or
        # before myst-parser 5 the directive's). The table's own line is its
        # header's, and each row is one line below the header and its delimiter row.
        header_line = table.line
        row_lines = [header_line + 2 + index for index in range(len(body_rows))]
    rows = tuple(
        RawRow(tuple(cell_text(entry) for entry in row), line)
        for row, line in zip(body_rows, row_lines, strict=True)
    )
    return TableCells(
        RawTable(header, rows, header_line or directive_line),
        tuple(tuple(row) for row in body_rows),
        max(len(head_rows) - 1, 0),
    )


def _grid(part: nodes.Element, width: int) -> list[list[nodes.entry | None]]:
    """The rows of ``part`` as a full grid: a spanned cell fills all its positions.

    A cell spanning rows repeats in each row it covers (a merged *Pelaksana*
    cell means the same actor for each step); a cell spanning columns sits in
    its first column only.
    """
    rows: list[list[nodes.entry | None]] = []
    carried: dict[int, tuple[nodes.entry, int]] = {}
    for row in part.findall(nodes.row):
        cells: list[nodes.entry | None] = [None] * width
        entries = iter(row.children)
        position = 0
        while position < width:
            if position in carried:
                entry, remaining = carried.pop(position)
                cells[position] = entry
                if remaining > 1:
                    carried[position] = (entry, remaining - 1)
                position += 1
                continue
            entry = next(entries, None)
            if entry is None:
                break
            cells[position] = entry
            if entry.get("morerows"):
                carried[position] = (entry, int(entry["morerows"]))
            position += 1 + int(entry.get("morecols", 0))
        rows.append(cells)
    return rows


def cell_text(entry: nodes.entry | None) -> str:
    """The words of a cell, without docutils' messages about its markup.

    A cell holding only ``1.`` or ``-`` is parsed by reST as an empty list:
    its text is the list marker the author typed.
    """
    if entry is None:
        return ""
    if any(True for _ in entry.findall(nodes.system_message)):
        entry = entry.deepcopy()
        for message in list(entry.findall(nodes.system_message)):
            message.parent.remove(message)
    if len(entry.children) == 1 and not entry.astext().strip():
        marker = _empty_list_marker(entry.children[0])
        if marker:
            return marker
    return " ".join(entry.astext().split())


def _empty_list_marker(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.enumerated_list) and len(node.children) == 1:
        start = node.get("start", 1)
        return f"{node.get('prefix', '')}{start}{node.get('suffix', '.')}"
    if isinstance(node, nodes.bullet_list) and len(node.children) == 1:
        return node.get("bullet", "-")
    return None


def _line(node: nodes.Node, source: str | None, directive_line: int) -> int | None:
    """The first line found in ``node``, if it is a line of ``source`` in the directive.

    Cells of a ``csv-table`` carry lines counted within the CSV data (or its
    file), which say nothing about the document: they are ignored.
    """
    for descendant in node.findall():
        line = getattr(descendant, "line", None)
        if line is not None:
            if source and descendant.source and descendant.source != source:
                return None
            return line if line >= directive_line else None
    return None


def _row_line(row: list[nodes.entry | None], source: str | None, directive_line: int) -> int | None:
    lines = (_line(entry, source, directive_line) for entry in row if entry is not None)
    return next((line for line in lines if line is not None), None)

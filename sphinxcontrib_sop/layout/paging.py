"""Splitting the flowchart into printed pages joined by off-page connectors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.model import Procedure
from .geometry import Style, Symbol
from .grid import (
    ConnectorKey,
    Layout,
    Link,
    Node,
    NodeKey,
    connector_letters,
    lay_out,
    lay_out_procedure,
    step_links,
)


@dataclass(frozen=True)
class Page:
    """One printed page of a flowchart: its steps and its own layout."""

    steps: tuple[int, ...]
    layout: Layout


def paginate(
    procedure: Procedure,
    page_height: float,
    style: Style | None = None,
    step_height: Callable[[int], float] | None = None,
) -> list[Page]:
    """Split the flowchart into pages no taller than ``page_height`` (at least a step each).

    ``step_height`` gives the height a step's row will take when printed (its
    texts may need more than the drawing); by default the style's row height.

    Breaks fall between steps.  Every arrow that crosses a break gets a pair of
    off-page connectors with one letter, one on the page of each of its ends:
    going down, below the last symbol of the earlier page and above the first
    symbol of the later one; a loop back leaves from the top of its page and
    arrives at the bottom of the earlier one.  An arrow jumping over whole
    pages is not drawn on the pages between, so a page holds its own steps and
    the connectors of its own arrows, however long the procedure.
    """
    style = style or Style()
    nodes = [row.node for row in lay_out_procedure(procedure, style).rows]
    links = step_links(procedure)
    heights = {
        node.key: step_height(node.step) if step_height and node.step else style.row_height
        for node in nodes
    }
    chunks = _break_into_pages(nodes, links, page_height, heights, style)
    page_of = {node.key: index for index, chunk in enumerate(chunks) for node in chunk}
    tops: list[list[Node]] = [[] for _ in chunks]
    bottoms: list[list[Node]] = [[] for _ in chunks]
    page_links: list[list[Link]] = [[] for _ in chunks]
    letters = connector_letters()
    columns = {node.key: node.first_column for node in nodes}
    for link in links:
        first, last = page_of[link.source], page_of[link.target]
        if first == last:
            page_links[first].append(link)
            continue
        letter, column = next(letters), columns[link.source]
        leaving = Node(ConnectorKey(letter, arriving=False), Symbol.CONNECTOR, column, column)
        arriving = Node(ConnectorKey(letter, arriving=True), Symbol.CONNECTOR, column, column)
        (bottoms if last > first else tops)[first].append(leaving)
        (tops if last > first else bottoms)[last].append(arriving)
        page_links[first].append(Link(link.source, leaving.key, link.branch))
        page_links[last].append(Link(arriving.key, link.target))
    column_count = max(len(procedure.actors), 1)
    return [
        Page(
            tuple(node.step for node in chunk if node.step is not None),
            lay_out(
                [*tops[index], *chunk, *bottoms[index]],
                page_links[index],
                column_count,
                style,
                letters,  # arrows cut on the page: letters after those of the pages' pairs
            ),
        )
        for index, chunk in enumerate(chunks)
    ]


def _break_into_pages(
    nodes: list[Node],
    links: list[Link],
    page_height: float,
    heights: dict[NodeKey, float],
    style: Style,
) -> list[list[Node]]:
    """Fill each page with steps while they, with their connectors, fit the height.

    A page needs a connector for each arrow with one end on it; adding a step
    turns its arrows to steps already on the page into arrows within it.
    """
    others: dict[NodeKey, list[NodeKey]] = {}  # the other end of each arrow, at both ends
    for link in links:
        if link.source != link.target:
            others.setdefault(link.source, []).append(link.target)
            others.setdefault(link.target, []).append(link.source)
    chunks: list[list[Node]] = []
    on_page: set[NodeKey] = set()
    rows, connectors = 0.0, 0
    for node in nodes:
        ends = others.get(node.key, [])
        joined = sum(1 for end in ends if end in on_page)
        grown_rows = rows + heights[node.key]
        grown_connectors = connectors - joined + (len(ends) - joined)
        if chunks and grown_rows + grown_connectors * style.connector_row_height <= page_height:
            chunks[-1].append(node)
            rows, connectors = grown_rows, grown_connectors
        else:
            chunks.append([node])
            on_page = set()
            rows, connectors = heights[node.key], len(ends)
        on_page.add(node.key)
    return chunks

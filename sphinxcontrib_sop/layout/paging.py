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
    off-page connectors with one letter: below the last symbol of the earlier
    page and above the first symbol of the later page.  An arrow crossing
    several breaks gets a pair at each, joined on the pages between.
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
        direction = 1 if last >= first else -1
        current, branch = link.source, link.branch
        for page in range(first, last, direction):
            letter = next(letters)
            column = columns[link.source] if page == first else columns[link.target]
            leaving = Node(ConnectorKey(letter, arriving=False), Symbol.CONNECTOR, column, column)
            arriving = Node(ConnectorKey(letter, arriving=True), Symbol.CONNECTOR, column, column)
            # Going down, the pair sits below this page and above the next;
            # a loop back leaves from the top of this page to the bottom of the one before.
            (bottoms if direction == 1 else tops)[page].append(leaving)
            (tops if direction == 1 else bottoms)[page + direction].append(arriving)
            page_links[page].append(Link(current, leaving.key, branch))
            current, branch = arriving.key, None
        page_links[last].append(Link(current, link.target, branch))
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
    """Fill each page with steps while it, with its connectors, fits the height."""
    position = {node.key: index for index, node in enumerate(nodes)}
    chunks: list[list[Node]] = []
    for node in nodes:
        candidate = [*chunks[-1], node] if chunks else [node]
        if chunks and _page_height(candidate, links, position, heights, style) <= page_height:
            chunks[-1].append(node)
        else:
            chunks.append([node])
    return chunks


def _page_height(
    chunk: list[Node],
    links: list[Link],
    position: dict[NodeKey, int],
    heights: dict[NodeKey, float],
    style: Style,
) -> float:
    """Height of a page holding ``chunk``, with the connectors its breaks need.

    An arrow with one end on the page needs one connector there; an arrow
    jumping over the whole page needs two (it arrives and leaves again).
    """
    first, last = position[chunk[0].key], position[chunk[-1].key]
    connectors = 0
    for link in links:
        ends = sorted((position[link.source], position[link.target]))
        inside = [first <= end <= last for end in ends]
        if inside[0] != inside[1]:
            connectors += 1
        elif not inside[0] and ends[0] < first and ends[1] > last:
            connectors += 2
    rows = sum(heights[node.key] for node in chunk)
    return rows + connectors * style.connector_row_height

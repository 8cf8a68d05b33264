"""The layout of the official flowchart: symbol boxes and orthogonal arrow routes.

The flowchart is a grid: one row per step, one column per actor.  Each row
holds exactly one symbol, so an arrow never meets another symbol in the row it
turns in.  Arrows between consecutive rows run down from the bottom of one
symbol to the top of the next, turning below the first; every other arrow
(a jump forward, a loop back, a decision's second exit) leaves its symbol at a
side, runs along its own lane in a gutter beside the actor columns and enters
its target from the same side.  Lanes whose vertical spans overlap never share
an x, and arrows meeting one side of a symbol get distinct heights, so no two
routes overlap.

Nothing here knows SVG: :mod:`.flowchart_svg` draws this model, and the paging
model (:func:`paginate`) lays out each printed page with the same code.
"""

from __future__ import annotations

import dataclasses
import enum
import itertools
import string
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from ..core.model import Procedure, Step, StepKind

#: Where the off-page connector's upright sides end, as a fraction of its height.
CONNECTOR_SHOULDER = 0.6


class Symbol(str, enum.Enum):
    """The five symbols of the SOP AP format, less the arrow."""

    TERMINATOR = "terminator"
    PROCESS = "process"
    DECISION = "decision"
    CONNECTOR = "connector"


class Side(str, enum.Enum):
    TOP = "top"
    BOTTOM = "bottom"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Style:
    """Sizes of the drawing, in CSS pixels."""

    column_width: float = 112
    row_height: float = 88
    connector_row_height: float = 52
    symbol_y: float = 34  # centre of the symbol below the row's top
    process_height: float = 36
    terminator_height: float = 32
    decision_height: float = 50
    connector_size: float = 26
    symbol_margin: float = 14  # between a symbol and its column's edges
    decision_width: float = 84
    bend_above_bottom: float = 12  # where arrows to the next row turn
    lane_gap: float = 10
    gutter_padding: float = 12
    port_spacing: float = 9


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: the bounding box of a symbol."""

    x: float
    y: float
    width: float
    height: float

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Node:
    """Something to place in a row: a step's symbol or an off-page connector."""

    key: str
    symbol: Symbol
    first_column: int
    last_column: int
    label: str
    step: int | None = None


@dataclass(frozen=True)
class Link:
    """An arrow to route from one node to another."""

    source: str
    target: str
    label: str | None = None


@dataclass(frozen=True)
class PlacedSymbol:
    """A node in its row, with its box."""

    node: Node
    row: int
    box: Box

    def border_x(self, side: Side, y: float) -> float:
        """Where a horizontal line at ``y`` meets the symbol's left or right border."""
        half_width, half_height = self.box.width / 2, self.box.height / 2
        offset = abs(y - self.box.cy)
        if self.node.symbol is Symbol.DECISION and half_height:
            reach = half_width * max(0.0, 1 - offset / half_height)
        elif self.node.symbol is Symbol.CONNECTOR:
            # A pentagon pointing down: upright sides, then a point below the shoulder.
            shoulder = self.box.y + self.box.height * CONNECTOR_SHOULDER
            below = max(y - shoulder, 0.0) / (self.box.bottom - shoulder)
            reach = half_width * (1 - below)
        elif self.node.symbol is Symbol.TERMINATOR and half_height:
            # A capsule: straight top and bottom, half-circle ends.
            straight = half_width - half_height
            reach = straight + (max(half_height**2 - offset**2, 0.0)) ** 0.5
        else:
            reach = half_width
        return self.box.cx + reach if side is Side.RIGHT else self.box.cx - reach


@dataclass(frozen=True)
class Arrow:
    """A routed arrow: an orthogonal polyline from source border to target border."""

    link: Link
    points: tuple[Point, ...]
    exit_side: Side
    entry_side: Side

    @property
    def segments(self) -> list[tuple[Point, Point]]:
        return list(zip(self.points, self.points[1:], strict=False))


@dataclass(frozen=True)
class Row:
    """A horizontal band of the drawing holding one symbol."""

    top: float
    height: float
    node: Node

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class Layout:
    """A laid-out flowchart: rows, columns, symbols and arrows."""

    style: Style
    column_count: int
    left_gutter: float
    right_gutter: float
    rows: tuple[Row, ...]
    symbols: tuple[PlacedSymbol, ...]
    arrows: tuple[Arrow, ...]

    @property
    def width(self) -> float:
        return self.left_gutter + self.column_count * self.style.column_width + self.right_gutter

    @property
    def height(self) -> float:
        return self.rows[-1].bottom if self.rows else 0.0

    def column_left(self, column: int) -> float:
        return self.left_gutter + column * self.style.column_width

    def symbol(self, key: str) -> PlacedSymbol:
        return next(symbol for symbol in self.symbols if symbol.node.key == key)


# -- building the layout ---------------------------------------------------------


def step_symbol(step: Step) -> Symbol:
    """The symbol of a step: capsule for start and end, diamond, or rectangle."""
    if step.kind in (StepKind.START, StepKind.END):
        return Symbol.TERMINATOR
    return Symbol.DECISION if step.kind is StepKind.DECISION else Symbol.PROCESS


def step_nodes(procedure: Procedure) -> list[Node]:
    """One node per step, spanning the columns of the step's actors."""
    column_of = {actor: index for index, actor in enumerate(procedure.actors)}
    nodes = []
    for step in procedure.steps:
        columns = sorted(column_of[actor] for actor in step.actors if actor in column_of) or [0]
        nodes.append(
            Node(
                key=step_key(step.number),
                symbol=step_symbol(step),
                first_column=columns[0],
                last_column=columns[-1],
                label=str(step.number),
                step=step.number,
            )
        )
    return nodes


def step_key(number: int) -> str:
    return f"step-{number}"


def step_links(procedure: Procedure) -> list[Link]:
    """One link per edge of the procedure, to the first step with the target number."""
    known = {step.number for step in procedure.steps}
    return [
        Link(step_key(edge.source), step_key(edge.target), edge.label)
        for edge in procedure.edges
        if edge.target in known
    ]


def lay_out_procedure(procedure: Procedure, style: Style | None = None) -> Layout:
    """The whole flowchart of ``procedure`` as one continuous layout."""
    seen: set[int] = set()
    nodes = []
    for node in step_nodes(procedure):  # a repeated step number keeps its first row
        if node.step not in seen:
            seen.add(node.step)
            nodes.append(node)
    return lay_out(nodes, step_links(procedure), max(len(procedure.actors), 1), style or Style())


def lay_out(
    nodes: Sequence[Node], links: Sequence[Link], column_count: int, style: Style
) -> Layout:
    """Place ``nodes`` one per row and route ``links`` between them."""
    router = _Router(list(nodes), list(links), column_count, style)
    return router.run()


@dataclass
class _Route:
    link: Link
    source: int  # row index
    target: int
    exit_side: Side = Side.BOTTOM
    entry_side: Side = Side.TOP
    exit_y: float = 0.0
    entry_y: float = 0.0
    lane: int = 0


@dataclass
class _Ports:
    """The routes meeting each side of one symbol, in the order they were assigned."""

    by_side: dict[Side, list[tuple[_Route, str]]] = field(default_factory=dict)

    def add(self, side: Side, route: _Route, role: str) -> None:
        self.by_side.setdefault(side, []).append((route, role))


class _Router:
    def __init__(
        self, nodes: list[Node], links: list[Link], column_count: int, style: Style
    ) -> None:
        self.nodes = nodes
        self.links = [link for link in links if link.source != link.target]
        self.column_count = column_count
        self.style = style
        self.row_of = {node.key: index for index, node in enumerate(nodes)}

    def run(self) -> Layout:
        routes = [
            _Route(link, self.row_of[link.source], self.row_of[link.target])
            for link in self.links
            if link.source in self.row_of and link.target in self.row_of
        ]
        self._choose_sides(routes)
        rows = self._rows()
        # Heights do not depend on the gutters: assign ports and lanes first.
        self._assign_port_heights(routes, [self._place(i, row, 0) for i, row in enumerate(rows)])
        self._assign_lanes(routes)
        left_gutter = self._gutter_width(routes, Side.LEFT)
        right_gutter = self._gutter_width(routes, Side.RIGHT)
        symbols = tuple(self._place(index, row, left_gutter) for index, row in enumerate(rows))
        layout = Layout(
            self.style, self.column_count, left_gutter, right_gutter, tuple(rows), symbols, ()
        )
        return dataclasses.replace(
            layout, arrows=tuple(self._arrow(route, layout) for route in routes)
        )

    # rows and symbols

    def _rows(self) -> list[Row]:
        rows, top = [], 0.0
        for node in self.nodes:
            height = (
                self.style.connector_row_height
                if node.symbol is Symbol.CONNECTOR
                else self.style.row_height
            )
            rows.append(Row(top, height, node))
            top += height
        return rows

    def _place(self, index: int, row: Row, left_gutter: float) -> PlacedSymbol:
        style, node = self.style, row.node
        first = min(max(node.first_column, 0), self.column_count - 1)
        last = min(max(node.last_column, first), self.column_count - 1)
        left = left_gutter + first * style.column_width
        span = (last - first + 1) * style.column_width
        width = span - 2 * style.symbol_margin
        if node.symbol is Symbol.DECISION:
            width = min(width, style.decision_width + (last - first) * style.column_width / 3)
            height = style.decision_height
        elif node.symbol is Symbol.CONNECTOR:
            width = height = style.connector_size
        elif node.symbol is Symbol.TERMINATOR:
            height = style.terminator_height
        else:
            height = style.process_height
        symbol_y = min(style.symbol_y, row.height / 2)
        box = Box(left + (span - width) / 2, row.top + symbol_y - height / 2, width, height)
        return PlacedSymbol(node, index, box)

    # sides, ports and lanes

    def _choose_sides(self, routes: list[_Route]) -> None:
        """Consecutive rows use bottom and top; other arrows leave by a side."""
        bottom_used: set[int] = set()
        top_used: set[int] = set()
        side_count: dict[int, int] = {}
        for route in routes:
            if (
                route.target == route.source + 1
                and route.source not in bottom_used
                and route.target not in top_used
            ):
                bottom_used.add(route.source)
                top_used.add(route.target)
                route.exit_side, route.entry_side = Side.BOTTOM, Side.TOP
                continue
            count = side_count.get(route.source, 0)
            side_count[route.source] = count + 1
            route.exit_side = route.entry_side = Side.RIGHT if count % 2 == 0 else Side.LEFT

    def _assign_port_heights(self, routes: list[_Route], symbols: list[PlacedSymbol]) -> None:
        """Give every arrow meeting a side of a symbol its own height on that side.

        Exits come first (topmost, their label above them), then entries.
        """
        ports = [_Ports() for _ in symbols]
        for route in routes:
            if route.exit_side not in (Side.TOP, Side.BOTTOM):
                ports[route.source].add(route.exit_side, route, "exit")
        for route in routes:
            if route.entry_side not in (Side.TOP, Side.BOTTOM):
                ports[route.target].add(route.entry_side, route, "entry")
        for symbol, symbol_ports in zip(symbols, ports, strict=True):
            for side_routes in symbol_ports.by_side.values():
                heights = self._port_heights(symbol.box, len(side_routes))
                for (route, role), height in zip(side_routes, heights, strict=True):
                    if role == "exit":
                        route.exit_y = height
                    else:
                        route.entry_y = height

    def _port_heights(self, box: Box, count: int) -> list[float]:
        if count == 1:
            return [box.cy]
        usable = box.height - 8
        spacing = min(self.style.port_spacing, usable / (count - 1))
        start = box.cy - spacing * (count - 1) / 2
        return [start + index * spacing for index in range(count)]

    def _span(self, route: _Route) -> tuple[float, float]:
        return min(route.exit_y, route.entry_y), max(route.exit_y, route.entry_y)

    def _side_routes(self, routes: list[_Route], side: Side) -> list[_Route]:
        return [route for route in routes if route.exit_side is side]

    def _assign_lanes(self, routes: list[_Route]) -> None:
        """Interval colouring: shorter spans take the lanes nearer the symbols."""
        for side in (Side.LEFT, Side.RIGHT):
            taken: list[list[tuple[float, float]]] = []
            for route in sorted(
                self._side_routes(routes, side),
                key=lambda route: (abs(route.target - route.source), route.source),
            ):
                low, high = self._span(route)
                for lane, spans in enumerate(taken):
                    if all(high + 4 < lower or low - 4 > upper for lower, upper in spans):
                        spans.append((low, high))
                        route.lane = lane
                        break
                else:
                    taken.append([(low, high)])
                    route.lane = len(taken) - 1

    def _gutter_width(self, routes: list[_Route], side: Side) -> float:
        lanes = 1 + max((route.lane for route in self._side_routes(routes, side)), default=-1)
        if not lanes:
            return self.style.gutter_padding
        return 2 * self.style.gutter_padding + (lanes - 1) * self.style.lane_gap

    # arrows

    def _arrow(self, route: _Route, layout: Layout) -> Arrow:
        source, target = layout.symbols[route.source], layout.symbols[route.target]
        if route.exit_side is Side.BOTTOM:
            points = self._down_route(source, target, layout)
        else:
            points = self._lane_route(route, source, target, layout)
        return Arrow(route.link, tuple(points), route.exit_side, route.entry_side)

    def _down_route(
        self, source: PlacedSymbol, target: PlacedSymbol, layout: Layout
    ) -> list[Point]:
        start = Point(source.box.cx, source.box.bottom)
        end = Point(target.box.cx, target.box.y)
        if abs(start.x - end.x) < 0.01:
            return [start, end]
        bend = layout.rows[source.row].bottom - self.style.bend_above_bottom
        bend = max(bend, source.box.bottom + 4)
        return [start, Point(start.x, bend), Point(end.x, bend), end]

    def _lane_route(
        self, route: _Route, source: PlacedSymbol, target: PlacedSymbol, layout: Layout
    ) -> list[Point]:
        style = self.style
        offset = style.gutter_padding + route.lane * style.lane_gap
        if route.exit_side is Side.RIGHT:
            lane_x = layout.width - layout.right_gutter + offset
        else:
            lane_x = layout.left_gutter - offset
        start = Point(source.border_x(route.exit_side, route.exit_y), route.exit_y)
        end = Point(target.border_x(route.entry_side, route.entry_y), route.entry_y)
        return [start, Point(lane_x, start.y), Point(lane_x, end.y), end]


# -- paging ----------------------------------------------------------------------


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
    off-page connectors with one label: below the last symbol of the earlier
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
    labels = _connector_labels()
    columns = {node.key: node.first_column for node in nodes}
    for link in links:
        first, last = page_of[link.source], page_of[link.target]
        direction = 1 if last >= first else -1
        current, label_text = link.source, link.label
        for page in range(first, last, direction):
            label = next(labels)
            column = columns[link.source] if page == first else columns[link.target]
            leaving = Node(f"connector-{label}-out", Symbol.CONNECTOR, column, column, label)
            arriving = Node(f"connector-{label}-in", Symbol.CONNECTOR, column, column, label)
            # Going down, the pair sits below this page and above the next;
            # a loop back leaves from the top of this page to the bottom of the one before.
            (bottoms if direction == 1 else tops)[page].append(leaving)
            (tops if direction == 1 else bottoms)[page + direction].append(arriving)
            page_links[page].append(Link(current, leaving.key, label_text))
            current, label_text = arriving.key, None
        page_links[last].append(Link(current, link.target, label_text))
    column_count = max(len(procedure.actors), 1)
    return [
        Page(
            tuple(node.step for node in chunk if node.step is not None),
            lay_out(
                [*tops[index], *chunk, *bottoms[index]], page_links[index], column_count, style
            ),
        )
        for index, chunk in enumerate(chunks)
    ]


def _break_into_pages(
    nodes: list[Node],
    links: list[Link],
    page_height: float,
    heights: dict[str, float],
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
    position: dict[str, int],
    heights: dict[str, float],
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


def _connector_labels() -> Iterator[str]:
    """A, B, …, Z, AA, AB, …"""
    for size in itertools.count(1):
        for letters in itertools.product(string.ascii_uppercase, repeat=size):
            yield "".join(letters)

"""The flowchart as a grid: one row per step, one column per actor, and the arrow routes.

Each row holds exactly one symbol in the actor columns, so an arrow never meets
another symbol in the row it turns in.  Arrows between consecutive rows run down from the bottom
of one symbol to the top of the next, turning below the first; every other
arrow (a jump forward, a loop back, a decision's second exit) leaves its symbol
at a side, runs along its own lane in a gutter beside the actor columns and
enters its target from the same side.  Lanes whose vertical spans overlap never
share an x, and arrows meeting one side of a symbol get distinct heights, so no
two routes overlap.

A gutter holds a few lanes (``Style.max_lanes``).  An arrow that finds none free
— many long arrows overlapping, as in a long SOP with many loops — is cut: it
runs straight out of its symbol to an off-page connector at the outer edge of
the gutter, and a connector with the same letter beside its target leads on.
So the drawing keeps its width, and each row crosses a bounded number of lanes,
however long the procedure.

Nothing here knows SVG or TikZ: the writers draw this model, row by row
(:mod:`.bands`), and the paging model (:mod:`.paging`) lays out each printed
page with the same code.
"""

from __future__ import annotations

import dataclasses
import itertools
import string
from bisect import bisect, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..core.model import Procedure, Step, StepKind
from .geometry import CONNECTOR_SHOULDER, Box, Point, Side, Style, Symbol


@dataclass(frozen=True)
class StepKey:
    """The node of step ``number``."""

    number: int

    @property
    def text(self) -> str:
        """What the step's symbol shows: its number."""
        return str(self.number)


@dataclass(frozen=True)
class ConnectorKey:
    """One off-page connector of the pair named ``letter``: leaving a page or arriving.

    Several arrows may leave for one arriving connector, each through a
    connector of its own with the same letter: ``index`` tells them apart.
    """

    letter: str
    arriving: bool
    index: int = 0

    @property
    def text(self) -> str:
        """What the connector shows: the letter of its pair."""
        return self.letter


NodeKey = StepKey | ConnectorKey


@dataclass(frozen=True)
class Node:
    """Something to place in a row: a step's symbol or an off-page connector."""

    key: NodeKey
    symbol: Symbol
    first_column: int
    last_column: int

    @property
    def step(self) -> int | None:
        """The number of the node's step; ``None`` for a connector."""
        return self.key.number if isinstance(self.key, StepKey) else None

    @property
    def text(self) -> str:
        """What the symbol shows: the step number, or the connector's letter."""
        return self.key.text


@dataclass(frozen=True)
class Link:
    """An arrow to route from one node to another; ``branch`` names a decision's exit."""

    source: NodeKey
    target: NodeKey
    branch: str | None = None


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
    """A horizontal band of the drawing holding one symbol (and, in the gutters, the
    connectors of arrows cut there)."""

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

    def column_edges(self) -> tuple[float, ...]:
        """The x of every actor column's edges, from the first column's left to the last's right."""
        return tuple(self.column_left(column) for column in range(self.column_count + 1))

    def symbol(self, key: NodeKey) -> PlacedSymbol:
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
        nodes.append(Node(StepKey(step.number), step_symbol(step), columns[0], columns[-1]))
    return nodes


def step_links(procedure: Procedure) -> list[Link]:
    """One link per edge of the procedure, to the first step with the target number."""
    known = {step.number for step in procedure.steps}
    return [
        Link(StepKey(edge.source), StepKey(edge.target), edge.branch)
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


def repeated_rows(numbers: Sequence[int]) -> dict[int, list[int]]:
    """The rows whose step number an earlier row has, under the step drawn last before each.

    ``numbers`` are the step numbers of the rows as written.  A row repeating a
    number (a warning already) has no symbol: the writers print its texts after
    the row of that step, with the arrows passing down through it.  The
    positions of such rows are given, in order, by that step's number.
    """
    seen: set[int] = set()
    under: dict[int, list[int]] = {}
    drawn = 0
    for position, number in enumerate(numbers):
        if number in seen:
            under.setdefault(drawn, []).append(position)
        else:
            seen.add(number)
            drawn = number
    return under


def lay_out(
    nodes: Sequence[Node],
    links: Sequence[Link],
    column_count: int,
    style: Style,
    letters: Iterator[str] | None = None,
) -> Layout:
    """Place ``nodes`` one per row and route ``links`` between them.

    ``letters`` names the connector pairs of cut arrows (by default A, B, …).
    """
    router = _Router(list(nodes), list(links), column_count, style)
    return router.run(letters or connector_letters())


def connector_letters() -> Iterator[str]:
    """A, B, …, Z, AA, AB, …"""
    for size in itertools.count(1):
        for letters in itertools.product(string.ascii_uppercase, repeat=size):
            yield "".join(letters)


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
    cut: bool = False  # no lane was free: drawn through a pair of connectors


@dataclass(frozen=True)
class _GutterConnector:
    """An off-page connector at the outer edge of a gutter, where a cut arrow meets it at ``y``."""

    key: ConnectorKey
    row: int
    side: Side
    y: float


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

    def run(self, letters: Iterator[str]) -> Layout:
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
        pairs = self._connector_pairs(routes, letters)
        connectors = list(dict.fromkeys(end for pair in pairs.values() for end in pair))
        left_gutter = self._gutter_width(routes, connectors, Side.LEFT)
        right_gutter = self._gutter_width(routes, connectors, Side.RIGHT)
        symbols = tuple(self._place(index, row, left_gutter) for index, row in enumerate(rows))
        layout = Layout(
            self.style, self.column_count, left_gutter, right_gutter, tuple(rows), symbols, ()
        )
        placed = self._place_connectors(routes, connectors, layout)
        layout = dataclasses.replace(layout, symbols=symbols + tuple(placed.values()))
        arrows, led_on = [], set()
        for route in routes:
            if not route.cut:
                arrows.append(self._arrow(route, layout))
                continue
            leaving, arriving = pairs[id(route)]
            arrows.append(self._leaving_arrow(route, placed[leaving.key], layout))
            if arriving not in led_on:  # one arrow leads on from a shared connector
                led_on.add(arriving)
                arrows.append(self._arriving_arrow(route, arriving, placed[arriving.key], layout))
        return dataclasses.replace(layout, arrows=tuple(arrows))

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
        """Interval colouring: shorter spans take the lanes nearer the symbols.

        Each lane keeps its spans sorted, so a span fits a lane when it keeps
        clear of its two neighbours there.  A route finding none of the
        ``max_lanes`` lanes free is cut.
        """
        for side in (Side.LEFT, Side.RIGHT):
            lanes: list[list[tuple[float, float]]] = []
            for route in sorted(
                self._side_routes(routes, side),
                key=lambda route: (abs(route.target - route.source), route.source),
            ):
                span = self._span(route)
                lane = next((i for i, spans in enumerate(lanes) if _fits(spans, span)), None)
                if lane is None and len(lanes) < self.style.max_lanes:
                    lanes.append([])
                    lane = len(lanes) - 1
                if lane is None:
                    route.cut = True
                else:
                    insort(lanes[lane], span)
                    route.lane = lane

    def _lane_count(self, routes: list[_Route], side: Side) -> int:
        lanes = (route.lane for route in self._side_routes(routes, side) if not route.cut)
        return 1 + max(lanes, default=-1)

    def _connector_pairs(
        self, routes: list[_Route], letters: Iterator[str]
    ) -> dict[int, tuple[_GutterConnector, _GutterConnector]]:
        """The connectors of each cut route: one leaving beside its source, one arriving.

        Cut routes into the same side of one symbol share the arriving
        connector, and its letter.  Letters go down the rows.
        """
        groups: dict[tuple[int, Side], list[_Route]] = {}
        for route in routes:
            if route.cut:
                groups.setdefault((route.target, route.entry_side), []).append(route)

        def first_row(group: tuple[tuple[int, Side], list[_Route]]) -> tuple[int, Side]:
            (target, side), cut = group
            return min(target, *(route.source for route in cut)), side

        pairs = {}
        for (target, side), group in sorted(groups.items(), key=first_row):
            letter = next(letters)
            arriving = _GutterConnector(ConnectorKey(letter, True), target, side, group[0].entry_y)
            for index, route in enumerate(group):
                leaving = _GutterConnector(
                    ConnectorKey(letter, False, index), route.source, route.exit_side, route.exit_y
                )
                pairs[id(route)] = (leaving, arriving)
        return pairs

    def _connector_zone(self, lanes: int) -> float:
        """How far from the actor columns the gutter's connectors start."""
        if not lanes:
            return self.style.gutter_padding
        return 2 * self.style.gutter_padding + (lanes - 1) * self.style.lane_gap

    def _gutter_width(
        self, routes: list[_Route], connectors: list[_GutterConnector], side: Side
    ) -> float:
        lanes = self._lane_count(routes, side)
        beside = _connectors_by_row(connectors, side)
        slots = max((len(row) for row in beside.values()), default=0)
        if not slots:
            return self._connector_zone(lanes) if lanes else self.style.gutter_padding
        style = self.style
        return (
            self._connector_zone(lanes)
            + slots * style.connector_size
            + (slots - 1) * style.lane_gap
            + style.gutter_padding
        )

    def _place_connectors(
        self, routes: list[_Route], connectors: list[_GutterConnector], layout: Layout
    ) -> dict[ConnectorKey, PlacedSymbol]:
        """Side by side at the outer edge of the gutter, the lowest arrow's nearest.

        An arrow to a farther connector passes above the nearer ones: each
        connector's top is a little above its arrow, less than the height
        between two arrows.
        """
        style = self.style
        size = style.connector_size
        placed = {}
        for side in (Side.LEFT, Side.RIGHT):
            zone = self._connector_zone(self._lane_count(routes, side))
            for row_index, beside in _connectors_by_row(connectors, side).items():
                beside.sort(key=lambda connector: -connector.y)
                gaps = [lower.y - upper.y for lower, upper in itertools.pairwise(beside)]
                depth = min([size / 2, *(0.8 * gap for gap in gaps)])
                row = layout.rows[row_index]
                for slot, connector in enumerate(beside):
                    offset = zone + slot * (size + style.lane_gap)
                    if side is Side.RIGHT:
                        x = layout.width - layout.right_gutter + offset
                    else:
                        x = layout.left_gutter - offset - size
                    top = min(max(connector.y - depth, row.top), row.bottom - size)
                    column = 0 if side is Side.LEFT else self.column_count - 1
                    node = Node(connector.key, Symbol.CONNECTOR, column, column)
                    placed[connector.key] = PlacedSymbol(node, row_index, Box(x, top, size, size))
        return placed

    # arrows

    def _arrow(self, route: _Route, layout: Layout) -> Arrow:
        source, target = layout.symbols[route.source], layout.symbols[route.target]
        if route.exit_side is Side.BOTTOM:
            points = self._down_route(source, target, layout)
        else:
            points = self._lane_route(route, source, target, layout)
        return Arrow(route.link, tuple(points), route.exit_side, route.entry_side)

    def _leaving_arrow(self, route: _Route, connector: PlacedSymbol, layout: Layout) -> Arrow:
        """A cut route from its source straight out to its leaving connector."""
        source = layout.symbols[route.source]
        inner = Side.LEFT if route.exit_side is Side.RIGHT else Side.RIGHT
        y = route.exit_y
        start = Point(source.border_x(route.exit_side, y), y)
        end = Point(connector.border_x(inner, y), y)
        link = Link(route.link.source, connector.node.key, route.link.branch)
        return Arrow(link, (start, end), route.exit_side, inner)

    def _arriving_arrow(
        self, route: _Route, arriving: _GutterConnector, connector: PlacedSymbol, layout: Layout
    ) -> Arrow:
        """From an arriving connector straight in to the cut route's target."""
        target = layout.symbols[route.target]
        inner = Side.LEFT if route.entry_side is Side.RIGHT else Side.RIGHT
        y = arriving.y
        start = Point(connector.border_x(inner, y), y)
        end = Point(target.border_x(route.entry_side, y), y)
        return Arrow(
            Link(connector.node.key, route.link.target), (start, end), inner, route.entry_side
        )

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


def _fits(spans: list[tuple[float, float]], span: tuple[float, float]) -> bool:
    """Whether ``span`` keeps clear of the sorted, disjoint ``spans`` of a lane."""
    index = bisect(spans, span)
    low, high = span
    before = index == 0 or spans[index - 1][1] + 4 < low
    after = index == len(spans) or spans[index][0] - 4 > high
    return before and after


def _connectors_by_row(
    connectors: list[_GutterConnector], side: Side
) -> dict[int, list[_GutterConnector]]:
    rows: dict[int, list[_GutterConnector]] = {}
    for connector in connectors:
        if connector.side is side:
            rows.setdefault(connector.row, []).append(connector)
    return rows

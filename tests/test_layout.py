"""Geometry of the flowchart layout model, and its paging."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_sop.core.model import Procedure
from sphinxcontrib_sop.core.steps import RawRow, RawTable, read_step_table
from sphinxcontrib_sop.layout.geometry import Point, Side, Style, Symbol
from sphinxcontrib_sop.layout.grid import (
    Arrow,
    ConnectorKey,
    Layout,
    PlacedSymbol,
    StepKey,
    lay_out_procedure,
)
from sphinxcontrib_sop.layout.paging import paginate

HEADER = ("No", "Kegiatan", "Pelaksana", "Alur")


def procedure(rows, actors=("A", "B", "C")) -> Procedure:
    table = RawTable(HEADER, tuple(RawRow(row, index) for index, row in enumerate(rows, 10)), 9)
    read = read_step_table(table, actors)
    return Procedure(id="p", title="P", actors=read.actors, steps=read.steps)


#: Surat masuk, with a "Tidak" loop back, a forward jump and a two-actor step.
MAIL = procedure(
    [
        ("1", "Receive", "A", ""),
        ("2", "Check", "B", "Ya: 3, Tidak: 1"),
        ("3", "Register", "A", ""),
        ("4", "Decide", "C", "Ya: 5, Tidak: 7"),
        ("5", "Send", "A, B", ""),
        ("6", "File", "C", "Selesai"),
        ("7", "Return", "A", "2"),
    ]
)


def inside(symbol: PlacedSymbol, point: Point, margin: float = 0.75) -> bool:
    """Whether ``point`` lies inside the symbol's shape shrunk by ``margin`` (grown if < 0)."""
    box = symbol.box
    dx, dy = abs(point.x - box.cx), abs(point.y - box.cy)
    half_width, half_height = box.width / 2 - margin, box.height / 2 - margin
    if half_width <= 0 or half_height <= 0:
        return False
    shape = symbol.node.symbol
    if shape is Symbol.DECISION:
        return dx / half_width + dy / half_height < 1
    if shape is Symbol.TERMINATOR:
        straight = box.width / 2 - box.height / 2
        if dx <= straight:
            return dy < half_height
        return ((dx - straight) ** 2 + dy**2) ** 0.5 < half_height
    if shape is Symbol.CONNECTOR:
        shoulder = box.y + box.height * 0.6
        if point.y <= shoulder:
            return dx < half_width and point.y > box.y + margin
        reach = (box.width / 2) * (box.bottom - point.y) / (box.bottom - shoulder)
        return dx < reach - margin and point.y < box.bottom - margin
    return dx < half_width and dy < half_height


def drawn_edges(layout: Layout) -> Counter:
    """Each way from one step to another the arrows draw, through the connectors of cut arrows."""
    onward = {
        arrow.link.source.letter: arrow.link.target
        for arrow in layout.arrows
        if isinstance(arrow.link.source, ConnectorKey)
    }
    return Counter(
        (
            arrow.link.source,
            onward[target.letter]
            if isinstance(target := arrow.link.target, ConnectorKey)
            else target,
            arrow.link.branch,
        )
        for arrow in layout.arrows
        if not isinstance(arrow.link.source, ConnectorKey)
    )


def edges(generated: Procedure) -> Counter:
    return Counter((StepKey(e.source), StepKey(e.target), e.branch) for e in generated.edges)


def lanes(layout: Layout, side: Side) -> set[float]:
    """The x of every vertical line in the gutter on ``side``."""
    right_edge = layout.width - layout.right_gutter
    return {
        start.x
        for arrow in layout.arrows
        for start, end in arrow.segments
        if start.x == end.x
        and (start.x > right_edge if side is Side.RIGHT else start.x < layout.left_gutter)
    }


def on_border(symbol: PlacedSymbol, point: Point) -> bool:
    """Whether ``point`` is on the outline of the symbol (within about half a pixel)."""
    return inside(symbol, point, margin=-0.6) and not inside(symbol, point, margin=0.6)


def samples(start: Point, end: Point, step: float = 0.5):
    length = abs(end.x - start.x) + abs(end.y - start.y)
    count = max(int(length / step), 1)
    for index in range(1, count):
        fraction = index / count
        yield Point(start.x + (end.x - start.x) * fraction, start.y + (end.y - start.y) * fraction)


def check_geometry(layout: Layout) -> None:
    """The invariants every layout must hold."""
    symbols = layout.symbols
    for first, second in itertools.combinations(symbols, 2):
        a, b = first.box, second.box
        assert a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y, (
            first,
            second,
        )
    by_key = {symbol.node.key: symbol for symbol in symbols}
    row_edges = {row.top for row in layout.rows} | {row.bottom for row in layout.rows}
    for arrow in layout.arrows:
        source, target = by_key[arrow.link.source], by_key[arrow.link.target]
        assert on_border(source, arrow.points[0]), arrow
        assert on_border(target, arrow.points[-1]), arrow
        for start, end in arrow.segments:
            assert start.x == end.x or start.y == end.y, f"not orthogonal: {arrow}"
            if start.y == end.y:
                assert start.y not in row_edges, f"turns on a row edge: {arrow}"
            for point in samples(start, end):
                for symbol in symbols:
                    assert not inside(symbol, point), f"{arrow.link} crosses {symbol.node.key}"
    for first, second in itertools.combinations(layout.arrows, 2):
        for (a1, a2), (b1, b2) in itertools.product(first.segments, second.segments):
            assert not overlap(a1, a2, b1, b2), (first.link, second.link)


def overlap(a1: Point, a2: Point, b1: Point, b2: Point) -> bool:
    """Whether two orthogonal segments run along each other for more than a point."""
    if a1.y == a2.y == b1.y == b2.y:
        low, high = max(min(a1.x, a2.x), min(b1.x, b2.x)), min(max(a1.x, a2.x), max(b1.x, b2.x))
        return high - low > 0.5
    if a1.x == a2.x == b1.x == b2.x:
        low, high = max(min(a1.y, a2.y), min(b1.y, b2.y)), min(max(a1.y, a2.y), max(b1.y, b2.y))
        return high - low > 0.5
    return False


def test_one_row_per_step_and_symbols_in_their_actor_columns():
    layout = lay_out_procedure(MAIL)
    assert [symbol.node.step for symbol in layout.symbols] == [1, 2, 3, 4, 5, 6, 7]
    kinds = [symbol.node.symbol for symbol in layout.symbols]
    assert kinds == [
        Symbol.TERMINATOR, Symbol.DECISION, Symbol.PROCESS, Symbol.DECISION,
        Symbol.PROCESS, Symbol.TERMINATOR, Symbol.PROCESS,
    ]  # fmt: skip
    width = layout.style.column_width
    for symbol in layout.symbols:
        left = layout.column_left(symbol.node.first_column)
        right = layout.column_left(symbol.node.last_column) + width
        assert left < symbol.box.x < symbol.box.right < right
    two_actors = layout.symbols[4]
    assert (two_actors.node.first_column, two_actors.node.last_column) == (0, 1)
    assert two_actors.box.width > width  # the symbol spans both columns


def test_geometry_of_a_realistic_flowchart():
    layout = lay_out_procedure(MAIL)
    check_geometry(layout)
    assert len(layout.arrows) == len(MAIL.edges) == 8


def test_decisions_have_two_labelled_exits():
    layout = lay_out_procedure(MAIL)
    for symbol in layout.symbols:
        if symbol.node.symbol is Symbol.DECISION:
            exits = [arrow for arrow in layout.arrows if arrow.link.source == symbol.node.key]
            assert sorted(arrow.link.branch for arrow in exits) == ["Tidak", "Ya"]
            assert len({arrow.exit_side for arrow in exits}) == 2


def test_loop_back_and_jump_run_in_separate_gutter_lanes():
    layout = lay_out_procedure(MAIL)
    lane_arrows = [arrow for arrow in layout.arrows if arrow.exit_side is not Side.BOTTOM]
    assert {(a.link.source, a.link.target) for a in lane_arrows} == {
        (StepKey(2), StepKey(1)),  # Tidak: back up
        (StepKey(4), StepKey(7)),  # Tidak: forward over two rows
        (StepKey(7), StepKey(2)),  # a jump back
    }
    right_edge = layout.width - layout.right_gutter
    for arrow in lane_arrows:
        lane_x = arrow.points[1].x
        assert lane_x > right_edge  # in the gutter, beside every symbol
    spans = {}
    for arrow in lane_arrows:
        low, high = sorted((arrow.points[1].y, arrow.points[2].y))
        spans.setdefault(arrow.points[1].x, []).append((low, high))
    for intervals in spans.values():  # arrows sharing a lane never overlap in height
        for (low1, high1), (low2, high2) in itertools.combinations(intervals, 2):
            assert high1 < low2 or high2 < low1


def test_arrows_between_consecutive_rows_go_down():
    layout = lay_out_procedure(MAIL)
    arrow = next(
        a for a in layout.arrows if (a.link.source, a.link.target) == (StepKey(1), StepKey(2))
    )
    assert (arrow.exit_side, arrow.entry_side) == (Side.BOTTOM, Side.TOP)
    assert arrow.points[0].y < arrow.points[-1].y
    assert arrow.points[-1].y == layout.symbols[1].box.y


def test_many_arrows_into_one_symbol_get_distinct_ports():
    many = procedure(
        [
            ("1", "Start", "A", ""),
            ("2", "Hub", "B", ""),
            ("3", "Ask", "C", "Ya: 4, Tidak: 2"),
            ("4", "Ask", "A", "Ya: 5, Tidak: 2"),
            ("5", "Ask", "B", "Ya: 6, Tidak: 2"),
            ("6", "End", "C", ""),
        ]
    )
    layout = lay_out_procedure(many)
    check_geometry(layout)
    into_hub = [
        a for a in layout.arrows if a.link.target == StepKey(2) and a.entry_side is not Side.TOP
    ]
    assert len({arrow.points[-1].y for arrow in into_hub}) == len(into_hub) == 3


def flows(draw, count: int) -> list[str]:
    cells = []
    for number in range(1, count + 1):
        choice = draw(st.sampled_from(["next", "goto", "decision", "end"]))
        others = [n for n in range(1, count + 1) if n != number] or [number]
        if choice == "goto":
            cells.append(str(draw(st.sampled_from(others))))
        elif choice == "decision" and len(others) > 1:
            yes, no = draw(st.lists(st.sampled_from(others), min_size=2, max_size=2, unique=True))
            cells.append(f"Ya: {yes}, Tidak: {no}")
        elif choice == "end":
            cells.append("Selesai")
        else:
            cells.append("")
    return cells


@st.composite
def random_procedures(draw) -> Procedure:
    count = draw(st.integers(min_value=1, max_value=14))
    actors = ("A", "B", "C", "D")
    rows = []
    for number, flow in zip(range(1, count + 1), flows(draw, count), strict=True):
        performers = draw(st.lists(st.sampled_from(actors), min_size=1, max_size=2, unique=True))
        rows.append((str(number), f"Step {number}", ", ".join(performers), flow))
    return procedure(rows, actors)


@settings(max_examples=150, deadline=None)
@given(random_procedures())
def test_geometry_holds_for_any_flow(generated: Procedure):
    layout = lay_out_procedure(generated)
    check_geometry(layout)
    assert drawn_edges(layout) == edges(generated)


@settings(max_examples=60, deadline=None)
@given(random_procedures(), st.integers(min_value=0, max_value=2))
def test_geometry_holds_when_the_gutters_are_crowded(generated: Procedure, max_lanes: int):
    layout = lay_out_procedure(generated, Style(max_lanes=max_lanes))
    check_geometry(layout)
    assert drawn_edges(layout) == edges(generated)
    assert len(lanes(layout, Side.LEFT)) <= max_lanes
    assert len(lanes(layout, Side.RIGHT)) <= max_lanes


#: Three loops back, each around the one before.
NESTED = procedure(
    [
        ("1", "Start", "A", ""),
        ("2", "Prepare", "B", ""),
        ("3", "Check", "C", ""),
        ("4", "Work", "A", ""),
        ("5", "Ask", "B", "Ya: 6, Tidak: 3"),
        ("6", "Ask", "C", "Ya: 7, Tidak: 2"),
        ("7", "Ask", "A", "Ya: 8, Tidak: 1"),
        ("8", "End", "B", ""),
    ]
)


def test_an_arrow_finding_no_free_lane_runs_to_a_pair_of_connectors():
    layout = lay_out_procedure(NESTED, Style(max_lanes=2))
    check_geometry(layout)
    assert len(lanes(layout, Side.RIGHT)) == 2  # the two shorter loops
    leaving = next(
        a for a in layout.arrows if a.link.source == StepKey(7) and a.link.branch == "Tidak"
    )
    arriving = next(a for a in layout.arrows if a.link.target == StepKey(1))
    assert leaving.link.target == ConnectorKey("A", arriving=False)
    assert arriving.link.source == ConnectorKey("A", arriving=True)
    # Each runs straight across the gutter, in the row of its step, beyond every lane.
    for arrow, step in ((leaving, StepKey(7)), (arriving, StepKey(1))):
        end = next(key for key in (arrow.link.source, arrow.link.target) if key != step)
        connector = layout.symbol(end)
        assert connector.node.symbol is Symbol.CONNECTOR
        assert connector.row == layout.symbol(step).row
        assert len(arrow.points) == 2
        assert arrow.points[0].y == arrow.points[1].y
        assert connector.box.x > max(lanes(layout, Side.RIGHT))


def test_arrows_cut_into_one_step_share_its_connector():
    layout = lay_out_procedure(NESTED, Style(max_lanes=0))
    check_geometry(layout)
    assert not lanes(layout, Side.LEFT) | lanes(layout, Side.RIGHT)
    connectors = [s.node.key for s in layout.symbols if s.node.symbol is Symbol.CONNECTOR]
    assert sorted((key.letter, key.arriving) for key in connectors) == [
        ("A", False), ("A", True), ("B", False), ("B", True), ("C", False), ("C", True)
    ]  # fmt: skip
    shared = procedure(
        [("1", "Start", "A", ""), ("2", "Ask", "B", "Ya: 3, Tidak: 1"),
         ("3", "Ask", "C", "Ya: 4, Tidak: 1"), ("4", "End", "A", "")]
    )  # fmt: skip
    layout = lay_out_procedure(shared, Style(max_lanes=0))
    check_geometry(layout)
    into_first = [a for a in layout.arrows if a.link.target == StepKey(1)]
    assert [a.link.source for a in into_first] == [ConnectorKey("A", arriving=True)]
    leaving = [a.link.target for a in layout.arrows if a.link.branch == "Tidak"]
    assert leaving == [ConnectorKey("A", False, 0), ConnectorKey("A", False, 1)]
    assert drawn_edges(layout) == edges(shared)


# -- paging ----------------------------------------------------------------------


LONG = procedure(
    [
        ("1", "Start", "A", ""),
        ("2", "Prepare", "B", ""),
        ("3", "Check", "C", "Ya: 4, Tidak: 2"),  # a loop back, maybe across a break
        ("4", "Route", "A", "Ya: 5, Tidak: 9"),  # exits landing on different pages
        ("5", "Work", "B", ""),
        ("6", "Work more", "C", ""),
        ("7", "Work again", "A", ""),
        ("8", "Review", "B", ""),
        ("9", "Finish", "C", ""),
    ]
)


def connector_labels(page) -> tuple[list[str], list[str]]:
    """Letters of the connectors above the first step and below the last one."""
    rows = page.layout.rows
    first_step = next(i for i, row in enumerate(rows) if row.node.symbol is not Symbol.CONNECTOR)
    last_step = max(i for i, row in enumerate(rows) if row.node.symbol is not Symbol.CONNECTOR)
    above = [row.node.text for row in rows[:first_step]]
    below = [row.node.text for row in rows[last_step + 1 :]]
    assert all(
        row.node.symbol is Symbol.CONNECTOR for row in rows[:first_step] + rows[last_step + 1 :]
    )
    assert all(row.node.symbol is not Symbol.CONNECTOR for row in rows[first_step : last_step + 1])
    return above, below


def test_pages_hold_consecutive_steps_within_the_height():
    style = lay_out_procedure(LONG).style
    height = 3 * style.row_height + 3 * style.connector_row_height
    pages = paginate(LONG, height)
    assert [step for page in pages for step in page.steps] == list(range(1, 10))
    assert len(pages) > 2
    for page in pages:
        assert page.layout.height <= height or len(page.steps) == 1
        check_geometry(page.layout)


@pytest.mark.parametrize("steps_per_page", [2, 3, 4])
def test_each_arrow_across_a_break_gets_one_pair_of_connectors(steps_per_page):
    style = lay_out_procedure(LONG).style
    pages = paginate(LONG, steps_per_page * style.row_height + 6 * style.connector_row_height)
    page_of = {step: index for index, page in enumerate(pages) for step in page.steps}
    ends: dict[tuple[str, bool], tuple[int, str, Arrow]] = {}  # page, above/below, arrow
    for index, page in enumerate(pages):
        above, _ = connector_labels(page)
        for arrow in page.layout.arrows:
            for key in (arrow.link.source, arrow.link.target):
                if isinstance(key, ConnectorKey):
                    where = "above" if key.letter in above else "below"
                    assert (key.letter, key.arriving) not in ends
                    ends[key.letter, key.arriving] = (index, where, arrow)
    assert not connector_labels(pages[0])[0]
    assert not connector_labels(pages[-1])[1]
    crossing = [e for e in LONG.edges if page_of[e.source] != page_of[e.target]]
    letters = {letter for letter, _ in ends}
    assert len(letters) == len(crossing)
    for letter in letters:
        leaves, leaving, into = ends[letter, False]
        arrives, arriving, out = ends[letter, True]
        source, target = into.link.source.number, out.link.target.number
        assert (leaves, arrives) == (page_of[source], page_of[target])
        down = arrives > leaves  # a loop back leaves from the top, arrives at the bottom
        assert (leaving, arriving) == (("below", "above") if down else ("above", "below"))


def test_arrow_jumping_over_a_page_is_not_drawn_on_it():
    jump = procedure(
        [("1", "Start", "A", "Ya: 2, Tidak: 6"), ("2", "B", "B", ""), ("3", "C", "C", ""),
         ("4", "D", "A", ""), ("5", "E", "B", "Selesai"), ("6", "F", "C", "")]
    )  # fmt: skip
    style = Style(connector_row_height=20)
    pages = paginate(jump, 2 * style.row_height + 4 * style.connector_row_height, style)
    assert [page.steps for page in pages] == [(1, 2), (3, 4), (5, 6)]
    tidak = next(a for a in pages[0].layout.arrows if a.link.branch == "Tidak")
    assert isinstance(tidak.link.target, ConnectorKey)
    # The middle page has only the connectors carrying the flow from 2 to 3 and on to 5.
    above, below = connector_labels(pages[1])
    assert len(above) == len(below) == 1
    assert tidak.link.target.letter not in above + below
    into_six = next(a for a in pages[2].layout.arrows if a.link.target == StepKey(6))
    assert into_six.link.source == ConnectorKey(tidak.link.target.letter, arriving=True)


def test_loop_back_across_a_break_leaves_from_the_top():
    style = lay_out_procedure(LONG).style
    pages = paginate(LONG, 2 * style.row_height + 2 * style.connector_row_height)
    page_of_three = next(page for page in pages if 3 in page.steps)
    assert 2 not in page_of_three.steps  # the loop back to step 2 crosses a break
    loop = next(a for a in page_of_three.layout.arrows if a.link.branch == "Tidak")
    connector = page_of_three.layout.symbol(loop.link.target)
    assert connector.node.symbol is Symbol.CONNECTOR
    assert connector.row < page_of_three.layout.symbol(StepKey(3)).row
    page_of_two = next(page for page in pages if 2 in page.steps)
    arrival = next(a for a in page_of_two.layout.arrows if a.link.target == StepKey(2)
                   and isinstance(a.link.source, ConnectorKey))  # fmt: skip
    assert page_of_two.layout.symbol(arrival.link.source).node.text == connector.node.text


def test_arrows_cut_on_a_page_get_letters_of_their_own():
    style = Style(max_lanes=0)  # every arrow leaving by a side is cut
    pages = paginate(LONG, 4 * style.row_height + 4 * style.connector_row_height, style)
    arriving = [
        symbol.node.key.letter
        for page in pages
        for symbol in page.layout.symbols
        if isinstance(symbol.node.key, ConnectorKey) and symbol.node.key.arriving
    ]
    assert len(arriving) > len(pages)  # pairs across the breaks and pairs in the gutters
    assert len(arriving) == len(set(arriving))


def test_decision_exits_on_different_pages():
    style = lay_out_procedure(LONG).style
    pages = paginate(LONG, 4 * style.row_height + 4 * style.connector_row_height)
    page = next(page for page in pages if 4 in page.steps)
    exits = {
        a.link.branch: a.link.target for a in page.layout.arrows if a.link.source == StepKey(4)
    }
    assert set(exits) == {"Ya", "Tidak"}
    assert isinstance(exits["Tidak"], ConnectorKey)  # step 9 is on a later page

"""Building the steps of an SOP from the rows of its step table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .columns import Column, ColumnMap, accepted_headers, map_columns
from .durations import header_unit, parse_duration, time_with_unit
from .flow import FlowError, WrittenFlow, parse_flow
from .model import Exit, Flow, Step, StepKind
from .options import UNSET_VALUES, split_actors
from .problems import Problem


@dataclass(frozen=True)
class RawRow:
    """The text of each cell of one table row, and the row's source line."""

    cells: tuple[str, ...]
    line: int | None = None


@dataclass(frozen=True)
class RawTable:
    """A step table as plain text: header cells and body rows."""

    header: tuple[str, ...]
    rows: tuple[RawRow, ...]
    line: int | None = None


@dataclass
class StepTable:
    """The steps read from a table, its actor columns and the problems found.

    ``steps`` is empty when the table cannot be read as a step table (a
    required column is missing); the caller then keeps the table as written.
    """

    columns: ColumnMap
    steps: tuple[Step, ...] = ()
    actors: tuple[str, ...] = ()
    problems: list[Problem] = field(default_factory=list)


_STEP_NUMBER = re.compile(r"(\d{1,9})\.?")


def read_step_table(
    table: RawTable, declared_actors: tuple[str, ...] = (), actors_line: int | None = None
) -> StepTable:
    """Read ``table`` into steps; ``declared_actors`` is the ``:actors:`` order.

    ``actors_line`` is where ``:actors:`` is written, for its problems.
    """
    columns = map_columns(table.header)
    result = StepTable(columns)
    _check_header(table, columns, result.problems)
    if columns.missing:
        return result
    if not table.rows:
        result.problems.append(
            Problem("the step table has a header but no steps: add one row per step", table.line)
        )
        return result
    rows = [_RowReader(table, columns, row, position) for position, row in enumerate(table.rows)]
    numbers = [reader.number(result.problems) for reader in rows]
    _check_unique_numbers(numbers, rows, result.problems)
    written_flows = [reader.flow(result.problems) for reader in rows]
    flows = _resolve_flows(rows, numbers, written_flows, result.problems)
    actors_per_step = [reader.actors(result.problems) for reader in rows]
    result.actors, canonical = _order_actors(
        declared_actors, actors_per_step, rows, actors_line or table.line, result.problems
    )
    unit = header_unit(columns.qualifiers.get(Column.TIME, ""))
    result.steps = tuple(
        Step(
            number=number,
            activity=reader.text(Column.ACTIVITY),
            actors=tuple(canonical[actor.casefold()] for actor in actors),
            requirements=reader.text(Column.REQUIREMENTS),
            time=time_with_unit(reader.text(Column.TIME), unit),
            duration=parse_duration(reader.text(Column.TIME), unit),
            output=reader.text(Column.OUTPUT),
            notes=reader.notes(),
            flow=flow,
            kind=_kind(position, flow),
            line=reader.line,
        )
        for position, (reader, number, flow, actors) in enumerate(
            zip(rows, numbers, flows, actors_per_step, strict=True)
        )
    )
    return result


def _check_header(table: RawTable, columns: ColumnMap, problems: list[Problem]) -> None:
    # Without a required column the table is shown as written, not as steps.
    meanwhile = (
        "the table is shown as written meanwhile"
        if columns.missing
        else "its cells are shown under Keterangan meanwhile"
    )
    for column in columns.missing:
        problems.append(
            Problem(
                f"the step table has no {column.value} column: add a column headed "
                f"{accepted_headers(column)} (the table is shown as written meanwhile)",
                table.line,
            )
        )
    for position in columns.unknown:
        problems.append(
            Problem(
                f"unknown column {table.header[position]!r} in the step table: rename it to "
                f"a known header (see 'The step table' in the user guide); {meanwhile}",
                table.line,
            )
        )
    for position in columns.repeated:
        problems.append(
            Problem(
                f"the column {table.header[position]!r} repeats another column's meaning: "
                f"merge the two; {meanwhile}",
                table.line,
            )
        )


class _RowReader:
    """Reads the cells of one row through the column map."""

    def __init__(self, table: RawTable, columns: ColumnMap, row: RawRow, position: int) -> None:
        self.table = table
        self.columns = columns
        self.row = row
        self.position = position
        self.line = row.line if row.line is not None else table.line

    def text(self, column: Column) -> str:
        index = self.columns.index.get(column)
        if index is None or index >= len(self.row.cells):
            return ""
        text = self.row.cells[index]
        return "" if text in UNSET_VALUES else text

    def number(self, problems: list[Problem]) -> int:
        fallback = self.position + 1
        if Column.NUMBER not in self.columns.index:
            return fallback
        text = self.text(Column.NUMBER)
        if match := _STEP_NUMBER.fullmatch(text.strip()):
            return int(match[1])
        what = f"{text!r} is not a step number" if text.strip() else "the step has no number"
        problems.append(
            Problem(f"{what}: write a whole number in the No column (using {fallback})", self.line)
        )
        return fallback

    def flow(self, problems: list[Problem]) -> WrittenFlow:
        try:
            return parse_flow(self.text(Column.FLOW))
        except FlowError as error:
            problems.append(
                Problem(f"{error} (the step goes on to the next row)", self.line, "flow")
            )
            return WrittenFlow()

    def actors(self, problems: list[Problem]) -> tuple[str, ...]:
        actors = tuple(split_actors(self.text(Column.ACTORS)))
        if not actors:
            problems.append(
                Problem("the step names no actor: write who performs it in Pelaksana", self.line)
            )
        return actors

    def notes(self) -> str:
        extra = [
            f"{self.table.header[index]}: {self.row.cells[index]}"
            for index in (*self.columns.unknown, *self.columns.repeated)
            if index < len(self.row.cells) and self.row.cells[index]
        ]
        return "; ".join(part for part in (self.text(Column.NOTES), *extra) if part)


def _check_unique_numbers(
    numbers: list[int], rows: list[_RowReader], problems: list[Problem]
) -> None:
    seen: set[int] = set()
    for number, reader in zip(numbers, rows, strict=True):
        if number in seen:
            problems.append(
                Problem(
                    f"step number {number} is used twice: number each step once "
                    "(flows to it go to the first)",
                    reader.line,
                )
            )
        seen.add(number)


def _resolve_flows(
    rows: list[_RowReader],
    numbers: list[int],
    written: list[WrittenFlow],
    problems: list[Problem],
) -> list[Flow]:
    """Turn each written flow into explicit exits; drop exits that lead nowhere."""
    existing = set(numbers)
    flows = []
    for position, (reader, number, flow) in enumerate(zip(rows, numbers, written, strict=True)):
        text = reader.text(Column.FLOW)
        exits = tuple(
            _valid_exit(way_out, number, existing, reader.line, problems) for way_out in flow.exits
        )
        kept = tuple(way_out for way_out in exits if way_out is not None)
        if flow.ends:
            flows.append(Flow(text, (), ends=True))
        elif kept:
            flows.append(Flow(text, kept))
        elif (following := _next_number(numbers, position)) is not None:
            flows.append(Flow(text, (Exit(following),)))
        else:
            flows.append(Flow(text, (), ends=True))
    return flows


def _next_number(numbers: list[int], position: int) -> int | None:
    """The step the row at ``position`` goes on to by default: the next row's step.

    A row repeating its predecessor's number (already a warning) is skipped, so
    a step never goes on to itself; ``None`` after the last step.
    """
    return next((number for number in numbers[position + 1 :] if number != numbers[position]), None)


def _valid_exit(
    way_out: Exit, number: int, existing: set[int], line: int | None, problems: list[Problem]
) -> Exit | None:
    where = f"the exit {way_out.branch!r}" if way_out.branch else "the flow"
    if way_out.target not in existing:
        problems.append(
            Problem(
                f"{where} of step {number} goes to step {way_out.target}, which does not exist: "
                "write the number of a step in this table",
                line,
                "flow",
            )
        )
        return None
    if way_out.target == number:
        problems.append(
            Problem(
                f"{where} of step {number} goes back to step {number} itself: point it to the "
                "step that follows or repeats the work",
                line,
                "flow",
            )
        )
        return None
    return way_out


def _kind(position: int, flow: Flow) -> StepKind:
    if flow.is_decision:
        return StepKind.DECISION
    if position == 0:
        return StepKind.START
    return StepKind.END if flow.ends else StepKind.PROCESS


def _order_actors(
    declared: tuple[str, ...],
    per_step: list[tuple[str, ...]],
    rows: list[_RowReader],
    actors_line: int | None,
    problems: list[Problem],
) -> tuple[tuple[str, ...], dict[str, str]]:
    """The actor columns in order, and each actor's spelling keyed by casefold."""
    canonical: dict[str, str] = {}
    for actor in declared:
        canonical.setdefault(actor.casefold(), actor)
    used: set[str] = set()
    for actors, reader in zip(per_step, rows, strict=True):
        for actor in actors:
            key = actor.casefold()
            used.add(key)
            if key not in canonical:
                canonical[key] = actor
                if declared:
                    problems.append(
                        Problem(
                            f"the actor {actor!r} is not listed in :actors:: add it there "
                            "(it gets a column after the listed ones meanwhile)",
                            reader.line,
                            "actors",
                        )
                    )
    for key, actor in canonical.items():
        if key not in used:
            problems.append(
                Problem(
                    f"the actor {actor!r} listed in :actors: performs no step: remove it or "
                    "check the spelling in the Pelaksana column",
                    actors_line,
                    "actors",
                )
            )
    return tuple(canonical.values()), canonical

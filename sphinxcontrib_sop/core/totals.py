"""The total service time of a procedure: the *Jumlah waktu* that closes a flowchart sheet.

The *Waktu* of the steps is added up along the procedure, from its first step
to a step that ends it.  A procedure with decisions has several such paths:
the total is the shortest and the longest of them, each going round a loop at
most once — the arrows that go back (*Tidak → 1*) are not followed.  Those are
the back edges of a depth-first search from the first step, so what remains
is acyclic, and both paths are found in one pass over it in topological order:
time linear in the steps and arrows, however many paths there are.

Units are never converted into one another: a sum keeps its clock time
(seconds, minutes and hours), working days, calendar days (a week is seven
days) and months apart, and prints each.  Only to *choose* between paths of
different units is a sum weighed as one number (:data:`WEIGHTS`).  A step
whose time is empty or cannot be read counts as nothing, and is named in the
note printed with the total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from .model import Duration, Procedure, Step, TimeUnit
from .wording import Labels, fill

#: Minutes of clock time in each clock unit.
CLOCK_MINUTES = {TimeUnit.SECOND: 1 / 60, TimeUnit.MINUTE: 1.0, TimeUnit.HOUR: 60.0}
#: How many minutes each part of a sum weighs when paths are compared, and only
#: then: a working day of 8 hours, a calendar day of 24 hours, a month of 30 days.
WEIGHTS = {"minutes": 1.0, "working_days": 8 * 60.0, "days": 24 * 60.0, "months": 30 * 24 * 60.0}
RANGE_DASH = "\N{EN DASH}"
#: The note's message for one step without a time, and for several.
NO_TIME_MESSAGES = ("no time for step {steps}", "no time for steps {steps}")


@dataclass(frozen=True)
class TimeSum:
    """A sum of step times, each kind of unit apart.

    ``minutes`` is the clock time (seconds, minutes and hours), ``days`` the
    calendar days (with weeks as seven days), ``working_days`` and ``months``
    as written.
    """

    minutes: float = 0.0
    working_days: float = 0.0
    days: float = 0.0
    months: float = 0.0

    @classmethod
    def of(cls, duration: Duration, longest: bool = False) -> TimeSum:
        """The time of one step: the low end of a range, or its high end for the ``longest``."""
        amount = duration.amount
        if longest and duration.amount_max is not None:
            amount = duration.amount_max
        unit = duration.unit
        if unit in CLOCK_MINUTES:
            return cls(minutes=amount * CLOCK_MINUTES[unit])
        if unit is TimeUnit.WORKING_DAY:
            return cls(working_days=amount)
        if unit is TimeUnit.WEEK:
            return cls(days=7 * amount)
        if unit is TimeUnit.MONTH:
            return cls(months=amount)
        return cls(days=amount)

    def __add__(self, other: TimeSum) -> TimeSum:
        return TimeSum(
            *(getattr(self, part.name) + getattr(other, part.name) for part in fields(self))
        )

    @property
    def weight(self) -> float:
        """The sum as one number of minutes (:data:`WEIGHTS`), for choosing a path only."""
        return sum(getattr(self, name) * weight for name, weight in WEIGHTS.items())

    @property
    def mixes_days(self) -> bool:
        """Whether the sum has both working days and calendar days."""
        return bool(self.working_days and self.days)

    @property
    def clock_only(self) -> bool:
        """Whether the sum is clock time alone: no working days, days or months."""
        return not (self.working_days or self.days or self.months)

    def text(self, labels: Labels) -> str:
        """``1 jam 35 menit``, ``2 hari kerja 3 jam``; ``2 hari kerja + 3 hari`` when both kinds
        of day occur, so the two are never read as one number."""
        dated = [
            _quantity(self.months, "month", "months", labels),
            _quantity(self.working_days, "working day", "working days", labels),
        ]
        calendar = [_quantity(self.days, "day", "days", labels), *_clock(self.minutes, labels)]
        if self.mixes_days:
            return f"{_join(dated)} + {_join(calendar)}"
        return _join([*dated, *calendar]) or f"0 {labels('minutes')}"


@dataclass(frozen=True)
class UnreadTime:
    """A step on a counted path whose time is empty (``text`` is ``""``) or cannot be read."""

    step: int
    text: str


@dataclass(frozen=True)
class TotalTime:
    """The total time of a procedure: along its shortest and its longest path.

    ``unread`` are the steps of either path whose time is not counted, in the
    order of the table.
    """

    shortest: TimeSum
    longest: TimeSum
    unread: tuple[UnreadTime, ...] = ()

    def text(self, labels: Labels) -> str:
        """``1 jam 35 menit``, or ``45 menit – 2 jam 10 menit`` when the paths differ."""
        shortest, longest = self.shortest.text(labels), self.longest.text(labels)
        return shortest if shortest == longest else f"{shortest} {RANGE_DASH} {longest}"

    def note(self, labels: Labels) -> str:
        """What the total leaves out, or ``""``: steps without a readable time, mixed days."""
        parts = []
        missing = [str(unread.step) for unread in self.unread if not unread.text]
        if missing:
            message = NO_TIME_MESSAGES[len(missing) > 1]
            parts.append(fill(labels(message), steps=", ".join(missing)))
        not_read = labels("“{time}” in step {step} not read")
        parts.extend(
            fill(not_read, time=unread.text, step=str(unread.step))
            for unread in self.unread
            if unread.text
        )
        note = f"{labels('at least')}: {'; '.join(parts)}" if parts else ""
        if self.shortest.mixes_days or self.longest.mixes_days:
            counted = labels("working days and calendar days are counted separately")
            note = f"{note}; {counted}" if note else counted
        return note

    @property
    def minutes(self) -> tuple[float, float] | None:
        """The shortest and longest total in minutes, when both are clock time alone."""
        if self.shortest.clock_only and self.longest.clock_only:
            return self.shortest.minutes, self.longest.minutes
        return None


def total_time(procedure: Procedure) -> TotalTime | None:
    """The total time of ``procedure``; ``None`` when no step on a path to an end has a time."""
    steps = _steps_by_number(procedure)
    if not steps:
        return None
    order, forward = _without_loops(procedure.steps[0].number, steps)
    shortest = _best_ways(order, forward, steps, longest=False)
    longest = _best_ways(order, forward, steps, longest=True)
    # The steps with a way to an end: those on a path from the first step to an end.
    if order[0] not in shortest or not any(steps[number].duration for number in shortest):
        return None
    paths = (_path(order[0], shortest, steps), _path(order[0], longest, steps))
    counted = {step.number for path in paths for step in path}
    unread = tuple(
        UnreadTime(number, " ".join(step.time.split()))
        for number, step in steps.items()
        if number in counted and step.duration is None
    )
    return TotalTime(_sum(paths[0], longest=False), _sum(paths[1], longest=True), unread)


def _steps_by_number(procedure: Procedure) -> dict[int, Step]:
    """Each step by its number, in table order; a repeated number means its first step."""
    steps: dict[int, Step] = {}
    for step in procedure.steps:
        steps.setdefault(step.number, step)
    return steps


def _targets(step: Step, steps: dict[int, Step]) -> list[int]:
    if step.flow.ends:
        return []
    return [way_out.target for way_out in step.flow.exits if way_out.target in steps]


def _ends(step: Step) -> bool:
    return step.flow.ends or not step.flow.exits


def _without_loops(start: int, steps: dict[int, Step]) -> tuple[list[int], dict[int, list[int]]]:
    """The steps reached from ``start`` in topological order, and their exits but the back edges.

    A depth-first search: an exit to a step still on the search's path goes
    back round a loop and is left out.
    """
    forward: dict[int, list[int]] = {start: []}
    on_path = {start}
    finished: list[int] = []
    stack = [(start, iter(_targets(steps[start], steps)))]
    while stack:
        number, targets = stack[-1]
        for target in targets:
            if target in on_path:
                continue
            forward[number].append(target)
            if target not in forward:
                forward[target] = []
                on_path.add(target)
                stack.append((target, iter(_targets(steps[target], steps))))
                break
        else:
            stack.pop()
            on_path.discard(number)
            finished.append(number)
    finished.reverse()
    return finished, forward


#: The best way on from each step: the weight of the rest of the path, and the next step.
Ways = dict[int, tuple[float, int | None]]


def _best_ways(
    order: list[int], forward: dict[int, list[int]], steps: dict[int, Step], longest: bool
) -> Ways:
    """From each step with a way to an end, the shortest (or ``longest``) way there."""
    best: Ways = {}
    for number in reversed(order):
        step = steps[number]
        ways: list[tuple[float, int | None]] = [(0.0, None)] if _ends(step) else []
        ways += [(best[target][0], target) for target in forward[number] if target in best]
        if not ways:
            continue
        rest, following = (max if longest else min)(ways, key=lambda way: way[0])
        own = TimeSum.of(step.duration, longest).weight if step.duration else 0.0
        best[number] = (own + rest, following)
    return best


def _path(start: int, best: Ways, steps: dict[int, Step]) -> list[Step]:
    path = []
    current: int | None = start
    while current is not None:
        path.append(steps[current])
        current = best[current][1]
    return path


def _sum(path: list[Step], longest: bool) -> TimeSum:
    total = TimeSum()
    for step in path:
        if step.duration:
            total += TimeSum.of(step.duration, longest)
    return total


def _clock(minutes: float, labels: Labels) -> list[str]:
    """Clock time in hours and minutes; in minutes and seconds when under an hour."""
    seconds = math.floor(minutes * 60 + 0.5)
    if seconds >= 3600 or seconds % 60 == 0:
        hours, rest = divmod(math.floor(minutes + 0.5), 60)
        return [
            _quantity(hours, "hour", "hours", labels),
            _quantity(rest, "minute", "minutes", labels),
        ]
    whole, rest = divmod(seconds, 60)
    return [
        _quantity(whole, "minute", "minutes", labels),
        _quantity(rest, "second", "seconds", labels),
    ]


def _quantity(amount: float, singular: str, plural: str, labels: Labels) -> str:
    """``3 jam``, ``1,5 hari kerja``; ``""`` for none."""
    amount = round(amount, 2)
    if not amount:
        return ""
    number = f"{amount:.2f}".rstrip("0").rstrip(".").replace(".", labels("."))
    return f"{number} {labels(singular if amount == 1 else plural)}"


def _join(parts: list[str]) -> str:
    return " ".join(part for part in parts if part)

"""The plain data model of an SOP.

Parsing produces these objects, validation inspects them and every renderer
(identity page, steps table, flowcharts, exports) consumes them.  Nothing here
imports Sphinx or docutils, so the model can be pickled into the build
environment, compared between editions and serialised to JSON.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from typing import NamedTuple

from .columns import Column


class StepKind(str, enum.Enum):
    """What a step is, which decides the flowchart symbol drawn for it."""

    START = "start"
    PROCESS = "process"
    DECISION = "decision"
    END = "end"


class TimeUnit(str, enum.Enum):
    """Units understood in the *Waktu* (time) column."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WORKING_DAY = "working-day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class Duration:
    """A parsed step time: ``amount`` (or ``amount``–``amount_max``) ``unit``."""

    amount: float
    unit: TimeUnit
    amount_max: float | None = None


class Status(str, enum.Enum):
    """Whether an SOP is in force: its ``:status:``."""

    DRAFT = "draft"
    IN_FORCE = "berlaku"
    WITHDRAWN = "dicabut"
    SUPERSEDED = "diganti"

    @property
    def in_force(self) -> bool:
        """Whether the SOP applies today (drafts do not yet, withdrawn ones no longer)."""
        return self is Status.IN_FORCE

    @property
    def retired(self) -> bool:
        """Whether the SOP is no longer in force: withdrawn or superseded."""
        return self in (Status.WITHDRAWN, Status.SUPERSEDED)


class DatePrecision(str, enum.Enum):
    """How much of a date is written: a day, a month (``Januari 2016``) or a year."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class DateField:
    """A date option as written, with its parsed value when it could be read.

    ``value`` is the first day of what is written (1 January 2016 for
    ``Januari 2016``) and ``precision`` says how much was written, so the date
    is printed as written and compared as the whole month or year it names.
    """

    text: str
    value: datetime.date | None = None
    precision: DatePrecision = DatePrecision.DAY

    @property
    def first_day(self) -> datetime.date | None:
        """The first day the date may mean (``None`` when it could not be read)."""
        return self.value

    @property
    def last_day(self) -> datetime.date | None:
        """The last day the date may mean: the day itself, or the end of its month or year."""
        value = self.value
        if value is None or self.precision is DatePrecision.DAY:
            return value
        if self.precision is DatePrecision.YEAR or value.month == 12:
            return datetime.date(value.year, 12, 31)
        return datetime.date(value.year, value.month + 1, 1) - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Exit:
    """One way out of a step: to step ``target``; a decision names its ``branch`` (Ya, Tidak)."""

    target: int
    branch: str | None = None


@dataclass(frozen=True)
class Flow:
    """How the procedure goes on after a step.

    ``text`` is the *Alur* cell as written; ``exits`` are the resolved ways out
    (the next row when the cell is empty); ``ends`` is true for a step after
    which the procedure stops.
    """

    text: str = ""
    exits: tuple[Exit, ...] = ()
    ends: bool = False

    @property
    def is_decision(self) -> bool:
        """Whether the flow branches into labelled exits."""
        return len(self.exits) > 1 and all(way_out.branch for way_out in self.exits)


@dataclass(frozen=True)
class Step:
    """One row of the step table."""

    number: int
    activity: str
    actors: tuple[str, ...]
    requirements: str = ""
    time: str = ""
    duration: Duration | None = None
    output: str = ""
    notes: str = ""
    flow: Flow = field(default_factory=Flow)
    kind: StepKind = StepKind.PROCESS
    line: int | None = None

    def text(self, column: Column) -> str:
        """What the step's row says in ``column`` (its actors as read, comma separated)."""
        texts = {
            Column.NUMBER: str(self.number),
            Column.ACTIVITY: self.activity,
            Column.ACTORS: ", ".join(self.actors),
            Column.REQUIREMENTS: self.requirements,
            Column.TIME: self.time,
            Column.OUTPUT: self.output,
            Column.FLOW: self.flow.text,
            Column.NOTES: self.notes,
        }
        return texts[column]


@dataclass(frozen=True)
class Edge:
    """An arrow of the flowchart, from step ``source`` to step ``target``, on ``branch``."""

    source: int
    target: int
    branch: str | None = None


@dataclass(frozen=True)
class Approver:
    """Who signs the SOP: position title, name, NIP (civil-servant number) and rank.

    ``rank`` is the *pangkat* (``Pembina Tingkat I``), printed between the
    name and the NIP.
    """

    position: str = ""
    name: str = ""
    nip: str = ""
    rank: str = ""


class Heading(NamedTuple):
    """What links to an SOP and from it, the search index, the handbook's checks and its
    maps need of it: its id, title and number, page, status and replacement, the office
    numbering it, and the SOPs it relates to."""

    id: str
    title: str
    number: str
    docname: str
    status: Status
    superseded_by: str
    agency: str
    unit_lines: tuple[str, ...]
    related: tuple[str, ...]

    @property
    def unit(self) -> str:
        """The unit on one line, as :attr:`Procedure.unit`."""
        return " / ".join(self.unit_lines)


@dataclass(frozen=True)
class Procedure:
    """One SOP: the identity part and the steps of the flowchart part.

    ``agency`` is the government or body the SOP belongs to (``:agency:`` or
    ``sop_agency``); ``unit_lines`` the lines of its unit, from the broadest
    (``KECAMATAN …``) to the office itself (``KELURAHAN …``).  ``status`` says
    whether it is in force; ``superseded_by`` is the id of the SOP replacing it.
    ``change_note`` is the writer's own note on this revision (``:change-note:``).
    """

    id: str
    title: str
    number: str = ""
    agency: str = ""
    unit_lines: tuple[str, ...] = ()
    created: DateField | None = None
    revised: DateField | None = None
    effective: DateField | None = None
    approver: Approver = field(default_factory=Approver)
    legal_basis: tuple[str, ...] = ()
    qualifications: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    records: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    status: Status = Status.IN_FORCE
    superseded_by: str = ""
    change_note: str = ""
    docname: str = ""
    line: int | None = None

    @property
    def unit(self) -> str:
        """The unit on one line: its printed lines joined with `` / ``."""
        return " / ".join(self.unit_lines)

    @property
    def heading(self) -> Heading:
        """Its id, title, number, page, status, office and related SOPs (:class:`Heading`)."""
        return Heading._make(getattr(self, field) for field in Heading._fields)

    @property
    def edges(self) -> tuple[Edge, ...]:
        """Every arrow of the flowchart, in step order.

        Two rows with one step number (a warning already) may both go on to the
        same step: that arrow is drawn once.
        """
        return tuple(
            dict.fromkeys(
                Edge(step.number, way_out.target, way_out.branch)
                for step in self.steps
                for way_out in step.flow.exits
            )
        )


#: An SOP, or what is needed to name and order it: its id, title and number.
Titled = Procedure | Heading

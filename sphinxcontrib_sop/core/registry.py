"""The registry of SOPs (*Daftar SOP*): which SOPs it lists, in which order and columns.

A :class:`RegistryQuery` is what an ``sop-registry`` directive asks for;
:func:`select` applies it to the SOPs of the handbook.  Nothing here knows
how the registry is drawn.
"""

from __future__ import annotations

import enum
import fnmatch
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .model import DateField, Procedure, Status, Titled
from .ordering import folded, natural_key, procedure_key


class RegistryColumn(str, enum.Enum):
    """A column of the registry, named by its English option value."""

    NUMBER = "number"
    NAME = "name"
    UNIT = "unit"
    EFFECTIVE = "effective"
    REVISED = "revised"
    STATUS = "status"
    STEPS = "steps"
    TIME = "time"


#: The columns of a registry without ``:columns:``, in this order.
DEFAULT_COLUMNS = tuple(RegistryColumn)
#: Indonesian names of the columns, accepted in ``:columns:``.
COLUMN_ALIASES = {
    "nomor": RegistryColumn.NUMBER,
    "nama": RegistryColumn.NAME,
    "unit-kerja": RegistryColumn.UNIT,
    "tanggal-efektif": RegistryColumn.EFFECTIVE,
    "tanggal-revisi": RegistryColumn.REVISED,
    "langkah": RegistryColumn.STEPS,
    "waktu": RegistryColumn.TIME,
}


class RegistrySort(str, enum.Enum):
    """The orders of ``:sort:``."""

    NUMBER = "number"
    NAME = "name"
    EFFECTIVE = "effective"
    UNIT = "unit"


SORT_ALIASES = {
    "nomor": RegistrySort.NUMBER,
    "nama": RegistrySort.NAME,
    "tanggal-efektif": RegistrySort.EFFECTIVE,
    "unit-kerja": RegistrySort.UNIT,
}
#: The value of ``:status:`` that lists the SOPs due for review.
REVIEW_DUE = "review-due"
#: The statuses a registry lists unless ``:status:`` says otherwise.
SHOWN_BY_DEFAULT = frozenset({Status.DRAFT, Status.IN_FORCE})


@dataclass(frozen=True)
class RegistryQuery:
    """What a registry lists.

    Empty filters let every SOP through; ``statuses`` empty means drafts and
    SOPs in force.  ``review_due`` keeps (also) the SOPs due for review.
    ``pages`` are patterns of the pages (docnames, ``*`` for any part) whose
    SOPs are listed.
    """

    pages: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    statuses: frozenset[Status] = frozenset()
    review_due: bool = False
    columns: tuple[RegistryColumn, ...] = DEFAULT_COLUMNS
    sort: RegistrySort = RegistrySort.NUMBER
    group_by_unit: bool = False


def select(
    procedures: Iterable[Procedure],
    query: RegistryQuery,
    is_due: Callable[[Procedure], bool],
    performers: Callable[[Procedure], Iterable[str]] | None = None,
) -> list[Procedure]:
    """The SOPs ``query`` lists, in its order; ``is_due`` tells an SOP due for review.

    ``performers`` gives the actors of an SOP's steps, for SOPs given without their
    steps (outlines); by default they are read from the steps.
    """
    performers = performers or step_performers
    chosen = [
        procedure
        for procedure in procedures
        if _status_matches(procedure, query, is_due)
        and on_pages(procedure, query.pages)
        and _unit_matches(procedure, query.units)
        and _actor_matches(procedure, performers(procedure), query.actors)
    ]
    return sorted(chosen, key=SORT_KEYS[query.sort])


def grouped_by_unit(procedures: Sequence[Procedure]) -> list[tuple[str, list[Procedure]]]:
    """The SOPs by unit, units in alphabetical order, SOPs in their given order."""
    groups: dict[str, list[Procedure]] = {}
    for procedure in procedures:
        groups.setdefault(procedure.unit, []).append(procedure)
    return sorted(groups.items(), key=lambda group: (not group[0], natural_key(group[0])))


def _status_matches(
    procedure: Procedure, query: RegistryQuery, is_due: Callable[[Procedure], bool]
) -> bool:
    if not query.statuses and not query.review_due:
        return procedure.status in SHOWN_BY_DEFAULT
    return procedure.status in query.statuses or (query.review_due and is_due(procedure))


def on_pages(procedure: Titled, pages: Iterable[str]) -> bool:
    """Whether ``procedure`` is on a page matching one of ``pages`` (all pages when none)."""
    patterns = list(pages)
    return not patterns or any(fnmatch.fnmatchcase(procedure.docname, p) for p in patterns)


def _unit_matches(procedure: Procedure, units: tuple[str, ...]) -> bool:
    if not units:
        return True
    names = {folded(procedure.unit), *(folded(line) for line in procedure.unit_lines)}
    return any(folded(unit) in names for unit in units)


def step_performers(procedure: Procedure) -> Iterable[str]:
    """The actors of the steps of ``procedure``, each as often as it performs one."""
    return (actor for step in procedure.steps for actor in step.actors)


def _actor_matches(
    procedure: Procedure, performers: Iterable[str], actors: tuple[str, ...]
) -> bool:
    if not actors:
        return True
    performing = {folded(actor) for actor in performers}
    performing.update(folded(actor) for actor in procedure.actors)
    return any(folded(actor) in performing for actor in actors)


def _date_key(field: DateField | None) -> tuple[bool, object]:
    value = field.value if field else None
    return (value is None, value or 0)


def _by_name(procedure: Procedure) -> tuple[object, ...]:
    return (natural_key(procedure.title), procedure_key(procedure))


def _by_effective(procedure: Procedure) -> tuple[object, ...]:
    return (_date_key(procedure.effective), procedure_key(procedure))


def _by_unit(procedure: Procedure) -> tuple[object, ...]:
    return (not procedure.unit, natural_key(procedure.unit), procedure_key(procedure))


SORT_KEYS: dict[RegistrySort, Callable[[Procedure], tuple[object, ...]]] = {
    RegistrySort.NUMBER: procedure_key,
    RegistrySort.NAME: _by_name,
    RegistrySort.EFFECTIVE: _by_effective,
    RegistrySort.UNIT: _by_unit,
}

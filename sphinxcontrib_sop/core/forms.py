"""The official forms of an SOP (Permenpan RB 35/2012): monitoring and evaluation.

The monitoring form (*Formulir Monitoring Pelaksanaan SOP AP*) lists every
step of an SOP, to be assessed as it is carried out; the evaluation form
(*Formulir Evaluasi SOP AP*) asks the seven questions of the regulation about
the SOP as a whole.  A :class:`FormQuery` is what a ``sop-monitoring`` or
``sop-evaluation`` directive asks for; :func:`form_procedures` finds the SOPs
it names.  Printed words are English label messages; nothing here knows how a
form is drawn.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Procedure, Status
from .ordering import folded, procedure_key
from .registry import RegistryQuery, select


class FormKind(str, enum.Enum):
    """Which form: its directive is ``sop-<value>``."""

    MONITORING = "monitoring"
    EVALUATION = "evaluation"


#: The title printed at the top of each form.
FORM_TITLES = {
    FormKind.MONITORING: "SOP AP IMPLEMENTATION MONITORING FORM",
    FormKind.EVALUATION: "SOP AP EVALUATION FORM",
}
#: The two assessments of a step on the monitoring form, each with a box to tick.
ASSESSMENTS = ("Works well", "Does not work well")
#: The seven criteria of the evaluation form, in the regulation's order.
CRITERIA = (
    "Encourages better performance",
    "Easy to understand",
    "Easy to carry out",
    "Everyone can play their own part",
    "Resolves the problems of the process",
    "Meets the organisation's need to perform better",
    "Works in synergy with the other SOPs",
)
#: The answers of the evaluation form, each a column with a box to tick.
ANSWERS = ("Met", "Not met")
#: The statuses of the SOPs a unit's forms are for.
UNIT_STATUSES = frozenset({Status.IN_FORCE})


@dataclass(frozen=True)
class FormQuery:
    """The forms a directive asks for: of the SOP ``sop_id``, or of every SOP in force
    of ``units`` on ``pages`` (page patterns, all pages when empty).

    ``period`` is the period monitored or evaluated as written, printed in the
    header (a blank line to fill in when empty).
    """

    kind: FormKind
    sop_id: str = ""
    units: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    period: str = ""


@dataclass(frozen=True)
class ProcedureRow:
    """One row of the monitoring form: a step's number and activity."""

    number: str
    activity: str


def monitoring_rows(procedure: Procedure) -> tuple[ProcedureRow, ...]:
    """A row for every step of ``procedure``, in order, rows repeating a number included."""
    return tuple(ProcedureRow(str(step.number), step.activity) for step in procedure.steps)


def form_procedures(procedures: Iterable[Procedure], query: FormQuery) -> list[Procedure]:
    """The SOPs ``query`` asks forms for: the one of its id (if there is one), or those
    of its units, by number."""
    procedures = list(procedures)
    if query.sop_id:
        return [procedure for procedure in procedures if procedure.id == query.sop_id][:1]
    if not query.units:
        return []
    unit_query = RegistryQuery(pages=query.pages, units=query.units, statuses=UNIT_STATUSES)
    return select(procedures, unit_query, lambda procedure: False)


def units_without_forms(procedures: Iterable[Procedure], query: FormQuery) -> list[str]:
    """The units of ``query`` that have no SOP in force on its pages: likely a typo."""
    procedures = list(procedures)
    return [
        unit
        for unit in query.units
        if not form_procedures(procedures, FormQuery(query.kind, units=(unit,), pages=query.pages))
    ]


def known_units(procedures: Iterable[Procedure]) -> list[str]:
    """Every unit name the SOPs have, whole and each of its lines, once, by number of SOP."""
    names: dict[str, str] = {}
    for procedure in sorted(procedures, key=procedure_key):
        for name in (procedure.unit, *procedure.unit_lines):
            if name:
                names.setdefault(folded(name), name)
    return list(names.values())

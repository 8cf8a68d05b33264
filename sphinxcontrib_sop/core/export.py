"""The handbook as data: every SOP as JSON, in the shape ``sop.schema.json`` describes.

:func:`sop_data` turns an SOP into plain dictionaries and lists, :func:`sop_json`
into a line of JSON, and :func:`json_parts` lays the handbook out the same way
every time: keys sorted, SOPs in the registry's order (:func:`data_order`),
steps and arrows as written.  Where a
published SOP lives (its page, URL and source file) is told by the caller,
which knows the build; nothing here knows Sphinx.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Approver, DateField, Duration, Procedure, Status, Step, Titled
from .ordering import procedure_key
from .review import review_date
from .totals import CLOCK_MINUTES, TimeSum, TotalTime
from .wording import Labels

#: The version of the data's shape: the major part changes when a field is
#: removed or changes its meaning, the minor part when a field is added.
SCHEMA_VERSION = "1.0"
#: The JSON Schema of the data, shipped in the package.
SCHEMA_PATH = Path(__file__).with_name("sop.schema.json")
#: Each status as the data names it: the English words of ``:status:``.
STATUS_NAMES = {
    Status.DRAFT: "draft",
    Status.IN_FORCE: "in-force",
    Status.WITHDRAWN: "withdrawn",
    Status.SUPERSEDED: "superseded",
}
#: What comes before, between and after the SOPs' lines in the file (:func:`json_parts`).
_SOPS_START, _SOP_BETWEEN, _SOPS_END = b'  "sops": [\n    ', b",\n    ", b"\n  ]\n}\n"

#: A part of the file: bytes, or a view of the file written before.
Part = bytes | memoryview


@dataclass(frozen=True)
class Publication:
    """Where an SOP is published: its page, the URL of its block, its source file."""

    docname: str
    url: str
    source: str


@dataclass(frozen=True)
class Handbook:
    """What the data says of the handbook as a whole."""

    project: str
    language: str
    edition: str = ""
    generator: str = ""


@dataclass(frozen=True)
class PublishedSOP:
    """An SOP as the data gives it: the model, its total time (as worked out when the SOP
    was read, or ``None``), and where it is published."""

    procedure: Procedure
    total: TotalTime | None
    publication: Publication


def handbook_fields(handbook: Handbook) -> dict[str, Any]:
    """What the data says of the handbook as a whole: its name, language and edition."""
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": handbook.generator,
        "project": handbook.project,
        "language": handbook.language,
        "edition": handbook.edition or None,
    }


def data_order(procedure: Titled) -> tuple[Any, ...]:
    """Where an SOP comes in the data: by number, then title and id, then page."""
    return procedure_key(procedure), procedure.docname


def sop_data(sop: PublishedSOP, labels: Labels, review_months: int) -> dict[str, Any]:
    """One SOP: its identity part, its steps and arrows, its total time, where it lives."""
    procedure, publication = sop.procedure, sop.publication
    review = review_date(procedure, review_months)
    return {
        "id": procedure.id,
        "number": procedure.number,
        "name": procedure.title,
        "agency": procedure.agency,
        "unit": procedure.unit,
        "unit_lines": list(procedure.unit_lines),
        "dates": {
            "created": _date(procedure.created),
            "revised": _date(procedure.revised),
            "effective": _date(procedure.effective),
            "review": review.isoformat() if review else None,
        },
        "approver": _approver(procedure.approver),
        "status": STATUS_NAMES[procedure.status],
        "superseded_by": procedure.superseded_by or None,
        "change_note": procedure.change_note,
        "legal_basis": list(procedure.legal_basis),
        "qualifications": list(procedure.qualifications),
        "related": list(procedure.related),
        "equipment": list(procedure.equipment),
        "warnings": list(procedure.warnings),
        "records": list(procedure.records),
        "actors": list(procedure.actors),
        "steps": [_step(step) for step in procedure.steps],
        "edges": [
            {"from": edge.source, "to": edge.target, "branch": edge.branch}
            for edge in procedure.edges
        ],
        "total_time": _total(sop.total, labels),
        "page": {"docname": publication.docname, "url": publication.url},
        "source": {"file": publication.source, "line": procedure.line},
    }


def sop_json(sop: PublishedSOP, labels: Labels, review_months: int) -> str:
    """One SOP's data as JSON text on one line, keys sorted, UTF-8 letters as they are."""
    return _ENCODE(sop_data(sop, labels, review_months))


def json_parts(fields: dict[str, Any], sops: Sequence[Part]) -> list[Part]:
    """The file, in the order of its parts: the handbook's ``fields`` one per line, then
    each SOP's line (:func:`sop_json`, in UTF-8), each at an odd position.

    A change to an SOP is a change to its line; the lines are written by the fast
    encoder, which does not indent.  The parts are written one after the other, and the
    lines of a file written before may be views of it: a file of 10 MB is never joined.
    """
    head = "{\n" + "".join(f"  {_ENCODE(key)}: {_ENCODE(fields[key])},\n" for key in sorted(fields))
    if not sops:
        return [(head + '  "sops": []\n}\n').encode("utf-8")]
    parts: list[Part] = [head.encode("utf-8") + _SOPS_START]
    for line in sops:
        parts += (line, _SOP_BETWEEN)
    parts[-1] = _SOPS_END
    return parts


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _date(field: DateField | None) -> dict[str, Any] | None:
    if field is None:
        return None
    return {
        "text": field.text,
        "date": field.value.isoformat() if field.value else None,
        "precision": field.precision.value if field.value else None,
    }


def _approver(approver: Approver) -> dict[str, str]:
    return {
        "position": approver.position,
        "name": approver.name,
        "nip": approver.nip,
        "rank": approver.rank,
    }


def _step(step: Step) -> dict[str, Any]:
    return {
        "number": step.number,
        "activity": step.activity,
        "actors": list(step.actors),
        "requirements": step.requirements,
        "time": {
            "text": step.time,
            "duration": _duration(step.duration),
            "minutes": _minutes(step.duration),
        },
        "output": step.output,
        "notes": step.notes,
        "flow": step.flow.text,
        "kind": step.kind.value,
        "line": step.line,
    }


def _duration(duration: Duration | None) -> dict[str, Any] | None:
    if duration is None:
        return None
    return {
        "amount": _number(duration.amount),
        "amount_max": _number(duration.amount_max),
        "unit": duration.unit.value,
    }


def _minutes(duration: Duration | None) -> dict[str, float] | None:
    """A clock time in minutes, the low and the high end; ``None`` for days and months."""
    if duration is None or duration.unit not in CLOCK_MINUTES:
        return None
    per_unit = CLOCK_MINUTES[duration.unit]
    high = duration.amount if duration.amount_max is None else duration.amount_max
    return {"min": _number(duration.amount * per_unit), "max": _number(high * per_unit)}


def _total(total: TotalTime | None, labels: Labels) -> dict[str, Any] | None:
    if total is None:
        return None
    minutes = total.minutes
    return {
        "text": total.text(labels),
        "note": total.note(labels),
        "shortest": _sum(total.shortest),
        "longest": _sum(total.longest),
        "minutes": {"min": _number(minutes[0]), "max": _number(minutes[1])} if minutes else None,
        "unread": [{"step": unread.step, "time": unread.text} for unread in total.unread],
    }


def _sum(time: TimeSum) -> dict[str, float]:
    return {
        "minutes": _number(time.minutes),
        "working_days": _number(time.working_days),
        "days": _number(time.days),
        "months": _number(time.months),
    }


def _number(value: float | None) -> float | int | None:
    """A whole number as an integer, others to four decimals: the same text on every build."""
    if value is None:
        return None
    rounded = round(value, 4)
    return int(rounded) if rounded.is_integer() else rounded

"""How the SOPs of a handbook relate: the graph the SOP map draws."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from .model import Heading, Procedure
from .ordering import folded
from .registry import on_pages

#: The SOPs of a map: whole, or their headings, which hold all the map is chosen by.
P = TypeVar("P", Procedure, Heading)


class RelationKind(str, enum.Enum):
    """Why one SOP points to another."""

    RELATED = "related"
    SUPERSEDED_BY = "superseded-by"


@dataclass(frozen=True)
class Relation:
    """An arrow of the map: SOP ``source`` refers to SOP ``target``, by ``kind``."""

    source: str
    target: str
    kind: RelationKind


@dataclass(frozen=True)
class SOPGraph(Generic[P]):
    """The SOPs a map shows, by id, and the arrows between them, in a stable order."""

    procedures: tuple[P, ...]
    relations: tuple[Relation, ...]


def relations(procedures: Mapping[str, P]) -> list[Relation]:
    """Every relation between SOPs of the handbook: ``:related:`` ids and replacements."""
    found: dict[tuple[str, str, RelationKind], Relation] = {}
    for sop_id in sorted(procedures):
        procedure = procedures[sop_id]
        targets = [(target, RelationKind.RELATED) for target in procedure.related]
        if procedure.superseded_by:
            targets.append((procedure.superseded_by, RelationKind.SUPERSEDED_BY))
        for target, kind in targets:
            if target in procedures and target != sop_id:
                found.setdefault((sop_id, target, kind), Relation(sop_id, target, kind))
    return list(found.values())


def sop_graph(
    procedures: Mapping[str, P], units: Iterable[str] = (), pages: Iterable[str] = ()
) -> SOPGraph[P]:
    """The map of ``procedures``; with ``units``, their SOPs and those they touch directly.

    ``pages`` (docname patterns) limits the map to the SOPs of those pages.
    """
    wanted_pages = tuple(pages)
    procedures = {
        sop_id: procedure
        for sop_id, procedure in procedures.items()
        if on_pages(procedure, wanted_pages)
    }
    every = relations(procedures)
    wanted = {folded(unit) for unit in units}
    if wanted:
        inside = {
            sop_id
            for sop_id, procedure in procedures.items()
            if wanted & {folded(procedure.unit), *map(folded, procedure.unit_lines)}
        }
        every = [edge for edge in every if edge.source in inside or edge.target in inside]
        shown = inside | {edge.source for edge in every} | {edge.target for edge in every}
    else:
        shown = set(procedures)
    return SOPGraph(
        tuple(procedures[sop_id] for sop_id in sorted(shown)),
        tuple(every),
    )

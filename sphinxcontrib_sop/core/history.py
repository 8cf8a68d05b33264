"""The history of an SOP through the editions of its handbook, and what an edition changed.

Editions are given newest first, each with its SOPs by id: an SOP of one
edition is the same SOP in another when it has the same ``:id:``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .diff import AS_WRITTEN, ProcedureDiff, Wording, procedure_diff
from .model import Procedure, Status
from .ordering import procedure_key


@dataclass(frozen=True)
class EditionSOPs:
    """An edition's name and its SOPs by id."""

    name: str
    procedures: Mapping[str, Procedure]


@dataclass(frozen=True)
class Revision:
    """An SOP as one edition has it, and ``diff``, what changed from the edition before
    that has it (``None`` in the first edition that has it)."""

    edition: str
    procedure: Procedure
    diff: ProcedureDiff | None


def revisions(
    sop_id: str, editions: Sequence[EditionSOPs], wording: Wording = AS_WRITTEN
) -> tuple[Revision, ...]:
    """SOP ``sop_id`` in each of ``editions`` (newest first) that has it."""
    held = [
        (edition.name, edition.procedures[sop_id])
        for edition in editions
        if sop_id in edition.procedures
    ]
    return tuple(
        Revision(
            name,
            procedure,
            procedure_diff(held[position + 1][1], procedure, wording)
            if position + 1 < len(held)
            else None,
        )
        for position, (name, procedure) in enumerate(held)
    )


class ChangeKind(str, enum.Enum):
    """How an SOP changed in an edition, as the list of an edition's changes groups it."""

    ADDED = "added"
    WITHDRAWN = "withdrawn"
    SUPERSEDED = "superseded"
    CHANGED = "changed"
    REMOVED = "removed"


@dataclass(frozen=True)
class HandbookChange:
    """An SOP that changed: as the newer edition has it (the older one's, if removed)."""

    kind: ChangeKind
    procedure: Procedure
    diff: ProcedureDiff | None = None


def handbook_changes(
    old: Mapping[str, Procedure], new: Mapping[str, Procedure], wording: Wording = AS_WRITTEN
) -> dict[ChangeKind, tuple[HandbookChange, ...]]:
    """The SOPs added, withdrawn, superseded, changed and removed from ``old`` to ``new``.

    An SOP withdrawn or superseded in ``new`` is listed as such, whatever else
    changed; one no longer in ``new`` at all is removed. Each kind lists its
    SOPs by number, then title; kinds without SOPs are left out.
    """
    found: dict[ChangeKind, list[HandbookChange]] = {kind: [] for kind in ChangeKind}
    for sop_id, procedure in new.items():
        before = old.get(sop_id)
        if before is None:
            found[ChangeKind.ADDED].append(HandbookChange(ChangeKind.ADDED, procedure))
            continue
        diff = procedure_diff(before, procedure, wording)
        kind = _kind(before.status, procedure.status, diff)
        if kind is not None:
            found[kind].append(HandbookChange(kind, procedure, diff))
    for sop_id, procedure in old.items():
        if sop_id not in new:
            found[ChangeKind.REMOVED].append(HandbookChange(ChangeKind.REMOVED, procedure))
    return {
        kind: tuple(sorted(changes, key=lambda change: procedure_key(change.procedure)))
        for kind, changes in found.items()
        if changes
    }


def _kind(before: Status, after: Status, diff: ProcedureDiff) -> ChangeKind | None:
    if after is Status.WITHDRAWN and before is not Status.WITHDRAWN:
        return ChangeKind.WITHDRAWN
    if after is Status.SUPERSEDED and before is not Status.SUPERSEDED:
        return ChangeKind.SUPERSEDED
    return ChangeKind.CHANGED if diff.changed else None

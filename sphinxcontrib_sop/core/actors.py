"""Who does what: every actor of a handbook and the steps each one performs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Procedure, Titled
from .ordering import natural_key, procedure_key


@dataclass(frozen=True)
class Part:
    """The steps an actor performs in the SOP at position ``sop`` of the SOPs read."""

    sop: int
    steps: tuple[int, ...]


@dataclass(frozen=True)
class Actor:
    """An actor, under the spelling most SOPs use, and its part in each SOP."""

    name: str
    parts: tuple[Part, ...]


#: What the actor index needs of an SOP's steps: each step's number and actors.
StepActors = tuple[tuple[int, tuple[str, ...]], ...]


def step_actors(procedure: Procedure) -> StepActors:
    """Each step of ``procedure``: its number and its actors."""
    return tuple((step.number, step.actors) for step in procedure.steps)


def actor_key(name: str) -> str:
    """What makes two actor names one actor: the name without case or repeated spaces."""
    return " ".join(name.split()).casefold()


def actors(procedures: Sequence[Titled], performed: Sequence[StepActors]) -> list[Actor]:
    """Every actor performing a step of ``procedures``, sorted by name (case and accents aside).

    ``performed`` gives the steps of each SOP (:func:`step_actors`); ``procedures`` are
    needed only for their order, so they may be their headings.

    Names that differ only in case or spacing are one actor, printed as most SOPs
    spell it (of spellings equally common, the first met).  Each actor's parts
    are sorted by SOP (number, then title), each part's steps by number; a step
    number written twice in an SOP is listed once.
    """
    spellings: dict[str, Counter[str]] = {}
    by_actor: dict[str, dict[int, set[int]]] = {}
    for position, steps in enumerate(performed):
        spelled_here = set()
        for number, names in steps:
            for name in names:
                spelled = " ".join(name.split())
                key = actor_key(spelled)
                by_actor.setdefault(key, {}).setdefault(position, set()).add(number)
                if spelled not in spelled_here:
                    spelled_here.add(spelled)
                    spellings.setdefault(key, Counter())[spelled] += 1
    # Each SOP's place in the order of SOPs, worked out once for all its actors.
    ranks = {
        position: rank
        for rank, position in enumerate(
            sorted(range(len(procedures)), key=lambda position: procedure_key(procedures[position]))
        )
    }
    found = [
        Actor(
            spellings[key].most_common(1)[0][0],
            tuple(
                Part(position, tuple(sorted(steps)))
                for position, steps in sorted(by_sop.items(), key=lambda item: ranks[item[0]])
            ),
        )
        for key, by_sop in by_actor.items()
    ]
    return sorted(found, key=lambda actor: (natural_key(actor.name), actor.name))

"""Ordering SOPs and names as a reader expects: case and accents aside, numbers by value."""

from __future__ import annotations

import functools
import re
import unicodedata

from .model import Titled

_DIGITS = re.compile(r"([0-9]+)")

#: A text's sort key: its words and numbers, in order.
SortKey = tuple[tuple[int, int | str], ...]


def folded(text: str) -> str:
    """``text`` without case, accents or repeated spaces: ``Kepala  Séksi`` → ``kepala seksi``."""
    if text.isascii():  # no accents to take off
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


#: How many texts' sort keys are kept: the numbers and titles of a handbook of 8,000 SOPs,
#: sorted again and again in a build (back-links, ``sop.json``, registries, the actor index).
_KEYS_KEPT = 16_384


@functools.lru_cache(maxsize=_KEYS_KEPT)
def natural_key(text: str) -> SortKey:
    """Sorts ``text`` case-insensitively, numbers by value (``2/SOP`` before ``10/SOP``)."""
    # Splitting at a captured group puts the numbers at the odd positions.
    return tuple(
        (0, int(part)) if position % 2 else (1, part)
        for position, part in enumerate(_DIGITS.split(folded(text)))
        if part
    )


def procedure_key(procedure: Titled) -> tuple[bool, SortKey, SortKey, str]:
    """SOPs by number, then title; SOPs without a number after the numbered ones."""
    return (
        not procedure.number,
        natural_key(procedure.number),
        natural_key(procedure.title),
        procedure.id,
    )


def initial(text: str) -> str | None:
    """The letter ``text`` is filed under in an index (``É`` under ``E``); ``None`` if none."""
    first = folded(text)[:1].upper()
    return first if first.isalpha() else None

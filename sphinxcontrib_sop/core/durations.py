"""Reading the *Waktu* (time) column: ``5 menit``, ``3 hari kerja``, ``2 hours``.

A column headed with its unit (``Waktu (menit)``) may hold bare numbers: they
are read, and printed, in that unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Duration, TimeUnit

UNIT_WORDS: dict[str, TimeUnit] = {
    "detik": TimeUnit.SECOND, "second": TimeUnit.SECOND, "seconds": TimeUnit.SECOND,
    "sec": TimeUnit.SECOND, "s": TimeUnit.SECOND,
    "menit": TimeUnit.MINUTE, "minute": TimeUnit.MINUTE, "minutes": TimeUnit.MINUTE,
    "min": TimeUnit.MINUTE, "mnt": TimeUnit.MINUTE,
    "jam": TimeUnit.HOUR, "hour": TimeUnit.HOUR, "hours": TimeUnit.HOUR, "h": TimeUnit.HOUR,
    "hari": TimeUnit.DAY, "day": TimeUnit.DAY, "days": TimeUnit.DAY,
    "hari kerja": TimeUnit.WORKING_DAY, "working day": TimeUnit.WORKING_DAY,
    "working days": TimeUnit.WORKING_DAY, "business day": TimeUnit.WORKING_DAY,
    "business days": TimeUnit.WORKING_DAY, "hk": TimeUnit.WORKING_DAY,
    "minggu": TimeUnit.WEEK, "pekan": TimeUnit.WEEK, "week": TimeUnit.WEEK,
    "weeks": TimeUnit.WEEK,
    "bulan": TimeUnit.MONTH, "month": TimeUnit.MONTH, "months": TimeUnit.MONTH,
}  # fmt: skip

_NUMBER = r"\d+(?:[.,]\d+)?"
_AMOUNT = rf"(?P<amount>{_NUMBER})(?:\s*(?:-|–|s\.?d\.?|sampai|to)\s*(?P<max>{_NUMBER}))?"
_DURATION = re.compile(rf"{_AMOUNT}\s*(?P<unit>[^\W\d_]+(?:\s+[^\W\d_]+)?)\.?")
_BARE_AMOUNT = re.compile(_AMOUNT)
_IN = re.compile(r"(?:dalam|in)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class HeaderUnit:
    """The unit a time column is headed with: ``menit`` in ``Waktu (menit)``."""

    unit: TimeUnit
    word: str


def header_unit(qualifier: str) -> HeaderUnit | None:
    """The unit named by a time header's remark (``menit``, ``dalam jam``), if it is one."""
    word = _IN.sub("", " ".join(qualifier.split()), count=1).rstrip(".")
    unit = UNIT_WORDS.get(word.casefold())
    if unit is None:
        return None
    # Printed after a number in running text: ``5 menit``, even under ``WAKTU (MENIT)``;
    # abbreviations (``HK``, ``mnt``) as written.
    return HeaderUnit(unit, word.lower() if len(word) > 3 else word)


def parse_duration(text: str, header: HeaderUnit | None = None) -> Duration | None:
    """The duration ``text`` states, or ``None`` if it is not one we understand.

    Forms: a number (decimal comma or point), an optional range
    (``5-10 menit``, ``1 s.d. 2 hari``) and an Indonesian or English unit;
    under a ``header`` unit, the number or range alone.
    """
    text = " ".join(text.split())
    match = _DURATION.fullmatch(text)
    if match:
        unit = UNIT_WORDS.get(match["unit"].casefold())
    elif header is not None and (match := _BARE_AMOUNT.fullmatch(text)):
        unit = header.unit
    else:
        return None
    if unit is None:
        return None
    amount = _number(match["amount"])
    amount_max = _number(match["max"]) if match["max"] else None
    if amount_max is not None and amount_max < amount:
        return None
    return Duration(amount, unit, amount_max)


def time_with_unit(text: str, header: HeaderUnit | None) -> str:
    """A time cell as printed: a bare number under ``Waktu (menit)`` gains ``menit``."""
    text = " ".join(text.split())
    if header is not None and _BARE_AMOUNT.fullmatch(text):
        return f"{text} {header.word}"
    return text


def _number(text: str) -> float:
    return float(text.replace(",", "."))

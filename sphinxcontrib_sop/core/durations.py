"""Reading the *Waktu* (time) column: ``5 menit``, ``3 hari kerja``, ``2 hours``."""

from __future__ import annotations

import re

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
_DURATION = re.compile(
    rf"(?P<amount>{_NUMBER})(?:\s*(?:-|–|s\.?d\.?|sampai|to)\s*(?P<max>{_NUMBER}))?"
    r"\s*(?P<unit>[^\W\d_]+(?:\s+[^\W\d_]+)?)\.?"
)


def parse_duration(text: str) -> Duration | None:
    """The duration ``text`` states, or ``None`` if it is not one we understand.

    Forms: a number (decimal comma or point), an optional range
    (``5-10 menit``, ``1 s.d. 2 hari``) and an Indonesian or English unit.
    """
    match = _DURATION.fullmatch(" ".join(text.split()))
    if not match:
        return None
    unit = UNIT_WORDS.get(match["unit"].casefold())
    if unit is None:
        return None
    amount = _number(match["amount"])
    amount_max = _number(match["max"]) if match["max"] else None
    if amount_max is not None and amount_max < amount:
        return None
    return Duration(amount, unit, amount_max)


def _number(text: str) -> float:
    return float(text.replace(",", "."))

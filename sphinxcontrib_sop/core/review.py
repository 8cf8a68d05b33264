"""When an SOP is due for review: a number of months after its last revision.

An SOP in force is reviewed periodically (``sop_review_months``, a year by
default).  The period runs from its date revised or, when it has none that
can be read, its effective date; a date written as a month or a year counts
from its last day.  Today is the build's reference date: ``SOURCE_DATE_EPOCH``
when it is set, so that a reproducible build gives the same answer on any day.
"""

from __future__ import annotations

import calendar
import datetime
import os
from collections.abc import Mapping

from .model import DateField, Procedure

#: The environment variable of reproducible builds: seconds since 1970, in UTC.
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def reference_date(environ: Mapping[str, str] = os.environ) -> datetime.date:
    """The build's today: the day of ``SOURCE_DATE_EPOCH`` (UTC) when valid, else today."""
    return _epoch_date(environ.get(SOURCE_DATE_EPOCH, "")) or datetime.date.today()


def source_date_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """What is wrong with ``SOURCE_DATE_EPOCH``, when it is set but cannot be read."""
    written = environ.get(SOURCE_DATE_EPOCH, "")
    if not written or _epoch_date(written):
        return None
    return (
        f"SOURCE_DATE_EPOCH {written!r} is not a count of seconds since 1 January 1970 (a "
        "whole number, 0 or more): fix or unset it (today's date is used meanwhile for the "
        "review dates)"
    )


def _epoch_date(written: str) -> datetime.date | None:
    if not written.strip().isdigit():
        return None
    try:
        moment = datetime.datetime.fromtimestamp(int(written), datetime.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.date()


def last_review(procedure: Procedure) -> DateField | None:
    """The date the review period runs from: the date revised, else the effective date.

    Only a date that can be read counts.
    """
    for field in (procedure.revised, procedure.effective):
        if field is not None and field.last_day is not None:
            return field
    return None


def review_date(procedure: Procedure, months: int) -> datetime.date | None:
    """The day the SOP is due for review: ``months`` after :func:`last_review`, or ``None``."""
    field = last_review(procedure)
    last_day = field.last_day if field else None
    return add_months(last_day, months) if last_day else None


def review_due(procedure: Procedure, today: datetime.date, months: int) -> bool:
    """Whether the SOP is in force and its review date is ``today`` or earlier.

    A draft, a withdrawn or superseded SOP and an SOP without a date that can
    be read are never due.
    """
    due = review_date(procedure, months)
    return procedure.status.in_force and due is not None and due <= today


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved ``months`` calendar months on; the 31st becomes a shorter month's last.

    Past the year 9999, the last day a date can be.
    """
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    if year > datetime.MAXYEAR:
        return datetime.date.max
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))

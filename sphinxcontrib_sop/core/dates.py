"""Reading dates as written on Indonesian and English documents, and printing them.

A date may be a day (``25 September 2019``), a month (``Januari 2016``, as many
sheets are dated) or a year alone; :class:`~.model.DateField` keeps which.
"""

from __future__ import annotations

import datetime
import re

from .model import DateField, DatePrecision

INDONESIAN_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "peb": 2, "pebruari": 2, "mar": 3, "apr": 4, "jun": 6,
    "jul": 7, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "oct": 10, "nop": 11, "nov": 11, "nopember": 11, "des": 12, "dec": 12,
}  # fmt: skip
MONTHS_BY_NAME = {
    **{name.casefold(): number for number, name in enumerate(INDONESIAN_MONTHS, 1)},
    **{name.casefold(): number for number, name in enumerate(ENGLISH_MONTHS, 1)},
    **_ABBREVIATIONS,
}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_NUMERIC_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")
_MONTH_YEAR = re.compile(r"([^\W\d_]+)\.?,?\s+(\d{4})")
_YEAR = re.compile(r"(?:(?:tahun|year)\s+)?(\d{4})", re.IGNORECASE)
_ANY_YEAR = re.compile(r"\d{4}")

ACCEPTED_FORMS = (
    "2019-09-25, 25 September 2019, 1 Maret 2016, September 25, 2019, 25-09-2019, "
    "a month (Januari 2016) or a year (2016)"
)


def parse_date(text: str) -> datetime.date | None:
    """The date ``text`` names, or ``None`` when it is not a valid date.

    Accepted: ISO ``2019-09-25``; day-first numeric ``25-09-2019`` or
    ``25/09/2019`` (the Indonesian order); ``25 September 2019`` and
    ``September 25, 2019`` with Indonesian or English month names or their
    usual abbreviations.
    """
    text = " ".join(text.split())
    if match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST_NUMERIC.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _DAY_MONTH_YEAR.fullmatch(text):
        day, year = int(match[1]), int(match[3])
        month = MONTHS_BY_NAME.get(match[2].casefold(), 0)
    elif match := _MONTH_DAY_YEAR.fullmatch(text):
        day, year = int(match[2]), int(match[3])
        month = MONTHS_BY_NAME.get(match[1].casefold(), 0)
    else:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_date_field(text: str) -> DateField:
    """``text`` as a date field: a day, a month or a year; its value unset when unreadable.

    Besides the full dates of :func:`parse_date`: a month and year
    (``Januari 2016``, ``APRIL 2015``, ``Jan. 2016``, ``2016-01``, ``01/2016``)
    and a year alone (``2016``, ``Tahun 2016``).
    """
    written = " ".join(text.split())
    if (day := parse_date(written)) is not None:
        return DateField(written, day)
    month = _parse_month(written)
    if month is not None:
        return DateField(written, month, DatePrecision.MONTH)
    if match := _YEAR.fullmatch(written):
        year = int(match[1])
        if year >= 1:
            return DateField(written, datetime.date(year, 1, 1), DatePrecision.YEAR)
    return DateField(written)


def _parse_month(text: str) -> datetime.date | None:
    if match := _ISO_MONTH.fullmatch(text):
        year, month = int(match[1]), int(match[2])
    elif match := _NUMERIC_MONTH_YEAR.fullmatch(text):
        month, year = int(match[1]), int(match[2])
    elif match := _MONTH_YEAR.fullmatch(text):
        month, year = MONTHS_BY_NAME.get(match[1].casefold(), 0), int(match[2])
    else:
        return None
    try:
        return datetime.date(year, month, 1)
    except ValueError:
        return None


def unreadable_date_message(text: str, option: str) -> str:
    """The warning for a date option whose text is not a date: what to write instead."""
    if not _ANY_YEAR.search(text) and any(
        word.casefold().rstrip(".") in MONTHS_BY_NAME for word in re.findall(r"[^\W\d_]+\.?", text)
    ):
        return (
            f"the date {text!r} in :{option}: has no year: add it, as in '25 September 2019' "
            "or 'September 2019' (shown as written meanwhile)"
        )
    return (
        f"cannot read the date {text!r} in :{option}:: write it as {ACCEPTED_FORMS} "
        "(shown as written meanwhile)"
    )


def is_before(earlier: DateField, later: DateField) -> bool:
    """Whether ``earlier`` certainly comes before ``later``, however precisely each is written.

    ``Januari 2016`` is not before ``15 Januari 2016``: it may be the same day.
    """
    end, start = earlier.last_day, later.first_day
    return end is not None and start is not None and end < start


def format_date(
    value: datetime.date, language: str, precision: DatePrecision = DatePrecision.DAY
) -> str:
    """``value`` as printed on an SOP sheet: ``25 September 2019``, ``Januari 2016``, ``2016``.

    Indonesian month names for ``id``; English ones for every other language.
    Both use the day–month–year order of the official sheets.
    """
    months = INDONESIAN_MONTHS if is_indonesian(language) else ENGLISH_MONTHS
    if precision is DatePrecision.YEAR:
        return str(value.year)
    if precision is DatePrecision.MONTH:
        return f"{months[value.month - 1]} {value.year}"
    return f"{value.day} {months[value.month - 1]} {value.year}"


def printed_date(field: DateField, language: str) -> str:
    """A date field as printed: in the official style when it was read, else as written."""
    if field.value is None:
        return field.text
    return format_date(field.value, language, field.precision)


def is_indonesian(language: str | None) -> bool:
    """Whether a Sphinx ``language`` value means Indonesian (``id``, ``id_ID``)."""
    return bool(language) and language.replace("-", "_").split("_")[0].lower() == "id"

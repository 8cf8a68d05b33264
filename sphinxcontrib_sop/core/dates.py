"""Reading dates as written on Indonesian and English documents, and printing them."""

from __future__ import annotations

import datetime
import re

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

ACCEPTED_FORMS = "2019-09-25, 25 September 2019, 1 Maret 2016, September 25, 2019 or 25-09-2019"


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


def format_date(value: datetime.date, language: str) -> str:
    """``value`` as printed on an SOP sheet: ``25 September 2019``.

    Indonesian month names for ``id``; English ones for every other language.
    Both use the day–month–year order of the official sheets.
    """
    months = INDONESIAN_MONTHS if is_indonesian(language) else ENGLISH_MONTHS
    return f"{value.day} {months[value.month - 1]} {value.year}"


def is_indonesian(language: str | None) -> bool:
    """Whether a Sphinx ``language`` value means Indonesian (``id``, ``id_ID``)."""
    return bool(language) and language.replace("-", "_").split("_")[0].lower() == "id"

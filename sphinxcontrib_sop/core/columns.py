"""Recognising the columns of a step table by their headers."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field


class Column(str, enum.Enum):
    """What a column of the step table holds."""

    NUMBER = "number"
    ACTIVITY = "activity"
    ACTORS = "actors"
    REQUIREMENTS = "requirements"
    TIME = "time"
    OUTPUT = "output"
    FLOW = "flow"
    NOTES = "notes"


HEADER_ALIASES: dict[Column, tuple[str, ...]] = {
    Column.NUMBER: ("No", "No.", "Nomor", "#", "Step"),
    Column.ACTIVITY: (
        "Kegiatan", "Aktivitas", "Aktifitas", "Uraian Kegiatan", "Uraian Aktivitas",
        "Uraian Aktifitas", "Activity",
    ),
    Column.ACTORS: ("Pelaksana", "Aktor", "Actor", "Role"),
    Column.REQUIREMENTS: (
        "Kelengkapan", "Persyaratan", "Persyaratan/Kelengkapan", "Perlengkapan", "Peralatan",
        "Requirements", "Input",
    ),
    Column.TIME: ("Waktu", "Durasi", "Time", "Duration"),
    Column.OUTPUT: ("Output", "Keluaran", "Hasil"),
    Column.FLOW: ("Alur", "Lanjut", "Next", "Flow"),
    Column.NOTES: ("Keterangan", "Ket.", "Ket", "Catatan", "Notes"),
}  # fmt: skip
REQUIRED_COLUMNS = (Column.ACTIVITY, Column.ACTORS)


def normalise_header(text: str) -> str:
    """Header text compared case-insensitively, spaces around ``/`` ignored."""
    return re.sub(r"\s*/\s*", "/", " ".join(text.split())).casefold()


_COLUMN_BY_HEADER = {
    normalise_header(alias): column
    for column, aliases in HEADER_ALIASES.items()
    for alias in aliases
}
#: A trailing ``(…)`` or ``[…]``: a unit or a remark, as in ``Waktu (menit)``.
_QUALIFIER = re.compile(r"(?P<header>.*?)\s*(?:\((?P<round>[^()]*)\)|\[(?P<square>[^][]*)\])\s*")
#: What joins two headers of one meaning: ``Output/Hasil``, ``Kelengkapan dan Peralatan``.
_COMBINED = re.compile(r"\s*[/&+]\s*|\s+(?:dan|and|atau|or)\s+")


@dataclass(frozen=True)
class Header:
    """A recognised header: its column, and the remark in brackets after it (``menit``)."""

    column: Column
    qualifier: str = ""


def recognise_header(text: str) -> Header | None:
    """The column ``text`` heads, or ``None``.

    Besides the headers of :data:`HEADER_ALIASES` in any letter case: a known
    header with a remark in brackets (``Waktu (menit)``, ``Output [dokumen]``),
    and known headers of one meaning joined by ``/``, ``&``, ``+``, ``dan``,
    ``and``, ``atau`` or ``or`` (``Output/Hasil``, ``Kelengkapan dan Peralatan``).
    """
    header, qualifier = " ".join(text.split()), ""
    if (match := _QUALIFIER.fullmatch(header)) and match["header"]:
        header = match["header"]
        qualifier = " ".join((match["round"] or match["square"] or "").split())
    key = normalise_header(header)
    column = _COLUMN_BY_HEADER.get(key)
    if column is None:
        meanings = {_COLUMN_BY_HEADER.get(part) for part in _COMBINED.split(key)}
        if len(meanings) != 1 or None in meanings:
            return None
        column = meanings.pop()
    return Header(column, qualifier)


@dataclass(frozen=True)
class ColumnMap:
    """Where each recognised column sits, and which headers were not recognised.

    ``qualifiers`` holds the remark in brackets of a recognised header, such
    as the unit of ``Waktu (menit)``.
    """

    index: dict[Column, int]
    unknown: tuple[int, ...]
    repeated: tuple[int, ...]
    qualifiers: dict[Column, str] = field(default_factory=dict)

    @property
    def missing(self) -> tuple[Column, ...]:
        """Required columns that the table lacks."""
        return tuple(column for column in REQUIRED_COLUMNS if column not in self.index)


def map_columns(header: tuple[str, ...]) -> ColumnMap:
    """Recognise each header; the first of two headers with one meaning wins."""
    index: dict[Column, int] = {}
    qualifiers: dict[Column, str] = {}
    unknown: list[int] = []
    repeated: list[int] = []
    for position, text in enumerate(header):
        recognised = recognise_header(text)
        if recognised is None:
            unknown.append(position)
        elif recognised.column in index:
            repeated.append(position)
        else:
            index[recognised.column] = position
            if recognised.qualifier:
                qualifiers[recognised.column] = recognised.qualifier
    return ColumnMap(index, tuple(unknown), tuple(repeated), qualifiers)


def accepted_headers(column: Column) -> str:
    """The headers accepted for ``column``, for messages and docs."""
    return ", ".join(repr(alias) for alias in HEADER_ALIASES[column])

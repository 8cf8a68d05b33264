"""Recognising the columns of a step table by their headers."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


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
    Column.ACTIVITY: ("Kegiatan", "Aktivitas", "Uraian Kegiatan", "Activity"),
    Column.ACTORS: ("Pelaksana", "Aktor", "Actor", "Role"),
    Column.REQUIREMENTS: (
        "Kelengkapan", "Persyaratan", "Persyaratan/Kelengkapan", "Requirements", "Input",
    ),
    Column.TIME: ("Waktu", "Time", "Duration"),
    Column.OUTPUT: ("Output", "Keluaran"),
    Column.FLOW: ("Alur", "Lanjut", "Next", "Flow"),
    Column.NOTES: ("Keterangan", "Ket.", "Ket", "Notes"),
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


@dataclass(frozen=True)
class ColumnMap:
    """Where each recognised column sits, and which headers were not recognised."""

    index: dict[Column, int]
    unknown: tuple[int, ...]
    repeated: tuple[int, ...]

    @property
    def missing(self) -> tuple[Column, ...]:
        """Required columns that the table lacks."""
        return tuple(column for column in REQUIRED_COLUMNS if column not in self.index)


def map_columns(header: tuple[str, ...]) -> ColumnMap:
    """Recognise each header; the first of two headers with one meaning wins."""
    index: dict[Column, int] = {}
    unknown: list[int] = []
    repeated: list[int] = []
    for position, text in enumerate(header):
        column = _COLUMN_BY_HEADER.get(normalise_header(text))
        if column is None:
            unknown.append(position)
        elif column in index:
            repeated.append(position)
        else:
            index[column] = position
    return ColumnMap(index, tuple(unknown), tuple(repeated))


def accepted_headers(column: Column) -> str:
    """The headers accepted for ``column``, for messages and docs."""
    return ", ".join(repr(alias) for alias in HEADER_ALIASES[column])

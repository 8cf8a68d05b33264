"""The options of the ``sop`` directive: names, aliases and how values are split."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .problems import Problem

#: Each option's English name and its Indonesian aliases.
OPTION_ALIASES: dict[str, tuple[str, ...]] = {
    "id": (),
    "number": ("nomor",),
    "agency": ("instansi",),
    "unit": ("unit-kerja",),
    "logo": ("lambang",),
    "created": ("tanggal-pembuatan",),
    "revised": ("tanggal-revisi",),
    "effective": ("tanggal-efektif",),
    "approved-by": ("disahkan-oleh",),
    "approver-name": ("nama-pejabat",),
    "approver-rank": ("pangkat",),
    "approver-nip": ("nip",),
    "legal-basis": ("dasar-hukum",),
    "qualifications": ("kualifikasi-pelaksana",),
    "related": ("keterkaitan",),
    "equipment": ("peralatan",),
    "warnings": ("peringatan",),
    "records": ("pencatatan",),
    "actors": ("pelaksana",),
    "diagram": (),
    "status": (),
    "superseded-by": ("diganti-oleh",),
    "change-note": ("catatan-perubahan",),
}
LIST_OPTIONS = ("legal-basis", "qualifications", "related", "equipment", "warnings", "records")
DATE_OPTIONS = ("created", "revised", "effective")
#: Values of ``:diagram:`` and ``sop_diagram``: which flowchart views an SOP shows.
DIAGRAMS = ("table", "graphviz", "both")
UNSET_VALUES = frozenset({"", "-", "–", "—"})

#: An option line: ``:name: value`` (reST, MyST) or ``name: value`` (MyST's YAML block).
_OPTION_LINE = re.compile(r"\s*:?([\w-]+):(?:\s|$)")
#: An option line of reStructuredText: ``:name:``, then the value's first line.
_RST_OPTION = re.compile(r"(?P<indent>[ \t]*):(?P<name>[\w-]+):(?:[ \t]+|$)")
#: A list item's own marker: ``1.``, ``1)``, ``a.``, ``a)`` or a bullet, then a space.
_MARKER = re.compile(r"(?:\d+[.)]|[a-z][.)]|[-*•●▪◦–—])(?:\s+|$)")
#: A number pasted from a PDF without its dot: ``1 Lurah``.
_BARE_NUMBER = re.compile(r"(\d{1,3})(?:\s+|$)")
#: A line ending in a word broken with a hyphen: ``Undang-`` + ``Undang``.
_BROKEN_WORD = re.compile(r"\w-$")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ID_LIKE = re.compile(r"[^\s,]+")
_NIP_CHARACTERS = re.compile(r"[\d\s.]+")


def option_lines(block_text: str, first_line: int, given: Iterable[str]) -> dict[str, int | None]:
    """The source line of each option in ``given``, found in a directive's text."""
    names = set(given)
    lines: dict[str, int | None] = {}
    for offset, text in enumerate(block_text.splitlines()):
        if (match := _OPTION_LINE.match(text)) and match[1] in names:
            lines.setdefault(match[1], first_line + offset)
    return lines


def canonical_options(
    options: dict[str, str],
    line_of: dict[str, int | None],
    aliases: Mapping[str, tuple[str, ...]] = OPTION_ALIASES,
) -> tuple[dict[str, str], list[Problem]]:
    """Map alias names to English names; a field given twice keeps its first value."""
    canonical_of = {
        name: canonical for canonical, names in aliases.items() for name in (canonical, *names)
    }
    values: dict[str, str] = {}
    written_as: dict[str, str] = {}
    problems = []
    for name, value in options.items():
        canonical = canonical_of.get(name)
        if canonical is None:
            problems.append(_unknown_option(name, list(canonical_of), line_of.get(name)))
            continue
        if canonical in values:
            problems.append(
                Problem(
                    f":{name}: repeats :{written_as[canonical]}: (the same field): "
                    "keep one of them",
                    line_of.get(name),
                    "option",
                )
            )
            continue
        values[canonical] = (value or "").strip()
        written_as[canonical] = name
    return values, problems


def _unknown_option(name: str, known: list[str], line: int | None) -> Problem:
    """An option no directive of ours has: name the closest one, leave its value out."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f"did you mean :{close[0]}:? " if close else ""
    return Problem(
        f"unknown option :{name}:: {hint}fix its name, or remove it (it is left out meanwhile)",
        line,
        "option",
    )


def is_unset(value: str | None) -> bool:
    """Whether an option value means "not set" (empty or a dash)."""
    return value is None or value.strip() in UNSET_VALUES


@dataclass(frozen=True)
class WrittenLine:
    """One line of an option's value and the column where it starts in the source."""

    column: int
    text: str


def value_lines(value: str) -> list[WrittenLine]:
    """The lines of an option value, each at the indentation the value keeps."""
    return [
        WrittenLine(len(line) - len(line.lstrip()), line.strip())
        for line in value.splitlines()
        if line.strip()
    ]


def source_lines(block_text: str, names: Iterable[str]) -> list[WrittenLine] | None:
    """The lines of the first option among ``names`` as written in a directive's text.

    docutils hands an option's value over with the indentation of its first
    line lost (it follows the option's name); the source still shows it.
    ``None`` when the option is not written as ``:name:`` in the options block.
    """
    wanted = set(names)
    for position, text in enumerate(block_text.splitlines()):
        if not text.strip() and position:
            return None  # the options block ends at the first blank line
        match = _RST_OPTION.match(text)
        if match and match["name"] in wanted:
            break
    else:
        return None
    indent = len(match["indent"])
    first = text[match.end() :]
    lines = [WrittenLine(match.end(), first.strip())] if first.strip() else []
    for text in block_text.splitlines()[position + 1 :]:
        column = len(text) - len(text.lstrip())
        if not text.strip() or column <= indent:
            break
        lines.append(WrittenLine(column, text.strip()))
    return lines


def written_lines(value: str, block_text: str, names: Iterable[str]) -> list[WrittenLine]:
    """The lines of an option value with their columns: from the source when it shows them.

    The source is used only when its lines are the value's lines, so a value
    that reached the directive another way (MyST's YAML block) keeps its own.
    """
    own = value_lines(value)
    written = source_lines(block_text, names)
    if written is not None and [line.text for line in written] == [line.text for line in own]:
        return written
    return own


def split_lines(value: str | Sequence[WrittenLine]) -> list[str]:
    """The lines of a multi-line text option (``:unit:``), each printed on its own line.

    A line indented deeper than the one above continues it; no markers.
    """
    return split_items(value, markers=False)


def split_items(value: str | Sequence[WrittenLine], markers: bool = True) -> list[str]:
    """The items of a list option.

    Without markers, one item per line. When items carry their own markers
    (``1.``, ``1)``, ``a.``, ``-``, ``•``, or pasted numbers without a dot,
    ``1 ``, ``2 ``… counting up from 1 on the first line), a line without a
    marker continues the item above, and the markers are dropped. A line
    indented deeper than its item's first line always continues the item.
    Continued lines are joined with a space (none after a word broken with a
    hyphen); nothing else is dropped.
    """
    lines = value_lines(value) if isinstance(value, str) else [line for line in value if line.text]
    pasted_numbers = markers and bool(lines) and _pasted_number(lines[0].text) == 1
    items: list[list[str]] = []
    item_column = 0
    marked = False
    next_number = 1
    for line in lines:
        if items and line.column > item_column:
            items[-1].append(line.text)
            continue
        number = _pasted_number(line.text) if pasted_numbers else None
        marker = _MARKER.match(line.text) if markers else None
        if number == next_number:
            next_number += 1
            marker = _BARE_NUMBER.match(line.text)
        if marker:
            marked = True
            items.append([line.text[marker.end() :]])
            item_column = line.column
        elif marked and items:
            items[-1].append(line.text)
        else:
            items.append([line.text])
            item_column = line.column
    return [text for parts in items if (text := _joined(parts))]


def _pasted_number(text: str) -> int | None:
    match = _BARE_NUMBER.match(text)
    return int(match[1]) if match else None


def _joined(parts: list[str]) -> str:
    text = ""
    for part in (part.strip() for part in parts):
        if not part:
            continue
        gap = "" if not text or _BROKEN_WORD.search(text) else " "
        text = f"{text}{gap}{part}"
    return text


def split_related(value: str | Sequence[WrittenLine]) -> list[str]:
    """Related SOPs: one per line, and a line of ids may list several, comma separated.

    A line with a comma is split only when every part looks like an id, so free
    text such as ``SOP Arsip, Dinas Kearsipan`` stays whole.
    """
    items = []
    for line in split_items(value):
        parts = [part.strip() for part in line.split(",") if part.strip()]
        if len(parts) > 1 and all(looks_like_id(part) for part in parts):
            items.extend(parts)
        else:
            items.append(line)
    return items


def split_actors(value: str) -> list[str]:
    """Actor names, comma separated or one per line, in order, without repeats.

    Read the same way in ``:actors:`` and in a step's *Pelaksana* cell.
    """
    names = (" ".join(name.split()) for name in re.split(r"[,;\n]", value))
    return list(dict.fromkeys(name for name in names if name))


def looks_like_id(text: str) -> bool:
    """Whether ``text`` is written like an SOP id (one word, no spaces)."""
    return bool(_ID_LIKE.fullmatch(text))


def is_valid_id(text: str) -> bool:
    """Whether ``text`` is a well-formed id: ``[a-z0-9-]+``."""
    return bool(_ID.fullmatch(text))


def slugify(text: str) -> str:
    """``text`` as an id: ASCII lower case, words joined by ``-``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def check_nip(nip: str) -> str | None:
    """What is wrong with a NIP, or ``None``: 18 digits, spaces allowed."""
    if not _NIP_CHARACTERS.fullmatch(nip):
        return f"the NIP {nip!r} has characters other than digits: write the 18-digit NIP"
    digits = re.sub(r"\D", "", nip)
    if len(digits) != 18:
        return f"the NIP {nip!r} has {len(digits)} digits, but a NIP has 18: check it"
    return None

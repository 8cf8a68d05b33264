"""The options of the ``sop`` directive: names, aliases and how values are split."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from .problems import Problem

#: Each option's English name and its Indonesian aliases.
OPTION_ALIASES: dict[str, tuple[str, ...]] = {
    "id": (),
    "number": ("nomor",),
    "unit": ("unit-kerja",),
    "created": ("tanggal-pembuatan",),
    "revised": ("tanggal-revisi",),
    "effective": ("tanggal-efektif",),
    "approved-by": ("disahkan-oleh",),
    "approver-name": ("nama-pejabat",),
    "approver-nip": ("nip",),
    "legal-basis": ("dasar-hukum",),
    "qualifications": ("kualifikasi-pelaksana",),
    "related": ("keterkaitan",),
    "equipment": ("peralatan",),
    "warnings": ("peringatan",),
    "records": ("pencatatan",),
    "actors": ("pelaksana",),
    "diagram": (),
}
LIST_OPTIONS = ("legal-basis", "qualifications", "related", "equipment", "warnings", "records")
DATE_OPTIONS = ("created", "revised", "effective")
#: Values of ``:diagram:`` and ``sop_diagram``: which flowchart views an SOP shows.
DIAGRAMS = ("table", "graphviz", "both")
UNSET_VALUES = frozenset({"", "-", "–", "—"})

#: An option line: ``:name: value`` (reST, MyST) or ``name: value`` (MyST's YAML block).
_OPTION_LINE = re.compile(r"\s*:?([\w-]+):(?:\s|$)")
_ENUMERATOR = re.compile(r"^(?:\d+[.)]|[a-z][.)]|[-*•])\s+")
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


def is_unset(value: str | None) -> bool:
    """Whether an option value means "not set" (empty or a dash)."""
    return value is None or value.strip() in UNSET_VALUES


def split_items(value: str) -> list[str]:
    """One item per line; a leading ``1.``, ``a)`` or ``-`` the author typed is dropped."""
    items = []
    for line in value.splitlines():
        item = _ENUMERATOR.sub("", line.strip(), count=1).strip() if line.strip() else ""
        if item:
            items.append(item)
    return items


def split_related(value: str) -> list[str]:
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

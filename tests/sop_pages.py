"""Whole SOP pages for the fuzz tests: hypothesis strategies and their reStructuredText.

A :class:`Page` holds one to three :class:`SOP` s; each is written with its
options and its step table in one of four table syntaxes.  Every text is a
:class:`Text`: how it is written in reST, and how each output shows it to a
reader, so the tests can look for it after the build.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import string
import unicodedata
from dataclasses import dataclass

import docutils
from docutils.utils import column_width
from hypothesis import strategies as st
from sphinx.util import texescape
from sphinx.util.texescape import escape as tex_escape

# Sphinx fills its LaTeX escape tables when a LaTeX builder starts; texts are made before.
texescape.init()

#: Characters no output can show (see the guide's warnings page): left out of the text.
CONTROLS = "".join(
    chr(code) for code in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, 0x7F, *range(0x80, 0x85))
) + "".join(chr(code) for code in range(0x86, 0xA0))
#: docutils before 0.22 cannot read a grid table holding a combining mark ("Malformed
#: table", its own error; the guide says so): there, such an SOP is written as a list-table.
GRID_TABLES_READ_COMBINING_MARKS = docutils.__version_info__ >= (0, 22)
#: What reST reads as a space (docutils turns these into spaces before parsing).
SPACES = "\v\f"
#: What a reader of HTML does not see: soft hyphens mark where a long word may break.
SOFT_HYPHEN = "\N{SOFT HYPHEN}"

HOSTILE = (
    "<script>alert(1)</script>", "&amp;", "&", '"dq"', "'sq'", "back\\slash", "\\", "{braces}",
    "}{", "100%", "#3", "$1", "~7", "^4", "_5", "a|b", "*star*", "`tick`", "[1]_", "a--b",
    "<!--", "]]>", "&#x41;", "\\\\n", "@{x}", "\\textbf{x}", "%%", "--", "<", ">",
)  # fmt: skip
UNICODE = (
    "مرحبا بالعالم", "שָׁלוֹם", "\u202eRLO\u202c", "\u200fRLM", "😀", "👩\u200d💻", "🇮🇩",
    "e\u0301", "a\u0308\u0323", "漢字", "ＡＢ", "\u200b", "Surat\u00admasuk", "ñ", "ß",
    "\u0915\u094d\u0937", "\ufeff", "\u00a0", "\u3000", "Ωμέγα", "ǅ", "\U0001d49c",
)  # fmt: skip
WORDS = (
    "Surat", "masuk", "Kepala", "Dinas", "memeriksa", "berkas", "Staf", "TU", "verifikasi",
    "Pemohon", "Bappeda", "Kasubbag", "Umum", "dokumen", "arsip", "Sekretaris",
)  # fmt: skip
#: reST markup: how it is written, and how HTML, LaTeX and text show the word inside.
MARKUP = (
    ("*{}*", "{}", r"\sphinxstyleemphasis{{{}}}", "*{}*"),
    ("**{}**", "{}", r"\sphinxstylestrong{{{}}}", "**{}**"),
    ("``{}``", "{}", r"\sphinxcode{{\sphinxupquote{{{}}}}}", '"{}"'),
)
#: Characters that split a text where it is read: actor names (``,`` ``;``), flow exits.
ACTOR_SEPARATORS = ",;"
FLOW_SEPARATORS = ",;:=→>"
END_WORDS = ("Selesai", "End", "selesai", "SELESAI", "Stop")
TIMES = ("5 menit", "2 jam", "1 hari", "3 hari kerja", "30 minutes", "2 hours", "1 day", "±1 jam")


def read(text: str) -> str:
    """``text`` as docutils reads it and a reader sees it: no controls, spaces tidied."""
    for space in SPACES:
        text = text.replace(space, " ")
    text = "".join(char for char in text if char not in CONTROLS)
    return " ".join(text.split())


def rst_escape(text: str) -> str:
    """``text`` written in reST so that it reads as itself: ASCII punctuation escaped."""
    return re.sub(f"([{re.escape(string.punctuation)}])", r"\\\1", text)


PARTS = ("rst", "html", "tex", "plain")


@dataclass(frozen=True)
class Text:
    """A text as written in reST and as HTML, LaTeX and the text builder show it."""

    rst: str
    html: str
    tex: str
    plain: str

    @property
    def seen(self) -> str:
        """What a reader of the HTML page sees (soft hyphens are invisible)."""
        return read(self.html.replace(SOFT_HYPHEN, ""))

    @property
    def tex_seen(self) -> str:
        return read(self.tex)

    @property
    def plain_seen(self) -> str:
        return read(self.plain)


def plain_text(text: str) -> Text:
    """Text without markup, escaped where reST would read markup."""
    shown = read(text)
    return Text(rst_escape(text), shown, tex_escape(shown), shown)


def literal(text: str) -> Text:
    """Text read as written: a directive's title is not parsed for markup."""
    shown = read(text)
    return Text(text, shown, tex_escape(shown), shown)


def join(texts: list[Text]) -> Text:
    """The texts, a space between each two."""
    return joined(texts, " ")


def joined(texts: list[Text], separator: str) -> Text:
    """The texts, ``separator`` (plain text) between each two."""
    return Text(*(separator.join(getattr(text, part) for text in texts) for part in PARTS))


def followed_by(text: Text, suffix: str) -> Text:
    """``text`` and right after it ``suffix`` (plain text)."""
    shown = read(suffix)
    return Text(
        text.rst + rst_escape(suffix),
        text.html + shown,
        text.tex + tex_escape(shown),
        text.plain + shown,
    )


words = st.sampled_from(WORDS).map(plain_text)
pieces = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from(UNICODE),
    st.sampled_from(CONTROLS + SPACES),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Co")),
        min_size=1,
        max_size=6,
    ),
)


#: A directive's title, after a word of its own: its words are not parsed for markup.
titles = st.builds(lambda others: " ".join(others), st.lists(pieces, max_size=4))


@st.composite
def markup(draw: st.DrawFn) -> Text:
    rst, html, tex, plain = draw(st.sampled_from(MARKUP))
    word = draw(st.sampled_from(WORDS))
    return Text(rst.format(word), html.format(word), tex.format(word), plain.format(word))


#: The syntaxes whose cells may hold several lines.
MULTILINE = ("list-table", "csv-table")


def two_paragraphs() -> st.SearchStrategy:
    """A cell of two paragraphs: LaTeX starts the second with ``\\sphinxAtStartPar``."""
    return st.builds(
        lambda first, second: Text(
            f"{first.rst}\n\n{second.rst}",
            f"{first.html} {second.html}",
            f"{first.tex} \\sphinxAtStartPar {second.tex}",
            f"{first.plain} {second.plain}",
        ),
        texts(),
        texts(),
    )


def texts(excluded: str = "", with_markup: bool = True, max_size: int = 4) -> st.SearchStrategy:
    """A text starting with a word (so it is never blank or a list marker), hostile after."""
    hostile = pieces.filter(lambda piece: not set(piece) & set(excluded)).map(plain_text)
    rest = st.one_of(words, hostile, markup()) if with_markup else st.one_of(words, hostile)
    return st.builds(
        lambda first, others: join([first, *others]), words, st.lists(rest, max_size=max_size)
    )


# -- the SOP ----------------------------------------------------------------------


@dataclass(frozen=True)
class Exit:
    """A labelled exit of a decision: its label, and the step number it goes to."""

    label: Text
    target: int


@dataclass(frozen=True)
class Row:
    """One row of the step table: each column's text (``None``: the column is left out)."""

    number: str
    activity: Text
    actors: tuple[Text, ...]
    requirements: Text | None
    time: Text | None
    output: Text | None
    flow: Text | None
    notes: Text | None
    #: The labelled exits written in ``flow``.
    exits: tuple[Exit, ...] = ()

    def actor_cell(self) -> Text:
        return joined(list(self.actors), ", ")


#: The step table's columns: attribute of :class:`Row`, and the headers accepted for it.
COLUMNS = {
    "number": ("No", "No.", "Nomor", "#", "Step", "no"),
    "activity": ("Kegiatan", "Aktivitas", "Uraian Kegiatan", "Activity", "KEGIATAN"),
    "actors": ("Pelaksana", "Aktor", "Actor", "Role"),
    "requirements": ("Kelengkapan", "Persyaratan", "Requirements", "Input"),
    "time": ("Waktu", "Time", "Duration"),
    "output": ("Output", "Keluaran"),
    "flow": ("Alur", "Lanjut", "Next", "Flow"),
    "notes": ("Keterangan", "Ket.", "Notes"),
}


@dataclass(frozen=True)
class SOP:
    """One ``sop`` directive: title, options and step table in a table syntax."""

    title: Text
    options: tuple[tuple[str, str], ...]
    #: Option texts a reader must find in the identity part.
    shown: tuple[Text, ...]
    headers: tuple[tuple[str, str], ...]  # (column, header as written)
    rows: tuple[Row, ...]
    syntax: str

    @property
    def key(self) -> str:
        """The first word of the title, which no other SOP of the page has."""
        return self.title.html.split()[0]

    def cell(self, row: Row, column: str) -> Text | None:
        if column == "number":
            return plain_text(row.number)
        if column == "actors":
            return row.actor_cell()
        return getattr(row, column)

    def cells(self) -> list[list[str]]:
        """The reST of every cell, header row first."""
        header = [rst_escape(written) for _, written in self.headers]
        body = [
            [(text.rst if (text := self.cell(row, column)) else "") for column, _ in self.headers]
            for row in self.rows
        ]
        return [header, *body]

    def rst(self) -> str:
        lines = [f".. sop:: {self.title.rst}"]
        lines += [
            f"   :{name}: {value}" if value else f"   :{name}:" for name, value in self.options
        ]
        lines += ["", *("   " + line if line else "" for line in TABLE_WRITERS[self.syntax](self))]
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Page:
    """A page of SOPs, and the language of its labels."""

    sops: tuple[SOP, ...]
    language: str = "en"

    def rst(self) -> str:
        return "Fuzz\n====\n\n" + "\n".join(sop.rst() for sop in self.sops)


# -- table syntaxes -----------------------------------------------------------------


def _pad(text: str, width: int) -> str:
    return text + " " * (width - column_width(text))


def simple_table(sop: SOP) -> list[str]:
    cells = sop.cells()
    # One column more than the longest text: docutils (0.22) gives the last letter of a
    # text that fills its column exactly, and holds combining marks, to the next column too.
    widths = [1 + max(column_width(row[index]) for row in cells) for index in range(len(cells[0]))]
    border = "  ".join("=" * width for width in widths)
    lines = [border, _simple_row(cells[0], widths), border]
    lines += [_simple_row(row, widths) for row in cells[1:]]
    return [*lines, border]


def _simple_row(row: list[str], widths: list[int]) -> str:
    # An empty cell in the first column would continue the row above.
    return "  ".join(_pad(text, width) for text, width in zip(row, widths, strict=True)).rstrip()


def grid_table(sop: SOP) -> list[str]:
    cells = sop.cells()
    widths = [
        max(1, *(column_width(row[index]) for row in cells)) for index in range(len(cells[0]))
    ]

    def border(char: str) -> str:
        return "+" + "+".join(char * (width + 2) for width in widths) + "+"

    lines = [border("-"), _grid_row(cells[0], widths), border("=")]
    for row in cells[1:]:
        lines += [_grid_row(row, widths), border("-")]
    return lines


def _grid_row(row: list[str], widths: list[int]) -> str:
    return (
        "|"
        + "|".join(f" {_pad(text, width)} " for text, width in zip(row, widths, strict=True))
        + "|"
    )


def list_table(sop: SOP) -> list[str]:
    lines = [".. list-table::", "   :header-rows: 1", ""]
    for row in sop.cells():
        for position, text in enumerate(row):
            marker = "   * - " if position == 0 else "     - "
            lines.append((marker + text.replace("\n", "\n       ")).rstrip())
    return [line.rstrip() for line in "\n".join(lines).split("\n")]


def csv_table(sop: SOP) -> list[str]:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(sop.cells())
    lines = [".. csv-table::", "   :header-rows: 1", ""]
    rows = buffer.getvalue().rstrip("\n").split("\n")
    return lines + [f"   {line}" if line else "" for line in rows]


TABLE_WRITERS = {
    "simple": simple_table,
    "grid": grid_table,
    "list-table": list_table,
    "csv-table": csv_table,
}


# -- strategies ---------------------------------------------------------------------


def flows(draw: st.DrawFn, count: int) -> list[tuple[Text | None, tuple[Exit, ...]]]:
    """The *Alur* cells (next row, jumps back, ahead and nowhere, decisions, ends) and
    the labelled exits written in them."""
    targets = st.integers(min_value=1, max_value=count + 2)
    cells: list[tuple[Text | None, tuple[Exit, ...]]] = []
    for _ in range(count):
        kind = draw(st.sampled_from(["next", "jump", "decision", "end", "garbage"]))
        if kind == "jump":
            cells.append((plain_text(str(draw(targets))), ()))
        elif kind == "decision":
            labels = draw(
                st.lists(
                    texts(FLOW_SEPARATORS, with_markup=False, max_size=2),
                    min_size=2,
                    max_size=3,
                    unique_by=lambda text: text.seen.casefold(),
                )
            )
            exits = tuple(Exit(label, draw(targets)) for label in labels)
            written = [followed_by(way_out.label, f": {way_out.target}") for way_out in exits]
            cells.append((joined(written, ", "), exits))
        elif kind == "end":
            cells.append((plain_text(draw(st.sampled_from(END_WORDS))), ()))
        elif kind == "garbage":
            cells.append((draw(texts(max_size=2)), ()))
        else:
            cells.append((None, ()))
    return cells


@st.composite
def sops(draw: st.DrawFn, index: int) -> SOP:
    actor_names = draw(
        st.lists(
            texts(ACTOR_SEPARATORS, with_markup=False, max_size=2),
            min_size=1,
            max_size=4,
            unique_by=lambda text: text.seen,
        )
    )
    count = draw(st.integers(min_value=1, max_value=10))
    numbering = draw(st.sampled_from(["ordered", "ordered", "gaps", "repeat", "junk"]))
    numbers = [str(number) for number in range(1, count + 1)]
    if numbering == "gaps":
        numbers = [str(number * 2 + 1) for number in range(count)]
    elif numbering == "repeat" and count > 1:
        numbers[-1] = numbers[0]
    elif numbering == "junk":
        numbers[draw(st.integers(0, count - 1))] = draw(st.sampled_from(["x", "1a", "-", "0"]))
    optional = draw(
        st.lists(
            st.sampled_from(["number", "requirements", "time", "output", "flow", "notes"]),
            unique=True,
        )
    )
    syntax = draw(st.sampled_from(sorted(TABLE_WRITERS)))
    # A list-table or csv-table cell may hold several paragraphs.
    cell = st.one_of(st.none(), texts(), *([two_paragraphs()] if syntax in MULTILINE else []))
    flow_cells = flows(draw, count)
    rows = tuple(
        Row(
            number=numbers[position],
            activity=draw(texts()),
            actors=tuple(
                draw(st.lists(st.sampled_from(actor_names), min_size=1, max_size=2, unique=True))
            ),
            requirements=draw(cell) if "requirements" in optional else None,
            time=(
                draw(st.one_of(st.sampled_from(TIMES).map(plain_text), texts(max_size=1)))
                if "time" in optional
                else None
            ),
            output=draw(cell) if "output" in optional else None,
            flow=flow_cells[position][0] if "flow" in optional else None,
            exits=flow_cells[position][1] if "flow" in optional else (),
            notes=draw(cell) if "notes" in optional else None,
        )
        for position in range(count)
    )
    columns = draw(st.permutations(["activity", "actors", *optional]))
    # The number comes first; in a simple table an empty first cell continues the row above.
    first = "number" if "number" in columns else "activity" if syntax == "simple" else None
    if first:
        columns = [first, *(column for column in columns if column != first)]
    headers = tuple((column, draw(st.sampled_from(COLUMNS[column]))) for column in columns)
    options, shown = draw(sop_options(index, actor_names))
    sop = SOP(
        title=literal(f"Fuzz{index} {draw(titles)}"),
        options=options,
        shown=shown,
        headers=headers,
        rows=rows,
        syntax=syntax,
    )
    if syntax == "grid" and not GRID_TABLES_READ_COMBINING_MARKS and _has_combining_mark(sop):
        return dataclasses.replace(sop, syntax="list-table")
    return sop


def _has_combining_mark(sop: SOP) -> bool:
    return any(unicodedata.combining(char) for row in sop.cells() for text in row for char in text)


#: Options written wrong, each a warning (and both flowcharts, the Graphviz one too).
BAD_OPTIONS = (
    ("created", "31 Februari 2019"),
    ("effective", "kemarin"),
    ("approver-nip", "12345"),
    ("diagram", "pie"),
    ("diagram", "both"),
    ("status", "maybe"),
    ("id", "Bad Id!"),
    ("superseded-by", "nowhere"),
    ("related", "no-such-sop"),
    ("nomr", "typo"),
)
#: An option no directive of the extension knows: a warning, and the SOP is kept.
UNKNOWN_OPTION = "nomr"


@st.composite
def sop_options(
    draw: st.DrawFn, index: int, actor_names: list[Text]
) -> tuple[tuple[tuple[str, str], ...], tuple[Text, ...]]:
    """Options, some written wrong, and the texts a reader must find in the identity part."""
    options = {"id": f"sop-{index}"}
    shown: list[Text] = []
    for name in draw(
        st.lists(st.sampled_from(["number", "unit", "approved-by", "approver-name"]), unique=True)
    ):
        text = draw(texts())
        options[name] = text.rst
        shown.append(text)
    for name in draw(
        st.lists(st.sampled_from(["legal-basis", "equipment", "records"]), unique=True)
    ):
        items = draw(st.lists(texts(), min_size=1, max_size=3))
        options[name] = "".join("\n      " + item.rst for item in items)
        shown.extend(items)
    if draw(st.booleans()):
        options["actors"] = ", ".join(actor.rst for actor in actor_names)
    options.update(draw(st.lists(st.sampled_from(BAD_OPTIONS), max_size=2)))
    return tuple(options.items()), tuple(shown)


@st.composite
def pages(draw: st.DrawFn) -> Page:
    count = draw(st.integers(min_value=1, max_value=3))
    return Page(
        sops=tuple(draw(sops(index)) for index in range(count)),
        language=draw(st.sampled_from(["en", "id"])),
    )

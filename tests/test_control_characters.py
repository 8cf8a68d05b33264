"""Control characters in an SOP are left out of every output, with a warning at their line.

The page is written here, not kept as a test root, so that the characters are
visible in the test (``\\b`` is a backspace, U+0008).
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from defusedxml import ElementTree
from sphinx.testing.util import SphinxTestApp

from conftest import procedure, warnings

PAGE = """\
Controls
========

.. sop:: Surat\b masuk
   :id: controls
   :number: 800/\x07/2024
   :actors: Staf\x1b TU, Kasubbag

   Prose with a NUL\x00 in it.

   +----+-----------------+-----------+---------------------+
   | No | Kegiatan        | Pelaksana | Alur                |
   +====+=================+===========+=====================+
   | 1  | Menerima\b surat | Staf\x1b TU  |                     |
   +----+-----------------+-----------+---------------------+
   | 2  | Memeriksa       | Kasubbag  | Ya\x02: 3, Tidak\x7f: 1   |
   +----+-----------------+-----------+---------------------+
   | 3  | Mengarsipkan    | Staf\x1b TU  | Selesai\x9c            |
   +----+-----------------+-----------+---------------------+
"""
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def build(folder: Path, builder: str) -> SphinxTestApp:
    source = folder / builder
    source.mkdir()
    (source / "conf.py").write_text('extensions = ["sphinxcontrib_sop"]\n', encoding="utf-8")
    (source / "index.rst").write_text(PAGE, encoding="utf-8")
    app = SphinxTestApp(builder, srcdir=source, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture(scope="module")
def apps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SphinxTestApp]:
    folder = tmp_path_factory.mktemp("controls")
    return {builder: build(folder, builder) for builder in ("html", "latex", "text")}


def test_each_line_holding_one_is_warned_about(apps: dict[str, SphinxTestApp]) -> None:
    found = [
        re.sub(r"^.*index\.rst:", "", line)
        for line in warnings(apps["html"])
        if "control characters" in line
    ]
    assert found == [
        f"{line}: WARNING: the text holds control characters ({codes}), which no output can "
        "show: they are left out; delete them from the source [sop.text]"
        for line, codes in [
            (4, "U+0008"),
            (6, "U+0007"),
            (7, "U+001B"),
            (9, "U+0000"),
            (14, "U+0008, U+001B"),
            (16, "U+0002, U+007F"),
            (18, "U+001B, U+009C"),
        ]
    ]


def test_the_sop_reads_as_if_they_were_not_written(apps: dict[str, SphinxTestApp]) -> None:
    sop = procedure(apps["html"], "controls")
    assert (sop.title, sop.number) == ("Surat masuk", "800//2024")
    assert sop.actors == ("Staf TU", "Kasubbag")
    assert [step.activity for step in sop.steps] == [
        "Menerima surat",
        "Memeriksa",
        "Mengarsipkan",
    ]
    assert [way_out.branch for way_out in sop.steps[1].flow.exits] == ["Ya", "Tidak"]
    assert sop.steps[2].flow.ends


def test_the_inline_svg_is_well_formed_xml(apps: dict[str, SphinxTestApp]) -> None:
    page = (apps["html"].outdir / "index.html").read_text(encoding="utf-8")
    pictures = re.findall(r"<svg\b.*?</svg>", page, flags=re.DOTALL)
    assert len(pictures) >= 3
    for svg in pictures:
        ElementTree.fromstring(svg)


@pytest.mark.parametrize(
    ("builder", "output"),
    [("html", "index.html"), ("latex", "projectnamenotset.tex"), ("text", "index.txt")],
)
def test_no_output_holds_any(apps: dict[str, SphinxTestApp], builder: str, output: str) -> None:
    written = (apps[builder].outdir / output).read_text(encoding="utf-8")
    assert CONTROL.findall(written) == []
    assert "Menerima surat" in " ".join(written.split())

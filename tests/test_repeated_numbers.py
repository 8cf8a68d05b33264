"""Rows whose step number repeats an earlier row's: printed everywhere, arrows passing through.

Such a row (a warning) has no symbol of its own; its texts are printed where
they were written, in HTML and in the PDF, and the arrows of the step row
before it run down through it.  Flows to the number go to the first row.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, html, printed_pages, procedure, text_of, warnings
from sphinxcontrib_sop.core.model import Edge
from sphinxcontrib_sop.layout.sheet import printed_flowchart

#: The rows written twice: (SOP, step number, the repeating row's activity).
TWINS = [
    ("surat", 2, "Langkah kembar"),
    ("panjang", 7, "Kembar 7, baris bernomor sama"),
    ("panjang", 17, "Kembar 17, baris bernomor sama"),
    ("panjang", 27, "Kembar 27, baris bernomor sama"),
    ("panjang", 37, "Kembar 37, baris bernomor sama"),
]


@pytest.fixture(scope="module")
def html_app(tmp_path_factory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("html"), "repeated-numbers")


@pytest.fixture(scope="module")
def page(html_app) -> BeautifulSoup:
    return html(html_app)


@pytest.fixture(scope="module")
def tex_app(tmp_path_factory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("latex"), "repeated-numbers", "latex")


@pytest.fixture(scope="module")
def tex(tex_app) -> str:
    return (tex_app.outdir / "ganda.tex").read_text(encoding="utf-8")


def flowchart_rows(page: BeautifulSoup, sop_id: str) -> list:
    block = page.find(id=f"sop-{sop_id}")
    return block.select("table.sop-flowchart > tbody > tr[data-step]")


def arrows(svg) -> list[tuple[str, str, str]]:
    """The arrows an SVG draws: from, to and branch of each."""
    return [
        (arrow.get("data-from"), arrow.get("data-to"), arrow.get("data-branch"))
        for arrow in svg.select("g.sop-arrow")
    ]


def test_each_repeated_number_warns(html_app):
    found = warnings(html_app)
    assert len(found) == len(TWINS)
    for warning, (_, number, _) in zip(found, TWINS, strict=True):
        assert f"WARNING: step number {number} is used twice: number each step once" in warning


def test_html_prints_the_row_where_it_was_written_without_a_symbol(page):
    rows = flowchart_rows(page, "surat")
    assert [row["data-step"] for row in rows] == ["1", "2", "3", "2", "4"]
    assert text_of(rows[3].select_one("td.sop-activity")) == "Langkah kembar"
    assert [
        text_of(rows[3].select_one(f"td.sop-{column}"))
        for column in ("requirements", "time", "output")
    ] == [
        "Map kembar",
        "7 menit",
        "Tanda kembar",
    ]
    assert not rows[3].select("svg.sop-band")
    symbols = page.find(id="sop-surat").select("table.sop-flowchart g.sop-symbol")
    assert [symbol["data-step"] for symbol in symbols] == ["1", "2", "3", "4"]


def test_html_arrows_pass_down_through_the_repeated_row(page):
    rows = flowchart_rows(page, "surat")
    before, twin = rows[2].select_one("svg.sop-stretch"), rows[3].select_one("svg.sop-stretch")
    assert twin is not None
    assert "top: 0px; height: calc(100% - 0px)" in twin["style"]
    # The same lines as those continuing down the row before it: the decision's
    # "Ya" exit to step 4 among them.
    assert arrows(twin) == arrows(before)
    assert ("2", "4", "ya") in arrows(twin)


def test_two_rows_with_one_number_going_on_to_one_step_draw_one_arrow(html_app):
    edges = procedure(html_app, "panjang").edges
    assert edges.count(Edge(7, 8)) == 1
    assert len(edges) == len(set(edges))


def latex_rows(tex: str) -> list[str]:
    """The rows of the printed flowcharts, each from its ``\\sopstartrow`` to its end."""
    return [row.split("\\\\ \\hline", 1)[0] for row in tex.split("\\sopstartrow")[1:]]


def latex_row(tex: str, activity: str) -> str:
    """The printed row whose activity is ``activity``."""
    (row,) = [row for row in latex_rows(tex) if f"\n{activity} & \\sopband" in row]
    return row


def lines_down_to_the_end(row: str) -> set[float]:
    """Where the row's arrows run down to its lower edge (``-\\sopheight``)."""
    return {
        float(x) for x in re.findall(r"\\draw\[sopflow\] [^;]*\(([\d.]+)pt,-\\sopheight\);", row)
    }


def test_latex_prints_every_repeated_row(tex):
    for _, number, activity in TWINS:
        row = latex_row(tex, activity)
        # As tall as its texts, its number, no symbol drawn.
        assert row.startswith("{0.0pt}\\sopmeasure")
        assert re.search(rf"\}}{number} & \\sphinxAtStartPar\n{re.escape(activity)} & ", row)
        assert "sopnumber" not in row
        assert "sopsymbol" not in row
    cells = latex_row(tex, "Langkah kembar").split("\\sopband", 1)[1]
    assert [cell.strip() for cell in re.findall(r"\\sphinxAtStartPar\n([^&]*)", cells)] == [
        "Map kembar",
        "7 menit",
        "Tanda kembar",
    ]


def test_latex_puts_the_repeated_row_after_the_row_before_it(tex):
    activities = [
        next((activity for activity in TABLE if f"\n{activity} & \\sopband" in row), None)
        for row in latex_rows(tex)
    ]
    assert [activity for activity in activities if activity] == TABLE


#: The activities of the SOP "surat", in the order written.
TABLE = [
    "Menerima surat",
    "Memeriksa surat",
    "Mengembalikan surat",
    "Langkah kembar",
    "Mengarsipkan surat",
]


def test_latex_arrows_pass_down_through_the_repeated_row(tex):
    row = latex_row(tex, "Langkah kembar")
    lines = lines_down_to_the_end(row)
    # The decision's exit "Ya" and the repeated row's own way on to step 4, in two lanes.
    assert len(lines) == 2
    assert all(f"({x:.1f}pt,0) -- ({x:.1f}pt,-\\sopheight)" in row for x in lines)
    assert lines == lines_down_to_the_end(latex_row(tex, "Mengembalikan surat"))


def test_page_breaks_leave_room_for_the_repeated_rows(html_app):
    with_twins = procedure(html_app, "panjang")
    firsts, seen = [], set()
    for step in with_twins.steps:
        if step.number not in seen:
            seen.add(step.number)
            firsts.append(step)
    without_twins = dataclasses.replace(with_twins, steps=tuple(firsts))

    def page_of_17(sop) -> tuple[int, ...]:
        pages = printed_flowchart(sop, "a4").pages
        (found,) = [page.steps for page in pages if 17 in page.steps]
        return found

    # The long note of the second row 17 takes room: fewer steps fit that page.
    assert len(page_of_17(with_twins)) < len(page_of_17(without_twins))


def test_the_pdf_prints_each_repeated_row_on_the_page_of_its_step(tex_app):
    pages = [" ".join(text.split()) for text in printed_pages(tex_app, "ganda.tex")]
    for _, number, activity in TWINS:
        holding = [text for text in pages if activity in text]
        assert len(holding) == 1, activity
        step = "Memeriksa surat" if number == 2 else f"Langkah {number} diproses"
        assert step in holding[0]
    (seventeen,) = [text for text in pages if "Kembar 17" in text]
    assert "seperti keterangan pada lembar yang sebenarnya." in seventeen

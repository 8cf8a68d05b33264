"""The closing row of the flowchart, *Jumlah waktu*: in HTML, the cards, LaTeX, the PDF and text."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, cell_texts, html, procedure, text_of, warnings
from sphinxcontrib_sop.core.totals import total_time
from sphinxcontrib_sop.layout.sheet import closing_row_height, printed_flowchart

HOSTILE = r"<script>alert(1)</script> & 100% $x$ \textbf{y} {#1} ~^_"


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> BeautifulSoup:
    app = build_copy(tmp_path_factory.mktemp("html"), "totals")
    assert warnings(app) == []
    return html(app)


@pytest.fixture(scope="module")
def tex_app(tmp_path_factory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("latex"), "totals", "latex")


@pytest.fixture(scope="module")
def tex(tex_app) -> str:
    return (tex_app.outdir / "buku.tex").read_text(encoding="utf-8")


def sop(page: BeautifulSoup, sop_id: str):
    block = page.find(id=f"sop-{sop_id}")
    assert block is not None
    return block


def closing_row(page: BeautifulSoup, sop_id: str):
    return sop(page, sop_id).select_one("table.sop-flowchart tbody > tr.sop-total-time")


def test_the_sheet_closes_with_the_total_and_its_note(page):
    table = sop(page, "cabang").select_one("table.sop-flowchart")
    rows = table.select("tbody > tr")
    assert [row.get("data-step") for row in rows] == ["1", "2", "3", "4", "5", "6", None]
    closing = rows[-1]
    assert closing["class"] == ["sop-total-time"]
    assert cell_texts(closing) == [
        "Jumlah waktu",
        "45 menit – 2 jam 10 menit",
        "sekurang-kurangnya: “segera” pada langkah 3 tidak terbaca",
    ]
    label, value, note = closing.find_all(["th", "td"])
    # From No to Kelengkapan: No, Kegiatan, three actors with a gutter each side, Kelengkapan.
    assert (label.name, label["scope"], label["colspan"]) == ("th", "row", "8")
    assert value["class"] == ["sop-total-value"]
    assert (note["class"], note["colspan"]) == (["sop-total-note"], "2")


def test_a_sum_without_unread_steps_has_an_empty_note(page):
    closing = closing_row(page, "lurus")
    assert cell_texts(closing) == ["Jumlah waktu", "1 jam 35 menit", ""]


def test_no_closing_row_without_a_readable_time(page):
    assert sop(page, "tanpa").select(".sop-total-time") == []


def test_the_cards_end_with_the_total(page):
    cards = sop(page, "cabang").select_one(".sop-step-cards")
    total = cards.select_one("p.sop-total-time")
    assert total.find_previous_sibling().name == "ol"
    assert text_of(total.select_one(".sop-total-label")) == "Jumlah waktu"
    assert text_of(total.select_one(".sop-total-value")) == "45 menit – 2 jam 10 menit"
    assert text_of(total.select_one(".sop-total-note")) == (
        "sekurang-kurangnya: “segera” pada langkah 3 tidak terbaca"
    )
    assert sop(page, "lurus").select_one(".sop-step-cards .sop-total-note") is None


def test_hostile_time_text_stays_text_in_the_html_note(page):
    note = f"sekurang-kurangnya: “{HOSTILE}” pada langkah 1 tidak terbaca"
    closing = closing_row(page, "aneh")
    card_total = sop(page, "aneh").select_one(".sop-step-cards .sop-total-time")
    for element in (closing, card_total):
        assert element.select_one(".sop-total-note").get_text() == note
        assert element.find("script") is None


def test_the_plain_steps_table_closes_with_the_total_too(page):
    # With :diagram: graphviz the steps are the plain table, with the same closing row.
    table = sop(page, "graf").select_one("table.sop-steps")
    closing = table.select("tbody > tr")[-1]
    assert "sop-total-time" in closing["class"]
    assert cell_texts(closing) == ["Jumlah waktu", "2 hari 5 menit", ""]
    # No, Kegiatan, one actor, Kelengkapan; then Waktu; then Output, Alur, Keterangan.
    assert [cell.get("colspan") for cell in closing.find_all("td")] == ["4", None, "3"]


@pytest.mark.sphinx("html", testroot="totals", confoverrides={"language": "en"})
def test_the_closing_row_in_english(app):
    app.build()
    assert cell_texts(closing_row(html(app), "cabang")) == [
        "Total time",
        "45 minutes – 2 hours 10 minutes",
        "at least: “segera” in step 3 not read",
    ]


@pytest.mark.sphinx("html", testroot="totals", confoverrides={"sop_labels": {"Total time": "Σ"}})
def test_the_label_can_be_changed(app):
    app.build()
    assert cell_texts(closing_row(html(app), "lurus"))[0] == "Σ"


def flowchart_tex(tex: str, number: str) -> str:
    """The LaTeX of the flowchart of the SOP numbered ``number``."""
    start = tex.index(number)
    start = tex.index(r"\begin{sopflowchart}", start)
    return tex[start : tex.index(r"\end{sopflowchart}", start)]


def test_latex_closes_the_flowchart_with_the_total(tex):
    assert flowchart_tex(tex, "001/LURUS").endswith(
        r"\multicolumn{4}{|r|}{\textbf{Jumlah waktu}} & 1 jam 35 menit & "
        r"\multicolumn{2}{>{\raggedright\arraybackslash}p{\dimexpr133pt+\arrayrulewidth\relax}|}"
        "{} \\\\ \\hline\n\\end{sopflowchartpage}"
    )
    assert r"45 menit \textendash{} 2 jam 10 menit & " in flowchart_tex(tex, "002/CABANG")
    assert "Jumlah waktu" not in flowchart_tex(tex, "003/TANPA")


def test_latex_escapes_hostile_time_text_in_the_note(tex):
    escaped = (
        r"\textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{} \& 100\% "
        r"\$x\$ \textbackslash{}textbf\{y\} \{\#1\} \textasciitilde{}\textasciicircum{}\_"
    )
    assert f"{{sekurang\\sphinxhyphen{{}}kurangnya: “{escaped}” pada langkah 1 tidak terbaca}}" in (
        flowchart_tex(tex, "004/ANEH")
    )


def test_latex_writes_the_closing_row_once_after_the_last_page(tex):
    chart = flowchart_tex(tex, "006/PANJANG")
    assert chart.count(r"\clearpage") >= 1
    assert chart.count("Jumlah waktu") == 1
    assert chart.index("Jumlah waktu") > chart.rindex(r"\sopstartrow")


def test_the_last_page_keeps_room_for_the_closing_row(tex_app):
    long_sop = procedure(tex_app, "panjang")
    without = printed_flowchart(long_sop, "a4").pages
    # The steps fill two pages exactly: the closing row takes the last step onto a page of its own.
    assert [page.steps[-1] for page in without] == [7, 14]
    total = total_time(long_sop)
    assert total is not None
    height = closing_row_height(total.text(str), total.note(str))
    assert [page.steps for page in printed_flowchart(long_sop, "a4", "", height).pages][1:] == [
        (8, 9, 10, 11, 12, 13),
        (14,),
    ]


@pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("pdflatex", "pdftotext")),
    reason="pdflatex and poppler-utils are not installed (./dev.sh test and CI install them)",
)
def test_the_pdf_prints_the_closing_row_on_the_page_of_the_last_step(tex_app):
    subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "buku.tex"],
        cwd=tex_app.outdir,
        capture_output=True,
        timeout=300,
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", "buku.pdf", "-"],
        cwd=tex_app.outdir,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = text.split("\f")
    last_step = next(i for i, page in enumerate(pages) if "nomor 14" in page)
    assert "Jumlah waktu" in pages[last_step]
    assert "1 jam 45" in pages[last_step]


@pytest.mark.sphinx("text", testroot="totals")
def test_text_output_closes_the_steps_table_with_the_total(app):
    app.build()
    output = (app.outdir / "index.txt").read_text(encoding="utf-8")
    rows = re.findall(r"^\| Jumlah waktu .*?(?=^\+)", output, flags=re.M | re.S)
    assert len(rows) == 5  # every SOP but the one without times
    lines = next(row for row in rows if "sekurang-kurangnya: “segera”" in row).splitlines()
    # The total in the Waktu column, the note beside it, on the label's row.
    assert lines[0].split("|")[1].strip() == "Jumlah waktu"
    assert column(lines, 2) == "45 menit – 2 jam 10 menit"
    assert column(lines, 3) == "sekurang-kurangnya: “segera” pada langkah 3 tidak terbaca"


def column(lines: list[str], index: int) -> str:
    """The text of the ``index``-th cell of a row of a text table, over all its lines."""
    return " ".join(" ".join(line.split("|")[index] for line in lines).split())

"""Long SOPs with loops: output that grows with the steps, pages that hold what fits."""

from __future__ import annotations

import math
import re
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_sop.layout.sheet import HEADER_HEIGHT, PAGE_AREAS, print_style, print_text_width

ACTORS = ("Pemohon", "Petugas Loket", "Verifikator", "Kepala Seksi", "Kepala Bidang")


def flow(number: int, steps: int, every: int) -> str:
    """Every ``every``-th step a decision looping back halfway to the start, so that
    loops reach further as the SOP grows and overlap more and more of one another."""
    if number == steps:
        return "Selesai"
    if number % every == 0:
        return f"Ya: {number + 1}, Tidak: {number // 2}"
    return ""


def long_sop(steps: int, every: int) -> str:
    """The source of a page holding one SOP of ``steps`` steps with loops."""
    rows = "".join(
        f"      * - {number}\n"
        f"        - Langkah {number} memeriksa berkas\n"
        f"        - {ACTORS[number % len(ACTORS)]}\n"
        "        - Berkas\n"
        "        - 15 menit\n"
        "        - Hasil\n"
        f"        - {flow(number, steps, every)}\n"
        for number in range(1, steps + 1)
    )
    return (
        "Panjang\n=======\n\n"
        f".. sop:: Prosedur Panjang\n   :id: panjang\n   :actors: {', '.join(ACTORS)}\n\n"
        "   .. list-table::\n      :header-rows: 1\n\n"
        "      * - No\n        - Kegiatan\n        - Pelaksana\n        - Kelengkapan\n"
        "        - Waktu\n        - Output\n        - Alur\n" + rows
    )


def build(folder: Path, builder: str, steps: int, every: int) -> SphinxTestApp:
    """A project with one long SOP, built once with ``builder``."""
    source = folder / f"{builder}-{steps}-{every}"
    source.mkdir()
    (source / "conf.py").write_text("extensions = ['sphinxcontrib_sop']\nlanguage = 'id'\n")
    (source / "index.rst").write_text(long_sop(steps, every), encoding="utf-8")
    app = SphinxTestApp(builder, srcdir=source, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    return app


def html_sheet(app: SphinxTestApp) -> str:
    """The flowchart sheet of the HTML page: its scrolling box and table."""
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    start = page.index('<div class="sop-flowchart-scroll')
    return page[start : page.index("</table></div>", start)]


def latex_flowchart(app: SphinxTestApp) -> str:
    """The flowchart pages of the LaTeX source."""
    tex = (app.outdir / "projectnamenotset.tex").read_text(encoding="utf-8")
    return tex[tex.index(r"\begin{sopflowchart}") : tex.index(r"\end{sopflowchart}")]


#: How often the SOPs have a decision: dense loops for the output's size, a
#: loop every tenth step for the pages.
DENSE, SPARSE = 2, 10


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[tuple[str, int, int], SphinxTestApp]:
    folder = tmp_path_factory.mktemp("long-sops")
    sops = [(builder, steps, DENSE) for builder in ("html", "latex") for steps in (60, 240)]
    sops.append(("latex", 240, SPARSE))
    return {sop: build(folder, *sop) for sop in sops}


@pytest.mark.parametrize(
    ("builder", "flowchart"), [("html", html_sheet), ("latex", latex_flowchart)]
)
def test_the_flowchart_grows_linearly_with_the_steps(built, builder, flowchart):
    short, long = (len(flowchart(built[builder, steps, DENSE])) for steps in (60, 240))
    assert long <= 4.5 * short, f"4 times the steps give {long / short:.1f} times the output"


def test_every_step_and_loop_is_drawn_in_a_long_sop(built):
    sheet = html_sheet(built["html", 240, DENSE])
    assert len(re.findall(r'<g class="sop-symbol sop-(?!connector)', sheet)) == 240
    for number in range(DENSE, 240, DENSE):  # each loop: drawn, or through a connector pair
        loop = rf'data-from="{number}"( data-to="{number // 2}")? data-branch="tidak"'
        assert re.search(loop, sheet), f"the loop back from step {number} is missing"


def test_pages_hold_as_many_rows_as_fit(built):
    """Each page holds its steps, the pair of connectors carrying the flow over
    its breaks and a pair for each loop crossing a break: nothing more."""
    steps = 240
    width, height = PAGE_AREAS["a4"]
    style = print_style(len(ACTORS), width - print_text_width())
    usable = height - HEADER_HEIGHT
    rows_that_fit = int((usable - 2 * style.connector_row_height) // style.row_height)
    loops = steps // SPARSE
    room_for_loops = math.ceil(loops * 2 * style.connector_row_height / usable)
    pages = latex_flowchart(built["latex", steps, SPARSE]).count(r"\begin{sopflowchartpage}")
    assert pages <= math.ceil(steps / rows_that_fit) + room_for_loops + 1

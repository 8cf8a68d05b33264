"""Fuzzing: generated SOP pages, built with html, latex and text, lose nothing and break nothing.

Each example is a whole page of one to three SOPs (see :mod:`sop_pages`): step
tables in every table syntax, flows of every kind (and wrong ones), hostile and
Unicode text in every cell, options written wrong.  Each build must finish
without a traceback, every cell's text must reach each output as a reader sees
it, and the HTML the page body holds (the inline SVG above all) must be
well-formed XML.

A handful of examples run by default, the same ones each time; set
``SOP_FUZZ_EXAMPLES`` (for example to 500) for a long run with new examples.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from hypothesis import HealthCheck, given, settings
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from conftest import grid_cells, text_of
from sop_pages import SOP, Page, Text, pages
from sphinxcontrib_sop.domain import get_domain

DEFAULT_EXAMPLES = 5
EXAMPLES = int(os.environ.get("SOP_FUZZ_EXAMPLES", DEFAULT_EXAMPLES))
BUILDERS = ("html", "latex", "text")
CONF = """\
extensions = ["sphinxcontrib_sop"]
language = {language!r}
smartquotes = False
latex_documents = [("index", "fuzz.tex", "Fuzz", "Tester", "manual")]
"""


def build(source: Path, builder: str) -> tuple[SphinxTestApp, str, dict[str, str]]:
    """Build ``source`` with ``builder``: the app, its warnings and the HTML page bodies."""
    bodies: dict[str, str] = {}

    def keep_body(app: SphinxTestApp, name: str, template: str, context: dict, doctree) -> None:
        if "body" in context:
            bodies[name] = context["body"]

    app = SphinxTestApp(
        builder,
        srcdir=source,
        builddir=source.parent / f"build-{builder}",
        status=StringIO(),
        warning=StringIO(),
    )
    app.connect("html-page-context", keep_body)
    try:
        app.build()
    finally:
        app.cleanup()
    return app, strip_colors(app.warning.getvalue()), bodies


def write_page(folder: Path, page: Page) -> Path:
    source = folder / "src"
    source.mkdir()
    (source / "conf.py").write_text(CONF.format(language=page.language), encoding="utf-8")
    (source / "index.rst").write_text(page.rst(), encoding="utf-8")
    return source


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES == DEFAULT_EXAMPLES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(page=pages())
def test_generated_pages_build_whole(page: Page, tmp_path_factory: pytest.TempPathFactory) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path_factory.getbasetemp()) as folder:
        check_page(page, Path(folder))


def check_page(page: Page, folder: Path) -> None:
    """Build ``page`` in ``folder`` with each builder and check what each output shows."""
    source = write_page(folder, page)
    outputs = {builder: build(source, builder) for builder in BUILDERS}
    for builder, (_, warnings, _) in outputs.items():
        assert "Traceback" not in warnings, builder
        assert "Exception occurred" not in warnings, builder
    html_app, _, bodies = outputs["html"]
    numbers = step_numbers(html_app)
    expected = [Expected(sop, numbers[sop.key]) for sop in checked(page)]
    check_html(html_app, bodies, expected)
    latex_app = outputs["latex"][0]
    check_latex((latex_app.outdir / "fuzz.tex").read_text(encoding="utf-8"), expected)
    text_app = outputs["text"][0]
    check_text((text_app.outdir / "index.txt").read_text(encoding="utf-8"), expected)


# -- what each SOP must show --------------------------------------------------------


def checked(page: Page) -> list[SOP]:
    """The SOPs whose text must be found: all of them, an unknown option (left out with a
    warning) notwithstanding."""
    return list(page.sops)


def step_numbers(app: SphinxTestApp) -> dict[str, list[int]]:
    """The step number each row of each SOP was read as, by the SOP's key."""
    return {
        entry.procedure.title.split()[0]: [step.number for step in entry.procedure.steps]
        for entry in get_domain(app.env).procedures_by_doc.get("index", [])
    }


@dataclass(frozen=True)
class Expected:
    """What a reader must find of an SOP, its rows numbered as they were read."""

    sop: SOP
    numbers: list[int]

    def identity(self) -> list[Text]:
        return [self.sop.title, *self.sop.shown]

    def labels(self, position: int) -> list[Text]:
        """The labels of the exits of a row that lead to another step.

        An exit to a step that does not exist, or to its own step, is left out
        with a warning.
        """
        own = self.numbers[position]
        return [
            way_out.label
            for way_out in self.sop.rows[position].exits
            if way_out.target in self.numbers and way_out.target != own
        ]

    def rows(self) -> list[list[Text]]:
        """The texts of each row: cells, actor names, labels of the exits."""
        rows = []
        for position, row in enumerate(self.sop.rows):
            cells = [row.activity, *row.actors, *self.labels(position)]
            cells += [text for text in (row.requirements, row.time, row.output, row.notes) if text]
            rows.append(cells)
        return rows


# -- HTML ----------------------------------------------------------------------------


def check_html(app: SphinxTestApp, bodies: dict[str, str], expected: list[Expected]) -> None:
    """Well-formed XML; every text in its SOP's block, every cell in its row."""
    source = (app.outdir / "index.html").read_text(encoding="utf-8")
    for svg in re.findall(r"<svg\b.*?</svg>", source, flags=re.DOTALL):
        ElementTree.fromstring(svg)
    assert "index" in bodies
    for body in bodies.values():
        ElementTree.fromstring(f"<div>{body}</div>")
    blocks = BeautifulSoup(source, "html.parser").select("div.sop")
    for sop in expected:
        (block,) = [
            block
            for block in blocks
            if text_of(block.select_one("td.sop-title")).split()[0] == sop.sop.key
        ]
        shown = text_of(block)
        for text in sop.identity():
            assert text.seen in shown, text
        rows = block.select("table.sop-flowchart > tbody > tr[data-step]")
        assert len(rows) == len(sop.sop.rows)
        actors = {text_of(actor) for actor in block.select("th.sop-actor")}
        for position, (row, tr) in enumerate(zip(sop.sop.rows, rows, strict=True)):
            assert text_of(tr.select_one("td.sop-activity")) == row.activity.seen
            for column in ("requirements", "time", "output", "notes"):
                text = getattr(row, column)
                cell = text_of(tr.select_one(f"td.sop-{column}"))
                assert cell == (text.seen if text else ""), (column, text)
            assert {actor.seen for actor in row.actors} <= actors, actors
            for label in sop.labels(position):
                assert label.seen in shown, label


# -- LaTeX ---------------------------------------------------------------------------


def check_latex(tex: str, expected: list[Expected]) -> None:
    """Every text in the LaTeX source, escaped."""
    written = " ".join(tex.split())
    for sop in expected:
        for text in sop.identity() + [cell for cells in sop.rows() for cell in cells]:
            assert text.tex_seen in written, text


# -- text ----------------------------------------------------------------------------


def check_text(output: str, expected: list[Expected]) -> None:
    """Every text in a cell of the text output."""
    found = grid_cells(output)
    for sop in expected:
        for text in sop.identity() + [cell for cells in sop.rows() for cell in cells]:
            wanted = letters_of(text.plain_seen)
            assert any(wanted in cell for cell in found), wanted


def letters_of(text: str) -> str:
    """``text`` without whitespace: the text writer wraps lines anywhere."""
    return "".join(text.split())

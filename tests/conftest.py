"""Shared fixtures: Sphinx's testing fixtures and helpers to read build output."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path
from typing import TypeVar

import pytest
import sphinx
from bs4 import BeautifulSoup
from docutils import nodes
from playwright.sync_api import Browser, sync_playwright
from sphinx.config import Config
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors
from sphinx.writers.text import column_width

from sphinxcontrib_sop.core.editions import Site
from sphinxcontrib_sop.core.model import Procedure
from sphinxcontrib_sop.domain import SOPDomain, get_domain

pytest_plugins = ("sphinx.testing.fixtures",)

CHROMIUM = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)

ROOTS = Path(__file__).parent / "roots"

if sphinx.version_info < (8,):
    # The tests read each warning's type (``[sop.table]``), which Sphinx shows
    # by default from 8.0 on; on Sphinx 7.4 every test build turns it on.
    _shown = Config.config_values["show_warning_types"]
    Config.config_values["show_warning_types"] = type(_shown)(
        True, _shown.rebuild, _shown.valid_types
    )


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium, driven by Playwright: one browser for a test module."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed: the layout tests need a browser")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


def html(app: SphinxTestApp, docname: str = "index") -> BeautifulSoup:
    """The parsed HTML page of ``docname``."""
    return BeautifulSoup(
        (app.outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser"
    )


def resolved_doctrees(app: SphinxTestApp) -> dict[str, nodes.document]:
    """Filled during the next build: each page's doctree as it is written, by docname.

    Build with ``force_all=True``: a page a previous test built is not written again.
    """
    resolved: dict[str, nodes.document] = {}

    def keep(app: SphinxTestApp, doctree: nodes.document, docname: str) -> None:
        resolved[docname] = doctree.deepcopy()

    app.connect("doctree-resolved", keep, priority=900)
    return resolved


def warnings(app: SphinxTestApp) -> list[str]:
    """The warning lines of the build, without colour codes."""
    return [line for line in strip_colors(app.warning.getvalue()).splitlines() if line.strip()]


def domain(app: SphinxTestApp) -> SOPDomain:
    return get_domain(app.env)


def procedure(app: SphinxTestApp, sop_id: str) -> Procedure:
    """The SOP stored under ``sop_id``."""
    return domain(app).procedures()[sop_id].procedure


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of ``path`` containing ``text``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def text_of(element) -> str:
    """The whitespace-normalised text of an HTML element, as a reader sees it.

    Soft hyphens, which mark where the flowchart may break a long word, are left out.
    """
    return " ".join(element.get_text(" ").replace("\N{SOFT HYPHEN}", "").split())


def cell_texts(element) -> list[str]:
    """The text of each cell of an HTML row (see :func:`text_of`)."""
    return [text_of(cell) for cell in element.find_all(["td", "th"])]


def grid_cells(text: str) -> list[str]:
    """The text of each cell of the grid tables in ``text`` (text output), without whitespace.

    The text writer may wrap inside words, so spaces cannot be told apart from line
    breaks and are all removed; a cell's wrapped lines are joined.  A cell's edges
    are where the border above it has a ``+`` or ``|`` and each of its lines a ``|``
    (a ``|`` elsewhere is text); a wide character fills two columns.
    """
    cells: list[str] = []
    border: list[int] = []
    block: list[list[str]] = []

    def flush() -> None:
        edges = [
            edge for edge in border if all(edge < len(line) and line[edge] == "|" for line in block)
        ]
        for start, end in itertools.pairwise(edges):
            written = "".join("".join(line[start + 1 : end]) for line in block)
            cells.append("".join(written.split()))
        block.clear()

    for line in text.split("\n"):
        if _is_border(line):
            flush()
            border = [index for index, char in enumerate(_columns(line)) if char in "+|"]
        elif line.startswith("|"):
            block.append(_columns(line))
        else:
            flush()
            border = []
    flush()
    return cells


def _is_border(line: str) -> bool:
    """Whether ``line`` is a border of a grid table: each part all ``-``, ``=`` or blank.

    A part holding text starts with a space: ``| -- |`` is text.
    """
    parts = re.split(r"[|+]", line)[1:-1]
    return (
        line[:1] in "|+"
        and any(part and set(part) <= set("-=") for part in parts)
        and all(len(set(part)) <= 1 for part in parts)
    )


def _columns(line: str) -> list[str]:
    """``line`` split into the columns it fills: a wide character fills two, a
    combining mark none."""
    columns: list[str] = []
    for char in line:
        width = column_width(char)
        if width == 0 and columns:
            columns[-1] += char
        else:
            columns += [char] + [""] * (width - 1)
    return columns


def build_copy(
    folder: Path, root: str, builder: str = "html", **overrides: object
) -> SphinxTestApp:
    """A copy of ``tests/roots/test-<root>`` in ``folder``, built once with ``builder``.

    Sphinx's global state is restored right after the build, so several such
    apps can live side by side (module-scoped fixtures); the output and
    ``app.env`` remain.
    """
    source = folder / "src"
    shutil.copytree(ROOTS / f"test-{root}", source)
    app = SphinxTestApp(
        builder, srcdir=source, confoverrides=overrides, status=StringIO(), warning=StringIO()
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def build_edition(
    folder: Path, root: str, site: Site, edition: str, builder: str = "html", **overrides: object
) -> SphinxTestApp:
    """``tests/roots/test-<root>`` built in ``folder/<edition>`` as ``edition`` of ``site``.

    The site's ``versions.json`` is written into ``folder``; the documents of the
    root that are not among the edition's pages are left out of its build (an
    edition the site does not list keeps them all).  The site's editions are made
    up, with commits no repository has: the revision history, which would read
    them, is not what these builds are for, and its warnings are left out.
    """
    versions = folder / "versions.json"
    versions.write_text(site.to_json(), encoding="utf-8")
    source = ROOTS / f"test-{root}"
    documents = {
        path.relative_to(source).with_suffix("").as_posix() for path in source.rglob("*.rst")
    }
    listed = site.edition(edition)
    pages = listed.pages if listed else documents
    return build_copy(
        folder / edition,
        root,
        builder,
        sop_site=str(versions),
        sop_edition=edition,
        exclude_patterns=[f"{document}.rst" for document in sorted(documents - pages)],
        suppress_warnings=["sop.history"],
        **overrides,
    )


def printed_pages(app: SphinxTestApp, tex: str) -> list[str]:
    """The LaTeX output ``tex`` of ``app`` compiled to PDF: the text of each page.

    ``pdftotext -raw`` gives the text in the order it was drawn.
    """
    subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex],
        cwd=app.outdir,
        check=True,
        capture_output=True,
        timeout=300,
    )
    text = subprocess.run(
        ["pdftotext", "-raw", app.outdir / Path(tex).with_suffix(".pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return text.split("\f")[:-1]


T = TypeVar("T")


class EditedProject:
    """A copy of ``tests/roots/test-<root>`` in ``folder``, edited between HTML builds.

    Each :meth:`rebuild` builds it again without ``-E`` and checks that what it
    reads of the output equals what it reads of a clean build of the same sources.
    """

    def __init__(self, make_app: Callable[..., SphinxTestApp], folder: Path, root: str) -> None:
        self.make_app = make_app
        self.folder = folder
        self.source = folder / "src"
        shutil.copytree(ROOTS / f"test-{root}", self.source)
        self.clean_builds = 0

    def build(self, source: Path | None = None) -> SphinxTestApp:
        app = self.make_app("html", srcdir=source or self.source)
        app.build()
        app.cleanup()
        return app

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace ``old`` by ``new`` in the source file ``name``."""
        path = self.source / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    def rebuild(self, read: Callable[[SphinxTestApp], T]) -> T:
        """Build again without ``-E``; what ``read`` reads must be a clean build's. Return it."""
        incremental = read(self.build())
        self.clean_builds += 1
        clean = self.folder / f"clean-{self.clean_builds}"
        shutil.copytree(self.source, clean, ignore=shutil.ignore_patterns("_build"))
        assert incremental == read(self.build(clean))
        return incremental


def serial_build(make_app: Callable[..., SphinxTestApp], folder: Path, root: str) -> SphinxTestApp:
    """``tests/roots/test-<root>`` built in ``folder`` by one process, to compare with ``-j 2``."""
    source = folder / "serial"
    shutil.copytree(ROOTS / f"test-{root}", source)
    app = make_app("html", srcdir=source)
    app.build()
    return app


def breaks_page_before(tex: str, marker: str) -> bool:
    """Whether the LaTeX ``tex`` breaks the page right before ``marker``, nothing printed between."""
    before = tex[: tex.index(marker)]
    unprinted = r"(?:\\sphinxstepscope|\\phantomsection|\\label\{\\detokenize\{[^{}]*\}\}|\s)*"
    return re.search(r"\\clearpage" + unprinted + r"\Z", before) is not None

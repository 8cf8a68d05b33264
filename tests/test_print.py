"""Printing an SOP page from the browser: the print rules, and a real print with Chromium.

The root ``test-print`` (sphinx-rtd-theme) has an SOP whose flowchart (eight
actors) is wider than a landscape page and long enough for three, and a narrow one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, html, procedure, warnings
from sphinxcontrib_sop.layout.sheet import (
    BROWSER_PRINT_WIDTH,
    browser_print_width,
    screen_layout,
    screen_width,
)
from sphinxcontrib_sop.writers.html.assets import STATIC_DIR, STYLESHEET

STEPS = 22
CHROMIUM = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)


@dataclass(frozen=True)
class Rule:
    """A style rule: the at-rule it sits in (``@media print``), selectors, declarations."""

    context: str | None
    selectors: tuple[str, ...]
    declarations: dict[str, str]


def css_rules(text: str) -> list[Rule]:
    """The style rules of a stylesheet, ``@page`` rules included (a small parser).

    Rules inside ``@media`` and ``@container`` blocks carry the block's prelude,
    and so do the margin boxes of a ``@page`` rule (``@top-center``).
    """
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    rules: list[Rule] = []
    nested = re.compile(r"([^{};]+)\{([^{}]*)\}")

    def declarations(body: str) -> dict[str, str]:
        return dict(
            (name.strip(), " ".join(value.split()))
            for name, _, value in (part.partition(":") for part in body.split(";"))
            if name.strip()
        )

    def block(position: int, context: str | None) -> int:
        while True:
            opening, closing = text.find("{", position), text.find("}", position)
            if opening == -1 or -1 < closing < opening:
                return len(text) if closing == -1 else closing + 1
            prelude = " ".join(text[position:opening].split())
            if prelude.startswith(("@media", "@container")):
                position = block(opening + 1, prelude)
                continue
            end = text.index("}", opening)
            while text.count("{", opening + 1, end) > text.count("}", opening + 1, end):
                end = text.index("}", end + 1)
            body = text[opening + 1 : end]
            for box, inner in nested.findall(body):
                rules.append(Rule(prelude, (" ".join(box.split()),), declarations(inner)))
            selectors = tuple(" ".join(part.split()) for part in prelude.split(","))
            rules.append(Rule(context, selectors, declarations(nested.sub("", body))))
            position = end + 1

    block(0, None)
    return rules


@pytest.fixture(scope="module")
def rules() -> list[Rule]:
    return css_rules((STATIC_DIR / STYLESHEET).read_text(encoding="utf-8"))


def declaration(rules: list[Rule], context: str | None, selector: str, name: str) -> str:
    """The value of ``name`` for ``selector`` in ``context``; the last rule wins."""
    values = [
        rule.declarations[name]
        for rule in rules
        if rule.context == context and selector in rule.selectors and name in rule.declarations
    ]
    assert values, (context, selector, name)
    return values[-1]


PRINT = "@media print"


def test_page_sizes(rules: list[Rule]) -> None:
    assert declaration(rules, None, "@page", "size") == "A4 portrait"
    assert declaration(rules, None, "@page sop-landscape", "size") == "A4 landscape"


def test_flowchart_on_landscape_pages_scaled_without_scrolling(rules: list[Rule]) -> None:
    wrapper = ".sop .sop-flowchart-scroll"
    assert declaration(rules, PRINT, wrapper, "page") == "sop-landscape"
    assert declaration(rules, PRINT, wrapper, "zoom") == "var(--sop-print-zoom, 1)"
    assert declaration(rules, PRINT, wrapper, "overflow") == "visible"
    assert declaration(rules, PRINT, ".sop thead", "display") == "table-header-group"
    assert declaration(rules, PRINT, ".sop tr", "break-inside") == "avoid"


def test_the_sheet_is_printed_never_the_cards(rules: list[Rule]) -> None:
    """Narrow screens show cards in place of the sheet; paper always gets the sheet."""
    assert declaration(rules, PRINT, ".sop .sop-step-cards", "display") == "none !important"
    assert declaration(rules, PRINT, ".sop .sop-flowchart-scroll", "display") == "block !important"


def test_site_navigation_hidden(rules: list[Rule]) -> None:
    hidden = {
        selector
        for rule in rules
        if rule.context == PRINT and rule.declarations.get("display", "").startswith("none")
        for selector in rule.selectors
    }
    navigation = {
        # sphinx-rtd-theme
        ".wy-nav-side",
        ".wy-nav-top",
        ".wy-breadcrumbs",
        ".rst-footer-buttons",
        ".rst-versions",
        # alabaster
        "div.sphinxsidebar",
        "div.related",
        "div.footer",
        # furo
        ".mobile-header",
        ".sidebar-drawer",
        ".toc-drawer",
        ".content > footer",
    }
    assert navigation <= hidden


def test_themes_do_not_clip_the_page_width(rules: list[Rule]) -> None:
    for selector in ("html", "body", ".wy-nav-content", "div.bodywrapper", ".main"):
        assert declaration(rules, PRINT, selector, "overflow") == "visible !important"
        assert declaration(rules, PRINT, selector, "max-width") == "none !important"


# -- the built page -------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("print"), "print")


def print_zoom(app: SphinxTestApp, docname: str) -> float:
    style = html(app, docname).select_one("div.sop-flowchart-scroll")["style"]
    match = re.fullmatch(r"--sop-print-zoom: ([\d.]+)", style)
    assert match, style
    return float(match[1])


@pytest.mark.parametrize(("docname", "sop_id"), [("index", "wide"), ("narrow", "narrow")])
def test_wrapper_carries_print_zoom(built: SphinxTestApp, docname: str, sop_id: str) -> None:
    assert warnings(built) == []
    layout = screen_layout(procedure(built, sop_id))
    table = html(built, docname).select_one("table.sop-flowchart")
    assert table["style"] == f"width: {screen_width(layout):.0f}px"  # its least width
    printed = browser_print_width(layout)
    assert print_zoom(built, docname) == round(min(1, BROWSER_PRINT_WIDTH / printed), 3)


def test_wide_flowchart_is_scaled_narrow_one_is_not(built: SphinxTestApp) -> None:
    assert 0.5 < print_zoom(built, "index") < 1
    assert print_zoom(built, "narrow") == 1


# -- printed with Chromium ------------------------------------------------------


def run(*command: str | Path, timeout: int = 30) -> str:
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=timeout, check=True
    ).stdout


@pytest.fixture(scope="module")
def printed(built: SphinxTestApp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed: the print test needs a browser")
    if not (shutil.which("pdfinfo") and shutil.which("pdftotext")):
        pytest.skip("pdfinfo and pdftotext (poppler-utils) are not installed")
    folder = tmp_path_factory.mktemp("printed")
    pdf = folder / "index.pdf"
    run(
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={folder / 'profile'}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        (built.outdir / "index.html").as_uri(),
        timeout=60,
    )
    return pdf


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = run("pdfinfo", "-f", "1", "-l", "1000", pdf)
    return [
        (float(width), float(height))
        for width, height in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)
    ]


def page_texts(pdf: Path) -> list[str]:
    """The words of each page, without the soft hyphens where a long header word may break."""
    text = run("pdftotext", pdf, "-").replace("\N{SOFT HYPHEN}", "")
    return [" ".join(page.split()) for page in text.split("\f")]


def word_height(pdf: Path, page: int, word: str) -> float:
    """The height in points of the first ``word`` on ``page``: its font size."""
    boxes = run("pdftotext", "-f", str(page), "-l", str(page), "-bbox", pdf, "-")
    match = re.search(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{word}<', boxes)
    assert match, word
    return float(match[2]) - float(match[1])


def test_identity_portrait_then_flowchart_landscape(printed: Path) -> None:
    sizes = page_sizes(printed)
    assert len(sizes) >= 3
    orientation = ["portrait" if width < height else "landscape" for width, height in sizes]
    assert orientation == ["portrait"] + ["landscape"] * (len(sizes) - 1)
    assert all(round(min(size)) == 595 and round(max(size)) == 842 for size in sizes)  # A4


def test_flowchart_scaled_alone(printed: Path) -> None:
    """The flowchart is zoomed to the landscape width; without the zoom Chromium
    would shrink the whole document, identity part included, to fit it."""
    assert word_height(printed, 1, "Nomor") > 9  # the print size of the identity table


def test_printed_pages_hold_the_sop_without_navigation(printed: Path) -> None:
    texts = page_texts(printed)
    first, flowchart = texts[0], [text for text in texts[1:] if text]
    assert "Nomor SOP 001/SOP/2024" in first
    assert "Pencatatan dan Pendataan" in first
    assert "Langkah 01" not in first
    for text in texts:
        assert "Read the Docs" not in text
        assert "View page source" not in text
    # The header rows, up to the rightmost column, on every flowchart page.
    for text in flowchart:
        for header in ("No", "Kegiatan", "Pelaksana", "Mutu Baku", "Keterangan", "Sekretaris"):
            assert header in text
    # Every row whole on one page, its rightmost cell printed too.
    for number in range(1, STEPS + 1):
        row = f"Langkah {number:02d} memeriksa berkas permohonan dan mencatat hasilnya"
        assert sum(row in text for text in flowchart) == 1, number
        assert sum(f"Catatan {number:02d}" in text for text in flowchart) == 1, number

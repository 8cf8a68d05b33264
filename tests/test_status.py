"""An SOP's status: reading it, showing it on screen, in print and as text, and links
to SOPs no longer in force (review dates: ``test_review``).

Roots: ``test-status-reading`` (every way of writing a status, right and wrong),
``test-status`` (a draft, a withdrawn and a superseded SOP, and the replacement,
whose title and number are hostile to HTML and LaTeX), ``test-status-print`` (drafts
in sections of a handbook, one of them long: its identity table and its flowchart
run over several pages, text follows it) and ``test-status-links`` (links from SOPs
in force, drafts and retired SOPs to retired ones).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from conftest import (
    ROOTS,
    build_copy,
    html,
    line_of,
    printed_pages,
    procedure,
    text_of,
    warnings,
)
from sphinxcontrib_sop.core.model import Status
from sphinxcontrib_sop.core.status import STATUS_WORDS, parse_status

CHROMIUM = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)


# -- reading :status: and :superseded-by: ---------------------------------------------


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("draft", Status.DRAFT),
        ("Draft", Status.DRAFT),
        ("berlaku", Status.IN_FORCE),
        ("in-force", Status.IN_FORCE),
        ("In Force", Status.IN_FORCE),
        ("IN  FORCE", Status.IN_FORCE),
        ("dicabut", Status.WITHDRAWN),
        ("withdrawn", Status.WITHDRAWN),
        ("DICABUT", Status.WITHDRAWN),
        ("diganti", Status.SUPERSEDED),
        ("superseded", Status.SUPERSEDED),
        ("aktif", None),
        ("in", None),
    ],
)
def test_status_words_in_any_case(written: str, status: Status | None) -> None:
    assert parse_status(written) is status


def test_every_status_has_an_indonesian_and_an_english_word() -> None:
    for status in Status:
        words = {word for word, meaning in STATUS_WORDS.items() if meaning is status}
        assert status.value in words
        assert len(words) == (1 if status is Status.DRAFT else 2)


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("reading"), "status-reading")


@pytest.mark.parametrize(
    ("sop_id", "status", "replacement"),
    [
        ("unset", Status.IN_FORCE, ""),
        ("berlaku", Status.IN_FORCE, ""),
        ("in-force", Status.IN_FORCE, ""),
        ("draft", Status.DRAFT, ""),
        ("dicabut", Status.WITHDRAWN, ""),
        ("withdrawn", Status.WITHDRAWN, ""),
        ("diganti", Status.SUPERSEDED, "berlaku"),
        ("superseded", Status.SUPERSEDED, "in-force"),  # :diganti-oleh:, the alias
        ("replacement-alone", Status.SUPERSEDED, "berlaku"),
        ("unknown-status", Status.IN_FORCE, ""),
        ("withdrawn-with-replacement", Status.WITHDRAWN, "berlaku"),
        ("superseded-without-replacement", Status.SUPERSEDED, ""),
        ("replacement-in-words", Status.SUPERSEDED, "SOP Lama Nomor 5"),
    ],
)
def test_status_and_replacement_read(
    reading: SphinxTestApp, sop_id: str, status: Status, replacement: str
) -> None:
    read = procedure(reading, sop_id)
    assert (read.status, read.superseded_by) == (status, replacement)


def option_line(path: Path, sop_id: str, option: str) -> int:
    """The line of ``option`` in the SOP ``sop_id`` of ``path``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"   :id: {sop_id}")
    return next(number for number, line in enumerate(lines[start:], start + 1) if option in line)


def test_status_mistakes_warn_at_their_lines(reading: SphinxTestApp) -> None:
    source = reading.srcdir / "index.rst"

    def at(sop_id: str, option: str) -> str:
        return f"{source}:{option_line(source, sop_id, option)}: WARNING: "

    assert sorted(warnings(reading)) == sorted(
        [
            at("unknown-status", ":status:")
            + ":status: must be 'draft', 'berlaku' ('in-force'), 'dicabut' ('withdrawn') or "
            "'diganti' ('superseded'), not 'aktif' ('berlaku' is used meanwhile) [sop.option]",
            at("withdrawn-with-replacement", ":superseded-by:")
            + ":superseded-by: is given, but :status: is 'withdrawn': write ':status: diganti' "
            "(superseded), or remove :superseded-by: [sop.option]",
            at("superseded-without-replacement", ":status:")
            + "the SOP is superseded but does not say by which SOP: add :superseded-by: with "
            "the :id: of the SOP that replaces it [sop.option]",
            at("replacement-in-words", ":superseded-by:")
            + ":superseded-by: names the SOP that replaces this one by its :id:, not "
            "'SOP Lama Nomor 5' [sop.option]",
            at("by-itself", ":superseded-by:")
            + "the SOP is superseded by itself ('by-itself'): give :superseded-by: the :id: "
            "of the SOP that replaces it [sop.option]",
            at("unknown-replacement", ":superseded-by:")
            + "unknown SOP id 'nowhere' in :superseded-by:: use the :id: of the SOP that "
            "replaces this one [ref.superseded]",
        ]
    )


def banner_note(app: SphinxTestApp, sop_id: str) -> str:
    return text_of(html(app).select_one(f"#sop-{sop_id} p.sop-status-note"))


def test_banner_of_a_replacement_in_words_or_none(reading: SphinxTestApp) -> None:
    assert banner_note(reading, "replacement-in-words") == (
        "It has been superseded by SOP Lama Nomor 5."
    )
    assert banner_note(reading, "superseded-without-replacement") == "It has been superseded."
    assert banner_note(reading, "withdrawn-with-replacement") == "It has been withdrawn."


# -- the status on the page -------------------------------------------------------------

REPLACEMENT_TITLE = r"Replacement <script>alert(1)</script> \textbf{x} {}"
REPLACEMENT_NUMBER = "002/SOP/2024 & {}"


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("shown"), "status")


@pytest.mark.parametrize(
    ("docname", "sop_id", "value"),
    [
        ("draft", "drafted", "draft"),
        ("draft", "in-force", "berlaku"),
        ("withdrawn", "withdrawn", "dicabut"),
        ("superseded", "superseded", "diganti"),
        ("replacement", "replacement", "berlaku"),
    ],
)
def test_every_sop_carries_its_status_class(
    shown: SphinxTestApp, docname: str, sop_id: str, value: str
) -> None:
    assert warnings(shown) == []
    block = html(shown, docname).select_one(f"div#sop-{sop_id}")
    assert {"sop", "sop-status", f"sop-status-{value}"} <= set(block["class"])
    others = {f"sop-status-{status.value}" for status in Status} - {f"sop-status-{value}"}
    assert not others & set(block["class"])


@pytest.mark.parametrize(
    ("docname", "sop_id"), [("draft", "in-force"), ("replacement", "replacement")]
)
def test_no_banner_on_an_sop_in_force(shown: SphinxTestApp, docname: str, sop_id: str) -> None:
    assert html(shown, docname).select_one(f"#sop-{sop_id} .sop-status-banner") is None


def words(element) -> str:
    """The text of an element as read: its words, punctuation where it stands."""
    return " ".join(element.get_text().split())


def banner(app: SphinxTestApp, docname: str):
    """The banner of the first SOP of ``docname``, checked to stand first, above the sheet."""
    first, after = html(app, docname).select_one("div.sop").find_all(recursive=False)[:2]
    assert "sop-status-banner" in first["class"]
    assert after.select_one("table.sop-identity") is not None
    return first


def test_draft_shows_its_mark_above_the_sheet(shown: SphinxTestApp) -> None:
    draft = banner(shown, "draft")
    assert text_of(draft.select_one("p.sop-status-heading strong")) == "DRAFT"
    assert text_of(draft.select_one("p.sop-status-note")) == (
        "This SOP is a draft: it is not in force yet."
    )


def test_withdrawn_sop_says_it_is_no_longer_in_force(shown: SphinxTestApp) -> None:
    withdrawn = banner(shown, "withdrawn")
    assert text_of(withdrawn) == "This SOP is no longer in force It has been withdrawn."
    assert withdrawn.find("a") is None


def test_superseded_sop_links_its_replacement_by_title_and_number(shown: SphinxTestApp) -> None:
    superseded = banner(shown, "superseded")
    (link,) = superseded.select("p.sop-status-note a")
    assert link["href"] == "replacement.html#sop-replacement"
    assert link.get_text() == f"{REPLACEMENT_TITLE} ({REPLACEMENT_NUMBER})"
    assert words(superseded.select_one("p.sop-status-note")) == (
        f"It has been superseded by {REPLACEMENT_TITLE} ({REPLACEMENT_NUMBER})."
    )
    assert html(shown, "superseded").find("script", string=re.compile("alert")) is None


def test_identity_table_keeps_the_official_layout(shown: SphinxTestApp) -> None:
    """The status is outside the identity table: the same rows as for an SOP in force."""

    def rows(docname: str) -> list[list[str]]:
        table = html(shown, docname).select_one("table.sop-identity")
        return [[text_of(cell) for cell in row.find_all("td")][:1] for row in table.find_all("tr")]

    assert rows("superseded") == rows("replacement")
    assert "force" not in text_of(html(shown, "superseded").select_one("table.sop-identity"))


def test_banner_in_indonesian(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "status", language="id")
    assert words(html(app, "superseded").select_one(".sop-status-banner")) == (
        f"SOP ini tidak berlaku lagi SOP ini telah diganti dengan {REPLACEMENT_TITLE} "
        f"({REPLACEMENT_NUMBER})."
    )
    assert text_of(html(app, "withdrawn").select_one(".sop-status-banner")) == (
        "SOP ini tidak berlaku lagi SOP ini telah dicabut."
    )
    assert text_of(html(app, "draft").select_one(".sop-status-banner")) == (
        "DRAFT SOP ini masih berupa draft dan belum berlaku."
    )


def test_text_builder_writes_the_banner(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "status", "text")
    assert warnings(app) == []
    draft = (app.outdir / "draft.txt").read_text(encoding="utf-8")
    assert "**DRAFT**\n\nThis SOP is a draft: it is not in force yet.\n" in draft
    assert draft.count("DRAFT") == 1  # the draft only, not the SOP in force after it
    superseded = " ".join((app.outdir / "superseded.txt").read_text(encoding="utf-8").split())
    assert (
        "**This SOP is no longer in force** It has been superseded by "
        f"{REPLACEMENT_TITLE} ({REPLACEMENT_NUMBER})."
    ) in superseded


THEMES = ("sphinx_rtd_theme", "furo", "alabaster", "pydata_sphinx_theme")
#: A 1366-pixel laptop screen less a 17-pixel scrollbar, and a phone.
SCREENS = {"laptop": {"width": 1349, "height": 768}, "phone": {"width": 390, "height": 844}}
BANNER = """() => {
  const rect = (element) => element.getBoundingClientRect();
  const banner = document.querySelector('.sop-status-banner');
  const style = getComputedStyle(banner);
  return {
    block: rect(banner.closest('.sop')),
    banner: rect(banner),
    parts: [...banner.querySelectorAll('strong, p.sop-status-note')].map(rect),
    padding: parseFloat(style.paddingLeft),
    border: style.borderTopColor,
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  };
}"""


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SphinxTestApp]:
    return {
        theme: build_copy(tmp_path_factory.mktemp(theme), "status", html_theme=theme)
        for theme in THEMES
    }


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed: the screen tests need a browser")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(
    ("docname", "colour"), [("draft", "rgb(194, 65, 12)"), ("withdrawn", "rgb(185, 28, 28)")]
)
def test_banner_fits_every_theme_and_screen(
    themed, browser, theme: str, screen: str, docname: str, colour: str
) -> None:
    page = browser.new_page(viewport=SCREENS[screen])
    try:
        page.goto((themed[theme].outdir / f"{docname}.html").as_uri())
        shown = page.evaluate(BANNER)
    finally:
        page.close()
    block, banner = shown["block"], shown["banner"]
    assert shown["page"] <= shown["viewport"], "the page scrolls sideways"
    assert block["left"] - 0.5 <= banner["left"] < banner["right"] <= block["right"] + 0.5
    assert shown["padding"] >= 8, "the text touches the banner's edge"
    for part in shown["parts"]:  # the stamp and the note, whole inside the banner
        assert banner["left"] < part["left"] < part["right"] < banner["right"]
        assert banner["top"] < part["top"] < part["bottom"] < banner["bottom"]
    assert shown["border"] == colour


# -- in print -----------------------------------------------------------------------------


@pytest.mark.skipif(
    CHROMIUM is None or shutil.which("pdftotext") is None,
    reason="Chromium and pdftotext (poppler-utils) are not installed",
)
def test_browser_prints_the_draft_mark_on_the_drafts_pages(
    shown: SphinxTestApp, tmp_path: Path
) -> None:
    """The identity page has the banner; each flowchart page of the draft has the mark
    at its top, and the SOP in force after it has none."""
    pdf = tmp_path / "draft.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            (shown.outdir / "draft.html").as_uri(),
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    pages = [" ".join(page.split()) for page in text.split("\f") if page.strip()]
    draft = [page for page in pages if "Drafted" in page or "Draft the reply" in page]
    assert draft
    assert all("DRAFT" in page for page in draft)
    assert any(page.startswith("DRAFT") and "Draft the reply" in page for page in draft)
    in_force = [page for page in pages if "In force" in page or "Receive the letter" in page]
    assert in_force
    assert not any("DRAFT" in page for page in in_force)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("printed"), "status", "latex")


@pytest.fixture(scope="module")
def tex(printed: SphinxTestApp) -> str:
    return (printed.outdir / "status.tex").read_text(encoding="utf-8")


def test_draft_mark_spans_the_draft_only(printed: SphinxTestApp, tex: str) -> None:
    assert warnings(printed) == []
    assert tex.count(r"\sopdraftstart") == tex.count(r"\sopdraftend") == 1
    start, end = tex.index(r"\sopdraftstart"), tex.index(r"\sopdraftend")
    assert tex.index(r"\label{\detokenize{draft:sop-drafted}}") < start
    draft = tex[start:end]
    assert r"\begin{sopstatusbanner}" in draft
    assert "Draft the reply" in draft
    assert "Text after the draft" not in draft
    assert r"\label{\detokenize{draft:sop-in-force}}" in tex[end:]


def test_draft_mark_drawn_in_the_label_language(printed: SphinxTestApp) -> None:
    package = (printed.outdir / "sphinxcontrib-sop.sty").read_text(encoding="utf-8")
    assert r"\AddToHook{shipout/background}" in package
    assert r"\color{red!25}DRAFT}" in package


def test_banner_framed_with_the_replacement_escaped(tex: str) -> None:
    banners = re.findall(r"\\begin\{sopstatusbanner\}(.*?)\\end\{sopstatusbanner\}", tex, re.S)
    assert len(banners) == 3  # draft, withdrawn, superseded
    superseded = " ".join(banners[2].split())
    assert r"\hyperref[\detokenize{replacement:sop-replacement}]" in superseded
    assert (
        r"Replacement \textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{} "
        r"\textbackslash{}textbf\{x\} \{\} (002/SOP/2024 \& \{\})"
    ) in superseded


needs_pdflatex = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("latexmk", "pdflatex", "pdftotext")),
    reason="TeX Live and poppler-utils are not installed (./dev.sh test and CI install them)",
)
#: The draft's mark as pdftotext reads it: its letters, set apart by the rotation.
DRAFT_MARK = re.compile(r"D\s+R\s+A\s+F\s+T")


def marked_pages(pages: list[str]) -> set[int]:
    """The numbers (from 0) of the pages that carry the draft's mark."""
    return {number for number, text in enumerate(pages) if DRAFT_MARK.search(text)}


@pytest.fixture(scope="module")
def pdf_pages(printed: SphinxTestApp) -> list[str]:
    return printed_pages(printed, "status.tex")


@needs_pdflatex
def test_every_printed_page_of_the_draft_and_no_other_is_marked(pdf_pages: list[str]) -> None:
    draft = {
        number
        for number, text in enumerate(pdf_pages)
        # Its banner (identity page) or a step (flowchart page); the actor index names
        # the draft too, but is not one of its pages.
        if "This SOP is a draft" in text or "Draft the reply" in text
    }
    assert len(draft) == 2  # the identity page and the landscape flowchart page
    assert marked_pages(pdf_pages) == draft
    for others in ("Text after the draft", "Procedure In Force", "It has been withdrawn"):
        assert not any(DRAFT_MARK.search(text) for text in pdf_pages if others in text)


@pytest.fixture(scope="module")
def handbook_pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    app = build_copy(tmp_path_factory.mktemp("handbook"), "status-print", "latex")
    assert warnings(app) == []
    return printed_pages(app, "handbook.tex")


def only_page_with(pages: list[str], text: str) -> int:
    (number,) = [number for number, page in enumerate(pages) if text in page]
    return number


@needs_pdflatex
def test_every_page_of_a_draft_in_a_section_and_no_other_is_marked(
    handbook_pages: list[str],
) -> None:
    """Each SOP in a section, as in the example handbook.  The long draft's identity
    table breaks on its first page (longtable ships that page), its flowchart takes
    landscape pages, and text goes on after it onto the next page; the short draft
    ends with its flowchart page."""
    pages = handbook_pages
    long_start = only_page_with(pages, "SOP number 001/SOP/2024")
    long_end = only_page_with(pages, "Last words of the long draft.")
    short_start = only_page_with(pages, "SOP number 003/SOP/2024")
    short_end = only_page_with(pages, "Take short step 2")
    assert "Legal basis:" in pages[long_start]
    assert "Warnings:" not in pages[long_start]
    assert "Warnings:" in pages[long_start + 1]
    assert len([page for page in pages if "Take draft step" in page]) == 3
    assert "More text after the long draft" in pages[long_end + 1]
    assert marked_pages(pages) == {
        *range(long_start, long_end + 1),
        *range(short_start, short_end + 1),
    }


@needs_pdflatex
def test_printed_banner_names_the_replacement(pdf_pages: list[str]) -> None:
    (page,) = [text for text in pdf_pages if "It has been superseded by" in text]
    assert (
        r"It has been superseded by Replacement <script>alert(1)</script> \textbf{x} {} "
        "(002/SOP/2024 & {})." in " ".join(page.split())
    )


# -- links to SOPs no longer in force -----------------------------------------------------

WITHDRAWN_LINK = (
    "link to an SOP no longer in force: 'old-withdrawn' (Old Withdrawn Procedure) is "
    "withdrawn (dicabut): link an SOP in force instead, or remove the link [sop.status]"
)
SUPERSEDED_LINK = (
    "link to an SOP no longer in force: 'old-superseded' (Old Superseded Procedure) is "
    "superseded (diganti): link 'current', which replaces it, instead [sop.status]"
)


@pytest.mark.parametrize("builder", ["html", "latex", "text"])
def test_links_from_sops_in_force_and_drafts_to_retired_sops_warn(
    tmp_path: Path, builder: str
) -> None:
    app = build_copy(tmp_path, "status-links", builder)
    current, drafting = app.srcdir / "current.rst", app.srcdir / "drafting.rst"
    related, body = line_of(current, ":related:"), line_of(current, "Letters are answered")
    assert sorted(warnings(app)) == sorted(
        [
            f"{current}:{related}: WARNING: {WITHDRAWN_LINK}",  # :related:
            f"{current}:{related}: WARNING: {SUPERSEDED_LINK}",
            f"{current}:{body}: WARNING: {SUPERSEDED_LINK}",  # :sop:ref:
            f"{current}:{body}: WARNING: {WITHDRAWN_LINK}",  # :any:
            f"{drafting}:{line_of(drafting, ':related:')}: WARNING: {SUPERSEDED_LINK}",
        ]
    )
    # Not warned: links outside an SOP (index.rst, after the SOP in current.rst), from a
    # retired SOP (old-superseded relates to old-withdrawn), and the superseded SOP's
    # banner linking its replacement.


def retarget_status(source: Path, status: str) -> None:
    """Give the SOP old-withdrawn of the links root the status ``status``."""
    retired = source / "retired.rst"
    text = retired.read_text(encoding="utf-8")
    text = re.sub(r"(:id: old-withdrawn\n   :status: )\S+", rf"\g<1>{status}", text)
    retired.write_text(text, encoding="utf-8")


def test_incremental_build_warns_when_a_linked_sop_is_withdrawn(make_app, tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-status-links", source)
    retarget_status(source, "berlaku")
    app = make_app("html", srcdir=source)
    app.build()
    assert not any("'old-withdrawn'" in line for line in warnings(app))
    app.cleanup()

    retarget_status(source, "dicabut")  # current.rst and drafting.rst are not touched
    app = make_app("html", srcdir=source)
    app.build()
    current = source / "current.rst"
    warned = warnings(app)
    assert f"{current}:{line_of(current, ':related:')}: WARNING: {WITHDRAWN_LINK}" in warned
    assert (
        f"{current}:{line_of(current, 'Letters are answered')}: WARNING: {WITHDRAWN_LINK}" in warned
    )
    app.cleanup()

    retarget_status(source, "berlaku")
    app = make_app("html", srcdir=source)
    app.build()
    assert not any("'old-withdrawn'" in line for line in warnings(app))
    written = re.findall(
        r"writing output\.\.\. \[ *\d+%\] (\S+)", strip_colors(app.status.getvalue())
    )
    assert {"current", "index", "retired"} <= set(written)  # rewritten, now without it

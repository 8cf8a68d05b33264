"""The editions of a site on each page: the switcher, and the note of an edition not in force.

The root ``test-editions`` is built as each edition of a site of three, as
``sphinx-sop-site`` builds them (``sop_site``, ``sop_edition``): the working
edition ``draft`` has every page, ``sop/usulan`` only in it; the edition in force
``edisi-2024`` lacks ``sop/usulan``; the old ``edisi-2023`` lacks ``sop/baru`` too.
The same pages in a browser, in four themes: ``test_switcher_screens``.
"""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, build_edition, html, printed_pages, text_of, warnings
from sphinxcontrib_sop.core.editions import Edition, Site

PAGES = {"index", "sop/masuk", "sop/baru"}
SITE = Site(
    (
        Edition("draft", "main", "c" * 40, working=True, pages=frozenset(PAGES | {"sop/usulan"})),
        Edition("edisi-2024", "edisi-2024", "b" * 40, datetime.date(2024, 6, 1), pages=PAGES),
        Edition(
            "edisi-2023",
            "edisi-2023",
            "a" * 40,
            datetime.date(2023, 6, 1),
            pages=frozenset(PAGES - {"sop/baru"}),
        ),
    ),
    current="",
)
NAMES = ["draft", "edisi-2024", "edisi-2023"]


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SphinxTestApp]:
    """Each edition of the site, built as HTML."""
    folder = tmp_path_factory.mktemp("site")
    return {name: build_edition(folder, "editions", SITE, name) for name in NAMES}


def links(app: SphinxTestApp, docname: str) -> list:
    """The links of the switcher on ``docname``."""
    return html(app, docname).select("nav.sop-editions a[data-edition]")


def test_editions_build_without_warnings(editions: dict[str, SphinxTestApp]) -> None:
    for app in editions.values():
        assert warnings(app) == []


def test_every_page_lists_every_edition_newest_first_the_current_one_marked(
    editions: dict[str, SphinxTestApp],
) -> None:
    for name, app in editions.items():
        for docname in SITE.edition(name).pages:
            page = html(app, docname)
            assert len(page.select("nav.sop-editions")) == 1
            found = page.select("nav.sop-editions a[data-edition]")
            assert [link["data-edition"] for link in found] == NAMES
            current = [link["data-edition"] for link in found if link.get("aria-current")]
            assert current == [name]
            assert page.select("a.sop-edition-current") == [found[NAMES.index(name)]]
            assert text_of(page.select_one("nav.sop-editions summary")) == f"Edisi: {name}"


def test_the_switcher_comes_first_on_the_page(editions: dict[str, SphinxTestApp]) -> None:
    body = html(editions["edisi-2023"], "sop/masuk").select_one("div.body")
    first, second, *_ = body.find_all(recursive=False)
    assert "sop-editions" in first["class"]
    assert "sop-old-edition" in second["class"]


@pytest.mark.parametrize(
    ("edition", "docname", "hrefs"),
    [
        (
            "edisi-2023",
            "sop/masuk",
            [
                "../../draft/sop/masuk.html",
                "../../edisi-2024/sop/masuk.html",
                "../../edisi-2023/sop/masuk.html",
            ],
        ),
        (
            "edisi-2024",
            "sop/baru",
            [
                "../../draft/sop/baru.html",
                "../../edisi-2024/sop/baru.html",
                "../../edisi-2023/index.html",
            ],
        ),
        (
            "draft",
            "sop/usulan",
            [
                "../../draft/sop/usulan.html",
                "../../edisi-2024/index.html",
                "../../edisi-2023/index.html",
            ],
        ),
        (
            "edisi-2023",
            "index",
            ["../draft/index.html", "../edisi-2024/index.html", "../edisi-2023/index.html"],
        ),
    ],
)
def test_each_link_leads_to_the_same_page_there_or_to_the_start_page(
    editions: dict[str, SphinxTestApp], edition: str, docname: str, hrefs: list[str]
) -> None:
    assert [link["href"] for link in links(editions[edition], docname)] == hrefs


def test_the_working_edition_and_the_edition_in_force_are_marked(
    editions: dict[str, SphinxTestApp],
) -> None:
    states = [
        text_of(state) if (state := link.select_one(".sop-edition-state")) else ""
        for link in links(editions["edisi-2023"], "index")
    ]
    assert states == ["edisi kerja, belum berlaku", "berlaku", ""]


def test_pages_of_an_old_edition_say_so_and_link_the_same_page_in_force(
    editions: dict[str, SphinxTestApp],
) -> None:
    for docname, href in [
        ("index", "../edisi-2024/index.html"),
        ("sop/masuk", "../../edisi-2024/sop/masuk.html"),
    ]:
        page = html(editions["edisi-2023"], docname)
        (note,) = page.select("div.sop-old-edition")
        assert text_of(note) == (
            "Edisi ini tidak berlaku lagi. Baca halaman ini pada edisi yang berlaku, edisi-2024."
        )
        assert [link["href"] for link in note.select("a")] == [href]
        assert page.select("div.sop-working-edition") == []


def test_the_edition_in_force_has_no_note(editions: dict[str, SphinxTestApp]) -> None:
    for docname in PAGES:
        page = html(editions["edisi-2024"], docname)
        assert page.select("div.sop-old-edition, div.sop-working-edition") == []


def test_the_working_edition_has_a_milder_note(editions: dict[str, SphinxTestApp]) -> None:
    page = html(editions["draft"], "sop/masuk")
    assert page.select("div.sop-old-edition") == []
    (note,) = page.select("div.sop-working-edition")
    assert text_of(note) == (
        "Ini edisi kerja, belum berlaku. Baca halaman ini pada edisi yang berlaku, edisi-2024."
    )
    assert note.select_one("a")["href"] == "../../edisi-2024/sop/masuk.html"


def test_a_note_on_a_page_the_edition_in_force_lacks_leads_to_its_start_page(
    editions: dict[str, SphinxTestApp],
) -> None:
    (note,) = html(editions["draft"], "sop/usulan").select("div.sop-working-edition")
    assert text_of(note) == (
        "Ini edisi kerja, belum berlaku. "
        "Buka edisi yang berlaku, edisi-2024: halaman ini tidak ada di sana."
    )
    assert note.select_one("a")["href"] == "../../edisi-2024/index.html"


def test_pages_without_a_document_carry_the_parts_for_their_script(
    editions: dict[str, SphinxTestApp],
) -> None:
    """The general index, search page and actor index link the same page in each edition."""
    app = editions["edisi-2023"]
    for pagename in ("genindex", "search", "sop-actors"):
        page = html(app, pagename)
        template = page.select_one("head template#sop-edition-parts")
        assert template is not None, pagename
        parts = BeautifulSoup(template.decode_contents(), "html.parser")
        hrefs = [link["href"] for link in parts.select("nav.sop-editions a[data-edition]")]
        assert hrefs == [f"../{name}/{pagename}.html" for name in NAMES]
        note = parts.select_one("div.sop-old-edition a")
        assert note["href"] == f"../edisi-2024/{pagename}.html"
        assert any("sop-editions.js" in script.get("src", "") for script in page.select("script"))
        assert (app.outdir / "_static" / "sop-editions.js").is_file()
    assert html(app, "index").select("template") == []


def test_a_build_without_a_site_shows_no_editions(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "editions")
    for pagename in ("index", "sop/masuk", "genindex"):
        page = html(app, pagename)
        assert page.select(".sop-editions, .sop-old-edition, .sop-working-edition") == []
        assert page.select("template") == []
    printed = build_copy(tmp_path / "latex", "editions", "latex")
    assert "shipout/foreground" not in (printed.outdir / "sphinxcontrib-sop.sty").read_text()


def test_an_edition_the_site_does_not_list_is_marked_nowhere(tmp_path: Path) -> None:
    app = build_edition(tmp_path, "editions", SITE, "edisi-2022")
    page = html(app, "sop/masuk")
    assert [link["data-edition"] for link in links(app, "sop/masuk")] == NAMES
    assert page.select("[aria-current]") == []
    assert text_of(page.select_one("nav.sop-editions summary")) == "Edisi:"
    assert page.select(".sop-old-edition, .sop-working-edition") == []


HOSTILE = 'v1 "<b>&'
HOSTILE_SITE = Site(
    (
        Edition(HOSTILE, "v1", "d" * 40, pages=frozenset(PAGES)),
        Edition("v0", "v0", "e" * 40, pages=frozenset(PAGES)),
    ),
    current="",
)


def test_edition_names_are_escaped_in_english_labels(tmp_path: Path) -> None:
    app = build_edition(tmp_path, "editions", HOSTILE_SITE, "v0", language="en")
    page = html(app, "sop/masuk")
    hostile, _ = links(app, "sop/masuk")
    assert hostile["data-edition"] == HOSTILE
    assert hostile["href"] == "../../v1%20%22%3Cb%3E%26/sop/masuk.html"
    assert text_of(hostile) == f"{HOSTILE} in force"
    assert page.select("b") == []
    (note,) = page.select("div.sop-old-edition")
    assert text_of(note) == (
        f"This edition is no longer in force. Read this page in the edition in force, {HOSTILE}."
    )
    assert text_of(page.select_one("nav.sop-editions summary")) == "Edition: v0"


def test_a_changed_site_is_shown_by_an_incremental_build(tmp_path: Path) -> None:
    """A new edition in force: the pages of the last one, built again without -E, say so."""
    app = build_edition(tmp_path, "editions", SITE, "edisi-2024")
    assert html(app, "sop/masuk").select("div.sop-old-edition") == []
    newer = Edition("edisi-2025", "edisi-2025", "f" * 40, pages=frozenset(PAGES))
    (tmp_path / "versions.json").write_text(
        Site((newer, *SITE.editions), current="").to_json(), encoding="utf-8"
    )
    again = SphinxTestApp("html", srcdir=app.srcdir, confoverrides=app.config.overrides)
    try:
        again.build()
    finally:
        again.cleanup()
    page = html(again, "sop/masuk")
    assert [link["data-edition"] for link in links(again, "sop/masuk")] == ["edisi-2025", *NAMES]
    assert page.select_one("div.sop-old-edition a")["href"] == "../../edisi-2025/sop/masuk.html"


# -- in print --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SphinxTestApp]:
    """Each edition of the site, built as LaTeX."""
    folder = tmp_path_factory.mktemp("printed")
    return {name: build_edition(folder, "editions", SITE, name, "latex") for name in NAMES}


def package(app: SphinxTestApp) -> str:
    return (app.outdir / "sphinxcontrib-sop.sty").read_text(encoding="utf-8")


def edition_line(app: SphinxTestApp) -> str | None:
    """The line the support package draws on every page, with its colour; ``None`` if none."""
    found = re.search(
        r"\\AddToHook\{shipout/foreground\}\{%\n.*?\\color\{([^}]*)\}(.*?)\}\}\}\}\n",
        package(app),
        re.S,
    )
    return f"{found[1]}: {found[2]}" if found else None


def test_an_old_edition_prints_a_line_on_every_page(printed: dict[str, SphinxTestApp]) -> None:
    assert edition_line(printed["edisi-2023"]) == (
        r"red!70!black: Edisi edisi\sphinxhyphen{}2023 tidak berlaku lagi; "
        r"edisi yang berlaku adalah edisi\sphinxhyphen{}2024."
    )


def test_the_working_edition_prints_a_grey_line(printed: dict[str, SphinxTestApp]) -> None:
    assert edition_line(printed["draft"]) == (
        "black!55: Edisi draft adalah edisi kerja, belum berlaku."
    )


def test_the_edition_in_force_prints_no_line(printed: dict[str, SphinxTestApp]) -> None:
    assert edition_line(printed["edisi-2024"]) is None
    # The draft's mark of an SOP is drawn as before.
    assert r"\AddToHook{shipout/background}" in package(printed["edisi-2024"])


def test_edition_names_are_escaped_in_print(tmp_path: Path) -> None:
    app = build_edition(tmp_path, "editions", HOSTILE_SITE, "v0", "latex", language="en")
    assert edition_line(app) == (
        r"red!70!black: Edition v0 is no longer in force; the edition in force is "
        r'v1 "\textless{}b\textgreater{}\&.'
    )


needs_pdflatex = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("latexmk", "pdflatex", "pdftotext")),
    reason="TeX Live and poppler-utils are not installed (./dev.sh test and CI install them)",
)


@needs_pdflatex
def test_every_printed_page_of_an_old_edition_says_so(printed: dict[str, SphinxTestApp]) -> None:
    pages = [" ".join(page.split()) for page in printed_pages(printed["edisi-2023"], "buku.tex")]
    line = "Edisi edisi-2023 tidak berlaku lagi; edisi yang berlaku adalah edisi-2024."
    assert len(pages) > 5  # cover, contents, the SOP's identity and landscape flowchart pages …
    assert [number for number, page in enumerate(pages) if line not in page] == []
    assert any("Menerima surat" in page for page in pages)  # the flowchart page too

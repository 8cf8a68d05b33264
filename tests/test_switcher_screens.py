"""The editions' switcher and note as readers see them, in Chromium, in four themes.

The root ``test-editions`` is built, in each theme, as the two editions of a site
laid out as ``sphinx-sop-site`` lays it out: ``OUT/edisi-2024/`` (in force, every
page but the working edition's ``sop/usulan``) and ``OUT/edisi-2023/`` (old,
without ``sop/baru`` too), opened from disk (``file://``).  The HTML itself is
checked in ``test_switcher``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from conftest import build_edition, warnings
from sphinxcontrib_sop.core.editions import Edition, Site

THEMES = ("sphinx_rtd_theme", "furo", "alabaster", "pydata_sphinx_theme")
#: A 1366-pixel laptop screen less a classic 17-pixel scrollbar, and a phone.
LAPTOP = {"width": 1366 - 17, "height": 768}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])

SITE = Site(
    (
        Edition(
            "edisi-2024",
            "edisi-2024",
            "b" * 40,
            pages=frozenset({"index", "sop/masuk", "sop/baru"}),
        ),
        Edition("edisi-2023", "edisi-2023", "a" * 40, pages=frozenset({"index", "sop/masuk"})),
    ),
    current="",
)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """For each theme, the folder of its site: every edition built into ``OUT/<edition>/``."""
    found = {}
    for theme in THEMES:
        folder = tmp_path_factory.mktemp(theme)
        out = folder / "OUT"
        for edition in SITE.editions:
            app = build_edition(folder, "editions", SITE, edition.name, html_theme=theme)
            assert warnings(app) == []
            shutil.copytree(app.outdir, out / edition.name)
        found[theme] = out
    return found


@pytest.fixture
def open_page(browser: Browser, sites: dict[str, Path]) -> Iterator:
    """Opens ``OUT/<path>`` of a theme's site at a viewport; closes every page afterwards."""
    pages: list[Page] = []

    def opened(theme: str, path: str, viewport: dict) -> Page:
        pages.append(browser.new_page(viewport=viewport))
        pages[-1].goto((sites[theme] / path).as_uri())
        return pages[-1]

    yield opened
    for page in pages:
        page.close()


#: Where the switcher and the note are, and whether anything shares the switcher's box.
PLACES = """() => {
  const nav = document.querySelector('nav.sop-editions');
  const note = document.querySelector('.sop-old-edition');
  const summary = nav.querySelector('summary');
  const box = summary.getBoundingClientRect();
  const edges = (rect) => ({left: rect.left, top: rect.top, right: rect.right,
                            bottom: rect.bottom});
  const mine = (element) => element !== null && nav.contains(element);
  const points = [[box.left + 3, box.top + 3], [box.right - 3, box.top + 3],
                  [box.left + 3, box.bottom - 3], [box.right - 3, box.bottom - 3],
                  [(box.left + box.right) / 2, (box.top + box.bottom) / 2]];
  const covered = points.filter(([x, y]) => !mine(document.elementFromPoint(x, y)));
  const overlapping = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (mine(element) || element.contains(nav)) continue;
    const text = [...element.childNodes].some(
      (child) => child.nodeType === Node.TEXT_NODE && child.textContent.trim());
    const picture = ['IMG', 'svg', 'INPUT', 'BUTTON', 'SELECT'].includes(element.tagName);
    if (!(text || picture)) continue;
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const rect = element.getBoundingClientRect();
    const width = Math.min(rect.right, box.right) - Math.max(rect.left, box.left);
    const height = Math.min(rect.bottom, box.bottom) - Math.max(rect.top, box.top);
    if (width > 0.5 && height > 0.5) overlapping.push(element.outerHTML.slice(0, 80));
  }
  return {
    width: document.documentElement.clientWidth, height: window.innerHeight,
    page: document.documentElement.scrollWidth,
    summary: edges(box), note: note && edges(note.getBoundingClientRect()),
    heading: edges(document.querySelector('h1').getBoundingClientRect()),
    covered, overlapping,
  };
}"""


def assert_in_first_screen(places: dict, name: str) -> None:
    box = places[name]
    assert 0 <= box["left"] < box["right"] <= places["width"], (name, box)
    assert 0 <= box["top"] < box["bottom"] <= places["height"], (name, box)


def assert_placed(places: dict) -> None:
    """Switcher and note in the first screen, above the heading; nothing on the switcher."""
    assert_in_first_screen(places, "summary")
    assert_in_first_screen(places, "note")
    assert places["covered"] == [], "something lies over the switcher"
    assert places["overlapping"] == [], "the switcher lies over the page"
    assert places["note"]["bottom"] <= places["heading"]["top"]
    assert places["page"] <= places["width"], "the page scrolls sideways"


@pytest.mark.parametrize("theme", THEMES)
@VIEWPORTS
def test_switcher_and_note_are_in_the_first_screen_covering_nothing(
    open_page, theme: str, viewport: dict
) -> None:
    for path in ("edisi-2023/index.html", "edisi-2023/sop/masuk.html"):
        assert_placed(open_page(theme, path, viewport).evaluate(PLACES))


@pytest.mark.parametrize("theme", THEMES)
@VIEWPORTS
def test_pages_without_a_document_get_them_from_their_script(
    open_page, theme: str, viewport: dict
) -> None:
    """The general index: its script puts switcher and note at the top of the content."""
    page = open_page(theme, "edisi-2023/genindex.html", viewport)
    assert page.locator("nav.sop-editions").count() == 1
    assert_placed(page.evaluate(PLACES))
    follow(page, "edisi-2024")
    assert page.url == (page_path(page, "edisi-2024/genindex.html"))


def page_path(page: Page, path: str) -> str:
    """The ``file://`` address of ``OUT/<path>``, for the site the page is in."""
    out = page.url[: page.url.rindex("/edisi-")]
    return f"{out}/{path}"


def follow(page: Page, edition: str) -> None:
    """Open the switcher and follow its link to ``edition``."""
    page.click("nav.sop-editions summary")
    link = page.locator(f'nav.sop-editions a[data-edition="{edition}"]')
    box = link.bounding_box()
    assert box is not None
    width = page.evaluate("document.documentElement.clientWidth")
    assert box["x"] >= 0, "the menu leaves the screen"
    assert box["x"] + box["width"] <= width, "the menu leaves the screen"
    link.click()
    page.wait_for_load_state()


def shown_edition(page: Page) -> str:
    """The edition the page belongs to, as its switcher marks it."""
    return page.locator("nav.sop-editions a[aria-current=page]").get_attribute("data-edition")


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(
    ("start", "edition", "landing"),
    [
        ("edisi-2023/sop/masuk.html", "edisi-2024", "edisi-2024/sop/masuk.html"),
        ("edisi-2024/sop/baru.html", "edisi-2023", "edisi-2023/index.html"),
    ],
    ids=["same page", "start page"],
)
def test_a_link_followed_lands_on_the_same_page_or_the_start_page(
    open_page, theme: str, start: str, edition: str, landing: str
) -> None:
    page = open_page(theme, start, PHONE)
    follow(page, edition)
    assert page.url == page_path(page, landing)
    assert shown_edition(page) == edition


def test_every_link_of_every_page_leads_to_a_page_of_the_site(sites: dict[str, Path]) -> None:
    for out in sites.values():
        pages = [path for path in out.rglob("*.html") if "_static" not in path.parts]
        # Each edition's documents (3 and 2), its general index, search page and actor index.
        assert len(pages) == (3 + 3) + (2 + 3)
        for path in pages:
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            parts = page.select_one("template#sop-edition-parts")
            if parts is not None:
                page = BeautifulSoup(parts.decode_contents(), "html.parser")
            found = page.select("nav.sop-editions a[data-edition], .sop-old-edition a")
            assert len(found) == len(SITE.editions) + ("edisi-2023" in path.parts), path
            for link in found:
                assert (path.parent / unquote(link["href"])).resolve().is_file(), (path, link)


@pytest.mark.parametrize("theme", THEMES)
def test_the_note_links_the_same_page_in_force(open_page, theme: str) -> None:
    page = open_page(theme, "edisi-2023/sop/masuk.html", PHONE)
    page.click(".sop-old-edition a")
    page.wait_for_load_state()
    assert page.url == page_path(page, "edisi-2024/sop/masuk.html")
    assert shown_edition(page) == "edisi-2024"
    assert page.locator(".sop-old-edition").count() == 0

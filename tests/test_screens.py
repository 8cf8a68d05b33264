"""The flowchart as readers see it, measured in Chromium in four themes.

The root ``test-screens`` has an SOP with six actors whose names hold long
words (``index``) and one with nine (``wide``).  Each theme's build is made
once for the module, and one browser serves every test.  Widths are taken
with ``getBoundingClientRect`` at a 1366-pixel laptop screen (less a 17-pixel
scrollbar, as on Windows) and a 390-pixel phone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, warnings

THEMES = ("sphinx_rtd_theme", "furo", "alabaster", "pydata_sphinx_theme")
#: A 1366-pixel laptop screen less a classic 17-pixel scrollbar, and a phone.
LAPTOP = {"width": 1366 - 17, "height": 768}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> dict[str, SphinxTestApp]:
    """The root built in every theme, and once in sphinx-rtd-theme without wide pages."""
    apps = {
        theme: build_copy(tmp_path_factory.mktemp(theme), "screens", html_theme=theme)
        for theme in THEMES
    }
    apps["narrow pages"] = build_copy(
        tmp_path_factory.mktemp("narrow-pages"), "screens", sop_html_wide_pages=False
    )
    return apps


def open_page(browser: Browser, app: SphinxTestApp, docname: str, viewport: dict) -> Page:
    page = browser.new_page(viewport=viewport)
    page.goto((app.outdir / f"{docname}.html").as_uri())
    return page


@pytest.fixture
def page_at(browser: Browser, builds: dict[str, SphinxTestApp]) -> Iterator:
    """Opens ``docname`` of a build at a viewport; closes every page afterwards."""
    pages: list[Page] = []

    def opened(build: str, docname: str, viewport: dict) -> Page:
        pages.append(open_page(browser, builds[build], docname, viewport))
        return pages[-1]

    yield opened
    for page in pages:
        page.close()


SHEET = """() => {
  const box = document.querySelector('.sop-flowchart-scroll');
  const table = box.querySelector('table.sop-flowchart');
  const edge = (element) => {
    const rect = element.getBoundingClientRect();
    return {left: rect.left, right: rect.right, width: rect.width};
  };
  return {
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    shown: getComputedStyle(box).display !== 'none',
    box: edge(box),
    scrolls: box.scrollWidth > box.clientWidth,
    table: edge(table),
    symbols: [...table.querySelectorAll('g.sop-symbol')].map(edge),
    lastHeader: edge(table.querySelector('th.sop-head-notes')),
  };
}"""


def test_builds_without_warnings(builds: dict[str, SphinxTestApp]) -> None:
    for app in builds.values():
        assert warnings(app) == []


@pytest.mark.parametrize("theme", THEMES)
def test_six_actors_fit_a_laptop_screen_without_scrolling(page_at, theme: str) -> None:
    sheet = page_at(theme, "index", LAPTOP).evaluate(SHEET)
    assert sheet["shown"]
    assert sheet["page"] <= sheet["viewport"], "the page scrolls sideways"
    assert not sheet["scrolls"], "the sheet scrolls inside its box"
    assert sheet["table"]["right"] <= sheet["box"]["right"] + 0.5
    assert sheet["lastHeader"]["right"] <= sheet["viewport"]
    assert len(sheet["symbols"]) == 8
    for symbol in sheet["symbols"]:
        assert sheet["box"]["left"] <= symbol["left"] < symbol["right"] <= sheet["box"]["right"]


@pytest.mark.parametrize("theme", THEMES)
def test_the_sheet_fills_the_wider_text_area(page_at, theme: str) -> None:
    """The text columns share the room: the sheet is as wide as its box."""
    sheet = page_at(theme, "index", LAPTOP).evaluate(SHEET)
    assert sheet["box"]["width"] >= 960
    assert abs(sheet["table"]["width"] - sheet["box"]["width"]) <= 3


def test_without_wide_pages_the_theme_keeps_its_width(page_at, builds) -> None:
    page = page_at("narrow pages", "index", LAPTOP)
    sheet = page.evaluate(SHEET)
    assert page.evaluate("getComputedStyle(document.querySelector('.wy-nav-content')).maxWidth")
    assert sheet["box"]["width"] <= 800
    assert sheet["scrolls"]
    assert sheet["page"] <= sheet["viewport"]


@pytest.mark.parametrize(
    ("theme", "button", "drawer"),
    [
        ("furo", "label.toc-content-icon", ".toc-drawer"),
        ("pydata_sphinx_theme", "button.secondary-toggle", "#pst-secondary-sidebar-modal"),
    ],
)
def test_the_folded_table_of_contents_opens_from_its_button(
    page_at, theme: str, button: str, drawer: str
) -> None:
    """Themes whose contents sidebar makes room for the sheet keep it a click away."""
    page = page_at(theme, "index", LAPTOP)
    assert page.locator(drawer).bounding_box() is None or (
        page.locator(drawer).bounding_box()["x"] >= LAPTOP["width"]
    )
    page.click(button)
    page.wait_for_timeout(600)  # the drawer slides in
    box = page.locator(drawer).bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= LAPTOP["width"] + 1
    assert page.locator(drawer).get_by_text("Catatan").first.is_visible()


SCROLL_CUE = """() => {
  const box = document.querySelector('.sop-flowchart-scroll');
  const style = getComputedStyle(box);
  return {image: style.backgroundImage, attachment: style.backgroundAttachment};
}"""


@pytest.mark.parametrize("theme", THEMES)
def test_a_wider_sheet_scrolls_in_its_box_with_a_shadow(page_at, theme: str) -> None:
    page = page_at(theme, "wide", LAPTOP)
    sheet = page.evaluate(SHEET)
    assert sheet["scrolls"]
    assert sheet["page"] <= sheet["viewport"], "the whole page scrolls sideways"
    cue = page.evaluate(SCROLL_CUE)
    # Two covers that scroll with the sheet, over two shadows fixed at the box's edges.
    assert cue["image"].count("linear-gradient") == 4
    assert cue["attachment"] == "local, local, scroll, scroll"


# -- a phone -------------------------------------------------------------------

CARDS = """() => {
  const cards = document.querySelector('.sop-step-cards');
  const box = document.querySelector('.sop-flowchart-scroll');
  return {
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    cardsShown: getComputedStyle(cards).display !== 'none',
    sheetShown: getComputedStyle(box).display !== 'none',
    cards: [...cards.querySelectorAll('li.sop-step-card')].map((card) => {
      const rect = card.getBoundingClientRect();
      return {left: rect.left, right: rect.right, wide: card.scrollWidth > card.clientWidth,
              text: card.innerText};
    }),
  };
}"""


@pytest.mark.parametrize("theme", THEMES)
def test_a_phone_shows_every_step_as_a_card_instead_of_the_sheet(page_at, theme: str) -> None:
    shown = page_at(theme, "index", PHONE).evaluate(CARDS)
    assert shown["cardsShown"]
    assert not shown["sheetShown"]
    assert shown["page"] <= shown["viewport"], "the page scrolls sideways"
    assert len(shown["cards"]) == 8
    for card in shown["cards"]:
        assert 0 <= card["left"] < card["right"] <= shown["viewport"]
        assert not card["wide"]
    second = shown["cards"][1]["text"]
    for text in ("Memeriksa substansi konsep surat", "Kepala Unit Pengolah", "30 menit"):
        assert text in second
    assert "Ya → 3, Tidak → 1" in second


@pytest.mark.parametrize("theme", THEMES)
def test_the_link_under_the_cards_opens_the_official_sheet(page_at, theme: str) -> None:
    page = page_at(theme, "index", PHONE)
    page.click(".sop-step-cards-sheet a")
    sheet = page.evaluate(SHEET)
    assert sheet["shown"]
    assert sheet["scrolls"]  # sideways, inside its own box
    assert sheet["page"] <= sheet["viewport"]
    assert sheet["box"]["right"] <= sheet["viewport"]


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_printing_gives_the_sheet_never_the_cards(page_at, viewport: dict) -> None:
    page = page_at("sphinx_rtd_theme", "index", viewport)
    page.emulate_media(media="print")
    shown = page.evaluate(CARDS)
    assert shown["sheetShown"]
    assert not shown["cardsShown"]


# -- headers break between words ---------------------------------------------

#: For each header cell: its text, and the characters at which a new line starts.
HEADER_LINES = """() => [...document.querySelectorAll('table.sop-flowchart thead th')].map((th) => {
  const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
  let text = '';
  const starts = [];
  let top = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = [...range.getClientRects()].filter((r) => r.width > 0).pop();
      if (rect && top !== null && rect.top > top + 2) starts.push(text.length);
      if (rect) top = rect.top;
      text += node.data[i];
    }
  }
  return {text, starts, overflows: th.scrollWidth > th.clientWidth + 1};
})"""


def broken_words(header: dict) -> list[str]:
    """The words a header breaks inside without a hyphen, with ``|`` where."""
    text = header["text"]
    return [
        f"{text[:start]}|{text[start:]}"
        for start in header["starts"]
        if not (text[start - 1] in " \N{SOFT HYPHEN}" or text[start].isspace())
    ]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(("docname", "viewport"), [("index", LAPTOP), ("wide", LAPTOP)])
def test_headers_break_between_words_or_at_a_hyphen(
    page_at, theme: str, docname: str, viewport: dict
) -> None:
    headers = page_at(theme, docname, viewport).evaluate(HEADER_LINES)
    assert headers
    assert [header["text"] for header in headers if header["overflows"]] == []
    assert [word for header in headers for word in broken_words(header)] == []
    # Long words did break, at their soft hyphens (so the check above had work to do).
    assert any(
        header["text"][start - 1] == "\N{SOFT HYPHEN}"
        for header in headers
        for start in header["starts"]
    )


def test_the_break_check_catches_a_word_cut_anywhere() -> None:
    assert broken_words({"text": "Pengadministrasi", "starts": [13]}) == ["Pengadministr|asi"]
    assert broken_words({"text": "Kepala Unit", "starts": [7]}) == []
    assert broken_words({"text": "Kepe\N{SOFT HYPHEN}gawaian", "starts": [5]}) == []

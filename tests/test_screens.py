"""The flowchart as readers see it, measured in Chromium in four themes.

The root ``test-screens`` has an SOP with six actors whose names hold long
words (``index``) and one with nine (``wide``).  Each theme's build is made
once for the module, and one browser serves every test.  Positions are taken
with ``getBoundingClientRect`` at a 1366-pixel laptop screen (less a 17-pixel
scrollbar, as on Windows).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, warnings

CHROMIUM = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)
THEMES = ("sphinx_rtd_theme", "furo", "alabaster", "pydata_sphinx_theme")
#: A 1366-pixel laptop screen less a classic 17-pixel scrollbar.
LAPTOP = {"width": 1366 - 17, "height": 768}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed: the layout tests need a browser")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> dict[str, SphinxTestApp]:
    """The root built in every theme."""
    return {
        theme: build_copy(tmp_path_factory.mktemp(theme), "screens", html_theme=theme)
        for theme in THEMES
    }


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


def test_builds_without_warnings(builds: dict[str, SphinxTestApp]) -> None:
    for app in builds.values():
        assert warnings(app) == []


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


def test_the_break_check_catches_a_word_cut_anywhere() -> None:
    assert broken_words({"text": "Pengadministrasi", "starts": [13]}) == ["Pengadministr|asi"]
    assert broken_words({"text": "Kepala Unit", "starts": [7]}) == []
    assert broken_words({"text": "Kepe\N{SOFT HYPHEN}gawaian", "starts": [5]}) == []

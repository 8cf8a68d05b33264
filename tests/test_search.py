"""The HTML search page: SOPs found by number, object types worded once, Indonesian stems."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, warnings
from sphinxcontrib_sop.i18n.search import sphinx_has_indonesian_stemmer

CHROMIUM = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)
NUMBER = "800/07/SOP/KEC-MP/2016"


@pytest.fixture(scope="module")
def indonesian(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("search-id"), "search")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("search-en"), "search", language="en")


def search_index(app: SphinxTestApp) -> dict:
    text = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def objects(app: SphinxTestApp) -> dict[str, tuple[str, str]]:
    """Each searchable object's name → (its type's name, its page)."""
    index = search_index(app)
    return {
        entry[4]: (index["objnames"][str(entry[1])][2], index["docnames"][entry[0]])
        for entries in index["objects"].values()
        for entry in entries
    }


def test_sops_are_found_by_title_and_number(indonesian: SphinxTestApp) -> None:
    assert warnings(indonesian) == []
    assert objects(indonesian) == {
        "Pemeriksaan Surat Masuk": ("SOP", "surat"),
        "Penyimpanan Arsip": ("SOP", "arsip"),
        NUMBER: ("Nomor SOP", "surat"),
        "800/08/SOP/KEC-MP/2016": ("Nomor SOP", "arsip"),
    }


def test_object_types_follow_the_label_language(english: SphinxTestApp) -> None:
    names = {type_name for type_name, _ in objects(english).values()}
    assert names == {"SOP", "SOP number"}  # not Sphinx's "SOP SOP"


@pytest.mark.skipif(
    not sphinx_has_indonesian_stemmer(), reason="Sphinx before 9 has no Indonesian stemmer"
)
def test_indonesian_words_are_stemmed_as_indonesian(indonesian: SphinxTestApp) -> None:
    terms = search_index(indonesian)["terms"]
    # "Pemeriksaan" and "Memeriksa" share the stem "periksa"; "Penyimpanan" → "simpan".
    assert {"periksa", "simpan"} <= terms.keys()
    assert "pemeriksaan" not in terms
    assert "yang" not in terms  # a common word
    language_data = (indonesian.outdir / "_static" / "language_data.js").read_text()
    assert "IndonesianStemmer" in language_data  # the query is stemmed the same way


def test_english_projects_keep_english_search(english: SphinxTestApp) -> None:
    terms = search_index(english)["terms"]
    assert "periksa" not in terms
    assert "IndonesianStemmer" not in (english.outdir / "_static" / "language_data.js").read_text()
    page = (english.outdir / "index.html").read_text(encoding="utf-8")
    assert "Documentation.TRANSLATIONS[', in ']" not in page


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (CI installs it)")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (NUMBER, "surat.html#sop-surat-masuk"),
        ("800/08/SOP/KEC-MP/2016", "arsip.html#sop-arsip"),
        ("pemeriksaan", "surat.html"),
    ],
)
def test_search_page_finds_the_sop(indonesian: SphinxTestApp, query: str, expected: str) -> None:
    results = search_results(indonesian.outdir, query)
    assert results, f"nothing found for {query!r}"
    first_link, first_text = results[0]
    assert first_link == expected
    if query.startswith("800/"):
        assert first_text == f"{query} (Nomor SOP, di SOP {title_of(expected)})"


def title_of(link: str) -> str:
    return {"surat": "Pemeriksaan Surat Masuk", "arsip": "Penyimpanan Arsip"}[link[:5]]


def search_results(outdir: Path, query: str) -> list[tuple[str, str]]:
    """The results Sphinx's search page shows for ``query``, in a real browser."""
    page = f"{(outdir / 'search.html').as_uri()}?q={quote(query, safe='')}"
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--virtual-time-budget=5000",
            "--dump-dom",
            page,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    items = BeautifulSoup(dom, "html.parser").select("ul.search > li")
    return [(item.a["href"], " ".join(item.get_text().split())) for item in items]

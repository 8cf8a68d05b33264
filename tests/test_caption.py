"""The title written on a step table is the caption of the flowchart (HTML).

The root ``test-caption`` has step tables with titles written as a list-table
(with inline markup, HTML-like text, a ``:name:`` and a target before it), a
csv-table and a ``table`` directive, one without a title; tables are numbered
(``numfig``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, html, text_of, warnings


@pytest.fixture(scope="module")
def caption_app(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("caption"), "caption")


def sheet(app: SphinxTestApp, docname: str):
    found = html(app, docname).select_one("table.sop-flowchart")
    assert found is not None
    return found


def test_caption_builds_without_warnings(caption_app: SphinxTestApp) -> None:
    assert warnings(caption_app) == []


@pytest.mark.parametrize(
    ("docname", "caption"),
    [
        ("index", 'Tabel 3 Langkah kegiatan <b>tebal</b> & "kutip"'),
        ("csv", "Tabel 1 Langkah surat dari CSV"),
        ("grid", "Tabel 2 Langkah dalam table"),
    ],
)
def test_the_written_title_is_the_sheets_caption(
    caption_app: SphinxTestApp, docname: str, caption: str
) -> None:
    table = sheet(caption_app, docname)
    first = table.find(True)
    assert first.name == "caption"
    assert text_of(first).rstrip("¶ ") == caption


def test_caption_keeps_inline_markup_and_escapes_the_rest(caption_app: SphinxTestApp) -> None:
    caption = sheet(caption_app, "index").caption
    assert caption.em.get_text() == "kegiatan"
    assert caption.find("b") is None
    source = (caption_app.outdir / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;tebal&lt;/b&gt; &amp; &quot;kutip&quot;" in source
    assert sheet(caption_app, "grid").caption.code.get_text() == "table"


def test_a_table_without_title_has_no_caption(caption_app: SphinxTestApp) -> None:
    assert sheet(caption_app, "untitled").caption is None
    assert html(caption_app, "untitled").select(".sop-step-cards-caption") == []


def test_references_to_the_table_reach_the_sheet(caption_app: SphinxTestApp) -> None:
    page = html(caption_app)
    table = sheet(caption_app, "index")
    assert table["id"] == "langkah-surat"
    links = [
        link for link in page.select('a[href="#langkah-surat"]') if not link.find_parent("caption")
    ]
    assert [text_of(link) for link in links] == [
        "Tabel 3",
        'Langkah kegiatan <b>tebal</b> & "kutip"',
    ]


def test_every_link_within_the_page_has_its_target(caption_app: SphinxTestApp) -> None:
    page = html(caption_app)
    targets = {link["href"][1:] for link in page.select('a[href^="#"]') if link["href"] != "#"}
    assert {"langkah-surat", "langkah-lain", "sop-surat-flowchart"} <= targets
    assert sorted(name for name in targets if page.find(id=name) is None) == []


def test_the_cards_show_the_caption_too(caption_app: SphinxTestApp) -> None:
    caption = html(caption_app).select_one(".sop-step-cards p.sop-step-cards-caption")
    assert text_of(caption) == 'Langkah kegiatan <b>tebal</b> & "kutip"'
    assert caption.em.get_text() == "kegiatan"
    assert caption.find(id=True) is None

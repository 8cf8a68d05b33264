"""The steps as cards: the flowchart's form for narrow screens (HTML).

The root ``test-cards`` has an SOP whose cells hold inline markup and an
inline target, a decision with labels of its own and a step of two actors.
Which of cards and sheet a screen shows is measured in ``test_screens``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, html, text_of, warnings


@pytest.fixture(scope="module")
def cards_app(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("cards"), "cards")


@pytest.fixture(scope="module")
def page(cards_app: SphinxTestApp) -> BeautifulSoup:
    return html(cards_app)


def card(page: BeautifulSoup, number: int):
    found = page.select_one(f"li.sop-step-card[data-step='{number}']")
    assert found is not None, number
    return found


def fields(item) -> dict[str, str]:
    """The card's fields: each label with its text."""
    return {text_of(group.dt): text_of(group.dd) for group in item.select("dl > div")}


def test_builds_without_warnings(cards_app: SphinxTestApp) -> None:
    assert warnings(cards_app) == []


def test_every_step_has_a_card_in_order(page: BeautifulSoup) -> None:
    items = page.select("ol.sop-step-list > li.sop-step-card")
    assert [item["data-step"] for item in items] == ["1", "2", "3"]
    assert [text_of(item.select_one(".sop-card-number")) for item in items] == ["1", "2", "3"]
    assert [text_of(item.select_one(".sop-card-kind")) for item in items] == [
        "Mulai",
        "Keputusan",
        "Selesai",
    ]
    assert [item["class"][1] for item in items] == ["sop-start", "sop-decision", "sop-end"]


def test_a_card_gives_actors_quality_standard_and_where_the_flow_goes(
    page: BeautifulSoup,
) -> None:
    assert text_of(card(page, 2).select_one(".sop-card-activity")) == (
        "Memeriksa kelengkapan berkas"
    )
    assert fields(card(page, 2)) == {
        "Pelaksana": "Petugas",
        "Kelengkapan": "Berkas",
        "Waktu": "15 menit",
        "Output": "Berkas diperiksa",
        "Alur": "Lengkap → 3 , Tidak lengkap → 1",
        "Keterangan": "Dicatat di buku register",
    }
    assert fields(card(page, 3))["Pelaksana"] == "Petugas, Kepala Seksi"
    assert fields(card(page, 3))["Alur"] == "Selesai"
    assert fields(card(page, 1))["Alur"] == "→ 2"


def test_a_field_left_empty_is_left_out(page: BeautifulSoup) -> None:
    assert "Keterangan" not in fields(card(page, 1))
    assert card(page, 1).select(".sop-card-notes") == []


def test_each_exit_links_to_the_card_of_its_step(page: BeautifulSoup) -> None:
    exits = card(page, 2).select(".sop-card-flow a")
    assert [(link.get_text(), link["href"]) for link in exits] == [
        ("3", "#sop-izin-card-3"),
        ("1", "#sop-izin-card-1"),
    ]
    for link in exits:
        assert page.find(id=link["href"][1:]).name == "li"


def test_cards_keep_the_authors_inline_markup(page: BeautifulSoup) -> None:
    activity = card(page, 1).select_one(".sop-card-activity")
    assert activity.em.get_text() == "permohonan"
    assert activity.a["href"] == "https://example.org/izin"
    assert card(page, 1).select_one(".sop-card-requirements code").get_text() == "F-01"
    assert card(page, 2).select_one(".sop-card-activity strong").get_text() == "kelengkapan"


def test_every_id_of_the_page_is_unique(page: BeautifulSoup) -> None:
    ids = Counter(element["id"] for element in page.find_all(id=True))
    assert [name for name, count in ids.items() if count > 1] == []
    # The inline target of a cell stays in the sheet, where the link to it goes.
    target = page.find(id="buku-register")
    assert target.find_parent("table", class_="sop-flowchart") is not None
    assert page.select_one('a[href="#buku-register"]') is not None


def test_cards_and_sheet_are_named_for_screen_readers(page: BeautifulSoup) -> None:
    steps = page.select_one("ol.sop-step-list")
    assert steps["role"] == "list"  # kept by Safari although the markers are hidden
    assert steps["aria-label"] == "Langkah Kegiatan: Permohonan Izin"
    sheet = page.select_one("div.sop-flowchart-scroll")
    assert sheet["id"] == "sop-izin-flowchart"
    assert sheet["role"] == "region"
    assert sheet["aria-label"] == "Diagram Alir: Permohonan Izin"
    assert sheet["tabindex"] == "0"  # reachable by keyboard where it scrolls
    link = page.select_one(".sop-step-cards p.sop-step-cards-sheet a")
    assert link["href"] == "#sop-izin-flowchart"
    assert text_of(link) == "Tampilkan tabel diagram alir resmi"


def test_cards_come_before_the_sheet(page: BeautifulSoup) -> None:
    sop = page.select_one("div.sop")
    parts = [
        element["class"][0]
        for element in sop.find_all("div", class_=["sop-step-cards", "sop-flowchart-scroll"])
    ]
    assert parts == ["sop-step-cards", "sop-flowchart-scroll"]


@pytest.mark.sphinx("html", testroot="cards", confoverrides={"language": "en"})
def test_card_labels_follow_the_label_language(app: SphinxTestApp) -> None:
    app.build()
    page = html(app)
    assert list(fields(card(page, 2))) == [
        "Implementers",
        "Requirements",
        "Time",
        "Output",
        "Flow",
        "Notes",
    ]
    assert page.select_one("ol.sop-step-list")["aria-label"] == "Steps: Permohonan Izin"
    assert text_of(page.select_one(".sop-step-cards-sheet a")) == (
        "Show the official flowchart table"
    )

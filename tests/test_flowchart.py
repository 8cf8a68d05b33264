"""The official flowchart in HTML: symbols, arrows, labels and styling hooks."""

from __future__ import annotations

import pytest

from conftest import html, procedure, text_of, warnings
from sphinxcontrib_sop.writers.html.assets import STATIC_DIR, STYLESHEET


def flowchart(app, docname="full", sop_id="bappeda-um-01"):
    table = html(app, docname).find(id=f"sop-{sop_id}").select_one("table.sop-flowchart")
    assert table is not None
    return table


@pytest.mark.sphinx("html", testroot="identity")
def test_one_symbol_per_step_with_its_class_and_number(app):
    app.build()
    assert warnings(app) == []
    symbols = flowchart(app).select("g.sop-symbol")
    assert [(g["data-step"], g["class"]) for g in symbols] == [
        ("1", ["sop-symbol", "sop-terminator"]),
        ("2", ["sop-symbol", "sop-decision"]),
        ("3", ["sop-symbol", "sop-process"]),
        ("4", ["sop-symbol", "sop-process"]),
        ("5", ["sop-symbol", "sop-terminator"]),
        ("6", ["sop-symbol", "sop-terminator"]),
    ]
    assert [g.select_one("text").get_text() for g in symbols] == ["1", "2", "3", "4", "5", "6"]
    assert symbols[1].find("title").get_text() == (
        "2. Memeriksa kelengkapan dan alamat surat (Kasubbag Umum)"
    )


@pytest.mark.sphinx("html", testroot="identity")
def test_each_arrow_names_its_steps_and_branch(app):
    app.build()
    parts = flowchart(app).select("g.sop-arrow")
    arrows = {(g["data-from"], g["data-to"], g.get("data-branch")) for g in parts}
    edges = {
        (str(edge.source), str(edge.target), edge.branch.casefold() if edge.branch else None)
        for edge in procedure(app, "bappeda-um-01").edges
    }
    assert (
        arrows
        == edges
        == {
            ("1", "2", None),
            ("2", "3", "ya"),
            ("2", "6", "tidak"),
            ("3", "4", None),
            ("4", "5", None),
        }
    )
    # An arrow crossing several rows is drawn in one part per row, each with a title.
    assert all(part.find("title").get_text() for part in parts)
    heads = flowchart(app).select("polygon.sop-arrowhead")
    assert len(heads) == len(edges)


@pytest.mark.sphinx("html", testroot="identity")
def test_decision_exits_are_labelled_as_written(app):
    app.build()
    labels = [text.get_text() for text in flowchart(app).select("text.sop-branch-label")]
    assert sorted(labels) == ["Tidak", "Ya"]


@pytest.mark.sphinx("html", testroot="identity")
def test_rows_keep_texts_as_html_in_step_order(app):
    app.build()
    rows = flowchart(app).select("tbody > tr[data-step]")
    assert [row["data-step"] for row in rows] == ["1", "2", "3", "4", "5", "6"]
    second = rows[1]
    assert second.select_one("td.sop-activity").get_text(strip=True) == (
        "Memeriksa kelengkapan dan alamat surat"
    )
    assert second.select_one("td.sop-time").get_text(strip=True) == "10 menit"
    band = second.select_one("td.sop-lanes svg.sop-band")
    assert band["role"] == "img"
    assert band["aria-label"] == "2. Keputusan (Kasubbag Umum): Ya → 3, Tidak → 6"
    assert rows[5].select_one("td.sop-notes").get_text(strip=True) == "Alamat salah"


@pytest.mark.sphinx("html", testroot="identity")
def test_header_groups_actors_and_quality_standard(app):
    app.build()
    head = flowchart(app).select("thead tr")
    first = [(text_of(th), th.get("colspan"), th.get("rowspan")) for th in head[0]("th")]
    assert first == [
        ("No", None, "2"),
        ("Kegiatan", None, "2"),
        ("Pelaksana", "5", None),  # three actors and a routing gutter on each side
        ("Mutu Baku", "3", None),
        ("Keterangan", None, "2"),
    ]
    actors = [text_of(th) for th in head[1].select("th.sop-actor")]
    assert actors == ["Staf TU", "Kasubbag Umum", "Sekretaris"]


@pytest.mark.sphinx("text", testroot="identity")
def test_other_builders_keep_the_steps_table(app):
    app.build()
    output = (app.outdir / "full.txt").read_text(encoding="utf-8")
    assert "Memeriksa kelengkapan" in output
    assert "<svg" not in output


def test_stylesheet_exposes_custom_properties():
    css = (STATIC_DIR / STYLESHEET).read_text(encoding="utf-8")
    for name in (
        "--sop-symbol-fill",
        "--sop-symbol-stroke",
        "--sop-symbol-line-width",
        "--sop-arrow-color",
        "--sop-arrow-line-width",
    ):
        assert f"{name}:" in css
        assert f"var({name})" in css


@pytest.mark.sphinx("html", testroot="warnings")
def test_a_repeated_step_number_keeps_its_row_undrawn(app):
    app.build()
    table = html(app, "duplicate_number").select_one("table.sop-flowchart")
    rows = table.select("tbody > tr")
    assert [row.select_one("td.sop-activity").get_text(strip=True) for row in rows] == [
        "Receive letter",
        "Check letter",
        "Twin step",
    ]
    assert [bool(row.select("svg.sop-band")) for row in rows] == [True, True, False]
    assert [g["data-step"] for g in table.select("g.sop-symbol")] == ["1", "2"]

"""The SOP map (``sop-map``): one node per SOP, its relations, links, every builder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import EditedProject, build_copy, domain, html, text_of
from sphinxcontrib_sop.core.model import Procedure, Status
from sphinxcontrib_sop.core.relations import Relation, RelationKind, relations, sop_graph
from sphinxcontrib_sop.domain import _SUMMARY as UNPICKLED_OUTLINE

ALL_SOPS = {"anggaran", "arsip-lama", "kas-lama", "surat-keluar", "surat-masuk", "zakat"}
#: The SOPs the map of the finance unit shows: the unit's and their direct neighbours.
FINANCE_MAP = {"anggaran", "zakat", "kas-lama"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("map"), "registry")


def nodes_of(figure) -> dict[str, object]:
    prefix = figure.select_one("svg g.graph")["id"] + "-"
    return {node["id"].removeprefix(prefix): node for node in figure.select("svg g.node")}


def edges_of(figure) -> set[tuple[str, str, str]]:
    """Each arrow as (source id, target id, label), from the ``sop_a->sop_b`` titles."""
    found = set()
    for edge in figure.select("svg g.edge"):
        source, target = edge.title.get_text().split("->")
        label = edge.find("text")
        found.add(
            (
                source.removeprefix("sop_"),
                target.removeprefix("sop_"),
                text_of(label) if label else "",
            )
        )
    return found


def test_the_map_shows_every_sop_and_its_relations(built) -> None:
    figure = html(built, "map").select("figure.sop-map")[0]
    assert set(nodes_of(figure)) == ALL_SOPS
    assert edges_of(figure) == {
        ("surat-masuk", "surat-keluar", ""),
        ("arsip-lama", "surat-keluar", ""),
        ("anggaran", "zakat", ""),
        ("arsip-lama", "surat-masuk", "superseded by"),
    }
    assert text_of(figure.figcaption) == "SOP map"


def test_each_node_links_to_its_sop(built) -> None:
    figure = html(built, "map").select("figure.sop-map")[0]
    for sop_id, node in nodes_of(figure).items():
        page, anchor = node.find("a")["xlink:href"].split("#")
        target = html(built, page.removesuffix(".html")).find(id=anchor)
        assert target is not None, sop_id
        assert "sop" in target["class"], sop_id
    masuk = nodes_of(figure)["surat-masuk"]
    assert [text_of(line) for line in masuk.find_all("text")] == [
        "800/02/SOP/2024",
        "Penerimaan Surat Masuk",
    ]


def test_retired_sops_are_drawn_dashed(built) -> None:
    nodes = nodes_of(html(built, "map").select("figure.sop-map")[0])
    for sop_id in ("arsip-lama", "kas-lama"):
        assert "stroke-dasharray" in str(nodes[sop_id].find("path")), sop_id
    assert "stroke-dasharray" not in str(nodes["zakat"].find("path"))


def test_a_unit_map_shows_the_unit_and_its_direct_neighbours(built) -> None:
    figure = html(built, "map").select("figure.sop-map")[1]
    assert set(nodes_of(figure)) == FINANCE_MAP
    # Two maps on a page never share an SVG id.
    ids = [tag["id"] for tag in html(built, "map").select("figure.sop-map [id]")]
    assert len(ids) == len(set(ids))


def test_hostile_text_stays_text_in_the_svg(built) -> None:
    node = nodes_of(html(built, "map").select("figure.sop-map")[0])["surat-keluar"]
    assert node.find("b") is None
    assert "<b>&amp;</b>" in " ".join(text_of(line) for line in node.find_all("text"))


def test_text_builder_describes_the_map_in_words(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "registry", "text")
    text = (app.outdir / "map.txt").read_text(encoding="utf-8")
    assert "SOP map" in text
    words = " ".join(text.split())
    assert (
        "800/02/SOP/2024 Penerimaan Surat Masuk; related to: 800/10/SOP/2024 Pengiriman "
        "Surat Keluar <b>&amp;</b>"
    ) in words
    assert (
        "800/01/SOP/2019 Pengarsipan Lama; related to: 800/10/SOP/2024 Pengiriman Surat Keluar "
        "<b>&amp;</b>; superseded by: 800/02/SOP/2024"
    ) in words


def test_latex_includes_the_map_as_a_vector_figure(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "registry", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    pictures = re.findall(r"\\sphinxincludegraphics\{(sop-flowchart-[0-9a-f]+\.pdf)\}", tex)
    assert len(pictures) == 2  # the two maps
    for name in pictures:
        assert (app.outdir / name).read_bytes().startswith(b"%PDF")


def test_relations_skip_unknown_ids_and_self_references() -> None:
    procedures = {
        "a": Procedure(id="a", title="A", related=("b", "a", "outside-id", "b")),
        "b": Procedure(id="b", title="B", superseded_by="c", status=Status.SUPERSEDED),
        "c": Procedure(id="c", title="C", unit_lines=("Unit C",)),
        "d": Procedure(id="d", title="D", unit_lines=("Unit D",)),
    }
    assert relations(procedures) == [
        Relation("a", "b", RelationKind.RELATED),
        Relation("b", "c", RelationKind.SUPERSEDED_BY),
    ]
    # A unit's map: its SOPs and their direct neighbours, not the neighbours' neighbours.
    graph = sop_graph(procedures, ["unit c"])
    assert [p.id for p in graph.procedures] == ["b", "c"]
    assert graph.relations == (Relation("b", "c", RelationKind.SUPERSEDED_BY),)


def test_a_unit_map_rewritten_unpickles_only_the_sops_it_shows(make_app, tmp_path) -> None:
    """The map is chosen from the SOPs' headings, which the environment keeps at hand;
    only the SOPs it shows are unpickled whole when its page alone is written again."""
    project = EditedProject(make_app, tmp_path, "registry")
    page = ":orphan:\n\nFinance\n=======\n\n.. sop-map::\n   :unit: Bagian Keuangan\n"
    (project.source / "finance-map.rst").write_text(page, encoding="utf-8")
    project.build()
    project.edit(
        "finance-map.rst", ".. sop-map::", "Its SOPs and their neighbours:\n\n.. sop-map::"
    )
    app = project.build()
    assert set(nodes_of(html(app, "finance-map").select_one("figure.sop-map"))) == FINANCE_MAP
    unpickled = {
        entry.heading.id
        for entry in domain(app).definitions()
        if UNPICKLED_OUTLINE in entry.__dict__
    }
    assert unpickled == FINANCE_MAP

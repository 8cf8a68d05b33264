"""One handbook, many agencies: ``:agency:``, a unit over several lines, the approver's rank.

The root ``test-agencies`` has an SOP of the project's agency, one of a
kelurahan (Indonesian option names, a unit of two lines, a rank) and one of a
school (English option names, markup in the unit, a rank without a name, its
own logo); ``mistakes`` has a logo that is not a file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, html, line_of, procedure, warnings
from sphinxcontrib_sop.core.model import Approver


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("agencies"), "agencies")


@pytest.fixture(scope="module")
def tex(tmp_path_factory: pytest.TempPathFactory) -> str:
    app = build_copy(tmp_path_factory.mktemp("agencies-latex"), "agencies", "latex")
    assert len(warnings(app)) == 1  # the missing logo
    return (app.outdir / "agencies.tex").read_text(encoding="utf-8")


def texts(app: SphinxTestApp, sop_id: str, selector: str) -> list[str]:
    element = html(app).find(id=f"sop-{sop_id}")
    return [" ".join(found.get_text(" ").split()) for found in element.select(selector)]


def test_one_warning_for_a_missing_logo(built: SphinxTestApp) -> None:
    path = Path(built.srcdir) / "mistakes.rst"
    assert warnings(built) == [
        f"{path}:{line_of(path, ':lambang: /img/tidak-ada.png')}: WARNING: the logo "
        "'/img/tidak-ada.png' is not a file (relative to this page, or to the source folder "
        "when it starts with '/'): fix the path (the project's sop_logo is shown meanwhile) "
        "[sop.option]"
    ]


def logo(app: SphinxTestApp, sop_id: str, page: str = "index") -> str:
    return html(app, page).find(id=f"sop-{sop_id}").select_one("img.sop-logo")["src"]


def test_logo_overrides_sop_logo(built: SphinxTestApp) -> None:
    assert logo(built, "school").endswith("sekolah.png")
    assert logo(built, "root-logo", "mistakes").endswith("sekolah.png")
    assert logo(built, "kelurahan").endswith("logo.png")
    assert logo(built, "missing-logo", "mistakes").endswith("logo.png")


def test_agency_overrides_sop_agency(built: SphinxTestApp) -> None:
    assert procedure(built, "province").agency == "Pemerintah Provinsi Sumatera Selatan"
    assert procedure(built, "kelurahan").agency == "Pemerintah Kota Palembang"
    assert texts(built, "province", "p.sop-agency") == ["PEMERINTAH PROVINSI SUMATERA SELATAN"]
    assert texts(built, "kelurahan", "p.sop-agency") == ["PEMERINTAH KOTA PALEMBANG"]
    assert texts(built, "school", "p.sop-agency") == ["DINAS PENDIDIKAN PROVINSI SUMATERA SELATAN"]


def test_unit_lines_are_printed_one_per_line(built: SphinxTestApp) -> None:
    sop = procedure(built, "kelurahan")
    assert sop.unit_lines == ("KECAMATAN ILIR BARAT I", "KELURAHAN BUKIT LAMA")
    assert sop.unit == "KECAMATAN ILIR BARAT I / KELURAHAN BUKIT LAMA"
    assert texts(built, "kelurahan", "td.sop-owner p.sop-unit") == list(sop.unit_lines)
    assert procedure(built, "province").unit_lines == ("Badan Perencanaan Pembangunan Daerah",)
    assert texts(built, "school", "p.sop-unit em") == ["Palembang"]
    assert procedure(built, "school").unit_lines == ("SMA Negeri 1 Palembang",)


def test_rank_is_printed_between_name_and_nip(built: SphinxTestApp) -> None:
    assert procedure(built, "kelurahan").approver == Approver(
        position="Lurah Bukit Lama",
        name="Hendra Saputra, S.STP., M.Si.",
        nip="19850512 200501 1 007",
        rank="Penata Tingkat I (III/d)",
    )
    approver = html(built).find(id="sop-kelurahan").select_one("td.sop-approver")
    children = [child["class"][0] for child in approver.find_all(recursive=False)]
    assert children == [
        "sop-approver-position", "sop-signature-space", "sop-approver-name",
        "sop-approver-rank", "sop-approver-nip",
    ]  # fmt: skip
    assert texts(built, "kelurahan", "p.sop-approver-rank") == ["Penata Tingkat I (III/d)"]
    assert texts(built, "school", "p.sop-approver-rank") == ["Pembina Tingkat I (IV/b)"]
    assert texts(built, "province", "p.sop-approver-rank") == []


def test_latex_prints_each_unit_line_and_the_rank(tex: str) -> None:
    flat = " ".join(tex.split())
    owner = re.search(r"KOTA PALEMBANG(.*?)KELURAHAN BUKIT LAMA", flat)
    assert owner is not None
    assert "KECAMATAN ILIR BARAT I" in owner[1]
    # A paragraph for each line of the unit.
    assert owner[1].count(r"\sphinxAtStartPar") == 2
    approver = re.search(r"Hendra Saputra, S.STP., M.Si.(.*?)19850512 200501 1 007", flat)
    assert approver is not None
    assert "Penata Tingkat I (III/d)" in approver[1]

"""The identity part: every field under its label, in Indonesian and English."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import html, procedure, warnings

EM_DASH = "\N{EM DASH}"


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def identity(soup, sop_id: str):
    container = soup.find(id=f"sop-{sop_id}")
    assert container is not None, sop_id
    return container.select_one("table.sop-identity")


def top_fields(table) -> dict[str, str]:
    """Label → value of the top block's rows."""
    return {
        text(label): text(label.find_next_sibling("td")) for label in table.select("td.sop-label")
    }


def list_fields(table) -> dict[str, list[str]]:
    """Label → items of the 3×2 grid of lists (an em dash for an empty field)."""
    fields = {}
    for cell in table.select("td.sop-list"):
        label = text(cell.select_one("p.sop-label")).rstrip(":")
        items = [text(item) for item in cell.select("li")]
        fields[label] = items or [text(cell.select_one("p.sop-empty"))]
    return fields


INDONESIAN_TOP = {
    "Nomor SOP": "800/01/SOP/BAPPEDA/2019",
    "Tgl. Pembuatan": "25 September 2019",
    "Tgl. Revisi": "10 Januari 2020",
    "Tgl. Efektif": "1 Februari 2020",
    "Disahkan oleh": "Kepala Bappeda Provinsi Sumatera Selatan Ir. Nama Pejabat, M.T. "
    "NIP. 196501011990031001",
    "Nama SOP": "Penerimaan Surat Masuk",
}
INDONESIAN_LISTS = {
    "Dasar Hukum": [
        "Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan",
        "Peraturan Menteri PAN-RB Nomor 35 Tahun 2012",
    ],
    "Kualifikasi Pelaksana": ["Memahami tata naskah dinas", "Mampu mengoperasikan komputer"],
    "Keterkaitan": ["Pengelolaan Surat Keluar", "SOP Kearsipan, Dinas Perpustakaan"],
    "Peralatan/Perlengkapan": ["Komputer dan printer", "Buku agenda"],
    "Peringatan": ["Surat yang tidak lengkap tidak dapat diproses"],
    "Pencatatan dan Pendataan": ["Buku agenda surat masuk", "Lembar disposisi"],
}


@pytest.mark.sphinx("html", testroot="identity")
@pytest.mark.parametrize(("docname", "sop_id"), [("full", "bappeda-um-01"), ("aliases", "aliases-01"),
                                                 ("markdown", "markdown-01")])  # fmt: skip
def test_indonesian_identity_fields_sit_under_their_labels(app, docname, sop_id):
    app.build()
    assert warnings(app) == []
    table = identity(html(app, docname), sop_id)
    expected_top = dict(INDONESIAN_TOP)
    if docname != "full":
        expected_top["Nomor SOP"] = procedure(app, sop_id).number
    assert top_fields(table) == expected_top
    assert list_fields(table) == INDONESIAN_LISTS
    owner = table.select_one("td.sop-owner")
    assert text(owner.select_one(".sop-agency")) == "PEMERINTAH PROVINSI SUMATERA SELATAN"
    assert text(owner.select_one(".sop-unit")) == "Subbagian Umum dan Kepegawaian"
    assert owner.select_one("img.sop-logo")["src"].endswith("logo.png")
    # Room to sign between the approver's position and name.
    approver = table.select_one("td.sop-approver")
    children = [child["class"][0] for child in approver.find_all(recursive=False)]
    assert children == [
        "sop-approver-position", "sop-signature-space", "sop-approver-name", "sop-approver-nip",
    ]  # fmt: skip


@pytest.mark.sphinx("html", testroot="identity")
def test_inline_markup_and_related_links(app):
    app.build()
    table = identity(html(app, "full"), "bappeda-um-01")
    assert table.select_one("td.sop-legal-basis em").get_text() == "Kearsipan"
    related = table.select("td.sop-related li")
    link = related[0].find("a")
    assert link["href"] == "index.html#sop-bappeda-um-02"
    assert text(link) == "Pengelolaan Surat Keluar"
    assert related[1].find("a") is None


@pytest.mark.sphinx("html", testroot="identity", confoverrides={"language": "en"})
def test_english_labels_and_dates(app):
    app.build()
    table = identity(html(app, "full"), "bappeda-um-01")
    assert top_fields(table) == {
        "SOP number": "800/01/SOP/BAPPEDA/2019",
        "Date created": "25 September 2019",
        "Date revised": "10 January 2020",
        "Effective date": "1 February 2020",
        "Approved by": INDONESIAN_TOP["Disahkan oleh"],
        "SOP title": "Penerimaan Surat Masuk",
    }
    assert list(list_fields(table)) == [
        "Legal basis",
        "Implementer qualifications",
        "Related SOPs",
        "Equipment",
        "Warnings",
        "Records",
    ]


@pytest.mark.sphinx("html", testroot="identity", confoverrides={"language": "de"})
def test_other_languages_fall_back_to_english(app):
    app.build()
    fields = top_fields(identity(html(app, "full"), "bappeda-um-01"))
    assert fields["Date revised"] == "10 January 2020"
    assert "SOP number" in fields


@pytest.mark.sphinx(
    "html",
    testroot="identity",
    confoverrides={
        "language": "en",
        "sop_language": "id",
        "sop_labels": {"Date created": "Dibuat"},
    },
)
def test_sop_language_and_label_overrides(app):
    app.build()
    fields = top_fields(identity(html(app, "full"), "bappeda-um-01"))
    assert fields["Dibuat"] == "25 September 2019"
    assert fields["Tgl. Revisi"] == "10 Januari 2020"


@pytest.mark.sphinx("html", testroot="identity")
def test_missing_fields_show_an_em_dash(app):
    app.build()
    table = identity(html(app, "minimal"), "prosedur-tanpa-identitas")
    fields = top_fields(table)
    assert fields.pop("Nama SOP") == "Prosedur Tanpa Identitas"
    assert set(fields.values()) == {EM_DASH}
    assert all(items == [EM_DASH] for items in list_fields(table).values())
    assert text(table.select_one(".sop-unit")) == "Badan Perencanaan Pembangunan Daerah"
    assert "None" not in text(table)
    assert all(text(cell) for cell in table.select("td"))


@pytest.mark.sphinx("html", testroot="identity")
def test_aliases_and_markdown_give_the_same_model(app):
    app.build()

    def comparable(sop_id):
        found = procedure(app, sop_id)
        steps = tuple(dataclasses.replace(step, line=None) for step in found.steps)
        return dataclasses.replace(found, id="", number="", docname="", line=None, steps=steps)

    assert comparable("aliases-01") == comparable("bappeda-um-01")
    assert comparable("markdown-01") == comparable("bappeda-um-01")
    full = procedure(app, "bappeda-um-01")
    assert full.created.value.isoformat() == "2019-09-25"
    assert full.approver.nip == "196501011990031001"
    assert full.equipment == ("Komputer dan printer", "Buku agenda")


@pytest.mark.sphinx(
    "html",
    testroot="identity",
    confoverrides={"sop_logo": "missing.png", "sop_labels": {"Date created": 42}},
)
def test_bad_configuration_warns_and_falls_back(app):
    app.build()
    found = "\n".join(warnings(app))
    assert "sop_logo 'missing.png' is not a file" in found
    assert "sop_labels must map label texts to texts" in found
    fields = top_fields(identity(html(app, "full"), "bappeda-um-01"))
    assert fields["Tgl. Pembuatan"] == "25 September 2019"

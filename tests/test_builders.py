"""Every builder writes the SOP: LaTeX and text with their identity fields, others safely."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import warnings
from sphinxcontrib_sop.writers.latex.markers import SIGNATURE_SPACE

IDENTITY_VALUES = (
    "800/01/SOP/BAPPEDA/2019",
    "25 September 2019",
    "10 Januari 2020",
    "1 Februari 2020",
    "Kepala Bappeda Provinsi Sumatera Selatan",
    "Ir. Nama Pejabat, M.T.",
    "196501011990031001",
    "Penerimaan Surat Masuk",
    "Undang-Undang Nomor 43 Tahun 2009 tentang",
    "Memahami tata naskah dinas",
    "Komputer dan printer",
    "Surat yang tidak lengkap tidak dapat diproses",
    "Lembar disposisi",
    "Mengembalikan surat kepada pengirim",
    "Alamat salah",
)
INDONESIAN_LABELS = (
    "Nomor SOP",
    "Tgl. Pembuatan",
    "Tgl. Revisi",
    "Tgl. Efektif",
    "Disahkan oleh",
    "Nama SOP",
    "Dasar Hukum",
    "Kualifikasi Pelaksana",
    "Keterkaitan",
    "Peralatan/Perlengkapan",
    "Peringatan",
    "Pencatatan dan Pendataan",
    "Pelaksana",
    "Mutu Baku",
)


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.sphinx("latex", testroot="identity")
def test_latex_has_identity_table_and_steps(app):
    app.build()
    assert warnings(app) == []
    tex = squeeze((app.outdir / "projectnamenotset.tex").read_text(encoding="utf-8"))
    tex = tex.replace(r"\sphinxhyphen{}", "-")
    for value in (*IDENTITY_VALUES, *INDONESIAN_LABELS):
        assert value in tex, value
    # The owner block beside a nested table of the fields, then the grid of lists.
    assert r"\begin{tabular}{|>{\centering\arraybackslash}m{" in tex
    assert tex.count(r"\begin{longtable}{|>{\raggedright") == 5  # one per SOP
    assert rf"\vspace{{{SIGNATURE_SPACE}}}" in tex  # room for the signature
    assert r"\sphinxincludegraphics" in tex
    assert "logo" in tex
    assert "None" not in tex


#: Values short enough not to be wrapped inside a text table cell.
SHORT_VALUES = (
    "800/01/SOP/BAPPEDA/2019",
    "25 September 2019",
    "10 Januari 2020",
    "1 Februari 2020",
    "196501011990031001",
    "Komputer dan printer",
    "Lembar disposisi",
    "Alamat salah",
)


@pytest.mark.sphinx("text", testroot="identity")
def test_text_has_identity_fields(app):
    app.build()
    assert warnings(app) == []
    output = squeeze((app.outdir / "full.txt").read_text(encoding="utf-8"))
    for value in (
        *SHORT_VALUES,
        "Nomor SOP",
        "Tgl. Pembuatan",
        "Tgl. Revisi",
        "Tgl. Efektif",
        "Disahkan oleh",
        "Nama SOP",
        "Dasar Hukum:",
        "Keterkaitan:",
        "Peringatan:",
    ):
        assert value in output, value


@pytest.mark.sphinx("text", testroot="identity")
def test_text_steps_show_decisions_and_flow(app):
    app.build()
    output = squeeze((app.outdir / "full.txt").read_text(encoding="utf-8"))
    assert "Mulai" in output
    assert "Proses" in output
    assert "Ya → 3," in output
    assert "Tidak → 6" in output


@pytest.mark.parametrize(
    ("builder", "output"),
    [
        ("man", "projectnamenotset.1"),
        ("texinfo", "projectnamenotset.texi"),
        ("xml", "full.xml"),
        ("pseudoxml", "full.pseudoxml"),
        ("singlehtml", "index.html"),
        ("epub", "full.xhtml"),
        ("dirhtml", "full/index.html"),
        ("json", "full.fjson"),
    ],
)
def test_every_builder_writes_the_sop(make_app, rootdir, tmp_path, builder, output):
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-identity", source)
    app = make_app(builder, srcdir=source)
    app.build()
    assert not [line for line in warnings(app) if "sop" in line.lower() or "Traceback" in line]
    written = (app.outdir / output).read_text(encoding="utf-8")
    assert "Mengembalikan surat kepada pengirim" in written
    assert "Penerimaan Surat Masuk" in written


def test_man_pages_need_no_cell_spanning(make_app, rootdir, tmp_path):
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-identity", source)
    app = make_app("man", srcdir=source)
    app.build()
    assert warnings(app) == []  # docutils warns for every spanned cell otherwise
    page = (app.outdir / "projectnamenotset.1").read_text(encoding="utf-8")
    assert "Nomor SOP" in page
    assert "Lembar disposisi" in page


@pytest.mark.sphinx("text", testroot="identity")
def test_text_leaves_out_the_logo(app):
    app.build()
    output = (app.outdir / "full.txt").read_text(encoding="utf-8")
    assert "image" not in output.replace(" ", "")
    assert "PEMERINTAH PROVINSI" in output


@pytest.mark.sphinx("text", testroot="screens")
def test_text_steps_table_keeps_words_whole(app):
    """Each column is as wide as the longest word it holds: the text writer cuts longer ones."""
    app.build()
    assert warnings(app) == []
    output = (app.outdir / "index.txt").read_text(encoding="utf-8")
    table = output[output.index("| No ") :]
    actors = (
        "Pelaksana Unit Pengolah",
        "Kepala Unit Pengolah",
        "Kasubbag Umum dan Kepegawaian",
        "Sekretaris",
        "Kepala Bappeda",
        "Pengadministrasi Perkantoran",
    )
    words = {word for actor in actors for word in actor.split()}
    words |= {"Mulai", "Proses", "Keputusan", "Selesai", "Kelengkapan", "Keterangan"}
    words |= {"ditandatangani", "tersertifikasi", "dikembalikan"}
    cells = {
        word for line in table.splitlines() for cell in line.split("|") for word in cell.split()
    }
    assert sorted(words - cells) == []


@pytest.mark.parametrize(
    ("builder", "output"),
    [
        ("html", "index.html"),
        ("singlehtml", "index.html"),
        ("dirhtml", "index.html"),
        ("epub", "index.xhtml"),
        ("json", "index.fjson"),
        ("latex", "projectnamenotset.tex"),
        ("text", "index.txt"),
        ("man", "projectnamenotset.1"),
        ("texinfo", "projectnamenotset.texi"),
        ("xml", "index.xml"),
        ("pseudoxml", "index.pseudoxml"),
    ],
)
def test_every_builder_writes_the_handbook_views(make_app, rootdir, tmp_path, builder, output):
    """A project with a registry, a map, back-links, statuses and the actor index."""
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-registry", source)
    app = make_app(builder, srcdir=source)
    app.build()
    # (EPUB's own warnings about an empty copyright and version aside.)
    assert not [line for line in warnings(app) if "sop" in line.lower() or "Traceback" in line]
    written = squeeze((app.outdir / output).read_text(encoding="utf-8"))
    # The registry's rows (a name and a number broken after its slashes) …
    assert "Anggaran Kas" in written
    assert re.search(r"900/\S{0,40}05", written)
    # … and the map, as a picture or in words.
    assert "Zakat Pegawai" in written


@pytest.mark.sphinx("text", testroot="cells", srcdir="cells-text")
def test_text_identity_keeps_its_columns_without_agency_or_unit(app):
    """The empty first cell spans the field rows: each label stays in the second column."""
    app.build()
    output = (app.outdir / "index.txt").read_text(encoding="utf-8")
    for label in ("Date created", "Date revised", "Effective date", "Approved by"):
        (line,) = [line for line in output.splitlines() if f"| {label} " in line]
        assert re.match(r"\|\s+\| " + label, line), line

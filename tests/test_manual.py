"""The printed SOP manual: cover, identity, landscape flowchart pages with connectors."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import breaks_page_before, build_copy, procedure, warnings
from sphinxcontrib_sop.layout.geometry import Symbol
from sphinxcontrib_sop.layout.sheet import printed_flowchart

TOOLS = ("latexmk", "pdflatex", "pdftotext", "pdfinfo")
needs_tex = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="TeX Live and poppler-utils are not installed (./dev.sh test and CI install them)",
)


def build_pdf(tmp_path: Path, **overrides) -> tuple[SphinxTestApp, Path]:
    app = build_copy(tmp_path, "manual", "latex", **overrides)
    subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "manual.tex"],
        cwd=app.outdir,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return app, app.outdir / "manual.pdf"


@pytest.fixture(scope="module")
def manual(tmp_path_factory) -> tuple[SphinxTestApp, Path]:
    return build_pdf(tmp_path_factory.mktemp("manual"))


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info)[1])


def page_text(pdf: Path, page: int) -> str:
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(re.sub(r"-\n", "", text).split())


def rotation(pdf: Path, page: int) -> int:
    info = subprocess.run(
        ["pdfinfo", "-f", str(page), "-l", str(page), pdf], capture_output=True, text=True
    ).stdout
    return int(re.search(r"Page\s+\d+\s+rot:\s+(\d+)", info)[1])


def flowchart_pages(pdf: Path) -> list[int]:
    return [
        page
        for page in range(1, page_count(pdf) + 1)
        if "Mutu Baku" in page_text(pdf, page) and "Pelaksana" in page_text(pdf, page)
    ]


@needs_tex
def test_cover_shows_the_agency(manual):
    _, pdf = manual
    cover = page_text(pdf, 1)
    for text in (
        "STANDAR OPERASIONAL PROSEDUR",
        "PEMERINTAH PROVINSI CONTOH RAYA",
        "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
        "Jalan Merdeka Nomor 1, Kota Contoh",
        "2031",
    ):
        assert text in cover


@needs_tex
def test_every_identity_field_and_step_is_printed(manual):
    _, pdf = manual
    text = " ".join(page_text(pdf, page) for page in range(1, page_count(pdf) + 1))
    for value in (
        "Nomor SOP",
        "800/99/SOP/UJI/2031",
        "2 Januari 2031",
        "1 Februari 2031",
        "Nama Pejabat Penanda Tangan",
        "NIP. 197203151998031004",
        "Peraturan Menteri PAN-RB Nomor 35 Tahun 2012",
        "Peringatan contoh $100 & 50% {#1}",  # LaTeX specials print literally
    ):
        assert value in text, value
    for number in range(1, 17):
        assert f"Langkah nomor {number} dikerjakan" in text, number
        assert f"Hasil{number}" in text


@needs_tex
def test_flowchart_pages_are_landscape_with_exit_labels(manual):
    _, pdf = manual
    pages = flowchart_pages(pdf)
    assert len(pages) >= 2
    assert all(rotation(pdf, page) == 90 for page in pages)
    identity_page = next(
        p for p in range(1, page_count(pdf) + 1) if "Nomor SOP" in page_text(pdf, p)
    )
    assert rotation(pdf, identity_page) == 0
    labels = " ".join(page_text(pdf, page) for page in pages)
    for label in ("Ya", "Tidak", "Lengkap", "Tidak lengkap"):
        assert re.search(rf"\b{label}\b", labels), label


@needs_tex
def test_connector_labels_match_on_consecutive_pages(manual):
    app, pdf = manual
    printed = printed_flowchart(procedure_of(app), "a4")
    pages = flowchart_pages(pdf)
    assert len(pages) == len(printed.pages)
    for index, (earlier, later) in enumerate(itertools.pairwise(printed.pages)):
        below = _connectors(earlier, at_top=False)
        above = _connectors(later, at_top=True)
        assert below
        assert sorted(below) == sorted(above)
        for label in below:
            assert re.search(rf"\b{label}\b", page_text(pdf, pages[index]))
            assert re.search(rf"\b{label}\b", page_text(pdf, pages[index + 1]))


def procedure_of(app: SphinxTestApp):
    return procedure(app, "uji-cetak")


def _connectors(page, at_top: bool) -> list[str]:
    rows = page.layout.rows
    steps = [i for i, row in enumerate(rows) if row.node.symbol is not Symbol.CONNECTOR]
    chosen = rows[: steps[0]] if at_top else rows[steps[-1] + 1 :]
    return [row.node.text for row in chosen]


@needs_tex
def test_f4_paper(tmp_path):
    _, pdf = build_pdf(tmp_path, sop_paper="f4")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(width), round(height)) == (609, 935)  # 215 × 330 mm


@pytest.mark.sphinx("latex", testroot="manual", confoverrides={"sop_paper": "a3"})
def test_unknown_paper_warns_and_uses_a4(app):
    app.build()
    assert "sop_paper must be 'a4' or 'f4', not 'a3'" in app.warning.getvalue()
    support = (app.outdir / "sphinxcontrib-sop.sty").read_text(encoding="utf-8")
    assert r"\geometry{paperwidth=210mm,paperheight=297mm}" in support


@pytest.mark.sphinx("latex", testroot="manual", confoverrides={"sop_cover": False})
def test_cover_can_be_switched_off(app):
    app.build()
    support = (app.outdir / "sphinxcontrib-sop.sty").read_text(encoding="utf-8")
    assert r"\renewcommand{\sphinxmaketitle}" not in support


# -- a book of several SOPs: where pages break, links ------------------------------
#
# The root ``test-latex`` has an SOP that opens its section, one after text
# (with a label of its own), one that opens a subsection which opens its
# section, and a page of links to them.

needs_pdflatex = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("pdflatex", "pdftotext", "pdfinfo")),
    reason="pdflatex and poppler-utils are not installed (./dev.sh test and CI install them)",
)


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("book"), "latex", "latex")


@pytest.fixture(scope="module")
def book_tex(book) -> str:
    return (book.outdir / "buku.tex").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def book_pdf(book) -> Path:
    return compile_book(book)


def section(tex: str, title: str) -> str:
    """The LaTeX from the section heading ``title`` to the next heading of any level."""
    start = tex.index(rf"\section{{{title}}}")
    following = re.compile(r"\\(?:chapter|section|subsection)\{")
    after = following.search(tex, start + 1)
    return tex[start : after.start() if after else len(tex)]


def test_book_builds_without_warnings(book):
    assert warnings(book) == []


def test_sop_opening_its_section_takes_the_heading_to_its_page(book_tex):
    assert breaks_page_before(book_tex, r"\section{SOP yang Membuka Bagiannya}")
    assert r"\clearpage" not in section(book_tex, "SOP yang Membuka Bagiannya")


def test_sop_opening_a_subsection_takes_both_headings(book_tex):
    assert breaks_page_before(book_tex, r"\section{Bagian Luar}")
    outer = book_tex[book_tex.index(r"\section{Bagian Luar}") : book_tex.index("Memulai kegiatan")]
    assert r"\subsection{Bagian Dalam}" in outer
    assert r"\clearpage" not in outer


def test_sop_after_text_breaks_the_page_before_itself(book_tex):
    text = section(book_tex, "SOP setelah Teks")
    assert not breaks_page_before(book_tex, r"\section{SOP setelah Teks}")
    breaks = [match.start() for match in re.finditer(r"\\clearpage", text)]
    assert len(breaks) == 2  # before the SOP, and before the next heading (the next SOP opens it)
    assert text.index("Teks pengantar sebelum SOP kedua.") < breaks[0] < text.index("002/KIRIM")
    # The SOP's own label stays with it, on its first page.
    assert breaks[0] < text.index("label-kirim") < text.index("002/KIRIM")


def test_decree_in_an_sop_starts_its_page_before_its_label(book_tex):
    text = book_tex[book_tex.index("Prosedur ini ditetapkan") : book_tex.index("Isi keputusan")]
    assert text.index(r"\clearpage") < text.index("keputusan-panjang") < text.index("KEPUTUSAN")


@needs_pdflatex
def test_heading_and_identity_share_a_page(book_pdf):
    pages = [page_text(book_pdf, page) for page in range(1, page_count(book_pdf) + 1)]
    for heading, number in (
        ("SOP yang Membuka Bagiannya", "001/TERIMA"),
        ("Bagian Dalam", "003/DALAM"),
    ):
        [page] = [text for text in pages if heading in text and "Nomor SOP" in text]
        assert number in page
    [page] = [text for text in pages if "002/KIRIM" in text and "Nomor SOP" in text]
    assert "Teks pengantar sebelum SOP kedua." not in page


def test_every_sop_has_its_link_target(book_tex):
    for docname, sop_id in (("pages", "terima"), ("pages", "kirim"), ("pages", "dalam")):
        target = rf"\label{{\detokenize{{{docname}:sop-{sop_id}}}}}"
        assert target in book_tex, sop_id
        assert book_tex.count(target) == 1
    assert r"\hyperref[\detokenize{pages:sop-terima}]" in book_tex


def test_label_before_an_sop_is_written_once(book_tex):
    assert book_tex.count(r"\label{\detokenize{pages:label-kirim}}") == 1


@needs_pdflatex
def test_no_reference_is_undefined(book, book_pdf):
    log = (book.outdir / "buku.log").read_text(encoding="latin-1")
    assert "undefined" not in log.replace("undefined references", ""), re.findall(
        r"^.*undefined.*$", log, flags=re.MULTILINE
    )
    assert "There were undefined references" not in log
    assert "multiply defined" not in log


def destination_pages(pdf: Path) -> dict[str, int]:
    """The page (from 1) of each named destination of ``pdf``."""
    listing = subprocess.run(
        ["pdfinfo", "-dests", pdf], capture_output=True, text=True, check=True
    ).stdout
    return {name: int(page) for page, name in re.findall(r'^\s*(\d+) .*"(.+)"$', listing, re.M)}


@needs_pdflatex
@pytest.mark.parametrize(
    ("label", "texts"),
    [
        ("pages:sop-terima", ("Nomor SOP", "001/TERIMA")),
        ("pages:sop-kirim", ("Nomor SOP", "002/KIRIM")),
        ("pages:label-kirim", ("Nomor SOP", "002/KIRIM")),
        ("pages:sop-dalam", ("Nomor SOP", "003/DALAM")),
        ("pages:langkah-terima", ("Mutu Baku", "Menerima surat")),  # a named step table
    ],
)
def test_links_land_on_their_page(book, book_pdf, label, texts):
    aux = (book.outdir / "buku.aux").read_text(encoding="utf-8")
    group = r"\{[^{}]*\}"
    anchor = re.search(rf"\\newlabel{{{re.escape(label)}}}{{{group * 3}{{([^{{}}]*)}}", aux)
    assert anchor, label
    page = destination_pages(book_pdf)[anchor[1]]
    text = page_text(book_pdf, page)
    assert all(expected in text for expected in texts), text


# -- the step table's caption ---------------------------------------------------------


def flowchart_starts(tex: str, number: str) -> str:
    """The LaTeX of the SOP ``number`` from its landscape pages to its first header row."""
    start = tex.index(r"\begin{landscape}", tex.index(number))
    return tex[start : tex.index(r"\hline", start)]


@pytest.mark.parametrize(
    ("number", "caption"),
    [
        # list-table, with inline markup and LaTeX's special characters
        ("001/TERIMA", r"Langkah kegiatan penerimaan \sphinxstyleemphasis{surat} \& 50\% \{\#1\}"),
        ("002/KIRIM", "Langkah kegiatan pengiriman"),  # csv-table
        ("004/PANJANG", "Langkah kegiatan yang panjang"),  # table directive
    ],
)
def test_caption_of_the_step_table_above_the_flowchart(book_tex, number, caption):
    start = flowchart_starts(book_tex, number)
    assert caption in start
    assert start.index(caption) < start.index(r"\begin{sopflowchartpage}")


def test_no_caption_when_the_table_has_none(book_tex):
    assert "sopcaption" not in flowchart_starts(book_tex, "003/DALAM")


@needs_pdflatex
def test_caption_on_every_flowchart_page(book, book_pdf):
    pages = [
        page for page in flowchart_pages(book_pdf) if "Langkah panjang" in page_text(book_pdf, page)
    ]
    printed = printed_flowchart(
        procedure(book, "panjang"),
        "a4",
        caption="Langkah kegiatan yang panjang – lanjutan dari halaman sebelumnya",
    )
    assert len(pages) == len(printed.pages) >= 2  # the caption's room was kept: no page overflowed
    first, *later = (page_text(book_pdf, page) for page in pages)
    assert "Langkah kegiatan yang panjang" in first
    assert "lanjutan" not in first
    for text in later:
        assert "Langkah kegiatan yang panjang – lanjutan dari halaman sebelumnya" in text
    text = " ".join([first, *later])
    for number in range(1, 19):
        assert text.count(f"Langkah panjang nomor {number} dikerjakan") == 1, number


# -- the manual's own captions ------------------------------------------------------

MONTHS = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"


def compile_book(app: SphinxTestApp) -> Path:
    """The book of ``app`` compiled with pdflatex, twice so that every reference is resolved."""
    for _ in range(2):
        result = subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "buku.tex"],
            cwd=app.outdir,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stdout[-3000:]
    return app.outdir / "buku.pdf"


def all_text(pdf: Path) -> str:
    return " ".join(page_text(pdf, page) for page in range(1, page_count(pdf) + 1))


def support(app: SphinxTestApp) -> str:
    return (app.outdir / "sphinxcontrib-sop.sty").read_text(encoding="utf-8")


def document_class(tex: str) -> str:
    return re.search(r"\\documentclass\[([^]]*)\]", tex)[1]


def test_indonesian_book_loads_no_language_package(book_tex):
    assert r"\usepackage{babel}" not in book_tex
    assert "polyglossia" not in book_tex
    assert document_class(book_tex) == "letterpaper,10pt"  # no bahasai (texlive-lang-other)


def test_indonesian_captions_in_the_support_package(book):
    text = support(book)
    for definition in (
        r"\def\contentsname{Daftar Isi}",
        r"\def\chaptername{Bab}",
        r"\def\appendixname{Lampiran}",
        r"\def\indexname{Indeks}",
        r"\def\figurename{Gambar }",
        r"\def\tablename{Tabel }",
        r"\def\sop@continuedfrom{lanjutan dari halaman sebelumnya}",
    ):
        assert definition in text, definition


def test_indonesian_release_date_and_index(book_tex):
    assert r"\renewcommand{\releasename}{Versi}" in book_tex
    assert re.search(rf"\\date{{\d{{1,2}} ({MONTHS}) \d{{4}}}}", book_tex)
    assert re.search(r"\\def\\indexname\{Indeks\}\s*\\printindex", book_tex)


@needs_pdflatex
def test_indonesian_book_prints_indonesian_captions(book_pdf):
    text = all_text(book_pdf)
    for caption in (
        "Daftar Isi",
        "BAB 1",  # fncychap's chapter heading
        "Bab 1. Halaman SOP",  # the page header
        "LAMPIRAN A",
        "Lampiran A. Lampiran",
        "Gambar 1: Logo contoh",
        "Tabel 1: Daftar panjang",
        "berlanjut ke halaman berikutnya",
        "Tabel 1 – lanjutan dari halaman sebelumnya",
        "Versi 2.1",
    ):
        assert caption in text, caption
    assert re.search(rf"\d{{1,2}} ({MONTHS}) \d{{4}}", text)
    for english in ("Contents", "Chapter", "CHAPTER", "Appendix", "continued", "Release"):
        assert english not in text, english


@pytest.fixture(scope="module")
def english_book(tmp_path_factory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("english"), "latex", "latex", language="en")


def test_english_book_keeps_sphinx_captions(english_book):
    tex = (english_book.outdir / "buku.tex").read_text(encoding="utf-8")
    assert r"\usepackage{babel}" in tex
    assert document_class(tex).endswith(",english")
    assert r"\renewcommand{\releasename}{Release}" in tex
    assert "sop@captions" not in support(english_book)
    assert r"\def\indexname" not in tex


@pytest.fixture(scope="module")
def labels_only_book(tmp_path_factory) -> SphinxTestApp:
    """An English project whose SOP labels are Indonesian, as the example handbook."""
    return build_copy(
        tmp_path_factory.mktemp("labels"), "latex", "latex", language="en", sop_language="id"
    )


def test_indonesian_labels_in_english_project_give_indonesian_captions(labels_only_book):
    tex = (labels_only_book.outdir / "buku.tex").read_text(encoding="utf-8")
    assert r"\usepackage{babel}" not in tex
    assert document_class(tex) == "letterpaper,10pt"
    assert r"\renewcommand{\releasename}{Versi}" in tex
    assert re.search(rf"\\date{{\d{{1,2}} ({MONTHS}) \d{{4}}}}", tex)
    assert r"\usepackage[Sonny]{fncychap}" in tex  # Bjarne spells numbers in English
    text = support(labels_only_book)
    assert r"\def\chaptername{Bab}" in text
    assert r"\def\figurename{Gambar }" in text  # in place of Sphinx's English "Fig."


@needs_pdflatex
def test_indonesian_labels_in_english_project_print_indonesian_captions(labels_only_book):
    text = all_text(compile_book(labels_only_book))
    for caption in ("Daftar Isi", "Bab 1", "Lampiran A", "Gambar 1: Logo contoh", "Versi 2.1"):
        assert caption in text, caption
    for english in ("Contents", "Chapter", "CHAPTER", "ONE", "Fig.", "Table", "Release"):
        assert english not in text, english


CHOSEN = {
    "contentsname": r"\renewcommand{\contentsname}{Isi Buku}",
    "preamble": r"\renewcommand{\chaptername}{Pasal}",
    "releasename": "Edisi",
}


@pytest.fixture(scope="module")
def chosen_book(tmp_path_factory) -> SphinxTestApp:
    return build_copy(
        tmp_path_factory.mktemp("chosen"),
        "latex",
        "latex",
        latex_elements=CHOSEN,
        today="1 Juli 2031",
    )


@needs_pdflatex
def test_captions_set_in_latex_elements_win(chosen_book):
    text = all_text(compile_book(chosen_book))
    for caption in ("Isi Buku", "PASAL 1", "Pasal 1. Halaman SOP", "Edisi 2.1", "1 Juli 2031"):
        assert caption in text, caption
    assert "Daftar Isi" not in text
    assert "LAMPIRAN A" in text  # what the user did not set stays Indonesian


@pytest.mark.sphinx(
    "latex",
    testroot="latex",
    confoverrides={
        "latex_elements": {"babel": r"\usepackage[english]{babel}", "printindex": r"\printindex"}
    },
)
def test_language_package_and_index_set_in_latex_elements_are_kept(app):
    app.build()
    tex = (app.outdir / "buku.tex").read_text(encoding="utf-8")
    assert r"\usepackage[english]{babel}" in tex
    assert r"\def\indexname" not in tex


@pytest.mark.sphinx(
    "latex",
    testroot="latex",
    confoverrides={"sop_labels": {"Contents": "Isi & 100% {#1}", "Release": "Edisi_1"}},
)
def test_captions_follow_sop_labels_escaped(app):
    app.build()
    assert r"\def\contentsname{Isi \& 100\% \{\#1\}}" in support(app)
    tex = (app.outdir / "buku.tex").read_text(encoding="utf-8")
    assert r"\renewcommand{\releasename}{Edisi\_1}" in tex


# -- ./dev.sh pdf -----------------------------------------------------------------

DEV_SH = Path(__file__).parent.parent / "dev.sh"


#: sphinx-build's options that take no value.
FLAGS = {"-q", "--quiet", "-Q", "--silent", "-W", "--fail-on-warning", "--keep-going", "-n", "-E"}


def pdf_task_sphinx_options() -> list[str]:
    """The flags ``./dev.sh pdf`` gives sphinx-build, read from the script."""
    script = DEV_SH.read_text(encoding="utf-8")
    task = script[script.index("\n    pdf)") : script.index(";;", script.index("\n    pdf)"))]
    [command] = [line.split() for line in task.splitlines() if "/bin/sphinx-build" in line]
    assert command[command.index("-b") + 1] == "latex"
    return [word for word in command if word in FLAGS]


def test_pdf_task_builds_quietly_with_warnings_as_errors():
    options = pdf_task_sphinx_options()
    assert "-q" in options or "--quiet" in options
    assert "-W" in options


def run_sphinx_build(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    source = tmp_path / "src"
    shutil.copytree(Path(__file__).parent / "roots" / "test-latex", source)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            *pdf_task_sphinx_options(),
            "-b",
            "latex",
            *extra,
            str(source),
            str(tmp_path / "latex"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_pdf_task_prints_no_make_hint(tmp_path):
    """The PDF is made by the task itself: Sphinx's hint to run make would mislead."""
    result = run_sphinx_build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "make" not in result.stdout + result.stderr
    assert (tmp_path / "latex" / "buku.tex").is_file()


def test_pdf_task_still_shows_warnings_and_fails_on_them(tmp_path):
    result = run_sphinx_build(tmp_path, "-D", "sop_paper=a3")
    assert result.returncode != 0
    assert "sop_paper must be 'a4' or 'f4', not 'a3'" in result.stderr

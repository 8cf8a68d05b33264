"""A PDF per SOP: ``sop_pdf_per_sop`` in the LaTeX build, ``sop_pdf_folder`` in the HTML build.

The root ``test-sop-pdfs`` has three SOPs on two pages: one in force, a draft
with hostile text in its title, number and cells, and a withdrawn one whose
step links to the first.  It is built as an old edition of a site, so that
every printed page carries the edition's line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build_copy, build_edition, html, printed_pages, warnings
from sphinxcontrib_sop.core.editions import Edition, Site
from sphinxcontrib_sop.core.pdf_names import pdf_name

PAGES = frozenset({"index", "letters", "archive"})
SITE = Site(
    (
        Edition("v2", "v2", "b" * 40, pages=PAGES),
        Edition("v1", "v1", "a" * 40, pages=PAGES),
    ),
    current="",
)
EDITION_LINE = "Edition v1 is no longer in force; the edition in force is v2."
HOSTILE_TITLE = (
    'Hostile <script>alert(1)</script> & "dq" back\\slash {braces} $ # ^ _ % ~ \\newpage'
)
#: Each SOP: its file name, number, name and steps.
SOPS = {
    "sop-receiving-letters": (
        "001/SOP/2024",
        "Receiving Letters",
        ("Receive the incoming letter", "Register the letter"),
    ),
    "sop-hostile": (
        "002/SOP/2024 & 100% #2",
        HOSTILE_TITLE,
        (
            "Draft <b>the</b> reply & pay $5 at 100% #1 ^_~ {x} \\end{document}",
            "Sign the hostile reply",
        ),
    ),
    "sop-archiving": (
        "003/SOP/2024",
        "Archiving Records",
        ("File the record received by the first procedure", "Close the archive box"),
    ),
}
DRAFT_MARK = re.compile(r"D\s+R\s+A\s+F\s+T")
needs_pdflatex = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("latexmk", "pdflatex", "pdftotext")),
    reason="TeX Live and poppler-utils are not installed (./dev.sh test and CI install them)",
)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app = build_edition(tmp_path_factory.mktemp("printed"), "sop-pdfs", SITE, "v1", "latex")
    assert warnings(app) == []
    return app


def tex(app: SphinxTestApp, name: str) -> str:
    return (app.outdir / f"{name}.tex").read_text(encoding="utf-8")


# -- the file names -------------------------------------------------------------------------


def test_an_id_names_the_file_as_it_is():
    assert pdf_name("kel-bukitlama-01") == "sop-kel-bukitlama-01"


@pytest.mark.parametrize(
    "sop_id",
    ["SOP-1", "sop 1", "../../etc/passwd", "a\\b{c}$%#&~^_", "<script>", "Ünïcode", "", "x" * 300],
)
def test_any_other_id_gives_a_safe_name_of_its_own(sop_id: str):
    name = pdf_name(sop_id)
    assert re.fullmatch(r"sop-[a-z0-9]+(-[a-z0-9]+)*", name)
    assert len(name) <= 120
    assert name != pdf_name(sop_id.swapcase()) or sop_id == sop_id.swapcase()
    assert name != pdf_name("sop-1")


# -- the LaTeX build ------------------------------------------------------------------------


def test_each_sop_gets_a_document_of_its_own(printed: SphinxTestApp):
    documents = sorted(path.name for path in printed.outdir.glob("*.tex"))
    assert documents == ["handbook.tex", *sorted(f"{name}.tex" for name in SOPS)]
    listed = (printed.outdir / "sop-per-sop.txt").read_text(encoding="utf-8").split()
    assert sorted(listed) == sorted(f"{name}.tex" for name in SOPS)


def test_a_document_holds_its_sop_alone(printed: SphinxTestApp):
    """No contents, no index, no cover, no other SOP and no other page's text."""
    source = tex(printed, "sop-receiving-letters")
    body = source[source.index(r"\begin{document}") :]
    assert r"\sphinxtableofcontents" not in body
    assert r"\printindex" not in body
    assert r"\sphinxmaketitle" not in body
    assert body.count(r"\begin{sphinxuseclass}{sop}") == 1
    assert "Text between the SOPs" not in body
    assert "Text of the handbook" not in body
    assert r"\begin{document}" in source
    assert r"\usepackage{sphinxcontrib-sop}" in source


def test_links_to_other_sops_are_their_text(printed: SphinxTestApp):
    single = tex(printed, "sop-archiving")
    manual = tex(printed, "handbook")
    assert r"\hyperref[\detokenize{letters:sop-receiving-letters}]" in manual
    assert "letters:sop-receiving-letters" not in single
    assert "{the first procedure}" in single


def test_the_titles_are_escaped(printed: SphinxTestApp):
    source = tex(printed, "sop-hostile")
    number = r"002/SOP/2024 \& 100\% \#2"
    escaped = (
        number + r" Hostile \textless{}script\textgreater{}alert(1)"
        r"\textless{}/script\textgreater{} \& " + '"dq"' + r" back\textbackslash{}slash "
        r"\{braces\} \$ \# \textasciicircum{} \_ \% \textasciitilde{} \textbackslash{}newpage"
    )
    assert f"\\title{{{number}}}" in source  # in the page headers
    assert f"\\hypersetup{{pdftitle={{{escaped}}}, pdfauthor={{Author}}}}" in source
    assert "<script>" not in source


def test_the_cover_is_printed_when_asked(tmp_path: Path):
    app = build_copy(tmp_path, "sop-pdfs", "latex", sop_pdf_per_sop_cover=True)
    source = tex(app, "sop-receiving-letters")
    assert r"\sphinxmaketitle" in source[source.index(r"\begin{document}") :]


def test_without_the_setting_no_document_is_written(tmp_path: Path):
    app = build_copy(tmp_path, "sop-pdfs", "latex", sop_pdf_per_sop=False)
    assert sorted(path.name for path in app.outdir.glob("*.tex")) == ["handbook.tex"]
    assert not (app.outdir / "sop-per-sop.txt").exists()


def test_a_later_build_removes_the_documents_it_no_longer_writes(tmp_path: Path):
    app = build_copy(tmp_path, "sop-pdfs", "latex")
    kept = app.outdir / "sop-notes.tex"  # a file of the author's, not listed
    kept.write_text("kept", encoding="utf-8")
    build(app.srcdir, "latex", sop_pdf_per_sop=False)
    assert sorted(path.name for path in app.outdir.glob("*.tex")) == [
        "handbook.tex",
        "sop-notes.tex",
    ]


def test_an_sop_named_as_a_manual_gets_no_document(tmp_path: Path):
    manual = [("index", "sop-archiving.tex", "Handbook", "Author", "manual")]
    app = build_copy(tmp_path, "sop-pdfs", "latex", latex_documents=manual)
    assert warnings(app) == [
        "WARNING: the SOP 'archiving' is not written to a document of its own "
        "(sop_pdf_per_sop): its file name sop-archiving.tex is a document of latex_documents; "
        "rename that document [sop.config]"
    ]
    assert r"\begin{sphinxuseclass}{sop}" in tex(app, "sop-archiving").split(r"\begin{document}")[1]
    assert tex(app, "sop-archiving").count(r"\begin{sphinxuseclass}{sop}") == 3  # the manual
    assert (app.outdir / "sop-hostile.tex").is_file()


def test_rebuilds_write_the_same_documents(printed: SphinxTestApp, tmp_path: Path):
    again = build_edition(tmp_path, "sop-pdfs", SITE, "v1", "latex")
    for name in SOPS:
        assert tex(again, name) == tex(printed, name)


# -- the PDFs -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdfs(printed: SphinxTestApp) -> dict[str, list[str]]:
    """The text of each page of each SOP's PDF, its white space made single spaces."""
    return {
        name: [" ".join(page.split()) for page in printed_pages(printed, f"{name}.tex")]
        for name in SOPS
    }


@needs_pdflatex
@pytest.mark.parametrize("name", SOPS)
def test_a_pdf_holds_its_own_sop_and_no_other(pdfs: dict[str, list[str]], name: str):
    text = " ".join(pdfs[name])
    number, title, steps = SOPS[name]
    for own in (number, title, *steps):
        assert " ".join(own.split()) in text
    for other, (number, title, steps) in SOPS.items():
        if other != name:
            for theirs in (number, title, *steps):
                assert theirs not in text


@needs_pdflatex
@pytest.mark.parametrize("name", SOPS)
def test_a_pdf_has_its_identity_page_then_its_flowchart_page(pdfs: dict[str, list[str]], name: str):
    """Then the SOP's history, as the manual prints it in an edition of a site."""
    first, flowchart, history = pdfs[name]
    assert first.index("SOP number") < first.index("SOP title")
    assert "Activity" in flowchart
    assert SOPS[name][2][-1] in flowchart
    assert "Revision history Edition SOP number" in history


@needs_pdflatex
def test_every_page_of_a_draft_and_no_other_is_marked(pdfs: dict[str, list[str]]):
    assert all(DRAFT_MARK.search(page) for page in pdfs["sop-hostile"])
    assert "This SOP is a draft" in pdfs["sop-hostile"][0]
    for name in ("sop-receiving-letters", "sop-archiving"):
        assert not any(DRAFT_MARK.search(page) for page in pdfs[name])


@needs_pdflatex
def test_the_banner_of_a_withdrawn_sop_is_printed(pdfs: dict[str, list[str]]):
    assert "This SOP is no longer in force It has been withdrawn." in pdfs["sop-archiving"][0]


@needs_pdflatex
def test_every_page_of_an_old_edition_says_so(pdfs: dict[str, list[str]]):
    assert all(EDITION_LINE in page for pages in pdfs.values() for page in pages)


@needs_pdflatex
def test_a_pdf_is_titled_with_its_sops_number_and_name(
    printed: SphinxTestApp, pdfs: dict[str, list[str]]
):
    info = subprocess.run(
        ["pdfinfo", printed.outdir / "sop-hostile.pdf"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Title:           002/SOP/2024 & 100% #2 {HOSTILE_TITLE}\n" in info
    # The page header: the number alone (the draft's mark is drawn first).
    assert pdfs["sop-hostile"][0].startswith("D R A F T 002/SOP/2024 & 100% #2 DRAFT ")


# -- the HTML link --------------------------------------------------------------------------


def with_pdfs(folder: Path, pdfs: tuple[str, ...]) -> Path:
    """A copy of the root in ``folder`` with ``pdfs`` in its ``pdfs`` folder (a few bytes each)."""
    source = folder / "src"
    shutil.copytree(ROOTS / "test-sop-pdfs", source)
    (source / "pdfs").mkdir()
    for name in pdfs:
        (source / "pdfs" / f"{name}.pdf").write_bytes(b"%PDF-1.4 " + name.encode())
    return source


def build(source: Path, builder: str = "html", **overrides: object) -> SphinxTestApp:
    """``source`` built with ``builder``, again if it was built before (no ``-E``)."""
    app = SphinxTestApp(builder, srcdir=source, confoverrides=overrides)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def pdf_links(app: SphinxTestApp, docname: str) -> dict[str, str]:
    """The PDF link of each SOP of the page that has one: its target, by SOP id."""
    page = html(app, docname)
    return {
        sop["id"]: link["href"]
        for sop in page.select("div.sop")
        for link in sop.select("p.sop-pdf-download > a.download")
    }


def test_an_sop_whose_pdf_is_there_links_it(tmp_path: Path):
    app = build(with_pdfs(tmp_path, ("sop-receiving-letters",)), sop_pdf_folder="pdfs")
    assert warnings(app) == []
    links = pdf_links(app, "letters")
    assert list(links) == ["sop-receiving-letters"]
    href = links["sop-receiving-letters"]
    assert re.fullmatch(r"_downloads/[0-9a-f]{32}/sop-receiving-letters\.pdf", href)
    assert (app.outdir / href).read_bytes() == b"%PDF-1.4 sop-receiving-letters"
    assert pdf_links(app, "archive") == {}
    link = html(app, "letters").select_one("p.sop-pdf-download")
    assert link.get_text() == "Download this SOP as PDF"
    assert link.find_parent("table") is None
    assert "sop-identity" in link.find_next("table")["class"]


def test_the_link_is_in_the_labels_language(tmp_path: Path):
    app = build(with_pdfs(tmp_path, ("sop-archiving",)), sop_pdf_folder="pdfs", language="id")
    assert html(app, "archive").select_one("p.sop-pdf-download").get_text() == (
        "Unduh SOP ini sebagai PDF"
    )


def test_no_other_output_shows_the_link(tmp_path: Path):
    app = build(with_pdfs(tmp_path, ("sop-hostile",)), "text", sop_pdf_folder="pdfs")
    assert warnings(app) == []
    letters = (app.outdir / "letters.txt").read_text(encoding="utf-8")
    assert "Register the letter" in letters
    assert "Download this SOP" not in letters


def test_a_folder_that_is_not_there_is_a_warning(tmp_path: Path):
    app = build(with_pdfs(tmp_path, ()), sop_pdf_folder="no-such-folder")
    assert warnings(app) == [
        "WARNING: sop_pdf_folder 'no-such-folder' is not a folder (relative to the "
        "configuration folder): build the SOPs' PDFs there first (a LaTeX build with "
        "sop_pdf_per_sop = True, then make in its folder), or fix the setting; no SOP links "
        "its PDF meanwhile [sop.config]"
    ]
    assert pdf_links(app, "letters") == {}


def test_a_pdf_that_appears_or_goes_is_linked_on_the_next_build(tmp_path: Path):
    source = with_pdfs(tmp_path, ())
    assert pdf_links(build(source, sop_pdf_folder="pdfs"), "letters") == {}
    (source / "pdfs" / "sop-hostile.pdf").write_bytes(b"%PDF-1.4")
    assert list(pdf_links(build(source, sop_pdf_folder="pdfs"), "letters")) == ["sop-hostile"]
    (source / "pdfs" / "sop-hostile.pdf").unlink()
    assert pdf_links(build(source, sop_pdf_folder="pdfs"), "letters") == {}

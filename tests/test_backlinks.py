"""Back-links: under each SOP, the SOPs that refer to it, current after every kind of build."""

from __future__ import annotations

import re

import pytest

from conftest import EditedProject, domain, html, serial_build, text_of, warnings

#: The hostile SOP's number and title as written (read as plain text).
HOSTILE = '11/<b>SOP</b>&amp;"2024" <script>alert("title")</script> & \'quotes\' \\ 100%'
#: Each SOP of the test root by page, and what its back-links list, in order.
EXPECTED = {
    ("alpha", "sop-alpha"): [
        ("9/SOP/2024 Procedure Delta", "pair.html#sop-sop-delta"),
        ("10/SOP/2024 Procedure Echo", "pair.html#sop-sop-echo"),
        (HOSTILE, "hostile.html#sop-sop-hostile"),
    ],
    ("bravo", "sop-bravo"): [
        ("001/SOP/2024 Procedure Alpha", "alpha.html#sop-sop-alpha"),
        ("9/SOP/2024 Procedure Delta", "pair.html#sop-sop-delta"),
    ],
    ("charlie", "sop-charlie"): [
        ("001/SOP/2024 Procedure Alpha", "alpha.html#sop-sop-alpha"),
        ("002/SOP/2024 Procedure Bravo", "bravo.html#sop-sop-bravo"),
        ("004/SOP/2024 Procedure Foxtrot", "index.html#sop-sop-foxtrot"),
    ],
    ("pair", "sop-delta"): None,
    ("pair", "sop-echo"): None,
    ("hostile", "sop-hostile"): None,
    ("index", "sop-foxtrot"): None,
}
PAGES = ("index", "notes", "alpha", "bravo", "charlie", "pair", "hostile")


def backlinks(page, sop_id: str) -> list[tuple[str, str]] | None:
    """The text and target of each back-link of SOP ``sop_id``; ``None`` without a section."""
    block = page.select_one(f"div#sop-{sop_id} > div.sop-backlinks")
    if block is None:
        return None
    return [(link.get_text(), link["href"]) for link in block.select("li a")]


def fragments(app) -> dict[str, list[str]]:
    """The back-link sections of every page of a build, as HTML."""
    found = {}
    for docname in sorted(app.env.found_docs):
        text = (app.outdir / f"{docname}.html").read_text(encoding="utf-8")
        found[docname] = re.findall(r'<div class="sop-backlinks.*?</div>', text, flags=re.S)
    return found


@pytest.mark.sphinx("html", testroot="backlinks")
def test_each_sop_lists_the_sops_that_refer_to_it(app):
    app.build()
    assert warnings(app) == []
    for (docname, sop_id), expected in EXPECTED.items():
        assert backlinks(html(app, docname), sop_id) == expected, sop_id


@pytest.mark.sphinx("html", testroot="backlinks")
def test_references_belong_to_the_sop_holding_them_or_to_every_sop_of_the_page(app):
    app.build()
    # Delta's :related: is its own; the page's prose after both SOPs is each one's.
    assert domain(app).referrers["pair"] == {
        "sop-delta": {"sop-bravo", "sop-alpha"},
        "sop-echo": {"sop-alpha"},
    }
    # A link in a step cell and in the SOP's body belong to the SOP; alpha's link to itself
    # is recorded, but listed nowhere.
    assert domain(app).referrers["bravo"] == {"sop-bravo": {"sop-charlie"}}
    assert domain(app).referrers["alpha"] == {
        "sop-alpha": {"sop-alpha", "sop-bravo", "sop-charlie"}
    }
    # A page without an SOP refers on behalf of none.
    assert "notes" not in domain(app).referrers


@pytest.mark.sphinx("html", testroot="backlinks")
def test_the_section_follows_the_sheet_and_its_links_land_on_the_sops(app):
    app.build()
    page = html(app, "alpha")
    block = page.select_one("div#sop-sop-alpha")
    assert block.find_all(recursive=False)[-1]["class"][0] == "sop-backlinks"
    assert block.select_one("table.sop-identity .sop-backlinks") is None
    section = block.select_one("div.sop-backlinks")
    assert text_of(section.select_one("p.rubric")) == "Referenced by"
    for link in section.select("a"):
        target_page, anchor = link["href"].split("#")
        target = html(app, target_page.removesuffix(".html")).find(id=anchor)
        assert target is not None, link["href"]
        assert "sop" in target["class"]


@pytest.mark.sphinx("html", testroot="backlinks")
def test_hostile_numbers_and_titles_stay_text(app):
    app.build()
    section = html(app, "alpha").select_one("div.sop-backlinks")
    assert section.find(["script", "b"]) is None
    assert [link.get_text() for link in section.select("a")][-1] == HOSTILE


@pytest.mark.sphinx(
    "html", testroot="backlinks", confoverrides={"sop_language": "id"}, srcdir="backlinks-id"
)
def test_the_heading_is_printed_in_the_label_language(app):
    app.build()
    heading = html(app, "alpha").select_one("div.sop-backlinks p.rubric")
    assert text_of(heading) == "Dirujuk oleh"


def latex_backlinks(tex: str, sop_id: str) -> str:
    """The back-links section of SOP ``sop_id`` in the LaTeX source ``tex``."""
    start = tex.index(rf"\label{{\detokenize{{{sop_id}}}}}")
    section = tex[tex.index(r"\begin{sphinxuseclass}{sop-backlinks}", start) :]
    return section[: section.index(r"\end{sphinxuseclass}")]


@pytest.mark.sphinx("latex", testroot="backlinks")
def test_latex_lists_the_back_links_after_the_flowchart(app):
    app.build()
    tex = (app.outdir / "projectnamenotset.tex").read_text(encoding="utf-8")
    section = latex_backlinks(tex, "alpha:sop-sop-alpha")
    assert tex.index(r"\end{landscape}", tex.index("alpha:sop-sop-alpha")) < tex.index(section)
    assert r"\subsubsection*{Referenced by}" in section
    targets = re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", section)
    assert targets == ["pair:sop-sop-delta", "pair:sop-sop-echo", "hostile:sop-sop-hostile"]
    # Links are labelled by the page of their SOP, here and from the book's first page.
    charlie = latex_backlinks(tex, "charlie:sop-sop-charlie")
    targets += re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", charlie)
    assert targets[-1] == "index:sop-sop-foxtrot"
    for target in targets:
        assert rf"\label{{\detokenize{{{target}}}}}" in tex
    assert (
        r"11/\textless{}b\textgreater{}SOP\textless{}/b\textgreater{}\&amp;"
        r'"2024" \textless{}script\textgreater{}alert("title")\textless{}/script\textgreater{}'
        r" \& \textquotesingle{}quotes\textquotesingle{} \textbackslash{} 100\%"
    ) in section


@pytest.mark.sphinx(
    "latex",
    testroot="backlinks",
    confoverrides={"latex_documents": [("charlie", "charlie.tex", "Charlie", "", "howto")]},
    srcdir="backlinks-one-page",
)
def test_latex_names_sops_outside_the_document_without_a_link(app):
    app.build()
    section = latex_backlinks(
        (app.outdir / "charlie.tex").read_text(encoding="utf-8"), "charlie:sop-sop-charlie"
    )
    assert r"\hyperref" not in section
    for name in ("Procedure Alpha", "Procedure Bravo", "Procedure Foxtrot"):
        assert name in section


@pytest.mark.sphinx("text", testroot="backlinks")
def test_text_prints_the_heading_and_the_list(app):
    app.build()
    text = (app.outdir / "charlie.txt").read_text(encoding="utf-8")
    assert text.rstrip().endswith(
        "-[ Referenced by ]-\n\n* 001/SOP/2024 Procedure Alpha\n\n* 002/SOP/2024 Procedure Bravo"
        "\n\n* 004/SOP/2024 Procedure Foxtrot"
    )
    assert "Referenced by" not in (app.outdir / "pair.txt").read_text(encoding="utf-8")


# -- incremental and parallel builds ------------------------------------------------------


def test_incremental_builds_equal_clean_builds(make_app, tmp_path):
    """Each edit, then a build without -E: every page's back-links are those of a clean build."""
    project = EditedProject(make_app, tmp_path, "backlinks")
    project.build()
    # A reference added: echo lists charlie, whose page alone changed.
    number = "   :number: 003/SOP/2024\n"
    project.edit("charlie.rst", number, number + "   :related: sop-echo\n")
    assert "Procedure Charlie" in "".join(project.rebuild(fragments)["pair"])
    # ... and removed again.
    project.edit("charlie.rst", "   :related: sop-echo\n", "")
    assert "Procedure Charlie" not in "".join(project.rebuild(fragments)["pair"])
    # A referring SOP renamed: the pages it refers to show the new title.
    project.edit("alpha.rst", "Procedure Alpha", "Procedure Renamed")
    after_rename = project.rebuild(fragments)
    assert "001/SOP/2024 Procedure Renamed" in "".join(after_rename["charlie"])
    assert "Procedure Alpha" not in "".join(after_rename["bravo"])
    # A referring page deleted: it leaves alpha's list.
    (project.source / "hostile.rst").unlink()
    project.edit("index.rst", "   hostile\n", "")
    assert "hostile.html" not in "".join(project.rebuild(fragments)["alpha"])


@pytest.mark.sphinx("html", testroot="backlinks", parallel=2, srcdir="backlinks-parallel")
def test_parallel_build_equals_serial_build(app, make_app, tmp_path):
    app.build()
    app.cleanup()  # before the second app registers the extension again
    serial = serial_build(make_app, tmp_path, "backlinks")
    assert warnings(app) == warnings(serial) == []
    assert domain(app).referrers == domain(serial).referrers
    for page in PAGES:
        assert (app.outdir / f"{page}.html").read_text(encoding="utf-8") == (
            serial.outdir / f"{page}.html"
        ).read_text(encoding="utf-8"), page

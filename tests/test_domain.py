"""The sop domain: references, related links, duplicates, parallel and incremental builds."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOTS, EditedProject, domain, html, line_of, procedure, warnings
from sphinxcontrib_sop.domain import _SUMMARY as UNPICKLED_OUTLINE

NAMES = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf")


@pytest.fixture
def domain_project(tmp_path):
    """A private copy of the test-domain root, free to edit."""
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-domain", source)
    return source


@pytest.mark.sphinx("html", testroot="domain")
def test_references_resolve_to_the_sop_with_its_title(app):
    app.build()
    assert warnings(app) == []
    links = {a.get_text(): a["href"] for a in html(app).select("div.body a.reference.internal")}
    assert links["Procedure Alpha"] == "alpha.html#sop-sop-alpha"
    assert links["the third"] == "charlie.html#sop-sop-charlie"
    assert links["Procedure Delta"] == "delta.html#sop-sop-delta"


@pytest.mark.sphinx("html", testroot="domain")
def test_related_ids_become_links(app):
    app.build()
    related = html(app, "golf").select_one("td.sop-related li a")
    assert related["href"] == "alpha.html#sop-sop-alpha"
    assert related.get_text() == "Procedure Alpha"


@pytest.mark.sphinx("html", testroot="domain")
def test_domain_lists_every_sop_as_an_object(app):
    app.build()
    objects = sorted(entry for entry in domain(app).get_objects() if entry[2] == "sop")
    assert [entry[0] for entry in objects] == [f"sop-{name}" for name in NAMES]
    assert objects[0] == ("sop-alpha", "Procedure Alpha", "sop", "alpha", "sop-sop-alpha", 1)
    numbers = {entry[0]: entry for entry in domain(app).get_objects() if entry[2] == "number"}
    alpha = procedure(app, "sop-alpha")
    assert numbers[alpha.number] == (
        alpha.number,
        alpha.number,
        "number",
        "alpha",
        "sop-sop-alpha",
        0,
    )
    assert len(numbers) == len({procedure(app, f"sop-{name}").number for name in NAMES})


@pytest.mark.sphinx("html", testroot="duplicates")
def test_duplicate_ids_and_numbers_name_both_places(app):
    app.build()
    first, second = app.srcdir / "first.rst", app.srcdir / "second.rst"
    line = line_of(second, ".. sop::")
    found = "\n".join(warnings(app))
    for what, value in (("id", "shared-id"), ("number", "001/SOP/2024")):
        pattern = (
            rf"{re.escape(str(second))}:{line}: WARNING: duplicate SOP {what} '{re.escape(value)}': "
            rf"also used by the SOP at {re.escape(str(first))}:{line_of(first, '.. sop::')}"
            rf".*\[sop\.duplicate\]"
        )
        assert re.search(pattern, found), found
    assert domain(app).procedures()["shared-id"].procedure.docname == "first"
    # The same number under two letterheads (two kelurahan) is no duplicate.
    assert "offices" not in found
    assert found.count("duplicate SOP number") == 1
    # The search page lists the number once per office.
    listed = [
        entry[3]
        for entry in domain(app).get_objects()
        if entry[:3] == ("001/SOP/2024", "001/SOP/2024", "number")
    ]
    assert listed == ["first"]
    offices = sorted(
        entry[3:5] for entry in domain(app).get_objects() if entry[0] == "001/SOP/2016"
    )
    assert offices == [("offices", "sop-kelurahan-a-01"), ("offices", "sop-kelurahan-b-01")]


@pytest.mark.parametrize("parallel", [2])
def test_parallel_build_equals_serial_build(make_app, tmp_path, parallel):
    outputs = {}
    for jobs in (1, parallel):
        source = tmp_path / f"j{jobs}"
        shutil.copytree(ROOTS / "test-domain", source)
        app = make_app("html", srcdir=source, parallel=jobs)
        app.build()
        assert warnings(app) == []
        outputs[jobs] = (
            {
                path.relative_to(app.outdir).as_posix(): path.read_text(encoding="utf-8")
                for path in sorted(app.outdir.glob("*.html"))
            },
            sorted(domain(app).get_objects()),
            {docname: sorted(targets) for docname, targets in domain(app).references.items()},
        )
        app.cleanup()
    # the pages, index, genindex, search and the actor index
    assert len(outputs[1][0]) == len(NAMES) + 4
    assert outputs[1] == outputs[parallel]


def test_deleting_an_sop_page_leaves_no_stale_entry(make_app, domain_project):
    app = make_app("html", srcdir=domain_project)
    app.build()
    assert "sop-charlie" in domain(app).procedures()
    app.cleanup()
    (domain_project / "charlie.rst").unlink()
    index = domain_project / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("   charlie\n", ""), "utf-8")

    app = make_app("html", srcdir=domain_project)
    app.build()
    assert "sop-charlie" not in domain(app).procedures()
    assert all(entry.procedure.docname != "charlie" for entry in domain(app).definitions())
    # bravo.rst refers to the deleted SOP: its page is written again, without the link.
    bravo = html(app, "bravo")
    assert not bravo.select('a[href^="charlie.html"]')
    assert re.search(
        r"bravo\.rst:\d+: WARNING: unknown SOP id 'sop-charlie'", "\n".join(warnings(app))
    )


def test_renaming_an_sop_rewrites_the_pages_that_refer_to_it(make_app, domain_project):
    app = make_app("html", srcdir=domain_project)
    app.build()
    assert html(app, "alpha").find("a", string="Procedure Bravo") is not None
    app.cleanup()
    bravo = domain_project / "bravo.rst"
    bravo.write_text(
        bravo.read_text(encoding="utf-8").replace("Procedure Bravo", "Procedure Renamed"), "utf-8"
    )
    app = make_app("html", srcdir=domain_project)
    app.build()
    alpha = html(app, "alpha")
    assert alpha.find("a", string="Procedure Bravo") is None
    assert len(alpha.find_all("a", string="Procedure Renamed")) == 2  # related and :sop:ref:
    assert html(app).find("a", string="Procedure Charlie") is None  # explicit title kept


def test_any_links_follow_a_renamed_or_deleted_sop_on_incremental_builds(make_app, domain_project):
    # A page that is neither delta's toctree parent nor linked with it otherwise.
    alpha = domain_project / "alpha.rst"
    alpha.write_text(alpha.read_text(encoding="utf-8") + "\nAlso :any:`sop-delta`.\n", "utf-8")
    app = make_app("html", srcdir=domain_project)
    app.build()
    assert html(app, "alpha").find("a", string="Procedure Delta") is not None
    app.cleanup()
    delta = domain_project / "delta.rst"
    delta.write_text(
        delta.read_text(encoding="utf-8").replace("Procedure Delta", "Procedure Renamed"), "utf-8"
    )
    app = make_app("html", srcdir=domain_project)
    app.build()
    assert html(app, "alpha").find("a", string="Procedure Renamed") is not None
    assert html(app, "alpha").find("a", string="Procedure Delta") is None
    app.cleanup()
    delta.unlink()
    index = domain_project / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("   delta\n", ""), "utf-8")
    app = make_app("html", srcdir=domain_project)
    app.build()
    assert html(app, "alpha").find("a", string="Procedure Renamed") is None
    assert re.search(
        r"alpha\.rst:\d+: WARNING: 'any' reference target not found: sop-delta",
        "\n".join(warnings(app)),
    )


def test_a_rebuild_after_a_step_edit_unpickles_only_the_sops_of_the_pages_written(
    make_app, tmp_path
):
    """The environment keeps each SOP's heading as it is and the rest pickled: a rebuild
    after one SOP's step changed unpickles the SOPs of the pages it writes (that SOP's,
    and its toctree parent's), not those the page links to or that link to it."""
    project = EditedProject(make_app, tmp_path, "backlinks")
    outdir = project.build().outdir
    times = {page: page.stat().st_mtime_ns for page in outdir.glob("*.html")}
    project.edit("alpha.rst", "Start alpha", "Open the alpha file")
    app = project.build()
    assert "Open the alpha file" in html(app, "alpha").text
    changed = {page.stem for page, time in times.items() if page.stat().st_mtime_ns != time}
    written = changed & app.env.all_docs.keys()
    assert written == {"alpha", "index"}
    unpickled = {
        entry.heading.id
        for entry in domain(app).definitions()
        if UNPICKLED_OUTLINE in entry.__dict__
    }
    assert unpickled == {entry.heading.id for page in written for entry in on_page(app, page)}


def on_page(app, docname: str) -> list:
    return domain(app).procedures_by_doc.get(docname, [])

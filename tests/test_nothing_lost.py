"""Nothing the writer wrote is lost: unknown options, errors inside step table cells."""

from __future__ import annotations

import shutil
from io import StringIO

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, html, line_of, procedure, text_of, warnings


@pytest.mark.sphinx("html", testroot="unknown-options")
def test_an_unknown_option_warns_at_its_line_and_the_sop_is_kept(app) -> None:
    app.build()
    index, markdown = app.srcdir / "index.rst", app.srcdir / "markdown.md"
    found = warnings(app)
    expected = [
        f"{index}:{line_of(index, ':nomr:')}: WARNING: unknown option :nomr:: did you mean "
        ":nomor:? fix its name, or remove it (it is left out meanwhile) [sop.option]",
        f"{index}:{line_of(index, ':colour:')}: WARNING: unknown option :colour:: fix its "
        "name, or remove it (it is left out meanwhile) [sop.option]",
        f"{index}:{line_of(index, ':tangal:')}: WARNING: unknown option :tangal:: did you "
        "mean :tanggal:? fix its name, or remove it (it is left out meanwhile) [sop.option]",
        f"{markdown}:{line_of(markdown, ':unitt:')}: WARNING: unknown option :unitt:: did you "
        "mean :unit:? fix its name, or remove it (it is left out meanwhile) [sop.option]",
    ]
    assert sorted(found) == sorted(expected)
    # The SOPs and the decree are on their pages, with every option that was known.
    page = html(app)
    assert text_of(page.select_one("#sop-masuk td.sop-owner")) == "Bagian Umum"
    assert [step.activity for step in procedure(app, "masuk").steps] == [
        "Menerima surat",
        "Mengagendakan surat",
    ]
    assert page.select_one(".sop-decree") is not None
    assert "800/1/2024" in text_of(page.select_one(".sop-decree"))
    assert html(app, "markdown").select_one("#sop-keluar table.sop-identity") is not None


@pytest.mark.sphinx("html", testroot="cell-errors")
def test_inline_errors_in_step_cells_name_their_row(app) -> None:
    app.build()
    index = app.srcdir / "index.rst"
    found = "\n".join(warnings(app))
    for name, row in (("undefined", "2   Mencatat |undefined|"), ("missing", "| 2  | Mencatat")):
        assert (
            f'{index}:{line_of(index, row)}: ERROR: Undefined substitution referenced: "{name}".'
        ) in found, found


@pytest.mark.parametrize(
    ("setting", "warning"),
    [
        ('sop_labels = "x"', "sop_labels must be a dictionary, not 'x': {} is used meanwhile"),
        ("sop_labels = None", "sop_labels must be a dictionary, not None: {} is used meanwhile"),
        ("sop_agency = 5", "sop_agency must be text, not 5: '' is used meanwhile"),
        ("sop_logo = 5", "sop_logo must be text, not 5: '' is used meanwhile"),
        ("sop_cover = 'yes'", "sop_cover must be True or False or None, not 'yes': None is used"),
    ],
)
def test_a_setting_of_the_wrong_type_warns_and_its_default_is_used(
    tmp_path, setting: str, warning: str
) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-cell-errors", source)
    conf = source / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + setting + "\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=source, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    found = "\n".join(warnings(app))
    assert f"WARNING: {warning}" in found
    assert "has type" not in found  # Sphinx's own check sees the default
    assert html(app).select_one("#sop-simple table.sop-identity") is not None


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_a_logo_outside_the_source_folder_warns_and_is_not_published(
    tmp_path, builder: str
) -> None:
    outside = tmp_path / "secret.png"
    outside.write_bytes((ROOTS.parent.parent / "docs" / "_static" / "logo.png").read_bytes())
    source = tmp_path / "project" / "src"
    source.mkdir(parents=True)
    (source / "conf.py").write_text(
        'extensions = ["sphinxcontrib_sop"]\nsop_logo = "../../secret.png"\n', encoding="utf-8"
    )
    (source / "index.rst").write_text(
        "Logos\n=====\n\n.. sop:: Surat\n   :id: surat\n   :logo: ../../secret.png\n\n"
        "   ==  ========  =========\n   No  Kegiatan  Pelaksana\n   ==  ========  =========\n"
        "   1   Mulai     Staf TU\n   ==  ========  =========\n",
        encoding="utf-8",
    )
    app = SphinxTestApp(builder, srcdir=source, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    found = "\n".join(warnings(app))
    assert (
        "WARNING: sop_logo '../../secret.png' is outside the source folder, and only files "
        "inside it are published: copy the logo into the documentation's folder (no logo is "
        "printed meanwhile) [sop.config]"
    ) in found
    assert (
        f"{source / 'index.rst'}:6: WARNING: the logo '../../secret.png' is outside the source "
        "folder, and only files inside it are published"
    ) in found
    published = [path.name for path in app.outdir.rglob("*") if path.is_file()]
    assert not [name for name in published if "secret" in name or name.startswith("sop-cover")]
    secret = outside.read_bytes()
    assert not [
        path for path in app.outdir.rglob("*") if path.is_file() and path.read_bytes() == secret
    ]


def guide_code(language: str) -> str:
    """The ``language`` code block of the guide's section on untrusted authors."""
    text = (ROOTS.parent.parent / "docs" / "guide" / "syntax.rst").read_text(encoding="utf-8")
    section = text[text.index(".. _syntax-untrusted:") :]
    lines = section[section.index(f".. code-block:: {language}") :].splitlines()[2:]
    code = []
    for line in lines:
        if line.strip() and not line.startswith("     "):
            break
        code.append(line.removeprefix("     "))
    return "\n".join(code).strip() + "\n"


def test_the_guides_settings_for_untrusted_authors_leave_raw_html_out(tmp_path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-untrusted", source)
    builds = {}
    for guarded in (False, True):
        if guarded:
            with (source / "conf.py").open("a", encoding="utf-8") as conf:
                conf.write(guide_code("python"))
            (source / "docutils.conf").write_text(guide_code("ini"), encoding="utf-8")
        app = SphinxTestApp(
            "html",
            srcdir=source,
            builddir=tmp_path / f"out-{guarded}",
            status=StringIO(),
            warning=StringIO(),
        )
        try:
            app.build()
        finally:
            app.cleanup()
        builds[guarded] = (app.outdir / "index.html").read_text(encoding="utf-8")
    # Markdown passes raw HTML through as written …
    assert '<script>alert("raw")</script>' in builds[False]
    assert "<img src=x onerror=alert(1)>" in builds[False]
    # … unless the guide's settings are used; the SOP itself is unchanged.
    assert '<script>alert("raw")' not in builds[True]
    assert "<img src=x" not in builds[True]  # the step's text keeps it, escaped, as words
    assert "Menerima surat" in builds[True]

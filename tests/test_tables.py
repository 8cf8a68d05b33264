"""Every table syntax gives the same steps, read from the parsed doctree."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import cell_texts, html, line_of, procedure, text_of, warnings
from sphinxcontrib_sop.core.model import Exit, StepKind

SYNTAXES = ("simple", "grid", "listtable", "csvinline", "csvfile", "myst")


def without_lines(steps):
    return [dataclasses.replace(step, line=None) for step in steps]


@pytest.mark.sphinx("html", testroot="tables")
def test_every_syntax_reads_the_same_steps(app):
    app.build()
    assert warnings(app) == []
    reference = procedure(app, "simple")
    assert [step.activity for step in reference.steps] == [
        "Receive the letter",
        "Check the address",
        "Register the letter",
        "Return the letter",
    ]
    assert reference.actors == ("Clerk", "Head")
    assert reference.steps[1].flow.exits == (Exit(3, "Ya"), Exit(4, "Tidak"))
    assert [step.kind for step in reference.steps] == [
        StepKind.START,
        StepKind.DECISION,
        StepKind.END,
        StepKind.END,
    ]
    assert reference.steps[3].actors == ("Clerk", "Head")
    assert reference.steps[0].notes == "Front desk"
    for syntax in SYNTAXES:
        assert without_lines(procedure(app, syntax).steps) == without_lines(reference.steps), syntax


@pytest.mark.sphinx("html", testroot="tables")
@pytest.mark.parametrize("syntax", ["simple", "grid", "listtable", "myst"])
def test_steps_know_the_line_of_their_row(app, syntax):
    app.build()
    suffix = ".md" if syntax == "myst" else ".rst"
    source = app.srcdir / f"{syntax}{suffix}"
    steps = procedure(app, syntax).steps
    assert steps[0].line == line_of(source, "Receive the letter") - (syntax == "listtable")
    assert steps[2].line == line_of(source, "Register the letter") - (syntax == "listtable")


@pytest.mark.sphinx("html", testroot="tables")
@pytest.mark.parametrize("syntax", SYNTAXES)
def test_html_flowchart_shows_every_cell(app, syntax):
    app.build()
    table = html(app, syntax).select_one("table.sop-flowchart")
    header_rows = table.select("thead tr")
    assert cell_texts(header_rows[0]) == [
        "No",
        "Activity",
        "Implementers",
        "Quality standard",
        "Notes",
    ]
    assert cell_texts(header_rows[1]) == ["", "Clerk", "Head", "", "Requirements", "Time", "Output"]
    rows = [
        [
            text_of(cell)
            for cell in row.find_all("td", recursive=False)
            if "sop-lanes" not in cell["class"]
        ]
        for row in table.select("tbody tr[data-step]")
    ]
    assert rows == [
        ["1", "Receive the letter", "Letter", "5 menit", "Letter in", "Front desk"],
        ["2", "Check the address", "Letter", "10 menit", "Letter checked", ""],
        ["3", "Register the letter", "Book", "2 jam", "Registered", ""],
        ["4", "Return the letter", "Letter", "1 hari", "Returned", ""],
    ]  # fmt: skip
    symbols = [(g["data-step"], g["class"][1]) for g in table.select("g.sop-symbol")]
    assert symbols == [
        ("1", "sop-terminator"),
        ("2", "sop-decision"),
        ("3", "sop-terminator"),
        ("4", "sop-terminator"),
    ]


@pytest.mark.sphinx("html", testroot="tables", srcdir="tables-csv-rebuild")
def test_changing_the_csv_file_rebuilds_its_page(app):
    app.build()
    csv_path = app.srcdir / "steps.csv"
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8").replace("Register the letter", "File the letter"),
        encoding="utf-8",
    )
    app.build()
    assert [step.activity for step in procedure(app, "csvfile").steps][2] == "File the letter"
    assert "File the letter" in html(app, "csvfile").select_one("table.sop-flowchart").get_text()
    assert [step.activity for step in procedure(app, "simple").steps][2] == "Register the letter"

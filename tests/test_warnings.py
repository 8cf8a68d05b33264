"""Bad input: each mistake gives one warning naming its file and line, and the build goes on.

The root ``test-warnings`` has one page per mistake, each with one ``sop``
directive, and is built once for the whole module.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, html, line_of, procedure, warnings

DIRECTIVE = ".. sop::"

#: page, text on the line the warning must name, pattern of the message, type.subtype
CASES = [
    (
        "no_activity",
        "No  Pelaksana  Alur",
        r"the step table has no activity column: .*'Kegiatan'.*",
        "sop.table",
    ),
    (
        "no_actor",
        "No  Kegiatan",
        r"the step table has no actors column: .*'Pelaksana'.*",
        "sop.table",
    ),
    (
        "unknown_header",
        "Biaya",
        r"unknown column 'Biaya' in the step table: .*Keterangan.*",
        "sop.table",
    ),
    (
        "missing_target",
        "Check letter",
        r"the flow of step 2 goes to step 9, which does not exist: .*",
        "sop.flow",
    ),
    (
        "one_exit",
        "Check letter",
        r"step 2 is a decision with 1 exit\(s\), but a decision has exactly two: .*",
        "sop.flow",
    ),
    ("unreachable", "Orphan step", r"no path reaches step 3: .*", "sop.flow"),
    (
        "undeclared_actor",
        "Driver",
        r"the actor 'Driver' is not listed in :actors:: add it there.*",
        "sop.actors",
    ),
    (
        "idle_actor",
        ":actors:",
        r"the actor 'Guard' listed in :actors: performs no step: .*",
        "sop.actors",
    ),
    ("duplicate_number", "Twin step", r"step number 2 is used twice: .*", "sop.table"),
    (
        "bad_date",
        ":created:",
        r"cannot read the date '32 Smarch 2019' in :created:: write it as .*2019-09-25.*",
        "sop.date",
    ),
    (
        "date_order",
        ":effective:",
        r"the effective date '1 January 2019' is before the date created '2020-02-01'.*",
        "sop.date",
    ),
    (
        "nip_letters",
        ":approver-nip:",
        r"the NIP '19650101ABC0031001' has characters other than digits.*",
        "sop.option",
    ),
    (
        "bad_id",
        ":id:",
        r"the id 'Bad ID!' may hold only lower-case letters and digits, in words joined by "
        r"single '-': "
        r"write it as 'bad-id'.*",
        "sop.option",
    ),
    (
        "twice",
        ":nomor:",
        r":nomor: repeats :number: \(the same field\): keep one of them",
        "sop.option",
    ),
    (
        "header_only",
        "- No",
        r"the step table has a header but no steps: add one row per step",
        "sop.table",
    ),
    (
        "no_table",
        DIRECTIVE,
        r"the SOP has no step table: add a table of its steps to the body",
        "sop.table",
    ),
    (
        "two_tables",
        "Form       Copies",
        r"the SOP has a second table: only the first is its step table.*shown as written.*",
        "sop.table",
    ),
    ("self_loop", "Check letter", r"the flow of step 2 goes back to step 2 itself: .*", "sop.flow"),
    (
        "bad_number",
        "Check letter",
        r"'2a' is not a step number: write a whole number in the No column \(using 2\)",
        "sop.table",
    ),
    (
        "bad_flow",
        "banana",
        r"cannot read the flow exit 'banana': write a step number.*"
        r"\(the step goes on to the next row\)",
        "sop.flow",
    ),
    (
        "first_decision",
        "Ya: 2, Tidak: 3",
        r"step 1 is a decision, but the first step starts the procedure.*",
        "sop.flow",
    ),
    (
        "never_ends",
        "Loop back",
        r"the procedure never ends: write 'Selesai' in the Alur column of its last step",
        "sop.flow",
    ),
    # A csv-table's cells carry lines within the CSV data: the directive's line is named.
    ("csv_mistake", DIRECTIVE, r"cannot read the flow exit 'banana': .*", "sop.flow"),
    (
        "related_unknown",
        ":related:",
        r"unknown SOP id 'no-such-sop' in :related:: .*",
        "ref.related",
    ),
    (
        "ref_unknown",
        ":sop:ref:`missing-sop-id`",
        r"unknown SOP id 'missing-sop-id' in :sop:ref:: .*",
        "ref.ref",
    ),
]

#: page -> title of its SOP
TITLES = {
    "no_activity": "No activity SOP",
    "no_actor": "No actor SOP",
    "unknown_header": "Unknown header SOP",
    "missing_target": "Missing target SOP",
    "one_exit": "One exit SOP",
    "unreachable": "Unreachable SOP",
    "undeclared_actor": "Undeclared actor SOP",
    "idle_actor": "Idle actor SOP",
    "duplicate_number": "Duplicate number SOP",
    "bad_date": "Bad date SOP",
    "date_order": "Date order SOP",
    "nip_letters": "NIP SOP",
    "bad_id": "Bad id SOP",
    "twice": "Twice SOP",
    "header_only": "Header only SOP",
    "no_table": "No table SOP",
    "two_tables": "Two tables SOP",
    "self_loop": "Self loop SOP",
    "bad_number": "Bad number SOP",
    "bad_flow": "Bad flow SOP",
    "first_decision": "First decision SOP",
    "never_ends": "Never ends SOP",
    "csv_mistake": "CSV mistake SOP",
    "related_unknown": "Related unknown SOP",
    "related_free": "Related free SOP",
    "ref_unknown": "Ref unknown SOP",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> SphinxTestApp:
    """The ``test-warnings`` root, built once with the HTML builder."""
    return build_copy(tmp_path_factory.mktemp("warnings"), "warnings")


def source(app: SphinxTestApp, page: str) -> Path:
    return Path(app.srcdir) / f"{page}.rst"


def page_warnings(app: SphinxTestApp, page: str) -> list[str]:
    """The warning lines that name ``page``."""
    prefix = f"{source(app, page)}:"
    return [line for line in warnings(app) if line.startswith(prefix)]


def text_of(app: SphinxTestApp, page: str) -> str:
    return " ".join(html(app, page).get_text(" ").split())


@pytest.mark.parametrize(
    ("page", "marker", "pattern", "kind"), CASES, ids=[case[0] for case in CASES]
)
def test_warning_names_file_and_line(
    built: SphinxTestApp, page: str, marker: str, pattern: str, kind: str
) -> None:
    path = source(built, page)
    line = line_of(path, marker)
    found = page_warnings(built, page)
    assert len(found) == 1, found
    expected = rf"{re.escape(str(path))}:{line}: WARNING: {pattern} \[{re.escape(kind)}\]"
    assert re.fullmatch(expected, found[0]), (expected, found[0])


@pytest.mark.parametrize("page", sorted(TITLES))
def test_page_is_built_with_its_sop(built: SphinxTestApp, page: str) -> None:
    soup = html(built, page)
    title = soup.select_one("td.sop-title")
    assert title is not None
    assert title.get_text(strip=True) == TITLES[page]


def test_every_warning_belongs_to_a_case(built: SphinxTestApp) -> None:
    sources = [str(source(built, page)) for page in (*TITLES, "unknown_option")]
    located = [line for line in warnings(built) if re.match(r"\S+\.rst:\d+: (WARNING|ERROR)", line)]
    assert len(located) == len(CASES) + 1  # and the unknown option's error
    for line in located:
        assert line.split(":")[0] in sources, line
    assert page_warnings(built, "index") == []


def test_no_traceback(built: SphinxTestApp) -> None:
    stream = built.warning.getvalue()
    assert "Traceback" not in stream
    assert "Exception" not in stream
    assert "Error:" not in stream.replace('Error in "sop" directive:', "")


def test_unknown_option_warns_and_the_sop_is_kept(built: SphinxTestApp) -> None:
    path = source(built, "unknown_option")
    found = page_warnings(built, "unknown_option")
    assert found == [
        f"{path}:{line_of(path, ':colour:')}: WARNING: unknown option :colour:: fix its "
        "name, or remove it (it is left out meanwhile) [sop.option]"
    ]
    assert html(built, "unknown_option").select_one("table.sop-identity") is not None


def test_free_text_related_is_kept_without_warning(built: SphinxTestApp) -> None:
    assert page_warnings(built, "related_free") == []
    cell = html(built, "related_free").select_one("td.sop-related")
    assert [item.get_text(" ", strip=True) for item in cell.find_all("li")] == [
        "SOP Arsip Daerah, Dinas Kearsipan"
    ]
    assert cell.find("a") is None
    assert procedure(built, "related-free").related == ("SOP Arsip Daerah, Dinas Kearsipan",)


def test_unknown_related_id_is_shown(built: SphinxTestApp) -> None:
    cell = html(built, "related_unknown").select_one("td.sop-related")
    assert [item.get_text(strip=True) for item in cell.find_all("li")] == ["no-such-sop"]


def test_unknown_reference_text_is_shown(built: SphinxTestApp) -> None:
    assert "See missing-sop-id for details." in text_of(built, "ref_unknown")


def test_missing_actor_column_keeps_original_table(built: SphinxTestApp) -> None:
    soup = html(built, "no_actor")
    assert soup.select_one("table.sop-steps") is None
    rows = [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"])]
        for row in soup.select("table:not(.sop-identity) tr")
    ]
    assert rows == [
        ["No", "Kegiatan", "Alur"],
        ["1", "Open the gate", ""],
        ["2", "Close the gate", "Selesai"],
    ]
    assert procedure(built, "no-actor").steps == ()


def test_missing_activity_column_keeps_original_table(built: SphinxTestApp) -> None:
    soup = html(built, "no_activity")
    assert soup.select_one("table.sop-steps") is None
    assert "Clerk" in soup.select_one("table:not(.sop-identity)").get_text()


def test_unknown_header_cells_shown_under_notes(built: SphinxTestApp) -> None:
    soup = html(built, "unknown_header")
    notes = [
        cell.get_text(" ", strip=True) for cell in soup.select("table.sop-flowchart td.sop-notes")
    ]
    assert notes == ["Biaya: Rp 50.000", ""]
    assert procedure(built, "unknown-header").steps[0].notes == "Biaya: Rp 50.000"


def test_unparseable_date_shown_as_written(built: SphinxTestApp) -> None:
    cell = html(built, "bad_date").select_one("td.sop-created")
    assert cell.get_text(strip=True) == "32 Smarch 2019"
    created = procedure(built, "bad-date").created
    assert created is not None
    assert (created.text, created.value) == ("32 Smarch 2019", None)


def test_invalid_id_is_replaced_by_its_slug(built: SphinxTestApp) -> None:
    assert procedure(built, "bad-id").title == "Bad id SOP"


def test_field_given_twice_keeps_first(built: SphinxTestApp) -> None:
    cell = html(built, "twice").select_one("td.sop-number")
    assert cell.get_text(strip=True) == "800/01/SOP/2019"
    assert procedure(built, "twice").number == "800/01/SOP/2019"


def test_nip_with_letters_shown_as_written(built: SphinxTestApp) -> None:
    cell = html(built, "nip_letters").select_one("td.sop-approver")
    assert "19650101ABC0031001" in cell.get_text()


def test_second_table_still_shown(built: SphinxTestApp) -> None:
    soup = html(built, "two_tables")
    assert soup.select_one("table.sop-flowchart") is not None
    assert "Seventeen" in text_of(built, "two_tables")
    assert [step.activity for step in procedure(built, "two-tables").steps] == [
        "Receive letter",
        "Check letter",
        "File letter",
    ]


def test_header_only_table_still_shown(built: SphinxTestApp) -> None:
    soup = html(built, "header_only")
    assert soup.select_one("table.sop-steps") is None
    table = soup.select_one("table:not(.sop-identity)")
    assert table.get_text(" ", strip=True).split() == ["No", "Kegiatan", "Pelaksana"]


def test_no_table_keeps_prose(built: SphinxTestApp) -> None:
    assert "This SOP describes its steps in prose only." in text_of(built, "no_table")
    assert procedure(built, "no-table").steps == ()


def test_undeclared_actor_gets_a_column(built: SphinxTestApp) -> None:
    soup = html(built, "undeclared_actor")
    actors = [cell.get_text(strip=True) for cell in soup.select("table.sop-flowchart .sop-actor")]
    assert actors == ["Clerk", "Head", "Driver"]


def test_bad_rows_still_become_steps(built: SphinxTestApp) -> None:
    assert [step.number for step in procedure(built, "bad-number").steps] == [1, 2, 3]
    assert [step.number for step in procedure(built, "csv-mistake").steps] == [1, 2, 3]
    missing = procedure(built, "missing-target")
    # The exit to the missing step 9 is dropped: the step goes on to the next row.
    assert [(edge.source, edge.target) for edge in missing.edges] == [(1, 2), (2, 3)]

"""Cells and options written the way printed tables and forms are written."""

from __future__ import annotations

import re

import pytest

from conftest import html, line_of, procedure, warnings

SOFT = "\N{SOFT HYPHEN}"


@pytest.mark.sphinx("html", testroot="cells")
def test_dotted_numbers_dashes_and_unset_actors(app):
    app.build()
    found = warnings(app)
    source = app.srcdir / "index.rst"
    steps = procedure(app, "dotted").steps
    assert [step.number for step in steps] == [1, 2]  # "1." parses as a list in reST
    assert (steps[0].requirements, steps[0].notes) == ("", "")  # "-" means empty
    assert (steps[1].requirements, steps[1].notes) == ("Book", "Late")
    row = html(app).select("table.sop-flowchart tbody tr")[0]
    assert row.select_one("td.sop-notes").get_text(strip=True) == ""
    # ":actors: -" is not set: no actor named "-" is reported idle.
    assert not [line for line in found if "performs no step" in line]
    # The date given first (under its alias) is the one used and named.
    alias_line = line_of(source, ":tanggal-pembuatan:")
    assert any(
        re.match(rf"{re.escape(str(source))}:{alias_line}: WARNING: cannot read the date "
                 r"'32 Smarch 2019' in :created:", line)
        for line in found
    ), found  # fmt: skip


@pytest.mark.sphinx("html", testroot="cells")
def test_long_words_of_a_cell_break_at_syllables_but_code_and_addresses_stay_whole(app):
    app.build()
    sheet = html(app, "long-words").select_one("#sop-long-words table.sop-flowchart")
    activity = sheet.select_one("td.sop-activity")
    words = [span.get_text() for span in activity.select("span.sop-word")]
    # The plain word, and the word a link shows, with soft hyphens at syllables.
    assert words == [f"Mengad{SOFT}mi{SOFT}nis{SOFT}tra{SOFT}si{SOFT}kan",
                     f"Pengad{SOFT}mi{SOFT}nis{SOFT}tra{SOFT}sian"]  # fmt: skip
    assert activity.select_one("a span.sop-word") is not None
    assert activity.select_one("code").get_text() == "Pengadministrasian"
    address = activity.select_one('a[href="https://pengadministrasian.example.go.id"]')
    assert address.get_text() == "https://pengadministrasian.example.go.id"
    # The cell's text, the soft hyphens aside, is the author's.
    assert activity.get_text(" ", strip=True).replace(SOFT, "") == (
        "Mengadministrasikan Pengadministrasian https://pengadministrasian.example.go.id "
        "Pengadministrasian"
    )
    notes = sheet.select_one("td.sop-notes")
    assert notes.select_one("span.sop-word").get_text() == f"Ditan{SOFT}da{SOFT}ta{SOFT}ngani"

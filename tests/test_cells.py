"""Cells and options written the way printed tables and forms are written."""

from __future__ import annotations

import re

import pytest

from conftest import html, line_of, procedure, warnings


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

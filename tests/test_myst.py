"""MyST Markdown: warnings name the line of the option or table row in the .md file."""

from __future__ import annotations

import re

import pytest

from conftest import line_of, warnings


@pytest.mark.sphinx("html", testroot="myst-warnings")
def test_warnings_name_the_option_line_in_both_option_forms(app):
    app.build()
    source = app.srcdir / "index.md"
    found = warnings(app)
    yaml_line = line_of(source, "created: 32 Smarch")  # the "---" YAML option block
    colon_line = line_of(source, ":created: 32 Smarch")  # ":name: value" options
    actors_line = line_of(source, "actors: A, B")
    for line, pattern in (
        (yaml_line, r"cannot read the date '32 Smarch 2019' in :created:"),
        (colon_line, r"cannot read the date '32 Smarch 2019' in :created:"),
        (actors_line, r"the actor 'B' listed in :actors: performs no step"),
    ):
        expected = rf"^{re.escape(str(source))}:{line}: WARNING: {pattern}"
        assert any(re.match(expected, warning) for warning in found), (expected, found)
    assert len(found) == 3


@pytest.mark.sphinx("html", testroot="myst-registry")
def test_registry_option_warnings_name_the_option_line(app):
    app.build()
    source = app.srcdir / "index.md"
    found = warnings(app)
    for line, pattern in (
        (line_of(source, ":columns: number, titel"), r":columns: 'titel' is not a registry column"),
        (line_of(source, "sort: nomer"), r":sort: 'nomer' is not an order"),
    ):
        expected = rf"^{re.escape(str(source))}:{line}: WARNING: {pattern}"
        assert any(re.match(expected, warning) for warning in found), (expected, found)
    assert len(found) == 2

"""What a page keeps between reading and writing: the author's cells, not the steps table.

A build holds every page's doctree in memory until it is written, and pickles it
for the next build; the steps table is built from the model when the page is
written, so those doctrees carry only what the author wrote.
"""

from __future__ import annotations

import pytest
from docutils import nodes

from conftest import procedure, resolved_doctrees
from sphinxcontrib_sop.core.columns import Column
from sphinxcontrib_sop.doctree.nodes import COLUMN_ATTRIBUTE, sop_step_cells, sop_steps

SYNTAXES = ("simple", "grid", "listtable", "csvinline", "csvfile", "myst")


def steps_tables(doctree: nodes.document) -> list[nodes.table]:
    return [table for table in doctree.findall(nodes.table) if "sop-steps" in table["classes"]]


def written_cells(doctree: nodes.document) -> list[dict[str, str]]:
    """Each step's cells that hold the author's text, by column: column → text."""
    return [
        {
            entry[COLUMN_ATTRIBUTE]: entry.astext()
            for entry in row.children
            if COLUMN_ATTRIBUTE in entry and entry.children
        }
        for row in doctree.findall(lambda node: isinstance(node, (nodes.row, sop_step_cells)))
        if any(COLUMN_ATTRIBUTE in entry for entry in row.children)
    ]


@pytest.mark.sphinx("html", testroot="tables")
@pytest.mark.parametrize("syntax", SYNTAXES)
def test_the_stored_page_holds_the_written_cells_and_no_steps_table(app, syntax):
    app.build()
    stored = app.env.get_doctree(syntax)
    assert steps_tables(stored) == []
    [steps] = stored.findall(sop_steps)
    assert len(list(steps.findall(sop_step_cells))) == len(procedure(app, syntax).steps)
    assert not [target for target in stored.findall(nodes.target) if "-step-" in str(target)]
    written_columns = {column.value for column in Column} - {"number", "actors", "flow"}
    assert {column for cells in written_cells(stored) for column in cells} <= written_columns


@pytest.mark.sphinx("html", testroot="tables")
@pytest.mark.parametrize("syntax", SYNTAXES)
def test_the_written_page_has_the_table_built_from_the_stored_cells(app, syntax):
    written = resolved_doctrees(app)
    app.build(force_all=True)
    stored_cells = written_cells(app.env.get_doctree(syntax))
    resolved = written[syntax]
    assert list(resolved.findall(sop_steps)) == []
    [table] = steps_tables(resolved)
    assert written_cells(resolved) == stored_cells
    steps = procedure(app, syntax).steps
    targets = [target["ids"][0] for target in table.findall(nodes.target)]
    assert targets == [f"sop-{syntax}-step-{step.number}" for step in steps]


@pytest.mark.sphinx("html", testroot="tables")
def test_step_targets_leave_no_unreferenced_target_messages(app):
    app.build()
    messages = [
        message.astext()
        for message in app.env.get_doctree("simple").transform_messages
        if "is not referenced" in message.astext()
    ]
    assert messages == []

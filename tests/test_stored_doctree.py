"""What a page keeps between reading and writing: the author's cells, not the steps table.

A build holds every page's doctree in memory until it is written, and pickles it
for the next build; the steps table is built from the model when the page is
written, so those doctrees carry only what the author wrote.  HTML draws the
official flowchart from those cells and never builds the table; the search
index is given the words the table would have added.
"""

from __future__ import annotations

import json

import pytest
from docutils import nodes

from conftest import domain, html, procedure, resolved_doctrees
from sphinxcontrib_sop.core.columns import Column
from sphinxcontrib_sop.core.wording import flow_text, kind_label
from sphinxcontrib_sop.doctree.nodes import (
    COLUMN_ATTRIBUTE,
    sop_flowchart,
    sop_step_cells,
    sop_steps,
)
from sphinxcontrib_sop.doctree.steps import SEARCH_WORDS_CLASS
from sphinxcontrib_sop.i18n.labels import ProjectLabels

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


@pytest.mark.sphinx("text", testroot="tables")
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
@pytest.mark.parametrize("syntax", SYNTAXES)
def test_html_draws_the_flowchart_from_the_stored_cells_and_builds_no_table(app, syntax):
    written = resolved_doctrees(app)
    app.build(force_all=True)
    stored_cells = written_cells(app.env.get_doctree(syntax))
    resolved = written[syntax]
    assert steps_tables(resolved) == []
    [flowchart] = resolved.findall(sop_flowchart)
    rows = flowchart.step_rows(app.env)
    assert [
        {column.value: entry.astext() for column, entry in row.cells.items()} for row in rows
    ] == stored_cells
    steps = procedure(app, syntax).steps
    assert [row.target for row in rows] == [f"sop-{syntax}-step-{step.number}" for step in steps]
    page = html(app, syntax)
    assert [row["id"] for row in page.select("table.sop-flowchart tr[data-step]")] == [
        row.target for row in rows
    ]


@pytest.mark.sphinx("html", testroot="tables")
def test_the_search_index_has_the_words_of_the_table_html_never_builds(app):
    written = resolved_doctrees(app)
    app.build(force_all=True)
    [words] = [
        paragraph.astext()
        for paragraph in written["simple"].findall(nodes.paragraph)
        if SEARCH_WORDS_CLASS in paragraph["classes"]
    ]
    entry = domain(app).entry_at("simple", 0)
    labels = ProjectLabels(app.config.sop_labels)
    for step in entry.procedure.steps:
        assert flow_text(step, labels) in words
    assert labels("Total time") in words
    assert entry.total.text(labels) in words
    # The kind of each step, which only the actor columns of the table show, is found.
    index = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    found = json.loads(index[index.index("(") + 1 : index.rindex(")")])
    page = found["docnames"].index("simple")
    for kind in {kind_label(step, labels) for step in entry.procedure.steps}:
        stem = app.builder.indexer.lang.stem(kind.split()[0])
        assert page in _as_list(found["terms"][stem]), kind


def _as_list(pages: int | list[int]) -> list[int]:
    return pages if isinstance(pages, list) else [pages]


@pytest.mark.sphinx("html", testroot="tables")
def test_step_targets_leave_no_unreferenced_target_messages(app):
    app.build()
    messages = [
        message.astext()
        for message in app.env.get_doctree("simple").transform_messages
        if "is not referenced" in message.astext()
    ]
    assert messages == []

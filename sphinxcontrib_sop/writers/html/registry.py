"""The registry in HTML: a filter box and a CSV download above its tables, ``data-sop-id`` rows.

Filtering and the CSV of the rows shown are done by ``sop-registry.js``, the
extension's own script, linked only from pages holding a registry.  Without
scripts the CSV link still downloads every row: its ``data:`` address is
written when the page is.
"""

from __future__ import annotations

import csv
import io
from html import escape
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from ...config import labels_language
from ...core.dates import is_indonesian
from ...doctree.nodes import sop_registry, sop_registry_row
from ...doctree.placeholders import placeholders
from ...i18n.labels import ProjectLabels

SCRIPT = "sop-registry.js"
#: Spreadsheets run a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def visit_registry(self: HTML5Translator, node: sop_registry) -> None:
    """Open the registry: its filter box and CSV link, then its tables."""
    labels = ProjectLabels(self.config.sop_labels)
    # A registry is as wide a table as a flowchart: its page gets the same wider text area.
    wide = ["sop-wide-page"] if self.config.sop_html_wide_pages else []
    self.body.append(self.starttag(node, "div", CLASS=" ".join(wide)))
    if not any(True for _ in node.findall(sop_registry_row)):
        return
    search = escape(labels("Filter the SOPs"))
    csv_label = escape(labels("Download CSV"))
    self.body.append(
        '<div class="sop-registry-tools">'
        f'<input type="search" class="sop-registry-filter" placeholder="{search}…" '
        f'aria-label="{search}" hidden> '
        f'<a class="sop-registry-csv" download="{_file_name(self)}" '
        f'href="data:text/csv;charset=utf-8,{quote(registry_csv(node))}">{csv_label}</a>'
        "</div>\n"
    )


def depart_registry(self: HTML5Translator, node: sop_registry) -> None:
    self.body.append("</div>\n")


def visit_registry_row(self: HTML5Translator, node: sop_registry_row) -> None:
    """``<tr data-sop-id="…">``: the row of one SOP."""
    self.body.append(self.starttag(node, "tr", "", **{"data-sop-id": node["sop_id"]}))
    node.column = 0  # type: ignore[attr-defined]  # as HTML5Translator.visit_row


def depart_registry_row(self: HTML5Translator, node: sop_registry_row) -> None:
    self.body.append("</tr>\n")


def registry_csv(node: sop_registry) -> str:
    """The rows of the registry as CSV: the headings, then one line per SOP.

    A cell that a spreadsheet would run as a formula starts with ``'``.
    """
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    head = node.next_node(nodes.thead)
    if head is not None:
        writer.writerow(_cells(head.next_node(nodes.row)))
    for row in node.findall(sop_registry_row):
        writer.writerow(_cells(row))
    return output.getvalue()


def _cells(row: nodes.row | None) -> list[str]:
    texts = [" ".join(entry.astext().split()) for entry in row.children] if row else []
    return [f"'{text}" if text.startswith(FORMULA_STARTS) else text for text in texts]


def _file_name(self: HTML5Translator) -> str:
    """``daftar-sop.csv``, or ``sop-registry.csv`` when the labels are not Indonesian."""
    return "daftar-sop.csv" if is_indonesian(labels_language(self.config)) else "sop-registry.csv"


def add_script(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Link the registry's script from the pages that hold a registry."""
    if isinstance(doctree, nodes.document) and placeholders(doctree, sop_registry):
        app.add_js_file(SCRIPT)

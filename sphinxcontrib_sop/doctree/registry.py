"""The registry (*Daftar SOP*), filled in when a page is written.

The ``sop-registry`` directive leaves an empty :class:`sop_registry` holding
its query.  :func:`fill_registries` runs when each page is written and puts
in the tables of the SOPs the query
selects from the ``sop`` domain, so a registry always lists the handbook as
it is — also on incremental builds, where the domain rewrites the pages
holding a registry whenever an SOP changes.

::

    sop_registry                         (the filter box and CSV link in HTML)
      [rubric: the unit]                 with :group-by: unit
      table.sop-registry
        sop_registry_row (sop_id)        one per SOP
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from ..config import labels_language, setting
from ..core.dates import printed_date
from ..core.model import Procedure, Status
from ..core.ordering import folded
from ..core.registry import RegistryColumn, RegistryQuery, grouped_by_unit, select
from ..core.review import reference_date, review_due
from ..core.wording import Labels
from ..domain import ProcedureEntry, get_domain
from ..i18n.labels import ProjectLabels
from .elements import EM_DASH, PRINTED_TABLE_STYLE, cell, paragraph, table
from .nodes import sop_line_break_opportunity, sop_registry, sop_registry_row, sop_small_print
from .placeholders import placeholders

logger = logging.getLogger(__name__)

#: Each column's heading (a label message) and its relative width.
COLUMN_HEADINGS: dict[RegistryColumn, tuple[str, int]] = {
    RegistryColumn.NUMBER: ("SOP number", 17),
    RegistryColumn.NAME: ("SOP title", 24),
    RegistryColumn.UNIT: ("Unit", 17),
    RegistryColumn.EFFECTIVE: ("Effective date", 11),
    RegistryColumn.REVISED: ("Date revised", 11),
    RegistryColumn.STATUS: ("Status", 11),
    RegistryColumn.STEPS: ("Number of steps", 11),
    RegistryColumn.TIME: ("Total time", 16),
}
#: The printed word of each status.
STATUS_MESSAGES = {
    Status.DRAFT: "Draft",
    Status.IN_FORCE: "In force",
    Status.WITHDRAWN: "Withdrawn",
    Status.SUPERSEDED: "Superseded",
}
#: Class of the table, the hook themes and checks rely on.
TABLE_CLASS = "sop-registry"

#: Makes the link to an SOP, with the given content, from the page being written.
LinkMaker = Callable[[ProcedureEntry, nodes.Node], nodes.Node]
#: The content of one cell of an SOP's row.
CellMaker = Callable[[ProcedureEntry], list[nodes.Node]]


def fill_registries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put into each registry of the page being written the SOPs its query selects."""
    registries = placeholders(doctree, sop_registry)
    if not registries:
        return
    env = app.env
    entries = {entry.outline.id: entry for entry in get_domain(env).definitions()}
    config = app.config
    today = reference_date()
    months = setting(config, "sop_review_months")

    def link(entry: ProcedureEntry, content: nodes.Node) -> nodes.Node:
        outline = entry.outline
        title = " ".join(part for part in (outline.number, outline.title) if part)
        return make_refnode(app.builder, docname, outline.docname, entry.anchor, content, title)

    def performers(outline: Procedure) -> Iterable[str]:
        return _performers(entries[outline.id])

    cells = RegistryCells(
        ProjectLabels(config.sop_labels),
        labels_language(config),
        link,
        lambda procedure: review_due(procedure, today, months),
    )
    for registry in registries:
        query: RegistryQuery = registry.attributes.pop("query")
        outlines = (entry.outline for entry in entries.values())
        chosen = select(outlines, query, cells.is_due, performers)
        _warn_about_unmatched(registry, query, list(entries.values()))
        registry.extend(registry_content([entries[p.id] for p in chosen], query, cells))


class RegistryCells:
    """The content of each column of an SOP's row, in the project's labels and language."""

    def __init__(
        self,
        labels: Labels,
        language: str,
        link: LinkMaker,
        is_due: Callable[[Procedure], bool],
    ) -> None:
        self.labels = labels
        self.language = language
        self.link = link
        self.is_due = is_due
        self.makers: dict[RegistryColumn, CellMaker] = {
            RegistryColumn.NUMBER: lambda entry: breakable(entry.outline.number),
            RegistryColumn.NAME: self._name,
            RegistryColumn.UNIT: lambda entry: _text(entry.outline.unit),
            RegistryColumn.EFFECTIVE: lambda entry: self._date(entry.outline.effective),
            RegistryColumn.REVISED: lambda entry: self._date(entry.outline.revised),
            RegistryColumn.STATUS: self._status,
            RegistryColumn.STEPS: lambda entry: _text(str(len(entry.step_actors))),
            RegistryColumn.TIME: self._time,
        }

    def row(self, entry: ProcedureEntry, columns: Sequence[RegistryColumn]) -> sop_registry_row:
        """The row of one SOP."""
        cells = [
            cell(*_paragraphs(self.makers[column](entry)), classes=[f"sop-registry-{column.value}"])
            for column in columns
        ]
        return sop_registry_row("", *cells, sop_id=entry.outline.id)

    def _name(self, entry: ProcedureEntry) -> list[nodes.Node]:
        title = entry.outline.title
        return [self.link(entry, nodes.inline(title, title))]

    def _date(self, field: Any) -> list[nodes.Node]:
        return _text(printed_date(field, self.language) if field else "")

    def _status(self, entry: ProcedureEntry) -> list[nodes.Node]:
        status = entry.outline.status
        word = self.labels(STATUS_MESSAGES[status])
        shown: list[nodes.Node] = [
            nodes.inline(word, word, classes=["sop-status", f"sop-status-{status.value}"])
        ]
        if status is not Status.WITHDRAWN and self.is_due(entry.outline):
            due = self.labels("Review due")
            shown += [nodes.Text(" "), nodes.inline(due, due, classes=["sop-review-due"])]
        return shown

    def _time(self, entry: ProcedureEntry) -> list[nodes.Node]:
        total = entry.total
        if total is None:
            return []
        shown: list[nodes.Node] = [nodes.inline("", total.text(self.labels))]
        if note := total.note(self.labels):
            shown.append(nodes.inline("", f" ({note})", classes=["sop-total-time-note"]))
        return shown


def registry_content(
    entries: Sequence[ProcedureEntry], query: RegistryQuery, cells: RegistryCells
) -> list[nodes.Node]:
    """The tables of a registry: one, or one per unit under its name."""
    if not entries:
        message = cells.labels("No SOP matches this registry.")
        return [paragraph(message, classes=["sop-registry-empty"])]
    if not query.group_by_unit:
        return [registry_table(entries, query.columns, cells)]
    by_id = {entry.outline.id: entry for entry in entries}
    content: list[nodes.Node] = []
    for unit, procedures in grouped_by_unit([entry.outline for entry in entries]):
        heading = unit or cells.labels("No unit")
        group = nodes.container("", classes=["sop-registry-group"])
        group += nodes.rubric(heading, heading)
        group += registry_table([by_id[p.id] for p in procedures], query.columns, cells)
        content.append(group)
    return content


def registry_table(
    entries: Sequence[ProcedureEntry], columns: Sequence[RegistryColumn], cells: RegistryCells
) -> sop_small_print:
    """One ruled table, a heading row then one row per SOP, in small print on paper."""
    headings = [COLUMN_HEADINGS[column] for column in columns]
    head = nodes.row("", *(cell(paragraph(cells.labels(message))) for message, _ in headings))
    ruled = table(
        [width for _, width in headings],
        [cells.row(entry, columns) for entry in entries],
        head=[head],
        # A long table: a registry of hundreds of SOPs runs over many printed pages.
        classes=[TABLE_CLASS, *PRINTED_TABLE_STYLE, "longtable"],
    )
    return sop_small_print("", ruled)


def _warn_about_unmatched(
    registry: sop_registry, query: RegistryQuery, entries: Sequence[ProcedureEntry]
) -> None:
    """Warn about a unit or actor the registry names that no SOP has: likely a typo."""
    units = {
        folded(name)
        for entry in entries
        for name in (entry.outline.unit, *entry.outline.unit_lines)
    }
    actors = {
        folded(actor) for entry in entries for actor in (*entry.outline.actors, *_performers(entry))
    }
    for option, names, known in (("unit", query.units, units), ("actor", query.actors, actors)):
        for name in names:
            if folded(name) not in known:
                logger.warning(
                    "sop-registry :%s: %r is not the %s of any SOP in the handbook: "
                    "check the spelling",
                    option,
                    name,
                    option,
                    location=registry,
                    type="sop",
                    subtype="registry",
                )


def _performers(entry: ProcedureEntry) -> Iterable[str]:
    """The actors of the steps of an SOP, read without unpickling its steps."""
    return (actor for _, actors in entry.step_actors for actor in actors)


def breakable(number: str) -> list[nodes.Node]:
    """An SOP number that may break after each ``/``: ``800/01/`` ⏎ ``SOP/2024``."""
    parts = re.split(r"(?<=/)(?=.)", number)
    content: list[nodes.Node] = []
    for part in parts:
        if content:
            content.append(sop_line_break_opportunity())
        content.append(nodes.Text(part))
    return content


def _text(text: str) -> list[nodes.Node]:
    return [nodes.Text(text)] if text else []


def _paragraphs(content: list[nodes.Node]) -> list[nodes.Node]:
    return [paragraph(*content)] if content else [paragraph(EM_DASH, classes=["sop-empty"])]

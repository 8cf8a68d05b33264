"""The history of each SOP, what changed in it, and what an edition changed, filled in
when a page is written (``doctree-resolved``), from the SOPs of this edition (the
``sop`` domain) and of the older ones (:mod:`.old_editions`).

Without a site (a build of the handbook alone) there are no editions to compare:
an SOP's history is its current revision alone, shown only when the SOP has a
``:change-note:``; there is no diff, and the list of an edition's changes says
there is no earlier edition.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from ..config import labels_language
from ..core.dates import printed_date
from ..core.diff import Wording, procedure_diff, summary
from ..core.editions import Site
from ..core.history import ChangeKind, EditionSOPs, HandbookChange, handbook_changes, revisions
from ..core.model import Procedure
from ..core.registry import on_pages
from ..doctree.history import (
    NEW_SOP,
    HistoryRow,
    changes_content,
    diff_content,
    history_content,
    no_earlier_edition,
)
from ..doctree.nodes import sop_changes, sop_diff, sop_history
from ..doctree.placeholders import placeholders
from ..doctree.registry import STATUS_MESSAGES
from ..domain import ProcedureEntry, get_domain
from ..editions import site
from ..i18n.labels import ProjectLabels
from .old_editions import ReadEdition, older_editions

logger = logging.getLogger(__name__)

#: The builders whose pages link to the same SOP in an older edition of the site.
SITE_BUILDERS = ("html", "dirhtml")
#: Environment attribute: the editions the pages were last written with.
_WRITTEN_WITH = "sop_history_editions"


def fill_history(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Fill the histories, diffs and lists of changes of the page being written."""
    histories = placeholders(doctree, sop_history)
    diffs = placeholders(doctree, sop_diff)
    lists = placeholders(doctree, sop_changes)
    if not (histories or diffs or lists):
        return
    history = History(app, docname)
    for node in histories:
        history.fill_history(node)
    for node in diffs:
        history.fill_diff(node)
    for node in lists:
        history.fill_changes(node)


class History:
    """What the page being written needs of the site's editions."""

    def __init__(self, app: Sphinx, docname: str) -> None:
        self.app = app
        self.docname = docname
        self.site: Site | None = site(app)
        self.older = older_editions(app)
        self.labels = ProjectLabels(app.config.sop_labels)
        self.language = labels_language(app.config)
        language, labels = self.language, self.labels
        self.wording = Wording(
            date=lambda field: printed_date(field, language),
            status=lambda status: labels(STATUS_MESSAGES[status]),
            labels=labels,
        )

    @property
    def previous(self) -> ReadEdition | None:
        """The edition before this one, when it could be read."""
        before = self.site.older_than() if self.site else ()
        if not before or not self.older or self.older[0].edition != before[0]:
            return None
        return self.older[0]

    def fill_history(self, node: sop_history) -> None:
        entry = node.entry(self.app.env)
        # Without a site the history is this revision's row alone, which shows no step.
        procedure = entry.outline_uncached() if self.site is None else entry.procedure_uncached()
        note = [child.deepcopy() for child in node[0].children] if node.children else []
        node.clear()
        if self.site is None:
            if not procedure.change_note:
                node.parent.remove(node)
                return
            edition = self.labels("This edition")
            rows = [HistoryRow(nodes.Text(edition), procedure, note, "", current=True)]
        else:
            rows = self._rows(procedure, note)
        node.extend(history_content(rows, self.labels, self.language))

    def _rows(self, procedure: Procedure, note: Sequence[nodes.Node]) -> list[HistoryRow]:
        """One row per edition with the SOP, this one first, each linked to its SOP there."""
        assert self.site is not None
        editions = [EditionSOPs(self.site.current, {procedure.id: procedure})]
        editions += [read.sops for read in self.older]
        linked = {read.edition.name: read for read in self.older}
        oldest = editions[-1].name
        rows = []
        for position, revision in enumerate(revisions(procedure.id, editions, self.wording)):
            name = nodes.Text(revision.edition)
            read = linked.get(revision.edition) if position else None
            if read is not None and (uri := self._edition_uri(read, procedure.id)):
                name = nodes.reference("", revision.edition, refuri=uri, internal=False)
            if revision.diff is not None:
                changes = summary(revision.diff, self.labels)
            else:  # the SOP is new, unless this is the oldest edition: what came before is unknown
                changes = self.labels(NEW_SOP) if revision.edition != oldest else ""
            rows.append(
                HistoryRow(
                    name,
                    revision.procedure,
                    note if not position else _plain(revision.procedure.change_note),
                    changes,
                    current=not position,
                )
            )
        return rows

    def _edition_uri(self, read: ReadEdition, sop_id: str) -> str | None:
        """The address of SOP ``sop_id`` in an older edition of the site, from this page."""
        builder = self.app.builder
        if builder.name not in SITE_BUILDERS:
            return None
        entry = read.entries[sop_id]
        here = posixpath.dirname(builder.get_target_uri(self.docname)) or "."
        top = posixpath.normpath(posixpath.join(posixpath.relpath(".", here), ".."))
        there = builder.get_target_uri(entry.procedure.docname)
        return f"{top}/{quote(read.edition.name)}/{there}#{entry.anchor}"

    def fill_diff(self, node: sop_diff) -> None:
        previous = self.previous
        entry = node.entry(self.app.env)
        before = previous.entries.get(entry.heading.id) if previous else None
        diff = (
            procedure_diff(before.procedure, entry.procedure_uncached(), self.wording)
            if before
            else None
        )
        if previous is None or diff is None or not diff.changed:
            node.parent.remove(node)
            return
        node.extend(diff_content(diff, previous.edition.name, self.labels))

    def fill_changes(self, node: sop_changes) -> None:
        since = self._since(node)
        if since is None:
            node.extend(no_earlier_edition(self.labels))
            return
        pages = node.get("pages", ())
        entries = get_domain(self.app.env).procedures()
        current = {sop_id: entry.procedure for sop_id, entry in entries.items()}
        changes = handbook_changes(
            _on_pages(since.sops.procedures, pages), _on_pages(current, pages), self.wording
        )
        shows_diffs = since is self.previous

        def link(change: HandbookChange, content: nodes.Node) -> nodes.Node:
            return self._change_link(change, content, since, shows_diffs)

        node.extend(changes_content(changes, since.edition.name, self.labels, link))

    def _since(self, node: sop_changes) -> ReadEdition | None:
        """The edition a list of changes compares with: ``:since:``, else the previous one."""
        wanted = node.get("since", "")
        if not wanted or self.site is None:
            return self.previous
        for read in self.older:
            if read.edition.name == wanted:
                return read
        if all(edition.name != wanted for edition in self.site.older_than()):
            older = ", ".join(repr(edition.name) for edition in self.site.older_than())
            logger.warning(
                "sop-changes :since: %r is not an edition older than this one: write one of "
                "%s (the previous edition is used meanwhile)",
                wanted,
                older or "none (this is the first edition)",
                location=node,
                type="sop",
                subtype="history",
            )
            return self.previous
        return None  # the edition could not be read: its warning says why

    def _change_link(
        self, change: HandbookChange, content: nodes.Node, since: ReadEdition, shows_diffs: bool
    ) -> nodes.Node:
        """A link to the SOP: to its diff when its page shows the same one, else to its
        history; a removed SOP to its page in the edition it was in, where the output links."""
        procedure = change.procedure
        if change.kind is ChangeKind.REMOVED:
            uri = self._edition_uri(since, procedure.id)
            return nodes.reference("", "", content, refuri=uri, internal=False) if uri else content
        entry: ProcedureEntry = get_domain(self.app.env).procedures()[procedure.id]
        anchor = entry.anchor
        if change.kind is not ChangeKind.ADDED:
            anchor += "-diff" if shows_diffs else "-history"
        return make_refnode(self.app.builder, self.docname, procedure.docname, anchor, content)


def _on_pages(procedures: Mapping[str, Procedure], pages: Sequence[str]) -> dict[str, Procedure]:
    return {sop_id: p for sop_id, p in procedures.items() if on_pages(p, pages)}


def _plain(text: str) -> list[nodes.Node]:
    return [nodes.Text(text)] if text else []


def prepare_history(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Before pages are written, read the older editions; when they are other than those the
    pages were last written with, write again every page showing a history or changes."""
    older = older_editions(app)
    current = site(app)
    key = (current.current if current else None, tuple(r.edition for r in older))
    written_with = env.__dict__.get(_WRITTEN_WITH)
    env.__dict__[_WRITTEN_WITH] = key
    if written_with == key:
        return []
    domain = get_domain(env)
    return sorted((set(domain.procedures_by_doc) | domain.handbook_views) & env.all_docs.keys())

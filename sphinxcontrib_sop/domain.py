"""The ``sop`` domain: every SOP of the handbook, cross-references to them.

Which SOP refers to which is stored per page and SOP: a reference belongs to
the SOP whose block holds it; one in the page's prose, outside every SOP, to
each SOP of the page.  The SOPs referring to one are its *back-links*.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from .config import review_months
from .core.actors import StepActors, actors, step_actors
from .core.model import Heading, Procedure, Status
from .core.ordering import initial, procedure_key
from .core.review import last_review, reference_date, review_date, review_due, source_date_problem
from .core.totals import TotalTime, total_time
from .core.wording import numbered_title
from .i18n.labels import ProjectLabels

logger = logging.getLogger(__name__)

#: Cross-reference types: the ``:sop:ref:`` role, ids in ``:related:``, and the
#: replacement of a superseded SOP (``:superseded-by:``, linked from its banner).
REF, RELATED, SUPERSEDED = "ref", "related", "superseded"
#: The attribute marking a node that shows SOPs of the whole handbook, their steps too
#: (a form, the changes of an edition): its page is written again whenever an SOP changes.
HANDBOOK_VIEW = {"sop_handbook_view": True}
#: The attribute marking a view that shows only an SOP's summary (a registry, a map): its
#: page is written again when the summary of an SOP changes (:func:`view_summary`).
SUMMARY_VIEW = {"sop_handbook_view": "summary"}
#: On a reference inside an SOP: the status of that SOP (noted in ``process_doc``).
SOURCE_STATUS = "sop_source_status"
#: How a warning names the status of an SOP no longer in force.
RETIRED_WORDING = {
    Status.WITHDRAWN: "withdrawn (dicabut)",
    Status.SUPERSEDED: "superseded (diganti)",
}
#: Object types: an SOP by its id, and by its number (found by the search page).
SOP, NUMBER = "sop", "number"


@dataclass(frozen=True)
class ProcedureEntry:
    """An SOP as the domain stores it: its :class:`Heading`, the anchor of its page, and
    pickled, the SOP without its steps (``outline``) with its total time (worked out once,
    when it is read), each step's number and actors (for the actor index) and the steps;
    and a ``digest`` of all that was read, which names this reading of the SOP across
    builds.

    Every build loads the whole environment, and every object in it weighs on the
    garbage collector for the rest of the build; an incremental build needs all of few
    SOPs.  So the rest is unpickled only when first asked for: :attr:`outline` and
    :attr:`total`, :attr:`procedure` with its steps, and :attr:`step_actors`.  What is
    needed of every SOP on every build reads the ``heading``.
    """

    heading: Heading
    anchor: str
    outline_data: bytes
    step_actors_data: bytes
    steps_data: bytes
    digest: str

    @classmethod
    def read(cls, procedure: Procedure, anchor: str) -> ProcedureEntry:
        """The entry of ``procedure``, just read; its :attr:`procedure` is at hand."""
        outline = dataclasses.replace(procedure, steps=())
        summary = (outline, total_time(procedure))
        outline_data = pickle.dumps(summary, pickle.HIGHEST_PROTOCOL)
        performed = step_actors(procedure)
        steps_data = pickle.dumps(procedure.steps, pickle.HIGHEST_PROTOCOL)
        what = (outline_data, anchor.encode("utf-8"), steps_data)
        entry = cls(
            procedure.heading,
            anchor,
            outline_data,
            pickle.dumps(performed, pickle.HIGHEST_PROTOCOL),
            steps_data,
            hashlib.blake2b(b"\0".join(what), digest_size=16).hexdigest(),
        )
        entry.__dict__.update({_SUMMARY: summary, "procedure": procedure, "step_actors": performed})
        return entry

    @cached_property
    def _summary(self) -> tuple[Procedure, TotalTime | None]:
        return pickle.loads(self.outline_data)

    @cached_property
    def outline(self) -> Procedure:
        """The SOP without its steps, unpickled the first time."""
        return self._summary[0]

    @cached_property
    def total(self) -> TotalTime | None:
        """The total time of the SOP's steps, unpickled the first time."""
        return self._summary[1]

    @cached_property
    def procedure(self) -> Procedure:
        """The whole SOP, its steps unpickled the first time."""
        return self.procedure_uncached()

    def procedure_uncached(self) -> Procedure:
        """The whole SOP, as :attr:`procedure`, its steps not kept if they were not already.

        For what Sphinx's main process needs of an SOP once, as it writes the SOP's page:
        in a parallel build it forks a worker for each batch of pages, and every SOP kept
        would weigh on each fork.
        """
        procedure = self.__dict__.get("procedure")
        if procedure is not None:
            return procedure
        return dataclasses.replace(self.outline_uncached(), steps=pickle.loads(self.steps_data))

    def outline_uncached(self) -> Procedure:
        """The SOP without its steps, as :attr:`outline`, not kept if it was not already
        (see :meth:`procedure_uncached`)."""
        outline, _ = self.__dict__.get(_SUMMARY) or pickle.loads(self.outline_data)
        return outline

    @cached_property
    def step_actors(self) -> StepActors:
        """Each step's number and actors, unpickled the first time."""
        return pickle.loads(self.step_actors_data)

    def __getstate__(self) -> dict[str, Any]:
        """What the environment stores: all but what was unpickled (most entries of a
        rebuild have nothing unpickled, and are stored as they are, with no copy made)."""
        state = self.__dict__
        if not any(part in state for part in _UNPICKLED_PARTS):
            return state
        return {key: value for key, value in state.items() if key not in _UNPICKLED_PARTS}

    @property
    def location(self) -> tuple[str, int | None]:
        return self.heading.docname, self.outline.line

    @property
    def target(self) -> tuple[str, str, str, str]:
        """What a link to the SOP shows and where it leads: title, number, page, anchor."""
        heading = self.heading
        return heading.title, heading.number, heading.docname, self.anchor


#: The attribute of a :class:`ProcedureEntry` holding the SOP without its steps and its
#: total time, once unpickled.
_SUMMARY = "_summary"
#: The attributes of a :class:`ProcedureEntry` holding what was unpickled of it (its
#: cached properties), which the environment does not store.
_UNPICKLED_PARTS = frozenset(
    name for name, value in vars(ProcedureEntry).items() if isinstance(value, cached_property)
)


def step_anchor(anchor: str, number: int) -> str:
    """The id of step ``number`` of the SOP with ``anchor``: its row in the steps table."""
    return f"{anchor}-step-{number}"


def row_targets(anchor: str, numbers: Iterable[int]) -> list[str]:
    """The id of each step's row, for steps numbered ``numbers`` in the SOP with
    ``anchor``; a number written twice (a warning already) has it the first time only."""
    seen: set[int] = set()
    targets = []
    for number in numbers:
        targets.append(step_anchor(anchor, number) if number not in seen else "")
        seen.add(number)
    return targets


class ActorIndex(Index):
    """Who does what: each actor and, under it, each SOP it has a part in, with the numbers
    of its steps there, linked to the first of them.

    Its titles are set in each project's labels when the builder starts
    (:func:`title_actor_index`).
    """

    name = "actors"
    localname = "Actor index"
    shortname = "actors"

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        """Entries grouped by the actor's initial (:func:`actor_index`); the index of the
        whole handbook as the domain keeps it."""
        domain: SOPDomain = self.domain  # type: ignore[assignment]
        labels = ProjectLabels(self.domain.env.config.sop_labels)
        if docnames is None:
            return domain.actor_index(labels), False
        wanted = set(docnames)
        entries = [entry for entry in domain.definitions() if entry.heading.docname in wanted]
        return actor_index(entries, labels), False


def actor_index(
    entries: list[ProcedureEntry], labels: ProjectLabels
) -> list[tuple[str, list[IndexEntry]]]:
    """The actor index of the SOPs ``entries``, grouped by the actor's initial: the actor,
    then each SOP it has a part in, with the numbers of its steps there
    (``<SOP> (step 3)``, ``<SOP> (steps 3, 5)``), linked to the first.

    The actor's own entry links to its first step, as LaTeX prints only linked entries.
    """
    groups: dict[str | None, list[IndexEntry]] = {}
    headings = [entry.heading for entry in entries]
    for actor in actors(headings, [entry.step_actors for entry in entries]):
        rows = groups.setdefault(initial(actor.name), [])
        for position, part in enumerate(actor.parts):
            entry = entries[part.sop]
            docname = entry.heading.docname
            anchor = step_anchor(entry.anchor, part.steps[0])
            if not position:
                rows.append(IndexEntry(actor.name, 1, docname, anchor, "", "", ""))
            steps = labels("step" if len(part.steps) == 1 else "steps")
            numbers = f"{steps} {', '.join(map(str, part.steps))}"
            name = numbered_title(entry.heading)
            rows.append(IndexEntry(name, 2, docname, anchor, numbers, "", ""))
    # Names not starting with a letter come first, under "Symbols", as in Sphinx's index.
    return [
        (letter or labels("Symbols"), rows)
        for letter, rows in sorted(groups.items(), key=lambda group: group[0] or "")
    ]


def _actor_index_key(entries: list[ProcedureEntry], labels: ProjectLabels) -> str:
    """A digest of all the actor index of ``entries`` shows: of each SOP its page, anchor,
    id, number, title and its steps' actors, and the labels' words."""
    shown = [
        (heading.docname, entry.anchor, heading.id, heading.number, heading.title,
         entry.step_actors_data)
        for entry in entries
        for heading in [entry.heading]
    ]  # fmt: skip
    words = [labels(word) for word in ("step", "steps", "Symbols")]
    data = pickle.dumps((shown, words), pickle.HIGHEST_PROTOCOL)
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class SOPDomain(Domain):
    """Holds every SOP by document, resolves references to them by id."""

    name = "sop"
    label = "SOP"
    object_types = {SOP: ObjType("SOP", REF), NUMBER: ObjType("SOP number")}
    roles = {REF: XRefRole(innernodeclass=nodes.inline, warn_dangling=True)}
    dangling_warnings = {
        REF: "unknown SOP id %(target)r in :sop:ref:: use the :id: of an SOP in this handbook",
        RELATED: "unknown SOP id %(target)r in :related:: use the :id: of an SOP in this "
        "handbook, or write the name of an SOP outside it in words",
        SUPERSEDED: "unknown SOP id %(target)r in :superseded-by:: use the :id: of the SOP "
        "that replaces this one",
    }
    indices = [ActorIndex]
    initial_data: dict[str, Any] = {
        "procedures": {},  # docname -> list[ProcedureEntry], in source order
        "references": {},  # docname -> frozenset of SOP ids it refers to
        "referrers": {},  # docname -> {id of an SOP there: frozenset of SOP ids it refers to}
        "handbook_views": set(),  # docnames holding a view of the handbook's SOPs
        "summary_views": set(),  # those whose views show only SOPs' summaries
        "views_date": None,  # the review reference date the views were last written for
        "actor_index": None,  # (digest of what it shows, pickled entries) of the whole handbook
    }
    data_version = 8

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._by_id: dict[str, ProcedureEntry] | None = None
        self._backlinks: dict[str, list[ProcedureEntry]] | None = None
        self._handbook_before_read: dict[str, ProcedureEntry] = {}
        self._backlinks_before_read: dict[str, list[ProcedureEntry]] = {}

    @property
    def procedures_by_doc(self) -> dict[str, list[ProcedureEntry]]:
        return self.data["procedures"]

    @property
    def references(self) -> dict[str, frozenset[str]]:
        return self.data["references"]

    @property
    def referrers(self) -> dict[str, dict[str, frozenset[str]]]:
        return self.data["referrers"]

    def definitions(self) -> list[ProcedureEntry]:
        """Every SOP, in document then source order."""
        return [
            entry
            for docname in sorted(self.procedures_by_doc)
            for entry in self.procedures_by_doc[docname]
        ]

    def procedures(self) -> dict[str, ProcedureEntry]:
        """Every SOP by id; of two SOPs with one id the first in document order counts."""
        if self._by_id is None:
            self._by_id = {}
            for entry in self.definitions():
                self._by_id.setdefault(entry.heading.id, entry)
        return self._by_id

    def entry_at(self, docname: str, index: int) -> ProcedureEntry:
        """The SOP at position ``index`` of page ``docname``, as noted when it was read."""
        return self.procedures_by_doc[docname][index]

    def actor_index(self, labels: ProjectLabels) -> list[tuple[str, list[IndexEntry]]]:
        """The actor index of the whole handbook (:func:`actor_index`)."""
        return pickle.loads(self.keep_actor_index(labels))

    def keep_actor_index(self, labels: ProjectLabels) -> bytes:
        """The actor index of the whole handbook, pickled: the one kept by the build before
        if nothing it shows has changed; else made again, and kept."""
        entries = self.definitions()
        key = _actor_index_key(entries, labels)
        kept = self.data["actor_index"]
        if kept is None or kept[0] != key:
            content = pickle.dumps(actor_index(entries, labels), pickle.HIGHEST_PROTOCOL)
            kept = self.data["actor_index"] = (key, content)
        return kept[1]

    def backlinks(self, sop_id: str) -> list[ProcedureEntry]:
        """The other SOPs referring to SOP ``sop_id``, by number, then title."""
        return self._backlinks_by_id().get(sop_id, [])

    def _backlinks_by_id(self) -> dict[str, list[ProcedureEntry]]:
        if self._backlinks is None:
            found: dict[str, list[ProcedureEntry]] = {}
            for docname in sorted(self.referrers):
                on_page: dict[str, ProcedureEntry] = {}
                for entry in self.procedures_by_doc.get(docname, []):
                    on_page.setdefault(entry.heading.id, entry)
                for referrer, targets in self.referrers[docname].items():
                    for target in targets - {referrer}:
                        found.setdefault(target, []).append(on_page[referrer])
            for entries in found.values():
                entries.sort(key=lambda entry: (procedure_key(entry.heading), entry.target))
            self._backlinks = found
        return self._backlinks

    def note_procedure(self, procedure: Procedure, anchor: str) -> int:
        """Record an SOP read from ``procedure.docname``; return its index in that page."""
        self._by_id = self._backlinks = None
        entries = self.procedures_by_doc.setdefault(procedure.docname, [])
        entries.append(ProcedureEntry.read(procedure, anchor))
        return len(entries) - 1

    @property
    def handbook_views(self) -> set[str]:
        """The pages holding a view of the handbook's SOPs: a registry, a map, a form …"""
        return self.data["handbook_views"]

    @property
    def summary_views(self) -> set[str]:
        """The pages whose views (registries, maps) show only the SOPs' summaries."""
        return self.data["summary_views"]

    def clear_doc(self, docname: str) -> None:
        self._by_id = self._backlinks = None
        self.procedures_by_doc.pop(docname, None)
        self.references.pop(docname, None)
        self.referrers.pop(docname, None)
        self.handbook_views.discard(docname)
        self.summary_views.discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._by_id = self._backlinks = None
        for docname in docnames:
            if docname in otherdata["procedures"]:
                self.procedures_by_doc[docname] = otherdata["procedures"][docname]
            if docname in otherdata["references"]:
                self.references[docname] = otherdata["references"][docname]
            if docname in otherdata["referrers"]:
                self.referrers[docname] = otherdata["referrers"][docname]
        self.handbook_views.update(docnames & otherdata["handbook_views"])
        self.summary_views.update(docnames & otherdata["summary_views"])

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        xrefs = [
            node
            for node in document.findall(addnodes.pending_xref)
            if node.get("refdomain") == self.name
        ]
        # An ``:any:`` link may lead to an SOP too: its page is rewritten like the others.
        any_targets = [
            node["reftarget"]
            for node in document.findall(addnodes.pending_xref)
            if node.get("reftype") == "any"
        ]
        targets = frozenset(node["reftarget"] for node in xrefs).union(any_targets)
        if targets:
            self.references[docname] = targets
        page_sops = [entry.heading.id for entry in self.procedures_by_doc.get(docname, [])]
        by_sop = _references_by_sop(xrefs, page_sops)
        if by_sop:
            self._backlinks = None
            self.referrers[docname] = by_sop
        views = {view["sop_handbook_view"] for view in document.findall(_is_handbook_view)}
        if views:
            self.handbook_views.add(docname)
        if views == {SUMMARY_VIEW["sop_handbook_view"]}:
            self.summary_views.add(docname)
        # Each sop_procedure node carries its SOP's status: note it on the links inside.
        for procedure in document.findall(_is_procedure):
            for xref in procedure.findall(addnodes.pending_xref):
                xref[SOURCE_STATUS] = procedure["sop_status"]

    def check_consistency(self) -> None:
        """Warn about SOP ids and numbers used twice in the handbook, and SOPs due for review."""
        self._warn_duplicates("id", lambda heading: heading.id)
        # Each office numbers its own SOPs: a number repeats only under one letterhead.
        self._warn_duplicates(
            "number",
            lambda heading: heading.number,
            _letterhead,
        )
        if self.env.config.sop_warn_review_due:
            self._warn_review_due()

    def _warn_review_due(self) -> None:
        """Warn about each SOP in force whose review date is the build's date or earlier."""
        if problem := source_date_problem():
            logger.warning(problem, type="sop", subtype="config")
        today, months = reference_date(), review_months(self.env.config)
        for entry in self.definitions():
            procedure = entry.outline
            basis = last_review(procedure)
            due = review_date(procedure, months)
            if basis is None or due is None or not review_due(procedure, today, months):
                continue
            which = "date revised" if basis is procedure.revised else "effective date"
            logger.warning(
                "the SOP is due for review since %s, %s months (sop_review_months) after its "
                "%s %r: review it, and write the date of the revision in :revised:",
                due.isoformat(),
                months,
                which,
                basis.text,
                location=entry.location,
                type="sop",
                subtype="review",
            )

    def _warn_duplicates(
        self,
        what: str,
        value_of: Callable[[Heading], str],
        scope_of: Callable[[Heading], object] = lambda heading: None,
    ) -> None:
        first: dict[tuple[object, str], ProcedureEntry] = {}
        for entry in self.definitions():
            value = value_of(entry.heading)
            if not value:
                continue
            key = (scope_of(entry.heading), value)
            if key not in first:
                first[key] = entry
                continue
            docname, line = first[key].location
            logger.warning(
                "duplicate SOP %s %r: also used by the SOP at %s:%s; give each SOP its own %s",
                what,
                value,
                self.env.doc2path(docname),
                line,
                f":{what}:",
                location=entry.location,
                type="sop",
                subtype="duplicate",
            )

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        entry = self.procedures().get(target)
        if entry is None:
            return None
        heading = entry.heading
        if typ != SUPERSEDED:
            _warn_if_retired(heading, node)
        if not node.get("refexplicit"):
            text = _replacement_text(heading) if typ == SUPERSEDED else heading.title
            contnode = nodes.inline(text, text, classes=contnode["classes"])
        return make_refnode(
            builder,
            fromdocname,
            heading.docname,
            entry.anchor,
            contnode,
            numbered_title(heading),
        )

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        reference = self.resolve_xref(env, fromdocname, builder, REF, target, node, contnode)
        return [(f"{self.name}:{REF}", reference)] if reference is not None else []

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        """``SOP`` or ``Nomor SOP``, in the label language (not Sphinx's ``SOP SOP``)."""
        return ProjectLabels(self.env.config.sop_labels)(type.lname)

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Every SOP under its id and, for the search page, under its number.

        Full-text search leaves out numbers, so a number is found as an object;
        it is an exact identifier, ranked above pages that merely share its words.
        """
        numbers: set[tuple[object, str]] = set()
        for sop_id, entry in self.procedures().items():
            heading = entry.heading
            yield sop_id, heading.title, SOP, heading.docname, entry.anchor, 1
            number = (_letterhead(heading), heading.number)
            if heading.number and number not in numbers:
                numbers.add(number)
                yield heading.number, heading.number, NUMBER, heading.docname, entry.anchor, 0

    def remember_targets(self) -> None:
        """Note every SOP by id, and each SOP's back-links, before documents are purged
        and read.  The entries of the pages not read again stay the same objects."""
        self._handbook_before_read = dict(self.procedures())
        self._backlinks_before_read = self._backlinks_by_id()

    def documents_to_rewrite(self, views_date: object) -> set[str]:
        """Documents showing what changed since :meth:`remember_targets`.

        Pages whose references changed target, title or status are written again, so no
        page links to a renamed, moved or deleted SOP with stale text, and a link to
        an SOP withdrawn meanwhile warns; pages
        holding an SOP whose back-links changed, so every SOP lists the SOPs
        referring to it now; and the pages showing the handbook's SOPs (registries,
        maps, forms) when the date they tell review dates by (``views_date``) is
        another, or an SOP changed — registries and maps only when what they show of
        it (:func:`view_summary`) changed, so editing a step rewrites none of them.
        """
        before, after = self._handbook_before_read, self.procedures()
        differ = _changed(before, after)
        changed = {
            sop_id
            for sop_id in differ
            if _link_target(before.get(sop_id)) != _link_target(after.get(sop_id))
        }
        backlinks_before, backlinks_after = self._backlinks_before_read, self._backlinks_by_id()
        linked = {
            sop_id
            for sop_id in backlinks_before.keys() | backlinks_after.keys()
            if _links_differ(backlinks_before.get(sop_id, []), backlinks_after.get(sop_id, []))
        }
        rewrite = {docname for docname, targets in self.references.items() if targets & changed}
        rewrite |= {
            docname
            for docname, entries in self.procedures_by_doc.items()
            if any(entry.heading.id in linked for entry in entries)
        }
        if self.data["views_date"] != views_date:
            rewrite |= self.handbook_views
        elif differ:
            summarised = any(
                view_summary(before.get(sop_id)) != view_summary(after.get(sop_id))
                for sop_id in differ
            )
            rewrite |= self.handbook_views - (set() if summarised else self.summary_views)
        self.data["views_date"] = views_date
        return rewrite


def view_summary(entry: ProcedureEntry | None) -> tuple[Any, ...] | None:
    """What a registry or a map may show of an SOP: all of it but its steps' texts.

    Of the steps, their count, their actors and the total time they add up to.
    """
    if entry is None:
        return None
    actors = frozenset(actor for _, names in entry.step_actors for actor in names)
    outline = dataclasses.replace(entry.outline, line=None)
    return entry.anchor, outline, len(entry.step_actors), actors, entry.total


def _references_by_sop(
    xrefs: Iterable[addnodes.pending_xref], page_sops: list[str]
) -> dict[str, frozenset[str]]:
    """The SOP ids each SOP of a page refers to; ``page_sops`` are the ids of its SOPs.

    A reference inside an SOP's block (which carries ``sop_id``) is that SOP's;
    one outside every SOP is each SOP's of the page.  A page without SOPs refers
    on behalf of none.
    """
    found: dict[str, set[str]] = {}
    for xref in xrefs:
        owner = _owner(xref)
        for sop_id in [owner] if owner else page_sops:
            found.setdefault(sop_id, set()).add(xref["reftarget"])
    return {sop_id: frozenset(targets) for sop_id, targets in found.items()}


def _owner(node: nodes.Node) -> str | None:
    """The id of the SOP whose block holds ``node``, if any."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.Element) and parent.get("sop_id"):
            return parent["sop_id"]
        parent = parent.parent
    return None


def _changed(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """The keys whose values differ between ``before`` and ``after`` (the same object
    is the same value, and is not compared)."""
    return {
        key
        for key in before.keys() | after.keys()
        if (value := before.get(key)) is not (other := after.get(key)) and value != other
    }


def _link_target(entry: ProcedureEntry | None) -> tuple[str, ...] | None:
    """What a link to the SOP shows, and its status and replacement: a link to an SOP no
    longer in force warns, naming its replacement."""
    if entry is None:
        return None
    return (*entry.target, entry.heading.status.value, entry.heading.superseded_by)


def _links_differ(before: list[ProcedureEntry], after: list[ProcedureEntry]) -> bool:
    """Whether two lists of back-links show otherwise."""
    return len(before) != len(after) or any(
        old is not new and old.target != new.target for old, new in zip(before, after, strict=True)
    )


def _is_handbook_view(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and node.get("sop_handbook_view", False)


def _is_procedure(node: nodes.Node) -> bool:
    """Whether ``node`` is the block of an SOP (a ``sop_procedure``, with its status)."""
    return isinstance(node, nodes.Element) and "sop_status" in node.attributes


def _warn_if_retired(target: Heading, node: addnodes.pending_xref) -> None:
    """Warn about a link from an SOP in force, or a draft, to one no longer in force."""
    source = node.get(SOURCE_STATUS)
    if source is None or Status(source).retired or not target.status.retired:
        return
    if target.status is Status.WITHDRAWN:
        fix = "link an SOP in force instead, or remove the link"
    elif target.superseded_by:
        fix = f"link {target.superseded_by!r}, which replaces it, instead"
    else:
        fix = "link the SOP that replaces it instead"
    logger.warning(
        "link to an SOP no longer in force: %r (%s) is %s: %s",
        target.id,
        target.title,
        RETIRED_WORDING[target.status],
        fix,
        location=node,
        type="sop",
        subtype="status",
    )


def _replacement_text(heading: Heading) -> str:
    """How a superseded SOP's banner names its replacement: title and number."""
    return f"{heading.title} ({heading.number})" if heading.number else heading.title


def _letterhead(heading: Heading) -> tuple[str, tuple[str, ...]]:
    """The office an SOP belongs to, which numbers its SOPs: agency and unit lines."""
    return heading.agency, heading.unit_lines


def get_domain(env: BuildEnvironment) -> SOPDomain:
    """The ``sop`` domain of ``env``."""
    return env.get_domain(SOPDomain.name)  # type: ignore[return-value]


def register(app: Sphinx) -> None:
    """Add the domain, and rewrite the pages whose SOP references or back-links changed."""
    app.add_domain(SOPDomain)
    app.connect("builder-inited", title_actor_index)
    app.connect("env-get-outdated", remember_reference_targets)
    app.connect("env-updated", documents_to_rewrite)
    app.connect("env-updated", keep_actor_index)


def title_actor_index(app: Sphinx) -> None:
    """Give the actor index its titles in the project's labels; ``:ref:`sop-actors``` shows them.

    The domain's index is a subclass of :class:`ActorIndex` with the titles, as
    Sphinx reads an index's titles from its class.
    """
    labels = ProjectLabels(app.config.sop_labels)
    titles = {"localname": labels("Actor index"), "shortname": labels("actors")}
    domain = get_domain(app.env)
    titled = type(ActorIndex.__name__, (ActorIndex,), titles)
    domain.indices = [titled if index is ActorIndex else index for index in domain.indices]
    domain.setup()


def remember_reference_targets(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Before documents are purged and read, note what each SOP id points to."""
    get_domain(env).remember_targets()
    return []


def documents_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading, the pages showing SOPs that changed (links, registries, maps)."""
    rewrite = get_domain(env).documents_to_rewrite(reference_date())
    return sorted(rewrite & env.all_docs.keys())


def keep_actor_index(app: Sphinx, env: BuildEnvironment) -> None:
    """After reading, make the actor index again if what it shows changed, so the
    environment keeps it for the builds after: unchanged, it is not made again."""
    get_domain(env).keep_actor_index(ProjectLabels(app.config.sop_labels))

"""The directives drawing the handbook as a whole: ``sop-registry``, ``sop-map`` and
``sop-changes``.

They only read their options; the registry, the map and the list of changes are
filled in when a page is written, from every SOP the handbook holds then.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import TypeVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import docname_join, logging
from sphinx.util.docutils import SphinxDirective

from ..core.model import Status
from ..core.options import option_lines, split_actors
from ..core.registry import (
    COLUMN_ALIASES,
    REVIEW_DUE,
    SORT_ALIASES,
    RegistryColumn,
    RegistryQuery,
    RegistrySort,
)
from ..core.status import STATUS_WORDS
from ..doctree.nodes import sop_changes, sop_map, sop_registry
from ..domain import HANDBOOK_VIEW, SUMMARY_VIEW
from .base import written_text

logger = logging.getLogger(__name__)

Choice = TypeVar("Choice")

#: ``:status:`` words beyond the statuses: SOPs due for review, and every SOP.
REVIEW_WORDS = (REVIEW_DUE, "perlu-ditinjau")
ALL_WORDS = ("all", "semua")
GROUPS = ("unit", "unit-kerja")


def warn_about_option(directive: SphinxDirective, option: str, message: str) -> None:
    """Warn about ``option``'s value at the line it is written on."""
    lines = option_lines(written_text(directive), directive.lineno, directive.options)
    logger.warning(
        message,
        location=(directive.env.docname, lines.get(option) or directive.lineno),
        type="sop",
        subtype="option",
    )


def unit_names(value: str) -> tuple[str, ...]:
    """Unit names: one per line, or separated by ``;`` (a unit name may hold a comma)."""
    names = (" ".join(name.split()) for name in re.split(r"[;\n]", value))
    return tuple(dict.fromkeys(name for name in names if name))


class HandbookDirective(SphinxDirective):
    """A directive with options only, each checked with a warning at its own line."""

    has_content = False

    def choices(
        self,
        option: str,
        words: Iterable[str],
        known: dict[str, Choice],
        what: str,
    ) -> list[Choice]:
        """The known values among ``words``; each unknown one warns with the closest value."""
        chosen: list[Choice] = []
        for word in words:
            key = "-".join(word.casefold().split())
            if key in known:
                chosen.append(known[key])
                continue
            close = difflib.get_close_matches(key, list(known), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            warn_about_option(
                self,
                option,
                f":{option}: {word!r} is not {what}: {hint}write one of "
                f"{', '.join(repr(name) for name in known)} (it is left out meanwhile)",
            )
        return list(dict.fromkeys(chosen))

    def pages(self) -> tuple[str, ...]:
        """``:pages:``: page patterns, relative to this page's folder unless they start with /."""
        written = re.split(r"[,\s]+", self.options.get("pages") or "")
        return tuple(docname_join(self.env.docname, pattern) for pattern in written if pattern)

    def located(self, node: nodes.Element) -> nodes.Element:
        self.set_source_info(node)
        return node


class RegistryDirective(HandbookDirective):
    """``.. sop-registry::``: the registry (*Daftar SOP*) of the handbook's SOPs."""

    option_spec = {
        "pages": directives.unchanged,
        "unit": directives.unchanged,
        "actor": directives.unchanged,
        "status": directives.unchanged,
        "columns": directives.unchanged,
        "sort": directives.unchanged,
        "group-by": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        statuses = self._statuses()
        query = RegistryQuery(
            pages=self.pages(),
            units=unit_names(self.options.get("unit") or ""),
            actors=tuple(split_actors(self.options.get("actor") or "")),
            statuses=frozenset(status for status in statuses if isinstance(status, Status)),
            review_due=REVIEW_DUE in statuses,
            columns=self._columns(),
            sort=self._sort(),
            group_by_unit=self._group_by_unit(),
        )
        classes = ["sop-registry-view", *self.options.get("class", [])]
        return [self.located(sop_registry(query=query, classes=classes, **SUMMARY_VIEW))]

    def _statuses(self) -> list[Status | str]:
        known: dict[str, Status | str] = {
            **STATUS_WORDS,
            **dict.fromkeys(REVIEW_WORDS, REVIEW_DUE),
            **dict.fromkeys(ALL_WORDS, "all"),
        }
        chosen = self.choices("status", _words(self.options.get("status")), known, "a status")
        if "all" in chosen:
            return [*Status, *(word for word in chosen if word == REVIEW_DUE)]
        return chosen

    def _columns(self) -> tuple[RegistryColumn, ...]:
        known = {**{column.value: column for column in RegistryColumn}, **COLUMN_ALIASES}
        written = self.options.get("columns")
        chosen = self.choices("columns", _words(written), known, "a registry column")
        return tuple(chosen) or RegistryQuery.columns

    def _sort(self) -> RegistrySort:
        known = {**{order.value: order for order in RegistrySort}, **SORT_ALIASES}
        chosen = self.choices("sort", _words(self.options.get("sort")), known, "an order")
        return chosen[0] if chosen else RegistrySort.NUMBER

    def _group_by_unit(self) -> bool:
        known = dict.fromkeys(GROUPS, True)
        return bool(
            self.choices("group-by", _words(self.options.get("group-by")), known, "a group")
        )


class MapDirective(HandbookDirective):
    """``.. sop-map::``: how the handbook's SOPs relate, drawn by Graphviz."""

    option_spec = {
        "pages": directives.unchanged,
        "unit": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        units = unit_names(self.options.get("unit") or "")
        classes = ["sop-map", *self.options.get("class", [])]
        node = sop_map(units=units, pages=self.pages(), classes=classes, **SUMMARY_VIEW)
        return [self.located(node)]


class ChangesDirective(HandbookDirective):
    """``.. sop-changes::``: the SOPs this edition added, withdrew, superseded and changed."""

    option_spec = {
        "since": directives.unchanged,
        "pages": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        since = " ".join((self.options.get("since") or "").split())
        classes = ["sop-changes", *self.options.get("class", [])]
        node = sop_changes(since=since, pages=self.pages(), classes=classes, **HANDBOOK_VIEW)
        return [self.located(node)]


def _words(value: str | None) -> list[str]:
    """The values of an option listing several, separated by commas or spaces."""
    return [word for word in re.split(r"[,\s]+", value or "") if word]

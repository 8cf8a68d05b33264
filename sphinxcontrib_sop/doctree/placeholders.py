"""The nodes the extension fills in when a page is written, found in one walk of the page.

Several ``doctree-resolved`` handlers each fill nodes of their own kinds (the
registry, the forms, the maps, the back-links, the Graphviz views, the
histories).  Each walking the whole page for them would walk every page of the
handbook once per handler; :func:`placeholders` walks a page once, the first
time a handler asks, and keeps the nodes of every kind for the others.

This holds because no handler adds or removes nodes of a kind another fills.
Only the page last walked is remembered: the nodes found hold their page, which
must be let go once it is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from docutils import nodes

from .nodes import (
    sop_backlinks,
    sop_changes,
    sop_diff,
    sop_forms,
    sop_graphviz,
    sop_history,
    sop_map,
    sop_registry,
)

#: The kinds of nodes filled when a page is written.
KINDS: tuple[type[nodes.Element], ...] = (
    sop_registry,
    sop_forms,
    sop_map,
    sop_backlinks,
    sop_graphviz,
    sop_history,
    sop_diff,
    sop_changes,
)

Kind = TypeVar("Kind", bound=nodes.Element)

Found = dict[type[nodes.Element], list[nodes.Element]]


@dataclass
class _LastWalk:
    """The page last walked and its nodes of each kind, in document order."""

    page: nodes.Node | None = None
    found: Found = field(default_factory=dict)


_last = _LastWalk()


def placeholders(doctree: nodes.Node, kind: type[Kind]) -> list[Kind]:
    """The nodes of ``kind`` in ``doctree``, in document order."""
    if _last.page is not doctree:
        _last.page, _last.found = doctree, _walk(doctree)
    return list(_last.found[kind])  # type: ignore[arg-type]


def _walk(doctree: nodes.Node) -> Found:
    """Every node of :data:`KINDS` in ``doctree``, by kind, in the order ``findall`` gives."""
    found: Found = {kind: [] for kind in KINDS}
    waiting = [doctree]
    while waiting:
        node = waiting.pop()
        if isinstance(node, KINDS):
            for kind in KINDS:
                if isinstance(node, kind):
                    found[kind].append(node)
        if isinstance(node, nodes.Element):
            waiting.extend(reversed(node.children))
    return found

"""The decree in LaTeX: a decree right under section headings takes them to its page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...doctree.nodes import sop_page_break

#: What may stand between a decree and the page break before its headings: sections,
#: and the wrappers of a document included by a toctree in the LaTeX build.
WRAPPERS = (nodes.section, nodes.compound, addnodes.start_of_file)


class HeadingsOnDecreePage(SphinxPostTransform):
    """LaTeX: a decree right under section headings breaks the page before the headings.

    Otherwise they would stay alone at the foot of the page before.
    """

    default_priority = 200
    builders = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for ancestors, decree in list(_decrees(self.document)):
            start = decree
            while isinstance(ancestors[-1], WRAPPERS) and _opens(ancestors[-1], start):
                start = ancestors.pop()
            if start is not decree:
                parent = ancestors[-1]
                parent.insert(parent.children.index(start), decree.pop(0))


def _decrees(
    node: nodes.Element, ancestors: tuple[nodes.Element, ...] = ()
) -> Iterator[tuple[list[nodes.Element], nodes.container]]:
    """Each decree with its ancestors, read from the children lists: the LaTeX
    builder's toctree inlining leaves stale ``parent`` links."""
    for child in node.children:
        if not isinstance(child, nodes.Element):
            continue
        if (
            "sop-decree" in child["classes"]
            and child.children
            and isinstance(child[0], sop_page_break)
        ):
            yield [*ancestors, node], child
        else:
            yield from _decrees(child, (*ancestors, node))


def _opens(parent: nodes.Element, node: nodes.Element) -> bool:
    """Whether ``node`` comes first in ``parent``, after nothing but titles and targets."""
    above = parent.children[: parent.children.index(node)]
    return all(isinstance(sibling, (nodes.title, nodes.Invisible)) for sibling in above)

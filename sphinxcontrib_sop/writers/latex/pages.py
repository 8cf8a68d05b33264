"""New pages in LaTeX: a part that starts a page takes the headings it opens along.

An SOP and the decree each start on a new page in print: their first child is a
``sop_page_break``.  Right under a section heading, that break would leave the
heading alone at the foot of the page before; so the break goes before the
headings the part opens (its section's, and those of the sections that section
opens).  A part after other content breaks the page right before itself, ahead
of the labels that point to it, so that links land on its page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...doctree.nodes import sop_page_break

#: What may stand between a part and the page break before its headings: sections,
#: and the wrappers of a document included by a toctree in the LaTeX build.
WRAPPERS = (nodes.section, nodes.compound, addnodes.start_of_file)


class PageBreakBeforeHeadings(SphinxPostTransform):
    """LaTeX: the page break that starts a part goes before the headings it opens."""

    default_priority = 200
    builders = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for ancestors, part in list(_parts_on_new_pages(self.document)):
            start = part
            while isinstance(ancestors[-1], WRAPPERS) and _opens(ancestors[-1], start):
                start = ancestors.pop()
            parent = ancestors[-1]
            index = parent.children.index(start)
            while index and isinstance(parent[index - 1], nodes.target):
                index -= 1
            parent.insert(index, part.pop(0))


def _parts_on_new_pages(
    node: nodes.Element, ancestors: tuple[nodes.Element, ...] = ()
) -> Iterator[tuple[list[nodes.Element], nodes.Element]]:
    """Each part that starts with a page break, with its ancestors, read from the
    children lists: the LaTeX builder's toctree inlining leaves stale ``parent`` links."""
    for child in node.children:
        if not isinstance(child, nodes.Element):
            continue
        if child.children and isinstance(child[0], sop_page_break):
            yield [*ancestors, node], child
        yield from _parts_on_new_pages(child, (*ancestors, node))


def _opens(parent: nodes.Element, node: nodes.Element) -> bool:
    """Whether ``node`` comes first in ``parent``, after nothing but titles and targets."""
    above = parent.children[: parent.children.index(node)]
    return all(isinstance(sibling, (nodes.title, nodes.Invisible)) for sibling in above)

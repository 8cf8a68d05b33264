"""Link targets in LaTeX: the places that ``:sop:ref:``, ``:related:`` and ``:ref:`` jump to.

The ``sop`` domain links to an SOP by the anchor in the ids of its
``sop_procedure`` node, the list of an edition's changes to its history and
its diff by theirs, and a named step table keeps its ids on the steps
table; Sphinx's LaTeX writer labels none of these (it labels only the nodes it knows),
so these visitors write the labels as Sphinx writes them for its own nodes.  An
id that a target right before the node already labels (``.. _name:`` above an
SOP) is not labelled twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator


def visit_procedure(translator: LaTeXTranslator, node: nodes.Element) -> None:
    """An SOP: its class environment, then its labels, at the top of its first page."""
    visit_labelled(translator, node)


def depart_procedure(translator: LaTeXTranslator, node: nodes.Element) -> None:
    translator.depart_container(node)


def visit_labelled(translator: LaTeXTranslator, node: nodes.Element) -> None:
    """A container others link to (an SOP, its history): its class environment, its labels."""
    translator.visit_container(node)
    translator.body.append(f"\n{hypertargets(translator, node, node['ids'])}\n")


#: The visitors of a container others link to: its labels at its start.
LABELLED = (visit_labelled, depart_procedure)


def hypertargets(translator: LaTeXTranslator, node: nodes.Element, ids: Iterable[str]) -> str:
    """An anchor here with a label for each of ``ids`` not labelled by a target above ``node``."""
    labelled = {target.get("refid") for target in _targets_before(node)}
    labels = "".join(
        translator.hypertarget(id_, anchor=False) for id_ in ids if id_ not in labelled
    )
    return rf"\phantomsection{labels}" if labels else ""


def _targets_before(node: nodes.Element) -> Iterator[nodes.target]:
    """The targets standing right before ``node``, nearest first."""
    parent = node.parent
    if parent is None or node not in parent.children:
        return
    for sibling in reversed(parent.children[: parent.children.index(node)]):
        if not isinstance(sibling, nodes.target):
            return
        yield sibling

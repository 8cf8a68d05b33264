"""An SOP's status in print: its banner framed above the identity table, the draft mark.

A draft is marked on every page it prints on, its identity page and its
landscape flowchart pages alike.  Where a draft starts, it sets a LaTeX page
mark (of the class ``sopstatus``); where it ends, it clears it; the support
package draws the mark on each page where a draft starts, goes on or ends.
Page marks, unlike a flag switched on and off, also mark the page on which a
draft ends and other text follows, for that page is shipped out after the end.
The package also has an older longtable read the marks of the pages it ships
itself, as where a draft's identity table runs onto a second page.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from ...core.model import Status
from .markers import wrapped
from .targets import depart_procedure as depart_targets
from .targets import visit_procedure as visit_targets

#: The banner of an SOP not in force: framed, across the text width.
BANNER = wrapped(r"\begin{sopstatusbanner}", r"\end{sopstatusbanner}")


def visit_procedure(translator: LaTeXTranslator, node: nodes.Element) -> None:
    """An SOP: its link targets; a draft's mark on the pages from here on."""
    visit_targets(translator, node)
    if _is_draft(node):
        translator.body.append("\n\\sopdraftstart\n")


def depart_procedure(translator: LaTeXTranslator, node: nodes.Element) -> None:
    """The end of an SOP: no draft's mark on the pages after it."""
    if _is_draft(node):
        translator.body.append("\n\\sopdraftend\n")
    depart_targets(translator, node)


def _is_draft(node: nodes.Element) -> bool:
    return node["sop_status"] == Status.DRAFT.value

"""HTML: the official flowchart drawn in SVG, the Graphviz picture, the stylesheet."""

from __future__ import annotations

from sphinx.application import Sphinx

from ...doctree.nodes import sop_flowchart, sop_graphviz, sop_page_break, sop_signature_space
from ..dot.pictures import depart_picture
from .assets import add_stylesheet, copy_stylesheet
from .flowchart import visit_flowchart
from .graphviz import visit_graphviz
from .markers import skip, visit_signature_space

#: The visitors of the HTML builders, by node.
VISITORS = {
    sop_flowchart: (visit_flowchart, None),
    sop_graphviz: (visit_graphviz, depart_picture),
    sop_page_break: (skip, None),
    sop_signature_space: (visit_signature_space, None),
}


def register(app: Sphinx) -> None:
    """Link and copy the stylesheet."""
    app.connect("builder-inited", add_stylesheet)
    app.connect("build-finished", copy_stylesheet)

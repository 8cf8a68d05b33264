"""HTML: the flowchart in SVG, Graphviz pictures, the registry, the editions' switcher,
what changed between editions, the assets."""

from __future__ import annotations

from sphinx.application import Sphinx

from ...doctree.nodes import (
    sop_deleted,
    sop_fill_in,
    sop_flowchart,
    sop_graphviz,
    sop_inserted,
    sop_line_break_opportunity,
    sop_map,
    sop_page_break,
    sop_registry,
    sop_registry_row,
    sop_signature_space,
)
from ..dot.pictures import depart_picture
from .assets import add_stylesheet, copy_static_files
from .changes import depart_deleted, depart_inserted, visit_deleted, visit_inserted
from .editions import add_edition_parts
from .flowchart import visit_flowchart
from .forms import visit_fill_in
from .graphviz import visit_graphviz
from .markers import skip, visit_line_break_opportunity, visit_signature_space
from .registry import (
    add_script,
    depart_registry,
    depart_registry_row,
    visit_registry,
    visit_registry_row,
)

#: The visitors of the HTML builders, by node.
VISITORS = {
    sop_flowchart: (visit_flowchart, None),
    sop_graphviz: (visit_graphviz, depart_picture),
    sop_map: (visit_graphviz, depart_picture),
    sop_registry: (visit_registry, depart_registry),
    sop_registry_row: (visit_registry_row, depart_registry_row),
    sop_page_break: (skip, None),
    sop_signature_space: (visit_signature_space, None),
    sop_line_break_opportunity: (visit_line_break_opportunity, None),
    sop_deleted: (visit_deleted, depart_deleted),
    sop_inserted: (visit_inserted, depart_inserted),
    sop_fill_in: (visit_fill_in, None),
}


def register(app: Sphinx) -> None:
    """Link the stylesheet from every page and the registry's script from its pages; copy them.
    Write the site's editions on every page of an edition.
    """
    app.connect("builder-inited", add_stylesheet)
    app.connect("builder-inited", copy_static_files)
    app.connect("html-page-context", add_script)
    app.connect("html-page-context", add_edition_parts)

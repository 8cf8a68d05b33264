"""LaTeX: the printed SOP manual."""

from __future__ import annotations

from sphinx.application import Sphinx

from ...doctree.nodes import (
    sop_centred,
    sop_checkbox,
    sop_deleted,
    sop_diff,
    sop_fill_in,
    sop_flowchart,
    sop_form,
    sop_graphviz,
    sop_history,
    sop_identity,
    sop_inserted,
    sop_line_break_opportunity,
    sop_map,
    sop_page_break,
    sop_procedure,
    sop_signature_block,
    sop_signature_space,
    sop_small_print,
    sop_status_banner,
)
from ..dot.pictures import depart_picture
from .changes import visit_deleted, visit_inserted
from .flowchart import visit_flowchart
from .forms import FORM, visit_checkbox, visit_fill_in
from .graphviz import visit_graphviz
from .identity import visit_identity
from .manual import register_latex_manual
from .markers import (
    CENTRED,
    SIGNATURE_BLOCK,
    SMALL_PRINT,
    visit_line_break_opportunity,
    visit_page_break,
    visit_signature_space,
)
from .pages import PageBreakBeforeHeadings
from .single import register as register_single_documents
from .status import BANNER, depart_procedure, visit_procedure
from .targets import LABELLED

#: The visitors of the LaTeX builder, by node.
VISITORS = {
    sop_procedure: (visit_procedure, depart_procedure),
    sop_status_banner: BANNER,
    sop_flowchart: (visit_flowchart, None),
    sop_identity: (visit_identity, None),
    sop_graphviz: (visit_graphviz, depart_picture),
    sop_map: (visit_graphviz, depart_picture),
    sop_page_break: (visit_page_break, None),
    sop_signature_space: (visit_signature_space, None),
    sop_line_break_opportunity: (visit_line_break_opportunity, None),
    sop_small_print: SMALL_PRINT,
    sop_centred: CENTRED,
    sop_signature_block: SIGNATURE_BLOCK,
    sop_history: LABELLED,
    sop_diff: LABELLED,
    sop_deleted: (visit_deleted, None),
    sop_inserted: (visit_inserted, None),
    sop_form: FORM,
    sop_checkbox: (visit_checkbox, None),
    sop_fill_in: (visit_fill_in, None),
}


def register(app: Sphinx) -> None:
    """Add the manual's package, the page breaks before the headings of SOPs and decrees,
    and a document of its own for each SOP."""
    register_latex_manual(app)
    app.add_post_transform(PageBreakBeforeHeadings)
    register_single_documents(app)

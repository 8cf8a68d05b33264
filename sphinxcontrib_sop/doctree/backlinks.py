"""Back-links: under each SOP, the SOPs that refer to it.

The ``sop_backlinks`` placeholder after an SOP's content is filled when its
page is written (``doctree-resolved``), from what the ``sop`` domain knows
then, so the list is current in every builder; the domain has the pages whose
back-links changed written again on an incremental build.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

from ..core.wording import numbered_title
from ..domain import ProcedureEntry, get_domain
from ..i18n.labels import ProjectLabels
from .nodes import sop_backlinks
from .placeholders import placeholders


def fill_backlinks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """List the referring SOPs in each placeholder of ``doctree``; drop those with none.

    Links are made from the placeholder's own page: in LaTeX and single-page
    HTML, ``doctree`` is the whole book, and ``docname`` its first page.
    """
    domain = get_domain(app.env)
    labels = ProjectLabels(app.config.sop_labels)
    for placeholder in placeholders(doctree, sop_backlinks):
        referrers = domain.backlinks(placeholder["sop_id"])
        if not referrers:
            placeholder.parent.remove(placeholder)
            continue
        placeholder += nodes.rubric("", labels("Referenced by"))
        placeholder += nodes.bullet_list(
            "",
            *(_item(app.builder, placeholder["docname"], referrer) for referrer in referrers),
        )


def _item(builder: Builder, docname: str, referrer: ProcedureEntry) -> nodes.list_item:
    """A link to the referring SOP: its number and title.

    An SOP whose page the output leaves out (a LaTeX document of other pages) is
    named without a link, as Sphinx does with references to it.
    """
    heading = referrer.heading
    text = numbered_title(heading)
    name = nodes.inline(text, text)
    try:
        link = make_refnode(builder, docname, heading.docname, referrer.anchor, name)
    except NoUri:
        link = name
    return nodes.list_item("", nodes.paragraph("", "", link))


def register(app: Sphinx) -> None:
    """Fill the back-links of each page as it is written."""
    app.connect("doctree-resolved", fill_backlinks)

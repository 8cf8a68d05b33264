"""Every doctree node of the extension.

They subclass standard docutils nodes, so a builder that has no visitor of its
own for them (XML, a third-party builder, …) writes them as their base node.  The
writers (:mod:`sphinxcontrib_sop.writers`) give each format its visitors.
"""

from __future__ import annotations

from docutils import nodes


class sop_procedure(nodes.container):  # noqa: N801 (docutils naming)
    """One SOP: its identity table, the writer's prose and its steps.

    ``sop_id`` names the SOP in the ``sop`` domain.
    """


class sop_identity(nodes.container):  # noqa: N801
    """Wraps the identity table; LaTeX writes it in the printed layout."""


class sop_flowchart(nodes.container):  # noqa: N801
    """The flowchart of one SOP; its child is the plain steps table.

    ``sop_docname`` and ``sop_index`` find the SOP's model in the ``sop`` domain.
    """


class sop_graphviz(nodes.General, nodes.Element):  # noqa: N801
    """The Graphviz flowchart of one SOP.

    ``dot`` is its DOT source, ``sop_id`` the SOP's id and ``caption`` the
    printed caption (label and SOP title).  Its one child is the description of
    the flow in words, written by builders that show no picture.
    """

    @property
    def description(self) -> nodes.container:
        """The description of the flow, as plain docutils nodes."""
        return self.children[0]


# -- layout markers: how a part is set on the page ------------------------------


class sop_page_break(nodes.container):  # noqa: N801
    """A new page in print (before each SOP, around the decree); nothing on screen."""


class sop_signature_space(nodes.container):  # noqa: N801
    """Blank room for a handwritten signature, in an approval or signature block."""


class sop_small_print(nodes.container):  # noqa: N801
    """Content set in a smaller type in print (the steps table)."""


class sop_centred(nodes.container):  # noqa: N801
    """Content centred in print (the decree's heading; HTML centres it by its class)."""


class sop_signature_block(nodes.container):  # noqa: N801
    """A signature block on the right half of the page, in print (the decree's)."""


#: Every node class, for registering them with Sphinx.
NODES = (
    sop_procedure,
    sop_identity,
    sop_flowchart,
    sop_graphviz,
    sop_page_break,
    sop_signature_space,
    sop_small_print,
    sop_centred,
    sop_signature_block,
)

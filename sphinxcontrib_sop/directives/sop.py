"""The ``sop`` directive: one Standard Operating Procedure.

Reading the SOP is :class:`~.sop_reader.SOPReader`'s job, building its doctree
:func:`~sphinxcontrib_sop.doctree.procedure.procedure_node`'s; the directive
reports the problems and stores the SOP in the ``sop`` domain.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.nodes import make_id

from ..core.options import OPTION_ALIASES
from ..doctree.nodes import sop_graphviz
from ..doctree.procedure import Place, procedure_node
from ..domain import get_domain
from .base import OptionsDirective, aliased_option_spec
from .sop_reader import SOPReader


class SOPDirective(OptionsDirective):
    """``.. sop:: Title`` with identity options and a step table in its body."""

    option_aliases = OPTION_ALIASES
    option_spec = aliased_option_spec(OPTION_ALIASES)

    def run(self) -> list[nodes.Node]:
        self.read_options()
        reader = SOPReader(self)
        sop = reader.read()
        self.report(self.problems)
        procedure = sop.procedure
        anchor = make_id(self.env, self.state.document, "sop", procedure.id)
        index = get_domain(self.env).note_procedure(procedure, anchor)
        node = procedure_node(sop, Place(self.env.docname, index, anchor), self.labels)
        for located in (node, *node.findall(sop_graphviz)):
            self.set_source_info(located)
        self.state.document.note_explicit_target(node, node)
        return [node, *self.messages]

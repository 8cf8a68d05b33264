"""Doctree nodes of the extension.

They subclass standard docutils nodes, so a builder that has no visitor of its
own for them (man, texinfo, XML, …) writes them as their base node.
"""

from __future__ import annotations

from docutils import nodes


class sop_procedure(nodes.container):  # noqa: N801 (docutils naming)
    """One SOP: its identity table, the writer's prose and its steps.

    ``sop_id`` names the SOP in the ``sop`` domain.
    """

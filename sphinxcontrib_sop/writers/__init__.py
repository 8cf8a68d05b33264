"""Writing the doctree per output format: HTML, LaTeX, plain text, Graphviz pictures, and the
handbook's data as JSON."""

from __future__ import annotations

from sphinx.application import Sphinx

from ..doctree.nodes import NODES, sop_steps
from . import dot, html, latex, plain, sopjson

#: Each builder (or format) name and the visitors its writer gives, by node.
FORMAT_VISITORS = (
    ("html", html.VISITORS),
    ("latex", latex.VISITORS),
    *((builder, plain.VISITORS) for builder in plain.BUILDERS),
)


def register(app: Sphinx) -> None:
    """Register every node once, with the visitors each writer gives it; then each writer.

    The written steps are numbered (``numfig``) as the table they become.
    """
    for node_class in NODES:
        visitors = {
            builder: by_node[node_class]
            for builder, by_node in FORMAT_VISITORS
            if node_class in by_node
        }
        if node_class is sop_steps:
            app.add_enumerable_node(node_class, "table", **visitors)
        else:
            app.add_node(node_class, **visitors)
    for writer in (html, latex, plain, dot, sopjson):
        writer.register(app)

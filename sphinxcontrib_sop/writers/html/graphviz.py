"""The Graphviz flowchart in HTML: the SVG inline, in a captioned figure.

HTML embeds the SVG in the page rather than linking it with ``<img>``: its text
stays selectable and found by the browser's search, it scales with the page's
fonts and width, and a single-page or offline copy needs no other file.  The
rendered files are a cache in the doctree folder, not published.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ...doctree.nodes import sop_graphviz, sop_map
from ..dot.pictures import picture


def visit_graphviz(self: HTML5Translator, node: sop_graphviz | sop_map) -> None:
    """The SVG inline in a ``<figure>``; the description if it cannot be drawn."""
    path = picture(self.builder, node)
    if path is None:
        return  # the node's child, the description, is written instead
    classes = ["sop-graphviz", *node["classes"]]
    self.body.append(svg_figure(path.read_text(encoding="utf-8"), node["caption"], classes))
    raise nodes.SkipNode


def svg_figure(svg: str, caption: str, classes: list[str]) -> str:
    """Graphviz's SVG file as HTML: without the XML prolog, in a captioned figure."""
    start = svg.find("<svg")
    return (
        f'<figure class="{html.escape(" ".join(classes))}">\n<div class="sop-graphviz-scroll">\n'
        f"{svg[start:].strip()}\n</div>\n"
        f"<figcaption>{html.escape(caption)}</figcaption>\n</figure>\n"
    )

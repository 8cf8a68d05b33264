"""The forms in HTML: a line to write on is an empty span, drawn by the stylesheet."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator


def visit_fill_in(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append('<span class="sop-fill-in"></span>')
    raise nodes.SkipNode

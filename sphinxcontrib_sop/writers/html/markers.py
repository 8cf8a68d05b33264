"""The layout markers in HTML: room to sign, where a word may break; page breaks are for print."""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator


def visit_signature_space(self: HTML5Translator, node: nodes.Element) -> None:
    classes = " ".join(["sop-signature-space", *node["classes"]])
    self.body.append(f'<div class="{escape(classes)}"></div>')
    raise nodes.SkipNode


def skip(self: HTML5Translator, node: nodes.Element) -> None:
    raise nodes.SkipNode


def visit_line_break_opportunity(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("<wbr>")
    raise nodes.SkipNode

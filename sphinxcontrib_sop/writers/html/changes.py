"""What changed between editions, in HTML: deleted words in ``<del>``, inserted in ``<ins>``."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator


def visit_deleted(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "del", ""))


def depart_deleted(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</del>")


def visit_inserted(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "ins", ""))


def depart_inserted(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</ins>")

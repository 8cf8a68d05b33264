"""Writing LaTeX to strings: content for the hand-built tables and captions, templates."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator


def content_latex(translator: LaTeXTranslator, node: nodes.Element) -> str:
    """The LaTeX of a node's content (a cell, a caption), written by the translator itself.

    Inline markup, links and lists keep working; the text is taken back out of
    the translator's body, to be placed where the caller's table needs it.
    """
    start = len(translator.body)
    for child in node.children:
        child.walkabout(translator)
    text = "".join(translator.body[start:]).strip()
    del translator.body[start:]
    return text


def fill(template: str, **values: str) -> str:
    """``template`` with each ``@NAME@`` replaced (TeX is full of ``%`` and braces).

    One pass: a value is never searched for names itself.
    """
    return re.sub(r"@([A-Z_]+)@", lambda name: values.get(name[1], name[0]), template)

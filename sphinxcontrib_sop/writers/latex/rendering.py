"""Writing a cell's content to a string, for the hand-built tables of the manual."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator


def cell_latex(translator: LaTeXTranslator, entry: nodes.entry) -> str:
    """The LaTeX of a cell's content, written by the translator itself.

    Inline markup, links and lists keep working; the text is taken back out of
    the translator's body, to be placed where the caller's table needs it.
    """
    start = len(translator.body)
    for child in entry.children:
        child.walkabout(translator)
    text = "".join(translator.body[start:]).strip()
    del translator.body[start:]
    return text

"""The forms in LaTeX: rows with room to write in, boxes to tick drawn, lines to write
on dotted."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from .markers import wrapped

#: A square to tick, drawn with rules: no font needs a ballot-box glyph.
CHECKBOX = (
    r"\raisebox{-0.25ex}{\setlength{\fboxsep}{0pt}\setlength{\fboxrule}{0.5pt}"
    r"\fbox{\rule{0pt}{1.6ex}\rule{1.6ex}{0pt}}}"
)

#: A form's rows are taller than text needs: there is handwriting to fit in.
FORM = wrapped(r"\begingroup\renewcommand{\arraystretch}{1.8}", r"\endgroup")


def visit_checkbox(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(CHECKBOX)
    raise nodes.SkipNode


def visit_fill_in(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(r"\dotfill{}")
    raise nodes.SkipNode

"""The layout markers in LaTeX: page breaks, room to sign, small print, centred blocks."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

#: The height left blank for a handwritten signature.
SIGNATURE_SPACE = "1.8cm"
#: The decree's signature block: the right half of the line, below the text.
SIGNATURE_BLOCK_START = (
    r"\par\vspace{1.5\baselineskip}\noindent\hfill"
    r"\begin{minipage}[t]{0.5\linewidth}\raggedright"
)
SIGNATURE_BLOCK_END = r"\end{minipage}\par"


def _line(code: str) -> str:
    """``code`` on a line of its own, as Sphinx writes a block of raw LaTeX."""
    return f"\n{code}\n"


def visit_page_break(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(_line(r"\clearpage"))
    raise nodes.SkipNode


def visit_signature_space(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(_line(rf"\vspace{{{SIGNATURE_SPACE}}}"))
    raise nodes.SkipNode


def wrapped(start: str, end: str) -> tuple:
    """Visitors writing a container between the LaTeX ``start`` and ``end``."""

    def visit(self: LaTeXTranslator, node: nodes.Element) -> None:
        self.visit_container(node)
        self.body.append(_line(start))

    def depart(self: LaTeXTranslator, node: nodes.Element) -> None:
        self.body.append(_line(end))
        self.depart_container(node)

    return visit, depart


SMALL_PRINT = wrapped(r"\begingroup\footnotesize", r"\endgroup")
CENTRED = wrapped(r"\begin{center}", r"\end{center}")
SIGNATURE_BLOCK = wrapped(SIGNATURE_BLOCK_START, SIGNATURE_BLOCK_END)


def visit_line_break_opportunity(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(r"\allowbreak{}")
    raise nodes.SkipNode

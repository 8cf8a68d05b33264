"""The Graphviz flowchart in LaTeX: the PDF, centred, with its caption below."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from ...doctree.nodes import sop_graphviz, sop_map
from ..dot.pictures import picture

#: The LaTeX of the picture: scaled down to the line width and 90 % of the page
#: height (never enlarged), centred, with its caption below.
LATEX_FIGURE = r"""
\begin{center}
\expandafter\ifx\csname spx@image@maxheight\endcsname\relax\else
\ifdim\csname spx@image@maxheight\endcsname>0.9\textheight
\csname spx@image@maxheight\endcsname=0.9\textheight\fi\fi
\sphinxincludegraphics{%s}\par
{\small %s}
\end{center}
"""


def visit_graphviz(self: LaTeXTranslator, node: sop_graphviz | sop_map) -> None:
    """The PDF, included in a centred block with its caption."""
    path = picture(self.builder, node)
    if path is None:
        return
    self.body.append(LATEX_FIGURE % (path.name, self.encode(node["caption"])))
    raise nodes.SkipNode

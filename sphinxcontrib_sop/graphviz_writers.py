"""Writing the Graphviz flowchart: inline SVG in HTML, a PDF in LaTeX, words elsewhere.

HTML embeds the SVG in the page rather than linking it with ``<img>``: its text
stays selectable and found by the browser's search, it scales with the page's
fonts and width, and a single-page or offline copy needs no other file.  The
rendered file in ``_images`` is the cache and can be opened on its own.

Builders that cannot show the picture — text, man, Texinfo, XML, … — and every
builder when ``dot`` is missing get the node's description of the flow instead.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from .graphviz_node import sop_graphviz
from .graphviz_render import GraphvizFailedError, GraphvizMissingError, render

logger = logging.getLogger(__name__)

#: The picture format of each builder format that shows one.
PICTURE_FORMATS = {"html": "svg", "latex": "pdf"}

MISSING = (
    "the Graphviz program 'dot' was not found (graphviz_dot = %r): install Graphviz "
    "(Debian/Ubuntu: apt-get install graphviz) or set graphviz_dot; the Graphviz "
    "flowcharts are shown as text meanwhile"
)
FAILED = (
    "Graphviz's dot (graphviz_dot = %r) could not draw a flowchart: %s; check the Graphviz "
    "installation; the flowcharts it cannot draw are shown as text meanwhile"
)

#: Builder attribute: the problems already reported in this build (and process).
_WARNED = "_sop_graphviz_warned"

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


def show_descriptions(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace the flowcharts by their descriptions where no picture can be shown.

    Runs when a document is resolved for writing, in the main process, so the
    missing-``dot`` warning is given once per build even in a parallel build.
    """
    views = list(doctree.findall(sop_graphviz))
    if not views or (app.builder.format in PICTURE_FORMATS and _dot_found(app.builder)):
        return
    for view in views:
        view.replace_self(view.description)


def visit_html(self: HTML5Translator, node: sop_graphviz) -> None:
    """The SVG inline in a ``<figure>``; the description if it cannot be drawn."""
    path = _render(self.builder, node, Path(self.builder.outdir, self.builder.imagedir))
    if path is None:
        return  # the node's child, the description, is written instead
    self.body.append(svg_figure(path.read_text(encoding="utf-8"), node["caption"]))
    raise nodes.SkipNode


def visit_latex(self: LaTeXTranslator, node: sop_graphviz) -> None:
    """The PDF, included in a centred block with its caption."""
    path = _render(self.builder, node, Path(self.builder.outdir))
    if path is None:
        return
    self.body.append(LATEX_FIGURE % (path.name, self.encode(node["caption"])))
    raise nodes.SkipNode


def depart(self: HTML5Translator | LaTeXTranslator, node: sop_graphviz) -> None:
    """Nothing to close: reached only when the description was written."""


def svg_figure(svg: str, caption: str) -> str:
    """Graphviz's SVG file as HTML: without the XML prolog, in a captioned figure."""
    start = svg.find("<svg")
    return (
        '<figure class="sop-graphviz">\n<div class="sop-graphviz-scroll">\n'
        f"{svg[start:].strip()}\n</div>\n"
        f"<figcaption>{html.escape(caption)}</figcaption>\n</figure>\n"
    )


def _render(builder: Builder, node: sop_graphviz, outdir: Path) -> Path | None:
    """The rendered file, or ``None`` after a warning when ``dot`` fails."""
    command = builder.config.graphviz_dot
    try:
        return render(node["dot"], PICTURE_FORMATS[builder.format], outdir, command)
    except GraphvizMissingError:
        _warn_once(builder, "missing", MISSING, command, location=node)
    except GraphvizFailedError as error:
        _warn_once(builder, "failed", FAILED, command, str(error), location=node)
    return None


def _dot_found(builder: Builder) -> bool:
    """Whether ``graphviz_dot`` names a program, warning once when it does not."""
    command = builder.config.graphviz_dot
    if shutil.which(command):
        return True
    _warn_once(builder, "missing", MISSING, command)
    return False


def _warn_once(
    builder: Builder, problem: str, message: str, *args: str, location: nodes.Node | None = None
) -> None:
    warned: set[str] = builder.__dict__.setdefault(_WARNED, set())
    if problem not in warned:
        warned.add(problem)
        logger.warning(message, *args, location=location, type="sop", subtype="graphviz")

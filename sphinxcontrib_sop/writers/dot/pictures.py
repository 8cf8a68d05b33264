"""The picture of a Graphviz flowchart or SOP map for a builder, or its description in words.

HTML and LaTeX show a picture rendered by ``dot``.  Builders that cannot show
one — text, man, Texinfo, XML, … — and every builder when ``dot`` is missing
get the node's description of the flow instead.  Each problem with ``dot`` is
reported once per build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util import logging

from ...doctree.nodes import sop_graphviz, sop_map
from ...doctree.placeholders import placeholders
from .render import GraphvizFailedError, GraphvizMissingError, render
from .source import view_dot

logger = logging.getLogger(__name__)

#: The picture format of each builder format that shows one.
PICTURE_FORMATS = {"html": "svg", "latex": "pdf"}
#: The folder, in the doctree folder, of the SVG files the HTML pages put inline.
CACHE_FOLDER = "sop-graphviz"

MISSING = (
    "the Graphviz program 'dot' was not found (graphviz_dot = %r): install Graphviz "
    "(Debian/Ubuntu: apt-get install graphviz) or set graphviz_dot; the Graphviz "
    "flowcharts are shown as text meanwhile"
)
FAILED = (
    "Graphviz's dot (graphviz_dot = %r) could not draw a flowchart: %s; check the Graphviz "
    "installation; the flowcharts it cannot draw are shown as text meanwhile"
)

#: Builder attributes: the problems already reported, the files rendered (in this process).
_WARNED = "_sop_graphviz_warned"
_RENDERED = "_sop_graphviz_rendered"


def show_descriptions(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace the flowcharts by their descriptions where no picture can be shown.

    Runs when a document is resolved for writing, in the main process, so the
    missing-``dot`` warning is given once per build even in a parallel build.
    """
    views = placeholders(doctree, sop_graphviz)
    if not views or (app.builder.format in PICTURE_FORMATS and dot_found(app.builder)):
        return
    for view in views:
        view.replace_self(view.description)


def picture_folder(builder: Builder) -> Path:
    """Where the builder's rendered files go.

    HTML puts each SVG inline in its page, so the files are only a cache, kept
    with the build's private state (``<doctrees>/sop-graphviz``) rather than
    published: the site holds no file that no page uses, and rebuilding it into
    the same folder gives the same files.  LaTeX includes its PDFs from the
    output folder.
    """
    if builder.format == "html":
        return Path(builder.doctreedir, CACHE_FOLDER)
    return Path(builder.outdir)


def picture(builder: Builder, node: sop_graphviz | sop_map) -> Path | None:
    """The rendered file of a flowchart or map, or ``None`` after a warning when ``dot`` fails.

    Each file rendered is noted, so the clean-up at the end of the build keeps it.
    """
    command = builder.config.graphviz_dot
    dot = node["dot"] if isinstance(node, sop_map) else view_dot(node, builder.env)
    folder = picture_folder(builder)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        path = render(dot, PICTURE_FORMATS[builder.format], folder, command)
    except GraphvizMissingError:
        _warn_once(builder, "missing", MISSING, command, location=node)
    except GraphvizFailedError as error:
        _warn_once(builder, "failed", FAILED, command, str(error), location=node)
        return None
    rendered_files(builder).add(path.name)
    return path


def rendered_files(builder: Builder) -> set[str]:
    """The names of the files rendered by this builder (in this process)."""
    return builder.__dict__.setdefault(_RENDERED, set())


def depart_picture(translator: object, node: sop_graphviz) -> None:
    """Nothing to close: reached only when the description was written."""


def dot_found(builder: Builder) -> bool:
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

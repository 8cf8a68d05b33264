"""The files rendered by ``dot``: which ones the pages draw, drawing them ahead, and removing
the others."""

from __future__ import annotations

import os
import re
import shutil

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector

from ...doctree.nodes import sop_graphviz
from .pictures import PICTURE_FORMATS, picture_folder, rendered_files
from .render import FILE_PREFIX, file_name, render_many
from .source import view_dot

#: Environment attribute: the DOT sources each document draws, by docname.
SOURCES = "sop_graphviz_sources"
#: The most ``dot`` processes drawing flowcharts at once.
DRAWING_PROCESSES = 8
_RENDERED = re.compile(re.escape(FILE_PREFIX) + r"[0-9a-f]{40}\.(svg|pdf)")


class GraphvizSourceCollector(EnvironmentCollector):
    """Notes the DOT sources of each document when it is read."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        sources(env).pop(docname, None)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
    ) -> None:
        theirs = sources(other)
        sources(env).update({name: theirs[name] for name in docnames if name in theirs})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        drawn = tuple(view_dot(view, app.env) for view in doctree.findall(sop_graphviz))
        if drawn:
            sources(app.env)[app.env.docname] = drawn


def sources(env: BuildEnvironment) -> dict[str, tuple[str, ...]]:
    """The DOT sources of every document, by docname."""
    return env.__dict__.setdefault(SOURCES, {})


def draw_ahead(app: Sphinx, builder: Builder) -> None:
    """Before pages are written, draw the flowcharts not drawn yet, several at once.

    Each page then finds its flowcharts drawn (:func:`.pictures.picture`); the SOP
    maps, which show the handbook as it is when their page is written, are drawn
    then.  There are as many ``dot`` processes at once as the machine has cores
    (:data:`DRAWING_PROCESSES` at most); all have ended when the pages are written.
    """
    fmt = PICTURE_FORMATS.get(builder.format)
    command = builder.config.graphviz_dot
    if fmt is None or not shutil.which(command):
        return
    drawn = [dot for page in sources(builder.env).values() for dot in page]
    processes = min(DRAWING_PROCESSES, os.cpu_count() or 1)
    render_many(drawn, fmt, picture_folder(builder), command, processes)


def remove_stale_files(app: Sphinx, exception: Exception | None) -> None:
    """Delete the rendered flowcharts that no document draws any more."""
    fmt = PICTURE_FORMATS.get(app.builder.format)
    if exception is not None or fmt is None:
        return
    folder = picture_folder(app.builder)
    command = app.config.graphviz_dot
    used = {file_name(dot, fmt, command) for drawn in sources(app.env).values() for dot in drawn}
    used |= rendered_files(app.builder)  # the SOP maps, drawn when their pages are written
    for path in folder.glob(f"{FILE_PREFIX}*.{fmt}"):
        if _RENDERED.fullmatch(path.name) and path.name not in used:
            path.unlink(missing_ok=True)

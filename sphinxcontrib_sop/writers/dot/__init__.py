"""Graphviz: the DOT text of a procedure and of the SOP map, running ``dot``, its files."""

from __future__ import annotations

from sphinx.application import Sphinx

from .files import GraphvizSourceCollector, draw_ahead, remove_stale_files
from .map import fill_maps
from .pictures import show_descriptions


def register(app: Sphinx) -> None:
    """Use Sphinx's ``graphviz_dot`` setting; describe, collect, draw ahead and clean up the
    pictures."""
    app.setup_extension("sphinx.ext.graphviz")
    app.add_env_collector(GraphvizSourceCollector)
    app.connect("write-started", draw_ahead)
    app.connect("doctree-resolved", show_descriptions)
    app.connect("build-finished", remove_stale_files)
    app.connect("doctree-resolved", fill_maps)

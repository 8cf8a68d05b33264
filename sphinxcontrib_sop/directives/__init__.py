"""The directives authors write: ``sop``, ``sop-decree``, ``sop-registry``, ``sop-map``,
``sop-changes``, ``sop-monitoring`` and ``sop-evaluation``."""

from __future__ import annotations

from sphinx.application import Sphinx

from ..doctree.forms import fill_forms
from ..doctree.registry import fill_registries
from .decree import DecreeDirective
from .forms import EvaluationDirective, MonitoringDirective
from .handbook import ChangesDirective, MapDirective, RegistryDirective
from .sop import SOPDirective


def register(app: Sphinx) -> None:
    """Add the directives, and the filling of registries and forms when pages are written."""
    app.add_directive("sop", SOPDirective)
    app.add_directive("sop-decree", DecreeDirective)
    app.add_directive("sop-registry", RegistryDirective)
    app.add_directive("sop-map", MapDirective)
    app.add_directive("sop-changes", ChangesDirective)
    app.add_directive("sop-monitoring", MonitoringDirective)
    app.add_directive("sop-evaluation", EvaluationDirective)
    app.connect("doctree-resolved", fill_registries)
    app.connect("doctree-resolved", fill_forms)

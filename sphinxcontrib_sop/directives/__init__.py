"""The directives authors write: ``sop`` and ``sop-decree``."""

from __future__ import annotations

from sphinx.application import Sphinx

from .decree import DecreeDirective
from .sop import SOPDirective


def register(app: Sphinx) -> None:
    """Add the directives."""
    app.add_directive("sop", SOPDirective)
    app.add_directive("sop-decree", DecreeDirective)

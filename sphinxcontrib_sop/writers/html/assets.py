"""The stylesheet of the HTML output."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

STYLESHEET = "sphinxcontrib-sop.css"
STATIC_DIR = Path(__file__).parent / "static"


def add_stylesheet(app: Sphinx) -> None:
    """Link the stylesheet from every HTML page."""
    if app.builder.format == "html":
        app.add_css_file(STYLESHEET)


def copy_stylesheet(app: Sphinx, exception: Exception | None) -> None:
    """Copy the stylesheet into the output's ``_static`` folder."""
    if exception is None and app.builder.format == "html":
        copy_asset_file(STATIC_DIR / STYLESHEET, Path(app.outdir) / "_static", force=True)

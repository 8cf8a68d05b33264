"""The stylesheet and script of the HTML output."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

STYLESHEET = "sphinxcontrib-sop.css"
STATIC_DIR = Path(__file__).parent / "static"


def add_stylesheet(app: Sphinx) -> None:
    """Link the stylesheet from every HTML page."""
    if app.builder.format == "html":
        app.add_css_file(STYLESHEET)


def copy_static_files(app: Sphinx) -> None:
    """Copy the stylesheet and scripts into the output's ``_static`` folder.

    Copied before any page is written, so that Sphinx finds them there and
    links them with their checksum (``?v=…``) from the first build on. They
    are plain files, copied as they are: Sphinx's own copy helpers change
    their signature between the Sphinx versions the extension supports.
    """
    if app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        for path in sorted(STATIC_DIR.iterdir()):
            shutil.copyfile(path, static / path.name)

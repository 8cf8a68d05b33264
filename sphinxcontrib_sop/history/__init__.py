"""The history of the SOPs through a site's editions: reading the older editions (from git,
cached by commit) and filling in each SOP's history and diff and the lists of changes."""

from __future__ import annotations

from sphinx.application import Sphinx

from .pages import fill_history, prepare_history


def register(app: Sphinx) -> None:
    """Read the older editions before pages are written; fill the history as each is."""
    app.connect("env-updated", prepare_history)
    app.connect("doctree-resolved", fill_history)

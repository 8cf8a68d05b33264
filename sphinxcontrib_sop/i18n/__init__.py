"""The labels the extension prints, in Indonesian and English, and Indonesian for docutils."""

from __future__ import annotations

from sphinx.application import Sphinx

from . import docutils_id
from .labels import LOCALE_DIR, MESSAGE_CATALOG


def register(app: Sphinx) -> None:
    """Add the label catalogs, and docutils' Indonesian unless it has its own."""
    docutils_id.register()
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))

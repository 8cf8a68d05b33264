"""The labels the extension prints, in Indonesian and English, and Indonesian for docutils."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import init as init_locale

from ..config import labels_language
from . import docutils_id
from .labels import LOCALE_DIR, MESSAGE_CATALOG


def register(app: Sphinx) -> None:
    """Add the label catalogs, and docutils' Indonesian unless it has its own."""
    docutils_id.register()
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    app.connect("config-inited", load_catalog)


def load_catalog(app: Sphinx, config: Config) -> None:
    """Load the label catalog of ``sop_language`` (default: ``language``)."""
    init_locale([str(LOCALE_DIR)], labels_language(config), MESSAGE_CATALOG)

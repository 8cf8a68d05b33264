"""Indonesian and English: printed labels, docutils' Indonesian, Indonesian search."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import init as init_locale

from ..config import labels_language
from . import docutils_id
from .labels import LOCALE_DIR, MESSAGE_CATALOG
from .search import fix_result_wording, register_search_language


def register(app: Sphinx) -> None:
    """Add the label catalogs, and docutils' Indonesian unless it has its own."""
    docutils_id.register()
    register_search_language(app)
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    app.connect("config-inited", load_catalog)
    app.connect("builder-inited", fix_result_wording)


def load_catalog(app: Sphinx, config: Config) -> None:
    """Load the label catalog of ``sop_language`` (default: ``language``)."""
    init_locale([str(LOCALE_DIR)], labels_language(config), MESSAGE_CATALOG)

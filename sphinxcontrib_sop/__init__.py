"""sphinxcontrib-sop: Standard Operating Procedures (SOP AP) in Sphinx."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import config, directives, domain, i18n, writers

__version__ = "0.1.0"

#: Raise when the layout of stored environment data changes.
ENV_VERSION = 2


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration, then each part of the extension."""
    config.register(app)
    i18n.register(app)
    domain.register(app)
    directives.register(app)
    writers.register(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

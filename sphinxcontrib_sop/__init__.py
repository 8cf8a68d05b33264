"""sphinxcontrib-sop: Standard Operating Procedures (SOP AP) in Sphinx.

The package is layered (see the Architecture page of the documentation)::

    core/        the SOP as plain data: model, reading of option values and
                 step tables, checks, wording            (no Sphinx, no docutils)
    layout/      the official flowchart's geometry       (no Sphinx, no docutils)
    config.py    every sop_* setting
    i18n/        printed labels, docutils' Indonesian
    vcs/         reading the handbook's history from git  (no Sphinx, no docutils)
    domain.py    the sop domain: every SOP of the handbook, cross-references
    editions.py  the site of every edition this build belongs to
    doctree/     node classes, and the doctree built from the model
    directives/  sop, sop-decree, sop-registry, sop-map, sop-changes, sop-monitoring,
                 sop-evaluation
    writers/     html/, latex/, plain.py, and dot/ (Graphviz) for both
    history/     each SOP's history through the editions, read from git
    site/        sphinx-sop-site: every edition built into one site

Importing the package does not import Sphinx: :func:`setup` loads the parts
that need it, so ``core`` and ``layout`` can be used on their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"

#: Raise when the layout of stored environment data changes.
ENV_VERSION = 8


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration, then each part of the extension."""
    from . import config, directives, domain, editions, history, i18n, writers
    from .doctree import backlinks, pdf_links, steps

    config.register(app)
    i18n.register(app)
    domain.register(app)
    editions.register(app)
    directives.register(app)
    writers.register(app)
    steps.register(app)
    backlinks.register(app)
    pdf_links.register(app)
    history.register(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

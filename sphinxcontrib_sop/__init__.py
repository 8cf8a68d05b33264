"""sphinxcontrib-sop: Standard Operating Procedures (SOP AP) in Sphinx."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .assets import add_stylesheet, copy_stylesheet
from .config import register_config, set_up_labels
from .decree import register_decree
from .directive import SOPDirective
from .docutils_indonesian import register as register_docutils_indonesian
from .domain import SOPDomain, get_domain
from .fallbacks import register_fallbacks
from .flowchart import register_flowchart
from .graphviz_setup import register_graphviz
from .labels import LOCALE_DIR, MESSAGE_CATALOG
from .latex_manual import register_latex_manual
from .nodes import sop_procedure

__version__ = "0.1.0"

#: Raise when the layout of stored environment data changes.
ENV_VERSION = 1


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``sop`` directive, the ``sop`` domain and their configuration."""
    register_config(app)
    register_docutils_indonesian()
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    app.add_domain(SOPDomain)
    app.add_directive("sop", SOPDirective)
    app.add_node(sop_procedure)
    register_decree(app)
    register_fallbacks(app)
    register_flowchart(app)
    register_graphviz(app)
    register_latex_manual(app)
    app.connect("config-inited", set_up_labels)
    app.connect("builder-inited", add_stylesheet)
    app.connect("build-finished", copy_stylesheet)
    app.connect("env-get-outdated", remember_reference_targets)
    app.connect("env-updated", documents_to_rewrite)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def remember_reference_targets(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Before documents are purged and read, note what each SOP id points to."""
    get_domain(env).remember_targets()
    return []


def documents_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading, the pages whose SOP references changed target or title."""
    return sorted(get_domain(env).documents_to_rewrite() & env.all_docs.keys())

"""Configuration values of the extension, registered and checked in one place."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import init as init_locale
from sphinx.util import logging

from .core.options import DIAGRAMS
from .i18n.labels import LOCALE_DIR, MESSAGE_CATALOG

logger = logging.getLogger(__name__)


def register(app: Sphinx) -> None:
    """Add the ``sop_*`` configuration values."""
    app.add_config_value("sop_agency", "", "env", str)
    app.add_config_value("sop_unit", "", "env", str)
    app.add_config_value("sop_logo", "", "env", str)
    app.add_config_value("sop_language", "", "env", str)
    app.add_config_value("sop_labels", {}, "env", dict)
    app.add_config_value("sop_diagram", "table", "env", str)
    app.connect("config-inited", set_up_labels)


def set_up_labels(app: Sphinx, config: Config) -> None:
    """Load the label catalog for ``sop_language`` (default: ``language``) and check config."""
    language = config.sop_language or config.language or "en"
    init_locale([str(LOCALE_DIR)], language, MESSAGE_CATALOG)
    if config.sop_logo and not (Path(app.srcdir) / config.sop_logo).is_file():
        logger.warning(
            "sop_logo %r is not a file (relative to the source folder): "
            "fix the path or remove the setting",
            config.sop_logo,
            type="sop",
            subtype="config",
        )
    if not all(
        isinstance(key, str) and isinstance(value, str) for key, value in config.sop_labels.items()
    ):
        logger.warning(
            "sop_labels must map label texts to texts, as in {'Date created': 'Tanggal Dibuat'}",
            type="sop",
            subtype="config",
        )
    warn_unless_choice(config, "sop_diagram", DIAGRAMS, "table")


def choice(config: Config, name: str, choices: Collection[str], fallback: str) -> str:
    """The value of setting ``name`` when it is one of ``choices``, else ``fallback``."""
    value = getattr(config, name)
    return value if value in choices else fallback


def warn_unless_choice(config: Config, name: str, choices: Collection[str], fallback: str) -> None:
    """Warn, once at start-up, when setting ``name`` is not one of ``choices``."""
    value = getattr(config, name)
    if value not in choices:
        *others, last = (repr(option) for option in choices)
        allowed = f"{', '.join(others)} or {last}" if others else last
        logger.warning(
            "%s must be %s, not %r: %r is used meanwhile",
            name,
            allowed,
            value,
            fallback,
            type="sop",
            subtype="config",
        )


def default_diagram(config: Config) -> str:
    """The project's ``sop_diagram``, or ``"table"`` when it is not a valid value."""
    return choice(config, "sop_diagram", DIAGRAMS, "table")

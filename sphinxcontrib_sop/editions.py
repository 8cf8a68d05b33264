"""The site an edition is built into: every edition of the handbook, and this one's name.

``sphinx-sop-site`` passes each edition's build the site's ``versions.json``
(``sop_site``) and the edition's name (``sop_edition``).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .core.editions import Site

logger = logging.getLogger(__name__)

#: Attribute of the application holding the site, read once per build.
_SITE = "_sop_site"


def register(app: Sphinx) -> None:
    """Read the site once, when the builder starts."""
    app.connect("builder-inited", note_site)


def note_site(app: Sphinx) -> None:
    app.__dict__[_SITE] = current_site(app.config, Path(app.srcdir))


def site(app: Sphinx) -> Site | None:
    """The site this build belongs to (see :func:`current_site`), read when the build started."""
    return app.__dict__.get(_SITE)


def current_site(config: Config, srcdir: Path) -> Site | None:
    """The site being built, or ``None`` for a build of the handbook alone."""
    if not config.sop_site:
        return None
    path = Path(srcdir, config.sop_site)
    try:
        return Site.from_json(path.read_text(encoding="utf-8"), config.sop_edition or None)
    except (OSError, ValueError, KeyError, TypeError) as error:
        logger.warning(
            "sop_site %r cannot be read as the site's versions.json (%s): build the site "
            "with sphinx-sop-site; this edition is built alone meanwhile",
            config.sop_site,
            error,
            type="sop",
            subtype="config",
        )
        return None

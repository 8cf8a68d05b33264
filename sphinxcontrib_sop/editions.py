"""The site an edition is built into: every edition of the handbook, and this one's name.

``sphinx-sop-site`` passes each edition's build the site's ``versions.json``
(``sop_site``) and the edition's name (``sop_edition``).  A build of the
handbook alone in a git checkout — one version on Read the Docs, say — finds
the editions in git itself, and is the edition named by ``sop_edition``, by
Read the Docs' ``READTHEDOCS_VERSION``, or else the working edition.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .config import edition_pattern, named_editions, working_edition
from .core.editions import Site
from .vcs.editions import History, Sources, find_editions, missing_warning, shallow_warning

logger = logging.getLogger(__name__)

#: Attribute of the application holding the site, read once per build.
_SITE = "_sop_site"
#: Attribute of the environment holding the site of the last build, as JSON.
_SITE_READ = "sop_site_read"


def register(app: Sphinx) -> None:
    """Read the site once, when the builder starts; write every page again when it changed."""
    app.connect("builder-inited", note_site)
    app.connect("env-updated", pages_showing_a_new_site)


def note_site(app: Sphinx) -> None:
    app.__dict__[_SITE] = current_site(app.config, Path(app.srcdir))


def pages_showing_a_new_site(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page, when the site is not the last build's: each page shows its editions.

    The editions are drawn when a page is written, so the pages are written
    again, not read again.
    """
    this_site = site(app)
    text = this_site.to_json() if this_site else ""
    last = env.__dict__.get(_SITE_READ)
    env.__dict__[_SITE_READ] = text
    return sorted(env.found_docs) if last is not None and last != text else []


def site(app: Sphinx) -> Site | None:
    """The site this build belongs to (see :func:`current_site`), read when the build started."""
    return app.__dict__.get(_SITE)


def current_site(config: Config, srcdir: Path) -> Site | None:
    """The site being built; from git for a build of the handbook alone; ``None`` outside git."""
    if not config.sop_site:
        history = discover(config, srcdir)
        if history is None:
            return None
        report(history)
        return history.site(edition_built(config))
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


def discover(config: Config, srcdir: Path) -> History | None:
    """The editions in the git repository holding ``srcdir``, as the settings choose them."""
    return find_editions(
        Sources(Path(srcdir), source_suffixes(config), tuple(config.exclude_patterns)),
        pattern=edition_pattern(config),
        named=named_editions(config),
        working=working_edition(config) if config.sop_publish_current else None,
    )


def edition_built(config: Config) -> str:
    """The name of the edition a build of the handbook alone is."""
    if config.sop_edition:
        return config.sop_edition
    if os.environ.get("READTHEDOCS") == "True" and os.environ.get("READTHEDOCS_VERSION"):
        return os.environ["READTHEDOCS_VERSION"]
    return working_edition(config)


def report(history: History) -> None:
    """Warn that the history is incomplete, and of each edition git does not have."""
    if history.shallow:
        logger.warning(shallow_warning(history), type="sop", subtype="edition")
    for missing in history.missing:
        logger.warning(missing_warning(missing, history.shallow), type="sop", subtype="edition")


def source_suffixes(config: Config) -> tuple[str, ...]:
    """The endings of source files: ``source_suffix`` as a dict, a list or one text."""
    suffixes = config.source_suffix
    return (suffixes,) if isinstance(suffixes, str) else tuple(suffixes)

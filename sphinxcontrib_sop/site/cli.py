"""``sphinx-sop-site SOURCE OUTPUT [sphinx-build arguments…]``: every edition in one site."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import textwrap
from collections.abc import Sequence
from pathlib import Path

from sphinx.errors import SphinxError

from ..config import working_edition
from ..editions import discover
from ..vcs.editions import History, missing_warning, shallow_warning, uncommitted
from ..vcs.git import repository_root
from .project import read_configuration

#: How many lines of a failed edition's log are shown.
LOG_TAIL = 20

DESCRIPTION = """\
Build every edition of the handbook in SOURCE (a folder of a git repository holding
conf.py) into OUTPUT/<edition>/, with OUTPUT/versions.json listing them and
OUTPUT/index.html leading to the newest. The editions are the git tags matching
sop_edition_pattern, the refs named in sop_editions and, with sop_publish_current,
the working tree. Arguments after OUTPUT go to sphinx-build for every edition
(e.g. -W --keep-going). The exit status is 1 when the newest edition or the working
edition fails; an older edition that fails is reported, and the others are published.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sphinx-sop-site", description=DESCRIPTION)
    parser.add_argument("source", type=Path, help="the handbook's source folder (with conf.py)")
    parser.add_argument("output", type=Path, help="the site's folder")
    parser.add_argument(
        "sphinx_arguments", nargs=argparse.REMAINDER, help="passed on to sphinx-build"
    )
    options = parser.parse_args(argv)
    try:
        from .driver import Outcome, SiteDriver  # needs sphinx-polyversion, the 'site' extra
    except ImportError as error:
        return _fail(f"{error}: install it with pip install 'sphinxcontrib-sop[site]'")
    source, output = options.source.resolve(), options.output.resolve()
    try:
        config = read_configuration(source, options.sphinx_arguments)
    except SphinxError as error:
        return _fail(f"cannot read the configuration of {options.source}: {error}")
    if "sphinxcontrib_sop" not in config.extensions:
        return _fail(
            f"the conf.py of {options.source} does not list sphinxcontrib_sop in extensions"
        )
    history = discover(config, source)
    root = repository_root(source)
    if history is None or root is None:
        return _fail(f"{options.source} is not in a git repository: its editions are git commits")
    if not history.editions:
        return _fail(
            "no editions: tag one (git tag edisi-2025), name it in sop_editions, "
            "or set sop_publish_current = True to publish the working tree"
        )
    _warn_of(history)
    if not config.sop_publish_current and uncommitted(source):
        _say(
            f"note: changes to {options.source} not yet committed are in no edition: "
            f"commit them, or publish the working tree as {working_edition(config)!r} "
            "with sop_publish_current = True"
        )
    site = history.site(current="")
    width = max(len(edition.name) for edition in site.editions)

    def report(outcome: Outcome) -> None:
        edition = outcome.edition
        result = "built" if outcome.built else "FAILED"
        print(
            f"  {edition.name:<{width}}  {edition.commit[:10]}  {result:<6}  "
            f"{outcome.seconds:5.1f} s",
            flush=True,
        )
        lines = outcome.log.strip().splitlines()
        shown = lines if outcome.built else lines[-LOG_TAIL:]
        if shown:
            print(textwrap.indent("\n".join(shown), "      | "), flush=True)

    names = ", ".join(edition.name for edition in site.editions)
    print(f"sphinx-sop-site: building {names} of {options.source} into {output}", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        driver = SiteDriver(
            root,
            output,
            site=site,
            source=source.relative_to(root.resolve()),
            arguments=options.sphinx_arguments,
            scratch=Path(scratch),
            report=report,
            at_once=min(len(site.editions), os.cpu_count() or 1),
        )
        driver.run()
    published = driver.published
    failed = [name for name, outcome in driver.outcomes.items() if not outcome.built]
    if published.current:
        print(f"sphinx-sop-site: {output / 'index.html'} leads to {published.current}")
    if failed:
        _say(f"editions that failed: {', '.join(failed)} (their log is above)")
    in_force = [name for name in failed if not site.is_old(name)]
    return 1 if in_force or not published.editions else 0


def _warn_of(history: History) -> None:
    if history.shallow:
        _say(f"warning: {shallow_warning(history)}")
    for missing in history.missing:
        _say(f"warning: {missing_warning(missing, history.shallow)}")


def _say(message: str) -> None:
    print(f"sphinx-sop-site: {message}", file=sys.stderr, flush=True)


def _fail(message: str) -> int:
    _say(message)
    return 2

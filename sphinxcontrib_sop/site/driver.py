"""Every edition built by sphinx-polyversion: a checkout of each, sphinx-build, the site's root.

sphinx-polyversion's driver builds the editions concurrently, each in a
checkout of its own made by its git provider (``git worktree``), with a
command builder running sphinx-build.  Every edition is built with the
Python, Sphinx and sphinxcontrib-sop running this program, not those of its
own time: so every edition, however old, gets the edition switcher and the
banner of an edition no longer in force, and all read one ``versions.json``.
"""

from __future__ import annotations

import asyncio
import datetime
import os
import re
import shutil
import sys
import time
from asyncio.subprocess import PIPE, STDOUT
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from subprocess import CalledProcessError
from typing import Any

from sphinx_polyversion.builder import BuildError
from sphinx_polyversion.driver import DefaultDriver
from sphinx_polyversion.environment import Environment
from sphinx_polyversion.git import Git, GitRef, GitRefType
from sphinx_polyversion.sphinx import CommandBuilder, Placeholder

from ..core.editions import Edition, Site
from .redirects import write_failed_edition, write_start_page

#: The site's list of editions, in the output folder, read by every edition's build.
VERSIONS = "versions.json"
#: A pattern no branch or tag matches: the editions come from ``vcs.editions`` instead.
_NOTHING = re.compile(r"(?!)")


@dataclass(frozen=True)
class Outcome:
    """How the build of one edition went: built or not, in how many seconds, what it printed."""

    edition: Edition
    built: bool
    seconds: float
    log: str


class EditionsGit(Git):
    """sphinx-polyversion's git provider, its revisions the handbook's editions.

    An edition is checked out at its commit; the working edition is copied from
    the working tree, changes not yet committed included.
    """

    def __init__(self, editions: Sequence[Edition]) -> None:
        super().__init__(branch_regex=_NOTHING, tag_regex=_NOTHING)
        self.editions = {edition.name: edition for edition in editions}

    async def retrieve(self, root: Path) -> tuple[GitRef, ...]:
        return tuple(revision(edition) for edition in self.editions.values())

    async def checkout(self, root: Path, dest: Path, revision: GitRef) -> None:
        try:
            if self.editions[revision.name].working:
                await self.checkout_local(root, dest)
            else:
                await super().checkout(root, dest, revision)
        except (CalledProcessError, OSError) as error:
            raise BuildError(f"cannot check out {revision.name}: {error}") from error


def revision(edition: Edition) -> GitRef:
    """An edition as a sphinx-polyversion revision."""
    day = edition.date or datetime.date.min
    return GitRef(
        edition.name,
        edition.commit,
        edition.ref,
        GitRefType.BRANCH if edition.working else GitRefType.TAG,
        datetime.datetime.combine(day, datetime.time(), datetime.timezone.utc),
    )


class Checkout(Environment):
    """An edition's checkout, built with this Python; what each command prints is kept.

    Its files are named in what is kept as in the repository (``docs/index.rst``),
    not in the temporary folder of the checkout.
    """

    def __init__(self, path: Path, name: str, *, logs: dict[str, str]) -> None:
        super().__init__(path, name)
        self.name = name
        self.logs = logs

    async def run(self, *cmd: str, decode: bool = True, **kwargs: Any) -> Any:
        out, err, code = await super().run(*cmd, decode=True, stdout=PIPE, stderr=STDOUT, **kwargs)
        printed = (out or "").replace(f"{self.path}{os.sep}", "")
        self.logs[self.name] = self.logs.get(self.name, "") + printed
        return out, err, code


def history_cache() -> Path:
    """Where every edition's build keeps the SOPs of older editions, read once per commit.

    The user's cache folder (``$XDG_CACHE_HOME``, else ``~/.cache``): shared by the
    editions of a site, kept from one site build to the next, never published.
    """
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base, "sphinxcontrib-sop", "history")


def sphinx_build(
    source: PurePath,
    edition: str,
    site_file: Path,
    doctrees: Path,
    arguments: Sequence[str],
    repository: Path,
) -> CommandBuilder:
    """sphinx-build of one edition: HTML, told its site and its name, quiet but for warnings.

    Its output is kept and shown indented under the edition's progress line, so
    it is never coloured (``FORCE_COLOR`` in CI would otherwise colour it).

    Its checkout lies outside the repository, so it is told where the older editions'
    sources are (``sop_history_repository``) and where their SOPs are kept.
    """
    return CommandBuilder(
        source,
        [
            sys.executable,
            "-m",
            "sphinx",
            *arguments,
            "--quiet",
            "--no-color",
            "--builder=html",
            f"--doctree-dir={doctrees}",
            f"--define=sop_site={site_file}",
            f"--define=sop_edition={edition}",
            f"--define=sop_history_repository={repository}",
            f"--define=sop_history_cache={history_cache()}",
            Placeholder.SOURCE_DIR,
            Placeholder.OUTPUT_DIR,
        ],
    )


class SiteDriver(DefaultDriver):
    """sphinx-polyversion's driver for a handbook's site.

    ``OUTPUT/versions.json`` lists every edition before the builds start; each
    edition is built into ``OUTPUT/<edition>/``, at most ``at_once`` together;
    ``report`` hears of each as it ends.  Then ``versions.json`` lists the
    editions built, ``OUTPUT/index.html`` leads to the newest, and the pages of
    an edition that failed lead to the same pages in that one.
    """

    def __init__(
        self,
        root: Path,
        output: Path,
        *,
        site: Site,
        source: PurePath,
        arguments: Sequence[str],
        scratch: Path,
        report: Callable[[Outcome], None],
        at_once: int,
    ) -> None:
        self.site = site
        self.editions = {edition.name: edition for edition in site.editions}
        self.report = report
        self.at_once = at_once
        self.logs: dict[str, str] = {}
        self.outcomes: dict[str, Outcome] = {}
        self.started: dict[str, float] = {}
        output = output.resolve()
        builders = {
            edition.name: sphinx_build(
                source, edition.name, output / VERSIONS, scratch / edition.name, arguments, root
            )
            for edition in site.editions
        }
        super().__init__(
            root,
            output,
            vcs=EditionsGit(site.editions),
            builder=builders,
            selector=lambda revision, names: revision.name,
            env=Checkout.factory(logs=self.logs),
        )

    async def init(self) -> None:
        await super().init()
        self.slots = asyncio.Semaphore(self.at_once)
        (self.output_dir / VERSIONS).write_text(self.site.to_json(), encoding="utf-8")

    async def build_revision(self, rev: GitRef) -> None:
        async with self.slots:
            self.started[rev.name] = time.monotonic()
            await super().build_revision(rev)

    def build_succeeded(self, rev: GitRef, data: Any) -> None:
        super().build_succeeded(rev, data)
        self._note(rev, built=True, log=self.logs.get(rev.name, ""))

    def build_failed(self, rev: GitRef, exc_info: Any) -> None:
        shutil.rmtree(self.output_dir / rev.name, ignore_errors=True)
        error = exc_info[1]
        self._note(rev, built=False, log=self.logs.get(rev.name) or str(error.__cause__ or error))

    def _note(self, rev: GitRef, built: bool, log: str) -> None:
        seconds = time.monotonic() - self.started[rev.name]
        outcome = Outcome(self.editions[rev.name], built, seconds, log)
        self.outcomes[rev.name] = outcome
        self.report(outcome)

    @property
    def published(self) -> Site:
        """The site of the editions built."""
        built = tuple(
            edition
            for edition in self.site.editions
            if edition.name in self.outcomes and self.outcomes[edition.name].built
        )
        newest = Site(built, "").newest or (built[0] if built else None)
        return Site(built, newest.name if newest else "", self.site.shallow)

    async def build_root(self) -> None:
        published = self.published
        (self.output_dir / VERSIONS).write_text(published.to_json(), encoding="utf-8")
        if not published.current:
            return
        write_start_page(self.output_dir, published.current)
        for name, outcome in self.outcomes.items():
            if not outcome.built:
                write_failed_edition(self.output_dir, self.site, name, published.current)

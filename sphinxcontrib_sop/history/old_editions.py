"""The SOPs of the editions older than the one being built, each commit read once.

When the build belongs to a site (:func:`~sphinxcontrib_sop.editions.site`),
the history needs the SOPs of every older published edition: from the cache
(:mod:`.cache`) when that commit was read before, else from git — the commit's
files exported into a temporary folder and read in a process of their own
(:mod:`.reader`), several editions at a time — and then cached.  An edition
that cannot be read warns and is left out of the history.

The sources are found in the git repository ``sop_history_repository`` names,
else the one holding the source folder; when the source folder is a copy
outside any repository (a site builder's checkout), in the repository of the
working folder, at the same path.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from ..core.editions import Edition
from ..core.history import EditionSOPs
from ..domain import ProcedureEntry
from ..editions import site
from ..vcs.archive import export_commit
from ..vcs.git import GitError, repository_root
from .cache import cache_file, cache_folder, load, store
from .reader import read_in_process

logger = logging.getLogger(__name__)

#: Attribute of the application holding the older editions read, once per build.
_READ = "_sop_older_editions"


@dataclass(frozen=True)
class ReadEdition:
    """An older edition and its SOPs by id (of two with one id, the first in page order)."""

    edition: Edition
    entries: Mapping[str, ProcedureEntry]

    @property
    def sops(self) -> EditionSOPs:
        return EditionSOPs(
            self.edition.name, {sop_id: entry.procedure for sop_id, entry in self.entries.items()}
        )


@dataclass(frozen=True)
class Sources:
    """Where a project's sources are in its repository: the source folder (``docs``, ``""``
    at the top) and the configuration folder relative to it (``.`` usually)."""

    repository: Path
    folder: str
    confdir: str


def older_editions(app: Sphinx) -> tuple[ReadEdition, ...]:
    """The older editions of the site this build belongs to, newest first, each with its SOPs.

    Read when first asked for in a build; those that cannot be read are left out.
    """
    if _READ not in app.__dict__:
        app.__dict__[_READ] = _read_older_editions(app)
    return app.__dict__[_READ]


def _read_older_editions(app: Sphinx) -> tuple[ReadEdition, ...]:
    current = site(app)
    wanted = current.older_than() if current is not None else ()
    if not wanted:
        return ()
    try:
        repository = app.config.sop_history_repository
        named = Path(app.srcdir, repository) if repository else None
        sources = locate_sources(Path(app.srcdir), Path(app.confdir), named)
    except GitError as error:
        for edition in wanted:
            _warn_unreadable(edition, str(error))
        return ()
    folder = cache_folder(app.config.sop_history_cache, Path(app.srcdir), Path(app.doctreedir))
    found: dict[str, list[ProcedureEntry]] = {}
    missing = []
    for edition in wanted:
        path = cache_file(folder, edition.commit, sources.folder)
        entries = load(path)
        if entries is None:
            missing.append((edition, path))
        else:
            found[edition.name] = entries
    for (edition, path), result in zip(missing, _read_all(sources, missing), strict=True):
        if isinstance(result, str):
            _warn_unreadable(edition, result)
            continue
        data, entries = result
        found[edition.name] = entries
        try:
            store(path, data)
        except OSError as error:
            _warn_uncached(folder, error)
    return tuple(
        ReadEdition(edition, _by_id(found[edition.name]))
        for edition in wanted
        if edition.name in found
    )


def _read_all(
    sources: Sources, missing: Sequence[tuple[Edition, Path]]
) -> list[tuple[bytes, list[ProcedureEntry]] | str]:
    """Each edition read from git, several at a time: its pickled SOPs, or why it failed."""
    if not missing:
        return []
    for edition, _ in missing:
        logger.info("reading the SOPs of edition %s (commit %s)", edition.name, edition.commit[:7])
    workers = min(len(missing), os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda item: read_edition(sources, item[0].commit), missing))


def read_edition(sources: Sources, commit: str) -> tuple[bytes, list[ProcedureEntry]] | str:
    """The SOPs of the sources at ``commit``, pickled and read; or why they cannot be read."""
    with tempfile.TemporaryDirectory(prefix="sop-edition-") as scratch:
        tree = Path(scratch, "tree")
        tree.mkdir()
        try:
            export_commit(sources.repository, commit, tree)
        except GitError as error:
            return str(error)
        source = tree / sources.folder
        if not source.is_dir():
            return f"the commit has no source folder {sources.folder!r}"
        output = Path(scratch, "sops.pickle")
        reason = read_in_process(source, source / sources.confdir, output)
        if reason is not None:
            return reason
        data = output.read_bytes()
    return data, pickle.loads(data)


def locate_sources(srcdir: Path, confdir: Path, repository: Path | None = None) -> Sources:
    """The repository of the sources and where they are in it; :class:`GitError` if none.

    The repository is ``repository`` (``sop_history_repository``) when given; else
    the one holding the source folder, else the working folder's.
    """
    srcdir = srcdir.resolve()
    for start in [repository] if repository is not None else [srcdir, Path.cwd()]:
        root = repository_root(start)
        if root is None:
            continue
        root = root.resolve()
        folder = srcdir.relative_to(root).as_posix() if srcdir.is_relative_to(root) else None
        folder = folder or _copied_folder(root, srcdir)
        if folder is not None:
            confdir_there = os.path.relpath(confdir.resolve(), srcdir)
            return Sources(root, "" if folder == "." else folder, confdir_there)
    if repository is not None:
        raise GitError(
            f"sop_history_repository {str(repository)!r} is not a git repository holding "
            f"the source folder {srcdir}, or a copy of one of its folders"
        )
    raise GitError(
        f"the source folder {srcdir} is not in a git repository, nor a copy of a folder of "
        "the repository of the working folder: set sop_history_repository"
    )


def _copied_folder(root: Path, srcdir: Path) -> str | None:
    """The folder of ``root`` that ``srcdir`` copies: the shortest end of its path that is a
    folder with a ``conf.py`` in ``root``."""
    parts = srcdir.parts
    candidates = [Path(*parts[-count:]) for count in range(1, len(parts))]
    for candidate in [*candidates, Path(".")]:
        if (root / candidate / "conf.py").is_file():
            return candidate.as_posix()
    return None


def _by_id(entries: list[ProcedureEntry]) -> dict[str, ProcedureEntry]:
    found: dict[str, ProcedureEntry] = {}
    for entry in entries:
        found.setdefault(entry.heading.id, entry)
    return found


def _warn_unreadable(edition: Edition, reason: str) -> None:
    logger.warning(
        "the edition %r (commit %s) cannot be read: %s; its SOPs are left out of the "
        "revision history",
        edition.name,
        edition.commit[:12],
        reason,
        type="sop",
        subtype="history",
    )


def _warn_uncached(folder: Path, error: OSError) -> None:
    logger.warning(
        "the SOPs of old editions cannot be kept in %s (%s): each build reads them again; "
        "set sop_history_cache to a folder that can be written",
        folder,
        error,
        type="sop",
        subtype="history",
    )

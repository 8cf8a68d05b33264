"""The editions of a handbook in git: edition tags, named refs and the working edition.

Each edition gets its commit, the day of that commit and its pages (the
docnames of the source folder at that commit).  A shallow clone lacks part
of the history: editions whose commits it lacks are reported and left out.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..core.editions import Edition, Site
from ..core.ordering import natural_key
from .git import GitError, git, repository_root
from .pages import docnames

#: What to run to get the history a shallow clone lacks.
UNSHALLOW = "git fetch --unshallow --tags"


@dataclass(frozen=True)
class Missing:
    """An edition whose commit is not in the repository: a wrong ref, or a shallow clone."""

    name: str
    ref: str


@dataclass(frozen=True)
class History:
    """The editions found in git, newest first; those missing; whether the clone is shallow."""

    editions: tuple[Edition, ...]
    missing: tuple[Missing, ...] = ()
    shallow: bool = False

    def site(self, current: str) -> Site:
        """The site of these editions, ``current`` being the one built."""
        return Site(self.editions, current, self.shallow)


@dataclass(frozen=True)
class Sources:
    """Where a handbook's sources are, and which of their files are pages."""

    folder: Path
    suffixes: tuple[str, ...]
    excluded: tuple[str, ...] = ()


def find_editions(
    sources: Sources,
    *,
    pattern: str,
    named: Mapping[str, str],
    working: str | None,
) -> History | None:
    """The editions of the handbook in ``sources``; ``None`` when it is not in a git repository.

    Tags whose name ``pattern`` matches (``re.search``), then ``named`` (name → tag,
    branch or commit; a name given there wins over a tag of that name), then, when
    ``working`` names it, the working edition: the checked-out commit, with the pages
    of the working tree.  Newest commit first; among editions of one commit, the
    working edition, then names in reverse natural order (``v1.10`` before ``v1.9``).
    """
    root = repository_root(sources.folder)
    if root is None:
        return None
    tree = _Tree(root, sources)
    refs = {tag: tag for tag in _tags(root) if re.search(pattern, tag)}
    refs.update(named)
    found: list[tuple[datetime.datetime, Edition]] = []
    missing = []
    for name, ref in refs.items():
        commit = _commit(root, ref)
        if commit is None:
            missing.append(Missing(name, ref))
            continue
        found.append(tree.edition(name, ref, commit))
    if working is not None:
        commit = _commit(root, "HEAD")
        if commit is None:
            missing.append(Missing(working, "HEAD"))
        else:
            found.append(tree.edition(working, _branch(root), commit, working=True))
    found.sort(key=lambda item: (item[0], item[1].working, natural_key(item[1].name)))
    return History(
        tuple(edition for _, edition in reversed(found)),
        tuple(missing),
        shallow=is_shallow(root),
    )


def is_shallow(root: Path) -> bool:
    """Whether the repository is a shallow clone, lacking the older history."""
    return git(root, "rev-parse", "--is-shallow-repository").strip() == "true"


def shallow_warning(history: History) -> str:
    """What a build says of a shallow clone."""
    return (
        "the git history is incomplete (a shallow clone): editions whose commits it lacks "
        f"are left out ({len(history.editions)} found); fetch the whole history with "
        f"'{UNSHALLOW}'"
    )


def missing_warning(missing: Missing, shallow: bool) -> str:
    """What a build says of an edition whose commit git does not have."""
    if shallow:
        return (
            f"edition {missing.name!r} (git ref {missing.ref!r}) is not in this shallow clone: "
            f"it is left out; fetch the whole history with '{UNSHALLOW}'"
        )
    return (
        f"edition {missing.name!r} (git ref {missing.ref!r}) is not in the git repository: "
        "it is left out; fix the ref in sop_editions, or fetch it"
    )


def uncommitted(folder: Path) -> bool:
    """Whether files of ``folder`` differ from the checked-out commit, or are new."""
    try:
        return bool(git(folder, "status", "--porcelain", "--", ".").strip())
    except GitError:
        return False


class _Tree:
    """The source folder of a repository, at any commit or in the working tree."""

    def __init__(self, root: Path, sources: Sources) -> None:
        self.root = root
        self.sources = sources
        folder = sources.folder.resolve().relative_to(root.resolve()).as_posix()
        self.prefix = "" if folder == "." else f"{folder}/"

    def edition(
        self, name: str, ref: str, commit: str, working: bool = False
    ) -> tuple[datetime.datetime, Edition]:
        """The edition at ``commit``, with the moment of its commit to sort by."""
        moment = datetime.datetime.fromisoformat(
            git(self.root, "show", "-s", "--format=%cI", commit).strip()
        )
        files = self._working_files() if working else self._files(commit)
        pages = docnames(
            (path[len(self.prefix) :] for path in files if path.startswith(self.prefix)),
            self.sources.suffixes,
            self.sources.excluded,
        )
        return moment, Edition(name, ref, commit, moment.date(), working, pages)

    def _files(self, commit: str) -> Iterable[str]:
        paths = [f"{self.prefix}"] if self.prefix else []
        listing = git(self.root, "ls-tree", "-r", "-z", "--name-only", commit, "--", *paths)
        return filter(None, listing.split("\0"))

    def _working_files(self) -> Iterable[str]:
        paths = [f"{self.prefix}"] if self.prefix else []
        listing = git(
            self.root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *paths
        )
        return (path for path in listing.split("\0") if path and (self.root / path).is_file())


def _tags(root: Path) -> list[str]:
    return git(root, "for-each-ref", "--format=%(refname:strip=2)", "refs/tags").split()


def _commit(root: Path, ref: str) -> str | None:
    """The commit ``ref`` names, if the repository has it."""
    try:
        return git(root, "rev-parse", "--verify", "--end-of-options", f"{ref}^{{commit}}").strip()
    except GitError:
        return None


def _branch(root: Path) -> str:
    """The checked-out branch; ``HEAD`` when none is (a detached checkout, as on CI)."""
    return git(root, "rev-parse", "--abbrev-ref", "HEAD").strip()

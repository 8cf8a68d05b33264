"""Which files of a source folder are pages: their docnames, as Sphinx would find them."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable


def docnames(
    files: Iterable[str], suffixes: Iterable[str], excluded: Iterable[str] = ()
) -> frozenset[str]:
    """The docnames of ``files`` (paths relative to the source folder, with ``/``).

    A page is a file ending in one of ``suffixes`` (``.rst``, ``.md``), its name
    without the suffix; files or folders matching an ``exclude_patterns`` entry
    (``_build``, ``drafts/*.rst``, ``**/old``) are left out, as Sphinx does.
    """
    endings = sorted(suffixes, key=len, reverse=True)
    patterns = [_pattern(entry) for entry in excluded]
    found = set()
    for path in files:
        ending = next((suffix for suffix in endings if path.endswith(suffix)), None)
        if ending and not any(_matches(pattern, path) for pattern in patterns):
            found.add(path[: -len(ending)])
    return frozenset(found)


def _matches(pattern: re.Pattern[str], path: str) -> bool:
    """Whether ``pattern`` matches ``path`` or one of the folders it is in."""
    while path:
        if pattern.fullmatch(path):
            return True
        path = posixpath.dirname(path)
    return False


def _pattern(glob: str) -> re.Pattern[str]:
    """A Sphinx glob as a regular expression: ``**`` crosses folders, ``*`` and ``?`` do not."""
    parts = re.split(r"(\*\*/?|\*|\?)", glob)
    wildcards = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
    return re.compile("".join(wildcards.get(part, re.escape(part)) for part in parts))

"""The editions of a handbook: which there are, which is newest, where each page lives.

An *edition* is the handbook as it stood at one git commit: a tag such as
``edisi-2024`` or ``v2.0``, a ref named in ``sop_editions``, or the current
branch (the *working* edition, not yet published as an edition).  A
:class:`Site` is every edition built into one site, ``OUTPUT/<edition>/``,
with the edition being built; it travels between the site builder and each
edition's build as JSON (``versions.json``), so nothing here knows of git or
Sphinx.
"""

from __future__ import annotations

import datetime
import json
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: The version of the JSON written by :meth:`Site.to_json`; raised when its layout changes.
SITE_FORMAT = 1


@dataclass(frozen=True)
class Edition:
    """One edition: its name (the folder it is published in), git ref and commit.

    ``date`` is the day of its commit; ``working`` marks the current branch's
    edition; ``pages`` are the docnames its source holds, so that a link to
    the same page elsewhere can tell whether the page is there.
    """

    name: str
    ref: str
    commit: str
    date: datetime.date | None = None
    working: bool = False
    pages: frozenset[str] = field(default_factory=frozenset)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ref": self.ref,
            "commit": self.commit,
            "date": self.date.isoformat() if self.date else None,
            "working": self.working,
            "pages": sorted(self.pages),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Edition:
        date = data.get("date")
        return cls(
            name=data["name"],
            ref=data["ref"],
            commit=data["commit"],
            date=datetime.date.fromisoformat(date) if date else None,
            working=bool(data.get("working", False)),
            pages=frozenset(data.get("pages", ())),
        )


@dataclass(frozen=True)
class Site:
    """Every edition of the site, newest first, and the name of the one being built.

    ``newest`` is the newest published edition (not the working one): the
    edition in force, where the site's start page leads and old editions'
    banners point.  ``shallow`` says the git history was incomplete when the
    editions were found.
    """

    editions: tuple[Edition, ...]
    current: str
    shallow: bool = False

    @property
    def newest(self) -> Edition | None:
        return next((edition for edition in self.editions if not edition.working), None)

    def edition(self, name: str) -> Edition | None:
        return next((edition for edition in self.editions if edition.name == name), None)

    @property
    def this(self) -> Edition | None:
        """The edition being built."""
        return self.edition(self.current)

    def is_old(self, name: str | None = None) -> bool:
        """Whether edition ``name`` (the one being built) is older than the newest one."""
        edition = self.edition(name or self.current)
        newest = self.newest
        if edition is None or newest is None or edition.working:
            return False
        return edition.name != newest.name

    def older_than(self, name: str | None = None) -> tuple[Edition, ...]:
        """The published editions before edition ``name`` (the one being built), newest first."""
        names = [edition.name for edition in self.editions]
        start = names.index(name or self.current) + 1 if (name or self.current) in names else 0
        return tuple(edition for edition in self.editions[start:] if not edition.working)

    def link(self, page: str, to: str, suffix: str = ".html", start: str = "index") -> str:
        """The relative address, from ``page`` of the edition being built, of the same page in
        edition ``to``; of that edition's ``start`` page when it has no such page.
        """
        target = self.edition(to)
        if target is None:
            raise KeyError(to)
        wanted = page if page in target.pages else start
        depth = page.count("/")
        return posixpath.join(*([".."] * (depth + 1)), target.name, f"{wanted}{suffix}")

    def to_json(self) -> str:
        """The site as ``versions.json`` holds it."""
        data = {
            "format": SITE_FORMAT,
            "newest": self.newest.name if self.newest else None,
            "current": self.current,
            "shallow": self.shallow,
            "editions": [edition.to_json() for edition in self.editions],
        }
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str, current: str | None = None) -> Site:
        """The site from ``versions.json``; ``current`` names the edition being built."""
        data = json.loads(text)
        return cls(
            editions=tuple(Edition.from_json(item) for item in data["editions"]),
            current=current if current is not None else data.get("current", ""),
            shallow=bool(data.get("shallow", False)),
        )

"""The JSON line of each SOP kept from the build before, so a rebuild encodes only the
SOPs that changed.

An SOP's line depends on what was read of it (its entry's ``digest``), where it is
published (page, URL, source file) and the project's labels and review period.  The
lines are kept in the doctree folder, one file per builder; a file that cannot be read
is ignored.
"""

from __future__ import annotations

import pickle
from collections.abc import Hashable
from pathlib import Path

from sphinx.builders import Builder

from ...core.files import write_atomically

#: The folder, in the doctree folder, of the files of lines.
CACHE_FOLDER = "sop-json"
#: Raised when the layout of the file changes.
_LAYOUT = 1


class LineCache:
    """The lines of the build before, and those of this build as they are asked for."""

    def __init__(self, builder: Builder, settings: Hashable) -> None:
        self.path = Path(builder.doctreedir, CACHE_FOLDER, f"{builder.name}.pickle")
        self.settings = (_LAYOUT, settings)
        self.before = self._read()
        self.now: dict[Hashable, str] = {}

    def kept(self, key: Hashable) -> str | None:
        """The line kept under ``key`` by the build before, if any."""
        return self.before.get(key)

    def keep(self, key: Hashable, line: str) -> None:
        """Keep ``line`` under ``key`` for the next build."""
        self.now[key] = line

    def save(self) -> None:
        """Keep this build's lines, and only them, for the next build."""
        if self.now == self.before:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps((self.settings, self.now), pickle.HIGHEST_PROTOCOL)
        write_atomically(self.path, data)

    def _read(self) -> dict[Hashable, str]:
        try:
            settings, lines = pickle.loads(self.path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return {}
        return lines if settings == self.settings and isinstance(lines, dict) else {}

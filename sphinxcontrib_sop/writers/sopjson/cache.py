"""The ``sop.json`` of the build before, so a rebuild encodes only the SOPs that changed
and writes the file only when it changed.

An SOP's line depends on what was read of it (its entry's ``digest``), where it is
published (page, URL, source file) and the project's labels and review period: together,
the line's *key*.  The doctree folder keeps, per builder, the key of each line of the
file last written and the file's size and time.  While the file is as it was written,
its lines serve again; a file changed since, or a record that cannot be read, is ignored.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Hashable
from pathlib import Path

from sphinx.builders import Builder

from ...core.export import sop_lines
from ...core.files import write_atomically, write_if_changed

#: The folder, in the doctree folder, of the records of the files written.
CACHE_FOLDER = "sop-json"
#: Raised when the layout of the record changes.
_LAYOUT = 2

#: What identifies a file as written: its path, inode, size and time of change.
Stamp = tuple[str, int, int, int]


class LineCache:
    """The file the build before wrote: the keys of its lines, and the lines when asked."""

    def __init__(self, builder: Builder, data_file: Path, settings: Hashable) -> None:
        self.record = Path(builder.doctreedir, CACHE_FOLDER, f"{builder.name}.pickle")
        self.data_file = data_file
        self.settings = (_LAYOUT, settings)
        #: The keys of the file's lines, if the file is still as the record says.
        self.keys_before = self._recorded_keys()
        self.data_before: bytes | None = None
        self._lines_before: dict[Hashable, memoryview] | None = None

    def holds(self, keys: list[Hashable]) -> bool:
        """Whether the file holds the lines under ``keys`` already."""
        return keys == self.keys_before

    def kept(self, key: Hashable) -> memoryview | None:
        """The line the file holds under ``key``, if any."""
        if self._lines_before is None:
            self._lines_before = self._read_lines()
        return self._lines_before.get(key)

    def write(self, keys: list[Hashable], data: bytes) -> None:
        """Write the file of the lines under ``keys`` (its ``data``) unless it holds that
        already, and record it for the next build."""
        if self.data_before is None:
            write_if_changed(self.data_file, data)
        elif data != self.data_before:
            write_atomically(self.data_file, data)
        self.record.parent.mkdir(parents=True, exist_ok=True)
        record = (self.settings, self._stamp(), keys)
        write_atomically(self.record, pickle.dumps(record, pickle.HIGHEST_PROTOCOL))

    def _recorded_keys(self) -> list[Hashable] | None:
        try:
            settings, stamp, keys = pickle.loads(self.record.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return None
        if settings != self.settings or stamp != self._stamp() or not isinstance(keys, list):
            return None
        return keys

    def _read_lines(self) -> dict[Hashable, memoryview]:
        """The lines of the file under their keys, if it is still as recorded."""
        if self.keys_before is None:
            return {}
        try:
            data = self.data_file.read_bytes()
        except OSError:
            return {}
        lines = sop_lines(data)
        if len(lines) != len(self.keys_before):
            return {}
        self.data_before = data
        return dict(zip(self.keys_before, lines, strict=True))

    def _stamp(self) -> Stamp | None:
        try:
            status = os.stat(self.data_file)
        except OSError:
            return None
        return (str(self.data_file), status.st_ino, status.st_size, status.st_mtime_ns)

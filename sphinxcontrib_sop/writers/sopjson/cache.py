"""The ``sop.json`` of the build before, so a rebuild encodes only the SOPs that changed
and writes the file only when it changed.

An SOP's line depends on what was read of it (its entry's ``digest``), where it is
published (page, URL, source file) and the project's labels and review period: together,
the line's *key*.  The doctree folder keeps, per builder, the key and the place (start
and end) of each line of the file last written, and the file's size and time.  While the
file is as it was written, its lines serve again, taken from where they lie; a file
changed since, or a record that cannot be read, is ignored.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Hashable, Sequence
from itertools import accumulate
from pathlib import Path

from sphinx.builders import Builder

from ...core.export import Part
from ...core.files import write_atomically

#: The folder, in the doctree folder, of the records of the files written.
CACHE_FOLDER = "sop-json"
#: Raised when the layout of the record changes.
_LAYOUT = 3

#: What identifies a file as written: its path, inode, size and time of change.
Stamp = tuple[str, int, int, int]
#: Where a line lies in the file: its first byte and the byte after its last.
Span = tuple[int, int]


class LineCache:
    """The file the build before wrote: the keys of its lines, and the lines when asked."""

    def __init__(self, builder: Builder, data_file: Path, settings: Hashable) -> None:
        self.record = Path(builder.doctreedir, CACHE_FOLDER, f"{builder.name}.pickle")
        self.data_file = data_file
        self.settings = (_LAYOUT, settings)
        recorded = self._recorded()
        #: The keys of the file's lines, if the file is still as the record says.
        self.keys_before: list[Hashable] | None = recorded[0] if recorded else None
        self._spans_before: list[Span] = recorded[1] if recorded else []
        self._data_before: bytes | None = None
        self._lines_before: dict[Hashable, memoryview] | None = None

    def holds(self, keys: list[Hashable]) -> bool:
        """Whether the file holds the lines under ``keys`` already."""
        return keys == self.keys_before

    def kept(self, key: Hashable) -> memoryview | None:
        """The line the file holds under ``key``, if any."""
        if self._lines_before is None:
            self._lines_before = self._read_lines()
        return self._lines_before.get(key)

    def write(self, keys: list[Hashable], parts: Sequence[Part]) -> None:
        """Write the file of the lines under ``keys``, laid out in ``parts`` with each line
        at an odd position (:func:`~sphinxcontrib_sop.core.export.json_parts`), unless it
        holds that already; and record it for the next build."""
        before = self._data_before if self._data_before is not None else self._read_file()
        if before is None or not _same(parts, before):
            write_atomically(self.data_file, parts)
        ends = list(accumulate(len(part) for part in parts))
        spans = [(ends[place - 1], ends[place]) for place in range(1, len(parts), 2)]
        self.record.parent.mkdir(parents=True, exist_ok=True)
        record = (self.settings, self._stamp(), keys, spans)
        write_atomically(self.record, pickle.dumps(record, pickle.HIGHEST_PROTOCOL))

    def _recorded(self) -> tuple[list[Hashable], list[Span]] | None:
        try:
            settings, stamp, keys, spans = pickle.loads(self.record.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return None
        if settings != self.settings or stamp != self._stamp():
            return None
        if not isinstance(keys, list) or not isinstance(spans, list) or len(keys) != len(spans):
            return None
        return keys, spans

    def _read_lines(self) -> dict[Hashable, memoryview]:
        """The lines of the file under their keys, if it is still as recorded."""
        if self.keys_before is None or (data := self._read_file()) is None:
            return {}
        self._data_before = data
        view = memoryview(data)
        return {
            key: view[start:end]
            for key, (start, end) in zip(self.keys_before, self._spans_before, strict=True)
        }

    def _read_file(self) -> bytes | None:
        try:
            return self.data_file.read_bytes()
        except OSError:
            return None

    def _stamp(self) -> Stamp | None:
        try:
            status = os.stat(self.data_file)
        except OSError:
            return None
        return (str(self.data_file), status.st_ino, status.st_size, status.st_mtime_ns)


def _same(parts: Sequence[Part], data: bytes) -> bool:
    """Whether ``parts``, one after the other, are ``data``."""
    if sum(len(part) for part in parts) != len(data):
        return False
    view, start = memoryview(data), 0
    for part in parts:
        end = start + len(part)
        if view[start:end] != part:
            return False
        start = end
    return True

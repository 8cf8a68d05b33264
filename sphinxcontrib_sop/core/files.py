"""Writing a file so that no reader, in this build or a parallel one, sees half of it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomically(path: Path, data: bytes | Iterable[bytes | memoryview]) -> None:
    """Write ``data`` (bytes, or parts written one after the other) to ``path`` under a
    temporary name in its folder, then rename it."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as file:
            if isinstance(data, bytes):
                file.write(data)
            else:
                file.writelines(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (atomically) unless the file holds it already, so that
    tools that go by a file's time (``make``, ``rsync``) leave it alone."""
    if not path.is_file() or path.read_bytes() != data:
        write_atomically(path, data)

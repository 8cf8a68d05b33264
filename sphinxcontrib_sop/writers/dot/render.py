"""Running Graphviz's ``dot``: one cached, atomically written file per DOT source."""

from __future__ import annotations

import contextlib
import hashlib
import re
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ...core.files import write_atomically

#: Prefix of every rendered file, so stale ones can be found and removed.
FILE_PREFIX = "sop-flowchart-"
#: Seconds ``dot`` may take for one flowchart.
TIMEOUT = 60


class GraphvizError(Exception):
    """``dot`` could not render a flowchart."""


class GraphvizMissingError(GraphvizError):
    """The ``dot`` program was not found or cannot be run."""


class GraphvizFailedError(GraphvizError):
    """``dot`` ran but failed; the message is its error output."""


def file_hash(dot_source: str, fmt: str, dot_command: str) -> str:
    """The hash naming the file rendered from ``dot_source`` as ``fmt``."""
    key = "\0".join((dot_source, fmt, dot_command))
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()


def file_name(dot_source: str, fmt: str, dot_command: str) -> str:
    """``sop-flowchart-<hash>.<fmt>``."""
    return f"{FILE_PREFIX}{file_hash(dot_source, fmt, dot_command)}.{fmt}"


def render(dot_source: str, fmt: str, outdir: Path, dot_command: str) -> Path:
    """The file of ``dot_source`` rendered as ``fmt`` in ``outdir``.

    An existing file is returned as it is: ``dot`` runs only for a DOT source
    (or format, or command) it has not rendered before.  The output is written
    to a temporary file and renamed, so a reader never sees a partial file.
    """
    path = Path(outdir) / file_name(dot_source, fmt, dot_command)
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(
            [dot_command, f"-T{fmt}"],
            input=dot_source.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except OSError as error:  # not found, not executable
        raise GraphvizMissingError(str(error)) from error
    except subprocess.TimeoutExpired as error:
        raise GraphvizFailedError(f"dot took longer than {TIMEOUT} seconds") from error
    if result.returncode != 0 or not result.stdout:
        raise GraphvizFailedError(result.stderr.decode("utf-8", "replace").strip())
    output = without_creation_date(result.stdout) if fmt == "pdf" else result.stdout
    write_atomically(path, output)
    return path


def render_many(
    dot_sources: Iterable[str], fmt: str, outdir: Path, dot_command: str, processes: int
) -> None:
    """Render each of ``dot_sources`` that ``outdir`` lacks, up to ``processes`` ``dot``
    processes at once; return when all are done.

    The files are those :func:`render` gives, which then finds them.  A source
    ``dot`` cannot draw is left to :func:`render`, which says why.
    """
    missing: dict[str, str] = {}
    for source in dot_sources:
        name = file_name(source, fmt, dot_command)
        if name not in missing and not (outdir / name).is_file():
            missing[name] = source
    if not missing:
        return
    with ThreadPoolExecutor(max_workers=max(1, processes)) as pool:
        drawing = [
            pool.submit(render, source, fmt, outdir, dot_command) for source in missing.values()
        ]
        for future in drawing:
            with contextlib.suppress(GraphvizError):
                future.result()


#: The date a PDF by ``dot`` (cairo) is stamped with, and the one written instead.
_CREATION_DATE = re.compile(rb"/CreationDate \(D:\d{14}Z\)")
FIXED_CREATION_DATE = b"/CreationDate (D:19700101000000Z)"


def without_creation_date(pdf: bytes) -> bytes:
    """``pdf`` with its creation date fixed, so the same picture gives the same bytes.

    Graphviz (through cairo) stamps each PDF with the time it was drawn, and
    does not read ``SOURCE_DATE_EPOCH``; the date of a picture means nothing,
    so every one gets 1 January 1970. The new date has the same length, so
    the PDF's byte offsets stay right.
    """
    return _CREATION_DATE.sub(FIXED_CREATION_DATE, pdf)

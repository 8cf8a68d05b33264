"""The SOPs of each old edition, kept by commit, so that a rebuild reads no edition again.

One file per commit and source folder, under the build's doctree folder
(``sop-history/``) or the folder ``sop_history_cache`` names.  Its name holds a
hash of the commit, the source folder in the repository and the extension's
version, as the stored models change between versions.  A file is written under
a temporary name and renamed, so builds sharing the folder never read half of one.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path

import sphinxcontrib_sop

from ..core.files import write_atomically
from ..domain import ProcedureEntry

#: The cache's folder under the build's doctree folder, unless sop_history_cache says.
FOLDER = "sop-history"
#: Raised when what a cache file holds changes.
CACHE_FORMAT = 1


def cache_folder(setting: str, srcdir: Path, doctreedir: Path) -> Path:
    """``sop_history_cache`` (relative to the source folder), else ``<doctrees>/sop-history``."""
    return Path(srcdir, setting) if setting else Path(doctreedir, FOLDER)


def cache_file(folder: Path, commit: str, source: str) -> Path:
    """The file of the SOPs of ``source`` (the source folder in the repository) at ``commit``."""
    version = (sphinxcontrib_sop.__version__, sphinxcontrib_sop.ENV_VERSION, CACHE_FORMAT)
    key = json.dumps([commit, source, *version])
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    return folder / f"{commit[:12]}-{digest}.pickle"


def load(path: Path) -> list[ProcedureEntry] | None:
    """The SOPs stored in ``path``; ``None`` when there are none or they cannot be read."""
    try:
        entries = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    if not isinstance(entries, list) or not all(isinstance(e, ProcedureEntry) for e in entries):
        return None
    return entries


def store(path: Path, data: bytes) -> None:
    """Keep ``data``, the pickled SOPs of an edition, in ``path``; ``OSError`` if it cannot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)

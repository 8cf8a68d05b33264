"""Reading the SOPs of a Sphinx project in a process of its own: an old edition's sources,
read with today's extension.

The build runs ``python -m sphinxcontrib_sop.history SOURCE CONFDIR OUTPUT``
(:func:`read_in_process`).  That process reads the project in SOURCE with the
configuration in CONFDIR (:func:`read_sops`) — Sphinx reads every page, as for
the ``dummy`` builder, and writes none — and stores the SOPs of its ``sop``
domain in OUTPUT, pickled (:func:`main`).  Its warnings belong to the old
edition and are not repeated; a failure ends it with the reason on the last
line of its error output.
"""

from __future__ import annotations

import io
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from sphinx.application import Sphinx

from ..domain import ProcedureEntry, get_domain

#: Seconds the reading of one edition may take.
TIMEOUT = 900
#: The edition is read alone: it belongs to no site, so it reads no history itself.
ALONE = {"sop_site": "", "sop_edition": ""}


def read_in_process(source: Path, confdir: Path, output: Path) -> str | None:
    """Read the SOPs of the project in ``source`` into ``output``; why it failed, or ``None``."""
    command = [sys.executable, "-m", __package__, str(source), str(confdir), str(output)]
    try:
        result = subprocess.run(
            command, cwd=source, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    if result.returncode != 0:
        lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
        return lines[-1] if lines else f"the reading ended with status {result.returncode}"
    return None


def read_sops(source: Path, confdir: Path) -> list[ProcedureEntry]:
    """Every SOP of the project in ``source``, in document then source order."""
    with tempfile.TemporaryDirectory(prefix="sop-reading-") as scratch:
        app = Sphinx(
            source,
            confdir,
            Path(scratch, "out"),
            Path(scratch, "doctrees"),
            "dummy",
            confoverrides=dict(ALONE),
            status=None,
            warning=io.StringIO(),
            freshenv=True,
        )
        app.builder.read()
        return get_domain(app.env).definitions()


def main(arguments: Sequence[str]) -> int:
    source, confdir, output = (Path(argument) for argument in arguments)
    try:
        entries = read_sops(source, confdir)
    except Exception as error:  # whatever the old sources and their conf.py raise
        print(f"{type(error).__name__}: {' '.join(str(error).split())}", file=sys.stderr)
        return 1
    output.write_bytes(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
    return 0

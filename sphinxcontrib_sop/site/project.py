"""The handbook's settings, read as sphinx-build reads them for the arguments given."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from io import StringIO
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.cmd.build import get_parser
from sphinx.config import Config
from sphinx.util.docutils import docutils_namespace, patch_docutils


def read_configuration(source: Path, arguments: Sequence[str]) -> Config:
    """The configuration of the handbook in ``source``, with sphinx-build's ``arguments``.

    Its ``conf.py``, the ``-D`` overrides and ``-t`` tags of ``arguments``, and what
    its extensions add (MyST's ``.md`` source suffix, say): a Sphinx application
    is set up with the ``dummy`` builder, which writes nothing.  The arguments are
    checked as sphinx-build checks them (a wrong one ends the program with its usage).
    """
    options = get_parser().parse_args([*arguments, str(source), str(source)])
    overrides = dict(define.partition("=")[::2] for define in options.define)
    confdir = None if options.noconfig else Path(options.confdir or source)
    with tempfile.TemporaryDirectory() as scratch, patch_docutils(confdir), docutils_namespace():
        app = Sphinx(
            srcdir=source,
            confdir=confdir,
            outdir=Path(scratch, "out"),
            doctreedir=Path(scratch, "doctrees"),
            buildername="dummy",
            confoverrides=overrides,
            status=None,
            warning=StringIO(),  # each edition's build gives the warnings
            tags=options.tags,
        )
    return app.config

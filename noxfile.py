"""The test suite on the oldest and the newest stack that ``pyproject.toml`` allows.

``nox -s oldest`` runs it on the lowest Python, Sphinx, docutils and
myst-parser the project claims to support; ``nox -s newest`` on the latest
releases of each. Arguments after ``--`` go to pytest.
"""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.error_on_missing_interpreters = True

#: The floor of each claim in ``pyproject.toml``: keep the two in step.
OLDEST = ("sphinx==7.4.0", "docutils==0.20", "myst-parser==3.0.0")
OLDEST_PYTHON = "3.10"
NEWEST_PYTHON = "3.13"


def run_suite(session: nox.Session, *pins: str) -> None:
    """Install the project with its test extra and ``pins``, then run pytest."""
    session.install("--upgrade", "-e", ".[test]", *pins)
    session.run(
        "python",
        "-c",
        "import sys, sphinx, docutils, myst_parser; "
        "print('Python', sys.version.split()[0], '· Sphinx', sphinx.__version__, "
        "'· docutils', docutils.__version__, '· myst-parser', myst_parser.__version__)",
    )
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python=OLDEST_PYTHON)
def oldest(session: nox.Session) -> None:
    """The oldest supported stack: each dependency pinned at its floor."""
    run_suite(session, *OLDEST)


@nox.session(python=NEWEST_PYTHON)
def newest(session: nox.Session) -> None:
    """The newest stack: the latest release of each dependency that the project allows."""
    run_suite(session)
